namespace Kapi.Binding.Kerneldoc;

/// <summary>What a sub-key's value is, and so how it is read.</summary>
internal enum KerneldocValueKind
{
    /// <summary>Prose: a string.</summary>
    Text,
    /// <summary>A C constant expression (<c>-EINTR</c>, <c>sizeof(struct x)</c>).</summary>
    Expression,
    /// <summary>yes/no (true/false, 1/0).</summary>
    YesNo,
    /// <summary><c>KAPI_*</c> names or gen-3 tokens of one family, joined by <c>|</c> or <c>,</c>.</summary>
    Term,
    /// <summary>A list of C expressions (<c>{ -EINVAL, -EFAULT }</c> or <c>-EINVAL, -EFAULT</c>).</summary>
    Array,
    /// <summary><c>NAME(value), …</c>: names with their values.</summary>
    NamedValues,
    /// <summary>A signal's timing (<c>KAPI_SIGNAL_TIME_DURING</c> or <c>during</c>).</summary>
    Timing,
    /// <summary><c>MIN, MAX</c> into two fields.</summary>
    Range,
    /// <summary>A return's success: <c>0</c> or <c>&gt;= 0</c>.</summary>
    Success,
    /// <summary>A parameter's type (<c>KAPI_TYPE_INT</c>, <c>int</c>, <c>int, input</c> with flags).</summary>
    ParamType,
    /// <summary>A parameter's constraint kind, possibly with its data (<c>mask(…)</c>, <c>range(…)</c>).</summary>
    ConstraintType,
    /// <summary><c>ARCH = BITS</c>: valid-mask bits on one architecture.</summary>
    ArchMask,
    /// <summary>A struct's <c>field:</c> block (a container of sub-keys of its own).</summary>
    StructField,
    /// <summary>Accepted and not modelled.</summary>
    Ignored,
}

/// <summary>How one sub-key is read: into which field of the item's scope, as what.</summary>
/// <param name="Field">The C field it sets (<c>description</c>, <c>lock_type</c> …); for a range, the minimum's.</param>
/// <param name="Kind">What its value is.</param>
/// <param name="Prefix">For a term: the vocabulary family (<c>KAPI_LOCK_</c>).</param>
/// <param name="SecondField">For a range: the maximum's field.</param>
internal sealed record KerneldocSubKey(string Field, KerneldocValueKind Kind, string? Prefix = null, string? SecondField = null);

/// <summary>
/// The sub-keys of each item block of the kernel-doc form (every series' spellings), and how each is read: the one
/// table the reader's checks, the binder and the "did you mean" candidates share. Keys are compared with <c>_</c>
/// read as <c>-</c> (<c>sa_flags_required</c> is <c>sa-flags-required</c>).
/// </summary>
internal static class KerneldocSubKeys
{
    private static KerneldocSubKey Text(string field) => new(field, KerneldocValueKind.Text);

    private static KerneldocSubKey Expression(string field) => new(field, KerneldocValueKind.Expression);

    private static KerneldocSubKey YesNo(string field) => new(field, KerneldocValueKind.YesNo);

    private static KerneldocSubKey Term(string field, string prefix) => new(field, KerneldocValueKind.Term, prefix);

    private static KerneldocSubKey Range(string min, string max) => new(min, KerneldocValueKind.Range, SecondField: max);

    private static KerneldocSubKey Of(KerneldocValueKind kind, string field = "") => new(field, kind);

    public static readonly Dictionary<string, Dictionary<string, KerneldocSubKey>> Items = new(StringComparer.Ordinal)
    {
        ["param"] = Table(
            ("type", Of(KerneldocValueKind.ParamType)),
            ("flags", Term("flags", "KAPI_PARAM_")),
            ("constraint-type", Of(KerneldocValueKind.ConstraintType)),
            ("range", Range("min_value", "max_value")),
            ("mask", Expression("valid_mask")),
            ("valid-mask", Expression("valid_mask")),
            ("valid-values", Of(KerneldocValueKind.Array, "enum_values")),
            ("size", Expression("size")),
            ("alignment", Expression("alignment")),
            ("size-param", Expression("size_param_idx")),
            ("constraint", Text("constraints")),
            ("cdesc", Text("constraints")),
            ("arch-mask", Of(KerneldocValueKind.ArchMask, "valid_mask")),
            ("desc", Text("description"))),
        ["return"] = Table(
            ("type", Term("type", "KAPI_TYPE_")),
            ("check-type", Term("check_type", "KAPI_RETURN_")),
            ("check", Term("check_type", "KAPI_RETURN_")),
            ("success", Of(KerneldocValueKind.Success)),
            ("success-range", Range("success_min", "success_max")),
            ("error-values", Of(KerneldocValueKind.Array, "error_values")),
            ("desc", Text("description"))),
        ["error"] = Table(
            ("desc", Text("description")),
            ("condition", Text("condition"))),
        ["lock"] = Table(
            ("type", Term("lock_type", "KAPI_LOCK_")),
            ("acquired", YesNo("acquired")),
            ("released", YesNo("released")),
            ("desc", Text("description")),
            ("scope", Term("scope", "KAPI_LOCK_"))),
        ["signal"] = Table(
            ("direction", Term("direction", "KAPI_SIGNAL_")),
            ("action", Term("action", "KAPI_SIGNAL_ACTION_")),
            ("condition", Text("condition")),
            ("desc", Text("description")),
            ("error", Expression("error_on_signal")),
            ("errno", Expression("error_on_signal")),
            ("timing", Of(KerneldocValueKind.Timing, "timing")),
            ("priority", Expression("priority")),
            ("interruptible", YesNo("interruptible")),
            ("restartable", YesNo("restartable")),
            ("number", Expression("signal_num")),
            ("state-req", Term("state_required", "KAPI_SIGNAL_STATE_")),
            ("state-required", Term("state_required", "KAPI_SIGNAL_STATE_")),
            ("state-forbidden", Term("state_forbidden", "KAPI_SIGNAL_STATE_")),
            ("target", Text("target")),
            ("queue", Text("queue_behavior")),
            ("transform", Expression("transform_to")),
            ("transform-to", Expression("transform_to")),
            ("sa-flags-required", Expression("sa_flags_required")),
            ("sa-flags-forbidden", Expression("sa_flags_forbidden"))),
        ["side-effect"] = Table(
            ("target", Text("target")),
            ("desc", Text("description")),
            ("condition", Text("condition")),
            ("reversible", YesNo("reversible"))),
        ["state-trans"] = Table(
            ("from", Text("from_state")),
            ("to", Text("to_state")),
            ("condition", Text("condition")),
            ("desc", Text("description")),
            ("object", Text("object"))),
        ["capability"] = Table(
            ("type", Term("action", "KAPI_CAP_")),
            ("desc", Text("allows")),
            ("allows", Text("allows")),
            ("without", Text("without_cap")),
            ("condition", Text("check_condition")),
            ("priority", Expression("priority"))),
        ["constraint"] = Table(
            ("desc", Text("description")),
            ("expr", Text("expression"))),
        ["struct"] = Table(
            ("size", Expression("size")),
            ("alignment", Expression("alignment")),
            ("field", Of(KerneldocValueKind.StructField, "fields"))),
        ["field"] = Table(
            ("type", Text("type_name")),
            ("desc", Text("description")),
            ("constraint-type", Term("constraint_type", "KAPI_CONSTRAINT_")),
            ("range", Range("min_value", "max_value")),
            ("mask", Expression("valid_mask")),
            ("enum", Of(KerneldocValueKind.NamedValues, "enum_values")),
            ("constraint", Text("constraints"))),
        // RFC v4 sched_setattr: not modelled
        ["validation-group"] = Table(
            ("policy", Of(KerneldocValueKind.Ignored)),
            ("flag", Of(KerneldocValueKind.Ignored)),
            ("rule", Of(KerneldocValueKind.Ignored))),
    };

    /// <summary>The rule for <paramref name="key"/> of <paramref name="item"/> (<c>_</c> read as <c>-</c>), or null.</summary>
    public static KerneldocSubKey? Find(string item, string key) =>
        Items.TryGetValue(item, out var table) && table.TryGetValue(Normalize(key), out var rule) ? rule : null;

    public static string Normalize(string key) => key.IndexOf('_') < 0 ? key : key.Replace('_', '-');

    private static Dictionary<string, KerneldocSubKey> Table(params (string Key, KerneldocSubKey Rule)[] rules)
    {
        var table = new Dictionary<string, KerneldocSubKey>(StringComparer.Ordinal);
        foreach (var (key, rule) in rules) table[key] = rule;
        return table;
    }
}
