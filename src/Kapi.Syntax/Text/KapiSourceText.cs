namespace Kapi.Text;

/// <summary>
/// The text of one spec file with a line map. Lines end at LF, CRLF or a lone CR.
/// </summary>
public sealed class KapiSourceText
{
    private readonly int[] _lineStarts;

    /// <summary>The characters that end a line (searched with <c>IndexOfAny</c>, vectorized on .NET).</summary>
    internal static readonly char[] LineBreaks = { '\r', '\n' };

    public KapiSourceText(string text, string path = "")
    {
        Text = text ?? string.Empty;
        Path = path ?? string.Empty;
        var starts = new List<int> { 0 };
        // IndexOfAny is vectorized on .NET (Core): most characters are not line breaks
        for (int i = Text.IndexOfAny(LineBreaks); i >= 0; i = Text.IndexOfAny(LineBreaks, i + 1))
        {
            if (Text[i] == '\r' && i + 1 < Text.Length && Text[i + 1] == '\n') i++;
            starts.Add(i + 1);
            if (i + 1 >= Text.Length) break;
        }
        _lineStarts = starts.ToArray();
    }

    public string Text { get; }

    public string Path { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public char this[int index] => Text[index];

    public string ToString(TextSpan span)
    {
        int start = Math.Max(0, Math.Min(span.Start, Text.Length));
        int end = Math.Max(start, Math.Min(span.End, Text.Length));
        return Text.Substring(start, end - start);
    }

    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Text.Length));
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return new LinePosition(index, offset - _lineStarts[index]);
    }

    public int GetLineStart(int line) => _lineStarts[Math.Max(0, Math.Min(line, _lineStarts.Length - 1))];

    public override string ToString() => Text;
}
