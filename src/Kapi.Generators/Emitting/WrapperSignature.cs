namespace Kapi.Generators.Emitting;

/// <summary>The C# types, parameters and attributes in the signatures of a system call's wrappers.</summary>
internal static class WrapperSignature
{
    /// <summary>The wrapper's result: <c>SyscallResult&lt;TError&gt;</c> or <c>SyscallResult&lt;T, TError&gt;</c>.</summary>
    public static string ResultType(SyscallPlan s) => s.Return.Kind switch
    {
        ReturnKind.Status => $"global::Kapi.Runtime.SyscallResult<{s.Errors.TypeName}>",
        ReturnKind.FileDescriptor => $"global::Kapi.Runtime.SyscallResult<global::Kapi.Runtime.FileDescriptor, {s.Errors.TypeName}>",
        _ => $"global::Kapi.Runtime.SyscallResult<{s.Return.NativeType}, {s.Errors.TypeName}>",
    };

    /// <summary>The value a success carries (what the throwing variant returns), or null for none.</summary>
    public static string? ValueType(SyscallPlan s) => s.Return.Kind switch
    {
        ReturnKind.Status => null,
        ReturnKind.FileDescriptor => "global::Kapi.Runtime.FileDescriptor",
        _ => s.Return.NativeType,
    };

    /// <summary>The private method that turns a native errno into the error enum (<c>__Mlockall_FromErrno</c>).</summary>
    public static string FromErrnoMethod(SyscallPlan s) => $"__{s.MethodName}_FromErrno";

    /// <summary>The private method that makes the throwing variant's exception (<c>__Mlockall_Exception</c>).</summary>
    public static string ExceptionMethod(SyscallPlan s) => $"__{s.MethodName}_Exception";

    /// <summary><c>[KapiSyscall("sys_x")]</c>, which every public wrapper carries.</summary>
    public static string KapiSyscallAttribute(SpecPlan plan) =>
        $"[global::Kapi.Runtime.KapiSyscall({CSharp.AttributeLiteral(plan.SpecName)})]";

    /// <summary>The parameter list of the typed wrapper, or of the raw-integer overload (<paramref name="raw"/>).</summary>
    public static string ParameterList(SpecPlan plan, SyscallPlan s, bool raw) =>
        string.Join(", ", s.Params.Select(p => Parameter(plan, p, raw)));

    /// <summary>One parameter, with <c>[KapiFlags]</c> when it has a valid mask.</summary>
    public static string Parameter(SpecPlan plan, ParamPlan p, bool raw)
    {
        string attr = p.FlagsAttribute is { } f ? FlagsAttribute(plan, p, f) + " " : string.Empty;
        return attr + (raw ? p.RawType : p.PublicType) + " " + p.Identifier;
    }

    /// <summary>A cref to the typed overload of <paramref name="name"/> (the wrapper or its throwing variant).</summary>
    public static string Cref(SyscallPlan s, string name) => $"{name}({string.Join(", ", s.Params.Select(CrefType))})";

    private static string CrefType(ParamPlan p) => p.Kind switch
    {
        ParamKind.FileDescriptor => "global::Kapi.Runtime.FileDescriptor",
        ParamKind.String => "string",
        _ => p.Enum ?? p.NativeType,
    };

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
}
