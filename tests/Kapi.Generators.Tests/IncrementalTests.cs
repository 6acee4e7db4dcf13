using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Kapi.Generators.Pipeline;
using Kapi.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// Incremental-cache tests (the shape of dotnet/runtime's IncrementalGenerationTests): tracked steps by name,
/// reasons per output, and a reflection walk proving no step output holds a Compilation, ISymbol or SyntaxNode.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] s_steps =
    {
        KapiGenerator.StepNames.Parse, KapiGenerator.StepNames.Ownership, KapiGenerator.StepNames.Extract, KapiGenerator.StepNames.Spec,
        KapiGenerator.StepNames.Plan, KapiGenerator.StepNames.Names, KapiGenerator.StepNames.Resolve, KapiGenerator.StepNames.Emit, KapiGenerator.StepNames.Index,
        KapiGenerator.StepNames.Options, KapiGenerator.StepNames.AllowUnsafe,
    };

    private static readonly InMemoryAdditionalText s_openat = new("/p/kapi/fs/openat.kapi", TestSpecs.OpenAt);
    private static readonly InMemoryAdditionalText s_madvise = new("/p/kapi/mm/madvise.kapi", TestSpecs.Madvise);
    private static readonly InMemoryAdditionalText s_getpid = new("/p/kapi/kernel/getpid.kapi", TestSpecs.GetPid);

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace App { public static class Program { public static int Main() => 0; } }");
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { s_openat, s_madvise, s_getpid });
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);
        Assert.Equal(4, first.GeneratedSources.Length); // three specs + registry
        return (driver, compilation);
    }

    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).ToList();

    private static void AssertAll(GeneratorDriver driver, string step, params IncrementalStepRunReason[] allowed)
    {
        foreach (var (value, reason) in Outputs(driver, step))
        {
            Assert.True(allowed.Contains(reason), $"{step}: output {value} was {reason}, expected one of {string.Join(", ", allowed)}");
        }
    }

    [Fact]
    public void IdenticalRerun_EverythingCachedOrUnchanged()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in s_steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "missing tracked step " + step);
            AssertAll(driver, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }
        foreach (var output in result.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step was {output.Reason}");
        }
    }

    [Fact]
    public void UnrelatedCSharpEdit_NoSpecIsReparsed()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal sealed class Added { } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);
        AssertAll(driver, KapiGenerator.StepNames.Parse, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Plan, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Emit, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Index, IncrementalStepRunReason.Cached);
    }

    /// <summary>
    /// The AllowUnsafe step reads the compilation: an unrelated edit re-runs it, its bool compares equal, and every
    /// step below stays cached (also with unsafe code allowed, where the Span overloads are emitted).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnrelatedCSharpEdit_AllowUnsafeUnchanged_EverythingElseCached(bool allowUnsafe)
    {
        var compilation = GeneratorHarness.CreateCompilation(allowUnsafe, "namespace App { public static class Program { public static int Main() => 0; } }");
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { s_openat, s_madvise, s_getpid }).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal sealed class Added { } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);
        AssertAll(driver, KapiGenerator.StepNames.AllowUnsafe, IncrementalStepRunReason.Unchanged);
        Assert.Equal(allowUnsafe, Assert.IsType<PipelineFlag>(Assert.Single(Outputs(driver, KapiGenerator.StepNames.AllowUnsafe)).Value).Value);
        foreach (var step in s_steps.Where(s => s != KapiGenerator.StepNames.AllowUnsafe))
        {
            AssertAll(driver, step, IncrementalStepRunReason.Cached);
        }
    }

    [Fact]
    public void AllowUnsafeToggled_RegeneratesWithoutReparsing()
    {
        var (driver, compilation) = FirstRun();
        var spec = new InMemoryAdditionalText("/p/kapi/fs/read.kapi", System.IO.File.ReadAllText(System.IO.Path.Combine(RepoPaths.KapiDirectory, "fs", "read.kapi")));
        driver = driver.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(spec)).RunGenerators(compilation);
        Assert.DoesNotContain("Span<byte>", driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Kapi.Spec.SysRead.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        driver = driver.RunGenerators(compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithAllowUnsafe(true)));
        AssertAll(driver, KapiGenerator.StepNames.AllowUnsafe, IncrementalStepRunReason.Modified);
        AssertAll(driver, KapiGenerator.StepNames.Parse, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Plan, IncrementalStepRunReason.Modified);
        Assert.Contains("global::System.Span<byte> buf", driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Kapi.Spec.SysRead.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OneSpecEdited_OnlyItsStepsAreModified()
    {
        var (driver, compilation) = FirstRun();
        var edited = new InMemoryAdditionalText(s_madvise.Path, TestSpecs.Madvise.Replace("Give advice about use of memory", "Advise the kernel about memory use", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(s_madvise, edited).RunGenerators(compilation);

        var parse = Outputs(driver, KapiGenerator.StepNames.Parse);
        Assert.Single(parse, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(2, parse.Count(o => o.Reason == IncrementalStepRunReason.Cached));
        Assert.Equal("/p/kapi/mm/madvise.kapi", ((KapiFileModel)parse.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value).Path);

        var emit = Outputs(driver, KapiGenerator.StepNames.Emit);
        var modified = Assert.Single(emit, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Advise the kernel about memory use", ((Emitting.GeneratedFile)modified.Value).Source, StringComparison.Ordinal);
        Assert.All(emit.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Single(Outputs(driver, KapiGenerator.StepNames.Plan), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void CommentOnlyEdit_EmittedSourceUnchanged()
    {
        var (driver, compilation) = FirstRun();
        var edited = new InMemoryAdditionalText(s_openat.Path, "/* a comment that shifts every position */\n\n" + TestSpecs.OpenAt.Replace("KAPI_PARAM_END", "KAPI_PARAM_END /* end */", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(s_openat, edited).RunGenerators(compilation);

        // The file is re-parsed (its text and positions changed) ...
        Assert.Single(Outputs(driver, KapiGenerator.StepNames.Parse), o => o.Reason == IncrementalStepRunReason.Modified);
        // ... the spec is re-extracted and compares equal (the model has no positions) ...
        AssertAll(driver, KapiGenerator.StepNames.Extract, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Contains(Outputs(driver, KapiGenerator.StepNames.Extract), o => o.Reason == IncrementalStepRunReason.Unchanged);
        // ... so nothing downstream runs again: the emitted source is the cached one.
        AssertAll(driver, KapiGenerator.StepNames.Spec, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Plan, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Emit, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Index, IncrementalStepRunReason.Cached);
        foreach (var output in driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step was {output.Reason}");
        }
    }

    [Fact]
    public void OptionChange_RegeneratesWithoutReparsing()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string> { ["KapiNamespace"] = "Other.Ns" }))
            .RunGenerators(compilation);
        AssertAll(driver, KapiGenerator.StepNames.Parse, IncrementalStepRunReason.Cached);
        AssertAll(driver, KapiGenerator.StepNames.Plan, IncrementalStepRunReason.Modified);
        AssertAll(driver, KapiGenerator.StepNames.Emit, IncrementalStepRunReason.Modified);
        Assert.All(driver.GetRunResult().Results.Single().GeneratedSources, s => Assert.Contains("namespace Other.Ns", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void StepOutputs_HoldNoCompilationSymbolOrSyntax()
    {
        var (driver, compilation) = FirstRun();
        var edited = new InMemoryAdditionalText(s_getpid.Path, TestSpecs.GetPid + "\n");
        driver = driver.ReplaceAdditionalText(s_getpid, edited).RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class X { }")));
        var result = driver.GetRunResult().Results.Single();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        // Roslyn's own input node for CompilationProvider is tracked under WellKnownGeneratorInputs.Compilation: it is
        // the Compilation itself, not a step of ours. Our step on it (AllowUnsafe) holds a yes/no only.
        Assert.Contains(result.TrackedSteps.Keys, k => k == WellKnownGeneratorInputs.Compilation);
        Assert.All(result.TrackedSteps[KapiGenerator.StepNames.AllowUnsafe].SelectMany(s => s.Outputs), o => Assert.IsType<PipelineFlag>(o.Value));
        foreach (var (name, steps) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
        {
            if (name == WellKnownGeneratorInputs.Compilation) continue;
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Walk(output.Value, name, visited, 0);
            }
        }
        Assert.NotEmpty(visited);
    }

    private static void Walk(object? value, string path, HashSet<object> visited, int depth)
    {
        if (value is null || depth > 40) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal) return;
        Assert.False(value is Compilation, $"{path} holds a Compilation");
        Assert.False(value is ISymbol, $"{path} holds an ISymbol");
        Assert.False(value is SyntaxNode, $"{path} holds a SyntaxNode");
        Assert.False(value is SyntaxTree, $"{path} holds a SyntaxTree");
        Assert.False(value is SemanticModel, $"{path} holds a SemanticModel");
        if (!type.IsValueType && !visited.Add(value)) return;
        if (value is AdditionalText) return; // the input itself; it is not a step output of ours
        if (value is IEnumerable sequence && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(value)!))
        {
            int i = 0;
            foreach (var item in sequence) Walk(item, $"{path}[{i++}]", visited, depth + 1);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer) continue;
                Walk(field.GetValue(value), path + "." + field.Name, visited, depth + 1);
            }
        }
    }
}
