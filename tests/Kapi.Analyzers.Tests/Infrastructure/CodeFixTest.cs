using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Kapi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Kapi.Analyzers.Tests.Infrastructure;

/// <summary>Code-fix test over the hand-built specs; unchanged helper sources go to both states.</summary>
public sealed class FlagsCodeFixTest : CSharpCodeFixTest<TestFlagsAnalyzer, KapiFlagsCodeFixProvider, DefaultVerifier>
{
    public FlagsCodeFixTest(string code, string fixedCode, params string[] helpers)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.Net100);
        FixedState.AdditionalReferences.AddRange(TestReferences.Net100);
        TestState.Sources.Add(("/0/Test0.cs", code));
        FixedState.Sources.Add(("/0/Test0.cs", fixedCode));
        int i = 1;
        foreach (var helper in helpers)
        {
            TestState.Sources.Add(($"/0/Helper{i}.cs", helper));
            FixedState.Sources.Add(($"/0/Helper{i}.cs", helper));
            i++;
        }
    }

    public Dictionary<string, string> BuildProperties { get; } = new();

    public FlagsCodeFixTest Pinned(string rid = "linux-x64")
    {
        BuildProperties["RuntimeIdentifier"] = rid;
        return this;
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithAllowUnsafe(true);

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (BuildProperties.Count > 0)
        {
            var text = new System.Text.StringBuilder("is_global = true\n");
            foreach (var (key, value) in BuildProperties) text.Append("build_property.").Append(key).Append(" = ").Append(value).Append('\n');
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", text.ToString()));
            FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", text.ToString()));
        }
        return base.RunImplAsync(cancellationToken);
    }
}
