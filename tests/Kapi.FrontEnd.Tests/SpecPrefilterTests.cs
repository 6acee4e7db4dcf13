using System.Text;
using CsCheck;
using Kapi.Kerneldoc;
using Kapi.Text;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// <see cref="SpecPrefilter.MayContainSpec"/> never rejects a file the front end would find a spec in (or say
/// anything about, read as a C file): on every corpus spec, on generated texts made of the pieces that matter
/// (comment markers, keys, colons, entry macros, non-ASCII and invalid bytes), and on mutated corpus files. A file
/// counts as found when the reader returns a spec comment or binding it as a C source gives a spec or a diagnostic.
/// </summary>
public class SpecPrefilterTests
{
    private static readonly UTF8Encoding s_lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The text the CLI makes of the bytes: the BOM dropped, invalid sequences replaced by U+FFFD.</summary>
    private static string Decode(byte[] bytes)
    {
        int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return s_lenient.GetString(bytes, skip, bytes.Length - skip);
    }

    /// <summary>True when the front end finds something in <paramref name="bytes"/> read as a C file.</summary>
    private static bool FrontEndFindsSomething(byte[] bytes)
    {
        var text = new KapiSourceText(Decode(bytes), "generated.c");
        if (KerneldocReader.Read(text).Count > 0) return true;
        var model = KapiDocument.Bind(text);
        return model.Specs.Count > 0 || model.Diagnostics.Count > 0;
    }

    /// <summary>The property, with the default search and at an offset inside a larger buffer.</summary>
    private static void AssertNeverSkipsASpec(byte[] bytes)
    {
        bool may = SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length);
        var padded = new byte[bytes.Length + 8];
        padded[0] = (byte)'*';
        padded[1] = (byte)'/';
        bytes.CopyTo(padded, 3);
        padded[^1] = (byte)'/';
        Assert.Equal(may, SpecPrefilter.MayContainSpec(padded, 3, bytes.Length));
        if (!may && FrontEndFindsSomething(bytes))
        {
            Assert.Fail("The prefilter rejects a file the front end finds a spec or a diagnostic in:\n" + Decode(bytes));
        }
    }

    [Fact]
    public void Entry_macro_names_end_as_the_vector_scan_expects() =>
        Assert.All(SpecMarkers.MacroEntryNames, n => Assert.EndsWith("_spec", n, StringComparison.OrdinalIgnoreCase));

    // ------------------------------------------------------------------ examples

    [Theory]
    [InlineData("")]
    [InlineData("int main(void) { return 0; }\n")]
    [InlineData("/**\n * foo - bar\n * @x: the x\n *\n * Return: 0 or -EINVAL (an error code)\n */\nint foo(int x);\n")]
    [InlineData("/* long-desc: not a kernel-doc comment */\n")]
    [InlineData("/**/ long-desc: context-flags: /* */\n")]
    [InlineData("/**\n * x - y\n * \u00e9long-desc: no key\n")] // unterminated comment: the reader stops
    [InlineData("#define DEFINE_KERNEL_API_SPE(x)\n")]
    [InlineData("struct kapi_ioctl_spe x;\n")]
    public void Rejects_text_with_no_spec(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.False(SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length));
        Assert.False(FrontEndFindsSomething(bytes));
    }

    [Theory]
    [InlineData("/**\n * __pci_device_probe - x\n * side-effect: pci_dev->driver is set\n */\nstatic int f(void);\n")]
    [InlineData("/** long-desc: x */")]
    [InlineData("/**\n * x - y\n * \u00e9long-desc: the byte test stops at the non-ASCII letter\n */")]
    [InlineData("x DEFINE_KERNEL_API_SPEC(sys_x)")]
    [InlineData("DEFINE_SYSFS_API_SPEC")]
    [InlineData("DEFINE_IOCTL_API_SPEC")]
    [InlineData("DEFINE_KAPI_IOCTL_SPEC")]
    [InlineData("static const struct kapi_ioctl_spec x = {};")]
    public void Accepts_text_that_may_hold_a_spec(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length));
    }

    [Fact]
    public void One_side_effect_line_is_no_spec()
    {
        // what upstream's tool lists as a spec in drivers/pci/pci-driver.c: one KAPI key, no SYSCALL_DEFINE
        const string text = "/**\n * __pci_device_probe - check if a driver wants to claim a specific PCI device\n"
            + " * @drv: driver to call to check if it wants the PCI device\n * @pci_dev: PCI device being probed\n *\n"
            + " * returns 0 on success, else error.\n * side-effect: pci_dev->driver is set to drv when drv claims pci_dev.\n */\n"
            + "static int __pci_device_probe(struct pci_driver *drv, struct pci_dev *pci_dev)\n{\n\treturn 0;\n}\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length));
        Assert.False(FrontEndFindsSomething(bytes));
    }

    // ------------------------------------------------------------------ the corpus

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "kdoc", "macro" })
        {
            var dir = Path.Combine(RepositoryPaths.CorpusDir, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.GetFiles(dir).OrderBy(f => f, StringComparer.Ordinal)) data.Add(folder + "/" + Path.GetFileName(f));
        }
        if (data.Count == 0) data.Add("(corpus absent)");
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_spec_passes(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.CorpusDir, relativePath));
        Assert.True(SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length), relativePath);
        AssertNeverSkipsASpec(bytes);
    }

    // ------------------------------------------------------------------ generated and mutated texts

    /// <summary>The pieces the two checks look at, and the near misses around them.</summary>
    private static readonly string[] s_pieces =
    {
        "/**", "/**/", "*/", "/*", "**", "*", "/", ":", "::", " ", "  ", "\t", "\n", "\r\n", "\r", " * ", " *\n",
        "long-desc", "context-flags", "contexts", "param", "param-count", "error", "error-code", "lock", "signal",
        "side-effect", "state-trans", "capability", "constraint", "api-type", "return", "return-type", "struct",
        "since-version", "validation-group", "desc", "type", "Return", "Context", "@arg", "-", "x", "X",
        "sys_demo - a demo", "SYSCALL_DEFINE1(demo, int, flags)", "SYSCALL_DEFINE2(demo, int, a, long, b)\n{\n}",
        "int demo(int flags);", "DEFINE_KERNEL_API_SPEC(sys_demo)", "KAPI_END_SPEC;", "DEFINE_KAPI_IOCTL_SPEC",
        "DEFINE_SYSFS_API_SPEC", "DEFINE_IOCTL_API_SPEC", "kapi_ioctl_spec", "_SPEC", "_spec", "DEFINE_",
        "/**\n * sys_demo - a demo\n", " * long-desc: text\n", " * context-flags: KAPI_CTX_PROCESS\n", " * error: EINVAL, bad\n",
        " * side-effect: KAPI_EFFECT_MODIFY_STATE\n", " * state-trans: vma\n", " * param-count: 1\n", " *   type: int\n",
        " */\nSYSCALL_DEFINE1(demo, int, flags)\n",
        "\u00e9", "\u00c9", "\u0101", "\u2028", "\ufeff", "\U0001F600",
    };

    /// <summary>Raw byte pieces the decoder turns into U+FFFD (or a BOM).</summary>
    private static readonly byte[][] s_rawPieces =
    {
        new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF },
        new byte[] { 0xC3, (byte)'l' }, new byte[] { 0xF0, 0x9F, (byte)':' },
    };

    private static readonly Gen<byte[]> s_piece = Gen.Frequency(
        (6, Gen.Int[0, s_pieces.Length - 1].Select(i => Encoding.UTF8.GetBytes(s_pieces[i]))),
        (1, Gen.Int[0, s_rawPieces.Length - 1].Select(i => s_rawPieces[i])),
        (1, Gen.Byte.Array[1, 3]));

    private static readonly Gen<byte[]> s_generated = s_piece.Array[0, 60].Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Generated_texts_never_skip_a_spec()
    {
        int found = 0, rejected = 0;
        s_generated.Sample(bytes =>
        {
            AssertNeverSkipsASpec(bytes);
            if (FrontEndFindsSomething(bytes)) Interlocked.Increment(ref found);
            if (!SpecPrefilter.MayContainSpec(bytes, 0, bytes.Length)) Interlocked.Increment(ref rejected);
        }, iter: 4000);
        // the generator reaches both sides of the property
        Assert.True(found > 0, "no generated text held a spec");
        Assert.True(rejected > 0, "the prefilter rejected no generated text");
    }

    private static readonly Lazy<byte[][]> s_seeds = new(() =>
    {
        var seeds = new List<byte[]>();
        foreach (var folder in new[] { "kdoc", "macro" })
        {
            var dir = Path.Combine(RepositoryPaths.CorpusDir, folder);
            if (Directory.Exists(dir)) seeds.AddRange(Directory.GetFiles(dir).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes));
        }
        // without the corpus, a spec of each form written here
        seeds.Add(Encoding.UTF8.GetBytes("/**\n * sys_demo - a demo\n * @flags: flags\n *\n * context-flags: KAPI_CTX_PROCESS\n"
            + " * param: flags\n *   type: KAPI_TYPE_INT\n * error: EINVAL, bad\n */\nSYSCALL_DEFINE1(demo, int, flags)\n{\n}\n"));
        seeds.Add(Encoding.UTF8.GetBytes("DEFINE_KERNEL_API_SPEC(sys_demo)\n\tKAPI_DESCRIPTION(\"demo\")\nKAPI_END_SPEC;\n"));
        return seeds.ToArray();
    });

    /// <summary>One edit of a spec: a byte range deleted, a piece inserted, a byte changed, or a range replaced by a piece.</summary>
    private static byte[] Mutate(byte[] seed, int kind, byte[] piece, int at, int length)
    {
        at = seed.Length == 0 ? 0 : at % (seed.Length + 1);
        length = Math.Min(length, seed.Length - at);
        var list = seed.ToList();
        switch (kind)
        {
            case 0:
                list.RemoveRange(at, length);
                break;
            case 1:
                list.InsertRange(at, piece);
                break;
            case 2:
                if (at < list.Count) list[at] = piece[0];
                break;
            default:
                list.RemoveRange(at, length);
                list.InsertRange(at, piece);
                break;
        }
        return list.ToArray();
    }

    [Fact]
    public void Mutated_specs_never_skip_a_spec()
    {
        int found = 0;
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 3], s_piece, Gen.Int[0, 1_000_000], Gen.Int[0, 64], Gen.Int[1, 4])
            .Sample((seedIndex, kind, piece, at, length, rounds) =>
            {
                var seeds = s_seeds.Value;
                var bytes = seeds[seedIndex % seeds.Length];
                // the same kind of edit a few times over the file
                for (int r = 0; r < rounds; r++) bytes = Mutate(bytes, kind, piece, at * (r + 1), length);
                AssertNeverSkipsASpec(bytes);
                if (FrontEndFindsSomething(bytes)) Interlocked.Increment(ref found);
            }, iter: 1500);
        Assert.True(found > 0, "no mutated spec was still found");
    }
}
