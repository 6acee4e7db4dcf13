using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Kapi.Testing.Lsp;

/// <summary>A notification the server sent, numbered in arrival order (from 1), with the time it arrived.</summary>
public sealed record LspNotification(long Sequence, string Method, JsonElement Params, TimeSpan At);

/// <summary>An error response of the server.</summary>
public sealed class LspException : Exception
{
    public LspException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// A small Language Server Protocol client over a server's stdin/stdout (JSON-RPC with Content-Length framing), as an
/// editor speaks it: requests with responses, notifications both ways, and answers to the server's own requests
/// (<c>workspace/configuration</c> from <see cref="Configuration"/>; registrations and progress tokens accepted).
/// Every notification is kept, numbered, so that a test waits for the one it needs (no sleeps). Dispose asks the
/// server to shut down and then kills its whole process tree, so nothing is left running, even after a failure.
/// Used by tests/Kapi.Ide.Tests and by the keystroke benchmark (tests/Kapi.Benchmarks).
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<LspNotification> _notifications = new();
    private readonly object _gate = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _transcript = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Thread _reader;
    private long _nextId;
    private bool _disposed;

    private LspClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" };
        _reader.Start();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                if (_stderr.Length < 200_000) _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The <c>csharp</c> section answered to <c>workspace/configuration</c> (csharp-ls reads it at start).</summary>
    public JsonObject Configuration { get; } = new();

    /// <summary>The server's process id (its tree is killed on dispose).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Starts the server; <paramref name="environment"/> entries with a null value are removed.</summary>
    public static LspClient Start(string executable, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // Under dotnet test, MSBuild variables of the test host would point the server's project loading elsewhere.
        foreach (var key in info.Environment.Keys
                     .Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                     .ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en-US";
        foreach (var (key, value) in environment)
        {
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + executable);
        return new LspClient(process);
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    // ---- requests and notifications ----

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        long id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }).ConfigureAwait(false);
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != completion.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"no answer to {method} within {timeout.TotalSeconds:0} s\n{Describe()}");
        }
        return await completion.Task.ConfigureAwait(false);
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>The sequence number of the latest notification so far (wait for later ones with it).</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate) return _notifications.Count == 0 ? 0 : _notifications[^1].Sequence;
        }
    }

    public IReadOnlyList<LspNotification> Notifications
    {
        get
        {
            lock (_gate) return _notifications.ToList();
        }
    }

    /// <summary>Waits for a notification after <paramref name="after"/> (a sequence number) that matches.</summary>
    public LspNotification WaitFor(string method, Func<JsonElement, bool> predicate, TimeSpan timeout, long after = 0, string? what = null)
    {
        var deadline = _clock.Elapsed + timeout;
        lock (_gate)
        {
            while (true)
            {
                foreach (var n in _notifications)
                {
                    if (n.Sequence > after && n.Method == method && predicate(n.Params)) return n;
                }
                var left = deadline - _clock.Elapsed;
                if (left <= TimeSpan.Zero || _process.HasExited)
                {
                    break;
                }
                // notifications are appended under _gate and pulse it
                after = Math.Max(after, _notifications.Count == 0 ? 0 : _notifications[^1].Sequence);
                Monitor.Wait(_gate, left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
                // recheck only the new ones (and the old ones never matched)
            }
        }
        throw new TimeoutException($"{(_process.HasExited ? "the server exited" : $"timed out after {timeout.TotalSeconds:0} s")} waiting for {what ?? method}\n{Describe()}");
    }

    // ---- the editor's usual messages ----

    /// <summary>initialize (root and one workspace folder) + initialized. Push diagnostics: no pull capability.</summary>
    public async Task<JsonElement> InitializeAsync(string root, TimeSpan timeout, JsonObject? initializationOptions = null)
    {
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = Uri(root),
            ["rootPath"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uri(root), ["name"] = Path.GetFileName(root) }),
            ["initializationOptions"] = initializationOptions,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject
                {
                    ["configuration"] = true,
                    ["workspaceFolders"] = true,
                    ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
                    ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = false },
                },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false, ["didSave"] = true },
                    ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    ["definition"] = new JsonObject { ["linkSupport"] = false },
                    ["codeAction"] = new JsonObject
                    {
                        ["codeActionLiteralSupport"] = new JsonObject
                        {
                            ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor", "source") },
                        },
                    },
                },
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
        }, timeout).ConfigureAwait(false);
        await NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
        return result;
    }

    public Task DidOpenAsync(string path, string text, int version = 1, string languageId = "csharp") =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = languageId, ["version"] = version, ["text"] = text },
        });

    /// <summary>didChange replacing the whole text (what a client does when it does not send ranges).</summary>
    public Task DidChangeFullAsync(string path, string text, int version) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>didChange of one range (0-based line and character), as a keystroke sends it.</summary>
    public Task DidChangeRangeAsync(string path, int version, int startLine, int startCharacter, int endLine, int endCharacter, string newText) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(startLine, startCharacter, endLine, endCharacter),
                ["text"] = newText,
            }),
        });

    /// <summary>workspace/didChangeWatchedFiles for files the client's watcher saw (1 created, 2 changed, 3 deleted).</summary>
    public Task DidChangeWatchedFilesAsync(params (string Path, int Type)[] changes) =>
        NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(changes.Select(c => (JsonNode)new JsonObject { ["uri"] = Uri(c.Path), ["type"] = c.Type }).ToArray()),
        });

    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new() { ["start"] = Position(startLine, startCharacter), ["end"] = Position(endLine, endCharacter) };

    public static JsonObject TextDocumentPosition(string path, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
        ["position"] = Position(line, character),
    };

    /// <summary>The newest publishDiagnostics for <paramref name="path"/> after <paramref name="after"/> that matches.</summary>
    public LspNotification WaitForDiagnostics(string path, Func<JsonElement[], bool> predicate, TimeSpan timeout, long after = 0, string? what = null)
    {
        string uri = Uri(path);
        return WaitFor("textDocument/publishDiagnostics",
            p => p.GetProperty("uri").GetString() == uri && predicate(p.GetProperty("diagnostics").EnumerateArray().ToArray()),
            timeout, after, what ?? $"diagnostics of {Path.GetFileName(path)}");
    }

    /// <summary>Everything exchanged so far (the end of it) and the server's stderr, for failure messages.</summary>
    public string Describe()
    {
        string transcript, stderr;
        lock (_transcript) transcript = _transcript.Length > 30_000 ? "…" + _transcript.ToString(_transcript.Length - 30_000, 30_000) : _transcript.ToString();
        lock (_stderr) stderr = _stderr.Length > 10_000 ? "…" + _stderr.ToString(_stderr.Length - 10_000, 10_000) : _stderr.ToString();
        return $"--- LSP transcript (server pid {_process.Id}{(_process.HasExited ? ", exited " + _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "")}) ---\n{transcript}--- server stderr ---\n{stderr}";
    }

    // ---- wire ----

    private async Task WriteAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        Log("→", message.ToJsonString());
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(header).ConfigureAwait(false);
            await _input.WriteAsync(body).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                int length = -1;
                while (true)
                {
                    string? line = ReadHeaderLine(output);
                    if (line is null) return;
                    if (line.Length == 0) break;
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
                    }
                }
                if (length < 0) continue;
                byte[] body = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = output.Read(body, read, length - read);
                    if (n == 0) return;
                    read += n;
                }
                Dispatch(body);
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            foreach (var pending in _pending.Values) pending.TrySetException(new IOException("the server closed its output\n" + Describe()));
            lock (_gate) Monitor.PulseAll(_gate);
        }
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0) return null;
            if (b == '\n') break;
            if (b != '\r') bytes.Add((byte)b);
        }
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    private void Dispatch(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Log("←", Encoding.UTF8.GetString(body));
        bool hasId = root.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null;
        bool hasMethod = root.TryGetProperty("method", out var methodElement);
        if (hasMethod && hasId)
        {
            AnswerServerRequest(id, methodElement.GetString()!, root.TryGetProperty("params", out var p) ? p : default);
        }
        else if (hasMethod)
        {
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            lock (_gate)
            {
                _notifications.Add(new LspNotification(_notifications.Count + 1, methodElement.GetString()!, parameters, _clock.Elapsed));
                Monitor.PulseAll(_gate);
            }
        }
        else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt64(), out var completion))
        {
            if (root.TryGetProperty("error", out var error))
            {
                completion.TrySetException(new LspException(error.ToString()));
            }
            else
            {
                completion.TrySetResult(root.TryGetProperty("result", out var result) ? result : default);
            }
        }
    }

    private void AnswerServerRequest(JsonElement id, string method, JsonElement parameters)
    {
        JsonNode? result = null;
        if (method == "workspace/configuration")
        {
            var items = new JsonArray();
            int count = parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("items", out var requested) ? requested.GetArrayLength() : 1;
            for (int i = 0; i < count; i++) items.Add(JsonNode.Parse(Configuration.ToJsonString()));
            result = items;
        }
        var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result };
        _ = WriteAsync(answer);
    }

    private void Log(string direction, string json)
    {
        lock (_transcript)
        {
            if (_transcript.Length > 2_000_000) _transcript.Remove(0, 1_000_000);
            _transcript.Append(_clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).Append(' ').Append(direction).Append(' ')
                .Append(json.Length > 2_000 ? json[..2_000] + "…" : json).Append('\n');
        }
    }

    /// <summary>Kills the server with its whole process tree (its MSBuild build hosts included) and waits for it.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
        _process.WaitForExit(10_000);
        _process.Dispose();
        _writeLock.Dispose();
    }
}
