using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Kapi.Ide.Tests.Infrastructure;
using Kapi.Testing.EndToEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Ide.Tests;

/// <summary>
/// The package's code fixes applied the way IDE hosts apply them: a two-project solution restored from the packed
/// package and opened with MSBuildWorkspace; diagnostics from the package's analyzers (generated code included); each
/// code action of each diagnostic, then Fix All in document, project and solution scope; the texts compared.
/// </summary>
[Collection(IdePackagesCollection.Name)]
[Trait("Category", "Ide")]
public sealed class WorkspaceCodeFixTests
{
    private const string RemoveInvalidBits = "Kapi.RemoveInvalidBits";
    private const string UseGeneratedEnum = "Kapi.UseGeneratedEnum";

    private const string Native = """
        using System.Runtime.InteropServices;

        internal static class Native
        {
            public const int MCL_CURRENT = 1, MCL_FUTURE = 2;

            [DllImport("libc")]
            public static extern int mlockall(int flags);
        }

        """;

    private const string AProgram = """
        using Kapi.Generated;

        internal static class Program
        {
            private static void Main()
            {
                Native.mlockall(8);
                Native.mlockall(Native.MCL_CURRENT | 0x40);
                Syscalls.Mlockall(0xE);
                Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | (MlockallFlags)8);
            }
        }

        """;

    private const string AOther = """
        internal static class Other
        {
            internal static int Lock() => Native.mlockall(Native.MCL_FUTURE | 0x80);
        }

        """;

    private const string BLocks = """
        using Kapi.Generated;

        internal static class Locks
        {
            internal static void Lock()
            {
                Native.mlockall(0x10);
                Syscalls.Mlockall(0xB);
            }
        }

        """;

    private readonly IdePackages _packages;
    private readonly ITestOutputHelper _log;

    public WorkspaceCodeFixTests(IdePackages packages, ITestOutputHelper log)
    {
        _packages = packages;
        _log = log;
    }

    [Fact]
    public async Task Each_code_action_and_Fix_All_in_document_project_and_solution_scope()
    {
        string solutionPath = CreateSolution("workspace-fixes");
        using var workspace = await PackageWorkspace.OpenAsync(solutionPath, _log.WriteLine);
        var a = workspace.Project("A");
        var providers = PackageWorkspace.KapiCodeFixProviders(a);
        var provider = Assert.Single(providers);
        Assert.Equal("KapiFlagsCodeFixProvider", provider.GetType().Name);

        // Diagnostics: KAPI2001 on the four calls of A/Program.cs, on the argument (generated bindings resolved).
        var program = PackageWorkspace.Document(workspace.Solution, "A", "Program.cs");
        var tree = await program.GetSyntaxTreeAsync();
        var diagnostics = (await PackageWorkspace.KapiDiagnosticsAsync(a))
            .Where(d => d.Id == "KAPI2001" && d.Location.SourceTree == tree)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
        Assert.Equal(new[] { "8", "Native.MCL_CURRENT | 0x40", "0xE", "MlockallFlags.MCL_CURRENT | (MlockallFlags)8" },
            diagnostics.Select(d => tree!.GetText().ToString(d.Location.SourceSpan)).ToArray());

        // Each code action, applied: the line it changes.
        var expected = new (string Line, (string Title, string Key, string Fixed)[] Actions)[]
        {
            ("Native.mlockall(8);", Array.Empty<(string, string, string)>()),
            ("Native.mlockall(Native.MCL_CURRENT | 0x40);", new[] { ("Remove invalid bits", RemoveInvalidBits, "Native.mlockall(Native.MCL_CURRENT);") }),
            ("Syscalls.Mlockall(0xE);", new[]
            {
                ("Remove invalid bits", RemoveInvalidBits, "Syscalls.Mlockall(6);"),
                ("Use MlockallFlags", UseGeneratedEnum, "Syscalls.Mlockall(MlockallFlags.MCL_FUTURE | MlockallFlags.MCL_ONFAULT);"),
            }),
            ("Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | (MlockallFlags)8);", new[] { ("Remove invalid bits", RemoveInvalidBits, "Syscalls.Mlockall(MlockallFlags.MCL_CURRENT);") }),
        };
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var actions = await PackageWorkspace.CodeActionsAsync(program, diagnostics[i], provider);
            Assert.Equal(expected[i].Actions.Select(x => (x.Title, x.Key)).ToArray(), actions.Select(x => (x.Title, x.EquivalenceKey!)).ToArray());
            for (int j = 0; j < actions.Count; j++)
            {
                var changed = await PackageWorkspace.ApplyAsync(actions[j]);
                Assert.Equal(AProgram.Replace(expected[i].Line, expected[i].Actions[j].Fixed, StringComparison.Ordinal), await PackageWorkspace.TextAsync(changed, "A", "Program.cs"));
                _log.WriteLine($"{expected[i].Line} -- {actions[j].Title} --> {expected[i].Actions[j].Fixed}");
            }
        }

        // Fix All, from the first diagnostic with a fix, as the light bulb's "Fix all occurrences in" offers it.
        var fromDiagnostic = program;
        string removedInA = Fixed(AProgram,
            ("Native.mlockall(Native.MCL_CURRENT | 0x40);", "Native.mlockall(Native.MCL_CURRENT);"),
            ("Syscalls.Mlockall(0xE);", "Syscalls.Mlockall(6);"),
            ("Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | (MlockallFlags)8);", "Syscalls.Mlockall(MlockallFlags.MCL_CURRENT);"));
        string otherFixed = Fixed(AOther, ("Native.MCL_FUTURE | 0x80", "Native.MCL_FUTURE"));

        var document = await FixAll(fromDiagnostic, provider, FixAllScope.Document, RemoveInvalidBits);
        await AssertTexts(document, removedInA, AOther, BLocks);

        var project = await FixAll(fromDiagnostic, provider, FixAllScope.Project, RemoveInvalidBits);
        await AssertTexts(project, removedInA, otherFixed, BLocks);

        var solutionEnum = await FixAll(fromDiagnostic, provider, FixAllScope.Solution, UseGeneratedEnum);
        await AssertTexts(solutionEnum,
            Fixed(AProgram, ("Syscalls.Mlockall(0xE);", "Syscalls.Mlockall(MlockallFlags.MCL_FUTURE | MlockallFlags.MCL_ONFAULT);")),
            AOther,
            Fixed(BLocks, ("Syscalls.Mlockall(0xB);", "Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_FUTURE);")));

        // As dotnet format asks (no equivalence key: its first diagnostic, mlockall(8), has no fix): every fixable
        // call in the solution gets its first fix; the unfixable ones stay and are still reported.
        var solution = await FixAll(fromDiagnostic, provider, FixAllScope.Solution, equivalenceKey: null);
        await AssertTexts(solution, removedInA, otherFixed, Fixed(BLocks, ("Syscalls.Mlockall(0xB);", "Syscalls.Mlockall(3);")));
        var remaining = new List<string>();
        foreach (var p in solution.Projects)
        {
            foreach (var d in (await PackageWorkspace.KapiDiagnosticsAsync(p)).Where(d => d.Id == "KAPI2001"))
            {
                remaining.Add($"{p.Name}/{System.IO.Path.GetFileName(d.Location.SourceTree!.FilePath)}: {d.Location.SourceTree.GetText().ToString(d.Location.SourceSpan)}");
            }
        }
        Assert.Equal(new[] { "A/Program.cs: 8", "B/Locks.cs: 0x10" }, remaining.OrderBy(r => r, StringComparer.Ordinal).ToArray());
    }

    private static string Fixed(string text, params (string Before, string After)[] replacements)
    {
        foreach (var (before, after) in replacements)
        {
            Assert.Contains(before, text, StringComparison.Ordinal);
            text = text.Replace(before, after, StringComparison.Ordinal);
        }
        return text;
    }

    private static async Task<Solution> FixAll(Document document, CodeFixProvider provider, FixAllScope scope, string? equivalenceKey)
    {
        var solution = await PackageWorkspace.FixAllAsync(document, provider, scope, equivalenceKey, "KAPI2001");
        Assert.True(solution is not null, $"Fix All in {scope} with key {equivalenceKey ?? "(none)"} returned no action");
        return solution!;
    }

    private static async Task AssertTexts(Solution solution, string aProgram, string aOther, string bLocks)
    {
        Assert.Equal(aProgram, await PackageWorkspace.TextAsync(solution, "A", "Program.cs"));
        Assert.Equal(aOther, await PackageWorkspace.TextAsync(solution, "A", "Other.cs"));
        Assert.Equal(bLocks, await PackageWorkspace.TextAsync(solution, "B", "Locks.cs"));
    }

    /// <summary>Fixes.sln with A (an app) and B (a library), each referencing Kapi, pinned to x64, restored.</summary>
    private string CreateSolution(string name)
    {
        var root = new Consumer(_packages, _log, name);
        const string pinned = "<KapiTargetArchitectures>x64</KapiTargetArchitectures>";
        new Consumer(_packages, _log, name + "/A")
            .Project("A", pinned)
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .File("Native.cs", Native)
            .File("Program.cs", AProgram)
            .File("Other.cs", AOther);
        new Consumer(_packages, _log, name + "/B")
            .Project("B", pinned, outputType: "Library")
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .File("Native.cs", Native)
            .File("Locks.cs", BLocks);
        Check.Succeeded(root.DotNet("new", "sln", "-n", "Fixes", "--format", "sln"));
        Check.Succeeded(root.DotNet("sln", "Fixes.sln", "add", "A/A.csproj", "B/B.csproj"));
        Check.Succeeded(root.DotNet("restore", "Fixes.sln", "-nologo"));
        return root.PathOf("Fixes.sln");
    }
}
