using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Kapi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Kapi.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All must not depend on which KAPI2001 comes first. `dotnet format analyzers` asks the Fix All provider with the
/// equivalence key of the first diagnostic's first fix — none when that diagnostic has no fix (`mlockall(8)`), which
/// made Roslyn's batch fixer fix nothing ("didn't return a Fix All action"), every later fixable call staying.
/// </summary>
public class FixAllOrderTests
{
    private const string FirstHasNoFix = """
        class C
        {
            void M()
            {
                Native.mlockall(8);
                Native.mlockall(Native.MCL_CURRENT | 0x40);
            }

            void N() => Native.mlockall(Native.MCL_FUTURE | 0x80);
        }
        """;

    private const string FirstHasNoFixFixed = """
        class C
        {
            void M()
            {
                Native.mlockall(8);
                Native.mlockall(Native.MCL_CURRENT);
            }

            void N() => Native.mlockall(Native.MCL_FUTURE);
        }
        """;

    private const string SecondFile = """
        class D
        {
            void M() => Native.mlockall(8 | Native.MCL_CURRENT | Native.MCL_FUTURE);
        }
        """;

    private const string SecondFileFixed = """
        class D
        {
            void M() => Native.mlockall(Native.MCL_CURRENT | Native.MCL_FUTURE);
        }
        """;

    [Fact]
    public Task Fix_all_through_the_testing_framework_when_the_first_diagnostic_has_no_fix()
    {
        var test = new FlagsCodeFixTest("""
            class C
            {
                void M()
                {
                    Native.mlockall({|KAPI2001:8|});
                    Native.mlockall({|KAPI2001:Native.MCL_CURRENT | 0x40|});
                }

                void N() => Native.mlockall({|KAPI2001:Native.MCL_FUTURE | 0x80|});
            }
            """, FirstHasNoFixFixed, Sources.Native);
        // The call with no fix keeps its warning (fixable ids in fixed-state markup are ignored, hence explicit).
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDiagnosticIds.InvalidFlagBits, DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 5, 25, 5, 26));
        return test.Pinned().RunAsync();
    }

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task Fix_all_as_dotnet_format_asks_for_it_with_no_equivalence_key(FixAllScope scope)
    {
        var (document, other) = CreateProject();
        var fixedSolution = await FixAllAsync(document, scope, equivalenceKey: null);

        Assert.Equal(FirstHasNoFixFixed, await TextOf(fixedSolution, document.Id));
        // Document scope leaves the other file alone; project and solution scope fix it.
        Assert.Equal(scope == FixAllScope.Document ? SecondFile : SecondFileFixed, await TextOf(fixedSolution, other.Id));
        // The unfixable call is still reported, and it is the only one left.
        var remaining = await DiagnosticsOf(fixedSolution.Projects.Single());
        Assert.Equal(scope == FixAllScope.Document ? 2 : 1, remaining.Length);
        Assert.Contains(remaining, d => d.Location.SourceTree!.FilePath == document.FilePath && d.Location.GetLineSpan().StartLinePosition.Line == 4);
    }

    [Fact]
    public async Task Fix_all_with_a_key_applies_that_fix_only()
    {
        // "Use MlockallFlags" is offered on the raw int overload only; Remove invalid bits on both calls.
        var (document, _) = CreateProject("""
            using Kapi.Generated;

            class C
            {
                void M()
                {
                    Syscalls.Mlockall(8);
                    Syscalls.Mlockall(0xE);
                    Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | (MlockallFlags)8);
                }
            }
            """, Sources.KapiRuntime, Sources.GeneratedBindings);

        var withEnum = await FixAllAsync(document, FixAllScope.Document, KapiFlagsCodeFixProvider.UseGeneratedEnumKey);
        Assert.Contains("Syscalls.Mlockall(MlockallFlags.MCL_FUTURE | MlockallFlags.MCL_ONFAULT);", await TextOf(withEnum, document.Id), StringComparison.Ordinal);
        Assert.Contains("Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | (MlockallFlags)8);", await TextOf(withEnum, document.Id), StringComparison.Ordinal);

        var removing = await FixAllAsync(document, FixAllScope.Document, KapiFlagsCodeFixProvider.RemoveInvalidBitsKey);
        string text = await TextOf(removing, document.Id);
        Assert.Contains("Syscalls.Mlockall(8);", text, StringComparison.Ordinal);
        Assert.Contains("Syscalls.Mlockall(6);", text, StringComparison.Ordinal);
        Assert.Contains("Syscalls.Mlockall(MlockallFlags.MCL_CURRENT);", text, StringComparison.Ordinal);
    }

    // ---- a small workspace, as dotnet format and IDEs drive the provider ----

    private static (Document Main, Document Other) CreateProject(string? main = null, params string[] helpers)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Consumer", "Consumer", LanguageNames.CSharp,
                filePath: "/consumer/Consumer.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.Net100))
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig",
                SourceText.From("is_global = true\nbuild_property.RuntimeIdentifier = linux-x64\n"), filePath: "/consumer/.globalconfig");
        var mainId = DocumentId.CreateNewId(projectId);
        var otherId = DocumentId.CreateNewId(projectId);
        solution = solution
            .AddDocument(mainId, "Main.cs", SourceText.From(main ?? FirstHasNoFix), filePath: "/consumer/Main.cs")
            .AddDocument(otherId, "Other.cs", SourceText.From(main is null ? SecondFile : "class Empty { }"), filePath: "/consumer/Other.cs");
        var sources = main is null ? new[] { Sources.Native } : helpers;
        for (int i = 0; i < sources.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Helper{i}.cs", SourceText.From(sources[i]), filePath: $"/consumer/Helper{i}.cs");
        }
        return (solution.GetDocument(mainId)!, solution.GetDocument(otherId)!);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsOf(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var all = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TestFlagsAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return all.Where(d => d.Id == KapiDiagnosticIds.InvalidFlagBits).ToImmutableArray();
    }

    /// <summary>What `dotnet format` does: the provider's Fix All for the diagnostic id, with the given key.</summary>
    private static async Task<Solution> FixAllAsync(Document document, FixAllScope scope, string? equivalenceKey)
    {
        var fixer = new KapiFlagsCodeFixProvider();
        var context = new FixAllContext(document, fixer, scope, equivalenceKey!, new[] { KapiDiagnosticIds.InvalidFlagBits },
            new ProjectDiagnostics(), CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private static async Task<string> TextOf(Solution solution, DocumentId id) => (await solution.GetDocument(id)!.GetTextAsync()).ToString();

    private sealed class ProjectDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await DiagnosticsOf(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await DiagnosticsOf(project)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await DiagnosticsOf(project);
    }
}
