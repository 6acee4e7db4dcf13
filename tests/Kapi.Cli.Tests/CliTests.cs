using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>The CLI over small spec texts written to temporary directories.</summary>
public sealed class CliTests : IDisposable
{
    internal const string Syscall = """
        DEFINE_KERNEL_API_SPEC(sys_demo)
        	KAPI_DESCRIPTION("A \"demo\" syscall \\ with escapes")
        	KAPI_LONG_DESC("Line one. "
        		       "Line two.")
        	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)
        	KAPI_PARAM(0, "flags", "int", "Flags")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
        		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
        		KAPI_PARAM_VALID_MASK(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)
        	KAPI_PARAM_END
        	KAPI_PARAM(1, "len", "size_t", "Length")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
        		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
        		KAPI_PARAM_RANGE(1, 4096)
        	KAPI_PARAM_END
        	KAPI_RETURN("long", "0 on success")
        		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
        		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
        		KAPI_RETURN_SUCCESS(0)
        	KAPI_RETURN_END
        	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad flags", "Unknown bits in flags.")
        	KAPI_ERROR(1, -ENOMEM, "ENOMEM", "No memory", "Out of memory.")
        	KAPI_ERROR_COUNT(2)
        	KAPI_PARAM_COUNT(2)
        	KAPI_SINCE_VERSION("6.1")
        	KAPI_LOCK(0, "mmap_lock", KAPI_LOCK_RWLOCK)
        		KAPI_LOCK_ACQUIRED
        		KAPI_LOCK_RELEASED
        		KAPI_LOCK_DESC("Memory map lock")
        	KAPI_LOCK_END
        	KAPI_LOCK_COUNT(1)
        	KAPI_EXAMPLES("demo(MCL_CURRENT);\n"
        		      "demo(0);")
        	KAPI_NOTES("A note.")
        KAPI_END_SPEC;
        """;

    internal const string Ioctl = """
        DEFINE_KAPI_IOCTL_SPEC(demo_ioctl)
        	KAPI_IOCTL_CMD_NAME("DEMO_IOCTL")
        	KAPI_IOCTL_INPUT_SIZE(0)
        	KAPI_IOCTL_OUTPUT_SIZE(4)
        	KAPI_DESCRIPTION("A demo ioctl")
        	KAPI_PARAM(0, "version", "__s32", "Version")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT)
        		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
        	KAPI_PARAM_END
        	KAPI_PARAM_COUNT(1)
        KAPI_END_SPEC;
        """;

    internal const string Sysfs = """
        DEFINE_SYSFS_API_SPEC(demo_attr)
        	KAPI_DESCRIPTION("A demo attribute")
        	KAPI_PARAM_COUNT(1)
        	KAPI_PARAM(0, "value", "string", "Value")
        		KAPI_PARAM_TYPE(KAPI_TYPE_STRING)
        		KAPI_PERMISSIONS(0444)
        		KAPI_PATH("/sys/block/<disk>/demo")
        	KAPI_PARAM_END
        	KAPI_SUBSYSTEM("block")
        KAPI_END_SPEC;
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteAll()
    {
        _dir.Write("b/sys_demo.kapi", Syscall);
        _dir.Write("a/demo_ioctl.kapi", Ioctl);
        _dir.Write("c/nested/demo_attr.kapi", Sysfs);
        _dir.Write("c/ignored.txt", "not a spec file: KAPI_END_SPEC; }}}");
        return _dir.Path;
    }

    [Fact]
    public void List_plain_groups_as_upstream_with_total()
    {
        var r = Cli.Run("--source", WriteAll());
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(
            "\nSystem Calls:\n-------------\n  sys_demo\n"
            + "\nIOCTLs:\n-------\n  demo_ioctl\n"
            + "\nSysfs Attributes:\n-----------------\n  demo_attr\n"
            + "\nTotal specifications found: 3\n",
            r.Stdout);
    }

    [Fact]
    public void List_json_has_apis_with_name_and_api_type()
    {
        var r = Cli.Run("--source", WriteAll(), "-f", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var apis = doc.RootElement.GetProperty("apis").EnumerateArray()
            .Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("api_type").GetString()!)).ToArray();
        Assert.Equal(new[] { ("sys_demo", "syscall"), ("demo_ioctl", "ioctl"), ("demo_attr", "sysfs") }, apis);
    }

    [Fact]
    public void List_rst_has_titles_items_and_total()
    {
        var r = Cli.Run("--source", WriteAll(), "--format", "RST");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("\nSystem Calls\n============\n\n* **sys_demo** (*syscall*)\n", r.Stdout);
        Assert.Contains("* **demo_ioctl** (*ioctl*)", r.Stdout);
        Assert.Contains("* **demo_attr** (*sysfs*)", r.Stdout);
        Assert.EndsWith("\n**Total specifications found:** 3\n", r.Stdout);
    }

    [Fact]
    public void Source_may_be_a_single_file_of_any_extension()
    {
        var file = _dir.Write("spec.txt", Syscall);
        var r = Cli.Run("--source", file);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("  sys_demo\n", r.Stdout);
        Assert.Contains("Total specifications found: 1", r.Stdout);
    }

    [Fact]
    public void C_sources_are_scanned_for_specs_and_other_code_is_skipped()
    {
        _dir.Write("mm/demo.c", "#include <linux/mm.h>\n\nstatic int helper(int x)\n{\n\treturn x * 2; /* } KAPI_END_SPEC */\n}\n\n"
            + Syscall + "\n\nSYSCALL_DEFINE1(demo, int, flags)\n{\n\treturn helper(flags);\n}\n");
        _dir.Write("include/demo.h", "#ifndef DEMO_H\n#define DEMO_H\nstruct demo { int x; };\n#endif\n");
        var r = Cli.Run("--source", _dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("\nSystem Calls:\n-------------\n  sys_demo\n\nTotal specifications found: 1\n", r.Stdout);
        r = Cli.Run("check", _dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("2 files, 0 errors, 0 warnings\n", r.Stdout);
    }

    [Fact]
    public void Details_plain_prints_every_section()
    {
        var r = Cli.Run("--source", WriteAll(), "--arch", "x64", "sys_demo");
        Assert.True(r.ExitCode == 0, r.ToString());
        var o = r.Stdout;
        Assert.StartsWith("\nDetailed information for sys_demo:\n==================================\n", o);
        Assert.Contains("Description: A \"demo\" syscall \\ with escapes\n", o);
        Assert.Contains("Architecture: x64\n", o);
        Assert.Contains("\nDetailed Description: Line one. Line two.\n", o);
        Assert.Contains("\nAvailable since: 6.1\n", o);
        Assert.Contains("\nExecution Context: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE\n", o);
        Assert.Contains("\nParameters (2):\n  [0] flags\n      C type: int\n      Description: Flags\n      Type: KAPI_TYPE_INT\n      Flags: KAPI_PARAM_IN\n", o);
        Assert.Contains("      Constraint: KAPI_CONSTRAINT_MASK\n", o);
        Assert.Contains("      Valid mask: 0x7 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)\n", o);
        Assert.Contains("  [1] len\n      C type: size_t\n", o);
        Assert.Contains("      Minimum: 1\n      Maximum: 4096\n", o);
        Assert.Contains("\nReturn Value:\n  C type: long\n  Description: 0 on success\n", o);
        Assert.Contains("  Success value: 0\n", o);
        Assert.Contains("\nPossible Errors (2):\n  [0] EINVAL (-22)\n      Condition: Bad flags\n      Description: Unknown bits in flags.\n", o);
        Assert.Contains("\nNotes: A note.\n", o);
        Assert.Contains("\nExamples:\n  demo(MCL_CURRENT);\n  demo(0);\n", o);
        Assert.Contains("\nLocking Requirements (1):\n  [0] mmap_lock\n      Type: KAPI_LOCK_RWLOCK\n      Acquired: yes\n      Released: yes\n      Scope: KAPI_LOCK_INTERNAL\n      Description: Memory map lock\n", o);
    }

    [Fact]
    public void Details_plain_values_follow_arch()
    {
        var r = Cli.Run("--source", WriteAll(), "--arch", "ppc64le", "sys_demo");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Architecture: ppc64le\n", r.Stdout);
        Assert.Contains("      Valid mask: 0xe000 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)\n", r.Stdout);
    }

    [Fact]
    public void Details_json_uses_upstream_field_names_and_escapes_strings()
    {
        var r = Cli.Run("--source", WriteAll(), "-f", "json", "--arch", "arm64", "sys_demo");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var d = doc.RootElement.GetProperty("api_details");
        Assert.Equal("sys_demo", d.GetProperty("name").GetString());
        Assert.Equal("A \"demo\" syscall \\ with escapes", d.GetProperty("description").GetString());
        Assert.Equal("Line one. Line two.", d.GetProperty("long_description").GetString());
        Assert.Equal("KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE", d.GetProperty("context_flags")[0].GetString());
        Assert.Equal("6.1", d.GetProperty("since_version").GetString());
        Assert.Equal("demo(MCL_CURRENT);\ndemo(0);", d.GetProperty("examples").GetString());

        var p = d.GetProperty("parameters");
        Assert.Equal(2, p.GetArrayLength());
        foreach (var key in new[] { "index", "name", "type_name", "description", "flags", "param_type", "constraint_type", "constraint", "min_value", "max_value", "valid_mask", "enum_values", "size", "alignment", "size_param_idx" })
        {
            Assert.True(p[0].TryGetProperty(key, out _), "parameter lacks " + key);
        }
        Assert.Equal(0, p[0].GetProperty("index").GetInt32());
        Assert.Equal("flags", p[0].GetProperty("name").GetString());
        Assert.Equal("int", p[0].GetProperty("type_name").GetString());
        Assert.Equal(1, p[0].GetProperty("flags").GetInt32());
        Assert.Equal(1, p[0].GetProperty("param_type").GetInt32());
        Assert.Equal(2, p[0].GetProperty("constraint_type").GetInt32());
        Assert.Equal(7UL, p[0].GetProperty("valid_mask").GetUInt64());
        Assert.Equal("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", p[0].GetProperty("expressions").GetProperty("valid_mask").GetString());
        Assert.Equal(JsonValueKind.Null, p[0].GetProperty("min_value").ValueKind);
        Assert.Equal(1, p[1].GetProperty("min_value").GetInt64());
        Assert.Equal(4096, p[1].GetProperty("max_value").GetInt64());

        var ret = d.GetProperty("return_spec");
        Assert.Equal("long", ret.GetProperty("type_name").GetString());
        Assert.Equal(2, ret.GetProperty("check_type").GetInt32());
        Assert.Equal(0, ret.GetProperty("success_value").GetInt64());

        var errors = d.GetProperty("errors");
        Assert.Equal(new[] { -22, -12 }, errors.EnumerateArray().Select(e => e.GetProperty("error_code").GetInt32()));
        Assert.Equal("EINVAL", errors[0].GetProperty("name").GetString());
        Assert.Equal("Bad flags", errors[0].GetProperty("condition").GetString());
        Assert.Equal("Unknown bits in flags.", errors[0].GetProperty("description").GetString());

        var lk = d.GetProperty("locks")[0];
        Assert.Equal("mmap_lock", lk.GetProperty("lock_name").GetString());
        Assert.Equal(3, lk.GetProperty("lock_type").GetInt32());
        Assert.Equal(0, lk.GetProperty("scope").GetInt32());

        // Empty sections are omitted, as upstream does.
        Assert.False(d.TryGetProperty("signals", out _));
        Assert.False(d.TryGetProperty("struct_specs", out _));
    }

    [Fact]
    public void Details_json_of_ioctl_and_sysfs()
    {
        var dir = WriteAll();
        var r = Cli.Run("--source", dir, "-f", "json", "demo_attr");
        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Stdout))
        {
            var d = doc.RootElement.GetProperty("api_details");
            Assert.Equal("block", d.GetProperty("subsystem").GetString());
            Assert.Equal("/sys/block/<disk>/demo", d.GetProperty("sysfs_path").GetString());
            Assert.Equal("0444", d.GetProperty("permissions").GetString());
        }
        r = Cli.Run("--source", dir, "-f", "json", "demo_ioctl");
        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Stdout))
        {
            var d = doc.RootElement.GetProperty("api_details");
            Assert.Equal("ioctl", d.GetProperty("api_type").GetString());
            Assert.Equal("DEMO_IOCTL", d.GetProperty("cmd_name").GetString());
            Assert.Equal(4, d.GetProperty("output_size").GetInt64());
        }
    }

    [Fact]
    public void Details_rst_has_sections()
    {
        var r = Cli.Run("--source", WriteAll(), "-f", "rst", "--arch", "x64", "sys_demo");
        Assert.True(r.ExitCode == 0, r.ToString());
        var o = r.Stdout;
        Assert.StartsWith("\nsys_demo\n========\n\n:Kind: syscall\n:Architecture: x64\n:Description: A \"demo\" syscall \\ with escapes\n:Detailed Description: Line one. Line two.\n", o);
        Assert.Contains(":Execution Context: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE\n", o);
        Assert.Contains("Parameters (2)\n--------------\n\n* **[0] flags**\n\n  :C type: int\n", o);
        Assert.Contains("  :Valid mask: 0x7 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)\n", o);
        Assert.Contains("Return Value\n------------\n\n:C type: long\n", o);
        Assert.Contains("Possible Errors (2)\n-------------------\n\n* **[0] EINVAL (-22)**\n", o);
        Assert.Contains("Examples\n--------\n\n.. code-block:: c\n\n   demo(MCL_CURRENT);\n   demo(0);\n", o);
        Assert.Contains("Locking Requirements (1)\n------------------------\n\n* **[0] mmap_lock**\n\n  :Type: KAPI_LOCK_RWLOCK\n", o);
    }

    [Fact]
    public void Unknown_name_exits_1_with_suggestions_on_stderr()
    {
        var r = Cli.Run("--source", WriteAll(), "sys_dmeo");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("API 'sys_dmeo' not found", r.Stderr);
        Assert.Contains("Did you mean: sys_demo?", r.Stderr);
        Assert.Contains("Available APIs:\n  sys_demo (syscall)\n", r.Stderr);

        r = Cli.Run("--source", WriteAll(), "-f", "json", "nothing_like_it");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("API 'nothing_like_it' not found", r.Stderr);
        Assert.DoesNotContain("Did you mean", r.Stderr);
    }

    [Fact]
    public void Bad_options_exit_1()
    {
        var dir = WriteAll();
        var r = Cli.Run("--source", dir, "--arch", "sparc64");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Unknown architecture 'sparc64'", r.Stderr);

        r = Cli.Run("--source", dir, "-f", "yaml");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Unknown output format 'yaml'", r.Stderr);

        r = Cli.Run();
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--source", r.Stderr);

        r = Cli.Run("--source", Path.Combine(dir, "missing"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("KAPI3001", r.Stderr);
    }

    [Fact]
    public void Arch_accepts_every_rid_name()
    {
        var dir = WriteAll();
        foreach (var arch in new[] { "x64", "x86", "arm", "arm64", "ppc64le", "s390x", "riscv64", "loongarch64" })
        {
            var r = Cli.Run("--source", dir, "--arch", arch, "-f", "json", "sys_demo");
            Assert.True(r.ExitCode == 0, r.ToString());
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal(arch, doc.RootElement.GetProperty("api_details").GetProperty("arch").GetString());
        }
    }

    // ---- kapi check ----

    [Fact]
    public void Check_clean_file_exits_0_with_summary()
    {
        var file = _dir.Write("ok.kapi", Syscall);
        var r = Cli.Run("check", file);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("1 file, 0 errors, 0 warnings\n", r.Stdout);
    }

    [Fact]
    public void Check_prints_exact_diagnostic_line_with_the_path_as_given()
    {
        var file = _dir.Write("bad.kapi", "DEFINE_KERNEL_API_SPEC(sys_bad)\n\tKAPI_DESCRIPTON(\"typo\")\nKAPI_END_SPEC;\n");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        var r = Cli.Run("check", relative);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(new Regex("^" + Regex.Escape(relative) + @"\(2,2\): error KAPI0104: Unknown macro 'KAPI_DESCRIPTON'"), lines[0]);
        Assert.Matches(new Regex(@"^1 file, [1-9][0-9]* errors?, [0-9]+ warnings?$"), lines[^1]);
    }

    [Fact]
    public void Check_warnings_alone_exit_0()
    {
        var text = Syscall.Replace("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", "MCL_CURRENT | NOT_A_KNOWN_CONSTANT", StringComparison.Ordinal);
        var file = _dir.Write("warn.kapi", text);
        var r = Cli.Run("check", file);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Matches(new Regex("^" + Regex.Escape(file) + @"\(\d+,\d+\): warning KAPI0200: .*NOT_A_KNOWN_CONSTANT", RegexOptions.Multiline), r.Stdout);
        Assert.EndsWith(", 0 errors, 1 warning\n", r.Stdout);
    }

    [Fact]
    public void Check_walks_directories_in_ordinal_order_and_counts_files()
    {
        _dir.Write("z.kapi", "DEFINE_KERNEL_API_SPEC(sys_z)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n");
        _dir.Write("A.kapi", "DEFINE_KERNEL_API_SPEC(sys_a)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n");
        _dir.Write("m/x.h", "int unrelated_c_code(void) { return 0; }\n");
        _dir.Write("m/readme.md", "KAPI_BOGUS(");
        var r = Cli.Run("check", _dir.Path);
        Assert.Equal(1, r.ExitCode);
        var files = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => Path.GetFileName(l.Substring(0, l.IndexOf('(')))).Distinct().ToArray();
        Assert.Equal(new[] { "A.kapi", "z.kapi" }, files);
        Assert.StartsWith("3 files, ", r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Fact]
    public void Check_missing_path_exits_1()
    {
        var missing = Path.Combine(_dir.Path, "nope.kapi");
        var r = Cli.Run("check", missing);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(missing + "(1,1): error KAPI3001: ", r.Stdout);
        Assert.EndsWith("0 files, 1 error, 0 warnings\n", r.Stdout);
    }

    // ---- bad input: diagnostics and exit 1, never an exception ----

    [Fact]
    public void Binary_file_is_one_diagnostic()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[100] = 0;
        var file = _dir.WriteBytes("blob.kapi", bytes);
        var r = Cli.Run("check", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(file + "(1,1): error KAPI3003: The file contains NUL bytes (first at byte " + Array.IndexOf(bytes, (byte)0) + "); it looks binary and is not processed\n"
            + "1 file, 1 error, 0 warnings\n", r.Stdout);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_position()
    {
        var prefix = Encoding.UTF8.GetBytes("/* comment */\n/* caf");
        var bytes = prefix.Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" */\n" + Syscall)).ToArray();
        var file = _dir.WriteBytes("latin.kapi", bytes);
        var r = Cli.Run("check", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + "(2,7): error KAPI3004: The file is not valid UTF-8 (first invalid byte at offset 20)", r.Stdout);

        // The rest of the file is still read.
        r = Cli.Run("--source", file, "sys_demo");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Detailed information for sys_demo:", r.Stdout);
        Assert.Contains("KAPI3004", r.Stderr);
    }

    [Fact]
    public void Ten_megabyte_file_is_refused()
    {
        var big = new byte[10 * 1024 * 1024];
        Array.Fill(big, (byte)' ');
        var file = _dir.WriteBytes("big.kapi", big);
        var r = Cli.Run("check", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + "(1,1): error KAPI0005: The spec file is 10485760 bytes", r.Stdout);

        r = Cli.Run("--source", _dir.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("KAPI0005", r.Stderr);
        Assert.Contains("Total specifications found: 0", r.Stdout);
    }

    [Fact]
    public void Unreadable_file_is_a_diagnostic()
    {
        // A dangling symlink is found by the directory walk but cannot be opened (chmod 000 does not stop root).
        var target = System.IO.Path.Combine(_dir.Path, "gone.kapi");
        var link = System.IO.Path.Combine(_dir.Path, "dangling.kapi");
        File.CreateSymbolicLink(link, target);
        var r = Cli.Run("check", _dir.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(link + "(1,1): error KAPI3002: Cannot read '" + link + "'", r.Stdout);
        Assert.EndsWith("1 file, 1 error, 0 warnings\n", r.Stdout);
    }

    [Fact]
    public void Special_files_do_not_hang()
    {
        // Character devices (and FIFOs, /proc files) report size 0 and are taken as empty instead of being read.
        foreach (var dev in new[] { "/dev/zero", "/dev/urandom", "/dev/null" })
        {
            if (!File.Exists(dev)) continue;
            var r = Cli.Run("check", dev);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal("1 file, 0 errors, 0 warnings\n", r.Stdout);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_text_never_crashes(int seed)
    {
        var rng = new Random(seed);
        var pieces = new[] { "DEFINE_KERNEL_API_SPEC(", "KAPI_PARAM(", "KAPI_PARAM_END", "KAPI_END_SPEC;", "{", "}", "(", ")", "\"", "/*", "*/", ",", ".name = ", "0x", "\\\n", "#ifdef X\n", "'", "\n", " ", "sys_x", "-EINVAL", "\u00e9", "\uFFFD" };
        var sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) sb.Append(pieces[rng.Next(pieces.Length)]);
        var file = _dir.Write($"fuzz{seed}.kapi", sb.ToString());
        foreach (var args in new[] { new[] { "check", file }, new[] { "--source", file }, new[] { "--source", file, "-f", "json", "sys_x" } })
        {
            var r = Cli.Run(args);
            Assert.InRange(r.ExitCode, 0, 1);
        }
    }

    [Fact]
    public void Deep_nesting_and_unbalanced_braces_give_errors()
    {
        var file = _dir.Write("deep.kapi", "DEFINE_KERNEL_API_SPEC(sys_deep)\n.x = " + new string('(', 100_000) + "\n" + new string('{', 50_000) + "\n");
        var r = Cli.Run("check", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(": error KAPI", r.Stdout);
    }
}
