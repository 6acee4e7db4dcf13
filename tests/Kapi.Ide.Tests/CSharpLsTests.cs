using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Kapi.Ide.Tests.Infrastructure;
using Kapi.Testing.EndToEnd;
using Kapi.Testing.Lsp;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Ide.Tests;

/// <summary>
/// The packed Kapi package in csharp-ls (a Roslyn-based language server), driven as an editor drives it: open a file,
/// wait for the diagnostics the server pushes, hover, go to definition, edit. csharp-ls runs analyzers only with
/// <c>csharp.analyzersEnabled: true</c> and serves generated code only with <c>csharp.useMetadataUris: true</c>.
/// </summary>
[Collection(IdePackagesCollection.Name)]
[Trait("Category", "Ide")]
public sealed class CSharpLsTests
{
    private const string Program = "Program.cs";
    private const string InvalidArgument = "MlockallFlags.MCL_CURRENT | (MlockallFlags)8";

    private static readonly JsonObject EditorSettings = new() { ["analyzersEnabled"] = true, ["useMetadataUris"] = true };

    private readonly IdePackages _packages;
    private readonly ITestOutputHelper _log;

    public CSharpLsTests(IdePackages packages, ITestOutputHelper log)
    {
        _packages = packages;
        _log = log;
    }

    private Consumer NewConsumer(string name, string call) => new Consumer(_packages, _log, name)
        .Project("App")
        .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
        .File(Program, ProgramText(call));

    private static string ProgramText(string call, string extra = "") => $$"""
        using Kapi.Generated;

        internal static class Program
        {
            private static void Main()
            {
                var result = Syscalls.Mlockall({{call}});
                System.Console.WriteLine(result.ToString());{{extra}}
            }
        }

        """;

    private const int CallLine = 6;

    private static int ColumnOf(string text, int line, string what)
    {
        int column = text.Split('\n')[line].IndexOf(what, StringComparison.Ordinal);
        Assert.True(column >= 0, $"'{what}' not on line {line} of\n{text}");
        return column;
    }

    [CSharpLsFact]
    public async Task KAPI2001_on_the_argument_generated_bindings_hover_definition_and_edits()
    {
        var app = NewConsumer("lsp-editing", InvalidArgument);
        using var session = await CSharpLsSession.StartAsync(_packages, app, _log, EditorSettings);
        var text = app.Read(Program);
        int argument = ColumnOf(text, CallLine, InvalidArgument);
        await session.OpenAsync(Program);

        // KAPI2001, its range exactly on the argument; the generated Syscalls/MlockallFlags resolve: no error at all.
        var diagnostics = session.WaitForDiagnostics(Program, d => d.Any(x => CSharpLsSession.Code(x) == "KAPI2001"), 0, "KAPI2001 after opening");
        var kapi2001 = Assert.Single(diagnostics, d => CSharpLsSession.Code(d) == "KAPI2001");
        Assert.Equal((CallLine, argument, CallLine, argument + InvalidArgument.Length), CSharpLsSession.RangeOf(kapi2001));
        Assert.Equal(2, CSharpLsSession.Severity(kapi2001));
        Assert.Contains("sets bit(s) 0x8 outside the valid mask 0x7", kapi2001.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => CSharpLsSession.Severity(d) == 1);

        // Hover on the generated wrapper shows the spec's summary (KAPI_DESCRIPTION of kapi/mm/mlockall.kapi).
        Assert.Contains("KAPI_DESCRIPTION(\"Lock all process pages in memory\")", app.Read("kapi/mm/mlockall.kapi"), StringComparison.Ordinal);
        int method = ColumnOf(text, CallLine, "Mlockall(") + 2;
        var hover = await session.HoverAsync(Program, CallLine, method);
        Assert.Contains("Lock all process pages in memory", hover, StringComparison.Ordinal);
        Assert.Contains("Syscalls.Mlockall(MlockallFlags flags)", hover, StringComparison.Ordinal);

        // Go to definition lands in the generated file, on the method's name (csharp:/…/generated/<hint name>).
        var definition = await session.RequestAsync("textDocument/definition", LspClient.TextDocumentPosition(app.PathOf(Program), CallLine, method));
        var location = Assert.Single(definition.ValueKind == JsonValueKind.Array ? definition.EnumerateArray().ToArray() : new[] { definition });
        string uri = location.GetProperty("uri").GetString()!;
        Assert.StartsWith("csharp:", uri, StringComparison.Ordinal);
        Assert.EndsWith("/generated/Kapi.Spec.SysMlockall.g.cs", uri, StringComparison.Ordinal);
        var generated = await session.RequestAsync("csharp/metadata", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        var source = generated.GetProperty("source").GetString()!;
        var (line, start, endLine, end) = CSharpLsSession.RangeOf(location);
        Assert.Equal(line, endLine);
        var definitionLine = source.Split('\n')[line];
        Assert.Equal("Mlockall", definitionLine[start..end]);
        // the enum overload (the call's), not the int one
        Assert.EndsWith("] MlockallFlags flags)", definitionLine.TrimEnd(), StringComparison.Ordinal);

        // The server offers only Roslyn's own refactorings here, none of the package's code fixes (README says so).
        var actions = await session.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(app.PathOf(Program)) },
            ["range"] = JsonNode.Parse(kapi2001.GetProperty("range").GetRawText()),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(JsonNode.Parse(kapi2001.GetRawText())) },
        });
        var titles = actions.ValueKind == JsonValueKind.Array ? actions.EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList() : new();
        _log.WriteLine("code actions offered: " + string.Join(" | ", titles));
        Assert.DoesNotContain(titles, t => t is "Remove invalid bits" or "Use MlockallFlags");

        // An edit that fixes the value removes KAPI2001 ...
        long before = await session.EditAsync(Program, CallLine, argument, argument + InvalidArgument.Length, "MlockallFlags.MCL_CURRENT");
        var sent = session.Client.Elapsed;
        diagnostics = session.WaitForDiagnostics(Program, d => d.All(x => CSharpLsSession.Code(x) != "KAPI2001"), before, "after the edit to MCL_CURRENT");
        _log.WriteLine($"edit -> diagnostics: {(session.Client.Notifications.Last(n => n.Method == "textDocument/publishDiagnostics").At - sent).TotalSeconds:0.00} s");
        Assert.DoesNotContain(diagnostics, d => CSharpLsSession.Severity(d) == 1);

        // ... and an edit to 0 brings KAPI2002 (every bit is valid, but the spec rejects 0), on the 0.
        before = await session.EditAsync(Program, CallLine, argument, argument + "MlockallFlags.MCL_CURRENT".Length, "0");
        diagnostics = session.WaitForDiagnostics(Program, d => d.Any(x => CSharpLsSession.Code(x) == "KAPI2002"), before, "KAPI2002 after the edit to 0");
        var kapi2002 = Assert.Single(diagnostics, d => CSharpLsSession.Code(d) == "KAPI2002");
        Assert.Equal((CallLine, argument, CallLine, argument + 1), CSharpLsSession.RangeOf(kapi2002));
        Assert.DoesNotContain(diagnostics, d => CSharpLsSession.Code(d) == "KAPI2001");
    }

    [CSharpLsFact]
    public async Task Without_analyzersEnabled_no_Kapi_diagnostic_until_the_setting_is_turned_on()
    {
        var app = NewConsumer("lsp-settings", InvalidArgument);
        using var session = await CSharpLsSession.StartAsync(_packages, app, _log, settings: null);
        await session.OpenAsync(Program);

        // The first diagnostics after the load: the compiler's only (the generated code is there: no error).
        var diagnostics = session.WaitForDiagnostics(Program, _ => true, 0, "the first diagnostics, default settings");
        Assert.DoesNotContain(diagnostics, d => CSharpLsSession.Code(d).StartsWith("KAPI", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => CSharpLsSession.Severity(d) == 1);

        // Without csharp.useMetadataUris, go to definition on a generated method finds nothing (README says so).
        int method = ColumnOf(app.Read(Program), CallLine, "Mlockall(") + 2;
        var definition = await session.RequestAsync("textDocument/definition", LspClient.TextDocumentPosition(app.PathOf(Program), CallLine, method));
        Assert.True(definition.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (definition.ValueKind == JsonValueKind.Array && definition.GetArrayLength() == 0),
            "definition without useMetadataUris: " + definition);

        // The setting csharp-ls needs: csharp.analyzersEnabled = true (pushed here with didChangeConfiguration).
        long before = session.Client.LastSequence;
        await session.Client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } },
        });
        await session.SaveAndSyncAsync(Program, app.Read(Program));
        diagnostics = session.WaitForDiagnostics(Program, d => d.Any(x => CSharpLsSession.Code(x) == "KAPI2001"), before, "KAPI2001 with analyzersEnabled");
        Assert.Single(diagnostics, d => CSharpLsSession.Code(d) == "KAPI2001");
    }

    [CSharpLsFact]
    public async Task Spec_files_diagnostics_through_workspace_diagnostics_and_new_or_edited_specs_after_the_project_reloads()
    {
        var app = NewConsumer("lsp-specs", "MlockallFlags.MCL_CURRENT")
            .File("kapi/drafts/draft.kapi", "DEFINE_KERNEL_API_SPEC(sys_example)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n");
        using var session = await CSharpLsSession.StartAsync(_packages, app, _log, EditorSettings);
        await session.OpenAsync(Program);
        var diagnostics = session.WaitForDiagnostics(Program, _ => true, 0, "the first diagnostics");
        Assert.DoesNotContain(diagnostics, d => CSharpLsSession.Severity(d) == 1);

        // A spec file's diagnostics reach the IDE through workspace (pull) diagnostics, at their line and column.
        var draft = await WorkspaceDiagnosticsOf(session, "kapi/drafts/draft.kapi");
        var kapi0104 = Assert.Single(draft, d => CSharpLsSession.Code(d) == "KAPI0104");
        Assert.Equal((1, 1, 1, 11), CSharpLsSession.RangeOf(kapi0104));
        Assert.Contains("Unknown macro 'KAPI_BOGUS'", kapi0104.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, CSharpLsSession.Severity(kapi0104));

        // A new spec file: the client's watcher reports it, but csharp-ls watches *.cs, *.csproj, *.sln only, so its
        // binding does not resolve yet ...
        app.Spec("kapi/mm/munlockall.kapi", "kapi/mm/munlockall.kapi");
        await session.Client.DidChangeWatchedFilesAsync((app.PathOf("kapi/mm/munlockall.kapi"), 1));
        string withMunlockall = ProgramText("MlockallFlags.MCL_CURRENT", "\n        Syscalls.Munlockall();");
        long before = await session.SaveAndSyncAsync(Program, withMunlockall);
        diagnostics = session.WaitForDiagnostics(Program, d => d.Any(x => CSharpLsSession.Code(x) == "CS0117"), before, "CS0117 before the reload");
        Assert.Contains("'Syscalls' does not contain a definition for 'Munlockall'", Assert.Single(diagnostics, d => CSharpLsSession.Code(d) == "CS0117").GetProperty("message").GetString(), StringComparison.Ordinal);

        // ... until the project reloads (a change to the .csproj: csharp-ls reloads the solution after 5 s).
        var reload = await ReloadAsync(session);
        before = await session.SaveAndSyncAsync(Program, withMunlockall);
        diagnostics = session.WaitForDiagnostics(Program, _ => true, before, "after the reload");
        Assert.DoesNotContain(diagnostics, d => CSharpLsSession.Severity(d) == 1);
        int munlockall = ColumnOf(withMunlockall, 8, "Munlockall") + 2;
        Assert.Contains("Unlock all pages of the process address space", await session.HoverAsync(Program, 8, munlockall), StringComparison.Ordinal);
        _log.WriteLine($"new spec: .csproj change -> binding resolves in {(session.Client.Elapsed - reload).TotalSeconds:0.0} s");

        // Editing specs: the generated code and the spec diagnostics change only when the project reloads too.
        string edited = File.ReadAllText(app.PathOf("kapi/mm/munlockall.kapi"))
            .Replace("Unlock all pages of the process address space", "Unlock every page, edited in the IDE", StringComparison.Ordinal);
        app.File("kapi/mm/munlockall.kapi", edited);
        app.File("kapi/drafts/draft.kapi", "DEFINE_KERNEL_API_SPEC(sys_example)\n\tKAPI_DESCRIPTION(\"fixed\")\nKAPI_END_SPEC;\n");
        await session.Client.DidChangeWatchedFilesAsync((app.PathOf("kapi/mm/munlockall.kapi"), 2), (app.PathOf("kapi/drafts/draft.kapi"), 2));
        Assert.Contains("Unlock all pages of the process address space", await session.HoverAsync(Program, 8, munlockall), StringComparison.Ordinal);

        reload = await ReloadAsync(session);
        before = await session.SaveAndSyncAsync(Program, withMunlockall);
        session.WaitForDiagnostics(Program, _ => true, before, "after the second reload");
        Assert.Contains("Unlock every page, edited in the IDE", await session.HoverAsync(Program, 8, munlockall), StringComparison.Ordinal);
        Assert.DoesNotContain(await WorkspaceDiagnosticsOf(session, "kapi/drafts/draft.kapi"), d => CSharpLsSession.Code(d) == "KAPI0104");
        _log.WriteLine($"edited spec: .csproj change -> hover shows the new text in {(session.Client.Elapsed - reload).TotalSeconds:0.0} s");
    }

    /// <summary>Touches the project file and reports it as changed; waits for the reload. Returns when it was asked.</summary>
    private static async Task<TimeSpan> ReloadAsync(CSharpLsSession session)
    {
        var project = session.Consumer.PathOf("App.csproj");
        File.SetLastWriteTimeUtc(project, DateTime.UtcNow);
        long before = session.Client.LastSequence;
        var asked = session.Client.Elapsed;
        await session.Client.DidChangeWatchedFilesAsync((project, 2));
        session.WaitForWorkspaceLoaded(before);
        return asked;
    }

    private async Task<JsonElement[]> WorkspaceDiagnosticsOf(CSharpLsSession session, string relative)
    {
        var report = await session.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = new JsonArray() });
        string uri = LspClient.Uri(session.Consumer.PathOf(relative));
        var items = report.GetProperty("items").EnumerateArray().ToArray();
        _log.WriteLine("workspace diagnostics: " + string.Join("; ", items.Select(i =>
            Path.GetFileName(i.GetProperty("uri").GetString()) + " " + (i.TryGetProperty("items", out var d) ? CSharpLsSession.Summary(d.EnumerateArray()) : i.GetProperty("kind").GetString()))));
        var file = items.Where(i => i.GetProperty("uri").GetString() == uri && i.TryGetProperty("items", out _)).ToArray();
        return file.SelectMany(i => i.GetProperty("items").EnumerateArray()).ToArray();
    }
}
