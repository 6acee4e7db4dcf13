namespace Kapi.Text;

/// <summary>A half-open range of UTF-16 offsets in a spec file.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public TextSpan Cover(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>Zero-based line and character position.</summary>
public readonly record struct LinePosition(int Line, int Character)
{
    public override string ToString() => $"({Line + 1},{Character + 1})";
}
