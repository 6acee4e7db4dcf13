using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>One generator run: its result and the output compilation.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Single => Result.Results.Single();

    /// <summary>The generated sources, ordered by hint name (ordinal).</summary>
    public IReadOnlyList<GeneratedSourceResult> Sources =>
        Single.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    /// <summary>All generated text, in hint-name order, each file headed by its hint name.</summary>
    public string Rendered => string.Concat(Sources.Select(s => "//" + s.HintName + "\n" + s.SourceText));

    /// <summary>
    /// The diagnostics of emitting the output compilation (binding and metadata: some errors, such as CS7013 for
    /// names over the metadata limit, only appear when the assembly is written).
    /// </summary>
    public IReadOnlyList<Diagnostic> Problems(DiagnosticSeverity atLeast)
    {
        using var stream = new System.IO.MemoryStream();
        return Output.Emit(stream).Diagnostics.Where(d => d.Severity >= atLeast).ToList();
    }
}

/// <summary>Runs the Kapi generator through <see cref="CSharpGeneratorDriver"/> the way the compiler does.</summary>
internal static class Generation
{
    public static readonly CSharpParseOptions ParseOptions = KapiGeneratorDriver.ParseOptions;

    public static readonly ImmutableArray<MetadataReference> FrameworkReferences = KapiGeneratorDriver.FrameworkReferences;

    public static readonly MetadataReference KapiRuntime = KapiGeneratorDriver.KapiRuntime;

    /// <summary>.NET 10 reference assemblies plus Kapi.Runtime.</summary>
    public static readonly ImmutableArray<MetadataReference> References = KapiGeneratorDriver.References;

    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference>? references = null, params string[] sources) =>
        KapiGeneratorDriver.CreateCompilation("KapiRobustness", sources, references);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider? options = null) =>
        KapiGeneratorDriver.Create(texts, options);

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Runs the generator over in-memory spec files.</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> specs, IReadOnlyDictionary<string, string>? properties = null, Compilation? compilation = null) =>
        Run(CreateDriver(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToList(), new TestOptionsProvider(properties)),
            compilation ?? CreateCompilation());

    /// <summary>Fails when the generator threw (CS8785 in a real build) or reported anything.</summary>
    public static void AssertNoGeneratorFailure(GeneratorRun run, string context)
    {
        var result = run.Single;
        if (result.Exception is not null) throw new Xunit.Sdk.XunitException($"{context}: generator threw: {result.Exception}");
        if (!result.Diagnostics.IsEmpty) throw new Xunit.Sdk.XunitException($"{context}: generator reported: {string.Join("; ", result.Diagnostics)}");
        var driverProblems = run.DriverDiagnostics.Where(d => d.Id is "CS8784" or "CS8785" || d.Severity == DiagnosticSeverity.Error).ToList();
        if (driverProblems.Count > 0) throw new Xunit.Sdk.XunitException($"{context}: {string.Join("; ", driverProblems)}");
    }

    /// <summary>Fails, quoting the generated source, when emitting the output compilation gives diagnostics at or above <paramref name="atLeast"/>.</summary>
    public static void AssertCompiles(GeneratorRun run, string context, DiagnosticSeverity atLeast = DiagnosticSeverity.Error, string? input = null)
    {
        var problems = run.Problems(atLeast);
        if (problems.Count == 0) return;
        throw new Xunit.Sdk.XunitException(Describe($"{context}: generated code has {problems.Count} compiler diagnostic(s)", problems, input));
    }

    public static string Describe(string headline, IReadOnlyList<Diagnostic> problems, string? input = null)
    {
        var w = new StringBuilder();
        w.AppendLine(headline + ":");
        foreach (var d in problems.Take(20)) w.AppendLine("  " + d);
        if (input is not null)
        {
            w.AppendLine("---- input");
            w.AppendLine(input.Length > 6000 ? input.Substring(0, 6000) + "…" : input);
        }
        foreach (var tree in problems.Select(p => p.Location.SourceTree).Where(t => t is not null).Distinct().Take(1))
        {
            w.AppendLine("---- " + tree!.FilePath);
            var lines = tree.GetText().Lines;
            var wanted = new HashSet<int>(problems.Where(p => p.Location.SourceTree == tree)
                .SelectMany(p => Enumerable.Range(p.Location.GetLineSpan().StartLinePosition.Line - 3, 7)));
            foreach (var line in lines)
            {
                if (wanted.Contains(line.LineNumber)) w.AppendLine($"{line.LineNumber + 1,5}: {line}");
            }
        }
        return w.ToString();
    }
}
