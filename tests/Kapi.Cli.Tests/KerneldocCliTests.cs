using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>
/// The CLI over the kernel-doc specs of ../shared/corpus/kdoc (RFC v3 … PATCH v4) and over C files holding them:
/// listing, the three output formats, linting.
/// </summary>
public sealed class KerneldocCliTests
{
    private static string KdocDir => Path.Combine(RepositoryPaths.CorpusDir, "kdoc");

    private static string File(string name) => Path.Combine(KdocDir, name);

    [CorpusFact]
    public void Lists_and_checks_every_kernel_doc_spec()
    {
        var r = Cli.Run("--source", KdocDir);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("\nSystem Calls:\n-------------\n", r.Stdout);
        foreach (var name in new[] { "sys_close", "sys_io_setup", "sys_mlock", "sys_open", "sys_read", "sys_sched_setattr" })
        {
            Assert.Contains("  " + name + "\n", r.Stdout);
        }
        Assert.EndsWith("\nTotal specifications found: 12\n", r.Stdout);

        r = Cli.Run("check", KdocDir);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("12 files, 0 errors, 0 warnings", r.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [CorpusFact]
    public void Json_of_a_kernel_doc_spec_has_upstream_fields_and_the_signature_facts()
    {
        var r = Cli.Run("--source", File("sys_open.v4.kdoc"), "-f", "json", "--arch", "x64", "sys_open");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var d = doc.RootElement.GetProperty("api_details");
        Assert.Equal("sys_open", d.GetProperty("name").GetString());
        Assert.Equal("Open or create a file", d.GetProperty("description").GetString());

        var ps = d.GetProperty("parameters");
        Assert.Equal(["filename", "flags", "mode"], ps.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["const char __user *", "int", "umode_t"], ps.EnumerateArray().Select(p => p.GetProperty("type_name").GetString()));
        var flags = ps[1];
        Assert.Equal(2, flags.GetProperty("constraint_type").GetInt32()); // KAPI_CONSTRAINT_MASK, from 'constraint-type: mask'
        Assert.Equal(0x7FFFC3UL, flags.GetProperty("valid_mask").GetUInt64());
        Assert.Equal(20, flags.GetProperty("mask_flags").GetArrayLength());

        var errors = d.GetProperty("errors");
        Assert.Equal(25, errors.GetArrayLength());
        Assert.Equal(("EACCES", -13), (errors[0].GetProperty("name").GetString(), errors[0].GetProperty("error_code").GetInt32()));
        Assert.Equal(3, d.GetProperty("locks").GetArrayLength());
        Assert.Equal(4, d.GetProperty("capabilities").GetArrayLength());

        // values per architecture: O_DIRECTORY is 0x4000 on arm64, not 0x10000
        r = Cli.Run("--source", File("sys_open.v4.kdoc"), "-f", "json", "--arch", "arm64", "sys_open");
        using var arm = JsonDocument.Parse(r.Stdout);
        var armFlags = arm.RootElement.GetProperty("api_details").GetProperty("parameters")[1].GetProperty("mask_flags");
        Assert.Equal(0x4000, armFlags.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "O_DIRECTORY").GetProperty("value").GetInt64());
    }

    [CorpusFact]
    public void Plain_and_rst_of_an_rfc3_flat_key_spec()
    {
        var r = Cli.Run("--source", File("sys_mlock.rfc3.kdoc"), "--arch", "x64", "sys_mlock");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("\nDetailed information for sys_mlock:\n", r.Stdout);
        Assert.Contains("\nParameters (2):\n  [0] start\n      C type: unsigned long\n", r.Stdout);
        Assert.Contains("\nPossible Errors (6):\n  [0] ENOMEM (-12)\n", r.Stdout);
        Assert.Contains("\nLocking Requirements (1):\n  [0] mmap_lock\n      Type: KAPI_LOCK_RWLOCK\n", r.Stdout);

        r = Cli.Run("--source", File("sys_mlock.rfc3.kdoc"), "-f", "rst", "--arch", "x64", "sys_mlock");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("\nsys_mlock\n=========\n", r.Stdout);
        Assert.Contains(":Description: Lock pages in memory\n", r.Stdout);
        Assert.Contains("\nParameters (2)\n--------------\n", r.Stdout);
    }

    [Fact]
    public void C_tree_with_ordinary_kernel_doc_gives_only_the_spec_and_no_diagnostics()
    {
        using var dir = new TempDir();
        dir.Write("kernel/sys.c", """
            /**
             * do_thing - an ordinary kernel-doc comment
             * @x: a value
             *
             * Context: any context.
             * Return: 0 on success, -EINVAL on error.
             */
            int do_thing(int x) { return x ? 0 : -EINVAL; }

            /*
             * A plain comment with a side-effect: line and an error: line is not a spec.
             */

            /**
             * sys_getppid - Get the parent's process ID
             *
             * long-desc: Returns the process ID of the parent of the calling process.
             * contexts: process
             */
            SYSCALL_DEFINE0(getppid)
            {
                return task_tgid_vnr(rcu_dereference(current->real_parent));
            }
            """);
        dir.Write("include/thing.h", "/** struct thing - a thing\n * @a: first\n */\nstruct thing { int a; };\n");

        var r = Cli.Run("--source", dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.EndsWith("\nTotal specifications found: 1\n", r.Stdout);
        Assert.Contains("  sys_getppid\n", r.Stdout);

        r = Cli.Run("check", dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("2 files, 0 errors, 0 warnings", r.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Fact]
    public void Check_reports_a_kernel_doc_mistake_at_its_line_and_column()
    {
        using var dir = new TempDir();
        var path = dir.Write("x.kapi", "/**\n * sys_x - X\n * @flags: Flags\n *\n * contexts: process\n * param: flags\n *   type: int\n *   valid-maks: 3\n */\nSYSCALL_DEFINE1(x, int, flags)\n");
        var r = Cli.Run("check", path);
        Assert.True(r.ExitCode == 0, r.ToString()); // a warning only
        Assert.Contains(path + "(8,6): warning KAPI0400: 'valid-maks' is not a key of 'param:'; did you mean 'valid-mask'?", r.Stdout);
    }

    [CorpusFact]
    public void Conform_runs_a_kernel_doc_spec_through_the_fixtures_and_reports_where_the_kernel_disagrees()
    {
        var r = Cli.Run("conform", "--source", File("sys_open.v4.kdoc"));
        // upstream's sys_open declares a mask over O_* flags; open(2) ignores unknown flags
        Assert.Equal(1, r.ExitCode);
        var disagreements = r.Stderr.Split('\n').Where(l => l.StartsWith("disagreement: sys_open(flags = ", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(3, disagreements.Count);
        Assert.Contains("O_CLOEXEC", r.Stdout);

        // our own spec of open says KAPI_PARAM_IGNORES_UNKNOWN_BITS: no disagreement
        r = Cli.Run("conform", "--source", Path.Combine(RepositoryPaths.Root, "kapi", "fs", "open.kapi"));
        Assert.True(r.ExitCode == 0, r.ToString());
    }
}
