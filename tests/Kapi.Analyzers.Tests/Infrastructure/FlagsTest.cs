using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Kapi.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test with .NET 10 references, C# latest and optional MSBuild properties.</summary>
public class KapiAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
{
    public KapiAnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.Net100);
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    /// <summary>build_property.* values, written to a global analyzer config.</summary>
    public Dictionary<string, string> BuildProperties { get; } = new();

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithAllowUnsafe(true);

    public KapiAnalyzerTest<TAnalyzer> WithRuntimeIdentifier(string rid)
    {
        BuildProperties["RuntimeIdentifier"] = rid;
        return this;
    }

    protected override Task RunImplAsync(System.Threading.CancellationToken cancellationToken)
    {
        if (BuildProperties.Count > 0)
        {
            var text = new System.Text.StringBuilder("is_global = true\n");
            foreach (var (key, value) in BuildProperties) text.Append("build_property.").Append(key).Append(" = ").Append(value).Append('\n');
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", text.ToString()));
        }
        return base.RunImplAsync(cancellationToken);
    }
}

/// <summary>The usage analyzer over the hand-built test specs.</summary>
public sealed class FlagsTest : KapiAnalyzerTest<TestFlagsAnalyzer>
{
    public FlagsTest(params string[] sources)
    {
        foreach (var source in sources) TestState.Sources.Add(source);
    }

    public static Task RunAsync(string rid, params string[] sources)
    {
        var test = new FlagsTest(sources);
        if (rid.Length > 0) test.WithRuntimeIdentifier(rid);
        return test.RunAsync();
    }
}
