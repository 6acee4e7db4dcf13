using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Kapi.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kapi.Benchmarks;

/// <summary>
/// The incremental generator under <see cref="CSharpGeneratorDriver"/> (issue 3 "Speed", issue 8 "Generator"), over
/// every spec (the repository's kapi/ and ../shared/corpus/macro), next to the time Roslyn takes to parse and
/// compile the same small project (<see cref="SmallProject"/>) without Kapi.
/// </summary>
/// <remarks>
/// "Cold" is a new driver (no incremental state) in a warm process: the JIT cost of a first build in a fresh
/// compiler process is not part of it. Driver options are the compiler's: no step tracking.
/// </remarks>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly GeneratorDriverOptions s_driverOptions = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _compilationEdited = null!;
    private ImmutableArray<AdditionalText> _specs;
    private AdditionalText _kapiOriginal = null!;
    private AdditionalText _kapiEdited = null!;
    private readonly GlobalOptionsProvider _options = new();

    private GeneratorDriver _warmDriver = null!;
    private bool _warmToggle;
    private GeneratorDriver _kapiDriver = null!;
    private bool _kapiToggle;

    /// <summary>How many spec files the generator reads, and how many sources it adds (for the summary).</summary>
    public static int SpecFileCount { get; private set; }
    public static int GeneratedSourceCount { get; private set; }
    public static string EditedSpec { get; private set; } = string.Empty;

    /// <summary>Inputs built and checked once per process (GlobalSetup runs once per benchmark).</summary>
    private sealed record Inputs(CSharpCompilation Compilation, CSharpCompilation CompilationEdited, ImmutableArray<AdditionalText> Specs, AdditionalText KapiOriginal, AdditionalText KapiEdited);

    private static readonly Lazy<Inputs> s_inputs = new(CreateInputs);

    [GlobalSetup]
    public void Setup()
    {
        (_compilation, _compilationEdited, _specs, _kapiOriginal, _kapiEdited) = s_inputs.Value;
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _kapiDriver = CreateDriver().RunGenerators(_compilation);
        _warmToggle = _kapiToggle = false;
    }

    private static Inputs CreateInputs()
    {
        var compilation = CreateCompilation(SmallProject.Files.Select(f => RoslynSupport.Parse(f.Text, f.Path)));
        var editedTree = RoslynSupport.Parse(SmallProject.EditedFile(3, edit: 1), SmallProject.Files[3].Path);
        var compilationEdited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(3), editedTree);

        var specs = BenchmarkInputs.SpecFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        if (specs.IsEmpty) throw new InvalidOperationException("No spec files found (kapi/ or ../shared/corpus/macro).");

        // The one .kapi edit: the repository's mlockall spec with a changed description (re-plans and re-emits that spec).
        var original = specs.FirstOrDefault(s => s.Path.Replace('\\', '/').EndsWith("/kapi/mm/mlockall.kapi", StringComparison.Ordinal)) ?? specs[0];
        string text = original.GetText()!.ToString();
        int at = text.IndexOf("KAPI_DESCRIPTION(\"", StringComparison.Ordinal);
        string edited = at >= 0 ? text.Insert(at + "KAPI_DESCRIPTION(\"".Length, "Edited: ") : text + "\n/* edited */\n";
        EditedSpec = Path.GetRelativePath(BenchmarkInputs.RepoRoot, original.Path);

        // Sanity: the generator runs clean and its output compiles (a benchmark of a failing build would mean nothing).
        var driver = CSharpGeneratorDriver.Create(new[] { new KapiGenerator().AsSourceGenerator() }, specs, RoslynSupport.ParseOptions, new GlobalOptionsProvider(), s_driverOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) throw new InvalidOperationException("Generator threw", result.Exception);
        RoslynSupport.ThrowOnErrors(diagnostics.Concat(result.Diagnostics), "Generator run");
        RoslynSupport.EmitOrThrow(output);
        RoslynSupport.EmitOrThrow(compilation);
        RoslynSupport.EmitOrThrow(compilationEdited);
        SpecFileCount = specs.Length;
        GeneratedSourceCount = result.GeneratedSources.Length;
        return new Inputs(compilation, compilationEdited, specs, original, new InMemoryAdditionalText(original.Path, edited));
    }

    private static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("SmallProject", trees, RoslynSupport.References, RoslynSupport.CompilationOptions);

    private GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(new[] { new KapiGenerator().AsSourceGenerator() }, _specs, RoslynSupport.ParseOptions, _options, s_driverOptions);

    /// <summary>Baseline: parse the small project and compile it (emit to memory), without Kapi.</summary>
    [Benchmark(Baseline = true)]
    public int Compile_WithoutKapi()
    {
        var trees = SmallProject.Files.Select(f => RoslynSupport.Parse(f.Text, f.Path)).ToList();
        return RoslynSupport.EmitOrThrow(CreateCompilation(trees));
    }

    /// <summary>A new driver over every spec: parse + bind each file, plan, emit, add the sources to the compilation.</summary>
    [Benchmark]
    public int Generator_Cold()
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        return output.SyntaxTrees.Count();
    }

    /// <summary>The driver reruns after an unrelated C# edit (a method body in one file); every step should be cached.</summary>
    [Benchmark]
    public int Generator_WarmAfterCSharpEdit()
    {
        _warmToggle = !_warmToggle;
        _warmDriver = _warmDriver.RunGeneratorsAndUpdateCompilation(_warmToggle ? _compilationEdited : _compilation, out var output, out _);
        return output.SyntaxTrees.Count();
    }

    /// <summary>The driver reruns after one .kapi file changed (its description): that file and its spec are redone, plus the registry.</summary>
    [Benchmark]
    public int Generator_AfterKapiEdit()
    {
        _kapiToggle = !_kapiToggle;
        var (from, to) = _kapiToggle ? (_kapiOriginal, _kapiEdited) : (_kapiEdited, _kapiOriginal);
        _kapiDriver = _kapiDriver.ReplaceAdditionalText(from, to).RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        return output.SyntaxTrees.Count();
    }

    /// <summary>End to end: parse, cold generator run, and compile the project together with everything generated.</summary>
    [Benchmark]
    public int Compile_WithKapi()
    {
        var trees = SmallProject.Files.Select(f => RoslynSupport.Parse(f.Text, f.Path)).ToList();
        CreateDriver().RunGeneratorsAndUpdateCompilation(CreateCompilation(trees), out var output, out _);
        return RoslynSupport.EmitOrThrow(output);
    }
}
