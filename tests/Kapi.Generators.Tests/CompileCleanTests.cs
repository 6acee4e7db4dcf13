using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kapi.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// Every spec file of the repository (kapi/) and of the shared corpus: the generator does not fail, and its output
/// compiles with zero warnings (nullable enabled, public visibility, documentation comments diagnosed).
/// </summary>
public class CompileCleanTests
{
    private static readonly Dictionary<string, string> s_public = new() { ["KapiVisibility"] = "public" };

    public static IEnumerable<object[]> RepoSpecs() =>
        Directory.Exists(RepoPaths.KapiDirectory)
            ? Directory.EnumerateFiles(RepoPaths.KapiDirectory, "*.kapi", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepoPaths.KapiDirectory, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { f })
            : Array.Empty<object[]>();

    public static IEnumerable<object[]> CorpusSpecs() =>
        RepoPaths.HasCorpus
            ? Directory.EnumerateFiles(RepoPaths.CorpusDirectory).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { f! })
            : Array.Empty<object[]>();

    [Theory]
    [MemberData(nameof(RepoSpecs))]
    public void RepoSpec_CompilesClean(string relativePath) => CheckFile(Path.Combine(RepoPaths.KapiDirectory, relativePath));

    [CorpusTheory]
    [MemberData(nameof(CorpusSpecs))]
    public void CorpusSpec_CompilesClean(string fileName) => CheckFile(Path.Combine(RepoPaths.CorpusDirectory, fileName));

    /// <summary>The same with AllowUnsafeBlocks: the Span overloads for user buffers compile clean too.</summary>
    [Theory]
    [MemberData(nameof(RepoSpecs))]
    public void RepoSpec_CompilesClean_AllowUnsafe(string relativePath) => CheckFile(Path.Combine(RepoPaths.KapiDirectory, relativePath), allowUnsafe: true);

    [CorpusTheory]
    [MemberData(nameof(CorpusSpecs))]
    public void CorpusSpec_CompilesClean_AllowUnsafe(string fileName) => CheckFile(Path.Combine(RepoPaths.CorpusDirectory, fileName), allowUnsafe: true);

    private static void CheckFile(string path, bool allowUnsafe = false)
    {
        var text = File.ReadAllText(path);
        var model = KapiDocument.Bind(text, path);
        var run = GeneratorHarness.Run(new[] { (path, text) }, s_public, allowUnsafe);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, Path.GetFileName(path));

        if (model.HasErrors)
        {
            Assert.Empty(run.Sources); // a spec file with errors produces no code
            return;
        }
        // One file per spec plus the registry; every system call gets a wrapper with [KapiSyscall].
        Assert.Equal(model.Specs.Count + (model.Specs.Count > 0 ? 1 : 0), run.Sources.Count);
        foreach (var spec in model.Specs.Where(s => s.IsSyscall))
        {
            var source = run.Sources.Single(s => s.HintName == $"Kapi.Spec.{Planning.GeneratedNames.MetadataMember(spec.Name)}.g.cs").SourceText.ToString();
            Assert.Contains($"[global::Kapi.Runtime.KapiSyscall(\"{spec.Name}\")]", source, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Everything at once (rfc1 and rfc2 versions of the same syscalls included): duplicates are emitted once, so
    /// there is no CS0101/CS0111, and every spec name is in the registry.
    /// </summary>
    [Fact]
    public void AllSpecsTogether_CompileClean_WithEveryOption()
    {
        var files = RepoSpecs().Select(r => Path.Combine(RepoPaths.KapiDirectory, (string)r[0]))
            .Concat(CorpusSpecs().Select(r => Path.Combine(RepoPaths.CorpusDirectory, (string)r[0])))
            .ToList();
        Assert.NotEmpty(files);
        var names = files.SelectMany(f => KapiDocument.Bind(File.ReadAllText(f), f) is var m && !m.HasErrors ? m.Specs.Select(s => s.Name) : Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal).ToList();

        foreach (var (options, allowUnsafe) in new[]
        {
            (s_public, false),
            (new Dictionary<string, string> { ["KapiRuntimeValidation"] = "false", ["KapiNamespace"] = "Acme.Linux", ["KapiClassName"] = "Sys" }, false),
            (s_public, true),
            (new Dictionary<string, string> { ["KapiRuntimeValidation"] = "false", ["KapiNamespace"] = "Acme.Linux", ["KapiClassName"] = "Sys" }, true),
        })
        {
            var run = GeneratorHarness.RunFiles(files, options, allowUnsafe);
            GeneratorHarness.AssertNoGeneratorFailure(run);
            GeneratorHarness.AssertCompilesClean(run, "all specs");
            Assert.Equal(names.Count + 1, run.Sources.Count);
            var registry = run.Source("Kapi.KernelApiSpecs.g.cs");
            foreach (var name in names) Assert.Contains($"case \"{name}\":", registry, StringComparison.Ordinal);
        }
    }

    /// <summary>Output is byte-identical across runs and whatever the order of the AdditionalFiles.</summary>
    [Fact]
    public void Output_IsDeterministic_AcrossRunsAndFileOrder()
    {
        // A name no repo or corpus spec uses: kapi/fs/openat.kapi also defines sys_openat, and which of the three
        // wins would then depend on where the repository is cloned (its path sorts before or after "/specs").
        var duplicated = TestSpecs.OpenAt.Replace("sys_openat", "sys_openat_twice", StringComparison.Ordinal);
        var files = RepoSpecs().Select(r => Path.Combine(RepoPaths.KapiDirectory, (string)r[0]))
            .Concat(CorpusSpecs().Select(r => Path.Combine(RepoPaths.CorpusDirectory, (string)r[0])))
            .Select(f => (f, File.ReadAllText(f)))
            .Append(("/specs/openat.kapi", duplicated))
            .Append(("/specs/dup/openat.kapi", duplicated.Replace("relative to dirfd", "a second definition", StringComparison.Ordinal)))
            .ToList();

        string Render(IEnumerable<(string, string)> input) =>
            string.Join("\n", GeneratorHarness.Run(input).Sources.Select(s => "//" + s.HintName + "\n" + s.SourceText));

        var first = Render(files);
        Assert.Equal(first, Render(files));
        var reversed = Enumerable.Reverse(files).ToList();
        Assert.Equal(first, Render(reversed));
        var shuffled = files.OrderBy(f => f.GetHashCode() ^ 0x5f3759df).ToList();
        Assert.Equal(first, Render(shuffled));
        // The duplicate: the first path in ordinal order wins ("/specs/dup/openat.kapi" < "/specs/openat.kapi").
        Assert.Contains("sys_openat_twice", first, StringComparison.Ordinal);
        Assert.Contains("a second definition", first, StringComparison.Ordinal);
    }
}

/// <summary>The generated code also compiles for net8.0 (the lowest target of Kapi.Runtime).</summary>
public class Net8CompileTests
{
    [Fact]
    public void GeneratedCode_CompilesAgainstNet8()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var runtime8 = Path.Combine(RepoPaths.Root, "src", "Kapi.Runtime", "bin", configuration, "net8.0", "Kapi.Runtime.dll");
        Assert.True(File.Exists(runtime8), "Kapi.Runtime for net8.0 not built: " + runtime8);
        var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(runtime8));
        foreach (bool allowUnsafe in new[] { false, true })
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Net8Bindings",
                Array.Empty<SyntaxTree>(),
                references,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999, allowUnsafe: allowUnsafe));
            var specs = CompileCleanTests.RepoSpecs().Select(r => Path.Combine(RepoPaths.KapiDirectory, (string)r[0]))
                .Select(f => (f, File.ReadAllText(f)))
                .Append(("/specs/openat.kapi", TestSpecs.OpenAt))
                .Append(("/specs/madvise.kapi", TestSpecs.Madvise))
                .Select(s => (AdditionalText)new InMemoryAdditionalText(s.Item1, s.Item2));
            var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(specs, new TestOptionsProvider(new Dictionary<string, string> { ["KapiVisibility"] = "public" })), compilation);
            GeneratorHarness.AssertNoGeneratorFailure(run);
            GeneratorHarness.AssertCompilesClean(run, allowUnsafe ? "net8.0, AllowUnsafeBlocks" : "net8.0");
            Assert.True(run.Sources.Count > 3);
            Assert.Equal(allowUnsafe, run.Source("Kapi.Spec.SysRead.g.cs").Contains("global::System.Span<byte> buf", StringComparison.Ordinal));
        }
    }
}
