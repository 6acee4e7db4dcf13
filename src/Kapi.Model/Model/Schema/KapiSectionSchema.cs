using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Kapi.Vocabulary;

namespace Kapi.Model.Schema;

/// <summary>What kind of value a field of a section holds (and so how it is read from a spec and written out).</summary>
public enum KapiFieldKind
{
    /// <summary>A string (<c>string?</c>): a string literal, a string macro, or an identifier or expression as written.</summary>
    Text,
    /// <summary>A name or expression kept as written (<c>string?</c>): the validation function of <c>.validate = fn</c>.</summary>
    Symbol,
    /// <summary>A C integer expression evaluated on every architecture (<see cref="KapiValue"/>).</summary>
    Number,
    /// <summary>A boolean (<c>bool</c>): a flag macro, or a non-zero expression.</summary>
    Flag,
    /// <summary>An index or a count (<c>long?</c>), evaluated once.</summary>
    Count,
    /// <summary>A value of the KAPI vocabulary (<see cref="KapiTerm{T}"/>), meaning set from the identifiers used.</summary>
    Term,
    /// <summary>A list of evaluated expressions (<c>EquatableArray&lt;KapiValue&gt;</c>).</summary>
    Numbers,
    /// <summary>A list of named constants (<c>EquatableArray&lt;KapiNamedValue&gt;</c>).</summary>
    NamedNumbers,
    /// <summary>A list of strings (<c>EquatableArray&lt;string&gt;</c>).</summary>
    Texts,
    /// <summary>One nested section.</summary>
    Section,
    /// <summary>A list of nested sections, by index.</summary>
    Sections,
}

/// <summary>How a field is written in upstream's JSON beyond its key.</summary>
[Flags]
public enum KapiJsonOptions
{
    None = 0,
    /// <summary>Written as 0 when absent (the zero-initialised C struct), not null.</summary>
    ZeroWhenAbsent = 1,
    /// <summary>A bit mask, written unsigned.</summary>
    Unsigned = 2,
}

/// <summary>
/// One field of a section of the model: the single description of that fact, which the binder reads it by, the
/// generator emits it by (runtime metadata property <see cref="Property"/>) and the CLI prints it by.
/// </summary>
public sealed class KapiField
{
    /// <summary>Pass as the runtime property of a fact the runtime metadata does not carry.</summary>
    internal const string ModelOnly = "";

    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;

    private KapiField(string? cName, string property, KapiFieldKind kind, string label, string? jsonName, KapiSectionSchema? section,
        Func<IKapiFieldSource, KapiField, object?>? read, string? runtimeProperty, KapiJsonOptions jsonOptions, bool runtimeAsText, bool writtenAsString,
        string? documentation, Type valueType, Func<object, object?> get, Action<object, object?> set)
    {
        (CName, Property, Kind, Label, JsonName, Section, JsonOptions, RuntimeAsText, Documentation, ValueType, _get, _set) =
            (cName, property, kind, label, jsonName, section, jsonOptions, runtimeAsText, documentation, valueType, get, set);
        // a term's value is a KapiTerm<TEnum>
        TermType = kind == KapiFieldKind.Term ? valueType.GetGenericArguments()[0] : null;
        WrittenAsString = writtenAsString || kind == KapiFieldKind.Text;
        RuntimeProperty = runtimeProperty == ModelOnly ? null : runtimeProperty ?? property;
        Read = read ?? DefaultRead;
    }

    /// <summary>
    /// The field <paramref name="property"/> of <typeparamref name="TOwner"/>, whose type the declaration states as
    /// <typeparamref name="TValue"/>: the accessors are typed delegates over the property's own get and init methods,
    /// made once per field (MethodInfo.Invoke on every read and write of every spec was a quarter of the binder's
    /// time), and with both types known here no code is made at run time, so a native (ahead-of-time compiled) CLI
    /// binds as the JIT-compiled one does.
    /// </summary>
    internal static KapiField Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOwner, TValue>(
        string? cName, string property, KapiFieldKind kind, string label, string? jsonName, KapiSectionSchema? section,
        Func<IKapiFieldSource, KapiField, object?>? read, string? runtimeProperty, KapiJsonOptions jsonOptions, bool runtimeAsText, bool writtenAsString,
        string? documentation)
    {
        var info = typeof(TOwner).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(TOwner).Name} has no property {property}");
        if (info.PropertyType != typeof(TValue))
        {
            throw new InvalidOperationException($"{typeof(TOwner).Name}.{property} is a {info.PropertyType.Name}, declared as a {typeof(TValue).Name}");
        }
        var getter = info.GetGetMethod()!;
        var setter = info.GetSetMethod(nonPublic: true) ?? throw new InvalidOperationException($"{typeof(TOwner).Name}.{property} has no setter");
        var get = (Func<TOwner, TValue>)Delegate.CreateDelegate(typeof(Func<TOwner, TValue>), getter);
        var set = (Action<TOwner, TValue>)Delegate.CreateDelegate(typeof(Action<TOwner, TValue>), setter);
        return new KapiField(cName, property, kind, label, jsonName, section, read, runtimeProperty, jsonOptions, runtimeAsText, writtenAsString,
            documentation, typeof(TValue), o => get((TOwner)o), (o, v) => set((TOwner)o, (TValue)v!));
    }

    /// <summary>The designated-initializer field of the C structure (<c>valid_mask</c>), or null for a fact derived from others.</summary>
    public string? CName { get; }

    /// <summary>The property of the model record (<c>ValidMask</c>).</summary>
    public string Property { get; }

    /// <summary>
    /// The property of the runtime metadata class (the same name but for a few historical ones: <c>Params</c> is
    /// <c>Parameters</c>), or null for a fact only the model keeps (derived for the generator's own decisions).
    /// </summary>
    public string? RuntimeProperty { get; }

    /// <summary>For a <see cref="KapiFieldKind.Term"/>: the runtime metadata keeps only its text (a <c>string</c>), not a <c>KapiConstant</c>.</summary>
    public bool RuntimeAsText { get; }

    public KapiJsonOptions JsonOptions { get; }

    /// <summary>What the field means, for the runtime metadata's documentation (the label when null).</summary>
    public string? Documentation { get; }

    /// <summary>The spec writes the value as a string literal (or a string macro); anything else is a mistake.</summary>
    public bool WrittenAsString { get; }

    public KapiFieldKind Kind { get; }

    /// <summary>How the CLI labels the field (<c>Valid mask</c>).</summary>
    public string Label { get; }

    /// <summary>The key of upstream's <c>tools/kapi</c> JSON, or null when upstream has none.</summary>
    public string? JsonName { get; }

    /// <summary>For <see cref="KapiFieldKind.Section"/> and <see cref="KapiFieldKind.Sections"/>: the nested section.</summary>
    public KapiSectionSchema? Section { get; }

    /// <summary>For <see cref="KapiFieldKind.Term"/>: the vocabulary enum.</summary>
    public Type? TermType { get; }

    /// <summary>The CLR type of the property.</summary>
    public Type ValueType { get; }

    internal Func<IKapiFieldSource, KapiField, object?> Read { get; }

    /// <summary>The field's value in <paramref name="owner"/> (a record of the section).</summary>
    public object? GetValue(object owner) => _get(owner);

    internal void SetValue(object owner, object? value) => _set(owner, value);

    /// <summary>True when the value is the field's "not given" value (null, false, an empty list).</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string => false,
        bool b => !b,
        System.Collections.IEnumerable e => !e.GetEnumerator().MoveNext(),
        _ => false,
    };

    private static object? DefaultRead(IKapiFieldSource source, KapiField field)
    {
        string c = field.CName!;
        if (field.Kind != KapiFieldKind.Section && field.Kind != KapiFieldKind.Sections && !source.Has(c)) return null;
        return field.Kind switch
        {
            KapiFieldKind.Text => source.Text(c),
            KapiFieldKind.Symbol => source.ExpressionText(c),
            KapiFieldKind.Number => source.Number(c),
            KapiFieldKind.Flag => source.Flag(c),
            KapiFieldKind.Count => source.Count(c),
            KapiFieldKind.Numbers => source.Numbers(c),
            KapiFieldKind.NamedNumbers => source.NamedNumbers(c),
            KapiFieldKind.Texts => source.Texts(c),
            KapiFieldKind.Section => source.Section(c, field.Section!),
            KapiFieldKind.Sections => source.Sections(c, field.Section!),
            _ => null,
        };
    }
}

/// <summary>
/// A section of the model (a parameter, an error, a lock …): its record type, the runtime metadata class the
/// generator emits for it, and its fields in order. <c>KapiSections</c> lists every section.
/// </summary>
public abstract class KapiSectionSchema
{
    // private protected: every section is declared in this assembly (KapiSectionSchema<T>)
    private protected KapiSectionSchema(Type modelType, string label, string runtimeType, string summary) =>
        (ModelType, Label, RuntimeType, Summary) = (modelType, label, runtimeType, summary);

    /// <summary>What one item of the section is, for the runtime metadata's documentation.</summary>
    public string Summary { get; }

    public Type ModelType { get; }

    /// <summary>How the CLI names one item (<c>parameter</c>).</summary>
    public string Label { get; }

    /// <summary>The runtime metadata class in <c>Kapi.Runtime.Metadata</c> (<c>KapiParameterInfo</c>).</summary>
    public string RuntimeType { get; }

    public abstract IReadOnlyList<KapiField> Fields { get; }

    /// <summary>The field named <paramref name="property"/>.</summary>
    public KapiField this[string property]
    {
        get
        {
            foreach (var f in Fields) if (f.Property == property) return f;
            throw new KeyNotFoundException($"{ModelType.Name} has no field {property}");
        }
    }

    internal abstract object Build(IKapiFieldSource source);

    /// <summary>An <c>EquatableArray&lt;T&gt;</c> of the items built from <paramref name="sources"/>.</summary>
    internal abstract object BuildList(IEnumerable<IKapiFieldSource> sources);
}

/// <summary>The schema of section <typeparamref name="T"/>, built with the fluent methods below.</summary>
public sealed class KapiSectionSchema<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T> : KapiSectionSchema
    where T : class, new()
{
    private readonly List<KapiField> _fields = new();

    public KapiSectionSchema(string label, string runtimeType, string summary)
        : base(typeof(T), label, runtimeType, summary)
    {
    }

    public override IReadOnlyList<KapiField> Fields => _fields;

    /// <summary>A field whose property is a <typeparamref name="TValue"/> (checked against the property when the schema is made).</summary>
    internal KapiSectionSchema<T> Add<TValue>(string? cName, string property, KapiFieldKind kind, string label, string? json = null,
        KapiSectionSchema? section = null, Func<IKapiFieldSource, KapiField, object?>? read = null, string? runtime = null,
        KapiJsonOptions jsonOptions = KapiJsonOptions.None, bool runtimeAsText = false, bool writtenAsString = false, string? doc = null)
    {
        _fields.Add(KapiField.Create<T, TValue>(cName, property, kind, label, json, section, read, runtime, jsonOptions, runtimeAsText, writtenAsString, doc));
        return this;
    }

    internal KapiSectionSchema<T> Text(string cName, string property, string label, string? json = null, string? runtime = null, string? doc = null) =>
        Add<string>(cName, property, KapiFieldKind.Text, label, json, runtime: runtime, doc: doc);

    internal KapiSectionSchema<T> Number(string cName, string property, string label, string? json = null, KapiJsonOptions jsonOptions = KapiJsonOptions.None, string? doc = null) =>
        Add<KapiValue>(cName, property, KapiFieldKind.Number, label, json, jsonOptions: jsonOptions, doc: doc);

    /// <summary>A number C's zero-initialised struct has as 0 when the spec does not set it (written 0 in JSON, not null).</summary>
    internal KapiSectionSchema<T> ZeroNumber(string cName, string property, string label, string json, KapiJsonOptions more = KapiJsonOptions.None, string? doc = null) =>
        Add<KapiValue>(cName, property, KapiFieldKind.Number, label, json, jsonOptions: KapiJsonOptions.ZeroWhenAbsent | more, doc: doc);

    internal KapiSectionSchema<T> Flag(string cName, string property, string label, string? json = null, string? doc = null) => Add<bool>(cName, property, KapiFieldKind.Flag, label, json, doc: doc);

    internal KapiSectionSchema<T> Count(string cName, string property, string label, string? json = null, string? doc = null) => Add<long?>(cName, property, KapiFieldKind.Count, label, json, doc: doc);

    internal KapiSectionSchema<T> Term<TTerm>(string cName, string property, string label, string? json = null, bool runtimeAsText = false,
        Func<IKapiFieldSource, object?>? read = null, bool writtenAsString = false, string? doc = null)
        where TTerm : struct, Enum =>
        Add<KapiTerm<TTerm>>(cName, property, KapiFieldKind.Term, label, json,
            read: read is null ? static (source, field) => source.Term<TTerm>(field.CName!) : (source, _) => read(source),
            jsonOptions: KapiJsonOptions.ZeroWhenAbsent, runtimeAsText: runtimeAsText, writtenAsString: writtenAsString, doc: doc);

    internal KapiSectionSchema<T> Symbol(string cName, string property, string label, string? json = null, string? doc = null) => Add<string>(cName, property, KapiFieldKind.Symbol, label, json, doc: doc);

    internal KapiSectionSchema<T> Numbers(string cName, string property, string label, string? json = null, string? doc = null) => Add<EquatableArray<KapiValue>>(cName, property, KapiFieldKind.Numbers, label, json, doc: doc);

    internal KapiSectionSchema<T> NamedNumbers(string cName, string property, string label, string? json = null, string? doc = null) => Add<EquatableArray<KapiNamedValue>>(cName, property, KapiFieldKind.NamedNumbers, label, json, doc: doc);

    internal KapiSectionSchema<T> Texts(string cName, string property, string label, string? json = null, string? doc = null) => Add<EquatableArray<string>>(cName, property, KapiFieldKind.Texts, label, json, doc: doc);

    internal KapiSectionSchema<T> Section<TItem>(string cName, string property, string label, KapiSectionSchema<TItem> section, string? json = null, string? doc = null)
        where TItem : class, new() =>
        Add<TItem>(cName, property, KapiFieldKind.Section, label, json, section, doc: doc);

    internal KapiSectionSchema<T> Sections<TItem>(string cName, string property, string label, KapiSectionSchema<TItem> section, string? json = null, string? runtime = null, string? doc = null)
        where TItem : class, new() =>
        Add<EquatableArray<TItem>>(cName, property, KapiFieldKind.Sections, label, json, section, runtime: runtime, doc: doc);

    /// <summary>A fact not written as one field of its own (the item index, a value derived from several fields …).</summary>
    internal KapiSectionSchema<T> Derived<TValue>(string property, KapiFieldKind kind, string label, Func<IKapiFieldSource, object?> read,
        string? json = null, KapiSectionSchema? section = null, KapiJsonOptions jsonOptions = KapiJsonOptions.None, string? runtime = null, string? doc = null) =>
        Add<TValue>(null, property, kind, label, json, section, (source, _) => read(source), runtime, jsonOptions, doc: doc);

    /// <summary>The item index (<c>.params[2]</c>).</summary>
    internal KapiSectionSchema<T> Index(string? json = null) => Derived<int>("Index", KapiFieldKind.Count, "Index", source => source.Index, json, doc: "The item's index (0-based).");

    internal override object BuildList(System.Collections.Generic.IEnumerable<IKapiFieldSource> sources)
    {
        var items = new List<T>();
        foreach (var source in sources) items.Add((T)Build(source));
        return items.ToEquatableArray();
    }

    internal override object Build(IKapiFieldSource source)
    {
        var result = new T();
        foreach (var field in _fields)
        {
            var value = field.Read(source, field);
            if (value is not null) field.SetValue(result, value);
        }
        return result;
    }
}
