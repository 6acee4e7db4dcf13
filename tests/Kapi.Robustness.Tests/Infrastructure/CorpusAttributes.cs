using Xunit;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>A fact reported as skipped (not passed) when ../shared/corpus/macro is not beside the repository.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!RepoPaths.HasCorpus) Skip = "The shared corpus (../shared/corpus/macro beside the repository, or KAPI_CORPUS_DIR) is not available.";
    }
}
