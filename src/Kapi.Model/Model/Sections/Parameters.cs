using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Model;

/// <summary>
/// A parameter. <see cref="ValidMask"/>, <see cref="MinValue"/>/<see cref="MaxValue"/> and <see cref="EnumValues"/>
/// carry the constraint the kernel checks.
/// Kapi extensions (not upstream): <see cref="RequiredMask"/> (<c>.required_mask</c>: at least one of these bits
/// must be set), <see cref="EnumMask"/> (<c>.enum_mask</c>: the bits under this mask form an enumerated field
/// whose allowed values are <see cref="EnumValues"/>; the remaining bits are flags checked against
/// <see cref="ValidMask"/>, as in open(2)'s O_ACCMODE) and <see cref="IgnoresUnknownBits"/>.
/// </summary>
public sealed record ParamSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    /// <summary>The C type as written (<c>const char __user *</c>).</summary>
    public string? CTypeName { get; init; }

    public string? Description { get; init; }

    /// <summary>The KAPI type (<c>KAPI_TYPE_*</c>).</summary>
    public KapiTerm<KapiParamType>? Type { get; init; }

    /// <summary>The direction and kind flags (<c>KAPI_PARAM_*</c>).</summary>
    public KapiTerm<KapiParamFlags>? Flags { get; init; }

    /// <summary>The constraint kind (<c>KAPI_CONSTRAINT_*</c>).</summary>
    public KapiTerm<KapiConstraintKind>? ConstraintType { get; init; }

    public KapiValue? MinValue { get; init; }

    public KapiValue? MaxValue { get; init; }

    public KapiValue? ValidMask { get; init; }

    /// <summary>The named flags OR-ed in <see cref="ValidMask"/>.</summary>
    public EquatableArray<KapiNamedValue> MaskFlags { get; init; } = EquatableArray<KapiNamedValue>.Empty;

    public KapiValue? RequiredMask { get; init; }

    public KapiValue? EnumMask { get; init; }

    /// <summary>
    /// Kapi extension (<c>.ignores_unknown_bits = true</c> / <c>KAPI_PARAM_IGNORES_UNKNOWN_BITS</c>): the kernel ignores
    /// bits outside <see cref="ValidMask"/> instead of failing with EINVAL (open(2) flags, mmap(2) flags). Such bits are
    /// still outside the spec's contract, but a conformance test must expect success for them.
    /// </summary>
    public bool IgnoresUnknownBits { get; init; }

    public EquatableArray<KapiNamedValue> EnumValues { get; init; } = EquatableArray<KapiNamedValue>.Empty;

    /// <summary>The declared <c>.enum_count</c>, else the number of <see cref="EnumValues"/>, else null.</summary>
    public long? EnumCount { get; init; }

    public KapiValue? Size { get; init; }

    public KapiValue? Alignment { get; init; }

    /// <summary>The index of the parameter that holds this buffer's size.</summary>
    public long? SizeParamIndex { get; init; }

    public KapiValue? SizeMultiplier { get; init; }

    /// <summary>The constraint in words (<c>KAPI_PARAM_CONSTRAINT</c>, <c>.constraints</c>).</summary>
    public string? ConstraintText { get; init; }

    /// <summary>The validation function named by <c>.validate</c>, as written.</summary>
    public string? Validator { get; init; }

    public SysfsParamInfo? Sysfs { get; init; }

    public static KapiSectionSchema<ParamSpec> Schema { get; } = new KapiSectionSchema<ParamSpec>("parameter", "KapiParameterInfo", "A <c>KAPI_PARAM</c> block.")
        .Index(json: "index")
        .Text("name", nameof(Name), "Name", json: "name", doc: "The parameter name.")
        .Text("type_name", nameof(CTypeName), "C type", json: "type_name", doc: "The C type as written.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.")
        .Term<KapiParamType>("type", nameof(Type), "Type", json: "param_type", doc: "<c>.type</c>: a <c>KAPI_TYPE_*</c>.")
        .Term<KapiParamFlags>("flags", nameof(Flags), "Flags", json: "flags", doc: "<c>KAPI_PARAM_FLAGS</c>: an OR of <c>KAPI_PARAM_*</c>.")
        .Term<KapiConstraintKind>("constraint_type", nameof(ConstraintType), "Constraint", json: "constraint_type", doc: "<c>.constraint_type</c>: a <c>KAPI_CONSTRAINT_*</c>.")
        .Number("min_value", nameof(MinValue), "Minimum", json: "min_value", doc: "<c>.min_value</c>.")
        .Number("max_value", nameof(MaxValue), "Maximum", json: "max_value", doc: "<c>.max_value</c>.")
        .Number("valid_mask", nameof(ValidMask), "Valid mask", json: "valid_mask", jsonOptions: KapiJsonOptions.Unsigned, doc: "<c>.valid_mask</c>.")
        .Derived<EquatableArray<KapiNamedValue>>(nameof(MaskFlags), KapiFieldKind.NamedNumbers, "Mask flags", source => source.MaskFlags("valid_mask"), json: "mask_flags", doc: "The named flags that make up <see cref=\"ValidMask\"/>.")
        .Number("required_mask", nameof(RequiredMask), "Required mask (at least one bit)", json: "required_mask", jsonOptions: KapiJsonOptions.Unsigned, doc: "<c>.required_mask</c> (Kapi extension): at least one of these bits must be set.")
        .Number("enum_mask", nameof(EnumMask), "Enumerated field mask", json: "enum_mask", jsonOptions: KapiJsonOptions.Unsigned, doc: "<c>.enum_mask</c> (Kapi extension): the bits that form an enumerated field.")
        .Flag("ignores_unknown_bits", nameof(IgnoresUnknownBits), "Ignores unknown bits", json: "ignores_unknown_bits", doc: "Kapi extension: the kernel ignores bits outside <see cref=\"ValidMask\"/> instead of failing with EINVAL (open(2) flags, mmap(2) flags).")
        .NamedNumbers("enum_values", nameof(EnumValues), "Allowed values", json: "enum_values", doc: "<c>.enum_values</c>: the allowed values.")
        .Derived<long?>(nameof(EnumCount), KapiFieldKind.Count, "Enum count",
            source => source.Has("enum_count") ? source.Count("enum_count") : source.Has("enum_values") ? source.NamedNumbers("enum_values").Count : null)
        .Number("size", nameof(Size), "Size", json: "size", doc: "<c>.size</c>.")
        .Number("alignment", nameof(Alignment), "Alignment", json: "alignment", doc: "<c>.alignment</c>.")
        .Count("size_param_idx", nameof(SizeParamIndex), "Size parameter", json: "size_param_idx", doc: "<c>.size_param_idx</c>.")
        .Number("size_multiplier", nameof(SizeMultiplier), "Size multiplier", json: "size_multiplier", doc: "<c>.size_multiplier</c>.")
        .Text("constraints", nameof(ConstraintText), "Constraint (in words)", json: "constraint", doc: "<c>.constraints</c>: the constraint in words.")
        .Symbol("validate", nameof(Validator), "Validator", json: "validate", doc: "<c>.validate</c>: the name of the custom validator.")
        .Derived<SysfsParamInfo>(nameof(Sysfs), KapiFieldKind.Section, "Sysfs", source => source.Embedded(SysfsParamInfo.Schema), section: SysfsParamInfo.Schema, doc: "The sysfs attributes of a sysfs parameter.");
}

/// <summary>The sysfs attribute facts of a parameter (RFC v2 sysfs specs).</summary>
public sealed record SysfsParamInfo
{
    public string? Path { get; init; }

    public KapiValue? Permissions { get; init; }

    public string? DefaultValue { get; init; }

    public string? Units { get; init; }

    public KapiValue? Step { get; init; }

    public EquatableArray<string> AllowedStrings { get; init; } = EquatableArray<string>.Empty;

    public static KapiSectionSchema<SysfsParamInfo> Schema { get; } = new KapiSectionSchema<SysfsParamInfo>("sysfs attribute", "KapiSysfsParameterInfo", "The sysfs part of a parameter (RFC v2 sysfs specs).")
        .Text("sysfs_path", nameof(Path), "Sysfs path", json: "sysfs_path", doc: "<c>KAPI_PATH</c>.")
        .Number("sysfs_permissions", nameof(Permissions), "Permissions", json: "sysfs_permissions", doc: "<c>KAPI_PERMISSIONS</c>.")
        .Text("default_value", nameof(DefaultValue), "Default", json: "default_value", doc: "<c>KAPI_DEFAULT</c>.")
        .Text("units", nameof(Units), "Units", json: "units", doc: "<c>KAPI_UNITS</c>.")
        .Number("step", nameof(Step), "Step", json: "step", doc: "<c>KAPI_STEP</c>.")
        .Texts("allowed_strings", nameof(AllowedStrings), "Allowed strings", json: "allowed_strings", doc: "<c>KAPI_ALLOWED_STRINGS</c>.");
}
