using System.Diagnostics;
using System.Globalization;
using Kapi.Testing.Lsp;

namespace Kapi.Benchmarks;

/// <summary>
/// Keystroke cost in a real language server: csharp-ls (<see cref="CSharpLs.Version"/>, analyzers on:
/// <c>csharp.analyzersEnabled: true</c>), the time from a <c>textDocument/didChange</c> to the
/// <c>textDocument/publishDiagnostics</c> that follows it, on the same project with and without the Kapi analyzers.
/// Both variants keep the Kapi generator (a third of the calls use its bindings; without it the project would not
/// compile); the SDK's own analyzers are on in both, as in a user's project. Two projects: the analyzer benchmark's
/// 10,000 calls in 200 files (<see cref="AnalyzerProject"/>) and its first 50 files (2,500 calls).
/// </summary>
/// <remarks>
/// Not a BenchmarkDotNet benchmark: two servers run side by side (one per variant), idle but for the edit being
/// measured; the edits alternate between them (which goes first alternates too), after warm-up edits. An edit types
/// a character into a comment of Calls000.cs and the next one removes it, so every edit changes the document and
/// the diagnostics stay the same. csharp-ls computes an open document's diagnostics with analyzers from the whole
/// compilation's analyzer results, so each keystroke costs a project-wide analysis.
/// Run by <c>-- ide [rounds]</c> (default 20).
/// </remarks>
internal static class IdeKeystrokeBenchmark
{
    internal sealed record Result(string Project, int Files, double WithoutMs, double WithMs, PairedRatios.PairedRatio Paired);

    public static IReadOnlyList<Result> Run(int rounds)
    {
        var server = CSharpLs.Find(BenchmarkInputs.RepoRoot);
        if (!server.Available) throw new InvalidOperationException(server.Reason);
        var results = new List<Result>();
        foreach (int files in new[] { AnalyzerProject.FileCount, 50 })
        {
            results.Add(Measure(server.Executable!, files, rounds));
        }
        return results;
    }

    private static Result Measure(string csharpLs, int files, int rounds)
    {
        string root = Path.Combine(Path.GetTempPath(), $"kapi-ide-bench-{Environment.ProcessId}-{files}");
        var dirs = new[] { Path.Combine(root, "without"), Path.Combine(root, "with") };
        var clients = new LspClient?[2];
        try
        {
            for (int v = 0; v < 2; v++)
            {
                WriteProject(dirs[v], files, withKapiAnalyzers: v == 1);
            }
            for (int v = 0; v < 2; v++)
            {
                var client = clients[v] = LspClient.Start(csharpLs, dirs[v], new Dictionary<string, string?>
                {
                    ["MSBUILDDISABLENODEREUSE"] = "1",
                    ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
                });
                client.Configuration["analyzersEnabled"] = true;
                client.InitializeAsync(dirs[v], TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
                string file = Path.Combine(dirs[v], "Calls000.cs");
                client.DidOpenAsync(file, File.ReadAllText(file)).GetAwaiter().GetResult();
                var first = client.WaitForDiagnostics(file, _ => true, TimeSpan.FromMinutes(10));
                Console.WriteLine($"[{files} files, {(v == 1 ? "with" : "without")} Kapi analyzers] first diagnostics {first.At.TotalSeconds:F1} s after start: {first.Params.GetProperty("diagnostics").GetArrayLength()} in Calls000.cs");
            }

            var versions = new[] { 1, 1 };
            double Edit(int v)
            {
                var client = clients[v]!;
                string file = Path.Combine(dirs[v], "Calls000.cs");
                int version = ++versions[v];
                // line 0 is "using System;": type " x" after it (a comment would do as well), then remove it
                bool add = version % 2 == 0;
                long before = client.LastSequence;
                var sw = Stopwatch.StartNew();
                var sent = client.Elapsed;
                client.DidChangeRangeAsync(file, version, 0, 13, 0, add ? 13 : 18, add ? "//x//" : "").GetAwaiter().GetResult();
                var published = client.WaitForDiagnostics(file, _ => true, TimeSpan.FromMinutes(5), before);
                return (published.At - sent).TotalMilliseconds;
            }

            for (int i = 0; i < 4; i++)
            {
                Edit(0);
                Edit(1);
            }
            var without = new List<double>();
            var with = new List<double>();
            var ratios = new List<double>();
            for (int r = 0; r < rounds; r++)
            {
                double a, b;
                if (r % 2 == 0)
                {
                    a = Edit(0);
                    b = Edit(1);
                }
                else
                {
                    b = Edit(1);
                    a = Edit(0);
                }
                without.Add(a);
                with.Add(b);
                ratios.Add(b / a);
                Console.WriteLine(FormattableString.Invariant($"[{files} files] round {r + 1}: without {a:F0} ms, with {b:F0} ms, ratio {b / a:F3}"));
            }
            return new Result($"{files * AnalyzerProject.CallsPerFile:N0} mlockall calls in {files} files", files,
                Statistics.Median(without), Statistics.Median(with), PairedRatios.Summarize(ratios));
        }
        finally
        {
            foreach (var c in clients) c?.Dispose();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The real-build project (<see cref="RealBuildBenchmark.WriteProject"/>) cut to <paramref name="files"/> files, restored.</summary>
    private static void WriteProject(string dir, int files, bool withKapiAnalyzers)
    {
        RealBuildBenchmark.WriteProject(dir);
        for (int f = files; f < AnalyzerProject.FileCount; f++)
        {
            File.Delete(Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"Calls{f:D3}.cs")));
        }
        // the variant is a property of the project here (a language server has no command-line properties)
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"),
            $"<Project><PropertyGroup><WithKapiAnalyzers>{(withKapiAnalyzers ? "true" : "false")}</WithKapiAnalyzers></PropertyGroup></Project>");
        var psi = new ProcessStartInfo("dotnet", "restore -nologo") { WorkingDirectory = dir, RedirectStandardOutput = true, UseShellExecute = false };
        using var restore = Process.Start(psi)!;
        string output = restore.StandardOutput.ReadToEnd();
        restore.WaitForExit();
        if (restore.ExitCode != 0) throw new InvalidOperationException("restore failed:\n" + output);
    }

    /// <summary>Prints the result rows (also as markdown for README and docs/benchmarks.md).</summary>
    public static void Print(IReadOnlyList<Result> results)
    {
        Console.WriteLine();
        Console.WriteLine($"csharp-ls {CSharpLs.Version}, didChange -> publishDiagnostics, analyzersEnabled; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        Console.WriteLine("| Project | Without Kapi analyzers (median) | With (median) | Paired ratio | Target | Met? |");
        Console.WriteLine("|---|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(FormattableString.Invariant($"| {r.Project} | {r.WithoutMs:F0} ms | {r.WithMs:F0} ms | {r.Paired} | ≤ 1.05× | {(r.Paired.Median <= 1.05 ? "met" : "missed")} |"));
        }
    }
}
