using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Model;

/// <summary>The return value (<c>KAPI_RETURN</c>, <c>.return_spec</c>, <c>return:</c>).</summary>
public sealed record ReturnSpec
{
    /// <summary>The C type as written (<c>long</c>).</summary>
    public string? CTypeName { get; init; }

    public string? Description { get; init; }

    public KapiTerm<KapiParamType>? Type { get; init; }

    /// <summary>How success is told from failure.</summary>
    public KapiTerm<KapiReturnCheck>? CheckType { get; init; }

    public KapiValue? SuccessValue { get; init; }

    public KapiValue? SuccessMin { get; init; }

    public KapiValue? SuccessMax { get; init; }

    public EquatableArray<KapiValue> ErrorValues { get; init; } = EquatableArray<KapiValue>.Empty;

    public long? ErrorCount { get; init; }

    /// <summary>The success predicate function named by <c>.is_success</c>, as written.</summary>
    public string? SuccessPredicate { get; init; }

    public static KapiSectionSchema<ReturnSpec> Schema { get; } = new KapiSectionSchema<ReturnSpec>("return value", "KapiReturnInfo", "The <c>KAPI_RETURN</c> block.")
        .Text("type_name", nameof(CTypeName), "C type", json: "type_name", doc: "The C type as written.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.")
        .Term<KapiParamType>("type", nameof(Type), "Return type", json: "return_type", doc: "<c>.type</c>.")
        .Term<KapiReturnCheck>("check_type", nameof(CheckType), "Check type", json: "check_type", doc: "<c>.check_type</c>: a <c>KAPI_RETURN_*</c>.")
        .Number("success_value", nameof(SuccessValue), "Success value", json: "success_value", doc: "<c>.success_value</c>.")
        .Number("success_min", nameof(SuccessMin), "Success minimum", json: "success_min", doc: "<c>.success_min</c>.")
        .Number("success_max", nameof(SuccessMax), "Success maximum", json: "success_max", doc: "<c>.success_max</c>.")
        .Numbers("error_values", nameof(ErrorValues), "Error values", json: "error_values", doc: "<c>.error_values</c>.")
        .Count("error_count", nameof(ErrorCount), "Error count", doc: "<c>.error_count</c> of the return block.")
        .Symbol("is_success", nameof(SuccessPredicate), "Success predicate", json: "is_success", doc: "<c>.is_success</c>: the name of the custom predicate.");
}

/// <summary>An error (<c>KAPI_ERROR</c>): <see cref="Code"/> is the negative errno expression (<c>-EINVAL</c>).</summary>
public sealed record ErrorSpec
{
    public int Index { get; init; }

    /// <summary>The error code, per architecture (errno numbers differ between architectures).</summary>
    public KapiValue? Code { get; init; }

    /// <summary>The errno constant the code names (<c>-EINVAL</c> → <c>EINVAL</c>), or null when it is not one name.</summary>
    public string? ErrnoName { get; init; }

    /// <summary>The name as the spec gives it (usually the errno name).</summary>
    public string? Name { get; init; }

    public string? Condition { get; init; }

    public string? Description { get; init; }

    public static KapiSectionSchema<ErrorSpec> Schema { get; } = new KapiSectionSchema<ErrorSpec>("error", "KapiErrorInfo", "A <c>KAPI_ERROR</c>.")
        .Index()
        .ZeroNumber("error_code", nameof(Code), "Code", json: "error_code", doc: "The code as written (a negated errno, <c>-EINVAL</c>).")
        .Derived<string>(nameof(ErrnoName), KapiFieldKind.Text, "Errno", source => source.ErrnoName("error_code"), runtime: KapiField.ModelOnly)
        .Text("name", nameof(Name), "Name", json: "name", doc: "The errno name, for example <c>EINVAL</c>.")
        .Text("condition", nameof(Condition), "Condition", json: "condition", doc: "When the error happens (short).")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description (long).");
}
