using Kapi.Analyzers.Specs;
using Kapi.Collections;
using Kapi.Model;
using Kapi.Vocabulary;

namespace Kapi.Analyzers.Tests.Infrastructure;

/// <summary>
/// Hand-built specs with the kernel's UAPI values, so that the usage-analyzer tests do not
/// depend on the parser (the built-in library is tested separately).
/// Architecture order: x64, x86, arm, arm64, ppc64le, s390x, riscv64, loongarch64.
/// </summary>
internal static class TestSpecs
{
    public static KapiValue Generic(string expression, long generic, long ppc64le) =>
        new(expression, generic, generic, generic, generic, ppc64le, generic, generic, generic);

    public static KapiValue Uniform(string expression, long value) => KapiValue.Uniform(expression, value);

    public static readonly KapiNamedValue McCurrent = new("MCL_CURRENT", Generic("MCL_CURRENT", 0x1, 0x2000));
    public static readonly KapiNamedValue McFuture = new("MCL_FUTURE", Generic("MCL_FUTURE", 0x2, 0x4000));
    public static readonly KapiNamedValue McOnFault = new("MCL_ONFAULT", Generic("MCL_ONFAULT", 0x4, 0x8000));
    public static readonly KapiNamedValue MlockOnFault = new("MLOCK_ONFAULT", Uniform("MLOCK_ONFAULT", 0x1));

    public static ApiSpec Mlockall { get; } = Spec("sys_mlockall",
        Param(0, "flags", "int",
            validMask: Generic("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", 0x7, 0xE000),
            flags: new[] { McCurrent, McFuture, McOnFault },
            requiredMask: Generic("MCL_CURRENT | MCL_FUTURE", 0x3, 0x6000),
            constraint: "Must specify MCL_CURRENT and/or MCL_FUTURE; MCL_ONFAULT can be OR'd"));

    public static ApiSpec Mlock2 { get; } = Spec("sys_mlock2",
        Param(0, "start", "unsigned long"),
        Param(1, "len", "size_t"),
        Param(2, "flags", "int", validMask: Uniform("MLOCK_ONFAULT", 0x1), flags: new[] { MlockOnFault },
            constraint: "Only MLOCK_ONFAULT flag is currently supported"));

    public static ApiSpec Munlockall { get; } = Spec("sys_munlockall");

    /// <summary>open(2): O_ACCMODE is an enumerated field, the other bits are flags; O_DIRECTORY differs on arm/arm64/ppc64le.</summary>
    public static ApiSpec Open { get; } = Spec("sys_open",
        Param(0, "filename", "const char __user *"),
        Param(1, "flags", "int",
            validMask: new KapiValue("O_CREAT | O_EXCL | O_CLOEXEC | O_DIRECTORY", 0x900C0, 0x900C0, 0x840C0, 0x840C0, 0x840C0, 0x900C0, 0x900C0, 0x900C0),
            flags: new[]
            {
                new KapiNamedValue("O_CREAT", Uniform("O_CREAT", 0x40)),
                new KapiNamedValue("O_EXCL", Uniform("O_EXCL", 0x80)),
                new KapiNamedValue("O_CLOEXEC", Uniform("O_CLOEXEC", 0x80000)),
                new KapiNamedValue("O_DIRECTORY", new KapiValue("O_DIRECTORY", 0x10000, 0x10000, 0x4000, 0x4000, 0x4000, 0x10000, 0x10000, 0x10000)),
            },
            enumMask: Uniform("O_ACCMODE", 0x3),
            enumValues: new[]
            {
                new KapiNamedValue("O_RDONLY", Uniform("O_RDONLY", 0)),
                new KapiNamedValue("O_WRONLY", Uniform("O_WRONLY", 1)),
                new KapiNamedValue("O_RDWR", Uniform("O_RDWR", 2)),
            }),
        Param(2, "mode", "umode_t"));

    public static SpecCatalog Catalog { get; } = new(new[] { Mlockall, Mlock2, Munlockall, Open });

    public static ParamSpec Param(
        int index, string name, string cType, KapiValue? validMask = null, KapiNamedValue[]? flags = null,
        KapiValue? requiredMask = null, KapiValue? enumMask = null, KapiNamedValue[]? enumValues = null, string? constraint = null) =>
        new()
        {
            Index = index,
            Name = name,
            CTypeName = cType,
            ConstraintType = validMask is null ? null : new KapiTerm<KapiConstraintKind>(KapiConstraintKind.Mask, "KAPI_CONSTRAINT_MASK"),
            ValidMask = validMask,
            MaskFlags = (flags ?? []).ToEquatableArray(),
            RequiredMask = requiredMask,
            EnumMask = enumMask,
            EnumValues = (enumValues ?? []).ToEquatableArray(),
            EnumCount = enumValues?.Length,
            ConstraintText = constraint,
        };

    public static ApiSpec Spec(string name, params ParamSpec[] parameters) =>
        new() { Name = name, Kind = ApiKind.Function, Params = parameters.ToEquatableArray() };
}
