namespace Kapi.Kerneldoc;

/// <summary>
/// A byte-level test, run on a C file's raw UTF-8 bytes before they are validated or decoded, that tells whether the
/// front end could find a spec in it. <see cref="MayContainSpec"/> is false only when neither form can be there:
/// no <c>/**</c> comment holds a KAPI key before a colon (the check <see cref="KerneldocReader.Read"/> makes on each
/// comment before reading it), and the file names no entry macro of the C-macro form (the check that decides whether
/// the binder parses a C file at all). A file it rejects holds no spec and yields no diagnostic from the front end, so
/// a reader of a whole kernel tree can skip it without decoding it.
/// </summary>
/// <remarks>
/// Every character the two checks look at is ASCII, and UTF-8 keeps ASCII bytes as they are: a multi-byte sequence
/// (and an invalid byte, which decodes to U+FFFD) holds no ASCII byte, so two ASCII characters are neighbours in the
/// decoded text exactly when their bytes are neighbours in the file. A byte offset thus finds every <c>/**</c>,
/// <c>*/</c>, colon and entry-macro name the text-level checks find. The one difference errs on the safe side: the
/// reader's key may extend over non-ASCII lower-case letters (<c>élong-desc:</c> is no key), where this test stops
/// at the first non-ASCII byte and accepts <c>long-desc</c>. A BOM is non-ASCII too, so it needs no special case.
/// The keys and names are <see cref="SpecMarkers"/>', which the reader and the binder use too.
/// </remarks>
public static class SpecPrefilter
{
    /// <summary>The indicator keys as bytes, indexed by length.</summary>
    private static readonly byte[][][] s_indicatorsByLength = ByLength(SpecMarkers.IndicatorKeys);

    /// <summary>The macro form's entry names as bytes.</summary>
    private static readonly byte[][] s_macroEntryNames = Ascii(SpecMarkers.MacroEntryNames);

    /// <summary>
    /// Finds <paramref name="value"/> (a few ASCII bytes) in <paramref name="bytes"/>[<paramref name="start"/> ..
    /// <paramref name="end"/>): the index of its first occurrence, or -1. The test is written in terms of this one
    /// search so that a caller on a newer runtime can pass a vectorized one (this assembly targets netstandard2.0,
    /// which has no span searches); any correct search gives the same answer.
    /// </summary>
    public delegate int ByteSearch(byte[] bytes, int start, int end, byte[] value);

    private static readonly byte[] s_commentOpen = { (byte)'/', (byte)'*', (byte)'*' };
    private static readonly byte[] s_commentClose = { (byte)'*', (byte)'/' };
    private static readonly byte[] s_colon = { (byte)':' };
    private static readonly byte[] s_specUpper = Ascii("_SPEC")[0];
    private static readonly byte[] s_specLower = Ascii("_spec")[0];

    /// <summary>The search used when the caller passes none: <see cref="Array.IndexOf{T}(T[], T, int, int)"/> on the first byte.</summary>
    public static ByteSearch DefaultSearch { get; } = IndexOf;

    /// <summary>
    /// False when the UTF-8 bytes <paramref name="utf8"/>[<paramref name="offset"/> .. +<paramref name="count"/>]
    /// can hold no spec of either form (see the class remarks); true when they may. <paramref name="search"/>
    /// (by default <see cref="DefaultSearch"/>) finds byte sequences.
    /// </summary>
    public static bool MayContainSpec(byte[] utf8, int offset, int count, ByteSearch? search = null)
    {
        if (utf8 is null) throw new ArgumentNullException(nameof(utf8));
        if (offset < 0 || count < 0 || offset > utf8.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        search ??= DefaultSearch;
        int end = offset + count;
        return HasIndicatorComment(utf8, offset, end, search)
            || NamesEntryMacro(utf8, offset, end, s_specUpper, search)
            || NamesEntryMacro(utf8, offset, end, s_specLower, search);
    }

    // ------------------------------------------------------------------ kernel-doc comments

    /// <summary>The reader's comment loop on bytes: each <c>/**</c> … <c>*/</c> (not <c>/**/</c>) in turn, its keys checked.</summary>
    private static bool HasIndicatorComment(byte[] b, int start, int end, ByteSearch search)
    {
        int pos = start;
        while (pos < end)
        {
            int open = search(b, pos, end, s_commentOpen);
            if (open < 0) return false;
            if (open + 3 < end && b[open + 3] == '/')
            {
                pos = open + 4; // "/**/"
                continue;
            }
            int close = search(b, open + 3, end, s_commentClose);
            if (close < 0) return false;
            if (HasIndicator(b, open + 3, close, search)) return true;
            pos = close + 2;
        }
        return false;
    }

    /// <summary>True when the run of <c>a-z</c> and <c>-</c> right before some colon in [from, to) is an indicator key.</summary>
    private static bool HasIndicator(byte[] b, int from, int to, ByteSearch search)
    {
        int i = from;
        while (i < to)
        {
            int colon = search(b, i, to, s_colon);
            if (colon < 0) return false;
            int j = colon;
            while (j > from && (b[j - 1] is >= (byte)'a' and <= (byte)'z' || b[j - 1] == '-')) j--;
            int length = colon - j;
            if (length < s_indicatorsByLength.Length && s_indicatorsByLength[length] is { } candidates)
            {
                foreach (var key in candidates)
                {
                    if (Matches(b, j, key)) return true;
                }
            }
            i = colon + 1;
        }
        return false;
    }

    // ------------------------------------------------------------------ entry macros

    /// <summary>True when an entry macro name ends with <paramref name="suffix"/> (<c>_SPEC</c> or <c>_spec</c>: every name ends so) somewhere.</summary>
    private static bool NamesEntryMacro(byte[] b, int start, int end, byte[] suffix, ByteSearch search)
    {
        int pos = start;
        while (pos < end)
        {
            int at = search(b, pos, end, suffix);
            if (at < 0) return false;
            foreach (var name in s_macroEntryNames)
            {
                int from = at + suffix.Length - name.Length;
                if (from >= start && Matches(b, from, name)) return true;
            }
            pos = at + 1;
        }
        return false;
    }

    /// <summary>The default search: the runtime's <see cref="Array.IndexOf{T}(T[], T, int, int)"/> (vectorized on .NET) for the first byte, then a compare.</summary>
    private static int IndexOf(byte[] bytes, int start, int end, byte[] value)
    {
        int last = end - value.Length;
        while (start <= last)
        {
            int i = Array.IndexOf(bytes, value[0], start, last + 1 - start);
            if (i < 0) return -1;
            if (Matches(bytes, i, value)) return i;
            start = i + 1;
        }
        return -1;
    }

    // ------------------------------------------------------------------ helpers

    private static bool Matches(byte[] b, int at, byte[] value)
    {
        for (int k = 0; k < value.Length; k++)
        {
            if (b[at + k] != value[k]) return false;
        }
        return true;
    }

    private static byte[][] Ascii(params string[] values) => Array.ConvertAll(values, v => System.Text.Encoding.ASCII.GetBytes(v));

    private static byte[][][] ByLength(params string[] keys)
    {
        int max = 0;
        foreach (var k in keys) max = Math.Max(max, k.Length);
        var result = new byte[max + 1][][];
        foreach (var key in Ascii(keys))
        {
            var group = result[key.Length] ?? Array.Empty<byte[]>();
            Array.Resize(ref group, group.Length + 1);
            group[group.Length - 1] = key;
            result[key.Length] = group;
        }
        return result;
    }
}
