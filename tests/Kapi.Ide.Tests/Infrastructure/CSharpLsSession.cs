using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Kapi.Testing.EndToEnd;
using Kapi.Testing.Lsp;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kapi.Ide.Tests.Infrastructure;

/// <summary>
/// csharp-ls started in a consumer's folder (restored first, with the fixture's isolated NuGet packages folder), as an
/// editor starts it, with the <c>csharp</c> settings the editor would answer. Disposing kills the server's process tree.
/// </summary>
public sealed class CSharpLsSession : IDisposable
{
    /// <summary>Generous: this is a slow, shared 2-core machine; a wait ends as soon as the awaited message arrives.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private readonly ITestOutputHelper _log;
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    private CSharpLsSession(LspClient client, Consumer consumer, ITestOutputHelper log)
    {
        Client = client;
        Consumer = consumer;
        _log = log;
    }

    public LspClient Client { get; }

    public Consumer Consumer { get; }

    /// <param name="settings">The <c>csharp</c> section answered to workspace/configuration (null: none, the defaults).</param>
    public static async Task<CSharpLsSession> StartAsync(KapiPackages packages, Consumer consumer, ITestOutputHelper log, JsonObject? settings)
    {
        var server = CSharpLs.Find(RepositoryPaths.Root);
        if (!server.Available) throw new XunitException(server.Reason);
        Check.Succeeded(consumer.DotNet("restore", "-nologo"));

        var environment = new Dictionary<string, string?>(packages.ConsumerEnvironment)
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };
        var client = LspClient.Start(server.Executable!, consumer.Directory, environment, "--loglevel", "info");
        var session = new CSharpLsSession(client, consumer, log);
        try
        {
            if (settings is not null)
            {
                foreach (var (key, value) in settings) client.Configuration[key] = value?.DeepClone();
            }
            await client.InitializeAsync(consumer.Directory, Timeout);
            log.WriteLine($"csharp-ls {CSharpLs.Version} (pid {client.ProcessId}) initialized in {consumer.Directory} at {client.Elapsed.TotalSeconds:0.0} s");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>didOpen of a file of the consumer with its text on disk.</summary>
    public Task OpenAsync(string relative)
    {
        _versions[relative] = 1;
        return Client.DidOpenAsync(Consumer.PathOf(relative), Consumer.Read(relative));
    }

    /// <summary>Writes the file (as saving does) and sends its whole text as a didChange; returns the sequence before it.</summary>
    public async Task<long> SaveAndSyncAsync(string relative, string text)
    {
        Consumer.File(relative, text);
        long before = Client.LastSequence;
        int version = _versions[relative] = _versions.TryGetValue(relative, out var v) ? v + 1 : 2;
        await Client.DidChangeFullAsync(Consumer.PathOf(relative), Consumer.Read(relative), version);
        return before;
    }

    /// <summary>A keystroke-like edit of one range; returns the sequence number before it.</summary>
    public async Task<long> EditAsync(string relative, int line, int startCharacter, int endCharacter, string newText)
    {
        long before = Client.LastSequence;
        int version = _versions[relative] = _versions[relative] + 1;
        await Client.DidChangeRangeAsync(Consumer.PathOf(relative), version, line, startCharacter, line, endCharacter, newText);
        return before;
    }

    public JsonElement[] WaitForDiagnostics(string relative, Func<JsonElement[], bool> predicate, long after, string what)
    {
        var n = Client.WaitForDiagnostics(Consumer.PathOf(relative), predicate, Timeout, after, what);
        _log.WriteLine($"{n.At.TotalSeconds,7:0.00} s  {what}: {Summary(n.Params.GetProperty("diagnostics").EnumerateArray())}");
        return n.Params.GetProperty("diagnostics").EnumerateArray().ToArray();
    }

    /// <summary>Waits for the end of a workspace (re)load reported through $/progress after <paramref name="after"/>.</summary>
    public LspNotification WaitForWorkspaceLoaded(long after)
    {
        var n = Client.WaitFor("$/progress",
            p => p.TryGetProperty("value", out var v) && v.TryGetProperty("kind", out var k) && k.GetString() == "end"
                 && v.TryGetProperty("message", out var m) && (m.GetString() ?? "").StartsWith("Finished loading workspace folder", StringComparison.Ordinal),
            Timeout, after, "the end of the workspace load ($/progress end)");
        _log.WriteLine($"{n.At.TotalSeconds,7:0.00} s  workspace loaded");
        return n;
    }

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters) => await Client.RequestAsync(method, parameters, Timeout);

    public async Task<string> HoverAsync(string relative, int line, int character)
    {
        var hover = await RequestAsync("textDocument/hover", LspClient.TextDocumentPosition(Consumer.PathOf(relative), line, character));
        if (hover.ValueKind != JsonValueKind.Object) return "";
        var contents = hover.GetProperty("contents");
        return contents.ValueKind switch
        {
            JsonValueKind.Object => contents.GetProperty("value").GetString() ?? "",
            JsonValueKind.String => contents.GetString() ?? "",
            JsonValueKind.Array => string.Join("\n", contents.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString() : c.GetProperty("value").GetString())),
            _ => "",
        };
    }

    public static string Summary(IEnumerable<JsonElement> diagnostics)
    {
        var list = diagnostics.Select(d =>
        {
            var start = d.GetProperty("range").GetProperty("start");
            return $"{Code(d)}@{start.GetProperty("line").GetInt32()}:{start.GetProperty("character").GetInt32()}";
        }).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    public static string Code(JsonElement diagnostic) =>
        diagnostic.TryGetProperty("code", out var code) ? (code.ValueKind == JsonValueKind.String ? code.GetString()! : code.ToString()) : "";

    public static int Severity(JsonElement diagnostic) => diagnostic.TryGetProperty("severity", out var s) ? s.GetInt32() : 0;

    public static (int Line, int Start, int EndLine, int End) RangeOf(JsonElement withRange)
    {
        var range = withRange.GetProperty("range");
        var start = range.GetProperty("start");
        var end = range.GetProperty("end");
        return (start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32(), end.GetProperty("line").GetInt32(), end.GetProperty("character").GetInt32());
    }

    public void Dispose() => Client.Dispose();
}
