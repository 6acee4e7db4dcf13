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

    public static KapiSectionSchema<StructSpec> Schema { get; } = new KapiSectionSchema<StructSpec>("structure", "KapiStructInfo", "A <c>KAPI_STRUCT_SPEC</c> block.")
        .Index()
        .Text("name", nameof(Name), "Name", json: "name", doc: "The struct tag.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.")
        .ZeroNumber("size", nameof(Size), "Size", json: "size", doc: "The size in bytes.")
        .ZeroNumber("alignment", nameof(Alignment), "Alignment", json: "alignment", doc: "The alignment in bytes.")
        .Sections("fields", nameof(Fields), "Fields", StructFieldSpec.Schema, json: "fields", doc: "The fields.");
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

    public static KapiSectionSchema<StructFieldSpec> Schema { get; } = new KapiSectionSchema<StructFieldSpec>("field", "KapiStructFieldInfo", "A <c>KAPI_STRUCT_FIELD</c> block.")
        .Index()
        .Text("name", nameof(Name), "Name", json: "name", doc: "The field name.")
        .Term<KapiParamType>("type", nameof(Type), "Type", json: "field_type", doc: "A <c>KAPI_TYPE_*</c>.")
        .Text("type_name", nameof(CTypeName), "C type", json: "type_name", doc: "The C type as written.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.")
        .ZeroNumber("offset", nameof(Offset), "Offset", json: "offset", doc: "The offset in bytes.")
        .ZeroNumber("size", nameof(Size), "Size", json: "size", doc: "The size in bytes.")
        .Term<KapiParamFlags>("flags", nameof(Flags), "Flags", json: "flags", doc: "An OR of <c>KAPI_PARAM_*</c>.")
        .Term<KapiConstraintKind>("constraint_type", nameof(ConstraintType), "Constraint", json: "constraint_type", doc: "A <c>KAPI_CONSTRAINT_*</c>.")
        .ZeroNumber("min_value", nameof(MinValue), "Minimum", json: "min_value", doc: "The minimum.")
        .ZeroNumber("max_value", nameof(MaxValue), "Maximum", json: "max_value", doc: "The maximum.")
        .ZeroNumber("valid_mask", nameof(ValidMask), "Valid mask", json: "valid_mask", KapiJsonOptions.Unsigned, doc: "The valid bits.")
        .NamedNumbers("enum_values", nameof(EnumValues), "Allowed values", json: "enum_values", doc: "The allowed values.");
}
