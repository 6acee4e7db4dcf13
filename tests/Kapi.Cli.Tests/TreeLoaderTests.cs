using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Kapi.Cli.Input;
using Kapi.Kerneldoc;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>
/// The loader as a whole kernel tree meets it: C files the byte-level prefilter rejects are counted and say nothing
/// (whatever their bytes), the others are read as before, spec files are always read, and the parallel readers
/// never change the ordinal order of the output.
/// </summary>
public sealed class TreeLoaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string KerneldocSpec = """
        /**
         * sys_demo - a demo
         * @flags: the flags
         *
         * context-flags: KAPI_CTX_PROCESS
         * param: flags
         *   type: KAPI_TYPE_INT
         * error: EINVAL, Bad flags
         */
        SYSCALL_DEFINE1(demo, int, flags)
        {
        	return 0;
        }

        """;

    // ------------------------------------------------------------------ the vectorized search is the default one

    [Fact]
    public void Vectorized_search_finds_what_the_default_search_finds()
    {
        var random = new Random(11);
        byte[][] needles = { "/**"u8.ToArray(), "*/"u8.ToArray(), ":"u8.ToArray(), "_SPEC"u8.ToArray(), "_spec"u8.ToArray() };
        byte[] alphabet = "/*:_SPECspec x\n"u8.ToArray();
        for (int round = 0; round < 3000; round++)
        {
            var bytes = new byte[random.Next(0, 200)];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = alphabet[random.Next(alphabet.Length)];
            int start = random.Next(0, bytes.Length + 1), end = random.Next(start, bytes.Length + 1);
            var needle = needles[random.Next(needles.Length)];
            Assert.Equal(SpecPrefilter.DefaultSearch(bytes, start, end, needle), SpecLoader.VectorizedSearch(bytes, start, end, needle));
            Assert.Equal(SpecPrefilter.MayContainSpec(bytes, start, end - start), SpecPrefilter.MayContainSpec(bytes, start, end - start, SpecLoader.VectorizedSearch));
        }
    }

    [CorpusFact]
    public void Both_searches_accept_every_corpus_spec()
    {
        foreach (var folder in new[] { "kdoc", "macro" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.CorpusDir, folder)))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.True(SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length), file);
                Assert.True(SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length, SpecLoader.VectorizedSearch), file);
            }
        }
    }

    // ------------------------------------------------------------------ what a rejected C file gets: nothing

    [Fact]
    public void C_files_without_a_spec_say_nothing_whatever_their_bytes()
    {
        var binary = new byte[4096];
        new Random(42).NextBytes(binary);
        binary[100] = 0;
        binary.AsSpan().Replace((byte)'/', (byte)'x'); // no comment, so no spec
        _dir.WriteBytes("drivers/blob.c", binary);
        _dir.WriteBytes("drivers/latin1.h", Encoding.Latin1.GetBytes("/* caf\u00e9 */\nint x;\n"));
        var big = new byte[MaxSize + 1024];
        Array.Fill(big, (byte)'x');
        _dir.WriteBytes("drivers/gpu/huge_regs.h", big);
        _dir.Write("drivers/pci/pci-driver.c", "/**\n * __pci_device_probe - probe\n * side-effect: pci_dev->driver is set\n */\nstatic int __pci_device_probe(void)\n{\n}\n");

        var r = Cli.Run("check", _dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("4 files, 0 errors, 0 warnings\n", r.Stdout);
        r = Cli.Run("--source", _dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        Assert.Equal("\nTotal specifications found: 0\n", r.Stdout);
    }

    private static int MaxSize => SpecLoader.MaxFileSize;

    [Fact]
    public void C_files_that_may_hold_a_spec_keep_their_diagnostics()
    {
        // each names an entry macro, so the prefilter lets it through and the old checks apply
        var nul = Encoding.UTF8.GetBytes("DEFINE_KERNEL_API_SPEC(sys_x)\n\0\n");
        var nulFile = _dir.WriteBytes("a/nul.c", nul);
        var latin = Encoding.UTF8.GetBytes("/* caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(" */\n" + CliTests.Syscall)).ToArray();
        var latinFile = _dir.WriteBytes("b/latin.c", latin);
        var big = new byte[MaxSize + 1024];
        Array.Fill(big, (byte)' ');
        Encoding.ASCII.GetBytes("DEFINE_KERNEL_API_SPEC").CopyTo(big, 10);
        var bigFile = _dir.WriteBytes("c/big.h", big);

        var r = Cli.Run("check", _dir.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(nulFile + "(1,1): error KAPI3003: The file contains NUL bytes (first at byte 30)", r.Stdout);
        Assert.Contains(latinFile + "(1,7): error KAPI3004: The file is not valid UTF-8 (first invalid byte at offset 6)", r.Stdout);
        Assert.Contains(bigFile + $"(1,1): error KAPI0005: The spec file is {big.Length} bytes", r.Stdout);
        r = Cli.Run("--source", _dir.Path);
        Assert.Contains("  sys_demo\n", r.Stdout);
    }

    [Fact]
    public void Spec_files_are_always_read_in_full()
    {
        // no spec at all, but a .kapi file is the front end's to judge
        var file = _dir.Write("x/notes.kapi", "just words\n");
        var r = Cli.Run("check", _dir.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + "(1,1): error KAPI0100", r.Stdout);
    }

    [Fact]
    public void Kerneldoc_specs_in_c_files_are_found()
    {
        _dir.Write("fs/demo.c", "#include <linux/fs.h>\n\n" + KerneldocSpec);
        _dir.Write("fs/other.c", "/**\n * helper - a helper\n * @x: x\n *\n * Return: 0.\n */\nint helper(int x);\n");
        var r = Cli.Run("--source", _dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("\nSystem Calls:\n-------------\n  sys_demo\n\nTotal specifications found: 1\n", r.Stdout);
    }

    // ------------------------------------------------------------------ order

    [Fact]
    public void Many_files_keep_ordinal_order_whatever_the_readers_do()
    {
        var random = new Random(7);
        string[] dirs = { "a", "A", "a-b", "a/b", "a_b", "b", "B/c", "z", "Z/z/z", "\u00e9" };
        var expected = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            var dir = dirs[random.Next(dirs.Length)];
            string name = $"{dir}/f{random.Next(100000)}_{i}." + (i % 3 == 0 ? "kapi" : "c");
            // every file gives one error at its own line 1, so its place in the output is its place in the load order
            string text = i % 3 == 0
                ? "DEFINE_KERNEL_API_SPEC(sys_x)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n"
                : "DEFINE_KERNEL_API_SPEC(sys_x)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n/* padding " + new string('x', random.Next(0, 20000)) + " */\n";
            expected.Add(_dir.Write(name, text));
            // and files the prefilter drops in between
            _dir.Write($"{dir}/plain{i}.h", "int plain_" + i + ";\n");
        }
        expected.Sort(StringComparer.Ordinal);

        var r = Cli.Run("check", _dir.Path);
        var order = r.Stdout.Split('\n')
            .Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => l.Substring(0, l.IndexOf('(')))
            .ToList();
        Assert.Equal(expected, order);
        Assert.EndsWith("800 files, 400 errors, 0 warnings\n", r.Stdout);
        // the same every time
        Assert.Equal(r.Stdout, Cli.Run("check", _dir.Path).Stdout);
    }
}
