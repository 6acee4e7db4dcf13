using System;
using System.IO;
using System.Linq;
using Kapi.Conformance;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>Subcommand help shows the subcommand's own arguments only; the conform table stays aligned.</summary>
public sealed class HelpAndTableTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = KapiCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + stderr);
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    [Fact]
    public void Conform_help_names_its_own_API_NAME_once_in_the_usage_and_once_in_the_arguments()
    {
        var (exit, help) = Run("conform", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Usage:\n  kapi conform [<API_NAME>] [options]\n", help, StringComparison.Ordinal);
        Assert.Equal(2, Count(help, "<API_NAME>"));
        Assert.Contains("<API_NAME>  Only this spec (sys_mlockall or mlockall)", help, StringComparison.Ordinal);
        // Not the root's argument (kapi --source PATH NAME prints a spec), nor the hidden --child.
        Assert.DoesNotContain("Show the full spec", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--child", help, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_help_shows_its_paths_and_the_root_help_keeps_API_NAME()
    {
        var (_, check) = Run("check", "--help");
        Assert.Contains("Usage:\n  kapi check <PATH>... [options]\n", check, StringComparison.Ordinal);
        Assert.DoesNotContain("API_NAME", check, StringComparison.Ordinal);

        var (exit, root) = Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains(" [<API_NAME>] [command] [options]", root, StringComparison.Ordinal); // after the program name (testhost here)
        Assert.Contains("Show the full spec of this API", root, StringComparison.Ordinal);
        Assert.Contains("--source <PATH>", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Conform_table_columns_stay_aligned_with_long_case_names()
    {
        var results = new[]
        {
            new ConformanceResult(new ConformanceCase("sys_mlockall", "flags", "MCL_CURRENT", 1, SpecAccepts: true), 0, ConformanceVerdict.Pass, null),
            new ConformanceResult(new ConformanceCase("sys_mlockall", "flags", string.Join(" | ", Enumerable.Repeat("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", 3)), 7, SpecAccepts: true), 0, ConformanceVerdict.Pass, null),
            new ConformanceResult(new ConformanceCase("sys_a_syscall_with_a_long_name", "x", "0", 0, SpecAccepts: false), 22, ConformanceVerdict.Pass, null),
        };
        var lines = ConformanceTable.Format(results).TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        // Each column starts at the same offset on every line: the header's.
        foreach (var column in new[] { "case", "expected", "actual", "verdict" })
        {
            int offset = lines[0].IndexOf(column, StringComparison.Ordinal);
            Assert.All(lines.Skip(2), l => Assert.True(l.Length > offset && l[offset] != ' ' && l[offset - 1] == ' ' && l[offset - 2] == ' ', $"column '{column}' at {offset} in:\n{string.Join('\n', lines)}"));
        }
        Assert.EndsWith("pass", lines[3], StringComparison.Ordinal);
    }
}
