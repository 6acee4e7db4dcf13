using Kapi.Architectures;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// The architectures a compilation targets, from its compiler-visible MSBuild properties:
/// <c>KapiTargetArchitectures</c> (explicit list, e.g. "x64;arm64"), else <c>RuntimeIdentifier</c> (linux-x64 → x64),
/// else the Linux RIDs of <c>RuntimeIdentifiers</c> (linux-x64;linux-arm64 → x64, arm64; handed over by Kapi.targets as
/// <c>KapiRuntimeIdentifiers</c>, a comma list), else <c>PlatformTarget</c> (x64, x86, arm, arm64; AnyCPU pins
/// nothing), else every Linux architecture (not pinned).
/// </summary>
internal sealed class TargetArchitectures
{
    public const string KapiTargetArchitecturesProperty = "build_property.KapiTargetArchitectures";
    public const string RuntimeIdentifierProperty = "build_property.RuntimeIdentifier";
    /// <summary><c>RuntimeIdentifiers</c> with ',' for ';' (a ';' would start a comment in the generated .editorconfig).</summary>
    public const string RuntimeIdentifiersProperty = "build_property.KapiRuntimeIdentifiers";
    public const string PlatformTargetProperty = "build_property.PlatformTarget";

    public static TargetArchitectures Unpinned { get; } = new(ArchitectureSet.All, pinned: false, source: null);

    private TargetArchitectures(ArchitectureSet architectures, bool pinned, string? source)
    {
        Architectures = architectures;
        IsPinned = pinned;
        Source = source;
    }

    /// <summary>The target architectures, in the architectures' order (whatever order a list property gives).</summary>
    public ArchitectureSet Architectures { get; }

    /// <summary>False when nothing pins the architecture: every Linux architecture is a candidate.</summary>
    public bool IsPinned { get; }

    /// <summary>The property that pinned the architectures, for messages.</summary>
    public string? Source { get; }

    public static TargetArchitectures FromOptions(AnalyzerConfigOptions globalOptions)
    {
        if (globalOptions.TryGetValue(KapiTargetArchitecturesProperty, out var list) && !string.IsNullOrWhiteSpace(list))
        {
            var archs = ArchitectureSet.Empty;
            foreach (var part in list.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (TryParseRidOrArch(part, out var arch)) archs = archs.With(arch);
            }
            if (!archs.IsEmpty) return new TargetArchitectures(archs, pinned: true, "KapiTargetArchitectures");
        }
        if (globalOptions.TryGetValue(RuntimeIdentifierProperty, out var rid) && TryParseRidOrArch(rid, out var ridArch))
        {
            return new TargetArchitectures(ArchitectureSet.Of(ridArch), pinned: true, "RuntimeIdentifier");
        }
        if (globalOptions.TryGetValue(RuntimeIdentifiersProperty, out var rids) && !string.IsNullOrWhiteSpace(rids))
        {
            // The RIDs the project builds for; only Linux ones (and bare architectures) run these bindings.
            var archs = ArchitectureSet.Empty;
            foreach (var part in rids.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsLinuxRid(part) && TryParseRidOrArch(part, out var arch)) archs = archs.With(arch);
            }
            if (!archs.IsEmpty) return new TargetArchitectures(archs, pinned: true, "RuntimeIdentifiers");
        }
        if (globalOptions.TryGetValue(PlatformTargetProperty, out var platform) && TryParseRidOrArch(platform, out var platformArch))
        {
            return new TargetArchitectures(ArchitectureSet.Of(platformArch), pinned: true, "PlatformTarget");
        }
        return Unpinned;
    }

    /// <summary>A RID of Linux (linux-x64, linux-musl-arm64, linux-bionic-arm64), of any Unix, or a bare architecture; not win-x64, osx-arm64 ….</summary>
    private static bool IsLinuxRid(string rid)
    {
        int dash = rid.LastIndexOf('-');
        if (dash < 0) return true;
        var os = rid.Substring(0, dash);
        return os.StartsWith("linux", StringComparison.OrdinalIgnoreCase) || string.Equals(os, "unix", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses an architecture name (x64, arm64, ppc64le …) or a RID (linux-x64, linux-musl-arm64 …).</summary>
    public static bool TryParseRidOrArch(string? value, out KapiArchitecture arch)
    {
        arch = KapiArchitecture.X64;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var text = value!.Trim();
        if (string.Equals(text, "AnyCPU", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "Any CPU", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (KapiArchitectures.TryParse(text, out arch)) return true;
        int dash = text.LastIndexOf('-');
        return dash >= 0 && dash < text.Length - 1 && KapiArchitectures.TryParse(text.Substring(dash + 1), out arch);
    }
}
