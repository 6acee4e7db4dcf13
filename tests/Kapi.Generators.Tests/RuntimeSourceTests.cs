using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Kapi.Analyzers;
using Kapi.Generators.Emitting;
using Kapi.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// KapiRuntime=source: a compilation without the Kapi.Runtime assembly gets the runtime types as source (with
/// KapiVisibility), one with it gets none, and a compilation without specs gets nothing at all. The emitted source is
/// Kapi.Runtime's own (embedded at build time), so it declares exactly Kapi.Runtime's public types.
/// </summary>
public class RuntimeSourceTests
{
    private static readonly (string, string)[] s_mlockall = { ("/specs/mlockall.kapi", TestSpecs.Mlockall) };

    private static GeneratorRun RunWithout(IEnumerable<MetadataReference> frameworkReferences, IEnumerable<(string, string)> specs, Dictionary<string, string>? properties = null, params string[] sources)
    {
        var compilation = Kapi.Testing.KapiGeneratorDriver.CreateCompilation("NoRuntime", sources, frameworkReferences);
        var texts = specs.Select(s => (AdditionalText)new Kapi.Testing.InMemoryAdditionalText(s.Item1, s.Item2));
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, new Kapi.Testing.TestOptionsProvider(properties)), compilation);
    }

    private static IReadOnlyList<string> RuntimeHints(GeneratorRun run) =>
        run.Sources.Select(s => s.HintName).Where(h => h.StartsWith("Kapi.Runtime.", StringComparison.Ordinal)).ToList();

    [Fact]
    public void WithoutTheRuntimeAssembly_TheRuntimeTypesAreEmittedInternal_AndEverythingCompilesClean()
    {
        var run = RunWithout(Kapi.Testing.KapiGeneratorDriver.FrameworkReferences, s_mlockall, null, """
            internal static class Use
            {
                public static string Lock() => Kapi.Generated.Syscalls.Mlockall(Kapi.Generated.MlockallFlags.MCL_CURRENT).ToString()
                    + Kapi.Generated.KernelApiSpecs.SysMlockall.Parameters[0].ValidMask
                    + Kapi.Runtime.KapiArchitectureNames.RidName(Kapi.Runtime.KapiPlatform.Architecture);
            }
            """);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, "KapiRuntime=source");
        var hints = RuntimeHints(run);
        Assert.Contains("Kapi.Runtime.SyscallResult.g.cs", hints);
        Assert.Contains("Kapi.Runtime.Metadata.KapiMetadata.Schema.g.cs", hints);
        Assert.Contains("Kapi.Runtime.KapiArchitecture.g.cs", hints);

        // Internal: nothing of Kapi.Runtime is visible outside the assembly.
        var runtimeTypes = AllTypes(run.Output.Assembly.GlobalNamespace).Where(t => t.ToDisplayString().StartsWith("Kapi.Runtime", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(runtimeTypes);
        Assert.All(runtimeTypes, t => Assert.NotEqual(Accessibility.Public, t.DeclaredAccessibility));

        // Emitted only once there is generated code: no spec, no runtime source, nothing at all.
        var none = RunWithout(Kapi.Testing.KapiGeneratorDriver.FrameworkReferences, Array.Empty<(string, string)>());
        Assert.Empty(none.Sources);
    }

    [Fact]
    public void WithTheRuntimeAssembly_NoRuntimeSourceIsEmitted()
    {
        var run = GeneratorHarness.Run(s_mlockall);
        GeneratorHarness.AssertCompilesClean(run);
        Assert.Empty(RuntimeHints(run));
        Assert.Null(run.Single.TrackedSteps[KapiGenerator.StepNames.RuntimeSource].Single().Outputs.Single().Value);
    }

    [Fact]
    public void KapiVisibilityPublic_EmitsPublicRuntimeTypes_OnNet8Too()
    {
        var net8 = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>();
        var run = RunWithout(net8, s_mlockall, new Dictionary<string, string> { ["KapiVisibility"] = "public" });
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, "KapiRuntime=source, public, net8.0");
        var syscallResult = run.Output.GetTypeByMetadataName("Kapi.Runtime.SyscallResult`1");
        Assert.Equal(Accessibility.Public, syscallResult?.DeclaredAccessibility);
    }

    [Fact]
    public void TheEmittedSource_DeclaresExactlyTheTypesOfTheRuntimeAssembly()
    {
        // Compiled alone (public), the emitted files declare what Kapi.Runtime.dll declares: no file is missing from
        // the embedded set and none is extra.
        var trees = RuntimeSourceEmitter.Emit("public").Select(f => CSharpSyntaxTree.ParseText(f.Source, GeneratorHarness.ParseOptions, path: f.HintName));
        var compilation = CSharpCompilation.Create("RuntimeAlone", trees, Kapi.Testing.KapiGeneratorDriver.FrameworkReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        var fromSource = AllTypes(compilation.Assembly.GlobalNamespace).Select(t => (t.ToDisplayString(), t.DeclaredAccessibility)).OrderBy(t => t.Item1, StringComparer.Ordinal).ToList();
        var assembly = CSharpCompilation.Create("Probe", references: Kapi.Testing.KapiGeneratorDriver.References);
        var runtime = (IAssemblySymbol)assembly.GetAssemblyOrModuleSymbol(Kapi.Testing.KapiGeneratorDriver.KapiRuntime)!;
        var fromAssembly = AllTypes(runtime.GlobalNamespace).Where(t => t.Name != "<Module>").Select(t => (t.ToDisplayString(), t.DeclaredAccessibility)).OrderBy(t => t.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(fromAssembly, fromSource);

        // Every .cs file of src/Kapi.Runtime is embedded (the two front-end files it links come in beside them).
        var onDisk = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Kapi.Runtime"), "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Path.Combine(RepoPaths.Root, "src", "Kapi.Runtime"), p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal))
            .Append("KapiArchitecture.cs").Append("Metadata/KapiTerms.cs")
            .OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(onDisk, RuntimeSourceEmitter.Sources.Select(s => s.Path));
    }

    [Fact]
    public void EveryTopLevelPublicType_BecomesInternal_AndMembersAreUntouched()
    {
        string text = "namespace Kapi.Runtime;\n\npublic sealed class A\n{\n    public int X { get; }\n}\n";
        string rendered = RuntimeSourceEmitter.Render("A.cs", text, "internal");
        Assert.Contains("\ninternal sealed class A\n", rendered, StringComparison.Ordinal);
        Assert.Contains("\n    public int X { get; }\n", rendered, StringComparison.Ordinal);
        Assert.StartsWith("// <auto-generated/>\n", rendered, StringComparison.Ordinal);
        Assert.Contains("#define KAPI_RUNTIME\n", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFlagsAnalyzer_FindsTheBindings_WhenTheRuntimeIsSource()
    {
        var run = RunWithout(Kapi.Testing.KapiGeneratorDriver.FrameworkReferences, s_mlockall, null, """
            internal static class Use
            {
                public static object Lock() => Kapi.Generated.Syscalls.Mlockall((Kapi.Generated.MlockallFlags)9);
            }
            """);
        GeneratorHarness.AssertCompilesClean(run, "KapiRuntime=source");
        var diagnostics = await run.Output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KapiFlagsAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Single(diagnostics, d => d.Id == KapiDiagnosticIds.InvalidFlagBits);
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var t in ns.GetTypeMembers())
        {
            yield return t;
        }
        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var t in AllTypes(child)) yield return t;
        }
    }
}
