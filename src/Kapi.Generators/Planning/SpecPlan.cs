using System.Linq;
using Kapi.Architectures;
using Kapi.Collections;
using Kapi.Model;

namespace Kapi.Generators.Planning;

// The emit model: everything the emitter needs, decided once by SpecPlanner. Records of strings, numbers and
// EquatableArrays only (no Roslyn objects), so the step that produces it caches by value.

/// <summary>One generated file for one spec.</summary>
/// <param name="HintName">The hint name (unique: one spec name → one file, see OwnershipIndex).</param>
/// <param name="SpecName">The spec name (<c>sys_mlockall</c>).</param>
/// <param name="MetadataMember">The <c>KernelApiSpecs</c> property (<c>SysMlockall</c>).</param>
/// <param name="SourceFile">The spec file's name (no directories, so output does not depend on the checkout path).</param>
/// <param name="Options">The generator options.</param>
/// <param name="Spec">The bound spec (for metadata and documentation).</param>
/// <param name="Syscall">The binding, or null (ioctl, sysfs, kernel functions, unmappable parameters).</param>
/// <param name="NoBindingReason">Why there is no binding (written into the generated file).</param>
internal sealed record SpecPlan(
    string HintName,
    string SpecName,
    string MetadataMember,
    string? SourceFile,
    KapiGeneratorOptions Options,
    ApiSpec Spec,
    SyscallPlan? Syscall,
    string? NoBindingReason)
{
    public IndexEntry IndexEntry => new(SpecName, MetadataMember, Syscall is not null);

    /// <summary>The names of the binding that must be unique across specs (null without a binding), see <see cref="NameTable"/>.</summary>
    public SpecNames? BindingNames => Syscall is { } s
        ? new SpecNames(SpecName, s.MethodName, s.Errors.TypeName, s.Enums.Select(static e => e.TypeName).ToEquatableArray())
        : null;
}

/// <summary>What the registry file needs to know about one spec.</summary>
internal sealed record IndexEntry(string SpecName, string MetadataMember, bool HasBinding);

internal enum ReturnKind
{
    /// <summary>Success carries no value (the call returns 0 on success).</summary>
    Status,
    /// <summary>Success returns a file descriptor.</summary>
    FileDescriptor,
    /// <summary>Success returns a number.</summary>
    Value,
}

/// <param name="Kind">How success is represented.</param>
/// <param name="NativeType">The libc function's return type.</param>
/// <param name="Kind">What a success carries.</param>
/// <param name="NativeType">The DllImport return type.</param>
/// <param name="MinusOneCanSucceed">True when −1 may be a successful result (a RANGE check whose range holds −1, a
/// custom check, or no return spec): only then must errno be cleared before the call to tell success from failure.
/// Otherwise libc sets errno whenever it returns −1, and the wrapper saves the extra native call.</param>
internal sealed record ReturnPlan(ReturnKind Kind, string NativeType, bool MinusOneCanSucceed = true);

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
/// <param name="Validation">The checks made before the call (null: none).</param>
/// <param name="FlagsAttribute">The [KapiFlags] values, for mask-constrained parameters.</param>
/// <param name="NativeLocal">The wrapper's local holding the native value (translated enum, UTF-8 string); unique in the wrapper.</param>
/// <param name="CheckLocal">The wrapper's local the constraint checks read; unique in the wrapper.</param>
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
    ValidationPlan? Validation,
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

/// <summary>Values per architecture, in KapiArch order; null where unknown.</summary>
internal sealed record ArchValues(EquatableArray<long?> Values)
{
    public static ArchValues From(KapiValue v)
    {
        var a = new long?[KapiArchitectures.Count];
        foreach (var arch in KapiArchitectures.All) a[(int)arch] = v[arch];
        return new ArchValues(new EquatableArray<long?>(a));
    }

    public long? this[KapiArch arch] => Values[(int)arch];

    public long? Portable => Values[0];

    public bool IsUniform
    {
        get
        {
            for (int i = 1; i < Values.Count; i++)
            {
                if (Values[i] != Values[0]) return false;
            }
            return true;
        }
    }
}

/// <summary>
/// The checks <c>CONFIG_KAPI_RUNTIME_CHECKS</c> makes. Masks and enum values are checked on the portable value
/// when the parameter has a generated enum (<see cref="OnPortable"/>), otherwise on the raw value with the native
/// numbers of the running architecture; ranges are always native numbers.
/// </summary>
internal sealed record ValidationPlan(
    bool OnPortable,
    ArchValues? ValidMask,
    ArchValues? RequiredMask,
    ArchValues? EnumMask,
    EquatableArray<ArchValues> EnumValues,
    bool CheckEnum,
    ArchValues? Min,
    ArchValues? Max,
    bool NonZero,
    bool PowerOfTwo,
    bool PageAligned,
    ArchValues? Alignment)
{
    public bool IsEmpty => ValidMask is null && RequiredMask is null && EnumMask is null && !CheckEnum &&
                           Min is null && Max is null && !NonZero && !PowerOfTwo && !PageAligned && Alignment is null;
}

/// <summary>A generated enum for one parameter.</summary>
/// <param name="TypeName">The enum type name (<c>MlockallFlags</c>).</param>
/// <param name="UnderlyingType">Its underlying type (from the C type).</param>
/// <param name="NativeType">The DllImport type the value is translated to.</param>
/// <param name="IsFlags">[Flags] (mask constraint) or a plain enumeration.</param>
/// <param name="ParamSpecName">The parameter it belongs to.</param>
/// <param name="Members">The members with portable and native values.</param>
/// <param name="ValidMask">The portable valid mask.</param>
/// <param name="RequiredMask">The portable required mask.</param>
/// <param name="EnumMask">The portable enum-field mask (Kapi extension).</param>
/// <param name="NativeEnumMask">The enum-field mask per architecture.</param>
/// <param name="FlagPrefix">The common prefix of the member names (<c>MCL_</c>).</param>
internal sealed record EnumPlan(
    string TypeName,
    string UnderlyingType,
    string NativeType,
    bool IsFlags,
    string ParamSpecName,
    EquatableArray<EnumMemberPlan> Members,
    long? ValidMask,
    long? RequiredMask,
    long? EnumMask,
    ArchValues? NativeEnumMask,
    string? FlagPrefix)
{
    public string InfoTypeName => TypeName + "Info";

    /// <summary>True when the native values on <paramref name="arch"/> equal the portable ones (no translation).</summary>
    public bool IsIdentity(KapiArch arch)
    {
        foreach (var m in Members)
        {
            if (m.Native[arch] != m.Portable) return false;
        }
        if (EnumMask is not null && NativeEnumMask?[arch] != EnumMask) return false;
        return true;
    }
}

/// <param name="Identifier">The member name (the C name, sanitized).</param>
/// <param name="CName">The C name.</param>
/// <param name="Portable">The x86-64 value.</param>
/// <param name="Native">The value per architecture (null: not defined there).</param>
/// <param name="IsEnumField">A value of the enumerated field under the enum mask (not a flag bit).</param>
internal sealed record EnumMemberPlan(string Identifier, string CName, long Portable, ArchValues Native, bool IsEnumField);

/// <summary>The error enum: exactly the spec's KAPI_ERRORs, in portable errno numbers.</summary>
internal sealed record ErrorEnumPlan(
    string TypeName,
    EquatableArray<ErrorMemberPlan> Members,
    long EinvalPortable,
    ArchValues EinvalNative)
{
    public string? EinvalMember
    {
        get
        {
            foreach (var m in Members)
            {
                if (m.Portable == EinvalPortable) return m.Identifier;
            }
            return null;
        }
    }

    public bool IsIdentity(KapiArch arch)
    {
        foreach (var m in Members)
        {
            if (m.Native[arch] != m.Portable) return false;
        }
        return true;
    }
}

/// <param name="Identifier">The member name (<c>EINVAL</c>).</param>
/// <param name="Portable">The x86-64 errno (positive).</param>
/// <param name="Native">The errno per architecture (positive).</param>
/// <param name="Message">The description used as the exception message (several, joined, when the spec lists the errno more than once).</param>
/// <param name="Doc">The text for the member's documentation.</param>
internal sealed record ErrorMemberPlan(string Identifier, long Portable, ArchValues Native, string Message, EquatableArray<string> Doc);
