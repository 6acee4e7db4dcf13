using Kapi.Testing.EndToEnd;
using Xunit;

namespace Kapi.EndToEnd.Tests.Infrastructure;

/// <summary>The end-to-end tests share one pack of Kapi and Kapi.Cli (tests/Shared/EndToEnd/KapiPackages.cs).</summary>
[CollectionDefinition(Name)]
public sealed class KapiPackagesCollection : ICollectionFixture<KapiPackages>
{
    public const string Name = "Kapi packages";
}
