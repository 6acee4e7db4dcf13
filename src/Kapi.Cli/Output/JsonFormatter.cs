using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kapi.Collections;
using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Cli.Output;

/// <summary>
/// JSON with the upstream tool's field names (tools/kapi, serde): <c>{"apis": [...]}</c> for the list and
/// <c>{"api_details": {...}}</c> for one spec, written by walking the sections' schemas: each field under its
/// <see cref="KapiField.JsonName"/>. Top-level keys whose value is empty are omitted, as upstream does; inside items
/// every key is present (null when unknown, 0 where the zero-initialised C struct has 0). Numbers are the values on
/// the selected architecture; vocabulary values are their numbers, except the ones upstream prints as names
/// (<c>context_flags</c>, one string in an array; a capability's <c>action</c>) and a signal's <c>timing</c> (upstream's 0 before, 1 during,
/// 2 after, 3 exit). Kapi additions, which upstream consumers can ignore: <c>arch</c>; per object an
/// <c>expressions</c> map from a numeric field to the C expression it was written as (only for values that are not
/// plain literals); <c>enum_value_numbers</c>; fields upstream has no key for, under their C field name.
/// </summary>
internal sealed class JsonFormatter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Escapes quotes, backslashes and control characters (and lone surrogates); keeps readable UTF-8 text.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Utf8JsonWriter _writer;
    private readonly KapiArchitecture _arch;

    private JsonFormatter(Utf8JsonWriter writer, KapiArchitecture arch)
    {
        _writer = writer;
        _arch = arch;
    }

    public static string List(IReadOnlyList<ApiSpec> specs)
    {
        return Write(KapiArchitectures.Current, f =>
        {
            f._writer.WriteStartObject();
            f._writer.WriteStartArray("apis");
            foreach (var spec in specs)
            {
                f._writer.WriteStartObject();
                f.String("name", spec.Name);
                f.String("api_type", ValueText.ApiType(spec));
                f._writer.WriteEndObject();
            }
            f._writer.WriteEndArray();
            f._writer.WriteEndObject();
        });
    }

    public static string Details(ApiSpec spec, KapiArchitecture arch)
    {
        return Write(arch, f =>
        {
            f._writer.WriteStartObject();
            f._writer.WritePropertyName("api_details");
            f._writer.WriteStartObject();
            f.String("name", spec.Name);
            f.String("arch", arch.RidName());
            f.String("api_type", ValueText.ApiType(spec));
            var expressions = new List<(string, string)>();
            f.WriteFields(spec, ApiSpec.Schema, topLevel: true, expressions);
            // upstream names a sysfs attribute's path and permissions at the top (they live in its parameter here)
            if (spec.Params.Select(p => p.Sysfs).FirstOrDefault(sysfs => sysfs is not null) is { } attribute)
            {
                if (attribute.Path is not null) f.String("sysfs_path", attribute.Path);
                if (attribute.Permissions?.Get(arch) is long mode) f.String("permissions", "0" + System.Convert.ToString(mode, 8));
            }
            f.Expressions(expressions);
            f._writer.WriteEndObject();
            f._writer.WriteEndObject();
        });
    }

    private static string Write(KapiArchitecture arch, System.Action<JsonFormatter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            body(new JsonFormatter(writer, arch));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>
    /// The fields of one record. A nested section without a key of its own (ioctl, sysfs, network, a parameter's sysfs
    /// facts) is written into the same object, as upstream flattens those C sub-structures.
    /// </summary>
    private void WriteFields(object record, KapiSectionSchema schema, bool topLevel, List<(string Field, string Expression)> expressions)
    {
        foreach (var field in schema.Fields)
        {
            var value = field.GetValue(record);
            string key = field.JsonName ?? field.CName ?? ToSnakeCase(field.Property);
            if (field.Kind == KapiFieldKind.Section && field.JsonName is null)
            {
                if (value is not null) WriteFields(value, field.Section!, topLevel, expressions);
                continue;
            }
            if (field.JsonName is null && field.CName is null) continue; // derived for the model only
            if (topLevel && KapiField.IsEmpty(value)) continue; // upstream omits empty top-level keys
            WriteField(key, field, value, expressions);
        }
    }

    private void WriteField(string key, KapiField field, object? value, List<(string Field, string Expression)> expressions)
    {
        switch (field.Kind)
        {
            case KapiFieldKind.Text:
            case KapiFieldKind.Symbol:
                String(key, (string?)value);
                break;
            case KapiFieldKind.Number:
                Number(key, (KapiValue?)value, expressions, field.JsonOptions);
                break;
            case KapiFieldKind.Flag:
                _writer.WriteBoolean(key, value is true);
                break;
            case KapiFieldKind.Count:
                if (value is null || System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) < 0) _writer.WriteNull(key);
                else _writer.WriteNumber(key, System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case KapiFieldKind.Term:
                Term(key, field, (IKapiTerm?)value);
                break;
            case KapiFieldKind.Numbers:
                _writer.WriteStartArray(key);
                foreach (var v in (EquatableArray<KapiValue>)value!) NumberValue(v.Get(_arch));
                _writer.WriteEndArray();
                break;
            case KapiFieldKind.NamedNumbers:
                NamedNumbers(key, field, (EquatableArray<KapiNamedValue>)value!);
                break;
            case KapiFieldKind.Texts:
                _writer.WriteStartArray(key);
                foreach (var text in (EquatableArray<string>)value!) _writer.WriteStringValue(Clean(text));
                _writer.WriteEndArray();
                break;
            case KapiFieldKind.Section:
                if (value is null)
                {
                    _writer.WriteNull(key);
                    break;
                }
                _writer.WritePropertyName(key);
                Object(value, field.Section!);
                break;
            case KapiFieldKind.Sections:
                _writer.WriteStartArray(key);
                foreach (var item in ((IEnumerable)value!).Cast<object>()) Object(item, field.Section!);
                _writer.WriteEndArray();
                if (field.Property == nameof(StructSpec.Fields)) _writer.WriteNumber("field_count", ((IEnumerable)value!).Cast<object>().Count());
                break;
        }
    }

    private void Object(object record, KapiSectionSchema schema)
    {
        var expressions = new List<(string, string)>();
        _writer.WriteStartObject();
        WriteFields(record, schema, topLevel: false, expressions);
        if (schema == SignalSpec.Schema) _writer.WriteNumber("sa_flags", 0); // upstream's struct has it; no spec sets it
        Expressions(expressions);
        _writer.WriteEndObject();
    }

    /// <summary>
    /// A vocabulary value: its number (0 when absent, as the zero-initialised struct); upstream prints context flags
    /// as a list of names, a capability's action as a name, and a signal's timing as 0 before, 1 during, 2 after, 3 exit.
    /// </summary>
    private void Term(string key, KapiField field, IKapiTerm? term)
    {
        if (field.TermType == typeof(KapiContextFlags))
        {
            _writer.WriteStartArray(key);
            if (term is not null) _writer.WriteStringValue(term.Spelling);
            _writer.WriteEndArray();
            return;
        }
        if (field.TermType == typeof(KapiCapabilityAction))
        {
            String(key, term?.Spelling);
            return;
        }
        if (term is KapiTerm<KapiSignalTiming> timing)
        {
            _writer.WriteNumber(key, timing.Value switch
            {
                KapiSignalTiming.During or KapiSignalTiming.Anytime or KapiSignalTiming.WhileBlocked or KapiSignalTiming.WhileSleeping => 1,
                KapiSignalTiming.After => 2,
                KapiSignalTiming.Exit => 3,
                _ => 0,
            });
            return;
        }
        _writer.WriteNumber(key, term?.Number ?? 0);
    }

    /// <summary>Upstream's enum values are names (or the expression when unnamed); the numbers go to a Kapi addition.</summary>
    private void NamedNumbers(string key, KapiField field, EquatableArray<KapiNamedValue> values)
    {
        if (field.Property == nameof(ParamSpec.MaskFlags))
        {
            _writer.WriteStartArray(key);
            foreach (var m in values)
            {
                _writer.WriteStartObject();
                String("name", m.Name);
                NumberOrNull("value", m.Value.Get(_arch), unsigned: true);
                _writer.WriteEndObject();
            }
            _writer.WriteEndArray();
            return;
        }
        _writer.WriteStartArray(key);
        foreach (var e in values) _writer.WriteStringValue(Clean(string.IsNullOrEmpty(e.Name) ? ValueText.OneLine(ValueText.Written(e.Value)) : e.Name));
        _writer.WriteEndArray();
        if (values.Count > 0)
        {
            _writer.WriteStartArray(key.TrimEnd('s') + "_numbers");
            foreach (var e in values) NumberValue(e.Value.Get(_arch));
            _writer.WriteEndArray();
        }
    }

    // ---- primitives ----

    private void String(string name, string? value)
    {
        if (value is null) _writer.WriteNull(name);
        else _writer.WriteString(name, Clean(value));
    }

    /// <summary>A number on the selected architecture; null when absent or unknown there (0 with ZeroWhenAbsent).</summary>
    private void Number(string name, KapiValue? value, List<(string, string)> expressions, KapiJsonOptions options)
    {
        if (value is null)
        {
            if ((options & KapiJsonOptions.ZeroWhenAbsent) != 0) _writer.WriteNumber(name, 0);
            else _writer.WriteNull(name);
            return;
        }
        NumberOrNull(name, value.Get(_arch), (options & KapiJsonOptions.Unsigned) != 0);
        if (!value.IsLiteral) expressions.Add((name, ValueText.OneLine(ValueText.Written(value))));
    }

    private void NumberOrNull(string name, long? v, bool unsigned = false)
    {
        if (v is not long n) _writer.WriteNull(name);
        else if (unsigned) _writer.WriteNumber(name, (ulong)n);
        else _writer.WriteNumber(name, n);
    }

    private void NumberValue(long? v)
    {
        if (v is long n) _writer.WriteNumberValue(n);
        else _writer.WriteNullValue();
    }

    private void Expressions(List<(string Field, string Expression)> expressions)
    {
        if (expressions.Count == 0) return;
        _writer.WriteStartObject("expressions");
        foreach (var (field, expression) in expressions) _writer.WriteString(field, Clean(expression));
        _writer.WriteEndObject();
    }

    private static string ToSnakeCase(string property)
    {
        var sb = new StringBuilder();
        foreach (char c in property)
        {
            if (char.IsUpper(c) && sb.Length > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Replaces lone UTF-16 surrogates (which cannot be encoded as UTF-8) by U+FFFD.</summary>
    internal static string Clean(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsSurrogate(s[i]))
            {
                var sb = new StringBuilder(s.Length);
                for (int j = 0; j < s.Length; j++)
                {
                    char c = s[j];
                    if (char.IsHighSurrogate(c) && j + 1 < s.Length && char.IsLowSurrogate(s[j + 1]))
                    {
                        sb.Append(c).Append(s[j + 1]);
                        j++;
                    }
                    else if (char.IsSurrogate(c)) sb.Append('\uFFFD');
                    else sb.Append(c);
                }
                return sb.ToString();
            }
        }
        return s;
    }
}
