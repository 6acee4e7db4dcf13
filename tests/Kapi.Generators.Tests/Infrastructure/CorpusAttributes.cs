using Xunit;

namespace Kapi.Generators.Tests.Infrastructure;

/// <summary>A fact that is reported as skipped (not passed) when ../shared/corpus is not beside the repository.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!RepoPaths.HasCorpus) Skip = "The shared corpus (../shared/corpus/macro) is not beside the repository.";
    }
}

/// <summary>A theory that is reported as skipped when ../shared/corpus is not beside the repository.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!RepoPaths.HasCorpus) Skip = "The shared corpus (../shared/corpus/macro) is not beside the repository.";
    }
}
