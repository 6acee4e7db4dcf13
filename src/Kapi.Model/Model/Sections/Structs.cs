using Kapi.Collections;
using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Model;

/// <summary>A structure the call reads or writes (<c>KAPI_STRUCT_SPEC</c>).</summary>
public sealed record StructSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public KapiValue? Size { get; init; }

    public KapiValue? Alignment { get; init; }

    public EquatableArray<StructFieldSpec> Fields { get; init; } = EquatableArray<StructFieldSpec>.Empty;

    public static KapiSectionSchema<StructSpec> Schema { get; } = new KapiSectionSchema<StructSpec>("structure", "KapiStructInfo")
        .Index()
        .Text("name", nameof(Name), "Name", json: "name")
        .Text("description", nameof(Description), "Description", json: "description")
        .ZeroNumber("size", nameof(Size), "Size", json: "size")
        .ZeroNumber("alignment", nameof(Alignment), "Alignment", json: "alignment")
        .Sections("fields", nameof(Fields), "Fields", StructFieldSpec.Schema, json: "fields");
}

/// <summary>A field of a structure (<c>KAPI_STRUCT_FIELD</c>).</summary>
public sealed record StructFieldSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    public KapiTerm<KapiParamType>? Type { get; init; }

    public string? CTypeName { get; init; }

    public string? Description { get; init; }

    public KapiValue? Offset { get; init; }

    public KapiValue? Size { get; init; }

    public KapiTerm<KapiParamFlags>? Flags { get; init; }

    public KapiTerm<KapiConstraintKind>? ConstraintType { get; init; }

    public KapiValue? MinValue { get; init; }

    public KapiValue? MaxValue { get; init; }

    public KapiValue? ValidMask { get; init; }

    public EquatableArray<KapiNamedValue> EnumValues { get; init; } = EquatableArray<KapiNamedValue>.Empty;

    public static KapiSectionSchema<StructFieldSpec> Schema { get; } = new KapiSectionSchema<StructFieldSpec>("field", "KapiStructFieldInfo")
        .Index()
        .Text("name", nameof(Name), "Name", json: "name")
        .Term("type", nameof(Type), "Type", json: "field_type")
        .Text("type_name", nameof(CTypeName), "C type", json: "type_name")
        .Text("description", nameof(Description), "Description", json: "description")
        .ZeroNumber("offset", nameof(Offset), "Offset", json: "offset")
        .ZeroNumber("size", nameof(Size), "Size", json: "size")
        .Term("flags", nameof(Flags), "Flags", json: "flags")
        .Term("constraint_type", nameof(ConstraintType), "Constraint", json: "constraint_type")
        .ZeroNumber("min_value", nameof(MinValue), "Minimum", json: "min_value")
        .ZeroNumber("max_value", nameof(MaxValue), "Maximum", json: "max_value")
        .ZeroNumber("valid_mask", nameof(ValidMask), "Valid mask", json: "valid_mask", KapiJsonOptions.Unsigned)
        .NamedNumbers("enum_values", nameof(EnumValues), "Allowed values", json: "enum_values");
}
