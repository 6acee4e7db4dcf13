using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using Kapi.Robustness.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Kapi.Robustness.Tests;

/// <summary>
/// Issue 7, item 4, the parts not covered by Kapi.Generators.Tests (generator output across runs and three orders,
/// duplicate emitted once) and Kapi.Analyzers.Tests (KAPI0303 for two files in listing order): generator and analyzers
/// together in one compilation, every order of the AdditionalFiles, the diagnostic's location, and names that are not
/// equal but give the same generated names.
/// </summary>
public class DeterminismAndDuplicateTests
{
    private const string GetPid = """
        DEFINE_KERNEL_API_SPEC(sys_getpid)
        	KAPI_DESCRIPTION("First definition")
        	KAPI_RETURN("pid_t", "The process ID")
        		.type = KAPI_TYPE_INT,
        		.check_type = KAPI_RETURN_RANGE,
        		.success_min = 1,
        		.success_max = INT_MAX,
        	KAPI_RETURN_END
        KAPI_END_SPEC;

        """;

    private static string Variant(string text, string name, string description) =>
        text.Replace("sys_getpid", name, StringComparison.Ordinal).Replace("First definition", description, StringComparison.Ordinal);

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }
        for (int i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var p in Permutations(rest)) yield return new[] { items[i] }.Concat(p).ToList();
        }
    }

    /// <summary>Generator, then both analyzers over the output compilation with the same AdditionalFiles (a build).</summary>
    private static (GeneratorRun Run, IReadOnlyList<Diagnostic> Analyzer) Build(IReadOnlyList<(string Path, string Text)> files)
    {
        var run = Generation.Run(files);
        Generation.AssertNoGeneratorFailure(run, string.Join(", ", files.Select(f => f.Path)));
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var result = AnalyzerRunner.Run(run.Output, texts);
        AnalyzerRunner.AssertNoAnalyzerFailure(result, () => string.Join(", ", files.Select(f => f.Path)));
        return (run, result.Diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList());
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}"));

    [Fact]
    public void SameSpecInThreeFiles_AnyOrder_OneOutput_LocatedDiagnosticsAtTheLaterFiles_NoCS0101()
    {
        var files = new List<(string Path, string Text)>
        {
            ("/p/kapi/b/getpid.kapi", Variant(GetPid, "sys_getpid", "Second definition")),
            ("/p/kapi/a/getpid.kapi", GetPid),
            ("/p/kapi/c/getpid.kapi", Variant(GetPid, "sys_getpid", "Third definition")),
        };
        string? expectedOutput = null, expectedDiagnostics = null;
        foreach (var order in Permutations(files))
        {
            var (run, diagnostics) = Build(order);
            Generation.AssertCompiles(run, "order " + string.Join(", ", order.Select(f => f.Path)), DiagnosticSeverity.Warning);
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id is "CS0101" or "CS0111" or "CS0102");

            // One spec file plus the registry; the first path in ordinal order wins.
            Assert.Equal(new[] { "Kapi.KernelApiSpecs.g.cs", "Kapi.Spec.SysGetpid.g.cs" }, run.Sources.Select(s => s.HintName));
            Assert.Contains("First definition", run.Rendered, StringComparison.Ordinal);
            Assert.DoesNotContain("Second definition", run.Rendered, StringComparison.Ordinal);

            // KAPI0303 at the name in b and in c (ordinal path order), naming a; nothing else.
            Assert.Equal(new[] { "KAPI0303", "KAPI0303" }, diagnostics.Select(d => d.Id));
            foreach (var (d, path) in diagnostics.Zip(new[] { "/p/kapi/b/getpid.kapi", "/p/kapi/c/getpid.kapi" }))
            {
                var span = d.Location.GetLineSpan();
                Assert.Equal(path, span.Path);
                Assert.Equal(new LinePosition(0, "DEFINE_KERNEL_API_SPEC(".Length), span.StartLinePosition);
                Assert.Equal(new LinePosition(0, "DEFINE_KERNEL_API_SPEC(sys_getpid".Length), span.EndLinePosition);
                Assert.Equal(DiagnosticSeverity.Error, d.Severity);
                Assert.Contains("/p/kapi/a/getpid.kapi(1)", d.GetMessage(), StringComparison.Ordinal);
            }

            // Byte-identical output and diagnostics whatever the order.
            expectedOutput ??= run.Rendered;
            expectedDiagnostics ??= Describe(diagnostics);
            Assert.Equal(expectedOutput, run.Rendered);
            Assert.Equal(expectedDiagnostics, Describe(diagnostics));
        }
    }

    [Fact]
    public void RepoAndCorpusSpecs_AnyOrder_SameOutputAndSameDiagnostics()
    {
        var files = RepoPaths.RepoSpecFiles().Select(f => ("/p/kapi/" + RepoPaths.Display(f), File.ReadAllText(f)))
            .Concat(RepoPaths.CorpusSpecFiles().Take(20).Select(f => ("/p/corpus/" + Path.GetFileName(f), File.ReadAllText(f))))
            .Append(("/p/kapi/zz/getpid.kapi", GetPid))
            .Append(("/p/kapi/aa/getpid.kapi", Variant(GetPid, "sys_getpid", "Earlier path")))
            .ToList();
        string? output = null, diagnostics = null;
        var random = new Random(20250614);
        for (int k = 0; k < 6; k++)
        {
            var order = k switch
            {
                0 => files,
                1 => Enumerable.Reverse(files).ToList(),
                _ => files.OrderBy(_ => random.Next()).ToList(),
            };
            var (run, found) = Build(order);
            output ??= run.Rendered;
            diagnostics ??= Describe(found);
            Assert.Equal(output, run.Rendered);
            Assert.Equal(diagnostics, Describe(found));
        }
        Assert.Contains("Earlier path", output, StringComparison.Ordinal);
        Assert.Contains("KAPI0303 /p/kapi/zz/getpid.kapi", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesThatGiveTheSameGeneratedNames_AreReported_NotSilentlyDropped()
    {
        // sys_getpid, sys_GetPid and sys_get_pid all become KernelApiSpecs.SysGetpid/SysGetPid (compared ignoring case):
        // the generator emits the first (ordinal path order) only, so the others must be reported where they are.
        var files = new List<(string Path, string Text)>
        {
            ("/p/kapi/a.kapi", GetPid),
            ("/p/kapi/b.kapi", Variant(GetPid, "sys_GetPid", "Upper case")),
            ("/p/kapi/c.kapi", Variant(GetPid, "sys_get_pid", "Underscore") + Variant(GetPid, "sys_getPID", "Same file")),
        };
        foreach (var order in Permutations(files))
        {
            var (run, diagnostics) = Build(order);
            Generation.AssertCompiles(run, "case collision", DiagnosticSeverity.Warning);
            Assert.Equal(2, run.Sources.Count);
            Assert.Contains("First definition", run.Rendered, StringComparison.Ordinal);

            Assert.Equal(new[] { ("KAPI0303", "/p/kapi/b.kapi", 0), ("KAPI0303", "/p/kapi/c.kapi", 0), ("KAPI0303", "/p/kapi/c.kapi", 9) },
                diagnostics.Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line)));
            Assert.All(diagnostics, d => Assert.Contains("/p/kapi/a.kapi(1)", d.GetMessage(), StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("'sys_GetPid'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void DuplicateInAFileWithErrors_DoesNotHideTheValidDefinition()
    {
        // The file with the error produces nothing; the valid file's spec is emitted; the error is reported in its file.
        var broken = GetPid.Replace("KAPI_RETURN_END", "KAPI_BOGUS(1)\n\tKAPI_RETURN_END", StringComparison.Ordinal);
        var (run, diagnostics) = Build(new[] { ("/p/kapi/a.kapi", broken), ("/p/kapi/b.kapi", Variant(GetPid, "sys_getpid", "Valid one")) });
        Generation.AssertCompiles(run, "broken + valid", DiagnosticSeverity.Warning);
        Assert.Contains("Valid one", run.Rendered, StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Id == "KAPI0104" && d.Location.GetLineSpan().Path == "/p/kapi/a.kapi");
    }
}

/// <summary>
/// The generator and the analyzer agree on duplicates: for any spec names (drawn with CsCheck as variants of a few names,
/// so that case, underscore and reserved-name collisions are frequent), every spec is either generated or reported as KAPI0303 in
/// its own file, never both and never neither.
/// </summary>
public class DuplicateAgreementTests
{
    // A few base names, each varied by case, inserted underscores and the sys_ prefix: collisions are frequent.
    private static readonly Gen<string> s_name =
        Gen.Select(Gen.OneOf("getpid", "all", "find", "x1", "tostring"), Gen.Bool.Array[8], Gen.Int[0, 8], Gen.OneOf("sys_", "sys_", "", "k_"))
            .Select((name, upper, underscoreAt, prefix) =>
            {
                var chars = name.Select((c, i) => upper[i % upper.Length] ? char.ToUpperInvariant(c) : c).ToList();
                if (underscoreAt > 0 && underscoreAt < chars.Count) chars.Insert(underscoreAt, '_');
                return prefix + new string(chars.ToArray());
            });

    private static readonly Microsoft.CodeAnalysis.CSharp.CSharpCompilation s_empty = Generation.CreateCompilation();

    private static readonly System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> s_specAnalyzer =
        System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Kapi.Analyzers.KapiSpecFileAnalyzer());

    [Fact]
    public void EverySpecIsEitherGeneratedOrReported()
    {
        var samples = SpecMutator.Draw(s_name.Array[3], 120, stream: 73, seed: 0xD0D0UL);
        int withDuplicates = 0;
        for (int k = 0; k < samples.Count; k++)
        {
            var names = samples[k];
            var files = names.Select((n, i) => ($"/p/kapi/{(char)('a' + i)}.kapi", $"DEFINE_KERNEL_API_SPEC({n})\n\tKAPI_DESCRIPTION(\"{n}\")\nKAPI_END_SPEC;\n")).ToList();
            string context = string.Join(", ", names);
            var run = Generation.Run(files, compilation: s_empty);
            Generation.AssertNoGeneratorFailure(run, context);
            var analysis = AnalyzerRunner.Run(run.Output, files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Item1, f.Item2)), analyzers: s_specAnalyzer);
            AnalyzerRunner.AssertNoAnalyzerFailure(analysis, () => context);

            var generatedFrom = run.Sources.Where(s => s.HintName != "Kapi.KernelApiSpecs.g.cs")
                .Select(s => "/p/kapi/" + s.SourceText.ToString().Split('\n')[1].Split(" from ")[1]).ToList();
            var reportedIn = analysis.Diagnostics.Where(d => d.Id == "KAPI0303").Select(d => d.Location.GetLineSpan().Path).ToList();
            Assert.True(analysis.Diagnostics.All(d => d.Id == "KAPI0303"), context + ": " + string.Join("; ", analysis.Diagnostics));
            Assert.Equal(files.Select(f => f.Item1).OrderBy(p => p, StringComparer.Ordinal), generatedFrom.Concat(reportedIn).OrderBy(p => p, StringComparer.Ordinal));
            if (reportedIn.Count > 0) withDuplicates++;
            if (k % 10 == 0) Generation.AssertCompiles(run, context);
        }
        Assert.True(withDuplicates >= samples.Count / 5, $"only {withDuplicates} of {samples.Count} samples had colliding names");
    }
}
