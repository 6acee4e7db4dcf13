using System.Collections;
using Kapi.Collections;
using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Cli.Output;

/// <summary>One labelled value of an outline: <c>Valid mask: 0x7 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)</c>.</summary>
/// <param name="Label">The field's label from the schema.</param>
/// <param name="Value">The value as text for the selected architecture.</param>
/// <param name="IsProse">Multi-line prose (a long description, notes): printed as a block under its label.</param>
/// <param name="IsCode">Source code (examples): printed as a code block where the format has one.</param>
internal sealed record OutlineEntry(string Label, string Value, bool IsProse, bool IsCode);

/// <summary>
/// A section of the outline of a spec: a title (<c>Parameters (2)</c>) or, for one item of a list, a headline made of
/// the item's name and its identifying number (<c>EINVAL (-22)</c>); its entries; and nested sections.
/// </summary>
internal sealed class OutlineSection
{
    public OutlineSection(string title) => Title = title;

    public string Title { get; }

    public List<OutlineEntry> Entries { get; } = new();

    public List<OutlineSection> Children { get; } = new();
}

/// <summary>
/// Turns a spec into an outline by walking its sections' schemas (<see cref="KapiSectionSchema"/>): every field that
/// is set appears, labelled as the schema labels it, with its value on one architecture. The plain and RST formats
/// print this outline, so a field added to the model shows up in them without touching them.
/// </summary>
internal static class SpecOutline
{
    public static OutlineSection Build(ApiSpec spec, KapiArchitecture arch)
    {
        var root = new OutlineSection(spec.Name);
        root.Entries.Add(new OutlineEntry("Kind", ValueText.ApiType(spec), false, false));
        root.Entries.Add(new OutlineEntry("Architecture", arch.RidName(), false, false));
        AddFields(root, spec, ApiSpec.Schema, arch, skip: null);
        return root;
    }

    private static void AddFields(OutlineSection section, object record, KapiSectionSchema schema, KapiArchitecture arch, ISet<KapiField>? skip)
    {
        foreach (var field in schema.Fields)
        {
            if (skip is not null && skip.Contains(field)) continue;
            if (field.RuntimeProperty is null) continue; // a fact only the model keeps for the generator
            var value = field.GetValue(record);
            if (KapiField.IsEmpty(value)) continue;
            switch (field.Kind)
            {
                case KapiFieldKind.Section:
                {
                    var child = new OutlineSection(field.Label);
                    AddFields(child, value!, field.Section!, arch, skip: null);
                    if (child.Entries.Count > 0 || child.Children.Count > 0) section.Children.Add(child);
                    break;
                }
                case KapiFieldKind.Sections:
                {
                    var items = ((IEnumerable)value!).Cast<object>().ToList();
                    var list = new OutlineSection($"{field.Label} ({items.Count})");
                    foreach (var item in items) list.Children.Add(Item(item, field.Section!, arch));
                    section.Children.Add(list);
                    break;
                }
                default:
                    if (Entry(field, value!, arch) is { } entry) section.Entries.Add(entry);
                    break;
            }
        }
    }

    /// <summary>One item of a list, headed by its name (the first text field) and the number that identifies it (the number field just before the name).</summary>
    private static OutlineSection Item(object record, KapiSectionSchema schema, KapiArchitecture arch)
    {
        KapiField? name = null, number = null;
        KapiField? previous = null;
        foreach (var field in schema.Fields)
        {
            if (field.RuntimeProperty is null) continue;
            if (field.Kind == KapiFieldKind.Text && field.GetValue(record) is string { Length: > 0 })
            {
                name = field;
                if (previous is { Kind: KapiFieldKind.Number } && previous.GetValue(record) is KapiValue) number = previous;
                break;
            }
            if (field.Property != "Index") previous = field;
        }
        var indexField = schema.Fields.FirstOrDefault(f => f.Property == "Index");
        var headline = new List<string>();
        if (indexField?.GetValue(record) is int index) headline.Add($"[{index}]");
        if (name is not null) headline.Add(ValueText.OneLine((string)name.GetValue(record)!));
        if (number is not null) headline.Add("(" + ValueText.ValueOnly((KapiValue)number.GetValue(record)!, arch) + ")");
        var section = new OutlineSection(string.Join(" ", headline));
        var skip = new HashSet<KapiField>();
        if (name is not null) skip.Add(name);
        if (number is not null) skip.Add(number);
        if (indexField is not null) skip.Add(indexField);
        AddFields(section, record, schema, arch, skip);
        return section;
    }

    private static OutlineEntry? Entry(KapiField field, object value, KapiArchitecture arch)
    {
        bool mask = (field.JsonOptions & KapiJsonOptions.Unsigned) != 0;
        switch (field.Kind)
        {
            case KapiFieldKind.Text:
            {
                var text = (string)value;
                bool code = field.Property == nameof(ApiSpec.Examples);
                bool prose = code || text.IndexOf('\n') >= 0;
                return new OutlineEntry(field.Label, prose ? text : ValueText.OneLine(text), prose, code);
            }
            case KapiFieldKind.Symbol:
                return new OutlineEntry(field.Label, (string)value, false, false);
            case KapiFieldKind.Number:
                return new OutlineEntry(field.Label, ValueText.Show((KapiValue)value, arch, hex: mask), false, false);
            case KapiFieldKind.Flag:
                return new OutlineEntry(field.Label, "yes", false, false);
            case KapiFieldKind.Count:
                return new OutlineEntry(field.Label, ValueText.Dec(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)), false, false);
            case KapiFieldKind.Term:
                return new OutlineEntry(field.Label, ValueText.Term((IKapiTerm)value), false, false);
            case KapiFieldKind.Numbers:
                return new OutlineEntry(field.Label, string.Join(", ", ((EquatableArray<KapiValue>)value).Select(v => ValueText.Show(v, arch, hex: mask))), false, false);
            case KapiFieldKind.NamedNumbers:
                return new OutlineEntry(field.Label, string.Join(", ", ((EquatableArray<KapiNamedValue>)value).Select(v => ValueText.Named(v, arch, hex: field.Property == nameof(ParamSpec.MaskFlags)))), false, false);
            case KapiFieldKind.Texts:
                return new OutlineEntry(field.Label, string.Join(", ", (EquatableArray<string>)value), false, false);
            default:
                return null;
        }
    }
}
