using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Xunit.Sdk;

namespace Kapi.Ide.Tests.Infrastructure;

/// <summary>
/// A consumer's solution opened with MSBuildWorkspace, as IDE hosts and dotnet format open it, with the analyzers and
/// code fix providers of the Kapi package found in the projects' analyzer references (the package's
/// analyzers/dotnet/cs folder, or its ReadyToRun copies on linux-x64), loaded the way hosts load them: the analyzer assemblies through the workspace's
/// loader, the fixers by their [ExportCodeFixProvider] attribute.
/// </summary>
public sealed class PackageWorkspace : IDisposable
{
    private static readonly object s_locatorGate = new();

    private PackageWorkspace(MSBuildWorkspace workspace, Solution solution)
    {
        Workspace = workspace;
        Solution = solution;
    }

    public MSBuildWorkspace Workspace { get; }

    public Solution Solution { get; }

    /// <summary>Registers the SDK's MSBuild (Microsoft.Build.Locator) once, before any MSBuild type is loaded.</summary>
    public static void RegisterMSBuild()
    {
        lock (s_locatorGate)
        {
            if (!MSBuildLocator.IsRegistered) MSBuildLocator.RegisterDefaults();
        }
    }

    /// <summary>Opens the solution (MSBuild registered first; the workspace types are touched only after that).</summary>
    public static async Task<PackageWorkspace> OpenAsync(string solutionPath, Action<string> log)
    {
        RegisterMSBuild();
        return await OpenRegisteredAsync(solutionPath, log);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<PackageWorkspace> OpenRegisteredAsync(string solutionPath, Action<string> log)
    {
        var workspace = MSBuildWorkspace.Create();
        try
        {
            var solution = await workspace.OpenSolutionAsync(solutionPath);
            foreach (var diagnostic in workspace.Diagnostics) log($"workspace: {diagnostic.Kind}: {diagnostic.Message}");
            if (workspace.Diagnostics.Any(d => d.Kind == WorkspaceDiagnosticKind.Failure))
            {
                throw new XunitException("MSBuildWorkspace failed to load " + solutionPath + ":\n" + string.Join("\n", workspace.Diagnostics.Select(d => d.Message)));
            }
            return new PackageWorkspace(workspace, solution);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    public Project Project(string name) => Solution.Projects.Single(p => p.Name == name);

    public static Document Document(Solution solution, string project, string fileName) =>
        solution.Projects.Single(p => p.Name == project).Documents.Single(d => d.Name == fileName);

    /// <summary>
    /// The Kapi package's analyzer references of a project: its analyzers/dotnet/cs folder, or on linux-x64 its
    /// ReadyToRun copies in build/readytorun/linux-x64 (what Kapi.targets hands the compiler there, design-time builds
    /// included).
    /// </summary>
    public static IReadOnlyList<AnalyzerFileReference> KapiReferences(Project project)
    {
        var references = project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .Where(r => Path.GetFileName(r.FullPath).StartsWith("Kapi.", StringComparison.Ordinal)
                        && (r.FullPath.Replace('\\', '/').Contains("/analyzers/dotnet/cs/", StringComparison.Ordinal)
                            || r.FullPath.Replace('\\', '/').Contains("/build/readytorun/", StringComparison.Ordinal)))
            .ToList();
        if (references.Count == 0)
        {
            throw new XunitException($"{project.Name} has no Kapi analyzer reference; it has:\n" + string.Join("\n", project.AnalyzerReferences.Select(r => r.FullPath)));
        }
        return references;
    }

    public static ImmutableArray<DiagnosticAnalyzer> KapiAnalyzers(Project project) =>
        KapiReferences(project).SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();

    /// <summary>The package's code fix providers, as hosts find them: exported types of its analyzer assemblies.</summary>
    public static IReadOnlyList<CodeFixProvider> KapiCodeFixProviders(Project project)
    {
        var providers = new List<CodeFixProvider>();
        foreach (var reference in KapiReferences(project))
        {
            foreach (var type in reference.GetAssembly().GetTypes())
            {
                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                if (export is null || !export.Languages.Contains(LanguageNames.CSharp) || type.IsAbstract) continue;
                providers.Add((CodeFixProvider)Activator.CreateInstance(type)!);
            }
        }
        return providers;
    }

    /// <summary>The package analyzers' diagnostics of a project (generated code included, as in a build).</summary>
    public static async Task<ImmutableArray<Diagnostic>> KapiDiagnosticsAsync(Project project, CancellationToken cancellationToken = default)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken) ?? throw new XunitException("no compilation for " + project.Name);
        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new XunitException($"{project.Name} does not compile in the workspace:\n" + string.Join("\n", errors));
        return await compilation.WithAnalyzers(KapiAnalyzers(project), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    /// <summary>The code actions a host shows for one diagnostic.</summary>
    public static async Task<IReadOnlyList<CodeAction>> CodeActionsAsync(Document document, Diagnostic diagnostic, CodeFixProvider provider)
    {
        var actions = new List<CodeAction>();
        if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id)) return actions;
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>Applies a code action's edit the way a host previews and applies it: its changed solution.</summary>
    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>Fix All of a provider in a scope, with the equivalence key of the action the user picked (or none).</summary>
    public static async Task<Solution?> FixAllAsync(Document document, CodeFixProvider provider, FixAllScope scope, string? equivalenceKey, string diagnosticId)
    {
        var fixAll = provider.GetFixAllProvider() ?? throw new XunitException(provider.GetType().Name + " has no Fix All provider");
        Assert(fixAll.GetSupportedFixAllScopes().Contains(scope), $"{provider.GetType().Name}'s Fix All does not support {scope}");
        var context = new FixAllContext(document, provider, scope, equivalenceKey!, new[] { diagnosticId }, new KapiDiagnosticProvider(), CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        return action is null ? null : await ApplyAsync(action);
    }

    private static void Assert(bool condition, string message)
    {
        if (!condition) throw new XunitException(message);
    }

    public static async Task<string> TextAsync(Solution solution, string project, string fileName) =>
        (await Document(solution, project, fileName).GetTextAsync()).ToString();

    /// <summary>The diagnostics Fix All sees, from the package's analyzers, as a host's diagnostic service gives them.</summary>
    private sealed class KapiDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await KapiDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await KapiDiagnosticsAsync(project, cancellationToken)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await KapiDiagnosticsAsync(project, cancellationToken);
    }

    public void Dispose() => Workspace.Dispose();
}
