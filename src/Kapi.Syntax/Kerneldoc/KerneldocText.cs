using System.Text;

namespace Kapi.Kerneldoc;

/// <summary>One run of a <see cref="KerneldocText"/> that comes from one place in the file.</summary>
/// <param name="TextStart">Where the run starts in <see cref="KerneldocText.Value"/>.</param>
/// <param name="SourceStart">Where it starts in the file.</param>
/// <param name="Length">Its length (the same in both).</param>
public readonly record struct KerneldocPiece(int TextStart, int SourceStart, int Length);

/// <summary>
/// A value written in a kerneldoc comment, possibly over several lines: the text without the comment's <c> * </c>
/// line prefixes (lines joined with a space, or with a line break in prose), and where each run of it is in the
/// file, so that anything found inside the value (a token, an unbalanced parenthesis) is reported at its exact place.
/// </summary>
public sealed class KerneldocText : IEquatable<KerneldocText>
{
    private KerneldocText(string value, EquatableArray<KerneldocPiece> pieces, TextSpan fallback)
    {
        Value = value;
        Pieces = pieces;
        Fallback = fallback;
    }

    public static KerneldocText Empty(int at) => new(string.Empty, EquatableArray<KerneldocPiece>.Empty, new TextSpan(at, 0));

    public string Value { get; }

    public EquatableArray<KerneldocPiece> Pieces { get; }

    /// <summary>Where an empty value is (right after its key).</summary>
    private TextSpan Fallback { get; }

    public int Length => Value.Length;

    public bool IsEmpty => Value.Length == 0;

    /// <summary>The span in the file of the whole value (from its first to its last character).</summary>
    public TextSpan Span => Pieces.IsEmpty ? Fallback : TextSpan.FromBounds(Pieces[0].SourceStart, Pieces[Pieces.Count - 1].SourceStart + Pieces[Pieces.Count - 1].Length);

    /// <summary>The file offset of a position in the value (a position between two runs maps to the start of the next).</summary>
    public int SourceOffset(int textOffset)
    {
        if (Pieces.IsEmpty) return Fallback.Start;
        var piece = Pieces[FirstPieceEndingAtOrAfter(textOffset)];
        if (textOffset < piece.TextStart) return piece.SourceStart;
        if (textOffset <= piece.TextStart + piece.Length) return piece.SourceStart + (textOffset - piece.TextStart);
        return piece.SourceStart + piece.Length; // past the last run
    }

    /// <summary>
    /// The first run that ends at or after <paramref name="textOffset"/> (the last run when none does), by binary
    /// search: a value over many lines has many runs, and every token of it is mapped back. Counted as one step of
    /// <see cref="WorkCounter"/> (at most 22 halvings for a 4 MiB file).
    /// </summary>
    private int FirstPieceEndingAtOrAfter(int textOffset)
    {
        WorkCounter.Tick();
        int lo = 0, hi = Pieces.Count - 1;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (Pieces[mid].TextStart + Pieces[mid].Length < textOffset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The file span of the part <c>[start, start + length)</c> of the value.</summary>
    public TextSpan SourceSpan(int start, int length)
    {
        if (length <= 0) return new TextSpan(SourceOffset(start), 0);
        int from = SourceOffset(start);
        int to = SourceOffset(start + length - 1) + 1;
        return TextSpan.FromBounds(from, Math.Max(from, to));
    }

    /// <summary>The part <c>[start, start + length)</c> of the value, with its runs.</summary>
    public KerneldocText Slice(int start, int length)
    {
        start = Math.Max(0, Math.Min(start, Value.Length));
        length = Math.Max(0, Math.Min(length, Value.Length - start));
        var pieces = new List<KerneldocPiece>();
        // only the runs that overlap the part (the first found by binary search)
        for (int i = Pieces.IsEmpty ? 0 : FirstPieceEndingAtOrAfter(start); i < Pieces.Count && Pieces[i].TextStart < start + length; i++)
        {
            WorkCounter.Tick();
            var piece = Pieces[i];
            int from = Math.Max(piece.TextStart, start);
            int to = Math.Min(piece.TextStart + piece.Length, start + length);
            if (from >= to) continue;
            pieces.Add(new KerneldocPiece(from - start, piece.SourceStart + (from - piece.TextStart), to - from));
        }
        return new KerneldocText(Value.Substring(start, length), pieces.ToEquatableArray(), new TextSpan(SourceOffset(start), 0));
    }

    /// <summary>The value without the blanks at either end.</summary>
    public KerneldocText Trim()
    {
        int start = 0, end = Value.Length;
        while (start < end && char.IsWhiteSpace(Value[start])) start++;
        while (end > start && char.IsWhiteSpace(Value[end - 1])) end--;
        return start == 0 && end == Value.Length ? this : Slice(start, end - start);
    }

    /// <summary>The parts between top-level commas (commas inside parentheses do not split), each trimmed.</summary>
    public List<KerneldocText> SplitTopLevel(char separator = ',', int maxParts = int.MaxValue)
    {
        var parts = new List<KerneldocText>();
        int depth = 0, start = 0;
        for (int i = 0; i < Value.Length && parts.Count < maxParts - 1; i++)
        {
            char c = Value[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            else if (c == separator && depth == 0)
            {
                parts.Add(Slice(start, i - start).Trim());
                start = i + 1;
            }
        }
        parts.Add(Slice(start, Value.Length - start).Trim());
        return parts;
    }

    public override string ToString() => Value;

    public bool Equals(KerneldocText? other) => other is not null && Value == other.Value && Pieces.Equals(other.Pieces);

    public override bool Equals(object? obj) => Equals(obj as KerneldocText);

    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Builds a value from runs of the file, joined by separators that are in no run.</summary>
    public sealed class Builder
    {
        // the thread's cached StringBuilder, taken at the first run and given back by Build
        private StringBuilder? _text;
        private readonly List<KerneldocPiece> _pieces = new();
        private readonly int _at;
        private string? _built;

        public Builder(int at) => _at = at;

        public bool IsEmpty => _built is null ? _text is null || _text.Length == 0 : _built.Length == 0;

        public void Append(string source, int sourceStart, int length)
        {
            if (length <= 0) return;
            var text = Text();
            _pieces.Add(new KerneldocPiece(text.Length, sourceStart, length));
            text.Append(source, sourceStart, length);
        }

        /// <summary>A separator between lines (a space or a line break), not part of the file's text.</summary>
        public void Separator(string separator)
        {
            if (!IsEmpty) Text().Append(separator);
        }

        public KerneldocText Build() => new(Value(), _pieces.ToEquatableArray(), new TextSpan(_at, 0));

        private StringBuilder Text()
        {
            if (_built is not null)
            {
                // appended to after Build: go on from the value built so far
                _text = StringBuilderCache.Acquire().Append(_built);
                _built = null;
            }
            return _text ??= StringBuilderCache.Acquire();
        }

        private string Value()
        {
            if (_built is null)
            {
                _built = _text is null ? string.Empty : StringBuilderCache.ToStringAndRelease(_text);
                _text = null;
            }
            return _built;
        }
    }
}
