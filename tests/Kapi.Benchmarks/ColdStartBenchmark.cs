using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kapi.Benchmarks;

/// <summary>
/// The analyzers' cold start: what <c>KapiFlagsAnalyzer</c> and <c>KapiSpecFileAnalyzer</c> cost in a fresh compiler
/// process, where nothing of Kapi is loaded or JIT-compiled yet. A one-file consumer project with one <c>mlockall</c>
/// call (its own <c>[DllImport]</c>, checked against the built-in spec library; no <c>kapi/</c> folder) is built by real
/// <c>dotnet build</c>s with <c>UseSharedCompilation=false</c> (a new csc process per build) and
/// <c>ReportAnalyzer=true</c>; each analyzer's execution time is read from the report, and the median over the runs is
/// reported. Run by <c>-- coldstart [runs] [dir]</c>.
/// </summary>
/// <remarks>
/// The components are referenced as the package ships them (Kapi.Syntax, Kapi.Model, Kapi.Generators and
/// Kapi.Analyzers as <c>Analyzer</c> items, build/Kapi.props and Kapi.targets imported) from <c>dir</c>, by default the
/// folder of this benchmark (the same build), so another build of the analyzers (an older commit's, for a before/after
/// comparison) can be measured by passing its output folder. Referencing the files directly keeps NuGet's global cache
/// out of it: no stale package can be served. The source file is touched before each build so that CoreCompile runs;
/// the first build (with the restore) is a warm-up and is not counted.
/// </remarks>
internal static partial class ColdStartBenchmark
{
    /// <param name="FlagsMs">KapiFlagsAnalyzer's execution time per build.</param>
    /// <param name="SpecFileMs">KapiSpecFileAnalyzer's execution time per build.</param>
    /// <param name="AllAnalyzersMs">Every analyzer's execution time per build (the SDK's included).</param>
    /// <param name="LoadAverages">The 1-minute load average before each build.</param>
    /// <param name="GeneratorMs">KapiGenerator's execution time per build.</param>
    /// <param name="Specs">How many .kapi files the project's kapi/ folder held (0: none, as by default).</param>
    internal sealed record Result(string AnalyzerDirectory, List<double> FlagsMs, List<double> SpecFileMs, List<double> AllAnalyzersMs, List<double> GeneratorMs, int Specs, List<string> LoadAverages)
    {
        public double MedianGeneratorMs => Statistics.Median(GeneratorMs);

        public double MedianFlagsMs => Statistics.Median(FlagsMs);

        public double MedianSpecFileMs => Statistics.Median(SpecFileMs);

        public double MedianAllAnalyzersMs => Statistics.Median(AllAnalyzersMs);
    }

    /// <param name="runs">Builds to measure (after one warm-up build).</param>
    /// <param name="analyzerDirectory">The folder of the Kapi assemblies (default: this benchmark's own).</param>
    /// <param name="withSpecs">Copy this repository's kapi/ specs into the project's kapi/ folder and call a generated
    /// binding, so that the generator binds specs and emits code (what a project with its own specs pays).</param>
    public static Result Run(int runs, string? analyzerDirectory = null, bool withSpecs = false)
    {
        string bin = Path.GetFullPath(analyzerDirectory ?? AppContext.BaseDirectory);
        foreach (var dll in Components)
        {
            if (!File.Exists(Path.Combine(bin, dll))) throw new FileNotFoundException($"{dll} not found in {bin}", Path.Combine(bin, dll));
        }
        string dir = Path.Combine(Path.GetTempPath(), "kapi-coldstart-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            WriteProject(dir, bin);
            int specs = withSpecs ? CopySpecs(dir) : 0;
            Build(dir, restore: true);
            var generator = new List<double>();
            var flags = new List<double>();
            var specFile = new List<double>();
            var all = new List<double>();
            var loads = new List<string>();
            for (int i = 0; i < runs; i++)
            {
                loads.Add(RunContext.LoadAverage().Split(' ')[0]);
                var r = Build(dir, restore: false);
                flags.Add(r.FlagsMs);
                specFile.Add(r.SpecFileMs);
                all.Add(r.AllMs);
                generator.Add(r.GeneratorMs);
            }
            return new Result(bin, flags, specFile, all, generator, specs, loads);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public static void Print(Result r)
    {
        static string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)));
        Console.WriteLine($"Analyzers from {r.AnalyzerDirectory}; {r.FlagsMs.Count} fresh csc processes (UseSharedCompilation=false, ReportAnalyzer=true)");
        Console.WriteLine($"KapiFlagsAnalyzer:    median {r.MedianFlagsMs:F1} ms  (runs: {List(r.FlagsMs)})");
        Console.WriteLine($"KapiSpecFileAnalyzer: median {r.MedianSpecFileMs:F1} ms  (runs: {List(r.SpecFileMs)})");
        Console.WriteLine($"All analyzers:        median {r.MedianAllAnalyzersMs:F0} ms  (runs: {List(r.AllAnalyzersMs)})");
        Console.WriteLine($"KapiGenerator:        median {r.MedianGeneratorMs:F1} ms  (runs: {List(r.GeneratorMs)}; {r.Specs} specs in kapi/)");
        Console.WriteLine($"Load average (1 min) before the builds: {string.Join(", ", r.LoadAverages)} on {Environment.ProcessorCount} cores");
    }

    private static readonly string[] Components = { "Kapi.Syntax.dll", "Kapi.Model.dll", "Kapi.Generators.dll", "Kapi.Analyzers.dll" };

    private sealed record BuildResult(double FlagsMs, double SpecFileMs, double AllMs, double GeneratorMs);

    private static BuildResult Build(string dir, bool restore)
    {
        File.SetLastWriteTimeUtc(Path.Combine(dir, "Program.cs"), DateTime.UtcNow);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "build", "-c", "Release", "-nologo", "-v:d", "-p:UseSharedCompilation=false", "-p:ReportAnalyzer=true" })
        {
            psi.ArgumentList.Add(a);
        }
        if (!restore) psi.ArgumentList.Add("--no-restore");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of the cold-start project failed ({process.ExitCode}):\n{RealBuildBenchmark.Tail(output)}\n{stderr.Result}");
        }
        var total = RealBuildBenchmark.TotalAnalyzerTime().Match(output);
        if (!total.Success) throw new InvalidOperationException("No ReportAnalyzer output in the build log:\n" + RealBuildBenchmark.Tail(output));
        var generator = GeneratorLine().Match(output);
        if (!generator.Success) throw new InvalidOperationException("Kapi.Generators.KapiGenerator is not in the ReportAnalyzer output:\n" + RealBuildBenchmark.Tail(output));
        return new BuildResult(AnalyzerMs(output, "Kapi.Analyzers.KapiFlagsAnalyzer"), AnalyzerMs(output, "Kapi.Analyzers.KapiSpecFileAnalyzer"),
            double.Parse(total.Groups["s"].Value, CultureInfo.InvariantCulture) * 1000,
            generator.Groups["s"].Value.StartsWith('<') ? 0 : double.Parse(generator.Groups["s"].Value, CultureInfo.InvariantCulture) * 1000);
    }

    /// <summary>
    /// One analyzer's line of the report ("   0.123   12      Kapi.Analyzers.KapiFlagsAnalyzer (KAPI2001, …)"): seconds
    /// ("&lt;0.001" counts as 0), the share of the total, the analyzer's name.
    /// </summary>
    private static double AnalyzerMs(string output, string analyzer)
    {
        foreach (Match m in AnalyzerLine().Matches(output))
        {
            if (m.Groups["name"].Value != analyzer) continue;
            string seconds = m.Groups["s"].Value;
            return seconds.StartsWith('<') ? 0 : double.Parse(seconds, CultureInfo.InvariantCulture) * 1000;
        }
        throw new InvalidOperationException($"{analyzer} is not in the ReportAnalyzer output:\n" + RealBuildBenchmark.Tail(output));
    }

    /// <summary>Writes the project into <paramref name="dir"/>, with the components from <paramref name="bin"/>.</summary>
    internal static void WriteProject(string dir, string bin)
    {
        Directory.CreateDirectory(dir);
        string build = Path.Combine(BenchmarkInputs.RepoRoot, "src", "Kapi.Package", "build");
        WriteProgram(dir, "mlockall(8)");
        File.WriteAllText(Path.Combine(dir, "ColdStart.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(build, "Kapi.props")}" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <!-- the call is invalid on purpose (KAPI2001): a warning, not an error -->
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                {string.Join("\n    ", Components.Select(c => $"<Analyzer Include=\"{Path.Combine(bin, c)}\" />"))}
              </ItemGroup>
              <Import Project="{Path.Combine(build, "Kapi.targets")}" />
            </Project>
            """);
        // the project must not inherit this repository's Directory.Build.* or package pins
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
    }

    [GeneratedRegex(@"^\s*(?<s>\d+(?:\.\d+)?|<0\.001)\s+(?:\d+|<1)\s+(?<name>[A-Za-z][\w.]*)\s+\(", RegexOptions.Multiline)]
    private static partial Regex AnalyzerLine();

    // The generator's line of the report's generator table ("   0.322   31      Kapi.Generators.KapiGenerator").
    [GeneratedRegex(@"^\s*(?<s>\d+(?:\.\d+)?|<0\.001)\s+(?:\d+|<1)\s+Kapi\.Generators\.KapiGenerator\s*$", RegexOptions.Multiline)]
    private static partial Regex GeneratorLine();

    /// <summary>Program.cs: the project's own mlockall P/Invoke and a Main returning <paramref name="body"/>.</summary>
    private static void WriteProgram(string dir, string body) =>
        File.WriteAllText(Path.Combine(dir, "Program.cs"), $$"""
            using System.Runtime.InteropServices;

            internal static class Program
            {
                [DllImport("libc", SetLastError = true)]
                private static extern int mlockall(int flags);

                private static int Main() => {{body}};
            }

            """);

    /// <summary>
    /// Copies this repository's kapi/ specs into the project's kapi/ folder and makes Program.cs call a generated
    /// binding too (Syscalls.Munlockall, valid everywhere); returns how many specs were copied.
    /// </summary>
    private static int CopySpecs(string dir)
    {
        string source = Path.Combine(BenchmarkInputs.RepoRoot, "kapi");
        int count = 0;
        foreach (string file in Directory.EnumerateFiles(source, "*.kapi", SearchOption.AllDirectories))
        {
            string target = Path.Combine(dir, "kapi", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }
        WriteProgram(dir, "mlockall(8) + Kapi.Generated.Syscalls.Munlockall().Errno");
        return count;
    }
}
