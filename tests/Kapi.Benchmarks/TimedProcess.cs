using System.Diagnostics;

namespace Kapi.Benchmarks;

/// <summary>One run of a program as a child process: wall time, the CPU time of the children, exit code and output.</summary>
internal sealed record TimedProcess(double WallMs, double CpuMs, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <paramref name="command"/> (the program, then its arguments) to the end.</summary>
    public static TimedProcess Run(IReadOnlyList<string> command)
    {
        var psi = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        double cpuBefore = RealBuildBenchmark.ChildrenCpuMs();
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        sw.Stop();
        return new TimedProcess(sw.Elapsed.TotalMilliseconds, RealBuildBenchmark.ChildrenCpuMs() - cpuBefore, process.ExitCode, stdout, stderr.Result);
    }
}
