using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Kapi.Collections;
using Kapi.Generators.Planning;
using Kapi.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// C# names made from different specs that collide (see Planning/NameTable.cs): the rule, its independence of the
/// file order, that specs without a collision keep their names, and that colliding sets compile.
/// </summary>
public class NameCollisionTests
{
    private static string Spec(string name, string body) => SpecText.Spec(name, body, "Collision");

    private static string Flags(int index, string name) => SpecText.Param(index, name, "flags");

    private static string Enum(int index, string name) => SpecText.Param(index, name, "enum");

    // sys_a: enum ABError (b_error), flags AC + class ACInfo (c), error enum AError, methods A/AOrThrow.
    // sys_a_b: error enum ABError. sys_a_error: method AError. sys_a_c_info: method ACInfo. sys_a_or_throw: method AOrThrow.
    private static readonly (string Path, string Text)[] s_colliding =
    {
        ("/p/kapi/a.kapi", Spec("sys_a", Enum(0, "b_error") + Flags(1, "c"))),
        ("/p/kapi/b.kapi", Spec("sys_a_b", "") + Spec("sys_a_error", "")),
        ("/p/kapi/c/c.kapi", Spec("sys_a_c_info", "") + Spec("sys_a_or_throw", Flags(0, "flags"))),
    };

    private static void AssertClean(GeneratorRun run, string context)
    {
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, context);
    }

    private static string All(GeneratorRun run) => string.Join("\n", run.Sources.Select(s => "//" + s.HintName + "\n" + s.SourceText));

    [Fact]
    public void CollidingNames_MethodsFirstThenErrorEnumsThenParameterEnums_LaterClaimsGetAnUnderscore()
    {
        var run = GeneratorHarness.Run(s_colliding);
        AssertClean(run, "colliding specs");
        string all = All(run);
        foreach (var expected in new[]
        {
            // Methods keep their names; sys_a (first in ordinal order) keeps AOrThrow, so sys_a_or_throw's method is AOrThrow_.
            "SyscallResult<AError_> A(", "void AOrThrow(", "SyscallResult<ABError> AB()", "SyscallResult<AErrorError> AError()",
            "SyscallResult<ACInfoError> ACInfo()", "SyscallResult<AOrThrowError> AOrThrow_(", "void AOrThrow_OrThrow(",
            // Error enums next: sys_a's AError is the method of sys_a_error.
            "enum AError_\n", "enum ABError\n",
            // Parameter enums last: ABError is sys_a_b's error enum, ACInfo is sys_a_c_info's method.
            "enum ABError_ : int", "static class ABError_Info", "enum AC_ : int", "static class AC_Info", "enum AOrThrowFlags : int",
        })
        {
            Assert.Contains(expected, all, StringComparison.Ordinal);
        }
        // The table holds exactly the specs that lost a claim.
        var table = NamesStep(run);
        Assert.Equal(new[] { "sys_a", "sys_a_or_throw" }, table.Renamed.Select(r => r.SpecName));
    }

    [Fact]
    public void CollidingNames_DoNotDependOnTheOrderOfFiles()
    {
        // The same specs in shuffled orders, split over files differently: identical sources.
        var specs = new[]
        {
            Spec("sys_a", Enum(0, "b_error") + Flags(1, "c")), Spec("sys_a_b", ""), Spec("sys_a_error", ""),
            Spec("sys_a_c_info", ""), Spec("sys_a_or_throw", Flags(0, "flags")),
        };
        string? reference = null;
        var rng = new Random(1234);
        for (int round = 0; round < 8; round++)
        {
            var order = specs.OrderBy(_ => rng.Next()).ToList();
            // One file per spec (in directories that sort in reverse), or all specs in one file; the generated code names
            // the file without its directory, so every run must give the same text.
            var files = order.Select((s, i) => ($"/p/kapi/{(char)('z' - i)}/specs.kapi", s)).ToList();
            if (round % 2 == 1) files = new List<(string, string)> { ("/p/kapi/all/specs.kapi", string.Concat(order)) };
            var run = GeneratorHarness.Run(files);
            AssertClean(run, "round " + round);
            Assert.Equal(specs.Length + 1, run.Sources.Count);
            string text = All(run);
            reference ??= text;
            Assert.Equal(reference, text);
        }
    }

    [Fact]
    public void NameTable_IsIndependentOfTheOrderOfItsInput()
    {
        var claims = new[]
        {
            new SpecNames("sys_x_y", "XY", "XYError", EquatableArray<string>.Empty),
            new SpecNames("sys_x", "X", "XError", EquatableArray.Create("XYError", "XFlags")),
            new SpecNames("sys_x_error", "XError", "XErrorError", EquatableArray<string>.Empty),
            null,
        };
        var expected = NameTable.Build(claims, "Syscalls");
        Assert.Equal(expected, NameTable.Build(claims.Reverse(), "Syscalls"));
        Assert.Equal(expected, NameTable.Build(new[] { claims[2], claims[0], claims[3], claims[1] }, "Syscalls"));
        var x = Assert.Single(expected.Renamed);
        Assert.Equal(new SpecNames("sys_x", "X", "XError_", EquatableArray.Create("XYError_", "XFlags")), x);
    }

    [Fact]
    public void RepositorySpecs_KeepTheirNames()
    {
        // The common case: no spec of kapi/ collides with another, so every name is the one the spec gives on its own.
        var files = Directory.EnumerateFiles(RepoPaths.KapiDirectory, "*.kapi", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
        Assert.NotEmpty(files);
        var run = GeneratorHarness.Run(files);
        AssertClean(run, "kapi/");
        Assert.Equal(NameTable.Empty, NamesStep(run));
        string all = All(run);
        Assert.Contains("SyscallResult<MlockallError> Mlockall(", all, StringComparison.Ordinal);
        Assert.Contains("enum MlockallFlags : int", all, StringComparison.Ordinal);
        Assert.Contains("enum EpollCtlOp : int", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Syscalls")]
    [InlineData("KernelApiSpecs")]   // not a valid class name: the wrappers go to Syscalls
    [InlineData("AOrThrow")]
    public void GeneratedNamesNeverMeetTheClassNames(string className)
    {
        var run = GeneratorHarness.Run(
            new[]
            {
                ("/p/kapi/k.kapi", Spec("sys_kernel", Enum(0, "api_specs")) + Spec("sys_sys", Flags(0, "calls")) + Spec("sys_syscall", Flags(0, "s"))),
                ("/p/kapi/a.kapi", Spec("sys_a", Enum(0, "or_throw")) + Spec("sys_a_or_throw", "") + Spec("sys_1a", "") + Spec("sys_syscall1a", "")),
            },
            new Dictionary<string, string> { ["KapiClassName"] = className, ["KapiVisibility"] = "public" });
        AssertClean(run, className);
        Assert.Equal(8, run.Sources.Count); // seven specs and the registry
        string all = All(run);
        Assert.Contains("enum KernelApiSpecs_ : int", all, StringComparison.Ordinal);
        Assert.Contains($"static partial class {(className == "KernelApiSpecs" ? "Syscalls" : className)}", all, StringComparison.Ordinal);
    }

    [Fact]
    public void ParameterNamedLikeTheRenamedErrorEnum_IsRenamedToo()
    {
        // sys_a's error enum becomes AError_ (sys_a_error's method is AError); its parameter "AError_" would hide it in the body.
        var run = GeneratorHarness.Run(new[] { ("/p/kapi/a.kapi", Spec("sys_a", Flags(0, "AError_")) + Spec("sys_a_error", "")) });
        AssertClean(run, "sys_a");
        var source = run.Source("Kapi.Spec.SysA.g.cs");
        Assert.Contains("SyscallResult<AError_> A(", source, StringComparison.Ordinal);
        Assert.Contains("AAError AError__0)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomSetsOfLookalikeNames_Compile()
    {
        // Spec and parameter names from a few words that concatenate into each other's names (a_b_error, a + b_error,
        // a + or_throw ...): every set compiles without warnings. Seeded, so a failure is reproducible.
        var words = new[] { "a", "b", "ab", "a_b", "error", "Error", "info", "error_info", "or", "throw", "or_throw", "flags", "syscalls", "kernel", "api", "specs" };
        var rng = new Random(20240607);
        string Name(int max) => string.Join("_", Enumerable.Range(0, rng.Next(1, max + 1)).Select(_ => words[rng.Next(words.Length)]));
        for (int trial = 0; trial < 100; trial++)
        {
            var files = new List<(string, string)>();
            int count = rng.Next(2, 10);
            for (int i = 0; i < count; i++)
            {
                var body = string.Empty;
                int parameters = rng.Next(0, 3);
                for (int k = 0; k < parameters; k++) body += rng.Next(2) == 0 ? Flags(k, Name(2) + k) : Enum(k, Name(2) + k);
                files.Add(($"/p/kapi/f{i}.kapi", Spec("sys_" + Name(3), body)));
            }
            var properties = new Dictionary<string, string> { ["KapiVisibility"] = "public", ["KapiClassName"] = trial % 3 == 0 ? "AOrThrow" : "Syscalls" };
            AssertClean(GeneratorHarness.Run(files, properties), $"trial {trial}: {string.Join(" | ", files.Select(f => f.Item2.Split('\n')[0]))}");
        }
    }

    [Fact]
    public void AddingACollidingSpec_OnlyTheRenamedSpecIsEmittedAgain()
    {
        var first = new InMemoryAdditionalText("/p/kapi/a.kapi", Spec("sys_a", Flags(0, "flags")));
        var other = new InMemoryAdditionalText("/p/kapi/m.kapi", TestSpecs.Madvise);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { first, other }).RunGenerators(compilation);

        // sys_a_flags's method AFlags takes the name of sys_a's enum AFlags, which becomes AFlags_.
        driver = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/p/kapi/b.kapi", Spec("sys_a_flags", "")))).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        var emit = result.TrackedSteps[KapiGenerator.StepNames.Emit].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, emit.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)); // sys_a (renamed), sys_a_flags (new)
        Assert.Single(emit, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);     // sys_madvise
        var source = result.GeneratedSources.Single(s => s.HintName == "Kapi.Spec.SysA.g.cs").SourceText.ToString();
        Assert.Contains("enum AFlags_ : int", source, StringComparison.Ordinal);
    }

    private static NameTable NamesStep(GeneratorRun run) =>
        (NameTable)run.Single.TrackedSteps[KapiGenerator.StepNames.Names].Single().Outputs.Single().Value;
}
