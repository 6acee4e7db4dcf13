using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Kapi.Architectures;

/// <summary>
/// The Linux architectures .NET has a runtime identifier for, named as the RIDs name them
/// (linux-x64, linux-x86, linux-arm, linux-arm64, linux-ppc64le, linux-s390x, linux-riscv64, linux-loongarch64).
/// </summary>
public enum KapiArch
{
    X64 = 0,
    X86 = 1,
    Arm = 2,
    Arm64 = 3,
    Ppc64le = 4,
    S390x = 5,
    RiscV64 = 6,
    LoongArch64 = 7,
}

public static class KapiArchitectures
{
    public const int Count = 8;

    public static IReadOnlyList<KapiArch> All { get; } = new[]
    {
        KapiArch.X64, KapiArch.X86, KapiArch.Arm, KapiArch.Arm64,
        KapiArch.Ppc64le, KapiArch.S390x, KapiArch.RiscV64, KapiArch.LoongArch64,
    };

    /// <summary>The RID suffix: x64, x86, arm, arm64, ppc64le, s390x, riscv64, loongarch64.</summary>
    public static string RidName(this KapiArch arch) => arch switch
    {
        KapiArch.X64 => "x64",
        KapiArch.X86 => "x86",
        KapiArch.Arm => "arm",
        KapiArch.Arm64 => "arm64",
        KapiArch.Ppc64le => "ppc64le",
        KapiArch.S390x => "s390x",
        KapiArch.RiscV64 => "riscv64",
        KapiArch.LoongArch64 => "loongarch64",
        _ => arch.ToString().ToLowerInvariant(),
    };

    /// <summary>Pointer size in bytes: ILP32 on x86 and arm, LP64 elsewhere.</summary>
    public static int PointerSize(this KapiArch arch) => arch is KapiArch.X86 or KapiArch.Arm ? 4 : 8;

    public static bool Is64Bit(this KapiArch arch) => arch.PointerSize() == 8;

    public static bool TryParse(string? name, out KapiArch arch)
    {
        foreach (var a in All)
        {
            if (string.Equals(a.RidName(), name, StringComparison.OrdinalIgnoreCase))
            {
                arch = a;
                return true;
            }
        }
        // common aliases
        switch (name?.ToLowerInvariant())
        {
            case "x86_64": case "amd64": arch = KapiArch.X64; return true;
            case "i386": case "i686": arch = KapiArch.X86; return true;
            case "aarch64": arch = KapiArch.Arm64; return true;
            case "powerpc64le": case "ppc64": arch = KapiArch.Ppc64le; return true;
            case "riscv": arch = KapiArch.RiscV64; return true;
            case "loongarch": arch = KapiArch.LoongArch64; return true;
        }
        arch = KapiArch.X64;
        return false;
    }

    /// <summary>The architecture of the running process.</summary>
    public static KapiArch Current => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => KapiArch.X64,
        Architecture.X86 => KapiArch.X86,
        Architecture.Arm => KapiArch.Arm,
        Architecture.Arm64 => KapiArch.Arm64,
        _ => FromName(RuntimeInformation.ProcessArchitecture.ToString()),
    };

    private static KapiArch FromName(string name) => TryParse(name, out var a) ? a : KapiArch.X64;
}
