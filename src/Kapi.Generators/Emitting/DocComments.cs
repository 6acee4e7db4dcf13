using System.Globalization;

namespace Kapi.Generators.Emitting;

/// <summary>
/// The XML documentation of the bindings, from the spec's text: the parameter enums and their members, the error enum,
/// and the wrappers (summary, remarks with the long description, notes and errors, parameters, returns, examples). All
/// spec text is escaped (<see cref="CSharp.Xml"/>). Fixed texts of generated helpers stay next to their code.
/// </summary>
internal static class DocComments
{
    /// <summary>The documentation of a parameter enum.</summary>
    public static void Enum(SourceWriter w, SpecPlan plan, SyscallPlan s, EnumPlan e)
    {
        var param = s.Params.First(p => p.Enum == e.TypeName);
        w.Line($"/// <summary>{(e.IsFlags ? "Flags" : "Values")} for the <c>{CSharp.Xml(e.ParamSpecName)}</c> parameter of <c>{CSharp.Xml(plan.SpecName)}</c> ({plan.Options.ClassName}.{s.MethodName}).{Sentence(param.Description)}</summary>");
        w.Line("/// <remarks>");
        w.Line("/// Members have their portable (x86-64) values; the wrapper translates them to the running architecture's");
        w.Line($"/// values (see <see cref=\"{e.InfoTypeName}\"/>).");
        w.Line("/// </remarks>");
    }

    /// <summary>The documentation of a parameter enum's member: its C name and its values where they differ.</summary>
    public static void EnumMember(SourceWriter w, EnumMemberPlan m) =>
        w.Line($"/// <summary><c>{CSharp.Xml(m.CName)}</c>{MemberValues(m)}.</summary>");

    private static string MemberValues(EnumMemberPlan m)
    {
        var parts = new List<string>();
        parts.Add("0x" + m.Portable.ToString("X", CultureInfo.InvariantCulture));
        foreach (var arch in KapiArchitectures.All)
        {
            var v = m.Native[arch];
            if (v == m.Portable) continue;
            parts.Add(arch.RidName() + " " + (v is long n ? "0x" + n.ToString("X", CultureInfo.InvariantCulture) : "undefined"));
        }
        return " (" + string.Join("; ", parts) + ")";
    }

    /// <summary>The documentation of the error enum.</summary>
    public static void ErrorEnum(SourceWriter w, SpecPlan plan)
    {
        w.Line($"/// <summary>The errors <c>{CSharp.Xml(plan.SpecName)}</c> can return, as its spec lists them (<c>KAPI_ERROR</c>), in portable (x86-64) errno numbers.</summary>");
        w.Line("/// <remarks>An errno the spec does not list is kept as an undefined value of this enum (see <c>SyscallResult.IsSpecifiedError</c>).</remarks>");
    }

    /// <summary>The documentation of an error enum member: its errno and the spec's conditions and descriptions.</summary>
    public static void ErrorMember(SourceWriter w, ErrorMemberPlan m) =>
        w.Line($"/// <summary><c>{m.Identifier}</c> ({m.Portable.ToString(CultureInfo.InvariantCulture)}){ErrorText(m)}</summary>");

    /// <summary>": condition: description" of an error (several joined with " Or: "), or nothing.</summary>
    private static string ErrorText(ErrorMemberPlan m) =>
        m.Doc.Count > 0 ? ": " + string.Join(" Or: ", m.Doc.Select(CSharp.Xml)) : string.Empty;

    /// <summary>The documentation of the typed wrapper, or of its raw-integer overload (<paramref name="raw"/>).</summary>
    public static void Wrapper(SourceWriter w, SpecPlan plan, SyscallPlan s, bool raw)
    {
        var spec = plan.Spec;
        var summary = CSharp.Xml(spec.Description);
        if (summary.Length == 0) summary = $"Calls <c>{CSharp.Xml(s.LibcFunction)}</c>.";
        w.Line($"/// <summary>{summary}</summary>");
        w.Line("/// <remarks>");
        foreach (var para in new[] { spec.LongDescription, spec.Notes })
        {
            var lines = CSharp.XmlLines(para).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0) continue;
            w.Line("/// <para>");
            foreach (var l in lines) w.Line("/// " + l);
            w.Line("/// </para>");
        }
        w.Line($"/// <para>Spec <c>{CSharp.Xml(plan.SpecName)}</c>{(plan.SourceFile is null ? string.Empty : $" ({CSharp.Xml(plan.SourceFile)})")}; calls the libc function <c>{CSharp.Xml(s.LibcFunction)}</c>.{(plan.Options.RuntimeValidation ? " Arguments that break the spec's constraints return <c>EINVAL</c> without entering the kernel." : string.Empty)}</para>");
        var kernelReturn = KernelReturn(plan);
        if (kernelReturn.Length > 0) w.Line("/// " + kernelReturn);
        if (raw)
        {
            w.Line("/// <para>This overload takes raw integers in the portable (x86-64) numbering of the flag enums.</para>");
        }
        if (s.Errors.Members.Count > 0)
        {
            w.Line("/// <para>Errors:</para>");
            w.Line("/// <list type=\"bullet\">");
            foreach (var m in s.Errors.Members)
            {
                w.Line($"/// <item><description><c>{m.Identifier}</c>{ErrorText(m)}</description></item>");
            }
            w.Line("/// </list>");
        }
        w.Line("/// </remarks>");
        foreach (var p in s.Params)
        {
            w.Line($"/// <param name=\"{p.Identifier.TrimStart('@')}\">{ParamDoc(p, s)}{(raw && p.Enum is not null ? $" Raw bits of <see cref=\"{p.Enum}\"/>." : string.Empty)}</param>");
        }
        Returns(w, s);
        var examples = CSharp.XmlLines(spec.Examples).ToList();
        if (examples.Any(l => l.Length > 0))
        {
            w.Line("/// <example>");
            w.Line("/// <code>");
            foreach (var l in examples) w.Line("/// " + l);
            w.Line("/// </code>");
            w.Line("/// </example>");
        }
    }

    /// <summary>The documentation of the throwing variant (<c>OrThrow</c>).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="plan">The spec's plan.</param>
    /// <param name="s">The binding.</param>
    /// <param name="returnsValue">The variant returns the call's value.</param>
    public static void ThrowingWrapper(SourceWriter w, SpecPlan plan, SyscallPlan s, bool returnsValue)
    {
        w.Line($"/// <summary>Calls <see cref=\"{WrapperSignature.Cref(s, s.MethodName)}\"/> and throws when it fails.{Sentence(plan.Spec.Description)}</summary>");
        foreach (var p in s.Params) w.Line($"/// <param name=\"{p.Identifier.TrimStart('@')}\">{ParamDoc(p, s)}</param>");
        ThrowingReturns(w, returnsValue);
    }

    /// <summary>The documentation of a Span overload of the wrapper or of its throwing variant (<paramref name="throwing"/>).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="plan">The spec's plan.</param>
    /// <param name="s">The binding.</param>
    /// <param name="target">The overload it calls (<c>Read</c> or <c>ReadOrThrow</c>).</param>
    /// <param name="throwing">It is the throwing variant's Span overload.</param>
    /// <param name="returnsValue">It returns the call's value (throwing variant only).</param>
    public static void SpanOverload(SourceWriter w, SpecPlan plan, SyscallPlan s, string target, bool throwing, bool returnsValue)
    {
        bool several = s.SpanBuffers.Count > 1;
        w.Line($"/// <summary>Calls <see cref=\"{WrapperSignature.Cref(s, target)}\"/> with the address and length of {(several ? "the spans" : "the span")}{(throwing ? " and throws when it fails" : string.Empty)}.{Sentence(plan.Spec.Description)}</summary>");
        w.Line($"/// <remarks>{(several ? "Each span is" : "The span is")} pinned for the duration of the call and its length is passed as the spec's size parameter; an empty span passes a null pointer and 0. The overload called {(plan.Options.RuntimeValidation ? "checks the spec's constraints" : "makes the call")} and reports the errors.</remarks>");
        for (int i = 0; i < s.Params.Count; i++)
        {
            if (s.IsSpanLength(i)) continue;
            var p = s.Params[i];
            string doc = s.SpanFor(i) is { } b ? SpanParamDoc(p, s.Params[b.Size]) : ParamDoc(p, s);
            w.Line($"/// <param name=\"{p.Identifier.TrimStart('@')}\">{doc}</param>");
        }
        if (!throwing) Returns(w, s);
        else ThrowingReturns(w, returnsValue);
    }

    /// <summary>What the wrapper returns (its result, not the kernel's return value, which the remarks quote).</summary>
    private static void Returns(SourceWriter w, SyscallPlan s)
    {
        string success = s.Return.Kind switch
        {
            ReturnKind.Status => "Success when the call succeeded",
            ReturnKind.FileDescriptor => "On success, the file descriptor the call returned (<c>Value</c>)",
            _ => "On success, the value the call returned (<c>Value</c>)",
        };
        string rejected = s.Validation.Parameters.Count > 0 || s.Enums.Count > 0
            ? " <c>IsRejectedBeforeCall</c> is true when the wrapper rejected the arguments itself (<c>EINVAL</c>) without calling the kernel."
            : string.Empty;
        w.Line($"/// <returns>{success}; otherwise the error, a <see cref=\"{s.Errors.TypeName}\"/> with the errno.{rejected}</returns>");
    }

    /// <summary>The kernel's return value as the spec describes it, for the remarks (the wrapper's result is in returns).</summary>
    private static string KernelReturn(SpecPlan plan)
    {
        var returnDoc = CSharp.Xml(plan.Spec.Return?.Description);
        if (returnDoc.Length == 0) return string.Empty;
        return $"<para>The system call's return value (spec): {returnDoc}{(returnDoc.EndsWith(".", System.StringComparison.Ordinal) ? string.Empty : ".")} The wrapper turns a failure into the result's error.</para>";
    }

    private static void ThrowingReturns(SourceWriter w, bool returnsValue)
    {
        if (returnsValue) w.Line("/// <returns>The value the call returned.</returns>");
        w.Line("/// <exception cref=\"global::Kapi.Runtime.KapiSyscallException\">The call failed; the message is the spec's description of the error.</exception>");
    }

    /// <summary>The text as a sentence after a leading space (a full stop added unless it ends in punctuation), or nothing.</summary>
    private static string Sentence(string? text)
    {
        var t = CSharp.Xml(text);
        if (t.Length == 0) return string.Empty;
        char last = t[t.Length - 1];
        return " " + t + (last is '.' or '!' or '?' or ':' ? string.Empty : ".");
    }

    /// <summary>A parameter's spec description and constraint text, XML-escaped, each as a sentence.</summary>
    private static List<string> DescriptionAndConstraint(ParamPlan p)
    {
        var parts = new List<string>();
        var d = CSharp.Xml(p.Description);
        if (d.Length > 0) parts.Add(d.EndsWith(".", System.StringComparison.Ordinal) ? d : d + ".");
        var c = CSharp.Xml(p.ConstraintText);
        if (c.Length > 0) parts.Add(c.EndsWith(".", System.StringComparison.Ordinal) ? c : c + ".");
        return parts;
    }

    private static string ParamDoc(ParamPlan p, SyscallPlan s)
    {
        var parts = DescriptionAndConstraint(p);
        if (p.Enum is not null)
        {
            var e = s.Enums.First(x => x.TypeName == p.Enum);
            parts.Add((e.IsFlags ? "Valid flags: " : "Valid values: ") + string.Join(", ", e.Members.Select(m => CSharp.Xml(m.CName))) + ".");
        }
        if (p.Kind == ParamKind.FileDescriptor) parts.Add("A file descriptor.");
        if (p.Kind == ParamKind.String) parts.Add("Passed as a NUL-terminated UTF-8 string.");
        if (p.Kind == ParamKind.Pointer) parts.Add("A pointer to user memory.");
        return parts.Count == 0 ? CSharp.Xml(p.SpecName) : string.Join(" ", parts);
    }

    private static string SpanParamDoc(ParamPlan p, ParamPlan size)
    {
        var parts = DescriptionAndConstraint(p);
        parts.Add($"Its length is passed as <c>{CSharp.Xml(size.SpecName)}</c>.");
        return string.Join(" ", parts);
    }
}
