using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Kapi.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>What the analyzers reported, and the exceptions they threw (caught by the driver).</summary>
internal sealed record AnalyzerRunResult(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions);

/// <summary>Runs KapiFlagsAnalyzer and KapiSpecFileAnalyzer through <see cref="CompilationWithAnalyzers"/>, as the compiler and the IDE do.</summary>
internal static class AnalyzerRunner
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new KapiFlagsAnalyzer(), new KapiSpecFileAnalyzer());

    public static readonly MetadataReference TmdsLibC = MetadataReference.CreateFromFile(Metadata("TmdsLibCPath"));

    public static readonly MetadataReference MonoPosix = MetadataReference.CreateFromFile(Metadata("MonoPosixPath"));

    public static AnalyzerRunResult Run(Compilation compilation, IEnumerable<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider? options = null, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var exceptions = new ConcurrentQueue<string>();
        var analyzerOptions = new AnalyzerOptions(additionalFiles.ToImmutableArray(), options ?? TestOptionsProvider.Empty);
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers ?? Analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new AnalyzerRunResult(diagnostics, exceptions.ToList());
    }

    /// <summary>Fails on an analyzer exception or an AD0001 (the diagnostic a build shows for one).</summary>
    public static void AssertNoAnalyzerFailure(AnalyzerRunResult result, Func<string> context)
    {
        if (result.Exceptions.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{context()}\nanalyzer threw: {result.Exceptions[0]}");
        }
        var ad0001 = result.Diagnostics.FirstOrDefault(d => d.Id is "AD0001" or "AD0002");
        if (ad0001 is not null) throw new Xunit.Sdk.XunitException($"{context()}\n{ad0001}");
    }

    private static string Metadata(string key)
    {
        var value = typeof(AnalyzerRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;
        if (!System.IO.File.Exists(value)) throw new System.IO.FileNotFoundException(value);
        return value;
    }
}
