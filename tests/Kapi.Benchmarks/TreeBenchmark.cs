using System.Diagnostics;
using System.Globalization;

namespace Kapi.Benchmarks;

/// <summary>
/// <c>-- tree [TREE] [RUNS]</c>: <c>kapi --source TREE</c> with our CLI (as it ships: packed and installed with `dotnet tool install`, a real process) against
/// upstream's <c>tools/kapi</c> (PATCH v4, built with cargo) on the same kernel tree, warm page cache, RUNS rounds
/// (default 5), the two tools alternating which goes first. Reports wall time and CPU time (user + system, from the
/// children's rusage) per tool, files/s and MB/s over the .c/.h files of the tree, and our/upstream ratios: of the
/// medians and the median of the per-round ratios. Nothing is asserted.
/// </summary>
/// <remarks>
/// The tree: TREE, else <c>KAPI_LINUX_TREE</c>, else /work/linux/linux-source-6.1. Upstream's tool: the binary
/// <c>KAPI_UPSTREAM_KAPI</c>, else the cargo project <c>KAPI_UPSTREAM_KAPI_DIR</c> (default
/// <c>~/.cache/kapi/upstream-kapi/tools/kapi</c>, which <c>tests/Kapi.Benchmarks/upstream-kapi.sh</c> prepares from
/// the series' patch mail), built here with <c>cargo build --release --offline</c>. Without a tree, cargo or the
/// upstream sources the benchmark says why and stops.
/// </remarks>
internal static class TreeBenchmark
{

    public static int Run(string? treeArgument, int runs)
    {
        string tree = treeArgument
            ?? (Environment.GetEnvironmentVariable("KAPI_LINUX_TREE") is { Length: > 0 } env ? env : "/work/linux/linux-source-6.1");
        if (!Directory.Exists(tree))
        {
            Console.WriteLine($"tree: skipped: no kernel tree at {tree} (pass a path, set KAPI_LINUX_TREE, or extract Debian's "
                + "linux-source-6.1 from /usr/src/linux-source-6.1.tar.xz; .ci/run does so into ~/.cache/kapi).");
            return 0;
        }
        string? upstream = UpstreamTool(out string? why);
        if (upstream is null)
        {
            Console.WriteLine("tree: skipped: " + why);
            return 0;
        }
        // ours as it ships: packed and installed as a tool (on linux-x64 the native Kapi.Cli.linux-x64)
        string work = Path.Combine(Path.GetTempPath(), $"kapi-tree-bench-{Environment.ProcessId}");
        try
        {
            return Run(tree, upstream, CliBenchmark.InstallShipped(work), runs);
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

    private static int Run(string tree, string upstream, string ours, int runs)
    {

        var (files, bytes) = CountInputs(tree);
        Console.WriteLine($"tree: {tree}: {files:N0} .c/.h files, {bytes / 1e6:N0} MB; {Environment.ProcessorCount} cores; {runs} rounds after a warm-up run of each");
        Console.WriteLine($"  ours:     {ours}");
        Console.WriteLine($"  upstream: {upstream}");

        // warm the page cache and both programs' files
        var warmOurs = Execute(ours, tree);
        var warmUpstream = Execute(upstream, tree);
        Console.WriteLine($"  ours says:     {LastLine(warmOurs.Stdout)} (exit {warmOurs.ExitCode}, {Lines(warmOurs.Stderr)} line(s) on stderr)");
        Console.WriteLine($"  upstream says: {LastLine(warmUpstream.Stdout)} (exit {warmUpstream.ExitCode}, {Lines(warmUpstream.Stderr)} line(s) on stderr)"
            + SpecNames(warmUpstream.Stdout));

        var o = new List<TimedProcess>();
        var u = new List<TimedProcess>();
        for (int round = 0; round < runs; round++)
        {
            if (round % 2 == 0)
            {
                o.Add(Execute(ours, tree));
                u.Add(Execute(upstream, tree));
            }
            else
            {
                u.Add(Execute(upstream, tree));
                o.Add(Execute(ours, tree));
            }
            Console.WriteLine($"  round {round + 1}: ours {o[^1].WallMs:F0} ms wall / {o[^1].CpuMs:F0} ms CPU, upstream {u[^1].WallMs:F0} ms wall / {u[^1].CpuMs:F0} ms CPU");
        }

        double ow = Statistics.Median(o.Select(r => r.WallMs).ToList()), uw = Statistics.Median(u.Select(r => r.WallMs).ToList());
        double oc = Statistics.Median(o.Select(r => r.CpuMs).ToList()), uc = Statistics.Median(u.Select(r => r.CpuMs).ToList());
        double pairedWall = Statistics.Median(o.Zip(u, (a, b) => a.WallMs / b.WallMs).ToList());
        double pairedCpu = Statistics.Median(o.Zip(u, (a, b) => a.CpuMs / b.CpuMs).ToList());
        Console.WriteLine();
        Console.WriteLine("| tool | median wall | median CPU (user+sys) | files/s | MB/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Row("kapi (ours, the shipped tool)", ow, oc, files, bytes));
        Console.WriteLine(Row("upstream tools/kapi (PATCH v4)", uw, uc, files, bytes));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio ours/upstream: wall {ow / uw:F2}x (paired {pairedWall:F2}x), CPU {oc / uc:F2}x (paired {pairedCpu:F2}x); target wall <= 1.20x"));
        return 0;
    }

    private static string Row(string name, double wallMs, double cpuMs, long files, long bytes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {wallMs / 1000:F2} s | {cpuMs / 1000:F2} s | {files / (wallMs / 1000):N0} | {bytes / 1e6 / (wallMs / 1000):N0} |");

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The names upstream lists (indented lines of its list), when there are a few.</summary>
    private static string SpecNames(string stdout)
    {
        var names = stdout.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        return names.Count is > 0 and <= 10 ? $"; lists {string.Join(", ", names)}" : "";
    }

    /// <summary>The .c and .h files of the tree and their bytes, as both tools read them (directory symlinks not followed).</summary>
    private static (long Files, long Bytes) CountInputs(string tree)
    {
        long files = 0, bytes = 0;
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(tree));
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true };
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos("*", options))
            {
                if (entry is DirectoryInfo d)
                {
                    if ((d.Attributes & FileAttributes.ReparsePoint) == 0) pending.Push(d);
                }
                else if (entry.Name.EndsWith(".c", StringComparison.Ordinal) || entry.Name.EndsWith(".h", StringComparison.Ordinal))
                {
                    files++;
                    try
                    {
                        bytes += new FileInfo(entry.FullName).Length;
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }
        return (files, bytes);
    }

    private static TimedProcess Execute(string program, string tree) => TimedProcess.Run([program, "--source", tree]);

    /// <summary>Upstream's binary, built when needed; null with the reason when it cannot be had.</summary>
    private static string? UpstreamTool(out string? why)
    {
        why = null;
        if (Environment.GetEnvironmentVariable("KAPI_UPSTREAM_KAPI") is { Length: > 0 } binary)
        {
            if (File.Exists(binary)) return binary;
            why = $"KAPI_UPSTREAM_KAPI={binary} does not exist.";
            return null;
        }
        string dir = Environment.GetEnvironmentVariable("KAPI_UPSTREAM_KAPI_DIR") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "kapi", "upstream-kapi", "tools", "kapi");
        string? cargo = FindCargo();
        if (cargo is null)
        {
            why = "cargo is not installed (upstream's tools/kapi is a Rust program); install a Rust toolchain or set KAPI_UPSTREAM_KAPI to a built binary.";
            return null;
        }
        if (!File.Exists(Path.Combine(dir, "Cargo.toml")))
        {
            why = $"upstream's tools/kapi sources are not at {dir}: run tests/Kapi.Benchmarks/upstream-kapi.sh (it rebuilds them from the "
                + "PATCH v4 mail and Debian's Rust crates), or set KAPI_UPSTREAM_KAPI_DIR or KAPI_UPSTREAM_KAPI.";
            return null;
        }
        RunTool(cargo, dir, "build", "--release", "--offline", "--quiet");
        return Path.Combine(dir, "target", "release", "kapi");
    }

    private static string? FindCargo()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "cargo"))
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo", "bin", "cargo"));
        return candidates.FirstOrDefault(File.Exists);
    }

    private static void RunTool(string program, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed with exit code {process.ExitCode}");
    }
}
