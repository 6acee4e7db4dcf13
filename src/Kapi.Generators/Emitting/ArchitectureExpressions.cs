using System.Globalization;

namespace Kapi.Generators.Emitting;

/// <summary>
/// C# code that depends on the architecture the bindings run on: <c>KapiArchitecture</c> members, switches on the
/// process architecture, and per-architecture values as expressions.
/// </summary>
internal static class ArchitectureExpressions
{
    /// <summary>The <c>Kapi.Runtime.KapiArchitecture</c> member of <paramref name="arch"/>.</summary>
    public static string KapiArchitectureMember(KapiArchitecture arch) => "global::Kapi.Runtime.KapiArchitecture." + arch switch
    {
        KapiArchitecture.X64 => "X64",
        KapiArchitecture.X86 => "X86",
        KapiArchitecture.Arm => "Arm",
        KapiArchitecture.Arm64 => "Arm64",
        KapiArchitecture.Ppc64le => "Ppc64le",
        KapiArchitecture.S390x => "S390x",
        KapiArchitecture.RiscV64 => "RiscV64",
        _ => "LoongArch64",
    };

    /// <summary>
    /// Opens <c>switch (RuntimeInformation.ProcessArchitecture)</c> with one case per given architecture. The
    /// property is a constant per target in CoreLib, so the JIT (and NativeAOT) fold the switch away: on those
    /// architectures the code below the switch is dead and the translation costs nothing.
    /// </summary>
    public static void OpenProcessArchitectureSwitch(SourceWriter w, IEnumerable<KapiArchitecture> archs)
    {
        const string a = "global::System.Runtime.InteropServices.Architecture.";
        w.Open("switch (global::System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture)");
        foreach (var arch in archs)
        {
            var labels = arch switch
            {
                KapiArchitecture.X64 => new[] { a + "X64" },
                KapiArchitecture.X86 => new[] { a + "X86" },
                KapiArchitecture.Arm => new[] { a + "Arm", a + "Armv6" },
                KapiArchitecture.Arm64 => new[] { a + "Arm64" },
                KapiArchitecture.Ppc64le => new[] { a + "Ppc64le" },
                KapiArchitecture.S390x => new[] { a + "S390x" },
                KapiArchitecture.LoongArch64 => new[] { a + "LoongArch64" },
                // Architecture.RiscV64 exists from .NET 9 on; its value is 9.
                _ => new[] { "(global::System.Runtime.InteropServices.Architecture)9" },
            };
            foreach (var l in labels) w.Line("case " + l + ":");
        }
    }

    /// <summary>
    /// A long-valued expression for a per-architecture value: a literal when uniform, otherwise a switch on the
    /// running architecture (default: the x86-64 value). <paramref name="missing"/> stands in for unknown values.
    /// </summary>
    public static string Long(ArchValues values, long missing, bool hex)
    {
        long Of(KapiArchitecture arch) => values[arch] ?? missing;
        long x64 = Of(KapiArchitecture.X64);
        var differing = KapiArchitectures.All.Where(arch => Of(arch) != x64).ToList();
        if (differing.Count == 0) return CSharp.Long(x64, hex);
        var arms = differing.Select(arch => KapiArchitectureMember(arch) + " => " + CSharp.Long(Of(arch), hex));
        return "(global::Kapi.Runtime.KapiPlatform.Architecture switch { " + string.Join(", ", arms) + ", _ => " + CSharp.Long(x64, hex) + " })";
    }

    /// <summary>Like <see cref="Long"/>, typed <c>int</c>.</summary>
    public static string Int(ArchValues values, long missing)
    {
        long x64 = values[KapiArchitecture.X64] ?? missing;
        bool uniform = KapiArchitectures.All.All(arch => (values[arch] ?? missing) == x64);
        return uniform && x64 >= int.MinValue && x64 <= int.MaxValue
            ? x64.ToString(CultureInfo.InvariantCulture)
            : "unchecked((int)" + Long(values, missing, false) + ")";
    }
}
