using System;
using System.IO;
using System.Text;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>The result of one in-process run of the CLI.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

public static class Cli
{
    /// <summary>Runs <c>kapi args…</c> in-process; fails the test if the CLI reported an internal error (an exception it caught).</summary>
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = KapiCli.Run(args, stdout, stderr);
        var result = new CliResult(code, stdout.ToString(), stderr.ToString());
        Assert.False(result.Stderr.Contains("internal error", StringComparison.Ordinal), result.ToString());
        return result;
    }
}

/// <summary>A temporary directory deleted at the end of the test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kapi-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
