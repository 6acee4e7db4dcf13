namespace Kapi.Benchmarks;

/// <summary>Inputs read at run time: the shared corpus (when ../shared is present) and the repo's kapi/ specs.</summary>
public static class BenchmarkInputs
{
    public static string RepoRoot { get; } = FindRoot();

    public static string CorpusDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "macro"));

    public static IReadOnlyList<(string Path, string Text)> SpecFiles { get; } = Load();

    /// <summary>Every spec file concatenated (corpus + kapi/).</summary>
    public static string Concatenated { get; } = string.Join("\n", SpecFiles.Select(f => f.Text));

    /// <summary>A large synthetic file: the concatenation repeated until it is about 4 MB, with spec names made unique.</summary>
    public static string Synthetic { get; } = BuildSynthetic(4 * 1024 * 1024 - 4096);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kapi.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    private static List<(string, string)> Load()
    {
        var files = new List<string>();
        if (Directory.Exists(CorpusDir)) files.AddRange(Directory.GetFiles(CorpusDir, "*.kapi"));
        string kapi = Path.Combine(RepoRoot, "kapi");
        if (Directory.Exists(kapi)) files.AddRange(Directory.GetFiles(kapi, "*.kapi", SearchOption.AllDirectories));
        files.Sort(StringComparer.Ordinal);
        return files.Select(f => (f, File.ReadAllText(f))).ToList();
    }

    private static string BuildSynthetic(int size)
    {
        var sb = new System.Text.StringBuilder(size + 65536);
        int copy = 0;
        while (sb.Length < size && Concatenated.Length > 0)
        {
            string suffix = "_" + copy++;
            string block = System.Text.RegularExpressions.Regex.Replace(Concatenated, @"(DEFINE_[A-Z_]+_SPEC\()(\w+)\)", m => m.Groups[1].Value + m.Groups[2].Value + suffix + ")");
            block = System.Text.RegularExpressions.Regex.Replace(block, @"(struct kapi_ioctl_spec )(\w+)", m => m.Groups[1].Value + m.Groups[2].Value + suffix);
            sb.Append(block).Append('\n');
        }
        return sb.ToString();
    }
}
