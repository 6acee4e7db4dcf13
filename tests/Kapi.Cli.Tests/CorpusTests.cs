using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>The CLI over the 51 real spec blocks in ../shared/corpus/macro (skipped, with the reason, when absent).</summary>
public sealed class CorpusTests
{
    private static string Corpus => RepositoryPaths.CorpusMacroDir;

    private static string MlockallRfc1 => Path.Combine(RepositoryPaths.CorpusMacroDir, "sys_mlockall.rfc1.kapi");

    [CorpusFact]
    public void Lists_all_51_specs_grouped()
    {
        var r = Cli.Run("--source", Corpus);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("\nSystem Calls:\n-------------\n", r.Stdout);
        Assert.Contains("\nIOCTLs:\n-------\n", r.Stdout);
        Assert.Contains("\nSysfs Attributes:\n-----------------\n", r.Stdout);
        Assert.Contains("  sys_mlockall\n", r.Stdout);
        Assert.Contains("  binder_write_read\n", r.Stdout);
        Assert.Contains("  hw_sector_size\n", r.Stdout);
        Assert.EndsWith("\nTotal specifications found: 51\n", r.Stdout);
        // Groups in upstream order.
        Assert.True(r.Stdout.IndexOf("System Calls:", System.StringComparison.Ordinal) < r.Stdout.IndexOf("IOCTLs:", System.StringComparison.Ordinal));
        Assert.True(r.Stdout.IndexOf("IOCTLs:", System.StringComparison.Ordinal) < r.Stdout.IndexOf("Sysfs Attributes:", System.StringComparison.Ordinal));

        r = Cli.Run("--source", Corpus, "-f", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(51, doc.RootElement.GetProperty("apis").GetArrayLength());
    }

    [CorpusFact]
    public void Check_finds_no_errors()
    {
        var r = Cli.Run("check", Corpus);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("51 files, 0 errors, ", r.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    private static JsonElement Mlockall(string source, string arch, out JsonDocument doc)
    {
        var r = Cli.Run("--source", source, "-f", "json", "--arch", arch, "sys_mlockall");
        Assert.True(r.ExitCode == 0, r.ToString());
        doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("api_details");
    }

    [CorpusFact]
    public void Mlockall_json_has_upstream_fields_and_golden_facts()
    {
        var d = Mlockall(MlockallRfc1, "x64", out var doc);
        using (doc)
        {
            Assert.Equal("sys_mlockall", d.GetProperty("name").GetString());
            Assert.Equal("Lock all process pages in memory", d.GetProperty("description").GetString());
            Assert.Equal("2.0", d.GetProperty("since_version").GetString());

            var ps = d.GetProperty("parameters");
            Assert.Equal(1, ps.GetArrayLength());
            var p = ps[0];
            foreach (var key in new[] { "index", "name", "type_name", "description", "flags", "param_type", "constraint_type", "constraint", "min_value", "max_value", "valid_mask", "enum_values", "size", "alignment" })
            {
                Assert.True(p.TryGetProperty(key, out _), "parameter lacks " + key);
            }
            Assert.Equal(0, p.GetProperty("index").GetInt32());
            Assert.Equal("flags", p.GetProperty("name").GetString());
            Assert.Equal("int", p.GetProperty("type_name").GetString());
            Assert.Equal(1, p.GetProperty("param_type").GetInt32());       // KAPI_TYPE_INT
            Assert.Equal(2, p.GetProperty("constraint_type").GetInt32());  // KAPI_CONSTRAINT_MASK
            Assert.Equal(1, p.GetProperty("flags").GetInt32());            // KAPI_PARAM_IN
            Assert.Equal(0x7UL, p.GetProperty("valid_mask").GetUInt64());
            Assert.Equal("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", p.GetProperty("expressions").GetProperty("valid_mask").GetString());

            var errors = d.GetProperty("errors");
            Assert.Equal(5, errors.GetArrayLength());
            Assert.Equal(new[] { -22, -1, -12, -4, -11 }, errors.EnumerateArray().Select(e => e.GetProperty("error_code").GetInt32()));
            Assert.Equal(new[] { "EINVAL", "EPERM", "ENOMEM", "EINTR", "EAGAIN" }, errors.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
            Assert.Equal("Invalid flags", errors[0].GetProperty("condition").GetString());

            Assert.Equal(2, d.GetProperty("signals").GetArrayLength());
            Assert.Equal("SIGBUS", d.GetProperty("signals")[1].GetProperty("signal_name").GetString());
            Assert.Equal(6, d.GetProperty("side_effects").GetArrayLength());
            Assert.Equal(5, d.GetProperty("state_transitions").GetArrayLength());
            Assert.Equal("swappable", d.GetProperty("state_transitions")[0].GetProperty("from_state").GetString());
            var locks = d.GetProperty("locks");
            Assert.Equal(2, locks.GetArrayLength());
            Assert.Equal(("mmap_lock", 3), (locks[0].GetProperty("lock_name").GetString(), locks[0].GetProperty("lock_type").GetInt32()));
            Assert.Equal(("lru_lock", 2), (locks[1].GetProperty("lock_name").GetString(), locks[1].GetProperty("lock_type").GetInt32()));
            Assert.Equal(3, d.GetProperty("examples").GetString()!.Split('\n').Length);
        }

        d = Mlockall(MlockallRfc1, "ppc64le", out doc);
        using (doc)
        {
            Assert.Equal(0xE000UL, d.GetProperty("parameters")[0].GetProperty("valid_mask").GetUInt64());
        }
        d = Mlockall(MlockallRfc1, "arm64", out doc);
        using (doc)
        {
            Assert.Equal(0x7UL, d.GetProperty("parameters")[0].GetProperty("valid_mask").GetUInt64());
        }
    }

    [CorpusFact]
    public void Mlockall_from_the_directory_is_the_first_definition_with_a_note()
    {
        // sys_mlockall is defined twice (RFC v1 and v2); the first in ordinal path order is shown.
        var r = Cli.Run("--source", Corpus, "-f", "json", "--arch", "x64", "sys_mlockall");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("is defined 2 times; showing the one in " + MlockallRfc1, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var d = doc.RootElement.GetProperty("api_details");
        Assert.Equal(5, d.GetProperty("errors").GetArrayLength());
        Assert.Equal(7UL, d.GetProperty("parameters")[0].GetProperty("valid_mask").GetUInt64());
    }

    [CorpusFact]
    public void Mlockall_plain_and_rst()
    {
        var r = Cli.Run("--source", MlockallRfc1, "--arch", "x64", "sys_mlockall");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("\nDetailed information for sys_mlockall:\n", r.Stdout);
        Assert.Contains("\nParameters (1):\n  [0] flags\n      C type: int\n", r.Stdout);
        Assert.Contains("      Valid mask: 0x7 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)\n", r.Stdout);
        Assert.Contains("\nPossible Errors (5):\n  [0] EINVAL (-22)\n", r.Stdout);
        Assert.Contains("\nSignal Specifications (2):\n", r.Stdout);
        Assert.Contains("\nSide Effects (6):\n", r.Stdout);
        Assert.Contains("\nState Transitions (5):\n", r.Stdout);
        Assert.Contains("\nLocking Requirements (2):\n  [0] mmap_lock\n      Type: KAPI_LOCK_RWLOCK\n", r.Stdout);
        Assert.Contains("\nAvailable since: 2.0\n", r.Stdout);

        r = Cli.Run("--source", MlockallRfc1, "--arch", "ppc64le", "sys_mlockall");
        Assert.Contains("      Valid mask: 0xe000 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)\n", r.Stdout);

        r = Cli.Run("--source", MlockallRfc1, "-f", "rst", "--arch", "x64", "sys_mlockall");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("\nsys_mlockall\n============\n\n:Kind: syscall\n:Architecture: x64\n:Description: Lock all process pages in memory\n", r.Stdout);
        Assert.Contains("Parameters (1)\n--------------\n", r.Stdout);
        Assert.Contains("Possible Errors (5)\n-------------------\n", r.Stdout);
        Assert.Contains(".. code-block:: c\n\n   mlockall(MCL_CURRENT);", r.Stdout);
    }

    [CorpusFact]
    public void Every_spec_prints_in_every_format()
    {
        foreach (var file in Directory.GetFiles(Corpus, "*.kapi").OrderBy(f => f, System.StringComparer.Ordinal))
        {
            var list = Cli.Run("--source", file, "-f", "json");
            Assert.True(list.ExitCode == 0, file + "\n" + list);
            using var doc = JsonDocument.Parse(list.Stdout);
            var names = doc.RootElement.GetProperty("apis").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
            Assert.True(names.Count == 1, file);
            foreach (var format in new[] { "plain", "json", "rst" })
            {
                var r = Cli.Run("--source", file, "-f", format, names[0]);
                Assert.True(r.ExitCode == 0, $"{file} {format}\n{r}");
                if (format == "json")
                {
                    using var d = JsonDocument.Parse(r.Stdout);
                    Assert.Equal(names[0], d.RootElement.GetProperty("api_details").GetProperty("name").GetString());
                }
            }
        }
    }
}
