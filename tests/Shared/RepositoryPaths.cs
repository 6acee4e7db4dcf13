using System;
using System.IO;
using Xunit;

namespace Kapi.Testing;

/// <summary>
/// Where the repository and the shared reference material are, for every test project (linked in by
/// tests/Directory.Build.props). The corpus is read in place at run time, never copied into the repository.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string?> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kapi.sln"))) return dir.FullName;
        }
        return null;
    });

    /// <summary>The folder holding Kapi.sln, found by walking up from the test assembly.</summary>
    public static string Root => s_root.Value ?? throw new InvalidOperationException("Kapi.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The repository's own spec library.</summary>
    public static string KapiDir => Path.Combine(Root, "kapi");

    /// <summary><c>../shared/corpus</c> beside the repository, or the folder named by <c>KAPI_CORPUS_DIR</c> (its parent when it names <c>macro</c>).</summary>
    public static string CorpusDir
    {
        get
        {
            if (Environment.GetEnvironmentVariable("KAPI_CORPUS_DIR") is { Length: > 0 } overridden)
            {
                return Path.GetFileName(Path.TrimEndingDirectorySeparator(overridden)) == "macro" ? Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(overridden))! : overridden;
            }
            return s_root.Value is null ? string.Empty : Path.GetFullPath(Path.Combine(s_root.Value, "..", "shared", "corpus"));
        }
    }

    public static string CorpusMacroDir => Path.Combine(CorpusDir, "macro");

    public static string CorpusAuxDir => Path.Combine(CorpusDir, "aux");

    public static bool CorpusAvailable => Directory.Exists(CorpusMacroDir);

    public static string SkipReason => $"The shared corpus is absent ({CorpusMacroDir}); corpus tests need ../shared beside the repository (or KAPI_CORPUS_DIR).";
}

/// <summary>A fact over the shared corpus, reported as skipped (with the reason) when the corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!RepositoryPaths.CorpusAvailable) Skip = RepositoryPaths.SkipReason;
    }
}

/// <summary>A theory over the shared corpus, reported as skipped (with the reason) when the corpus is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!RepositoryPaths.CorpusAvailable) Skip = RepositoryPaths.SkipReason;
    }
}
