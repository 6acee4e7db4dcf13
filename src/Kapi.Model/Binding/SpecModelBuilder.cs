using Kapi.Diagnostics;
using Kapi.Model;
using Kapi.Model.Schema;
using Kapi.Syntax;
using Kapi.Text;
using Kapi.Vocabulary;

namespace Kapi.Binding;

/// <summary>
/// Builds the immutable <see cref="ApiSpec"/> from the scopes the binder resolved: every field through the sections'
/// schemas (<see cref="KapiSectionSchema"/>), values evaluated per architecture by <see cref="SpecValues"/>; then the
/// spec-level facts that come from several fields (identity, declared counts, ioctl, sysfs, network) and the
/// consistency checks (declared counts against items, index gaps).
/// </summary>
internal sealed class SpecModelBuilder
{
    private static readonly (string Count, string Array)[] s_declaredCounts =
    {
        ("param_count", "params"), ("error_count", "errors"), ("signal_count", "signals"), ("signal_mask_count", "signal_masks"),
        ("side_effect_count", "side_effects"), ("state_trans_count", "state_transitions"), ("lock_count", "locks"),
        ("capability_count", "capabilities"), ("constraint_count", "constraints"), ("struct_spec_count", "struct_specs"),
        ("protocol_behavior_count", "protocol_behaviors"), ("addr_family_count", "addr_families"),
    };

    private readonly SpecValues _values;
    private readonly Action<KapiDiagnosticDescriptor, TextSpan, object?[]> _report;

    public SpecModelBuilder(SpecValues values, Action<KapiDiagnosticDescriptor, TextSpan, object?[]> report)
    {
        _values = values;
        _report = report;
    }

    private void Report(KapiDiagnosticDescriptor descriptor, TextSpan span, params object?[] args) => _report(descriptor, span, args);

    public ApiSpec Build(SpecBlockSyntax block, Scope spec, Scope? wrapper) => Build(block.Name, block.Form, spec, wrapper);

    /// <summary>Builds the model of one bound spec, written in <paramref name="form"/> (a kernel-doc spec is a <see cref="SpecEntryForm.KernelApi"/>).</summary>
    public ApiSpec Build(string writtenName, SpecEntryForm form, Scope spec, Scope? wrapper)
    {
        var source = new ScopeSource(this, spec);
        string name = writtenName;
        if (form == SpecEntryForm.IoctlStruct && source.Text("name") is { Length: > 0 } inner) name = inner;
        var kind = form switch
        {
            SpecEntryForm.Sysfs => ApiKind.Sysfs,
            SpecEntryForm.KernelApi => ApiKind.Function,
            _ => ApiKind.Ioctl,
        };
        if (kind == ApiKind.Function && source.Has("api_type") && source.Number("api_type") is { } apiType)
        {
            kind = apiType.X64 switch { 1 => ApiKind.Ioctl, 2 => ApiKind.Sysfs, _ => kind };
        }

        var model = (ApiSpec)ApiSpec.Schema.Build(source);
        CheckConsistency(name, spec);

        IoctlInfo? ioctl = null;
        var ioctlSource = wrapper is null ? source : new ScopeSource(this, wrapper, fallback: spec);
        if (kind == ApiKind.Ioctl || ioctlSource.Has("cmd")) ioctl = (IoctlInfo)IoctlInfo.Schema.Build(ioctlSource);
        SysfsInfo? sysfs = kind == ApiKind.Sysfs || source.Has("subsystem") || source.Has("device_type")
            ? (SysfsInfo)SysfsInfo.Schema.Build(source)
            : null;

        return model with
        {
            Name = name,
            Kind = kind,
            DeclaredCounts = DeclaredCounts(spec),
            Ioctl = ioctl,
            Sysfs = sysfs,
            Network = (NetworkInfo?)source.Embedded(NetworkInfo.Schema),
        };
    }

    private EquatableArray<DeclaredCount> DeclaredCounts(Scope spec)
    {
        var counts = new List<DeclaredCount>();
        foreach (var (countField, _) in s_declaredCounts)
        {
            if (spec.Fields.TryGetValue(countField, out var fv) && _values.EvaluateX64(fv.Expression) is long v)
            {
                counts.Add(new DeclaredCount { Field = countField, Value = v });
            }
        }
        return counts.ToEquatableArray();
    }

    // ------------------------------------------------------------------ consistency

    private void CheckConsistency(string name, Scope spec)
    {
        foreach (var (countField, arrayField) in s_declaredCounts)
        {
            if (!spec.Fields.TryGetValue(countField, out var fv)) continue;
            int items = spec.Arrays.TryGetValue(arrayField, out var dict) ? dict.Count : 0;
            CheckCount($"Spec '{name}'", countField, fv, items);
        }
        foreach (var arrayField in spec.Arrays.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            CheckGaps(arrayField, spec.Arrays[arrayField]);
        }
        if (spec.Single("return_spec") is { } r && r.Fields.TryGetValue("error_count", out var rc)
            && r.Fields.TryGetValue("error_values", out var ev) && !ev.ImpliedCount)
        {
            CheckCount("the return spec", "error_count", rc, _values.Numbers(ev.Expression, "error_values").Count);
        }
        foreach (var p in spec.Items("params"))
        {
            if (p.Fields.TryGetValue("enum_count", out var ec) && p.Fields.TryGetValue("enum_values", out var values) && !values.ImpliedCount)
            {
                CheckCount($"Parameter '{ScopeText(p, "name")}'", "enum_count", ec, _values.NamedNumbers(values.Expression, "enum_values").Count);
            }
        }
        foreach (var s in spec.Items("struct_specs"))
        {
            if (s.Fields.TryGetValue("field_count", out var fc))
            {
                CheckCount($"Struct spec '{ScopeText(s, "name")}'", "field_count", fc, s.Items("fields").Count());
            }
            if (s.Arrays.TryGetValue("fields", out var fields)) CheckGaps("fields", fields);
        }
    }

    private string? ScopeText(Scope s, string field) => s.Fields.TryGetValue(field, out var fv) ? _values.Text(fv.Expression) : null;

    private void CheckCount(string owner, string field, FieldValue declared, int items)
    {
        var v = _values.EvaluateX64(declared.Expression);
        if (v is not null && v.Value != items)
        {
            Report(KapiDiagnostics.CountMismatch, declared.Span, owner, field, v.Value, items);
        }
    }

    private void CheckGaps(string field, SortedDictionary<int, Scope> items)
    {
        if (items.Count == 0) return;
        int max = items.Keys.Max();
        for (int i = 0; i <= max; i++)
        {
            if (!items.ContainsKey(i))
            {
                var next = items.First(kv => kv.Key > i).Value;
                Report(KapiDiagnostics.IndexGap, next.Span, field, i, max);
                return;
            }
        }
    }

    // ------------------------------------------------------------------ one scope as a field source

    /// <summary>The fields and nested scopes of one scope (with an optional fallback scope for fields it lacks).</summary>
    private sealed class ScopeSource : IKapiFieldSource
    {
        private readonly SpecModelBuilder _builder;
        private readonly Scope _scope;
        private readonly Scope? _fallback;

        public ScopeSource(SpecModelBuilder builder, Scope scope, Scope? fallback = null)
        {
            _builder = builder;
            _scope = scope;
            _fallback = fallback;
        }

        private SpecValues Values => _builder._values;

        public int Index => _scope.Index;

        // The schema asks Has(name) and then reads the same name: the last lookup is kept (the names are the schema's
        // own strings, so a reference comparison finds them).
        private string? _lastName;
        private FieldValue? _lastField;

        private FieldValue? Field(string cName)
        {
            if (ReferenceEquals(cName, _lastName)) return _lastField;
            var field = _scope.Fields.TryGetValue(cName, out var fv) ? fv : _fallback is not null && _fallback.Fields.TryGetValue(cName, out var fb) ? fb : null;
            (_lastName, _lastField) = (cName, field);
            return field;
        }

        public bool Has(string cName) => Field(cName) is not null;

        public string? Text(string cName) => Field(cName) is { } fv ? Values.Text(fv.Expression) : null;

        public string? ExpressionText(string cName) => Field(cName) is { } fv ? ExpressionPrinter.Print(fv.Expression) : null;

        public KapiValue? Number(string cName) => Field(cName) is { } fv ? Values.Evaluate(fv.Expression) : null;

        public bool Flag(string cName) => Field(cName) is { } fv && Values.EvaluateX64(fv.Expression) is long v && v != 0;

        public long? Count(string cName) => Field(cName) is { } fv ? Values.EvaluateX64(fv.Expression) : null;

        public KapiTerm<TTerm>? Term<TTerm>(string cName)
            where TTerm : struct, Enum =>
            Field(cName) is { } fv ? Values.Term<TTerm>(fv.Expression) : null;

        public EquatableArray<KapiValue> Numbers(string cName) => Field(cName) is { } fv ? Values.Numbers(fv.Expression, cName) : EquatableArray<KapiValue>.Empty;

        public EquatableArray<KapiNamedValue> NamedNumbers(string cName) => Field(cName) is { } fv ? Values.NamedNumbers(fv.Expression, cName) : EquatableArray<KapiNamedValue>.Empty;

        public EquatableArray<string> Texts(string cName) => Field(cName) is { } fv ? Values.Texts(fv.Expression, cName) : EquatableArray<string>.Empty;

        public EquatableArray<KapiNamedValue> MaskFlags(string cName) => Field(cName) is { } fv ? Values.MaskFlags(fv.Expression) : EquatableArray<KapiNamedValue>.Empty;

        public string? ErrnoName(string cName) => Field(cName) is { } fv ? SpecValues.ErrnoName(fv.Expression) : null;

        public object? Timing(string cName)
        {
            if (Text(cName) is not { } text) return null;
            return new KapiTerm<KapiSignalTiming>(KapiVocabulary.TimingOf(text), text);
        }

        public object? LockScope()
        {
            if (Field("scope") is { } written)
            {
                return Values.Term<KapiLockScope>(written.Expression);
            }
            bool acquired = Flag("acquired"), released = Flag("released"), entry = Flag("held_on_entry"), exit = Flag("held_on_exit");
            var scope = entry || exit ? KapiLockScope.CallerHeld
                : acquired && !released ? KapiLockScope.Acquires
                : released && !acquired ? KapiLockScope.Releases
                : KapiLockScope.Internal;
            return new KapiTerm<KapiLockScope>(scope, KapiVocabulary.PrefixOf(typeof(KapiLockScope)) + KapiVocabulary.NamesOf(scope));
        }

        public object? Section(string cName, KapiSectionSchema schema) =>
            _scope.Single(cName) is { } child ? schema.Build(new ScopeSource(_builder, child)) : null;

        public object Sections(string cName, KapiSectionSchema schema) =>
            schema.BuildList(_scope.Items(cName).Select(child => (IKapiFieldSource)new ScopeSource(_builder, child)));

        public object? Embedded(KapiSectionSchema schema)
        {
            foreach (var field in schema.Fields)
            {
                if (field.CName is not { } c) continue;
                if (Has(c) || _scope.Singles.ContainsKey(c) || _scope.Arrays.ContainsKey(c)) return schema.Build(this);
            }
            return null;
        }
    }
}
