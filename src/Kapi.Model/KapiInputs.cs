namespace Kapi;

/// <summary>
/// Which files are specs, one rule for the generator, the analyzers and the package's build files: an AdditionalFile
/// is a spec when its item metadata <c>KapiSpec</c> is <c>true</c>; with no value, when its name ends in <c>.kapi</c>
/// (any other value, <c>false</c> included, excludes it).
/// </summary>
public static class KapiInputs
{
    /// <summary>The compiler-visible item metadata that marks an AdditionalFile as a spec (or not).</summary>
    public const string SpecMetadataKey = "build_metadata.AdditionalFiles.KapiSpec";

    /// <summary>True when the AdditionalFile at <paramref name="path"/>, with <c>KapiSpec</c> = <paramref name="specMetadata"/>, is a spec.</summary>
    public static bool IsSpecFile(string path, string? specMetadata)
    {
        if (!string.IsNullOrWhiteSpace(specMetadata))
        {
            return string.Equals(specMetadata!.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        }
        return path.EndsWith(".kapi", System.StringComparison.OrdinalIgnoreCase);
    }
}
