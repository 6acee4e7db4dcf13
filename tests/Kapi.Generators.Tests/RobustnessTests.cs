using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Kapi.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>The generator never throws (no CS8785), emits nothing for broken files, and handles duplicates and inputs.</summary>
public class RobustnessTests
{
    [Fact]
    public void FileWithErrors_ProducesNoCode()
    {
        var run = GeneratorHarness.Run(new[] { ("/specs/broken.kapi", TestSpecs.Broken), ("/specs/getpid.kapi", TestSpecs.GetPid) });
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run);
        Assert.True(KapiDocument.Bind(TestSpecs.Broken, "/specs/broken.kapi").HasErrors);
        // The broken file defines sys_getpid too, but only the valid file's spec is emitted.
        Assert.Equal(new[] { "Kapi.KernelApiSpecs.g.cs", "Kapi.Spec.SysGetpid.g.cs" }, run.Sources.Select(s => s.HintName));
        Assert.Contains("getpid.kapi", run.Source("Kapi.Spec.SysGetpid.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void NoSpecs_NoOutput()
    {
        var run = GeneratorHarness.Run(Array.Empty<(string, string)>());
        Assert.Empty(run.Sources);
        var empty = GeneratorHarness.Run(new[] { ("/specs/empty.kapi", ""), ("/specs/comment.kapi", "/* nothing */\n") });
        GeneratorHarness.AssertNoGeneratorFailure(empty);
        Assert.Empty(empty.Sources);
    }

    [Fact]
    public void SameSpecInTwoFiles_EmittedOnce_FirstPathWins()
    {
        var second = TestSpecs.GetPid.Replace("Get the process ID", "Second definition", StringComparison.Ordinal);
        foreach (var order in new[] { new[] { 0, 1 }, new[] { 1, 0 } })
        {
            var files = new[] { ("/b/getpid.kapi", second), ("/a/getpid.kapi", TestSpecs.GetPid) };
            var run = GeneratorHarness.Run(order.Select(i => files[i]));
            GeneratorHarness.AssertNoGeneratorFailure(run);
            GeneratorHarness.AssertCompilesClean(run); // no CS0101 / CS0111
            Assert.Equal(2, run.Sources.Count);
            Assert.Contains("Get the process ID", run.Source("Kapi.Spec.SysGetpid.g.cs"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SpecsWhoseNamesCollideAsIdentifiers_EmittedOnce()
    {
        var upper = TestSpecs.GetPid.Replace("sys_getpid", "sys_GetPid", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(new[] { ("/a/getpid.kapi", TestSpecs.GetPid), ("/b/GetPid.kapi", upper) });
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run);
        Assert.Equal(2, run.Sources.Count);
    }

    [Fact]
    public void InputSelection_KapiExtensionOrKapiSpecMetadata()
    {
        var texts = new AdditionalText[]
        {
            new InMemoryAdditionalText("/p/specs/getpid.spec.txt", TestSpecs.GetPid),      // KapiSpec=true
            new InMemoryAdditionalText("/p/kapi/madvise.kapi", TestSpecs.Madvise),          // .kapi
            new InMemoryAdditionalText("/p/kapi/openat.kapi", TestSpecs.OpenAt),            // .kapi but KapiSpec=false
            new InMemoryAdditionalText("/p/README.md", TestSpecs.Mlockall),                 // neither
        };
        var options = new TestOptionsProvider(null, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/p/specs/getpid.spec.txt"] = new Dictionary<string, string> { ["KapiSpec"] = "true" },
            ["/p/kapi/openat.kapi"] = new Dictionary<string, string> { ["KapiSpec"] = "false" },
        });
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, options), GeneratorHarness.CreateCompilation());
        GeneratorHarness.AssertNoGeneratorFailure(run);
        Assert.Equal(new[] { "Kapi.KernelApiSpecs.g.cs", "Kapi.Spec.SysGetpid.g.cs", "Kapi.Spec.SysMadvise.g.cs" }, run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void InvalidOptionValues_FallBackToDefaults()
    {
        var run = GeneratorHarness.Run(new[] { ("/specs/getpid.kapi", TestSpecs.GetPid) }, new Dictionary<string, string>
        {
            ["KapiNamespace"] = "not a namespace!",
            ["KapiClassName"] = "class",
            ["KapiVisibility"] = "protected",
            ["KapiRuntimeValidation"] = "maybe",
        });
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run);
        var source = run.Source("Kapi.Spec.SysGetpid.g.cs");
        Assert.Contains("namespace Kapi.Generated", source, StringComparison.Ordinal);
        Assert.Contains("internal static partial class Syscalls", source, StringComparison.Ordinal);
    }

    /// <summary>Mutated real specs (truncations, inserted bytes, swapped lines): never an exception, and whatever is emitted compiles.</summary>
    [Fact]
    public void MutatedSpecs_NeverThrow_AndEmittedCodeCompiles()
    {
        var seeds = new List<string> { TestSpecs.OpenAt, TestSpecs.Madvise, TestSpecs.Hostile, TestSpecs.Mlockall };
        seeds.AddRange(CompileCleanTests.RepoSpecs().Select(r => File.ReadAllText(Path.Combine(RepoPaths.KapiDirectory, (string)r[0]))));
        if (RepoPaths.HasCorpus)
        {
            seeds.AddRange(new[] { "sys_epoll_ctl.rfc2.kapi", "binder_write_read.rfc1.kapi", "sysfs-format.kapi", "sys_execveat.rfc1.kapi" }
                .Select(f => File.ReadAllText(Path.Combine(RepoPaths.CorpusDirectory, f))));
        }
        // KAPI_FUZZ_ITERATIONS / KAPI_FUZZ_SEED widen the search locally; CI runs the fixed default.
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("KAPI_FUZZ_ITERATIONS"), out var n) ? n : 240;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("KAPI_FUZZ_SEED"), out var seed) ? seed : 20250614);
        int compileEvery = iterations > 240 ? 1 : 6;
        const string alphabet = "(){},;=|&~<>\"\\/*#\n\t -0123456789xEAKAPI_PARAM_END\u2028\u00e9\ud800";
        int emittedRuns = 0;
        for (int i = 0; i < iterations; i++)
        {
            var text = seeds[i % seeds.Count];
            var sb = new StringBuilder(text);
            switch (i % 4)
            {
                case 0:
                    sb.Length = random.Next(sb.Length);
                    break;
                case 1:
                    for (int k = 0; k < 5; k++) sb.Insert(random.Next(sb.Length), alphabet[random.Next(alphabet.Length)]);
                    break;
                case 2:
                    var lines = text.Split('\n');
                    int a = random.Next(lines.Length), b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    sb = new StringBuilder(string.Join('\n', lines));
                    break;
                default:
                    int start = random.Next(sb.Length);
                    sb.Remove(start, Math.Min(20, sb.Length - start));
                    break;
            }
            var run = GeneratorHarness.Run(new[] { ($"/fuzz/{i}.kapi", sb.ToString()) }, new Dictionary<string, string> { ["KapiVisibility"] = "public" });
            GeneratorHarness.AssertNoGeneratorFailure(run);
            if (run.Sources.Count > 0 && (emittedRuns++ % compileEvery == 0))
            {
                GeneratorHarness.AssertCompilesClean(run, $"mutation {i}");
            }
        }
        Assert.True(emittedRuns > 20, "too few mutations produced code: " + emittedRuns);
    }

    [Fact]
    public void Binary_AndHugeInputs_DoNotThrow()
    {
        var random = new Random(7);
        var bytes = new char[4096];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (char)random.Next(0, 0xFFFF);
        var run = GeneratorHarness.Run(new[]
        {
            ("/specs/binary.kapi", new string(bytes)),
            ("/specs/nul.kapi", "DEFINE_KERNEL_API_SPEC(sys_x)\0\0\0"),
            ("/specs/deep.kapi", "DEFINE_KERNEL_API_SPEC(sys_y)\n" + new string('(', 5000) + "\nKAPI_END_SPEC;"),
        });
        GeneratorHarness.AssertNoGeneratorFailure(run);
    }
}
