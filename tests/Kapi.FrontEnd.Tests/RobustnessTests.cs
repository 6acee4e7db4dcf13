using System.Text;
using CsCheck;
using Kapi.Diagnostics;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// Hostile input never crashes, hangs or produces a diagnostic outside the file; work grows linearly.
/// Seeds are every corpus file (read from ../shared at run time) and every spec in kapi/.
/// </summary>
public class RobustnessTests
{
    private static readonly string[] s_seeds = LoadSeeds();

    private static string[] LoadSeeds()
    {
        var files = new List<string>();
        if (RepositoryPaths.CorpusAvailable) files.AddRange(Directory.GetFiles(RepositoryPaths.CorpusMacroDir, "*.kapi"));
        if (Directory.Exists(RepositoryPaths.KapiDir)) files.AddRange(Directory.GetFiles(RepositoryPaths.KapiDir, "*.kapi", SearchOption.AllDirectories));
        files.Sort(StringComparer.Ordinal);
        var seeds = files.Select(File.ReadAllText).ToList();
        // a small built-in seed so the test means something even without the corpus
        seeds.Add(TestHelpers.Spec("""
            KAPI_PARAM(0, "flags", "int", "f")
                .valid_mask = MCL_CURRENT | MCL_FUTURE,
                KAPI_PARAM_ENUM_VALUES((const s64[]){1, 2})
            KAPI_PARAM_END
            KAPI_ERROR(0, -EINVAL, "EINVAL", "c", "d")
            .error_count = 1,
            """));
        return seeds.ToArray();
    }

    private static void AssertWellFormed(string text, KapiFileModel model)
    {
        foreach (var d in model.Diagnostics)
        {
            Assert.InRange(d.Span.Start, 0, text.Length);
            Assert.InRange(d.Span.End, d.Span.Start, text.Length);
            Assert.False(string.IsNullOrEmpty(d.Message));
        }
        foreach (var l in model.Locations)
        {
            Assert.InRange(l.BlockSpan.End, 0, text.Length);
        }
    }

    internal static string Mutate(string seed, int kind, Random r)
    {
        if (seed.Length == 0) return seed;
        int at = r.Next(seed.Length);
        switch (kind)
        {
            case 0: // flip a character
                {
                    var chars = seed.ToCharArray();
                    for (int i = 0; i < 1 + r.Next(8); i++) chars[r.Next(chars.Length)] = (char)r.Next(0, 0x3000);
                    return new string(chars);
                }
            case 1: // truncate
                return seed.Substring(0, at);
            case 2: // delete a run
                return seed.Remove(at, Math.Min(seed.Length - at, 1 + r.Next(40)));
            case 3: // duplicate a run
                {
                    int len = Math.Min(seed.Length - at, 1 + r.Next(200));
                    return seed.Insert(at, seed.Substring(at, len));
                }
            case 4: // deep nesting
                return seed.Insert(at, new string('(', 2000) + new string('{', 2000));
            case 5: // huge numbers
                return seed.Insert(at, " 0x" + new string('f', 100) + " 99999999999999999999999 ");
            case 6: // megabyte string
                return seed.Insert(at, "\"" + new string('x', 1 << 20) + "\"");
            case 7: // invalid UTF-8, decoded as a reader would
                {
                    var bytes = Encoding.UTF8.GetBytes(seed).ToList();
                    bytes.InsertRange(Math.Min(bytes.Count, at), new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0x80 });
                    return Encoding.UTF8.GetString(bytes.ToArray());
                }
            case 8: // NUL bytes
                return seed.Insert(at, "\0\0\0");
            case 9: // CRLF / CR line ends
                return r.Next(2) == 0 ? seed.Replace("\n", "\r\n") : seed.Replace("\n", "\r");
            case 10: // BOMs
                return "\uFEFF" + seed.Insert(at, "\uFEFF");
            case 11: // token soup: shuffle whitespace-separated words
                {
                    var words = seed.Split(' ', '\t', '\n');
                    for (int i = 0; i < Math.Min(20, words.Length); i++)
                    {
                        int a = r.Next(words.Length), b = r.Next(words.Length);
                        (words[a], words[b]) = (words[b], words[a]);
                    }
                    return string.Join(" ", words);
                }
            default: // unbalanced braces and closers
                return seed.Insert(at, r.Next(2) == 0 ? "}}}},KAPI_PARAM_END KAPI_END_SPEC;" : "KAPI_PARAM(0,\"x\",\"int\",\"x\") {{{{");
        }
    }

    [Fact]
    public void Mutated_specs_never_crash_and_spans_stay_inside_the_file()
    {
        Gen.Select(Gen.Int[0, s_seeds.Length - 1], Gen.Int[0, 12], Gen.Int)
            .Sample((seed, kind, rnd) =>
            {
                string text = Mutate(s_seeds[seed], kind, new Random(rnd));
                var model = KapiDocument.Bind(text, "mutated.kapi");
                AssertWellFormed(text, model);
            }, iter: 600, threads: 1);
    }

    [Fact]
    public void Arbitrary_strings_never_crash()
    {
        Gen.String.Sample(text =>
        {
            var model = KapiDocument.Bind(text, "random.kapi");
            AssertWellFormed(text, model);
            var c = KapiDocument.Bind(text, "random.c");
            AssertWellFormed(text, c);
        }, iter: 2000);
    }

    [Fact]
    public void Random_bytes_decoded_as_utf8_never_crash()
    {
        Gen.Byte.Array[0, 4096].Sample(bytes =>
        {
            string text = Encoding.UTF8.GetString(bytes);
            AssertWellFormed(text, KapiDocument.Bind(text, "bytes.kapi"));
        }, iter: 500);
    }

    [Fact]
    public void Ten_megabyte_file_gives_one_diagnostic_and_no_work()
    {
        string text = new string('A', 10 * 1024 * 1024);
        var model = KapiDocument.Bind(text, "big.kapi");
        Assert.Equal("KAPI0005", Assert.Single(model.Diagnostics).Id);
    }

    [Fact]
    public void Binary_data_gives_diagnostics_not_exceptions()
    {
        var r = new Random(42);
        var bytes = new byte[1 << 20];
        r.NextBytes(bytes);
        string text = Encoding.Latin1.GetString(bytes);
        var model = KapiDocument.Bind(text, "binary.kapi");
        Assert.True(model.HasErrors);
        AssertWellFormed(text, model);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(11)]
    [InlineData(12)]
    public void Work_grows_linearly_with_input_size(int mutation)
    {
        // parse k copies of the (mutated) corpus and compare the step counts: linear means count(8x) ≈ 8 × count(1x)
        string unit = string.Concat(s_seeds.Select((s, i) => Mutate(s, mutation, new Random(i)) + "\n"));
        long Work(int copies)
        {
            string text = string.Concat(Enumerable.Repeat(unit, copies));
            WorkCounter.Reset();
            KapiDocument.Bind(text, "linear.kapi", new KapiParseOptions(MaxFileSize: int.MaxValue));
            return WorkCounter.Count;
        }
        long one = Work(1);
        long eight = Work(8);
        // Only the upper bound matters: less work than linear is fine (a mutation such as unclosed nesting
        // makes later copies cheaper to skip), more than linear is the bug this test guards against.
        Assert.True(one > 0);
        Assert.InRange(eight, one, 9 * one + 1000);
    }
}
