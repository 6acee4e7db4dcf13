using Kapi.Testing.EndToEnd;
using Xunit;

namespace Kapi.Ide.Tests.Infrastructure;

/// <summary>Kapi packed once for these tests (no tool: Kapi.Cli is not packed).</summary>
public sealed class IdePackages : KapiPackages
{
    public IdePackages()
        : base(withCli: false)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class IdePackagesCollection : ICollectionFixture<IdePackages>
{
    public const string Name = "Kapi package for IDE hosts";
}
