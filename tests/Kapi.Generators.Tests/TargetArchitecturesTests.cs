using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Kapi.Analyzers;
using Kapi.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// The flags analyzer's target architectures also follow <c>RuntimeIdentifiers</c> (plural; build/Kapi.targets hands
/// it over as the comma list <c>KapiRuntimeIdentifiers</c>): a hard-coded mlockall value of 3 is right on x64 and arm64
/// but not on ppc64le (KAPI2003 when ppc64le is a target, nothing when only x64 and arm64 are).
/// </summary>
public class TargetArchitecturesTests
{
    private const string OwnPInvoke = """
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("libc")]
            public static extern int mlockall(int flags);

            public static int Lock() => mlockall(3);
        }
        """;

    private static async Task<IReadOnlyList<string>> FlagDiagnostics(Dictionary<string, string> properties)
    {
        var compilation = GeneratorHarness.CreateCompilation(OwnPInvoke);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Kapi.Testing.TestOptionsProvider(properties));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KapiFlagsAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => d.Id).ToList();
    }

    [Theory]
    [InlineData("linux-x64,linux-arm64", new string[0])]
    [InlineData("linux-x64,linux-musl-arm64,win-x86", new string[0])]
    [InlineData("linux-x64,linux-ppc64le", new[] { KapiDiagnosticIds.ArchitectureDependentFlagValue })]
    // No Linux RID among them: nothing is pinned, every Linux architecture counts (ppc64le too).
    [InlineData("win-x64,osx-arm64", new[] { KapiDiagnosticIds.ArchitectureDependentFlagValue })]
    public async Task RuntimeIdentifiers_PinTheirLinuxArchitectures(string runtimeIdentifiers, string[] expected)
    {
        var ids = await FlagDiagnostics(new Dictionary<string, string> { ["KapiRuntimeIdentifiers"] = runtimeIdentifiers });
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task RuntimeIdentifier_WinsOverRuntimeIdentifiers_AndKapiTargetArchitecturesOverBoth()
    {
        Assert.Empty(await FlagDiagnostics(new Dictionary<string, string> { ["RuntimeIdentifier"] = "linux-x64", ["KapiRuntimeIdentifiers"] = "linux-ppc64le" }));
        Assert.Equal(
            new[] { KapiDiagnosticIds.ArchitectureDependentFlagValue },
            await FlagDiagnostics(new Dictionary<string, string> { ["KapiTargetArchitectures"] = "x64,ppc64le", ["KapiRuntimeIdentifiers"] = "linux-x64" }));
    }
}
