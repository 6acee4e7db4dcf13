using System.Text;

namespace Kapi.Generators.Emitting;

/// <summary>
/// A small indented text writer (the Regex/STJ generators' habit): emitted code is built as text, never as
/// syntax trees (no NormalizeWhitespace). Lines always end with LF, so output is byte-identical on every OS.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new(4096);
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', _indent * 4);
            _sb.Append(text);
        }
        _sb.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter OpenBrace()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => _sb.ToString();
}
