using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kapi.Robustness.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Robustness.Tests;

/// <summary>
/// Issue 7, item 1: mutations of every corpus spec (../shared/corpus/macro and, issue 11, the kerneldoc form in
/// ../shared/corpus/kdoc) and every kapi/**/*.kapi never make the
/// generator throw (no CS8785, no generator exception), a file with errors yields no code, and whenever a mutated file
/// binds without errors the generated code compiles with Kapi.Runtime and the .NET 10 reference assemblies.
/// Inputs are drawn from fixed CsCheck seeds (see <see cref="SpecMutator"/>): a few hundred per run, the same every run.
/// </summary>
public class MutatedSpecCompileTests
{
    private readonly ITestOutputHelper _output;

    public MutatedSpecCompileTests(ITestOutputHelper output) => _output = output;

    /// <summary>KAPI_FUZZ_SCALE multiplies the number of mutations per file for a longer local search (CI runs 1).</summary>
    private static int Scale => int.TryParse(Environment.GetEnvironmentVariable("KAPI_FUZZ_SCALE"), out var s) && s > 0 ? s : 1;

    /// <summary>KAPI_FUZZ_SEED shifts the seeds to explore other inputs locally (CI runs 0).</summary>
    private static ulong SeedOffset => ulong.TryParse(Environment.GetEnvironmentVariable("KAPI_FUZZ_SEED"), out var s) ? s << 16 : 0;

    [Fact]
    public void RepoSpecs_Mutated_NeverThrow_AndCompileWhenTheyBind()
    {
        var files = RepoPaths.RepoSpecFiles();
        Assert.NotEmpty(files);
        // The mutated spec is generated together with other repository specs, so that mutated names meet real ones.
        Check(files, perFile: 10 * Scale, stream: 71, withNeighbours: true);
    }

    [CorpusFact]
    public void CorpusSpecs_Mutated_NeverThrow_AndCompileWhenTheyBind()
    {
        var files = RepoPaths.CorpusSpecFiles();
        Assert.NotEmpty(files);
        Check(files, perFile: 4 * Scale, stream: 72, withNeighbours: false);
    }

    /// <summary>
    /// The kerneldoc form (../shared/corpus/kdoc, three dialects), mutated with <see cref="KerneldocMutator"/>: renamed
    /// keys, changed indentation, lines deleted or doubled, a missing <c>*/</c> or signature, CRLF, unicode ….
    /// </summary>
    [CorpusFact]
    public void KerneldocSpecs_Mutated_NeverThrow_AndCompileWhenTheyBind()
    {
        string dir = Path.Combine(RepositoryPaths.CorpusDir, "kdoc");
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.kdoc").OrderBy(f => f, StringComparer.Ordinal).ToList() : new List<string>();
        Assert.NotEmpty(files);
        Check(files, perFile: 16 * Scale, stream: 73, withNeighbours: false, kerneldoc: true);
    }

    private void Check(IReadOnlyList<string> files, int perFile, uint stream, bool withNeighbours, bool kerneldoc = false)
    {
        int inputs = 0, bound = 0, compiled = 0, withErrors = 0;
        var options = new[]
        {
            (IReadOnlyDictionary<string, string>?)null,
            new Dictionary<string, string> { ["KapiVisibility"] = "public" },
            new Dictionary<string, string> { ["KapiRuntimeValidation"] = "false", ["KapiNamespace"] = "My.Bindings", ["KapiClassName"] = "Native" },
        };
        for (int fi = 0; fi < files.Count; fi++)
        {
            string file = files[fi];
            string original = File.ReadAllText(file);
            // Three other files (the next ones, cyclically) keep the compilations small.
            var neighbours = withNeighbours
                ? Enumerable.Range(1, Math.Min(3, files.Count - 1)).Select(d => files[(fi + d) % files.Count])
                    .Select(f => ("/repo/" + RepoPaths.Display(f), File.ReadAllText(f))).ToList()
                : new List<(string, string)>();
            ulong seed = 0x5EED_0000UL + SeedOffset + (ulong)fi;
            var draws = kerneldoc
                ? KerneldocMutator.Draw(KerneldocMutator.MutationsGen, perFile, stream, seed).Select(d => (Text: KerneldocMutator.Apply(original, d), Label: string.Join(", ", d))).ToList()
                : SpecMutator.Draw(SpecMutator.MutationsGen, perFile, stream, seed).Select(d => (Text: SpecMutator.Apply(original, d), Label: string.Join(", ", d))).ToList();
            for (int k = 0; k < draws.Count; k++)
            {
                inputs++;
                string text = draws[k].Text;
                // a kdoc file is given to the generator as a .kapi additional file (the generator's spec-file rule)
                string path = "/fuzz/" + Path.GetFileName(file) + (kerneldoc ? ".kapi" : string.Empty);
                string context = $"{RepoPaths.Display(file)} mutation {k} (PCG stream {stream}, seed 0x{seed:X}) [{draws[k].Label}]";

                var run = Generation.Run(neighbours.Prepend((path, text)), options[k % options.Length]);
                Generation.AssertNoGeneratorFailure(run, context);

                var model = KapiDocument.Bind(text, path);
                if (model.HasErrors)
                {
                    // A file with errors contributes nothing (each spec file's header names its source file).
                    withErrors++;
                    string header = " from " + Path.GetFileName(path) + "\n";
                    Assert.True(!run.Sources.Any(s => s.SourceText.ToString().Contains(header, StringComparison.Ordinal)), $"{context}: a file with errors produced code");
                    if (!withNeighbours) Assert.True(run.Sources.Count == 0, $"{context}: a file with errors produced code");
                    continue;
                }
                bound++;
                if (run.Sources.Count == 0) continue;
                compiled++;
                Generation.AssertCompiles(run, context, DiagnosticSeverity.Warning, text);
            }
        }
        _output.WriteLine($"{inputs} mutated inputs from {files.Count} files: {withErrors} with front-end errors (no code), {bound} bound, {compiled} compiled.");
        // Guard against a vacuous run: the mutations are meant to keep a good share of the files bindable.
        Assert.True(compiled * 4 >= inputs, $"only {compiled} of {inputs} mutated inputs produced code to compile");
    }
}
