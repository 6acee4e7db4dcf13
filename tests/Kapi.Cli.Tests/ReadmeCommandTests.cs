using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Cli.Tests;

/// <summary>Every `kapi …` command shown in README's CLI section runs and exits 0, so the README cannot rot.</summary>
public sealed class ReadmeCommandTests
{
    private readonly ITestOutputHelper _output;

    public ReadmeCommandTests(ITestOutputHelper output) => _output = output;

    /// <summary>The commands that need only the repository.</summary>
    public static IEnumerable<object[]> Commands() => AllCommands().Where(c => !((string)c[0]).Contains(SharedPrefix, StringComparison.Ordinal));

    /// <summary>The commands that read the shared corpus beside the repository (skipped, with the reason, when it is absent).</summary>
    public static IEnumerable<object[]> CorpusCommands()
    {
        var commands = AllCommands().Where(c => ((string)c[0]).Contains(SharedPrefix, StringComparison.Ordinal)).ToList();
        return commands.Count > 0 ? commands : new[] { new object[] { "(none)" } };
    }

    private const string SharedPrefix = "../shared/";

    private static IEnumerable<object[]> AllCommands()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        int section = readme.IndexOf("## The `kapi` CLI", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no CLI section");
        int start = readme.IndexOf("```sh", section, StringComparison.Ordinal);
        int end = readme.IndexOf("```", start + 5, StringComparison.Ordinal);
        foreach (var raw in readme.Substring(start + 5, end - start - 5).Split('\n'))
        {
            string line = raw.Contains('#') ? raw.Substring(0, raw.IndexOf('#')) : raw;
            line = line.Trim();
            if (line.StartsWith("kapi ", StringComparison.Ordinal)) yield return new object[] { line };
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Readme_command_runs(string command) => Run(command);

    [CorpusTheory]
    [MemberData(nameof(CorpusCommands))]
    public void Readme_corpus_command_runs(string command)
    {
        Assert.NotEqual("(none)", command);
        Run(command);
    }

    private void Run(string command)
    {
        string root = RepoRoot();
        // paths in README are relative to the repository root
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(a => a == "kapi" ? Path.Combine(root, "kapi") : a.StartsWith(SharedPrefix, StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(root, a)) : a).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = KapiCli.Run(args, stdout, stderr);
        _output.WriteLine(stdout.ToString());
        _output.WriteLine(stderr.ToString());
        Assert.Equal(0, exit);
        Assert.NotEmpty(stdout.ToString());
    }

    [Fact]
    public void Readme_shows_the_commands()
    {
        var commands = Commands().Select(c => (string)c[0]).ToList();
        Assert.Contains(commands, c => c.StartsWith("kapi check", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("kapi conform", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("-f json", StringComparison.Ordinal));
    }

    private static string RepoRoot() => RepositoryPaths.Root;
}
