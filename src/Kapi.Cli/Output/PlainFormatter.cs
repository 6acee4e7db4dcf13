using System.Text;

namespace Kapi.Cli.Output;

/// <summary>
/// The plain text format: the upstream tool's list layout, and for one spec its outline (<see cref="SpecOutline"/>):
/// "Detailed information for NAME:", then every field that is set as <c>Label: value</c>, every list as
/// <c>Label (N):</c> with one indented block per item.
/// </summary>
internal sealed class PlainFormatter
{
    private readonly StringBuilder _text = new();

    private void Line(string line = "") => _text.Append(line).Append('\n');

    public static string List(IReadOnlyList<ApiSpec> specs)
    {
        var f = new PlainFormatter();
        foreach (var (type, title) in SpecList.Groups)
        {
            var group = specs.Where(s => ValueText.ApiType(s) == type).ToList();
            if (group.Count == 0) continue;
            f.Line();
            f.Line(title + ":");
            f.Line(new string('-', title.Length + 1));
            foreach (var s in group) f.Line("  " + s.Name);
        }
        f.Line();
        f.Line($"Total specifications found: {specs.Count}");
        return f._text.ToString();
    }

    public static string Details(ApiSpec spec, KapiArchitecture arch)
    {
        var f = new PlainFormatter();
        var outline = SpecOutline.Build(spec, arch);
        f.Line();
        string title = $"Detailed information for {outline.Title}:";
        f.Line(title);
        f.Line(new string('=', title.Length));
        f.WriteEntries(outline.Entries, indent: string.Empty);
        foreach (var child in outline.Children)
        {
            f.Line();
            f.WriteSection(child, indent: string.Empty);
        }
        return f._text.ToString();
    }

    private void WriteSection(OutlineSection section, string indent)
    {
        Line(indent + section.Title + ":");
        WriteEntries(section.Entries, indent + "  ");
        foreach (var child in section.Children)
        {
            // an item of a list ("[0] flags") gets its fields under it; a nested section ("Sysfs:") is one more level
            if (child.Title.StartsWith("[", System.StringComparison.Ordinal))
            {
                Line(indent + "  " + child.Title);
                WriteEntries(child.Entries, indent + "      ");
                foreach (var nested in child.Children) WriteSection(nested, indent + "      ");
            }
            else
            {
                WriteSection(child, indent + "  ");
            }
        }
    }

    private void WriteEntries(IEnumerable<OutlineEntry> entries, string indent)
    {
        foreach (var entry in entries)
        {
            if (entry.IsProse)
            {
                Line(indent + entry.Label + ":");
                foreach (var line in entry.Value.Replace("\r\n", "\n").Split('\n')) Line(line.Length == 0 ? string.Empty : indent + "  " + line);
            }
            else
            {
                Line(indent + entry.Label + ": " + entry.Value);
            }
        }
    }
}
