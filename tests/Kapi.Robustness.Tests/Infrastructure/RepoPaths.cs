using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>Locates the repository (the folder holding Kapi.sln), its specs and samples, and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root => RepositoryPaths.Root;

    /// <summary>The repository's own specs (kapi/**/*.kapi).</summary>
    public static string KapiDirectory => Path.Combine(Root, "kapi");

    public static string SamplesDirectory => Path.Combine(Root, "samples");

    public static string TestsDirectory => Path.Combine(Root, "tests");

    /// <summary>
    /// The shared corpus of real upstream spec blocks, read in place: ../shared/corpus/macro beside the repository,
    /// or the folder named by KAPI_CORPUS_DIR.
    /// </summary>
    public static string CorpusDirectory => RepositoryPaths.CorpusMacroDir;

    public static bool HasCorpus => RepositoryPaths.CorpusAvailable;

    /// <summary>kapi/**/*.kapi, ordinal path order.</summary>
    public static IReadOnlyList<string> RepoSpecFiles() =>
        Directory.Exists(KapiDirectory)
            ? Directory.GetFiles(KapiDirectory, "*.kapi", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : Array.Empty<string>();

    /// <summary>../shared/corpus/macro/*.kapi, ordinal path order (empty when the corpus is absent).</summary>
    public static IReadOnlyList<string> CorpusSpecFiles() =>
        HasCorpus
            ? Directory.GetFiles(CorpusDirectory, "*.kapi").OrderBy(f => f, StringComparer.Ordinal).ToList()
            : Array.Empty<string>();

    /// <summary>Path relative to the repository root (or to the corpus folder), forward slashes: for messages.</summary>
    public static string Display(string path)
    {
        foreach (var (root, prefix) in new[] { (Root, ""), (HasCorpus ? CorpusDirectory : null, "corpus/") })
        {
            if (root is not null && path.StartsWith(root, StringComparison.Ordinal))
            {
                return prefix + path.Substring(root.Length).TrimStart('/', '\\').Replace('\\', '/');
            }
        }
        return path;
    }
}
