using System;
using System.IO;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>
/// A whole kernel tree (Debian's linux-source-6.1: about 55,000 C files, 1.5 GB, no KAPI spec): <c>kapi --source</c>
/// and <c>kapi check</c> find no spec and report nothing. The tree is <c>KAPI_LINUX_TREE</c> (.ci/run extracts it
/// into a cache folder) or /work/linux/linux-source-6.1; without one the test is skipped with the reason. Nothing
/// here is timed: tests/Kapi.Benchmarks <c>tree</c> compares the speed with upstream's tool.
/// </summary>
public sealed class KernelTreeTests
{
    internal static string? Tree
    {
        get
        {
            var candidate = Environment.GetEnvironmentVariable("KAPI_LINUX_TREE") is { Length: > 0 } set ? set : "/work/linux/linux-source-6.1";
            return Directory.Exists(Path.Combine(candidate, "kernel")) ? candidate : null;
        }
    }

    public sealed class KernelTreeFactAttribute : FactAttribute
    {
        public KernelTreeFactAttribute()
        {
            if (Tree is null)
            {
                Skip = "No kernel tree: set KAPI_LINUX_TREE to an extracted linux source tree (.ci/run extracts Debian's "
                    + "linux-source-6.1 from /usr/src into a cache folder), or extract it to /work/linux/linux-source-6.1.";
            }
        }
    }

    [KernelTreeFact]
    public void Whole_tree_has_no_spec_and_no_diagnostic()
    {
        string tree = Tree!;
        var r = Cli.Run("--source", tree);
        Assert.True(r.ExitCode == 0, r.ToString().Length > 4000 ? r.ToString()[..4000] : r.ToString());
        Assert.Equal("", r.Stderr);
        Assert.Equal("\nTotal specifications found: 0\n", r.Stdout);

        r = Cli.Run("check", tree);
        Assert.True(r.ExitCode == 0, r.ToString().Length > 4000 ? r.ToString()[..4000] : r.ToString());
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = Assert.Single(lines);
        Assert.Matches(@"^\d+ files, 0 errors, 0 warnings$", summary);
        Assert.True(int.Parse(summary.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) > 40_000, summary);
        // upstream's tool lists __pci_device_probe (one "side-effect:" line): one key and no SYSCALL_DEFINE is no spec here
        Assert.Contains("side-effect:", File.ReadAllText(Path.Combine(tree, "drivers", "pci", "pci-driver.c")));
        Assert.DoesNotContain(lines, l => l.Contains("pci-driver.c", StringComparison.Ordinal));
    }
}
