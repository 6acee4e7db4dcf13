using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Kapi.Robustness.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Robustness.Tests;

/// <summary>
/// Issue 7, item 3: both analyzers (KapiFlagsAnalyzer, KapiSpecFileAnalyzer) over incomplete code, as an IDE runs
/// them at every keystroke: the C# of samples/, the C# snippets of the analyzer tests and a few whole test files, cut
/// after every token (sampled evenly to a fixed budget), compiled with full, partial and missing references (no
/// Kapi.Runtime, no Tmds.LibC/Mono.Posix), with .kapi AdditionalFiles that are themselves cut. No analyzer exception,
/// no AD0001.
/// </summary>
public class IncompleteCodeAnalyzerTests
{
    /// <summary>Analyzer runs per test run (KAPI_FUZZ_SCALE multiplies it locally).</summary>
    private const int Budget = 1600;

    private readonly ITestOutputHelper _output;

    public IncompleteCodeAnalyzerTests(ITestOutputHelper output) => _output = output;

    private sealed record CSharpSource(string Name, string Text);

    private enum References
    {
        Full,
        NoKapiRuntime,
        NoBindingLibraries,
        FrameworkOnly,
    }

    private static readonly Regex s_markup = new(@"\{\|[^:|{}]*:|\|\}|\[\||\|\]", RegexOptions.CultureInvariant);

    /// <summary>samples/**/*.cs, the C# snippets inside tests/Kapi.Analyzers.Tests (markup removed), and whole test files.</summary>
    private static List<CSharpSource> Sources()
    {
        var sources = new List<CSharpSource>();
        IEnumerable<string> CsFiles(string dir) => Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

        foreach (var f in CsFiles(RepoPaths.SamplesDirectory)) sources.Add(new CSharpSource(RepoPaths.Display(f), File.ReadAllText(f)));

        foreach (var f in CsFiles(Path.Combine(RepoPaths.TestsDirectory, "Kapi.Analyzers.Tests")))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(f));
            int n = 0;
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.StringLiteralToken)) continue;
                string value = token.ValueText;
                if (value.Length < 40 || !value.Contains(';') || !(value.Contains("class ", StringComparison.Ordinal) || value.Contains("static ", StringComparison.Ordinal))) continue;
                sources.Add(new CSharpSource($"{RepoPaths.Display(f)} snippet {n++}", s_markup.Replace(value, "")));
            }
        }

        foreach (var f in new[] { "Kapi.Generators.Tests/LiveKernelTests.cs", "Kapi.Analyzers.Tests/CodeFixes/FlagsCodeFixTests.cs" })
        {
            var path = Path.Combine(RepoPaths.TestsDirectory, f);
            if (File.Exists(path)) sources.Add(new CSharpSource("tests/" + f, File.ReadAllText(path)));
        }
        return sources;
    }

    /// <summary>
    /// The generated bindings the sample uses (kapi/mm/mlockall.kapi, munlockall.kapi, mlock2.kapi): as source trees
    /// (what a project that owns the specs compiles) and, public, as a compiled library (what a project referencing
    /// such a library sees; cheaper to analyze again and again).
    /// </summary>
    private static (ImmutableArray<SyntaxTree> Trees, MetadataReference Library) GeneratedBindings()
    {
        var specs = new[] { "mm/mlockall.kapi", "mm/munlockall.kapi", "mm/mlock2.kapi" }
            .Select(f => Path.Combine(RepoPaths.KapiDirectory, f)).Where(File.Exists)
            .Select(f => ("/p/kapi/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var run = Generation.Run(specs);
        Generation.AssertNoGeneratorFailure(run, "bindings for the analyzer runs");
        var library = Generation.Run(specs, new Dictionary<string, string> { ["KapiVisibility"] = "public" });
        using var image = new MemoryStream();
        var emitted = library.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return (run.Sources.Select(s => s.SyntaxTree).ToImmutableArray(), MetadataReference.CreateFromImage(image.ToArray()));
    }

    [Fact]
    public void Analyzers_SurviveEveryTokenPrefix_WithMissingReferences_AndCutSpecs()
    {
        var sources = Sources();
        Assert.Contains(sources, s => s.Name.StartsWith("samples/", StringComparison.Ordinal));
        Assert.True(sources.Count > 10, "too few C# sources: " + sources.Count);

        var specTexts = RepoPaths.RepoSpecFiles().Concat(RepoPaths.CorpusSpecFiles().Take(12))
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        Assert.NotEmpty(specTexts);
        var intactMlockall = new InMemoryAdditionalText("/p/kapi/mm/mlockall.kapi", File.ReadAllText(Path.Combine(RepoPaths.KapiDirectory, "mm", "mlockall.kapi")));
        var bindings = GeneratedBindings();

        // Every (source, cut after token) pair, then an even sample of them.
        var candidates = new List<(CSharpSource Source, int Length)>();
        foreach (var source in sources)
        {
            var ends = CSharpSyntaxTree.ParseText(source.Text).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToList();
            candidates.Add((source, 0));
            candidates.AddRange(ends.Select(e => (source, e)));
        }
        int scale = int.TryParse(Environment.GetEnvironmentVariable("KAPI_FUZZ_SCALE"), out var s) && s > 0 ? s : 1;
        int budget = Math.Min(candidates.Count, Budget * scale);
        var selected = Enumerable.Range(0, budget).Select(i => candidates[(int)((long)i * candidates.Count / budget)]).ToList();
        // Each whole source once as well.
        selected.AddRange(sources.Select(src => (src, src.Text.Length)));

        var references = new Dictionary<References, ImmutableArray<MetadataReference>>
        {
            [References.Full] = Generation.References.Add(AnalyzerRunner.TmdsLibC).Add(AnalyzerRunner.MonoPosix).Add(bindings.Library),
            [References.NoKapiRuntime] = Generation.FrameworkReferences.Add(AnalyzerRunner.TmdsLibC).Add(AnalyzerRunner.MonoPosix),
            [References.NoBindingLibraries] = Generation.References,
            [References.FrameworkOnly] = Generation.FrameworkReferences,
        };
        var globalOptions = new IReadOnlyDictionary<string, string>?[]
        {
            null,
            new Dictionary<string, string> { ["RuntimeIdentifier"] = "linux-arm64" },
            new Dictionary<string, string> { ["KapiTargetArchitectures"] = "x64;ppc64le;riscv64" },
            new Dictionary<string, string> { ["KapiTargetArchitectures"] = ";;garbage, ;", ["RuntimeIdentifier"] = "not-a-rid", ["PlatformTarget"] = "\u202E" },
        };
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.ConsoleApplication, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);

        // One empty compilation per reference set: compilations derived from it share its resolved references.
        var baseCompilations = references.ToDictionary(kv => kv.Key, kv => CSharpCompilation.Create("Incomplete", Array.Empty<SyntaxTree>(), kv.Value, compilationOptions));

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < selected.Count; i++)
        {
            var (source, length) = selected[i];
            var refs = (References)(i % 4);
            string prefix = source.Text.Substring(0, length);
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(prefix, parseOptions, path: "/p/Source.cs") };
            // Bindings: a referenced library (full references), generated source whose Kapi.Runtime is missing, none.
            if (refs is References.NoKapiRuntime) trees.AddRange(bindings.Trees);
            var compilation = baseCompilations[refs].AddSyntaxTrees(trees);

            // A spec cut at the same fraction as the C#, sometimes next to an intact spec of the same name, sometimes
            // selected by KapiSpec metadata instead of its extension.
            var (specName, specText) = specTexts[i % specTexts.Count];
            string cutSpec = specText.Substring(0, (int)((long)specText.Length * length / Math.Max(1, source.Text.Length)));
            string cutPath = i % 5 == 0 ? "/p/specs/" + specName + ".txt" : "/p/kapi/cut/" + specName;
            var files = new List<AdditionalText> { new InMemoryAdditionalText(cutPath, cutSpec) };
            if (i % 2 == 0) files.Add(intactMlockall);
            if (i % 7 == 0) files.Add(new InMemoryAdditionalText("/p/notes.md", prefix));
            var fileMetadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/p/specs/" + specName + ".txt"] = new Dictionary<string, string> { ["KapiSpec"] = "true" },
            };
            var options = new TestOptionsProvider(globalOptions[i / 4 % globalOptions.Length], fileMetadata);

            var result = AnalyzerRunner.Run(compilation, files, options);
            AnalyzerRunner.AssertNoAnalyzerFailure(result, () =>
                $"{source.Name} cut at {length}/{source.Text.Length} with {refs} references, spec {specName} cut at {cutSpec.Length}:\n…{prefix.Substring(Math.Max(0, prefix.Length - 300))}");
            foreach (var d in result.Diagnostics) seen[d.Id] = seen.TryGetValue(d.Id, out var c) ? c + 1 : 1;
        }

        _output.WriteLine($"{selected.Count} analyzer runs over {sources.Count} C# sources ({candidates.Count} token prefixes); diagnostics: " +
                          string.Join(", ", seen.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}×{kv.Value}")));
        // Not vacuous: the analyzers did their work on the way (flag findings in the snippets, spec errors in the cut files).
        Assert.Contains(seen.Keys, id => id.StartsWith("KAPI2", StringComparison.Ordinal));
        Assert.Contains(seen.Keys, id => id.StartsWith("KAPI0", StringComparison.Ordinal));
    }
}
