using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kapi.Benchmarks;

/// <summary>
/// The analyzer project (<see cref="AnalyzerProject"/>: 10,000 mlockall calls in 200 files) built by a real
/// <c>dotnet build</c> on disk, the way a user builds it: the SDK's default analyzers on, the Kapi generator always
/// (the calls use its bindings), and the Kapi analyzers in one variant and not in the other. Compared: the <c>Csc</c>
/// task time (MSBuild's performance summary) and the CPU time of the compile, in paired builds without
/// <c>-p:ReportAnalyzer</c>; then, in three more builds with it, the analyzers' execution time it prints.
/// </summary>
/// <remarks>
/// Not a BenchmarkDotNet benchmark: each build is a separate process tree. Builds alternate between the variants
/// (which one goes first alternates too) after warm-up builds of each; a source file is touched before each build
/// so that <c>CoreCompile</c> runs. Two ways csc runs: through the compiler server (<c>UseSharedCompilation=true</c>,
/// the SDK's default, what a developer's repeated builds use: Roslyn and the analyzers stay loaded and JIT-compiled),
/// or as a new csc process per build (<c>UseSharedCompilation=false</c>, as this machine's environment sets it, and
/// as many CI systems build: everything, the analyzers included, is loaded and JIT-compiled again every time).
/// Run by <c>-- full</c> after the BenchmarkDotNet suite and by <c>-- trace realbuild [n]</c>.
/// </remarks>
internal static partial class RealBuildBenchmark
{
    /// <summary>The configurations measured: (KapiTargetArchitectures, UseSharedCompilation).</summary>
    public static IReadOnlyList<(string? Architectures, bool Shared)> Configurations { get; } = new (string?, bool)[]
    {
        (null, true),
        ("x64", true),
        (null, false),
        ("x64", false),
    };

    /// <param name="CpuWithoutMs">Median CPU time of the compile: the compiler server's (user + system) with the server,
    /// else the whole build process tree's (MSBuild and csc, from this process's children time).</param>
    internal sealed record Result(
        string? TargetArchitectures, bool SharedCompilation, double CscWithoutMs, double CscWithMs, PairedRatios.PairedRatio Paired,
        double CpuWithoutMs, double CpuWithMs, PairedRatios.PairedRatio? PairedCpu,
        double KapiAnalyzersMs, double AllAnalyzersMs, double CscReportedMs, int Rounds, string SdkAnalyzers,
        double BuildWithoutMs = 0, double BuildWithMs = 0, PairedRatios.PairedRatio? PairedBuild = null);

    /// <param name="rounds">Paired rounds (one build of each variant per round).</param>
    /// <param name="targetArchitectures">
    /// Null: an AnyCPU project, every Linux architecture is a candidate, and the analyzers report KAPI2003 on the
    /// own P/Invokes' architecture-dependent constants (3,300 warnings). "x64": <c>KapiTargetArchitectures=x64</c>,
    /// as an app built for linux-x64: only the 100 invalid calls are reported.
    /// </param>
    /// <param name="sharedCompilation">True: csc runs in the compiler server (warmed up first); false: a new csc process per build.</param>
    public static Result Run(int rounds, string? targetArchitectures = null, bool sharedCompilation = true)
    {
        string dir = Path.Combine(Path.GetTempPath(), "kapi-realbuild-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            WriteProject(dir);
            // restore (and a first compile of each variant: JIT and the compiler server warm up)
            Build(dir, withKapi: false, restore: true, targetArchitectures, sharedCompilation);
            // the compiler server needs a few builds to get Roslyn and the analyzers to tier-1 code
            for (int i = 0; i < (sharedCompilation ? 3 : 1); i++)
            {
                Build(dir, withKapi: true, restore: false, targetArchitectures, sharedCompilation);
                Build(dir, withKapi: false, restore: false, targetArchitectures, sharedCompilation);
            }

            var without = new List<BuildResult>();
            var with = new List<BuildResult>();
            var wallRatios = new List<double>();
            var cpuRatios = new List<double>();
            var buildRatios = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                // alternate which variant goes first
                BuildResult a, b;
                if (round % 2 == 0)
                {
                    a = Build(dir, withKapi: false, restore: false, targetArchitectures, sharedCompilation);
                    b = Build(dir, withKapi: true, restore: false, targetArchitectures, sharedCompilation);
                }
                else
                {
                    b = Build(dir, withKapi: true, restore: false, targetArchitectures, sharedCompilation);
                    a = Build(dir, withKapi: false, restore: false, targetArchitectures, sharedCompilation);
                }
                without.Add(a);
                with.Add(b);
                wallRatios.Add(b.CscMs / a.CscMs);
                if (a.CpuMs > 0 && b.CpuMs > 0) cpuRatios.Add(b.CpuMs / a.CpuMs);
                buildRatios.Add(b.BuildMs / a.BuildMs);
            }
            // ReportAnalyzer times every callback, which costs something itself: it is on only in these extra builds
            var reported = new List<BuildResult>();
            for (int i = 0; i < 3; i++)
            {
                reported.Add(Build(dir, withKapi: true, restore: false, targetArchitectures, sharedCompilation, reportAnalyzer: true));
            }
            static List<double> Cpu(IEnumerable<BuildResult> builds) => builds.Select(r => r.CpuMs).Where(ms => ms > 0).ToList();
            return new Result(
                targetArchitectures, sharedCompilation,
                Statistics.Median(without.Select(r => r.CscMs).ToList()), Statistics.Median(with.Select(r => r.CscMs).ToList()), PairedRatios.Summarize(wallRatios),
                Statistics.Median(Cpu(without)), Statistics.Median(Cpu(with)), cpuRatios.Count > 0 ? PairedRatios.Summarize(cpuRatios) : null,
                Statistics.Median(reported.Select(r => r.KapiMs).ToList()), Statistics.Median(reported.Select(r => r.AllAnalyzersMs).ToList()),
                Statistics.Median(reported.Select(r => r.CscMs).ToList()), rounds, reported[^1].AnalyzerAssemblies,
                Statistics.Median(without.Select(r => r.BuildMs).ToList()), Statistics.Median(with.Select(r => r.BuildMs).ToList()), PairedRatios.Summarize(buildRatios));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <param name="BuildMs">Wall time of the whole <c>dotnet build</c> process.</param>
    private sealed record BuildResult(double CscMs, double CpuMs, double KapiMs, double AllAnalyzersMs, string AnalyzerAssemblies, double BuildMs);

    private static BuildResult Build(string dir, bool withKapi, bool restore, string? targetArchitectures, bool sharedCompilation, bool reportAnalyzer = false)
    {
        File.SetLastWriteTimeUtc(Path.Combine(dir, "Calls000.cs"), DateTime.UtcNow);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "build", "-c", "Release", "-nologo", "-v:d", "-clp:PerformanceSummary",
            "-p:ReportAnalyzer=" + (reportAnalyzer ? "true" : "false"), "-p:WithKapiAnalyzers=" + (withKapi ? "true" : "false"),
            "-p:UseSharedCompilation=" + (sharedCompilation ? "true" : "false"),
        })
        {
            psi.ArgumentList.Add(a);
        }
        if (!restore) psi.ArgumentList.Add("--no-restore");
        if (targetArchitectures is not null) psi.ArgumentList.Add("-p:KapiTargetArchitectures=" + targetArchitectures);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["MSBUILDNOINPROCNODE"] = null;
        int? server = sharedCompilation ? FindCompilerServer() : null;
        double cpuBefore = server is int pidBefore ? ProcessCpuMs(pidBefore) : ChildrenCpuMs();
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double buildMs = wall.Elapsed.TotalMilliseconds;
        // the server CPU counts only when the same server ran the whole build (the first build starts it)
        double cpuMs = server is int pid
            ? (FindCompilerServer() == pid ? ProcessCpuMs(pid) - cpuBefore : 0)
            : (sharedCompilation ? 0 : ChildrenCpuMs() - cpuBefore);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of the real-build project failed ({process.ExitCode}):\n{Tail(output)}\n{stderr.Result}");
        }

        var csc = CscTask().Match(output);
        if (!csc.Success) throw new InvalidOperationException("No Csc line in the performance summary:\n" + Tail(output));
        double cscMs = double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture);

        // ReportAnalyzer: "Total analyzer execution time: 1.234 seconds." then one line per assembly and per analyzer:
        //   "   0.123   12  Kapi.Analyzers, Version=…" / "   0.120   12     Kapi.Analyzers.KapiFlagsAnalyzer (KAPI2001, …)"
        double all = 0;
        var total = TotalAnalyzerTime().Match(output);
        if (total.Success) all = double.Parse(total.Groups["s"].Value, CultureInfo.InvariantCulture) * 1000;
        double kapi = 0;
        var assemblies = new List<string>();
        foreach (Match m in AnalyzerAssemblyLine().Matches(output))
        {
            string name = m.Groups["name"].Value;
            if (name.StartsWith("Kapi.Analyzers", StringComparison.Ordinal))
            {
                string seconds = m.Groups["s"].Value;
                kapi += seconds.StartsWith('<') ? 0 : double.Parse(seconds, CultureInfo.InvariantCulture) * 1000;
            }
            else if (!assemblies.Contains(name))
            {
                assemblies.Add(name);
            }
        }
        return new BuildResult(cscMs, cpuMs, kapi, all, string.Join(", ", assemblies), buildMs);
    }

    /// <summary>Writes the project (also for profiling: <c>trace realbuild-project DIR</c>).</summary>
    internal static void WriteProject(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "kapi", "mm"));
        foreach (var spec in new[] { "mlockall.kapi", "munlockall.kapi" })
        {
            File.Copy(Path.Combine(BenchmarkInputs.RepoRoot, "kapi", "mm", spec), Path.Combine(dir, "kapi", "mm", spec), overwrite: true);
        }
        foreach (var (path, text) in AnalyzerProject.Files)
        {
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(path)), text);
        }
        // the components as the package ships them: the build files from src/Kapi.Package/build, the assemblies
        // next to this benchmark (the same Release build)
        string bin = AppContext.BaseDirectory;
        // KAPI_BENCH_ANALYZERS=DIR: the compiler assemblies from DIR instead of this build's IL, e.g. the package's
        // build/readytorun/linux-x64 copies, which a linux-x64 build of a package user gets
        string analyzers = Environment.GetEnvironmentVariable("KAPI_BENCH_ANALYZERS") is { Length: > 0 } chosen ? chosen : bin;
        string build = Path.Combine(BenchmarkInputs.RepoRoot, "src", "Kapi.Package", "build");
        const string tmds = "0.5.0"; // as Directory.Packages.props pins it
        File.WriteAllText(Path.Combine(dir, "RealBuild.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(build, "Kapi.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <!-- the warnings the analyzers report on purpose (1 call in 100 is invalid) must not fail the build;
                     they must not be suppressed either: an analyzer whose every diagnostic is off does not run -->
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Tmds.LibC" Version="{tmds}" />
                <Reference Include="Kapi.Runtime" HintPath="{Path.Combine(bin, "Kapi.Runtime.dll")}" />
                <Analyzer Include="{Path.Combine(analyzers, "Kapi.Syntax.dll")}" />
                <Analyzer Include="{Path.Combine(analyzers, "Kapi.Model.dll")}" />
                <Analyzer Include="{Path.Combine(analyzers, "Kapi.Generators.dll")}" />
              </ItemGroup>
              <ItemGroup Condition="'$(WithKapiAnalyzers)' == 'true'">
                <Analyzer Include="{Path.Combine(analyzers, "Kapi.Analyzers.dll")}" />
              </ItemGroup>
              <Import Project="{Path.Combine(build, "Kapi.targets")}" />
            </Project>
            """);
        // the real-build project must not inherit this repository's Directory.Build.* or package pins
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
    }

    // ---- CPU time from /proc (clock ticks of 10 ms) ----

    private static readonly double s_msPerTick = 1000.0 / 100;

    /// <summary>The running compiler server (VBCSCompiler), if any.</summary>
    private static int? FindCompilerServer()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            try
            {
                string cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmdline.Contains("VBCSCompiler", StringComparison.Ordinal)) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }

    /// <summary>utime + stime of a process.</summary>
    private static double ProcessCpuMs(int pid) => StatFields($"/proc/{pid}/stat", 11, 12);

    /// <summary>cutime + cstime of this process: the CPU of the children it has waited for (the builds, their MSBuild and csc).</summary>
    internal static double ChildrenCpuMs() => StatFields("/proc/self/stat", 13, 14);

    private static double StatFields(string path, int first, int second)
    {
        try
        {
            string stat = File.ReadAllText(path);
            // fields after "pid (comm) ": index 0 is field 3 (state); utime is field 14, cutime field 16
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[first], CultureInfo.InvariantCulture) + long.Parse(fields[second], CultureInfo.InvariantCulture)) * s_msPerTick;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    internal static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    [GeneratedRegex(@"^\s*(?<ms>\d+)\s+ms\s+Csc\s+\d+\s+calls", RegexOptions.Multiline)]
    private static partial Regex CscTask();

    [GeneratedRegex(@"Total analyzer execution time:\s*(?<s>[\d.]+)\s*seconds", RegexOptions.Multiline)]
    internal static partial Regex TotalAnalyzerTime();

    [GeneratedRegex(@"^\s*(?<s>\d+(?:\.\d+)?|<0\.001)\s+(?:\d+\s+)?(?<name>[A-Za-z][\w.]*), Version=", RegexOptions.Multiline)]
    private static partial Regex AnalyzerAssemblyLine();
}
