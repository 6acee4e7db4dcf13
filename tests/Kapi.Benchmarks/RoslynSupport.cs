using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kapi.Benchmarks;

/// <summary>What the generator and analyzer benchmarks compile against, and the in-memory inputs a host hands them.</summary>
public static class RoslynSupport
{
    /// <summary>The options of an SDK project: latest language, documentation comments parsed (as with GenerateDocumentationFile).</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Parse);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release,
        deterministic: true);

    /// <summary>net10.0 reference assemblies (Basic.Reference.Assemblies) plus Kapi.Runtime.</summary>
    public static ImmutableArray<MetadataReference> References { get; } =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Kapi.Runtime.KapiFlagsAttribute).Assembly.Location))
            .ToImmutableArray();

    /// <summary><see cref="References"/> plus Tmds.LibC (for the analyzer project's Tmds.Linux.LibC calls).</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithTmds { get; } =
        References.Add(MetadataReference.CreateFromFile(typeof(Tmds.Linux.LibC).Assembly.Location));

    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), ParseOptions, path);

    /// <summary>Emits to a MemoryStream and throws when the compilation has errors (a benchmark must measure a clean build).</summary>
    public static int EmitOrThrow(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Benchmark compilation failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }
        return (int)stream.Length;
    }

    public static void ThrowOnErrors(IEnumerable<Diagnostic> diagnostics, string what)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).ToList();
        if (errors.Count > 0) throw new InvalidOperationException(what + " has errors:\n" + string.Join("\n", errors));
    }
}

/// <summary>build_property.* values (global options) as MSBuild would pass them; no per-file metadata.</summary>
public sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _global;

    public GlobalOptionsProvider(IReadOnlyDictionary<string, string>? properties = null)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties is not null)
        {
            foreach (var kv in properties) d["build_property." + kv.Key] = kv.Value;
        }
        _global = new DictionaryOptions(d);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
