using System.Text;

namespace Kapi.Cli.Output;

/// <summary>
/// reStructuredText: the API name as the document title ('='), the spec's fields as a field list, each section a
/// '-' subsection, list items as bullets with their own field lists, examples as a C code block. Every heading is a
/// valid RST title and field lists are separated from the paragraph before them.
/// </summary>
internal sealed class RstFormatter
{
    private readonly StringBuilder _text = new();

    private void Line(string line = "") => _text.Append(line).Append('\n');

    private void Title(string title, char underline)
    {
        Line(title);
        Line(new string(underline, title.Length));
        Line();
    }

    /// <summary>Indents the continuation lines of a multi-line text so it stays inside its list item or field.</summary>
    private static string Indent(string text, string indent) => text.Replace("\r\n", "\n").Replace("\n", "\n" + indent);

    public static string List(IReadOnlyList<ApiSpec> specs)
    {
        var f = new RstFormatter();
        foreach (var (type, title) in SpecList.Groups)
        {
            var group = specs.Where(s => ValueText.ApiType(s) == type).ToList();
            if (group.Count == 0) continue;
            f.Line();
            f.Title(title, '=');
            foreach (var s in group) f.Line($"* **{s.Name}** (*{type}*)");
        }
        f.Line();
        f.Line($"**Total specifications found:** {specs.Count}");
        return f._text.ToString();
    }

    public static string Details(ApiSpec spec, KapiArchitecture arch)
    {
        var f = new RstFormatter();
        var outline = SpecOutline.Build(spec, arch);
        f.Line();
        f.Title(outline.Title, '=');
        var blocks = new List<OutlineEntry>();
        foreach (var entry in outline.Entries)
        {
            if (entry.IsProse) blocks.Add(entry);
            else f.Line($":{entry.Label}: {entry.Value}");
        }
        f.Line();
        foreach (var block in blocks) f.WriteBlock(block);
        foreach (var child in outline.Children) f.WriteSection(child, depth: 0);
        return f._text.ToString();
    }

    private void WriteBlock(OutlineEntry entry)
    {
        Title(entry.Label, '-');
        if (entry.IsCode)
        {
            Line(".. code-block:: c");
            Line();
            foreach (var line in entry.Value.Replace("\r\n", "\n").Split('\n')) Line(line.Length == 0 ? string.Empty : "   " + line);
        }
        else
        {
            Line(entry.Value);
        }
        Line();
    }

    private static readonly char[] s_underlines = { '-', '~', '^', '"' };

    private void WriteSection(OutlineSection section, int depth)
    {
        Title(section.Title, s_underlines[System.Math.Min(depth, s_underlines.Length - 1)]);
        WriteFields(section.Entries, string.Empty);
        foreach (var child in section.Children)
        {
            // an item of a list ("[0] flags") is a bullet; a nested section (the network part's socket state) a subsection
            if (child.Title.StartsWith("[", System.StringComparison.Ordinal)) WriteItem(child, string.Empty);
            else WriteSection(child, depth + 1);
        }
    }

    private void WriteItem(OutlineSection item, string indent)
    {
        Line($"{indent}* **{item.Title}**");
        Line();
        WriteFields(item.Entries, indent + "  ");
        foreach (var nested in item.Children)
        {
            Line($"{indent}  **{nested.Title}**");
            Line();
            WriteFields(nested.Entries, indent + "  ");
            foreach (var grandchild in nested.Children) WriteItem(grandchild, indent + "  ");
        }
    }

    private void WriteFields(List<OutlineEntry> entries, string indent)
    {
        if (entries.Count == 0) return;
        foreach (var entry in entries)
        {
            string value = entry.IsCode ? "``" + ValueText.OneLine(entry.Value) + "``" : Indent(entry.Value, indent + "   ");
            Line($"{indent}:{entry.Label}: {value}");
        }
        Line();
    }
}
