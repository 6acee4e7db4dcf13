using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Kapi.Testing.Lsp;

/// <summary>
/// Where csharp-ls (the Roslyn-based language server, a dotnet tool) is: <c>KAPI_CSHARP_LS</c> (the executable), else
/// the repository's local tool path <c>.tools/csharp-ls/</c> (where <c>.ci/run</c> installs it), installed there on
/// first use when missing (<c>dotnet tool install --tool-path</c>). When that fails, <see cref="Availability.Reason"/>
/// says why, for a visible skip.
/// </summary>
public static class CSharpLs
{
    public const string Version = "0.28.0";

    public sealed record Availability(string? Executable, string Reason)
    {
        public bool Available => Executable is not null;
    }

    private static readonly object s_gate = new();
    private static Availability? s_found;

    public static string ToolPath(string repositoryRoot) => Path.Combine(repositoryRoot, ".tools", "csharp-ls");

    public static Availability Find(string repositoryRoot, bool installIfMissing = true)
    {
        lock (s_gate)
        {
            return s_found ??= Locate(repositoryRoot, installIfMissing);
        }
    }

    private static Availability Locate(string repositoryRoot, bool installIfMissing)
    {
        if (Environment.GetEnvironmentVariable("KAPI_CSHARP_LS") is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath)
                ? new Availability(explicitPath, "KAPI_CSHARP_LS")
                : new Availability(null, $"KAPI_CSHARP_LS names {explicitPath}, which does not exist");
        }
        string toolPath = ToolPath(repositoryRoot);
        string executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (File.Exists(executable)) return new Availability(executable, toolPath);
        if (!installIfMissing) return new Availability(null, $"csharp-ls is not installed in {toolPath}");

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repositoryRoot,
        };
        foreach (var a in new[] { "tool", "install", "--tool-path", toolPath, "csharp-ls", "--version", Version }) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return new Availability(null, $"`dotnet tool install --tool-path {toolPath} csharp-ls --version {Version}` did not finish within 5 minutes");
            }
            Task.WaitAll(stdout, stderr);
            if (process.ExitCode == 0 && File.Exists(executable)) return new Availability(executable, toolPath);
            return new Availability(null, $"csharp-ls {Version} could not be installed (`dotnet tool install --tool-path {toolPath} csharp-ls --version {Version}` exited {process.ExitCode}): {(stdout.Result + stderr.Result).Trim()}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return new Availability(null, $"csharp-ls {Version} could not be installed: {e.Message}");
        }
    }
}
