using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Kapi.Testing.EndToEnd;

/// <summary>The outcome of a child process: exit code and everything it wrote (stdout, then stderr).</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output)
{
    public override string ToString() =>
        $"$ {CommandLine}\n  (in {WorkingDirectory}, exit code {ExitCode})\n{Output}";
}

/// <summary>
/// Runs child processes (dotnet, the installed kapi tool) with a timeout, a clean environment and captured output.
/// A child that outlives its timeout is killed with its whole process tree and the test fails with its output.
/// </summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);

        // The test host runs under dotnet test: its MSBuild variables would point the child builds at the wrong SDK
        // state (MSBuildExtensionsPath, MSBUILD_EXE_PATH, ...). Start from the machine's environment without them.
        foreach (var key in info.Environment.Keys
                     .Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                                 || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                     .ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        // Leave nothing running behind: no MSBuild worker nodes, no compiler server (it would also keep the
        // temporary feed's analyzer assemblies loaded).
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment)
        {
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }

        string commandLine = fileName + " " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + commandLine);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // exited between the timeout and the kill
            }
            process.WaitForExit();
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s:\n"
                + new ProcessResult(commandLine, workingDirectory, -1, stdout.Result + stderr.Result));
        }
        process.WaitForExit(); // flushes the redirected streams
        return new ProcessResult(commandLine, workingDirectory, process.ExitCode, stdout.Result + stderr.Result);
    }
}
