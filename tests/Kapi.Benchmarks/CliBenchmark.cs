using System.Diagnostics;
using System.Globalization;

namespace Kapi.Benchmarks;

/// <summary>
/// <c>-- cli [MB] [RUNS] [KAPI…]</c>: <c>kapi check DIR</c> end to end, as a real process, over a folder of MB
/// megabytes (default 16, 10^6 bytes) of corpus specs, RUNS rounds (default 9). The start-up time is measured in the
/// same rounds with <c>kapi check EMPTY</c> (an empty folder: process start, runtime, command line, walk, summary) and
/// subtracted. Reports, per CLI, the medians and interquartile ranges of the wall time, the CPU time (user + system)
/// and of MB/s end to end (start-up subtracted, per round) and with start-up included; then the same folder bound in
/// this process on one thread (this build's front end), for comparison. Nothing is asserted.
/// </summary>
/// <remarks>
/// <para>The folder: copies of every file of <c>../shared/corpus/macro</c> and <c>../shared/corpus/kdoc</c> (read at
/// run time, never committed), one subfolder per copy, until MB megabytes; in a temporary folder deleted at the end.</para>
/// <para>The CLI measured, by default, is the one that ships: <c>dotnet pack src/Kapi.Cli -c Release</c> into a
/// temporary feed, then <c>dotnet tool install --tool-path</c> from it (a private NuGet package folder, so no cached
/// package of the same version is taken instead), and the installed <c>kapi</c> command is run. KAPI arguments:
/// other <c>kapi</c> executables (or <c>kapi.dll</c> files, run with <c>dotnet</c>) measured in the same rounds, e.g.
/// another commit's build for a before/after comparison; <c>shipped</c> names the packed tool among them.</para>
/// <para>The CLIs and the empty-folder runs alternate in every round, their order rotating from round to round, after
/// one warm-up run of each (warm page cache). The outputs are compared: a CLI whose output differs from the first
/// CLI's is flagged.</para>
/// </remarks>
internal static class CliBenchmark
{

    public static int Run(double megabytes, int runs, IReadOnlyList<string> clis)
    {
        string corpus = Path.GetFullPath(Path.Combine(BenchmarkInputs.RepoRoot, "..", "shared", "corpus"));
        var sources = new[] { "macro", "kdoc" }
            .Select(d => Path.Combine(corpus, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d))
            .Where(SpecFileName)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (sources.Count == 0)
        {
            Console.WriteLine($"cli: skipped: no corpus specs under {corpus}/macro or {corpus}/kdoc.");
            return 0;
        }

        string work = Path.Combine(Path.GetTempPath(), $"kapi-cli-bench-{Environment.ProcessId}");
        try
        {
            string specs = Path.Combine(work, "specs");
            string empty = Path.Combine(work, "empty");
            Directory.CreateDirectory(empty);
            var (files, bytes) = BuildFolder(sources, specs, (long)(megabytes * 1e6));

            var programs = new List<(string Name, string[] Command)>();
            foreach (var cli in clis.DefaultIfEmpty("shipped"))
            {
                programs.Add(cli == "shipped"
                    ? ("shipped (dotnet pack + dotnet tool install)", new[] { InstallShipped(work) })
                    : (cli, cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new[] { "dotnet", Path.GetFullPath(cli) } : new[] { Path.GetFullPath(cli) }));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cli: kapi check over {files:N0} files, {bytes / 1e6:F2} MB (copies of {sources.Count} corpus specs); {Environment.ProcessorCount} cores; "
                + $"{runs} rounds after a warm-up run of each; load average {LoadAverage()}"));
            for (int p = 0; p < programs.Count; p++) Console.WriteLine($"  [{p}] {programs[p].Name}: {string.Join(' ', programs[p].Command)}");

            // warm-up: page cache, the programs' own files; the outputs compared
            string? reference = null;
            for (int p = 0; p < programs.Count; p++)
            {
                var full = Execute(programs[p].Command, specs);
                var none = Execute(programs[p].Command, empty);
                Console.WriteLine($"  [{p}] says: {LastLine(full.Stdout)} (exit {full.ExitCode}); on the empty folder: {LastLine(none.Stdout)} (exit {none.ExitCode})");
                reference ??= full.Stdout;
                if (full.Stdout != reference) Console.WriteLine($"  [{p}] OUTPUT DIFFERS from [0]'s");
            }

            var fullRuns = programs.Select(_ => new List<TimedProcess>()).ToArray();
            var emptyRuns = programs.Select(_ => new List<TimedProcess>()).ToArray();
            for (int round = 0; round < runs; round++)
            {
                // 2 × programs measurements per round, the starting one rotating
                int count = 2 * programs.Count;
                for (int k = 0; k < count; k++)
                {
                    int m = (k + round) % count;
                    int p = m / 2;
                    if (m % 2 == 0) fullRuns[p].Add(Execute(programs[p].Command, specs));
                    else emptyRuns[p].Add(Execute(programs[p].Command, empty));
                }
                Console.WriteLine("  round " + (round + 1) + ": " + string.Join(", ", programs.Select((_, p) => string.Create(CultureInfo.InvariantCulture,
                    $"[{p}] {fullRuns[p][^1].WallMs:F0} ms (empty {emptyRuns[p][^1].WallMs:F0} ms)"))));
            }

            Console.WriteLine();
            Console.WriteLine($"load average at the end: {LoadAverage()}");
            Console.WriteLine("| CLI | wall, median (IQR) | CPU, median | empty folder: wall (IQR) | MB/s end to end, start-up subtracted (IQR) | MB/s with start-up (IQR) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            for (int p = 0; p < programs.Count; p++)
            {
                var wall = fullRuns[p].Select(t => t.WallMs).ToList();
                var cpu = fullRuns[p].Select(t => t.CpuMs).ToList();
                var start = emptyRuns[p].Select(t => t.WallMs).ToList();
                // per round: the run minus that round's empty-folder run
                var net = fullRuns[p].Zip(emptyRuns[p], (f, e) => bytes / 1e6 / (Math.Max(f.WallMs - e.WallMs, 1) / 1000)).ToList();
                var gross = wall.Select(w => bytes / 1e6 / (w / 1000)).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| [{p}] {programs[p].Name} | {Summary(wall, "F0")} ms | {Statistics.Median(cpu):F0} ms | {Summary(start, "F0")} ms | {Summary(net, "F1")} | {Summary(gross, "F1")} |"));
            }
            Console.WriteLine();
            Console.WriteLine("MB/s end to end = MB / (wall of the run - wall of that round's empty-folder run), median over rounds; target >= 60 MB/s.");
            InProcess(specs, bytes, passes: 7);
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// In process, for comparison: every file of the folder read, decoded and bound (<see cref="KapiDocument.Bind(string, string, KapiParseOptions?)"/>
    /// with the options for its path, as <c>kapi check</c> does) on one thread, <paramref name="passes"/> times; the
    /// median wall and process CPU time of the passes after the first two (warm, tiered up).
    /// </summary>
    private static void InProcess(string folder, long bytes, int passes)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var walls = new List<double>();
        var cpus = new List<double>();
        for (int pass = 0; pass < passes; pass++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var file in files) KapiDocument.Bind(File.ReadAllText(file), file, KapiParseOptions.ForPath(file));
            sw.Stop();
            if (pass < 2) continue;
            walls.Add(sw.Elapsed.TotalMilliseconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        double wall = Statistics.Median(walls), cpu = Statistics.Median(cpus);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"In process, one thread (read + decode + parse + bind, median of passes 3-{passes}): {wall:F0} ms wall = {bytes / 1e6 / (wall / 1000):F1} MB/s; "
            + $"{cpu:F0} ms CPU = {bytes / 1e6 / (cpu / 1000):F1} MB/s per CPU-second; load average {LoadAverage()}"));
    }

    private static bool SpecFileName(string path) =>
        path.EndsWith(".kapi", StringComparison.Ordinal) || path.EndsWith(".kdoc", StringComparison.Ordinal)
        || path.EndsWith(".c", StringComparison.Ordinal) || path.EndsWith(".h", StringComparison.Ordinal);

    /// <summary>Copies of the source files, one subfolder per copy, until <paramref name="target"/> bytes.</summary>
    private static (int Files, long Bytes) BuildFolder(List<string> sources, string folder, long target)
    {
        int files = 0;
        long bytes = 0;
        for (int copy = 0; bytes < target; copy++)
        {
            string dir = Path.Combine(folder, copy.ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            foreach (var source in sources)
            {
                if (bytes >= target) break;
                string destination = Path.Combine(dir, Path.GetFileName(source));
                File.Copy(source, destination);
                bytes += new FileInfo(destination).Length;
                files++;
            }
        }
        return (files, bytes);
    }

    /// <summary>
    /// Packs src/Kapi.Cli as the tool package and installs it with <c>dotnet tool install --tool-path</c>; the path of
    /// the installed command.
    /// </summary>
    internal static string InstallShipped(string work)
    {
        string feed = Path.Combine(work, "feed"), tools = Path.Combine(work, "tools"), packages = Path.Combine(work, "packages");
        string project = Path.Combine(BenchmarkInputs.RepoRoot, "src", "Kapi.Cli");
        RunTool("dotnet", BenchmarkInputs.RepoRoot, null, "pack", project, "-c", "Release", "-o", feed, "-nologo", "-v:q");
        var package = Directory.GetFiles(feed, "Kapi.Cli.*.nupkg").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n!.Length).First()!;
        string version = package["Kapi.Cli.".Length..];
        // a private package folder: a cached Kapi.Cli of the same version must not be installed instead
        RunTool("dotnet", work, packages, "tool", "install", "--tool-path", tools, "--add-source", feed, "Kapi.Cli", "--version", version);
        return Path.Combine(tools, "kapi");
    }

    private static TimedProcess Execute(string[] command, string folder) => TimedProcess.Run([.. command, "check", folder]);

    private static void RunTool(string program, string workingDirectory, string? nugetPackages, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (nugetPackages is not null) psi.Environment["NUGET_PACKAGES"] = nugetPackages;
        using var process = Process.Start(psi)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed with exit code {process.ExitCode}");
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Summary(List<double> values, string format) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Statistics.Median(values).ToString(format, CultureInfo.InvariantCulture)} ({Statistics.Quantile(values, 0.25).ToString(format, CultureInfo.InvariantCulture)}–{Statistics.Quantile(values, 0.75).ToString(format, CultureInfo.InvariantCulture)})");
}
