namespace Kapi.Generators.Planning;

internal enum ReturnKind
{
    /// <summary>Success carries no value (the call returns 0 on success).</summary>
    Status,
    /// <summary>Success returns a file descriptor.</summary>
    FileDescriptor,
    /// <summary>Success returns a number.</summary>
    Value,
}

/// <param name="Kind">What a success carries.</param>
/// <param name="NativeType">The DllImport return type.</param>
/// <param name="MinusOneCanSucceed">True when the spec allows −1 as a successful result (a RANGE check whose range
/// holds −1, an EXACT −1, or a custom check): then errno is cleared before the call and −1 with errno 0 is a success.
/// Otherwise −1 is always a failure (also with errno 0, which libc never leaves with −1); with no return spec too.</param>
internal sealed record ReturnPlan(ReturnKind Kind, string NativeType, bool MinusOneCanSucceed);

/// <summary>The binding of one system call: the wrappers, their enums and error enum, and the native import.</summary>
/// <param name="MethodName">The wrapper method (<c>Mlockall</c>).</param>
/// <param name="LibcFunction">The libc function called (<c>mlockall</c>).</param>
/// <param name="NativeMethodName">The private DllImport method.</param>
/// <param name="Return">What the call returns.</param>
/// <param name="Params">The parameters, in spec order.</param>
/// <param name="Enums">The generated enums of the parameters.</param>
/// <param name="Errors">The error enum.</param>
/// <param name="Validation">What the wrapper checks before the call, and the error it then returns.</param>
/// <param name="SpanBuffers">The byte buffers the <c>Span&lt;byte&gt;</c> overload takes as spans (empty: no such
/// overload; always empty when the compilation does not allow unsafe code).</param>
internal sealed record SyscallPlan(
    string MethodName,
    string LibcFunction,
    string NativeMethodName,
    ReturnPlan Return,
    EquatableArray<ParamPlan> Params,
    EquatableArray<EnumPlan> Enums,
    ErrorEnumPlan Errors,
    ValidationPlan Validation,
    EquatableArray<SpanBufferPlan> SpanBuffers)
{
    /// <summary>The span for the parameter at <paramref name="index"/> (a position in <see cref="Params"/>), or null.</summary>
    public SpanBufferPlan? SpanFor(int index)
    {
        foreach (var b in SpanBuffers)
        {
            if (b.Buffer == index) return b;
        }
        return null;
    }

    /// <summary>True when the parameter at <paramref name="index"/> is the length of a span (absent from the Span overload).</summary>
    public bool IsSpanLength(int index)
    {
        foreach (var b in SpanBuffers)
        {
            if (b.Size == index) return true;
        }
        return false;
    }

    public bool HasEnumParams
    {
        get
        {
            foreach (var p in Params)
            {
                if (p.Enum is not null) return true;
            }
            return false;
        }
    }
}

/// <summary>
/// A user byte buffer with its length parameter: in the <c>Span&lt;byte&gt;</c> overload the buffer is a span, pinned
/// and passed as a pointer, and the length parameter is the span's length.
/// </summary>
/// <param name="Buffer">The buffer's position in <see cref="SyscallPlan.Params"/>.</param>
/// <param name="Size">The length parameter's position in <see cref="SyscallPlan.Params"/> (equal to its spec index: a
/// binding is only planned when the indices run 0..n-1).</param>
/// <param name="Writable">The kernel writes the buffer (<c>KAPI_PARAM_OUT</c>/<c>INOUT</c>): <c>Span&lt;byte&gt;</c>;
/// otherwise (<c>KAPI_PARAM_IN</c> only) <c>ReadOnlySpan&lt;byte&gt;</c>.</param>
internal sealed record SpanBufferPlan(int Buffer, int Size, bool Writable)
{
    public string SpanType => Writable ? "global::System.Span<byte>" : "global::System.ReadOnlySpan<byte>";
}

internal enum ParamKind
{
    Integer,
    FileDescriptor,
    Pointer,
    String,
}

/// <param name="Index">The spec index.</param>
/// <param name="SpecName">The parameter name as written (for attributes and metadata).</param>
/// <param name="Identifier">The C# parameter name.</param>
/// <param name="Kind">How it is passed.</param>
/// <param name="NativeType">The DllImport parameter type.</param>
/// <param name="Enum">The generated enum type when the parameter is mask- or enum-constrained with named values.</param>
/// <param name="Optional">KAPI_PARAM_OPTIONAL: null is allowed for strings.</param>
/// <param name="Description">The spec description.</param>
/// <param name="ConstraintText">The spec's constraint in words.</param>
/// <param name="FlagsAttribute">The [KapiFlags] values, for mask-constrained parameters.</param>
/// <param name="NativeLocal">The wrapper's local holding the native value (translated enum, UTF-8 string); unique in the wrapper.</param>
/// <param name="CheckLocal">The wrapper's local the constraint checks read (see <see cref="ParamValidation"/>); unique in the wrapper.</param>
internal sealed record ParamPlan(
    int Index,
    string SpecName,
    string Identifier,
    ParamKind Kind,
    string NativeType,
    string? Enum,
    bool Optional,
    string? Description,
    string? ConstraintText,
    FlagsAttributePlan? FlagsAttribute,
    string NativeLocal = "",
    string CheckLocal = "")
{
    /// <summary>The type of the parameter in the typed wrapper.</summary>
    public string PublicType => Kind switch
    {
        ParamKind.FileDescriptor => "global::Kapi.Runtime.FileDescriptor",
        ParamKind.String => Optional ? "string?" : "string",
        _ => Enum ?? NativeType,
    };

    /// <summary>The type of the parameter in the raw-integer overload.</summary>
    public string RawType => Enum is not null ? CTypes.EnumUnderlying(NativeType) : PublicType;
}

internal sealed record FlagsAttributePlan(long ValidMask, long RequiredMask, string? FlagPrefix);
