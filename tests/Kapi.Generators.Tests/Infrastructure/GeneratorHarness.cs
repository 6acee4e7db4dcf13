using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Generators.Tests.Infrastructure;

/// <summary>One generator run: the driver (for incremental follow-ups), its result and the output compilation.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public GeneratorRunResult Single => Result.Results.Single();

    public IReadOnlyList<GeneratedSourceResult> Sources =>
        Single.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Compiler diagnostics of the output compilation at warning level or above.</summary>
    public IReadOnlyList<Diagnostic> CompileProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = KapiGeneratorDriver.ParseOptions;

    public static readonly ImmutableArray<MetadataReference> References = KapiGeneratorDriver.References;

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(allowUnsafe: false, sources);

    /// <param name="allowUnsafe">AllowUnsafeBlocks: the generator then adds the Span overloads for user buffers.</param>
    /// <param name="sources">The C# sources of the compilation.</param>
    public static CSharpCompilation CreateCompilation(bool allowUnsafe, params string[] sources) =>
        KapiGeneratorDriver.CreateCompilation("KapiGeneratedTest", sources, allowUnsafe: allowUnsafe);

    /// <summary>A driver with step tracking on (the cache tests read the tracked steps).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider? options = null) =>
        KapiGeneratorDriver.Create(texts, options ?? new TestOptionsProvider(), trackSteps: true);

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Runs the generator over in-memory spec files.</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> specs, IReadOnlyDictionary<string, string>? properties = null, params string[] sources) =>
        Run(specs, properties, allowUnsafe: false, sources);

    /// <summary>Runs the generator over in-memory spec files, in a compilation with or without AllowUnsafeBlocks.</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> specs, IReadOnlyDictionary<string, string>? properties, bool allowUnsafe, params string[] sources)
    {
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToList();
        var driver = CreateDriver(texts, new TestOptionsProvider(properties));
        return Run(driver, CreateCompilation(allowUnsafe, sources));
    }

    /// <summary>Runs the generator over spec files on disk (their text read by the test, never by the generator).</summary>
    public static GeneratorRun RunFiles(IEnumerable<string> paths, IReadOnlyDictionary<string, string>? properties = null, params string[] sources) =>
        Run(paths.Select(p => (p, File.ReadAllText(p))), properties, sources);

    /// <summary>Like <see cref="RunFiles(IEnumerable{string}, IReadOnlyDictionary{string, string}?, string[])"/>, with or without AllowUnsafeBlocks.</summary>
    public static GeneratorRun RunFiles(IEnumerable<string> paths, IReadOnlyDictionary<string, string>? properties, bool allowUnsafe, params string[] sources) =>
        Run(paths.Select(p => (p, File.ReadAllText(p))), properties, allowUnsafe, sources);

    /// <summary>Fails when the generator threw (CS8785 in a real build) or reported anything.</summary>
    public static void AssertNoGeneratorFailure(GeneratorRun run)
    {
        var result = run.Single;
        if (result.Exception is not null) throw new Xunit.Sdk.XunitException("Generator threw: " + result.Exception);
        Xunit.Assert.Empty(result.Diagnostics);
        Xunit.Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
    }

    /// <summary>Fails with the numbered generated source when the output compilation has warnings or errors.</summary>
    public static void AssertCompilesClean(GeneratorRun run, string? context = null)
    {
        var problems = run.CompileProblems;
        if (problems.Count == 0) return;
        var w = new System.Text.StringBuilder();
        w.AppendLine($"{context}: generated code has {problems.Count} compiler diagnostic(s):");
        foreach (var d in problems.Take(30)) w.AppendLine("  " + d);
        foreach (var tree in problems.Select(p => p.Location.SourceTree).Where(t => t is not null).Distinct().Take(2))
        {
            w.AppendLine("---- " + tree!.FilePath);
            var lines = tree.GetText().Lines;
            foreach (var line in lines) w.AppendLine($"{line.LineNumber + 1,5}: {line}");
        }
        throw new Xunit.Sdk.XunitException(w.ToString());
    }
}
