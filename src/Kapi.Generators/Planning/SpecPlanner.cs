using Kapi.Generators.Emitting;
using Kapi.Generators.Pipeline;
using Kapi.Vocabulary;

namespace Kapi.Generators.Planning;

/// <summary>
/// Turns a bound spec into the emit model (<see cref="SpecPlan"/>): names, C# types, enums with their
/// per-architecture values, checks. All decisions live in Planning/; the emitter only writes text. This class plans
/// the spec, the system call and each parameter (its C# type and which constraints apply), and reads the spec's
/// vocabulary (the typed parameter type, constraint kind, parameter flags and return check: <c>PlanParam</c>,
/// <c>IsUserPointer</c>, <c>IsWritable</c>, <c>PlanReturn</c>, <c>ErrnoName</c>); the parts are planned by <see cref="EnumPlanner"/>, <see cref="ErrorEnumPlanner"/>,
/// <see cref="ValidationPlanner"/>, <see cref="SpanBufferPlanner"/> and <see cref="WrapperNames"/>.
/// </summary>
internal static class SpecPlanner
{
    public static SpecPlan Plan(SpecCandidate candidate, KapiGeneratorOptions options)
    {
        var spec = candidate.Spec;
        var member = GeneratedNames.MetadataMember(spec.Name);
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
        return new SpecPlan(GeneratedNames.SpecHintName(member), spec.Name, member, FileName(candidate.Path), options, spec, syscall, reason);
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
        string method = names?.Method ?? GeneratedNames.MethodName(spec.ShortName, options.ClassName);
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
            var planned = PlanParam(p, method, enumName, usedIdentifiers, usedTypeNames, out var enumPlan, out var paramChecks, out reason);
            if (planned is null) return null;
            parameters.Add(planned);
            checks.Add(paramChecks);
            if (enumPlan is not null) enums.Add(enumPlan);
        }
        WrapperNames.Assign(parameters, usedIdentifiers, method, errorTypeName, enums);

        var ret = PlanReturn(spec.Return, CTypes.LibcReturn(libc));
        var errors = ErrorEnumPlanner.Plan(spec, errorTypeName);
        return new SyscallPlan(
            method,
            libc,
            "__Kapi_" + method + "_Native",
            ret,
            parameters.ToEquatableArray(),
            enums.ToEquatableArray(),
            errors,
            ValidationPlanner.Plan(parameters, checks, errors, options.RuntimeValidation),
            options.AllowUnsafe ? SpanBufferPlanner.Plan(specParams, parameters) : EquatableArray<SpanBufferPlan>.Empty);
    }

    internal static bool IsUserPointer(ParamSpec p)
    {
        var type = p.Type?.Value;
        if (type == KapiParamType.UserPtr) return true;
        return (type is null or KapiParamType.Ptr) && (p.CTypeName?.IndexOf("__user", StringComparison.Ordinal) ?? -1) >= 0;
    }

    /// <summary>KAPI_PARAM_OUT or INOUT: writable; KAPI_PARAM_IN only: read-only; neither: not a const pointee.</summary>
    internal static bool IsWritable(ParamSpec p)
    {
        if (p.Flags is { } flags)
        {
            if ((flags.Value & KapiParamFlags.Out) != 0) return true;
            if ((flags.Value & KapiParamFlags.In) != 0) return false;
        }
        var c = p.CTypeName ?? string.Empty;
        int star = c.IndexOf('*');
        var pointee = (star >= 0 ? c.Substring(0, star) : c).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        return Array.IndexOf(pointee, "const") < 0;
    }

    private static ParamPlan? PlanParam(
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

        var type = p.Type?.Value;
        var constraint = p.ConstraintType?.Value;
        bool optional = p.Flags.Has(KapiParamFlags.Optional);

        ParamKind kind;
        string? native;
        if (type == KapiParamType.Fd)
        {
            kind = ParamKind.FileDescriptor;
            native = "int";
        }
        else if (type is KapiParamType.Path or KapiParamType.String || constraint is KapiConstraintKind.UserPath or KapiConstraintKind.UserString)
        {
            kind = ParamKind.String;
            native = "nint";
        }
        else if (CTypes.IsPointer(p.CTypeName) || type is KapiParamType.Ptr or KapiParamType.UserPtr or KapiParamType.Array or KapiParamType.FuncPtr)
        {
            kind = ParamKind.Pointer;
            native = "nint";
        }
        else
        {
            kind = ParamKind.Integer;
            native = CTypes.Integer(p.CTypeName) ?? type switch
            {
                KapiParamType.Int or KapiParamType.Enum or KapiParamType.Bool => "int",
                KapiParamType.Uint => "uint",
                null when string.IsNullOrWhiteSpace(p.CTypeName) => "nint",
                _ => null,
            };
            if (native is null)
            {
                string kapiType = type is { } t ? "KAPI_TYPE_" + KapiVocabulary.NamesOf(t) : "no KAPI type";
                reason = $"No binding: parameter '{specName}' has the C type '{p.CTypeName}' ({kapiType}), which has no C# mapping.";
                return null;
            }
        }

        FlagsAttributePlan? flagsAttribute = null;
        if (kind == ParamKind.Integer)
        {
            bool mask, range, isEnum, nonZero = false, pow2 = false, page = false, align = false;
            switch (constraint)
            {
                case null:
                    mask = p.ValidMask is not null;
                    isEnum = !mask && p.EnumValues.Count > 0;
                    range = p.MinValue is not null || p.MaxValue is not null;
                    break;
                case KapiConstraintKind.Mask:
                    mask = p.ValidMask is not null; isEnum = false; range = false;
                    break;
                case KapiConstraintKind.Enum:
                    mask = false; isEnum = p.EnumValues.Count > 0; range = false;
                    break;
                case KapiConstraintKind.Range:
                    mask = false; isEnum = false; range = p.MinValue is not null || p.MaxValue is not null;
                    break;
                default:
                    mask = false; isEnum = false; range = false;
                    nonZero = constraint == KapiConstraintKind.NonZero;
                    pow2 = constraint == KapiConstraintKind.PowerOfTwo;
                    page = constraint == KapiConstraintKind.PageAligned;
                    align = constraint == KapiConstraintKind.Alignment && p.Alignment is not null;
                    break;
            }

            enumPlan = EnumPlanner.Plan(p, specName, method, enumName, native, mask, isEnum, usedTypeNames);
            checks = ValidationPlanner.Checks(p, new CheckedConstraints(mask, isEnum, range, nonZero, pow2, page, align), onPortable: enumPlan is not null);

            if (mask && p.ValidMask!.X64 is long portableMask)
            {
                flagsAttribute = new FlagsAttributePlan(portableMask, p.RequiredMask?.X64 ?? 0, EnumPlanner.FlagPrefix(p.MaskFlags.Select(static f => f.Name)));
            }
        }

        return new ParamPlan(p.Index, specName, identifier, kind, native, enumPlan?.TypeName, optional, p.Description, p.ConstraintText, flagsAttribute);
    }

    private static ReturnPlan PlanReturn(ReturnSpec? r, string native)
    {
        // No return spec: the spec does not say that -1 can be a success, so it is a failure (the libc convention).
        if (r is null) return new ReturnPlan(ReturnKind.Value, native, MinusOneCanSucceed: false);
        var type = r.Type?.Value;
        var check = r.CheckType?.Value;
        // -1 is a success only where the spec says so: a range that holds it, an exact -1, or a custom check (a function
        // decides, which may accept it). An error check, an fd, no return, or a spec that names no success: a failure.
        bool range = r.SuccessMin is not null || r.SuccessMax is not null;
        bool minusOneCanSucceed = check switch
        {
            KapiReturnCheck.Range => !(r.SuccessMin?.X64 > -1 || r.SuccessMax?.X64 < -1),
            KapiReturnCheck.ErrorCheck or KapiReturnCheck.Fd or KapiReturnCheck.NoReturn => false,
            KapiReturnCheck.Exact => r.SuccessValue?.X64 == -1,
            KapiReturnCheck.Custom => true,
            _ => r.SuccessValue?.X64 == -1 || (range && !(r.SuccessMin?.X64 > -1 || r.SuccessMax?.X64 < -1)),
        };
        if ((type == KapiParamType.Fd || check == KapiReturnCheck.Fd) && native == "int") return new ReturnPlan(ReturnKind.FileDescriptor, native, minusOneCanSucceed);
        if (check == KapiReturnCheck.NoReturn) return new ReturnPlan(ReturnKind.Status, native, minusOneCanSucceed);
        if (r.SuccessValue?.X64 == 0 && check is null or KapiReturnCheck.Exact or KapiReturnCheck.ErrorCheck) return new ReturnPlan(ReturnKind.Status, native, minusOneCanSucceed);
        return new ReturnPlan(ReturnKind.Value, native, minusOneCanSucceed);
    }

    /// <summary>The errno name: the one the code names (<c>-EINVAL</c>), else the error's name field.</summary>
    internal static string? ErrnoName(ErrorSpec e) => e.ErrnoName ?? (string.IsNullOrWhiteSpace(e.Name) ? null : e.Name);
}
