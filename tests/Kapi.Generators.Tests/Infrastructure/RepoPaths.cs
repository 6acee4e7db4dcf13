using System;
using System.IO;

namespace Kapi.Generators.Tests.Infrastructure;

/// <summary>Locates the repository (the folder holding Kapi.sln) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>The repository's own specs.</summary>
    public static string KapiDirectory => Path.Combine(Root, "kapi");

    /// <summary>
    /// The shared corpus of real upstream spec blocks (read at test time, never copied): ../shared/corpus/macro
    /// beside the repository, or the folder named by KAPI_CORPUS_DIR.
    /// </summary>
    public static string CorpusDirectory =>
        Environment.GetEnvironmentVariable("KAPI_CORPUS_DIR") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "macro"));

    public static bool HasCorpus => Directory.Exists(CorpusDirectory);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kapi.sln"))) return dir.FullName;
            dir = dir.Parent;
        }
        throw new InvalidOperationException("Kapi.sln not found above " + AppContext.BaseDirectory);
    }
}
