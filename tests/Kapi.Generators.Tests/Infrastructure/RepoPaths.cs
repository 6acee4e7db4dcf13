using System.IO;

namespace Kapi.Generators.Tests.Infrastructure;

/// <summary>Locates the repository (the folder holding Kapi.sln) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root => RepositoryPaths.Root;

    /// <summary>The repository's own specs.</summary>
    public static string KapiDirectory => Path.Combine(Root, "kapi");

    /// <summary>
    /// The shared corpus of real upstream spec blocks (read at test time, never copied): ../shared/corpus/macro
    /// beside the repository, or the folder named by KAPI_CORPUS_DIR.
    /// </summary>
    public static string CorpusDirectory => RepositoryPaths.CorpusMacroDir;

    public static bool HasCorpus => RepositoryPaths.CorpusAvailable;
}
