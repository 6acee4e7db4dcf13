using System.Runtime.InteropServices;

namespace Kapi.Runtime;

/// <summary>Facts about the running process that generated code needs.</summary>
public static class KapiPlatform
{
    /// <summary>The number of architectures in <see cref="KapiArchitecture"/>.</summary>
    public const int ArchitectureCount = 8;

    /// <summary>The architecture of the running process (x86-64 when the runtime reports one Kapi does not know).</summary>
    public static KapiArchitecture Architecture { get; } = FromRuntime(RuntimeInformation.ProcessArchitecture);

    /// <summary>Maps a runtime <see cref="System.Runtime.InteropServices.Architecture"/> to a <see cref="KapiArchitecture"/>.</summary>
    /// <param name="architecture">The runtime's architecture value.</param>
    /// <returns>The matching Kapi architecture, or <see cref="KapiArchitecture.X64"/> when there is none.</returns>
    public static KapiArchitecture FromRuntime(System.Runtime.InteropServices.Architecture architecture)
    {
        switch (architecture)
        {
            case System.Runtime.InteropServices.Architecture.X64: return KapiArchitecture.X64;
            case System.Runtime.InteropServices.Architecture.X86: return KapiArchitecture.X86;
            case System.Runtime.InteropServices.Architecture.Arm:
            case System.Runtime.InteropServices.Architecture.Armv6: return KapiArchitecture.Arm;
            case System.Runtime.InteropServices.Architecture.Arm64: return KapiArchitecture.Arm64;
            case System.Runtime.InteropServices.Architecture.Ppc64le: return KapiArchitecture.Ppc64le;
            case System.Runtime.InteropServices.Architecture.S390x: return KapiArchitecture.S390x;
            case System.Runtime.InteropServices.Architecture.LoongArch64: return KapiArchitecture.LoongArch64;
            case RiscV64: return KapiArchitecture.RiscV64;
            default: return KapiArchitecture.X64;
        }
    }

    // Architecture.RiscV64 exists from .NET 9 on; its value is 9.
    private const System.Runtime.InteropServices.Architecture RiscV64 = (System.Runtime.InteropServices.Architecture)9;

}
