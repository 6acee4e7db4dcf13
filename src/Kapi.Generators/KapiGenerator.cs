using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Kapi.Diagnostics;
using Kapi.Generators.Emitting;
using Kapi.Generators.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kapi.Generators;

/// <summary>
/// Generates typed system-call bindings and spec metadata from KAPI specs (<c>.kapi</c> AdditionalFiles).
/// </summary>
/// <remarks>
/// Pipeline (as the Roslyn incremental-generator cookbook recommends), every step value-equatable and, where Roslyn's
/// API allows, a reference type (see <c>Pipeline/PipelineValues.cs</c>):
/// <code>
/// AnalyzerConfigOptions ─Select→ options ─Combine(Compilation ─Select→ AllowUnsafe: PipelineFlag)→ Options
/// AdditionalTexts (.kapi or KapiSpec=true) ─Parse→ KapiFileModel ─┬─ keys ─Collect→ OwnershipIndex
///                                                                  └─ Extract specs ─Combine(owner)→ Spec ─Combine(options)→ Plan ─Combine(names)→ Resolve → Emit → one file per spec
///                                                    Plan → SpecNames ─Collect→ Names (NameTable: C# names made unique across specs)
///                                                    Plan → IndexEntry ─Collect→ Index → KernelApiSpecs registry
/// </code>
/// Files with errors produce nothing (the analyzer reports their diagnostics). Specs whose names collide are
/// emitted once: the first in ordinal path order. Different specs whose generated C# names collide are all emitted,
/// with the later claims renamed (see <see cref="NameTable"/>). The generator reads no files and never throws.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class KapiGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental-cache tests.</summary>
    public static class StepNames
    {
        /// <summary>Parse and bind one spec file (per file).</summary>
        public const string Parse = "Kapi.Parse";
        /// <summary>The ownership index over all files (collected).</summary>
        public const string Ownership = "Kapi.Ownership";
        /// <summary>The specs of each file without errors (per spec, before the ownership check).</summary>
        public const string Extract = "Kapi.Extract";
        /// <summary>The specs that emit code (per spec).</summary>
        public const string Spec = "Kapi.Spec";
        /// <summary>The emit model of one spec with the names it chose on its own (per spec).</summary>
        public const string Plan = "Kapi.Plan";
        /// <summary>The names of all bindings made unique across specs (collected), see <c>Planning/NameTable.cs</c>.</summary>
        public const string Names = "Kapi.Names";
        /// <summary>The emit model with its final names (per spec; differs from <see cref="Plan"/> only after a collision).</summary>
        public const string Resolve = "Kapi.Resolve";
        /// <summary>The generated source of one spec (per spec).</summary>
        public const string Emit = "Kapi.Emit";
        /// <summary>The registry source (collected).</summary>
        public const string Index = "Kapi.Index";
        /// <summary>The MSBuild options, with <see cref="AllowUnsafe"/> folded in.</summary>
        public const string Options = "Kapi.Options";
        /// <summary>Whether the compilation allows unsafe code (a <c>PipelineFlag</c> read from the compilation options).</summary>
        public const string AllowUnsafe = "Kapi.AllowUnsafe";
        /// <summary>Whether the compilation references an accessible Kapi.Runtime assembly (a <c>PipelineFlag</c>).</summary>
        public const string RuntimeReferenced = "Kapi.RuntimeReferenced";
        /// <summary>The visibility of the runtime source to emit, or null for none (a string).</summary>
        public const string RuntimeSource = "Kapi.RuntimeSource";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // AllowUnsafeBlocks decides whether the Span overloads are emitted. Only a yes/no leaves the compilation: it is
        // recomputed on every edit but compares equal, so the steps below stay cached. Step values are reference types
        // (a PipelineFlag, not a bool): see Pipeline/PipelineValues.cs for why.
        var allowUnsafe = context.CompilationProvider
            .Select(static (c, _) => PipelineFlag.Of(c.Options is CSharpCompilationOptions { AllowUnsafe: true }))
            .WithTrackingName(StepNames.AllowUnsafe);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (p, _) => KapiGeneratorOptions.From(p.GlobalOptions))
            .Combine(allowUnsafe)
            .Select(static (p, _) => p.Right.Value ? p.Left with { AllowUnsafe = true } : p.Left)
            .WithTrackingName(StepNames.Options);

        var specTexts = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static p => IsSpecFile(p.Left, p.Right))
            .Select(static (p, _) => p.Left);

        var files = specTexts
            .Select(static (text, ct) => ParseFile(text, ct))
            .WithTrackingName(StepNames.Parse);

        var ownership = files
            .Select(static (f, _) => SpecOwnership.Summarize(f))
            .Collect()
            .Select(static (all, _) => SpecOwnership.Build(all))
            .WithTrackingName(StepNames.Ownership);

        var specs = files
            .SelectMany(static (f, _) => SpecOwnership.Candidates(f).ToImmutableArray())
            .WithTrackingName(StepNames.Extract)
            .Combine(ownership)
            .Where(static p => p.Right.IsOwner(p.Left))
            .Select(static (p, _) => p.Left)
            .WithTrackingName(StepNames.Spec);

        var plans = specs
            .Combine(options)
            .Select(static (p, _) => SpecPlanner.Plan(p.Left, p.Right))
            .WithTrackingName(StepNames.Plan);

        // Names are chosen per spec; the few that collide with another spec's names (types in the namespace, members of
        // the Syscalls class) are renamed here, over all specs at once. A spec without a collision passes through as
        // the same plan, so its Emit step stays cached when other specs come and go.
        var names = plans
            .Select(static (plan, _) => plan.BindingNames)
            .Collect()
            .Select(static (all, _) => new Collected<SpecNames?>(all))
            .Combine(options)
            .Select(static (p, _) => NameTable.Build(p.Left.Items, p.Right.ClassName))
            .WithTrackingName(StepNames.Names);

        var resolved = plans
            .Combine(names)
            .Select(static (p, _) => SpecPlanner.ApplyNames(p.Left, p.Right))
            .WithTrackingName(StepNames.Resolve);

        var sources = resolved
            .Select(static (plan, _) => SpecEmitter.Emit(plan))
            .WithTrackingName(StepNames.Emit);

        context.RegisterSourceOutput(sources, static (spc, file) => AddSource(spc, file));

        var index = plans
            .Select(static (plan, _) => plan.IndexEntry)
            .Collect()
            .Select(static (all, _) => new Collected<IndexEntry>(all))
            .Combine(options)
            .Select(static (p, _) => IndexEmitter.Emit(p.Left.Items, p.Right))
            .WithTrackingName(StepNames.Index);

        context.RegisterSourceOutput(index, static (spc, file) =>
        {
            if (file is not null) AddSource(spc, file);
        });

        // KapiRuntime=source: when there is generated code and the compilation has no Kapi.Runtime assembly to use (the
        // package's build/Kapi.targets removed it, or it was never referenced), the runtime types are emitted as source
        // with KapiVisibility. Only a yes/no leaves the compilation, as for AllowUnsafe.
        var runtimeReferenced = context.CompilationProvider
            .Select(static (c, _) => PipelineFlag.Of(ReferencesRuntime(c)))
            .WithTrackingName(StepNames.RuntimeReferenced);

        var runtimeSource = index
            .Combine(runtimeReferenced)
            .Select(static (p, _) => PipelineFlag.Of(p.Left is not null && !p.Right.Value))
            .Combine(options)
            .Select(static (p, _) => p.Left.Value ? p.Right.Visibility : null)
            .WithTrackingName(StepNames.RuntimeSource);

        context.RegisterSourceOutput(runtimeSource, static (spc, visibility) =>
        {
            if (visibility is null) return;
            foreach (var file in RuntimeSourceFiles(visibility)) AddSource(spc, file);
        });
    }

    /// <summary>True when a referenced assembly has Kapi.Runtime's types and they are accessible here.</summary>
    internal static bool ReferencesRuntime(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var marker = assembly.GetTypeByMetadataName(RuntimeSourceEmitter.MarkerTypeName);
            if (marker is not null && compilation.IsSymbolAccessibleWithin(marker, compilation.Assembly)) return true;
        }
        return false;
    }

    private static System.Collections.Generic.IReadOnlyList<GeneratedFile> RuntimeSourceFiles(string visibility)
    {
        try
        {
            return RuntimeSourceEmitter.Emit(visibility).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never throw into the compiler; the build fails with this message instead of a missing type.
            return new[] { new GeneratedFile("Kapi.Runtime.Error.g.cs", "// <auto-generated/>\n#error Kapi.Generators could not emit the Kapi.Runtime source: " + CSharp.Comment(ex.GetType().Name + ": " + ex.Message) + "\n") };
        }
    }

    /// <summary>A spec file: an AdditionalFile ending in .kapi, or any AdditionalFile with metadata KapiSpec=true.</summary>
    internal static bool IsSpecFile(AdditionalText text, AnalyzerConfigOptionsProvider options) =>
        KapiInputs.IsSpecFile(text.Path, options.GetOptions(text).TryGetValue(KapiInputs.SpecMetadataKey, out var flag) ? flag : null);

    internal static KapiFileModel ParseFile(AdditionalText text, CancellationToken ct)
    {
        string path = text.Path ?? string.Empty;
        try
        {
            var source = text.GetText(ct);
            ct.ThrowIfCancellationRequested();
            return KapiDocument.Bind(source?.ToString() ?? string.Empty, path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The front end promises not to throw; if it ever does, the file yields nothing and is marked as
            // failed (the analyzer, which parses the same text, reports the problem).
            var diagnostic = new KapiDiagnostic("KAPI0000", KapiSeverity.Error, default, "Internal error while reading the spec file: " + ex.Message);
            return new KapiFileModel(path, EquatableArray<Kapi.Model.ApiSpec>.Empty, EquatableArray<SpecLocation>.Empty, EquatableArray.Create(diagnostic));
        }
    }

    private static void AddSource(SourceProductionContext spc, GeneratedFile file)
    {
        try
        {
            spc.AddSource(file.HintName, SourceText.From(file.Source, Encoding.UTF8));
        }
        catch (ArgumentException)
        {
            // A duplicate or invalid hint name cannot happen (ownership makes names unique); never throw into the compiler.
        }
    }
}
