using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kapi.Architectures;
using Kapi.Generators.Planning;
using Kapi.Model;

namespace Kapi.Generators.Emitting;

/// <summary>Writes the binding part of a spec file: enums, their architecture translation, the error enum and the wrappers.</summary>
internal static class SyscallEmitter
{
    private const string Marshal = "global::System.Runtime.InteropServices.Marshal";

    public static void Emit(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        foreach (var e in s.Enums)
        {
            EmitEnum(w, plan, s, e);
            w.Line();
            EmitEnumInfo(w, plan, e);
            w.Line();
        }
        EmitErrorEnum(w, plan, s);
        w.Line();
        EmitWrappers(w, plan, s);
    }

    // ---------------------------------------------------------------- enums

    private static void EmitEnum(SourceWriter w, SpecPlan plan, SyscallPlan s, EnumPlan e)
    {
        var param = s.Params.First(p => p.Enum == e.TypeName);
        w.Line($"/// <summary>{(e.IsFlags ? "Flags" : "Values")} for the <c>{CSharp.Xml(e.ParamSpecName)}</c> parameter of <c>{CSharp.Xml(plan.SpecName)}</c> ({plan.Options.ClassName}.{s.MethodName}).{Sentence(param.Description)}</summary>");
        w.Line("/// <remarks>");
        w.Line("/// Members have their portable (x86-64) values; the wrapper translates them to the running architecture's");
        w.Line($"/// values (see <see cref=\"{e.InfoTypeName}\"/>).");
        w.Line("/// </remarks>");
        if (e.IsFlags) w.Line("[global::System.Flags]");
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open($"{plan.Options.Visibility} enum {e.TypeName} : {e.UnderlyingType}");
        foreach (var m in e.Members)
        {
            w.Line($"/// <summary><c>{CSharp.Xml(m.CName)}</c>{MemberValues(m)}.</summary>");
            w.Line($"{m.Identifier} = {CSharp.Constant(m.Portable, e.UnderlyingType)},");
        }
        w.Close();
    }

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

    private static void EmitEnumInfo(SourceWriter w, SpecPlan plan, EnumPlan e)
    {
        string t = e.TypeName;
        w.Line($"/// <summary>Masks of <see cref=\"{t}\"/> and its translation from portable to native values.</summary>");
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open($"{plan.Options.Visibility} static class {e.InfoTypeName}");
        if (e.ValidMask is long valid)
        {
            w.Line("/// <summary>The valid bits (portable values).</summary>");
            w.Line($"public const {t} ValidMask = ({t})({CSharp.Constant(valid, e.UnderlyingType)});");
            w.Line();
        }
        if (e.RequiredMask is long required)
        {
            w.Line("/// <summary>At least one of these bits must be set (portable values).</summary>");
            w.Line($"public const {t} RequiredMask = ({t})({CSharp.Constant(required, e.UnderlyingType)});");
            w.Line();
        }
        if (e.EnumMask is long enumMask)
        {
            w.Line("/// <summary>The bits that hold an enumerated field rather than flags (portable values).</summary>");
            w.Line($"public const {t} EnumMask = ({t})({CSharp.Constant(enumMask, e.UnderlyingType)});");
            w.Line();
        }

        var identity = KapiArchitectures.All.Where(e.IsIdentity).ToList();
        w.Line("/// <summary>Translates a portable value to the running architecture's native value.</summary>");
        w.Line("/// <param name=\"value\">The portable value.</param>");
        w.Line("/// <param name=\"native\">The native value.</param>");
        w.Line("/// <returns>False when the value holds bits or values that do not exist on this architecture.</returns>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Open($"public static bool TryToNative({t} value, out {e.NativeType} native)");
        if (identity.Count == KapiArchitectures.Count)
        {
            w.Line($"native = unchecked(({e.NativeType})value);");
            w.Line("return true;");
        }
        else
        {
            if (identity.Count > 0)
            {
                ArchitectureExpressions.OpenProcessArchitectureSwitch(w, identity);
                w.Line($"    native = unchecked(({e.NativeType})value);");
                w.Line("    return true;");
                w.Close();
            }
            w.Line("return TryToNativeForRunningArchitecture(value, out native);");
        }
        w.Close();
        w.Line();

        if (identity.Count != KapiArchitectures.Count)
        {
            // Kept out of the inlined method above: reading KapiPlatform there would stop the JIT from inlining it.
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Line($"private static bool TryToNativeForRunningArchitecture({t} value, out {e.NativeType} native) =>");
            w.Line("    TryToNative(value, global::Kapi.Runtime.KapiPlatform.Architecture, out native);");
            w.Line();
        }

        w.Line("/// <summary>Translates a portable value to the native value of <paramref name=\"architecture\"/>.</summary>");
        w.Line("/// <param name=\"value\">The portable value.</param>");
        w.Line("/// <param name=\"architecture\">The target architecture.</param>");
        w.Line("/// <param name=\"native\">The native value.</param>");
        w.Line("/// <returns>False when the value holds bits or values that do not exist on that architecture.</returns>");
        w.Open($"public static bool TryToNative({t} value, global::Kapi.Runtime.KapiArchitecture architecture, out {e.NativeType} native)");
        w.Line("long v = unchecked((long)value);");
        var nonIdentity = KapiArchitectures.All.Where(a => !e.IsIdentity(a)).ToList();
        if (nonIdentity.Count == 0)
        {
            w.Line($"native = unchecked(({e.NativeType})v);");
            w.Line("return true;");
            w.Close();
            w.Close();
            return;
        }
        w.Line("long r;");
        w.Open("switch (architecture)");
        // Architectures with identical tables share one case.
        var groups = nonIdentity.GroupBy(a => TranslationKey(e, a)).ToList();
        foreach (var g in groups)
        {
            foreach (var arch in g) w.Line($"case {ArchitectureExpressions.KapiArchitectureMember(arch)}:");
            w.OpenBrace();
            EmitTranslation(w, e, g.First());
            w.Line("break;");
            w.Close();
        }
        w.Line("default:");
        w.OpenBrace();
        w.Line("r = v;");
        w.Line("break;");
        w.Close();
        w.Close();
        w.Line($"native = unchecked(({e.NativeType})r);");
        w.Line("return true;");
        w.Close();
        w.Close();
    }

    private static string TranslationKey(EnumPlan e, KapiArch arch) =>
        string.Join(",", e.Members.Select(m => m.Native[arch]?.ToString(CultureInfo.InvariantCulture) ?? "-")) + "|" + e.NativeEnumMask?[arch];

    private static void EmitTranslation(SourceWriter w, EnumPlan e, KapiArch arch)
    {
        w.Line("r = 0;");
        if (e.IsFlags)
        {
            long known = 0;
            foreach (var m in e.Members.Where(m => !m.IsEnumField && m.Portable != 0))
            {
                if (m.Native[arch] is not long n) continue; // not defined here: the bit stays unknown
                w.Line($"if ((v & {CSharp.Long(m.Portable, true)}) == {CSharp.Long(m.Portable, true)}) r |= {CSharp.Long(n, true)};");
                known |= m.Portable;
            }
            if (e.EnumMask is long em)
            {
                w.Open($"switch (v & {CSharp.Long(em, true)})");
                var seen = new HashSet<long>();
                foreach (var m in e.Members.Where(m => m.IsEnumField))
                {
                    if (m.Native[arch] is not long n || !seen.Add(m.Portable)) continue;
                    w.Line($"case {CSharp.Long(m.Portable, true)}: r |= {CSharp.Long(n, true)}; break;");
                }
                w.Line("default: native = 0; return false;");
                w.Close();
                known |= em;
            }
            w.Line($"if ((v & ~{CSharp.Long(known, true)}) != 0) {{ native = 0; return false; }}");
        }
        else
        {
            w.Open("switch (v)");
            var seen = new HashSet<long>();
            foreach (var m in e.Members)
            {
                if (m.Native[arch] is not long n || !seen.Add(m.Portable)) continue;
                w.Line($"case {CSharp.Long(m.Portable)}: r = {CSharp.Long(n)}; break;");
            }
            w.Line("default: native = 0; return false;");
            w.Close();
        }
    }

    // ---------------------------------------------------------------- errors

    private static void EmitErrorEnum(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        var errors = s.Errors;
        w.Line($"/// <summary>The errors <c>{CSharp.Xml(plan.SpecName)}</c> can return, as its spec lists them (<c>KAPI_ERROR</c>), in portable (x86-64) errno numbers.</summary>");
        w.Line("/// <remarks>An errno the spec does not list is kept as an undefined value of this enum (see <c>SyscallResult.IsSpecifiedError</c>).</remarks>");
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open($"{plan.Options.Visibility} enum {errors.TypeName}");
        foreach (var m in errors.Members)
        {
            var doc = m.Doc.Count > 0 ? ": " + string.Join(" Or: ", m.Doc.Select(CSharp.Xml)) : string.Empty;
            w.Line($"/// <summary><c>{m.Identifier}</c> ({m.Portable.ToString(CultureInfo.InvariantCulture)}){doc}</summary>");
            w.Line($"{m.Identifier} = {m.Portable.ToString(CultureInfo.InvariantCulture)},");
        }
        w.Close();
    }

    // ---------------------------------------------------------------- wrappers

    private static string ResultType(SyscallPlan s) => s.Return.Kind switch
    {
        ReturnKind.Status => $"global::Kapi.Runtime.SyscallResult<{s.Errors.TypeName}>",
        ReturnKind.FileDescriptor => $"global::Kapi.Runtime.SyscallResult<global::Kapi.Runtime.FileDescriptor, {s.Errors.TypeName}>",
        _ => $"global::Kapi.Runtime.SyscallResult<{s.Return.NativeType}, {s.Errors.TypeName}>",
    };

    private static string? ValueType(SyscallPlan s) => s.Return.Kind switch
    {
        ReturnKind.Status => null,
        ReturnKind.FileDescriptor => "global::Kapi.Runtime.FileDescriptor",
        _ => s.Return.NativeType,
    };

    /// <summary>The failure a rejected argument returns (<see cref="ValidationPlan.Rejection"/>).</summary>
    private static string Rejection(SyscallPlan s)
    {
        var r = s.Validation.Rejection;
        string error = r.Member is string m ? $"{s.Errors.TypeName}.{m}" : $"({s.Errors.TypeName}){r.Portable.ToString(CultureInfo.InvariantCulture)}";
        string native = ArchitectureExpressions.Int(r.Native, r.Portable);
        return $"{ResultType(s)}.Failure({error}, {native})";
    }

    private static void EmitWrappers(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        var o = plan.Options;
        string result = ResultType(s);
        w.Open($"{o.Visibility} static partial class {o.ClassName}");

        // The typed wrapper.
        EmitMethodDocs(w, plan, s, raw: false);
        w.Line($"[global::Kapi.Runtime.KapiSyscall({CSharp.AttributeLiteral(plan.SpecName)})]");
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Line($"public static {result} {s.MethodName}({ParameterList(plan, s, raw: false)})");
        w.OpenBrace();
        EmitBody(w, plan, s);
        w.Close();

        if (s.HasEnumParams)
        {
            w.Line();
            EmitMethodDocs(w, plan, s, raw: true);
            w.Line($"[global::Kapi.Runtime.KapiSyscall({CSharp.AttributeLiteral(plan.SpecName)})]");
            w.Line(GeneratedCodeMarkers.Attribute);
            var args = string.Join(", ", s.Params.Select(p => p.Enum is not null ? $"({p.Enum}){p.Identifier}" : p.Identifier));
            w.Line($"public static {result} {s.MethodName}({ParameterList(plan, s, raw: true)}) => {s.MethodName}({args});");
        }

        // The Span overload (compilations with unsafe code only): byte buffers as spans, their lengths from the spans.
        string? valueType = ValueType(s);
        if (s.SpanBuffers.Count > 0)
        {
            w.Line();
            EmitSpanOverload(w, plan, s, throwing: false, result);
        }

        // The throwing variant.
        w.Line();
        w.Line($"/// <summary>Calls <see cref=\"{s.MethodName}({string.Join(", ", s.Params.Select(p => CrefType(p)))})\"/> and throws when it fails.{Sentence(plan.Spec.Description)}</summary>");
        foreach (var p in s.Params) w.Line($"/// <param name=\"{p.Identifier.TrimStart('@')}\">{ParamDoc(p, s)}</param>");
        if (valueType is not null) w.Line("/// <returns>The value the call returned.</returns>");
        w.Line("/// <exception cref=\"global::Kapi.Runtime.KapiSyscallException\">The call failed; the message is the spec's description of the error.</exception>");
        w.Line($"[global::Kapi.Runtime.KapiSyscall({CSharp.AttributeLiteral(plan.SpecName)})]");
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open($"public static {valueType ?? "void"} {s.MethodName}OrThrow({ParameterList(plan, s, raw: false)})");
        w.Line($"var __result = {s.MethodName}({string.Join(", ", s.Params.Select(p => p.Identifier))});");
        w.Line($"if (__result.IsError) throw __{s.MethodName}_Exception(__result.Error, __result.Errno);");
        if (valueType is not null) w.Line("return __result.Value;");
        w.Close();

        if (s.SpanBuffers.Count > 0)
        {
            w.Line();
            EmitSpanOverload(w, plan, s, throwing: true, valueType ?? "void");
        }

        // Exception factory: the spec's description of each error.
        w.Line();
        w.Open($"private static global::Kapi.Runtime.KapiSyscallException __{s.MethodName}_Exception({s.Errors.TypeName} error, int errno)");
        if (s.Errors.Members.Count > 0)
        {
            w.Open("switch (error)");
            foreach (var m in s.Errors.Members)
            {
                w.Line($"case {s.Errors.TypeName}.{m.Identifier}: return new global::Kapi.Runtime.KapiSyscallException({CSharp.Literal(plan.SpecName)}, errno, {CSharp.Literal(m.Identifier)}, {CSharp.Literal(m.Message)});");
            }
            w.Line($"default: return new global::Kapi.Runtime.KapiSyscallException({CSharp.Literal(plan.SpecName)}, errno, null, null);");
            w.Close();
        }
        else
        {
            w.Line($"return new global::Kapi.Runtime.KapiSyscallException({CSharp.Literal(plan.SpecName)}, errno, null, null);");
        }
        w.Close();

        // errno: native -> portable.
        EmitErrnoTranslation(w, s);

        // The native import: blittable, no SetLastError (errno is read in the wrapper, as LibraryImport stubs do),
        // so it works with DisableRuntimeMarshalling and NativeAOT.
        w.Line();
        w.Line($"[global::System.Runtime.InteropServices.DllImport(\"libc\", EntryPoint = {CSharp.Literal(s.LibcFunction)}, ExactSpelling = true)]");
        w.Line($"private static extern {s.Return.NativeType} {s.NativeMethodName}({string.Join(", ", s.Params.Select(p => p.NativeType + " " + p.Identifier))});");
        w.Close();
    }

    /// <summary>
    /// The Span overload of the wrapper (or of its throwing variant): each buffer of <see cref="SyscallPlan.SpanBuffers"/>
    /// is a span, pinned with <c>fixed</c> and passed as a pointer, and its length parameter is left out and passed the
    /// span's length. It calls the pointer overload, which checks the constraints and makes the call.
    /// </summary>
    private static void EmitSpanOverload(SourceWriter w, SpecPlan plan, SyscallPlan s, bool throwing, string returnType)
    {
        string name = s.MethodName + (throwing ? "OrThrow" : string.Empty);
        string target = $"{name}({string.Join(", ", s.Params.Select(p => CrefType(p)))})";
        bool several = s.SpanBuffers.Count > 1;

        w.Line($"/// <summary>Calls <see cref=\"{target}\"/> with the address and length of {(several ? "the spans" : "the span")}{(throwing ? " and throws when it fails" : string.Empty)}.{Sentence(plan.Spec.Description)}</summary>");
        w.Line($"/// <remarks>{(several ? "Each span is" : "The span is")} pinned for the duration of the call and its length is passed as the spec's size parameter; an empty span passes a null pointer and 0. The overload called {(plan.Options.RuntimeValidation ? "checks the spec's constraints" : "makes the call")} and reports the errors.</remarks>");
        for (int i = 0; i < s.Params.Count; i++)
        {
            if (s.IsSpanLength(i)) continue;
            var p = s.Params[i];
            string doc = s.SpanFor(i) is { } b ? SpanParamDoc(p, s.Params[b.Size]) : ParamDoc(p, s);
            w.Line($"/// <param name=\"{p.Identifier.TrimStart('@')}\">{doc}</param>");
        }
        if (!throwing)
        {
            var returnDoc = CSharp.Xml(plan.Spec.Return?.Description);
            w.Line($"/// <returns>{(returnDoc.Length > 0 ? returnDoc + ". " : string.Empty)}On failure the result holds a <see cref=\"{s.Errors.TypeName}\"/>.</returns>");
        }
        else
        {
            if (returnType != "void") w.Line("/// <returns>The value the call returned.</returns>");
            w.Line("/// <exception cref=\"global::Kapi.Runtime.KapiSyscallException\">The call failed; the message is the spec's description of the error.</exception>");
        }
        w.Line($"[global::Kapi.Runtime.KapiSyscall({CSharp.AttributeLiteral(plan.SpecName)})]");
        w.Line(GeneratedCodeMarkers.Attribute);

        var parameters = new List<string>();
        var args = new List<string>();
        var pins = new List<string>();
        for (int i = 0; i < s.Params.Count; i++)
        {
            var p = s.Params[i];
            if (s.SpanFor(i) is { } b)
            {
                parameters.Add(b.SpanType + " " + p.Identifier);
                pins.Add($"{p.NativeLocal} = {p.Identifier}");
                args.Add("(nint)" + p.NativeLocal);
            }
            else if (s.IsSpanLength(i))
            {
                var buffer = s.Params[s.SpanBuffers.First(x => x.Size == i).Buffer];
                // Every length type holds 0..int.MaxValue (see SpecPlanner), so the conversion keeps the value.
                args.Add(p.NativeType == "int" ? buffer.Identifier + ".Length" : $"({p.NativeType}){buffer.Identifier}.Length");
            }
            else
            {
                string attr = p.FlagsAttribute is { } f ? FlagsAttribute(plan, p, f) + " " : string.Empty;
                parameters.Add(attr + p.PublicType + " " + p.Identifier);
                args.Add(p.Identifier);
            }
        }
        w.Open($"public static unsafe {returnType} {name}({string.Join(", ", parameters)})");
        w.Open($"fixed (byte* {string.Join(", ", pins)})");
        w.Line($"{(returnType == "void" ? string.Empty : "return ")}{name}({string.Join(", ", args)});");
        w.Close();
        w.Close();
    }

    private static string SpanParamDoc(ParamPlan p, ParamPlan size)
    {
        var parts = DescriptionAndConstraint(p);
        parts.Add($"Its length is passed as <c>{CSharp.Xml(size.SpecName)}</c>.");
        return string.Join(" ", parts);
    }

    private static string CrefType(ParamPlan p) => p.Kind switch
    {
        ParamKind.FileDescriptor => "global::Kapi.Runtime.FileDescriptor",
        ParamKind.String => "string",
        _ => p.Enum ?? p.NativeType,
    };

    private static void EmitErrnoTranslation(SourceWriter w, SyscallPlan s)
    {
        var e = s.Errors;
        var nonIdentity = KapiArchitectures.All.Where(a => !e.IsIdentity(a)).ToList();
        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Open($"private static {e.TypeName} __{s.MethodName}_FromErrno(int errno)");
        if (nonIdentity.Count == 0)
        {
            w.Line($"return ({e.TypeName})errno;");
            w.Close();
            return;
        }
        var identity = KapiArchitectures.All.Where(e.IsIdentity).ToList();
        if (identity.Count > 0)
        {
            ArchitectureExpressions.OpenProcessArchitectureSwitch(w, identity);
            w.Line($"    return ({e.TypeName})errno;");
            w.Close();
        }
        w.Line($"return __{s.MethodName}_FromErrnoOnRunningArchitecture(errno);");
        w.Close();

        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        w.Line($"private static {e.TypeName} __{s.MethodName}_FromErrnoOnRunningArchitecture(int errno) => __{s.MethodName}_FromErrno(errno, global::Kapi.Runtime.KapiPlatform.Architecture);");

        // Native errno numbers that differ from the portable ones, per architecture.
        w.Line();
        w.Open($"private static {e.TypeName} __{s.MethodName}_FromErrno(int errno, global::Kapi.Runtime.KapiArchitecture architecture)");
        w.Open("switch (architecture)");
        foreach (var g in nonIdentity.GroupBy(a => string.Join(",", e.Members.Select(m => m.Native[a]?.ToString(CultureInfo.InvariantCulture) ?? "-"))))
        {
            foreach (var arch in g) w.Line($"case {ArchitectureExpressions.KapiArchitectureMember(arch)}:");
            w.OpenBrace();
            w.Open("switch (errno)");
            var seen = new HashSet<long>();
            foreach (var m in e.Members)
            {
                if (m.Native[g.First()] is not long n || !seen.Add(n)) continue;
                w.Line($"case {n.ToString(CultureInfo.InvariantCulture)}: return {e.TypeName}.{m.Identifier};");
            }
            w.Close();
            w.Line("break;");
            w.Close();
        }
        w.Close();
        w.Line($"return ({e.TypeName})errno;");
        w.Close();
    }

    private static string ParameterList(SpecPlan plan, SyscallPlan s, bool raw)
    {
        return string.Join(", ", s.Params.Select(p =>
        {
            string attr = p.FlagsAttribute is { } f ? FlagsAttribute(plan, p, f) + " " : string.Empty;
            return attr + (raw ? p.RawType : p.PublicType) + " " + p.Identifier;
        }));
    }

    private static string FlagsAttribute(SpecPlan plan, ParamPlan p, FlagsAttributePlan f)
    {
        var parts = new List<string>
        {
            CSharp.AttributeLiteral(plan.SpecName),
            CSharp.AttributeLiteral(p.SpecName),
            "ValidMask = " + CSharp.Long(f.ValidMask, true),
        };
        if (f.RequiredMask != 0) parts.Add("RequiredMask = " + CSharp.Long(f.RequiredMask, true));
        if (f.FlagPrefix is not null) parts.Add("FlagPrefix = " + CSharp.AttributeLiteral(f.FlagPrefix));
        return "[global::Kapi.Runtime.KapiFlags(" + string.Join(", ", parts) + ")]";
    }

    private static void EmitBody(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        string einval = Rejection(s);

        // 1. Constraint checks (CONFIG_KAPI_RUNTIME_CHECKS semantics): EINVAL before entering the kernel.
        foreach (var p in s.Validation.Parameters) ValidationEmitter.Emit(w, p, einval);

        // 2. Portable -> native values.
        var args = new List<string>();
        foreach (var p in s.Params)
        {
            switch (p.Kind)
            {
                case ParamKind.FileDescriptor:
                    args.Add(p.Identifier + ".Value");
                    break;
                case ParamKind.String:
                    args.Add(p.NativeLocal);
                    break;
                default:
                    if (p.Enum is not null)
                    {
                        string local = p.NativeLocal;
                        w.Line($"if (!{p.Enum}Info.TryToNative({p.Identifier}, out {p.NativeType} {local})) return {einval};");
                        args.Add(local);
                    }
                    else
                    {
                        args.Add(p.Identifier);
                    }
                    break;
            }
        }

        string call = $"{s.NativeMethodName}({string.Join(", ", args)})";
        string success = s.Return.Kind switch
        {
            ReturnKind.Status => $"{ResultType(s)}.Success",
            ReturnKind.FileDescriptor => $"{ResultType(s)}.Success(new global::Kapi.Runtime.FileDescriptor(__ret))",
            _ => $"{ResultType(s)}.Success(__ret)",
        };
        string failure = $"{ResultType(s)}.Failure(__{s.MethodName}_FromErrno(__errno), __errno)";

        // 3. The call. Where -1 can be a successful result, errno is cleared first so that -1 with errno 0 is not an
        //    error; otherwise libc sets errno whenever it returns -1 and clearing it would only cost a native call.
        var strings = s.Params.Where(p => p.Kind == ParamKind.String).ToList();
        if (strings.Count == 0)
        {
            if (s.Return.MinusOneCanSucceed) w.Line($"{Marshal}.SetLastSystemError(0);");
            w.Line($"{s.Return.NativeType} __ret = {call};");
            w.Open("if (__ret == -1)");
            w.Line($"int __errno = {Marshal}.GetLastSystemError();");
            w.Line($"if (__errno != 0) return {failure};");
            w.Close();
            w.Line($"return {success};");
            return;
        }

        foreach (var p in strings)
        {
            w.Line($"nint {p.NativeLocal} = {Marshal}.StringToCoTaskMemUTF8({p.Identifier});");
        }
        w.Line($"{s.Return.NativeType} __ret;");
        w.Line("int __errno = 0;");
        w.Line("try");
        w.OpenBrace();
        if (s.Return.MinusOneCanSucceed) w.Line($"{Marshal}.SetLastSystemError(0);");
        w.Line($"__ret = {call};");
        w.Line($"if (__ret == -1) __errno = {Marshal}.GetLastSystemError();");
        w.Close();
        w.Line("finally");
        w.OpenBrace();
        foreach (var p in strings) w.Line($"{Marshal}.FreeCoTaskMem({p.NativeLocal});");
        w.Close();
        w.Line($"if (__ret == -1 && __errno != 0) return {failure};");
        w.Line($"return {success};");
    }

    // ---------------------------------------------------------------- documentation

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

    private static void EmitMethodDocs(SourceWriter w, SpecPlan plan, SyscallPlan s, bool raw)
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
                var doc = m.Doc.Count > 0 ? ": " + string.Join(" Or: ", m.Doc.Select(CSharp.Xml)) : string.Empty;
                w.Line($"/// <item><description><c>{m.Identifier}</c>{doc}</description></item>");
            }
            w.Line("/// </list>");
        }
        w.Line("/// </remarks>");
        foreach (var p in s.Params)
        {
            w.Line($"/// <param name=\"{p.Identifier.TrimStart('@')}\">{ParamDoc(p, s)}{(raw && p.Enum is not null ? $" Raw bits of <see cref=\"{p.Enum}\"/>." : string.Empty)}</param>");
        }
        var returnDoc = CSharp.Xml(spec.Return?.Description);
        w.Line($"/// <returns>{(returnDoc.Length > 0 ? returnDoc + ". " : string.Empty)}On failure the result holds a <see cref=\"{s.Errors.TypeName}\"/>.</returns>");
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
}
