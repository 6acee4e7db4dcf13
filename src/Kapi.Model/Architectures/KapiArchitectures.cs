using System.Runtime.InteropServices;

namespace Kapi.Architectures;

/// <summary>The architectures in table order, their RID names and ABI facts.</summary>
public static class KapiArchitectures
{
    public const int Count = 8;

    public static IReadOnlyList<KapiArchitecture> All { get; } = new[]
    {
        KapiArchitecture.X64, KapiArchitecture.X86, KapiArchitecture.Arm, KapiArchitecture.Arm64,
        KapiArchitecture.Ppc64le, KapiArchitecture.S390x, KapiArchitecture.RiscV64, KapiArchitecture.LoongArch64,
    };

    /// <summary>Pointer size in bytes: ILP32 on x86 and arm, LP64 elsewhere.</summary>
    public static int PointerSize(this KapiArchitecture arch) => arch is KapiArchitecture.X86 or KapiArchitecture.Arm ? 4 : 8;

    public static bool Is64Bit(this KapiArchitecture arch) => arch.PointerSize() == 8;

    public static bool TryParse(string? name, out KapiArchitecture arch)
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
            case "x86_64": case "amd64": arch = KapiArchitecture.X64; return true;
            case "i386": case "i686": arch = KapiArchitecture.X86; return true;
            case "aarch64": arch = KapiArchitecture.Arm64; return true;
            case "powerpc64le": case "ppc64": arch = KapiArchitecture.Ppc64le; return true;
            case "riscv": arch = KapiArchitecture.RiscV64; return true;
            case "loongarch": arch = KapiArchitecture.LoongArch64; return true;
        }
        arch = KapiArchitecture.X64;
        return false;
    }

    /// <summary>The architecture of the running process.</summary>
    public static KapiArchitecture Current => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => KapiArchitecture.X64,
        Architecture.X86 => KapiArchitecture.X86,
        Architecture.Arm => KapiArchitecture.Arm,
        Architecture.Arm64 => KapiArchitecture.Arm64,
        _ => FromName(RuntimeInformation.ProcessArchitecture.ToString()),
    };

    private static KapiArchitecture FromName(string name) => TryParse(name, out var a) ? a : KapiArchitecture.X64;
}
