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

public static class RepoPaths
{
    private static readonly Lazy<string?> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kapi.sln"))) return dir.FullName;
        }
        return null;
    });

    /// <summary>The folder holding Kapi.sln, found by walking up from the test assembly.</summary>
    public static string? Root => s_root.Value;

    /// <summary><c>&lt;root&gt;/../shared/corpus/macro</c>, or null when it is not there.</summary>
    public static string? Corpus
    {
        get
        {
            if (Root is null) return null;
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "macro"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    public static string CorpusFile(string name) => Path.Combine(Corpus ?? throw new InvalidOperationException("corpus absent"), name);
}

/// <summary>A test over the real spec corpus; reported as skipped (with the reason) when the corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (RepoPaths.Corpus is null)
        {
            Skip = RepoPaths.Root is null
                ? "Kapi.sln not found above the test assembly, so ../shared/corpus/macro cannot be located"
                : $"spec corpus not found at {Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "macro"))}";
        }
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
