using System;
using System.Collections.Generic;
using System.Linq;
using Kapi.Architectures;
using Kapi.Collections;
using Kapi.Generators.Emitting;
using Kapi.Generators.Pipeline;
using Kapi.Model;

namespace Kapi.Generators.Planning;

/// <summary>
/// Turns a bound spec into the emit model (<see cref="SpecPlan"/>): names, C# types, enums with their
/// per-architecture values, checks. All decisions live here; the emitter only writes text.
/// </summary>
internal static class SpecPlanner
{
    public static SpecPlan Plan(SpecCandidate candidate, KapiGeneratorOptions options)
    {
        var spec = candidate.Spec;
        var member = Names.MetadataMember(spec.Name);
        SyscallPlan? syscall = null;
        string? reason;
        switch (spec.Kind)
        {
            case ApiKind.Ioctl:
                reason = "ioctl specs get spec metadata only: an ioctl is called through ioctl(2) on a device file descriptor with a driver-specific structure, so no wrapper is generated.";
                break;
            case ApiKind.Sysfs:
                reason = "sysfs specs get spec metadata only: a sysfs attribute is a file to read or write, not a function to call.";
                break;
            default:
                if (!spec.IsSyscall)
                {
                    reason = "Only system calls (specs named sys_*) get bindings; this spec gets metadata only.";
                }
                else
                {
                    try
                    {
                        syscall = PlanSyscall(spec, options, null, out reason);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Never let an exception escape into the compiler (CS8785 would hide all generated code): a spec the
                        // planner cannot handle keeps its metadata and says why it has no binding.
                        syscall = null;
                        reason = "No binding: Kapi.Generators failed to plan it (" + ex.GetType().Name + ": " + ex.Message + ").";
                    }
                }
                break;
        }
        return new SpecPlan(Names.SpecHintName(member), spec.Name, member, FileName(candidate.Path), options, spec, syscall, reason);
    }

    /// <summary>
    /// Gives a plan the names <paramref name="table"/> assigned to it when its own names collide with another spec's
    /// (see <see cref="NameTable"/>). The binding is planned again with those names, so that parameter names and
    /// locals are checked against the final names; a plan without a collision is returned as it is.
    /// </summary>
    public static SpecPlan ApplyNames(SpecPlan plan, NameTable table)
    {
        if (plan.Syscall is null || table.Renamed.Count == 0) return plan;
        var names = table.Find(plan.SpecName);
        if (names is null) return plan;
        try
        {
            var syscall = PlanSyscall(plan.Spec, plan.Options, names, out var reason);
            return plan with { Syscall = syscall, NoBindingReason = reason };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return plan with { Syscall = null, NoBindingReason = "No binding: Kapi.Generators failed to plan it (" + ex.GetType().Name + ": " + ex.Message + ")." };
        }
    }

    private static string? FileName(string path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        int i = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return i >= 0 ? path.Substring(i + 1) : path;
    }

    /// <summary>Normalizes a KAPI enum token: <c>KAPI_TYPE_FD</c>, <c>fd</c> → <c>FD</c>; <c>mask(X)</c> → <c>MASK</c>.</summary>
    internal static string Token(KapiValue? value, string prefix)
    {
        var e = value?.Expression?.Trim();
        if (string.IsNullOrEmpty(e)) return string.Empty;
        int paren = e!.IndexOf('(');
        if (paren > 0) e = e.Substring(0, paren).Trim();
        e = e.ToUpperInvariant();
        if (e.StartsWith(prefix, StringComparison.Ordinal)) e = e.Substring(prefix.Length);
        return e;
    }

    /// <param name="spec">The spec.</param>
    /// <param name="options">The generator options.</param>
    /// <param name="names">The names to use (from <see cref="NameTable"/>), or null for the spec's own names.</param>
    /// <param name="reason">Why there is no binding.</param>
    private static SyscallPlan? PlanSyscall(ApiSpec spec, KapiGeneratorOptions options, SpecNames? names, out string? reason)
    {
        reason = null;
        if (spec.ShortName.Length == 0)
        {
            // "sys_" alone: there is no libc function to bind (an empty EntryPoint does not compile, CS0599).
            reason = "No binding: the spec name has no function name after 'sys_'.";
            return null;
        }
        if (spec.ShortName.Length > CSharp.MaxNameLength)
        {
            // No libc function has such a name, and the DllImport entry point would exceed the metadata limit (CS7013).
            reason = $"No binding: the function name is longer than {CSharp.MaxNameLength} characters.";
            return null;
        }
        string method = names?.Method ?? Names.MethodName(spec.ShortName, options.ClassName);
        string libc = CTypes.LibcFunction(spec.ShortName);

        var specParams = spec.Params.OrderBy(static p => p.Index).ToList();
        for (int i = 0; i < specParams.Count; i++)
        {
            if (specParams[i].Index != i)
            {
                reason = $"No binding: parameter indices must run 0..{specParams.Count - 1} without gaps or duplicates.";
                return null;
            }
        }

        var usedIdentifiers = new HashSet<string>(StringComparer.Ordinal);
        // The error enum's name is taken first, so that a parameter's enum (method + parameter name) never reuses it.
        string errorTypeName = names?.ErrorType ?? method + "Error";
        var usedTypeNames = new HashSet<string>(StringComparer.Ordinal) { errorTypeName, errorTypeName + "Info" };
        var parameters = new List<ParamPlan>();
        var checks = new List<EquatableArray<ArgumentCheck>>();
        var enums = new List<EnumPlan>();
        foreach (var p in specParams)
        {
            string? enumName = names is not null && enums.Count < names.EnumTypes.Count ? names.EnumTypes[enums.Count] : null;
            var planned = PlanParam(spec, p, method, enumName, usedIdentifiers, usedTypeNames, out var enumPlan, out var paramChecks, out reason);
            if (planned is null) return null;
            parameters.Add(planned);
            checks.Add(paramChecks);
            if (enumPlan is not null) enums.Add(enumPlan);
        }
        AssignWrapperNames(parameters, usedIdentifiers, method, errorTypeName, enums);

        var ret = PlanReturn(spec.Return, CTypes.LibcReturn(libc));
        var errors = PlanErrors(spec, errorTypeName);
        return new SyscallPlan(
            method,
            libc,
            "__Kapi_" + method + "_Native",
            ret,
            parameters.ToEquatableArray(),
            enums.ToEquatableArray(),
            errors,
            ValidationPlanner.Plan(parameters, checks, errors, options.RuntimeValidation),
            options.AllowUnsafe ? PlanSpanBuffers(specParams, parameters) : EquatableArray<SpanBufferPlan>.Empty);
    }

    // C types (after CTypes.Normalize) of a pointer to bytes.
    private static readonly HashSet<string> s_bytePointers = new(StringComparer.Ordinal)
    {
        "char *", "signed char *", "unsigned char *", "void *", "u8 *", "__u8 *", "uint8_t *",
    };

    // Length types that hold every Span length (0..int.MaxValue), so the conversion never loses a value.
    private static readonly HashSet<string> s_lengthTypes = new(StringComparer.Ordinal)
    {
        "int", "uint", "nint", "nuint", "long", "ulong",
    };

    /// <summary>
    /// The user byte buffers that get a span in the Span overload: a user pointer to bytes (<c>char __user *</c>,
    /// <c>const void __user *</c> …; no structs, no element size other than 1) whose size parameter index names another
    /// plain integer parameter (no enum, no flags) that is the length of this buffer only. The direction comes from the
    /// parameter flags (<c>KAPI_PARAM_OUT</c>/<c>INOUT</c>: writable; <c>KAPI_PARAM_IN</c> only: read-only), or from the
    /// pointee's <c>const</c> when the flags say neither.
    /// </summary>
    private static EquatableArray<SpanBufferPlan> PlanSpanBuffers(List<ParamSpec> specParams, List<ParamPlan> parameters)
    {
        var sizeUses = new Dictionary<long, int>();
        foreach (var p in specParams)
        {
            if (p.SizeParamIndex is long idx) sizeUses[idx] = sizeUses.TryGetValue(idx, out var n) ? n + 1 : 1;
        }

        var buffers = new List<SpanBufferPlan>();
        for (int i = 0; i < specParams.Count; i++)
        {
            var p = specParams[i];
            if (parameters[i].Kind != ParamKind.Pointer || p.SizeParamIndex is not long sizeIndex) continue;
            // PlanSyscall has checked that the indices run 0..n-1, so a spec index is also a position in the lists
            if (sizeIndex < 0 || sizeIndex >= specParams.Count || sizeIndex == i || sizeUses[sizeIndex] != 1) continue;
            int s = (int)sizeIndex;
            if (!IsUserPointer(p) || !s_bytePointers.Contains(CTypes.Normalize(p.CTypeName))) continue;
            // one byte per unit of the length on every architecture
            if (p.Size is not null || p.SizeMultiplier is { } m && !(m.IsUniform && m.X64 == 1)) continue;

            var size = parameters[s];
            if (size.Kind != ParamKind.Integer || size.Enum is not null || size.FlagsAttribute is not null) continue;
            if (!s_lengthTypes.Contains(size.NativeType) || specParams[s].SizeParamIndex is not null) continue;

            buffers.Add(new SpanBufferPlan(i, s, IsWritable(p)));
        }
        return buffers.ToEquatableArray();
    }

    private static bool IsUserPointer(ParamSpec p)
    {
        string type = Token(p.Type, "KAPI_TYPE_");
        if (type is "USER_PTR" or "UPTR") return true;
        return (type is "" or "PTR") && (p.CTypeName?.IndexOf("__user", StringComparison.Ordinal) ?? -1) >= 0;
    }

    /// <summary>KAPI_PARAM_OUT (2) or INOUT (3): writable; KAPI_PARAM_IN (1) only: read-only; neither: not a const pointee.</summary>
    private static bool IsWritable(ParamSpec p)
    {
        if (p.Flags is { } flags)
        {
            if (flags.X64 is long f)
            {
                if ((f & 2) != 0) return true;
                if ((f & 1) != 0) return false;
            }
            else
            {
                if (flags.Expression.IndexOf("OUT", StringComparison.Ordinal) >= 0) return true;
                if (flags.Expression.IndexOf("KAPI_PARAM_IN", StringComparison.Ordinal) >= 0) return false;
            }
        }
        var c = p.CTypeName ?? string.Empty;
        int star = c.IndexOf('*');
        var pointee = (star >= 0 ? c.Substring(0, star) : c).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        return Array.IndexOf(pointee, "const") < 0;
    }

    /// <summary>
    /// Names inside the wrapper bodies that spec text must not be able to clash with: a parameter named like a type or
    /// method the body refers to by simple name gets a suffix, and the per-parameter locals (<c>__x</c>, <c>__v_x</c>)
    /// are made unique against each other and against <c>__ret</c>/<c>__errno</c>. Without a clash every name keeps
    /// its plain form.
    /// </summary>
    private static void AssignWrapperNames(List<ParamPlan> parameters, HashSet<string> usedIdentifiers, string method, string errorTypeName, List<EnumPlan> enums)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal) { method, errorTypeName };
        foreach (var e in enums)
        {
            referenced.Add(e.TypeName);
            referenced.Add(e.InfoTypeName);
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (!referenced.Contains(p.Identifier)) continue;
            string identifier = p.Identifier + "_" + p.Index;
            while (referenced.Contains(identifier) || !usedIdentifiers.Add(identifier)) identifier += "_";
            parameters[i] = p with { Identifier = identifier };
        }

        var locals = new HashSet<string>(StringComparer.Ordinal) { "__ret", "__errno" };
        string Unique(string name)
        {
            while (!locals.Add(name)) name += "_";
            return name;
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i] = parameters[i] with { NativeLocal = Unique("__" + parameters[i].Identifier.TrimStart('@')) };
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i] = parameters[i] with { CheckLocal = Unique("__v_" + parameters[i].Identifier.TrimStart('@')) };
        }
    }

    private static ParamPlan? PlanParam(
        ApiSpec spec,
        ParamSpec p,
        string method,
        string? enumName,
        HashSet<string> usedIdentifiers,
        HashSet<string> usedTypeNames,
        out EnumPlan? enumPlan,
        out EquatableArray<ArgumentCheck> checks,
        out string? reason)
    {
        enumPlan = null;
        checks = EquatableArray<ArgumentCheck>.Empty;
        reason = null;
        string specName = string.IsNullOrEmpty(p.Name) ? "arg" + p.Index : p.Name!;
        string identifier = CSharp.Identifier(specName, "arg" + p.Index);
        if (identifier.StartsWith("__", StringComparison.Ordinal)) identifier = "p" + identifier; // locals use __
        while (!usedIdentifiers.Add(identifier)) identifier += "_" + p.Index;

        string type = Token(p.Type, "KAPI_TYPE_");
        string constraint = Token(p.ConstraintType, "KAPI_CONSTRAINT_");
        bool optional = IsOptional(p.Flags);

        ParamKind kind;
        string? native;
        if (type == "FD")
        {
            kind = ParamKind.FileDescriptor;
            native = "int";
        }
        else if (type is "PATH" or "STRING" || constraint is "USER_PATH" or "USER_STRING")
        {
            kind = ParamKind.String;
            native = "nint";
        }
        else if (CTypes.IsPointer(p.CTypeName) || type is "PTR" or "USER_PTR" or "UPTR" or "ARRAY" or "FUNC_PTR")
        {
            kind = ParamKind.Pointer;
            native = "nint";
        }
        else
        {
            kind = ParamKind.Integer;
            native = CTypes.Integer(p.CTypeName) ?? type switch
            {
                "INT" or "ENUM" or "BOOL" => "int",
                "UINT" => "uint",
                "" when string.IsNullOrWhiteSpace(p.CTypeName) => "nint",
                _ => null,
            };
            if (native is null)
            {
                reason = $"No binding: parameter '{specName}' has the C type '{p.CTypeName}' ({(type.Length == 0 ? "no KAPI type" : "KAPI_TYPE_" + type)}), which has no C# mapping.";
                return null;
            }
        }

        FlagsAttributePlan? flagsAttribute = null;
        if (kind == ParamKind.Integer)
        {
            bool mask, range, isEnum, nonZero = false, pow2 = false, page = false, align = false;
            switch (constraint)
            {
                case "":
                    mask = p.ValidMask is not null;
                    isEnum = !mask && p.EnumValues.Count > 0;
                    range = p.MinValue is not null || p.MaxValue is not null;
                    break;
                case "MASK":
                case "BITMASK":
                    mask = p.ValidMask is not null; isEnum = false; range = false;
                    break;
                case "ENUM":
                    mask = false; isEnum = p.EnumValues.Count > 0; range = false;
                    break;
                case "RANGE":
                    mask = false; isEnum = false; range = p.MinValue is not null || p.MaxValue is not null;
                    break;
                default:
                    mask = false; isEnum = false; range = false;
                    nonZero = constraint == "NONZERO";
                    pow2 = constraint == "POWER_OF_TWO";
                    page = constraint == "PAGE_ALIGNED";
                    align = constraint is "ALIGNMENT" or "ALIGN" && p.Alignment is not null;
                    break;
            }

            enumPlan = PlanEnum(p, specName, method, enumName, native, mask, isEnum, usedTypeNames);
            checks = ValidationPlanner.Checks(p, new CheckedConstraints(mask, isEnum, range, nonZero, pow2, page, align), onPortable: enumPlan is not null);

            if (mask && p.ValidMask!.X64 is long portableMask)
            {
                flagsAttribute = new FlagsAttributePlan(portableMask, p.RequiredMask?.X64 ?? 0, FlagPrefix(p.MaskFlags.Select(static f => f.Name)));
            }
        }

        return new ParamPlan(p.Index, specName, identifier, kind, native, enumPlan?.TypeName, optional, p.Description, p.ConstraintText, flagsAttribute);
    }

    private static bool IsOptional(KapiValue? flags)
    {
        if (flags is null) return false;
        if (flags.Expression.IndexOf("OPTIONAL", StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return flags.X64 is long f && (f & 8) != 0 && flags.Expression.IndexOf("KAPI_PARAM", StringComparison.Ordinal) < 0;
    }

    private static EnumPlan? PlanEnum(ParamSpec p, string specName, string method, string? enumName, string native, bool mask, bool isEnum, HashSet<string> usedTypeNames)
    {
        var members = new List<EnumMemberPlan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        void Add(KapiNamedValue nv, bool field)
        {
            if (nv.Value.X64 is not long portable) return; // no portable number: cannot be a member
            if (!names.Add(nv.Name)) return;
            var id = CSharp.Identifier(nv.Name, "Value");
            if (id.StartsWith("@", StringComparison.Ordinal)) id = id.Substring(1) + "_";
            if (id == "value__") id += "_"; // reserved for the enum's backing field (CS0076)
            while (!identifiers.Add(id)) id += "_";
            members.Add(new EnumMemberPlan(id, nv.Name, portable, ArchValues.From(nv.Value), field));
        }

        bool isFlags;
        if (mask && p.MaskFlags.Count > 0)
        {
            isFlags = true;
            foreach (var f in p.MaskFlags) Add(f, false);
            if (p.EnumMask is not null)
            {
                foreach (var e in p.EnumValues) Add(e, true);
            }
        }
        else if (isEnum)
        {
            isFlags = false;
            foreach (var e in p.EnumValues) Add(e, false);
        }
        else
        {
            return null;
        }
        if (members.Count == 0) return null;

        // The enum-mask translation needs at least one allowed field value; without one the field bits are unknown bits.
        bool hasField = members.Any(static m => m.IsEnumField);
        // The enum and its Info class must both be new names (a parameter "flags_info" next to "flags" would reuse FlagsInfo).
        // A name from the NameTable is unique already, across all specs.
        string typeName = enumName ?? method + CSharp.Pascal(specName, "Arg");
        while (enumName is null && (usedTypeNames.Contains(typeName) || usedTypeNames.Contains(typeName + "Info"))) typeName += "_";
        usedTypeNames.Add(typeName);
        usedTypeNames.Add(typeName + "Info");
        return new EnumPlan(
            typeName,
            CTypes.EnumUnderlying(native),
            native,
            isFlags,
            specName,
            members.ToEquatableArray(),
            mask ? p.ValidMask!.X64 : null,
            p.RequiredMask?.X64,
            isFlags && hasField ? p.EnumMask?.X64 : null,
            isFlags && hasField && p.EnumMask is { } em ? ArchValues.From(em) : null,
            FlagPrefix(members.Select(static m => m.CName)));
    }

    /// <summary>The common prefix of the flag names up to and including the last shared underscore (<c>MCL_</c>).</summary>
    internal static string? FlagPrefix(IEnumerable<string> names)
    {
        string? prefix = null;
        foreach (var n in names)
        {
            if (prefix is null)
            {
                prefix = n;
                continue;
            }
            int len = 0;
            while (len < prefix.Length && len < n.Length && prefix[len] == n[len]) len++;
            prefix = prefix.Substring(0, len);
        }
        if (string.IsNullOrEmpty(prefix)) return null;
        int underscore = prefix!.LastIndexOf('_');
        return underscore > 0 ? prefix.Substring(0, underscore + 1) : null;
    }

    private static ReturnPlan PlanReturn(ReturnSpec? r, string native)
    {
        if (r is null) return new ReturnPlan(ReturnKind.Value, native);
        string type = Token(r.Type, "KAPI_TYPE_");
        string check = Token(r.CheckType, "KAPI_RETURN_");
        bool minusOneCanSucceed = check switch
        {
            "RANGE" => !(r.SuccessMin?.X64 > -1 || r.SuccessMax?.X64 < -1),
            "ERROR_CHECK" or "FD" or "NO_RETURN" => false,
            "EXACT" => r.SuccessValue?.X64 is null or -1,
            _ => true,
        };
        if ((type == "FD" || check == "FD") && native == "int") return new ReturnPlan(ReturnKind.FileDescriptor, native, minusOneCanSucceed);
        if (check == "NO_RETURN") return new ReturnPlan(ReturnKind.Status, native, minusOneCanSucceed);
        if (r.SuccessValue?.X64 == 0 && check is "" or "EXACT" or "ERROR_CHECK") return new ReturnPlan(ReturnKind.Status, native, minusOneCanSucceed);
        return new ReturnPlan(ReturnKind.Value, native, minusOneCanSucceed);
    }

    private static ErrorEnumPlan PlanErrors(ApiSpec spec, string typeName)
    {
        var byValue = new Dictionary<long, (string Id, ArchValues Native, List<string> Messages, List<string> Doc)>();
        var order = new List<long>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in spec.Errors.OrderBy(static e => e.Index))
        {
            // An errno is a small positive int: codes outside [-int.MaxValue, int.MaxValue] (and 0) are no members of the
            // int-based error enum (Math.Abs(long.MinValue) would even throw).
            if (e.Code is null || e.Code.X64 is not long code || !IsErrno(code)) continue;
            long portable = Math.Abs(code);
            var native = new long?[KapiArchitectures.Count];
            foreach (var a in KapiArchitectures.All) native[(int)a] = e.Code[a] is long n && IsErrno(n) ? Math.Abs(n) : null;

            string message = FirstText(e.Description, e.Condition, e.Name) ?? ErrnoName(e) ?? portable.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var docLine = string.Join(": ", new[] { e.Condition, e.Description }.Where(static s => !string.IsNullOrWhiteSpace(s)));
            if (byValue.TryGetValue(portable, out var existing))
            {
                if (!existing.Messages.Contains(message)) existing.Messages.Add(message);
                if (docLine.Length > 0 && !existing.Doc.Contains(docLine)) existing.Doc.Add(docLine);
                continue;
            }
            string id = CSharp.Identifier(ErrnoName(e), "E" + portable.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (id.StartsWith("@", StringComparison.Ordinal)) id = id.Substring(1) + "_";
            if (id == "value__") id += "_"; // reserved for the enum's backing field (CS0076)
            // A renamed member can meet another error's name again: repeat until the name is free.
            while (ids.TryGetValue(id, out var other) && other != portable) id += "_" + portable.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[id] = portable;
            byValue[portable] = (id, new ArchValues(new EquatableArray<long?>(native)), new List<string> { message }, docLine.Length > 0 ? new List<string> { docLine } : new List<string>());
            order.Add(portable);
        }

        var members = order.Select(v =>
        {
            var m = byValue[v];
            return new ErrorMemberPlan(m.Id, v, m.Native, string.Join(" / ", m.Messages), m.Doc.ToEquatableArray());
        }).ToEquatableArray();
        return new ErrorEnumPlan(typeName, members);
    }

    private static bool IsErrno(long code) => code != 0 && code >= -int.MaxValue && code <= int.MaxValue;

    private static string? FirstText(params string?[] texts)
    {
        foreach (var t in texts)
        {
            if (!string.IsNullOrWhiteSpace(t)) return t!.Trim();
        }
        return null;
    }

    /// <summary>The errno name: from the code expression (<c>-EINVAL</c>) or the error's name field.</summary>
    private static string? ErrnoName(ErrorSpec e)
    {
        var expr = e.Code?.Expression?.Trim();
        if (expr is not null)
        {
            if (expr.StartsWith("-", StringComparison.Ordinal)) expr = expr.Substring(1).Trim();
            if (expr.Length > 1 && expr[0] == 'E' && expr.All(static c => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return expr;
            }
        }
        return string.IsNullOrWhiteSpace(e.Name) ? null : e.Name;
    }
}
