namespace Kapi.FrontEnd.Tests;

/// <summary>Locates the repository and the shared corpus (read at run time, never copied into the repo).</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string CorpusMacroDir => Path.Combine(SharedDir, "corpus", "macro");

    public static string CorpusAuxDir => Path.Combine(SharedDir, "corpus", "aux");

    public static bool CorpusAvailable => Directory.Exists(CorpusMacroDir);

    public static string KapiDir => Path.Combine(RepoRoot, "kapi");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kapi.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Kapi.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that is reported as skipped (with the reason) when ../shared/corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!TestPaths.CorpusAvailable) Skip = $"The shared corpus is absent ({TestPaths.CorpusMacroDir}); corpus tests need ../shared beside the repository.";
    }
}

public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!TestPaths.CorpusAvailable) Skip = $"The shared corpus is absent ({TestPaths.CorpusMacroDir}); corpus tests need ../shared beside the repository.";
    }
}
