#if KAPI_RUNTIME
namespace Kapi.Runtime;
#else
namespace Kapi.Architectures;
#endif

// This file is compiled into Kapi.Model (namespace Kapi.Architectures) and into Kapi.Runtime (namespace Kapi.Runtime):
// the front end, the generator, the analyzers and the generated code number the architectures the same way.

/// <summary>
/// The Linux architectures .NET has a runtime identifier for (linux-x64, linux-x86, linux-arm, linux-arm64,
/// linux-ppc64le, linux-s390x, linux-riscv64, linux-loongarch64), in the order every per-architecture table uses.
/// Generated enums use the <see cref="X64"/> values ("portable values"); the generated wrappers translate them to
/// the native values of the running architecture.
/// </summary>
public enum KapiArchitecture
{
    /// <summary>x86-64 (linux-x64). The reference ABI: portable values are the values on this architecture.</summary>
    X64 = 0,
    /// <summary>32-bit x86 (linux-x86).</summary>
    X86 = 1,
    /// <summary>32-bit ARM (linux-arm).</summary>
    Arm = 2,
    /// <summary>AArch64 (linux-arm64).</summary>
    Arm64 = 3,
    /// <summary>64-bit little-endian POWER (linux-ppc64le).</summary>
    Ppc64le = 4,
    /// <summary>IBM Z (linux-s390x).</summary>
    S390x = 5,
    /// <summary>64-bit RISC-V (linux-riscv64).</summary>
    RiscV64 = 6,
    /// <summary>64-bit LoongArch (linux-loongarch64).</summary>
    LoongArch64 = 7,
}

/// <summary>The names of the architectures.</summary>
public static class KapiArchitectureNames
{
    /// <summary>The RID suffix of an architecture: x64, x86, arm, arm64, ppc64le, s390x, riscv64, loongarch64.</summary>
    /// <param name="architecture">The architecture.</param>
    /// <returns>The RID suffix.</returns>
    public static string RidName(this KapiArchitecture architecture) => architecture switch
    {
        KapiArchitecture.X64 => "x64",
        KapiArchitecture.X86 => "x86",
        KapiArchitecture.Arm => "arm",
        KapiArchitecture.Arm64 => "arm64",
        KapiArchitecture.Ppc64le => "ppc64le",
        KapiArchitecture.S390x => "s390x",
        KapiArchitecture.RiscV64 => "riscv64",
        KapiArchitecture.LoongArch64 => "loongarch64",
        _ => architecture.ToString(),
    };
}
