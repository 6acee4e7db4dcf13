using System.Text;
using CsCheck;
using Kapi.Diagnostics;
using Kapi.Kerneldoc;
using Kapi.Text;
using Xunit.Abstractions;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// Issue 11, point 9: the kerneldoc reader and binder on hostile input. Seeds are every corpus kdoc file (read from
/// ../shared/corpus/kdoc at run time) and one small spec of our own; mutants come from <see cref="KerneldocMutator"/>
/// (byte flips, deleted/doubled/swapped lines, indentation, truncation at every structural point, renamed keys, a
/// missing <c>*/</c> or signature, the comment nested in code, CRLF/CR, tabs, unicode, unbalanced parentheses …).
/// For every mutant: Bind never throws, every diagnostic span and spec location lies inside the text, the spec count
/// is sane, and work (steps of <see cref="WorkCounter"/>) grows linearly with the input.
/// </summary>
public class KerneldocRobustnessTests(ITestOutputHelper output)
{
    /// <summary>A gen-3 spec of our own, so that the tests mean something without the corpus.</summary>
    internal const string OwnSeed = """
        /**
         * sys_frob - Frobnicate a range
         * @addr: start of the range
         * @len: its length
         * @flags: how
         *
         * long-desc: Frobnicates the pages of [addr, addr + len). The range is
         *   rounded to whole pages.
         *
         * contexts: process, sleepable
         *
         * param: addr
         *   type: uint, input
         *   constraint-type: alignment(4096)
         *
         * param: len
         *   type: uint, input
         *   constraint-type: range(0, LONG_MAX)
         *
         * param: flags
         *   type: int, input
         *   constraint-type: mask(MCL_CURRENT | MCL_FUTURE)
         *   arch-mask: powerpc = 0x8
         *
         * return:
         *   type: int
         *   check-type: error_check
         *   success: 0
         *
         * error: EINVAL, flags has unknown bits
         *   desc: flags holds a bit outside the mask.
         *
         * error: -ENOMEM, ENOMEM, out of memory
         *
         * lock: mmap_lock, KAPI_LOCK_RWLOCK
         *   acquired: yes
         *   released: yes
         *
         * signal: FATAL
         *   direction: receive
         *   errno: -EINTR
         *   timing: during
         *
         * side-effect: KAPI_EFFECT_MODIFY_STATE, page tables, pages frobnicated, reversible=yes
         *
         * capability: CAP_IPC_LOCK, KAPI_CAP_BYPASS_CHECK, frobnicate beyond RLIMIT_MEMLOCK
         *
         * constraint: Whole pages
         *   expr: len % 4096 == 0
         *
         * examples: frob(addr, 4096, MCL_CURRENT);
         * notes: None.
         */
        SYSCALL_DEFINE3(frob, unsigned long, addr, size_t, len, int, flags)
        {
        	return 0;
        }
        """;

    private static string KdocDir => Path.Combine(RepositoryPaths.CorpusDir, "kdoc");

    /// <summary>Every corpus kdoc file (ordinal order), then our own seed.</summary>
    internal static IReadOnlyList<(string Name, string Text)> Seeds { get; } = LoadSeeds();

    private static List<(string Name, string Text)> LoadSeeds()
    {
        var seeds = new List<(string, string)>();
        if (Directory.Exists(KdocDir))
        {
            foreach (var f in Directory.GetFiles(KdocDir, "*.kdoc").OrderBy(f => f, StringComparer.Ordinal)) seeds.Add((Path.GetFileName(f), File.ReadAllText(f)));
        }
        seeds.Add(("own-seed.kdoc", OwnSeed.Replace("\r\n", "\n")));
        return seeds;
    }

    public static TheoryData<string> SeedNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Seeds) data.Add(name);
        return data;
    }

    private static string Seed(string name) => Seeds.First(s => s.Name == name).Text;

    /// <summary>Binds as a spec file and as a C source and checks both results.</summary>
    private static void AssertWellFormed(string text, string context)
    {
        foreach (var path in new[] { "mutant.kdoc", "mutant.c" })
        {
            KapiFileModel model;
            try
            {
                model = KapiDocument.Bind(text, path);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{context} ({path}): Bind threw {e}");
            }
            foreach (var d in model.Diagnostics)
            {
                if (d.Span.Start < 0 || d.Span.End > text.Length || d.Span.Length < 0)
                {
                    throw new Xunit.Sdk.XunitException($"{context} ({path}): {d.Id} at {d.Span} outside a text of {text.Length} chars: {d.Message}");
                }
                Assert.False(string.IsNullOrEmpty(d.Message));
            }
            foreach (var l in model.Locations)
            {
                Assert.True(l.BlockSpan.Start >= 0 && l.BlockSpan.End <= text.Length && l.NameSpan.End <= text.Length, $"{context} ({path}): location {l.BlockSpan} outside the text");
            }
            // a kerneldoc spec needs its own "/**"; nothing else in these mutants declares a spec
            int comments = CountOf(text, "/**");
            Assert.True(model.Specs.Count <= comments, $"{context} ({path}): {model.Specs.Count} specs from {comments} comments");
            Assert.Equal(model.Specs.Count, model.Locations.Count);
        }
    }

    private static int CountOf(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    [Fact]
    public void Seeds_bind_cleanly_so_mutants_start_from_a_good_spec()
    {
        Assert.Contains(Seeds, s => s.Name == "own-seed.kdoc");
        foreach (var (name, text) in Seeds)
        {
            var model = KapiDocument.Bind(text, name);
            Assert.True(model.Diagnostics.Count == 0, $"{name}: {string.Join("; ", model.Diagnostics)}");
            Assert.Single(model.Specs);
        }
    }

    [Fact]
    public void Mutated_kdoc_specs_never_throw_and_stay_inside_the_file()
    {
        // CsCheck draws a seed and 1-4 mutations; a failure is shrunk to a small mutation list and printed
        Gen.Select(Gen.Int[0, Seeds.Count - 1], KerneldocMutator.MutationsGen)
            .Sample((seed, mutations) =>
            {
                string text = KerneldocMutator.Apply(Seeds[seed].Text, mutations);
                AssertWellFormed(text, $"{Seeds[seed].Name} [{string.Join(", ", mutations)}]");
            }, iter: 1500, threads: 1);
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Every_mutation_kind_at_every_eighth_of_each_seed(string name)
    {
        string seed = Seed(name);
        int inputs = 0;
        foreach (var kind in Enum.GetValues<KerneldocMutator.Kind>())
        {
            for (int i = 0; i < 8; i++)
            {
                var m = new KerneldocMutation(kind, i / 8.0, i * 131 + (int)kind);
                AssertWellFormed(KerneldocMutator.Apply(seed, new[] { m }), $"{name} [{m}]");
                inputs++;
            }
        }
        output.WriteLine($"{name}: {inputs} mutants");
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Truncation_at_every_structural_point(string name)
    {
        string seed = Seed(name);
        var points = KerneldocMutator.StructuralPoints(seed);
        foreach (int p in points) AssertWellFormed(seed.Substring(0, p), $"{name} truncated at {p}");
        output.WriteLine($"{name}: {points.Count} truncation points");
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Line_ends_tabs_and_unicode_everywhere(string name)
    {
        string seed = Seed(name);
        var variants = new List<(string What, string Text)>
        {
            ("CRLF", seed.Replace("\n", "\r\n")),
            ("CR", seed.Replace("\n", "\r")),
            ("LS", seed.Replace("\n", "\u2028")),
            ("tabs", seed.Replace("  ", "\t")),
            ("tab stars", seed.Replace(" * ", "\t*\t")),
            ("BOM", "\uFEFF" + seed),
            ("no trailing newline", seed.TrimEnd('\n')),
            ("UTF-8 as Latin-1", Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(seed + " \u00e9\u6f22\U0001F600"))),
        };
        // CRLF keeps the spec and its items: a line end is not content
        var plain = KapiDocument.Bind(seed, name);
        var crlf = KapiDocument.Bind(variants[0].Text, name);
        Assert.Empty(crlf.Diagnostics);
        Assert.Equal(plain.Specs.Single().Errors.Count, crlf.Specs.Single().Errors.Count);
        Assert.Equal(plain.Specs.Single().Params.Count, crlf.Specs.Single().Params.Count);
        foreach (var (what, text) in variants) AssertWellFormed(text, $"{name} {what}");
        // a lone surrogate, a zero-width space, a combining mark and a bidi override inside every key
        foreach (var (index, _) in KerneldocMutator.Keys(seed).Where((_, i) => i % 3 == 0))
        {
            foreach (var u in new[] { "\uD800", "\u200B", "\u0301", "\u202E" }) AssertWellFormed(seed.Insert(index + 1, u), $"{name} {(int)u[0]:X4} at {index}");
        }
    }

    // ------------------------------------------------------------------ linear work

    private static long Work(string text)
    {
        WorkCounter.Reset();
        KapiDocument.Bind(text, "linear.kdoc", new KapiParseOptions(MaxFileSize: int.MaxValue));
        return WorkCounter.Count;
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var k in Enum.GetNames<KerneldocMutator.Kind>()) data.Add(k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Work_grows_linearly_with_copies_of_the_mutated_corpus(string kindName)
    {
        var kind = Enum.Parse<KerneldocMutator.Kind>(kindName);
        // every seed mutated the same way, concatenated; k copies of that: count(8 copies) ≈ 8 × count(1 copy)
        string unit = string.Concat(Seeds.Select((s, i) => KerneldocMutator.Apply(s.Text, new[] { new KerneldocMutation(kind, (i % 7) / 7.0, i * 37) }) + "\n"));
        long one = Work(unit);
        long eight = Work(string.Concat(Enumerable.Repeat(unit, 8)));
        Assert.True(one > 0);
        Assert.InRange(eight, one, 9 * one + 1000);
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Work_grows_linearly_when_one_comment_grows(string name)
    {
        // the items of one comment doubled up: the comment's entries repeated 1 and 8 times inside the same comment
        string seed = Seed(name);
        int open = seed.IndexOf("/**", StringComparison.Ordinal), close = seed.IndexOf("*/", open, StringComparison.Ordinal);
        int bodyStart = seed.IndexOf('\n', open) + 1;
        // the lines after the headline and the @arg lines
        int firstKey = KerneldocMutator.Keys(seed).First().Index;
        int from = seed.LastIndexOf('\n', firstKey) + 1;
        Assert.True(bodyStart <= from && from < close);
        string body = seed.Substring(from, close - from);
        string Grown(int k) => seed.Substring(0, from) + string.Concat(Enumerable.Repeat(body, k)) + seed.Substring(close);
        long one = Work(Grown(1));
        long eight = Work(Grown(8));
        Assert.InRange(eight, one, 9 * one + 1000);
    }

    // ------------------------------------------------------------------ one mistake, one diagnostic

    private static IEnumerable<KerneldocEntry> Entries(string text)
    {
        var stack = new Stack<KerneldocEntry>();
        foreach (var spec in KerneldocReader.Read(new KapiSourceText(text, "seed.kdoc")))
        {
            foreach (var e in spec.Entries.Reverse()) stack.Push(e);
        }
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            // validation-group: is read, not modelled: its sub-keys are not checked (reported separately)
            if (e.Key == "validation-group") continue;
            foreach (var c in e.Children.Reverse()) stack.Push(c);
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void A_single_misspelt_key_gives_exactly_one_diagnostic(string name)
    {
        string seed = Seed(name);
        var problems = new List<string>();
        int keys = 0;
        foreach (var e in Entries(seed))
        {
            if (e.Key.Any(char.IsUpper)) continue; // kernel-doc's own sections (Context:, Return:) may be any word
            keys++;
            string text = seed.Substring(0, e.KeySpan.End) + "x" + seed.Substring(e.KeySpan.End);
            var model = KapiDocument.Bind(text, name);
            if (model.Diagnostics.Count != 1 || model.Diagnostics[0].Id != "KAPI0400")
            {
                problems.Add($"'{e.Key}' → '{e.Key}x' at {e.KeySpan.Start}: {model.Diagnostics.Count}: {string.Join(" | ", model.Diagnostics.Select(d => d.Id + " " + d.Message))}");
            }
        }
        output.WriteLine($"{name}: {keys} keys misspelt one at a time");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void A_single_unbalanced_parenthesis_in_a_value_gives_at_most_one_diagnostic(string name)
    {
        // prose values take any text (no diagnostic); a value read as C gives exactly one
        string seed = Seed(name);
        var problems = new List<string>();
        int values = 0, reported = 0;
        foreach (var e in Entries(seed))
        {
            if (e.Value.IsEmpty) continue;
            foreach (var at in new[] { e.Value.Span.Start, e.Value.Span.End })
            {
                values++;
                string text = seed.Insert(at, at == e.Value.Span.Start ? "(" : ")");
                var model = KapiDocument.Bind(text, name);
                if (model.Diagnostics.Count == 1) reported++;
                if (model.Diagnostics.Count > 1)
                {
                    problems.Add($"'{e.Key}: {e.Value.Value[..Math.Min(40, e.Value.Length)]}' at {at}: {string.Join(" | ", model.Diagnostics.Select(d => d.Id + " " + d.Message))}");
                }
                Assert.True(model.Diagnostics.All(d => d.Span.Start >= 0 && d.Span.End <= text.Length));
            }
        }
        output.WriteLine($"{name}: {values} unbalanced values, {reported} reported once, the rest prose");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(reported > 0, $"{name}: no value read as C");
    }
}
