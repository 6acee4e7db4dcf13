using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Model;

/// <summary>A side effect of the call (<c>KAPI_SIDE_EFFECT</c>, <c>side-effect:</c>).</summary>
public sealed record SideEffectSpec
{
    public int Index { get; init; }

    public KapiTerm<KapiEffects>? Type { get; init; }

    public string? Target { get; init; }

    public string? Condition { get; init; }

    public string? Description { get; init; }

    public bool Reversible { get; init; }

    public static KapiSectionSchema<SideEffectSpec> Schema { get; } = new KapiSectionSchema<SideEffectSpec>("side effect", "KapiSideEffectInfo", "A <c>KAPI_SIDE_EFFECT</c> block.")
        .Index()
        .Term<KapiEffects>("type", nameof(Type), "Type", json: "effect_type", doc: "An OR of <c>KAPI_EFFECT_*</c>.")
        .Text("target", nameof(Target), "Target", json: "target", doc: "What is affected.")
        .Text("condition", nameof(Condition), "Condition", json: "condition", doc: "<c>KAPI_EFFECT_CONDITION</c>.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.")
        .Flag("reversible", nameof(Reversible), "Reversible", json: "reversible", doc: "<c>KAPI_EFFECT_REVERSIBLE</c>.");
}

/// <summary>A state change the call makes (<c>KAPI_STATE_TRANS</c>, <c>state-trans:</c>).</summary>
public sealed record StateTransitionSpec
{
    public int Index { get; init; }

    public string? Object { get; init; }

    public string? FromState { get; init; }

    public string? ToState { get; init; }

    public string? Condition { get; init; }

    public string? Description { get; init; }

    public static KapiSectionSchema<StateTransitionSpec> Schema { get; } = new KapiSectionSchema<StateTransitionSpec>("state transition", "KapiStateTransitionInfo", "A <c>KAPI_STATE_TRANS</c> block.")
        .Index()
        .Text("object", nameof(Object), "Object", json: "object", doc: "The object whose state changes.")
        .Text("from_state", nameof(FromState), "From", json: "from_state", doc: "The state before.")
        .Text("to_state", nameof(ToState), "To", json: "to_state", doc: "The state after.")
        .Text("condition", nameof(Condition), "Condition", json: "condition", doc: "<c>KAPI_STATE_TRANS_COND</c>.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.");
}

/// <summary>
/// A lock. RFC v1-v5 specs set four booleans; PATCH v1+ a single scope. Both are kept; <see cref="Scope"/> is
/// derived when only the booleans are given (held on entry or exit: CALLER_HELD, acquired only: ACQUIRES, released
/// only: RELEASES, otherwise INTERNAL).
/// </summary>
public sealed record LockSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    public KapiTerm<KapiLockType>? LockType { get; init; }

    public bool Acquired { get; init; }

    public bool Released { get; init; }

    public bool HeldOnEntry { get; init; }

    public bool HeldOnExit { get; init; }

    public KapiTerm<KapiLockScope>? Scope { get; init; }

    public string? Description { get; init; }

    public static KapiSectionSchema<LockSpec> Schema { get; } = new KapiSectionSchema<LockSpec>("lock", "KapiLockInfo", "A <c>KAPI_LOCK</c> block.")
        .Index()
        .Text("lock_name", nameof(Name), "Name", json: "lock_name", doc: "The lock name.")
        .Term<KapiLockType>("lock_type", nameof(LockType), "Type", json: "lock_type", doc: "A <c>KAPI_LOCK_*</c> type.")
        .Flag("acquired", nameof(Acquired), "Acquired", doc: "<c>KAPI_LOCK_ACQUIRED</c>.")
        .Flag("released", nameof(Released), "Released", doc: "<c>KAPI_LOCK_RELEASED</c>.")
        .Flag("held_on_entry", nameof(HeldOnEntry), "Held on entry", doc: "<c>KAPI_LOCK_HELD_ENTRY</c>.")
        .Flag("held_on_exit", nameof(HeldOnExit), "Held on exit", doc: "<c>KAPI_LOCK_HELD_EXIT</c>.")
        .Term<KapiLockScope>("scope", nameof(Scope), "Scope", json: "scope", runtimeAsText: true, read: source => source.LockScope(), doc: "The lock scope (INTERNAL, ACQUIRES, RELEASES, CALLER_HELD).")
        .Text("description", nameof(Description), "Description", json: "description", doc: "<c>KAPI_LOCK_DESC</c>.");
}

/// <summary>A capability that changes what the call may do (<c>KAPI_CAPABILITY</c>, <c>capability:</c>).</summary>
public sealed record CapabilitySpec
{
    public int Index { get; init; }

    public KapiValue? Capability { get; init; }

    public string? Name { get; init; }

    public KapiTerm<KapiCapabilityAction>? Action { get; init; }

    public string? Allows { get; init; }

    public string? WithoutCapability { get; init; }

    public string? Condition { get; init; }

    public KapiValue? Priority { get; init; }

    public EquatableArray<KapiValue> Alternatives { get; init; } = EquatableArray<KapiValue>.Empty;

    public static KapiSectionSchema<CapabilitySpec> Schema { get; } = new KapiSectionSchema<CapabilitySpec>("capability", "KapiCapabilityInfo", "A <c>KAPI_CAPABILITY</c> block.")
        .Index()
        .ZeroNumber("capability", nameof(Capability), "Capability", json: "capability", doc: "The capability number (<c>CAP_*</c>).")
        .Text("cap_name", nameof(Name), "Name", json: "name", doc: "The capability name.")
        .Term<KapiCapabilityAction>("action", nameof(Action), "Action", json: "action", doc: "A <c>KAPI_CAP_*</c> action.")
        .Text("allows", nameof(Allows), "Allows", json: "allows", doc: "<c>KAPI_CAP_ALLOWS</c>.")
        .Text("without_cap", nameof(WithoutCapability), "Without capability", json: "without_cap", doc: "<c>KAPI_CAP_WITHOUT</c>.")
        .Text("check_condition", nameof(Condition), "Condition", json: "check_condition", doc: "<c>KAPI_CAP_CONDITION</c>.")
        .Number("priority", nameof(Priority), "Priority", json: "priority", doc: "<c>KAPI_CAP_PRIORITY</c>.")
        .Numbers("alternative", nameof(Alternatives), "Alternatives", json: "alternatives", doc: "<c>KAPI_CAP_ALTERNATIVE</c>.");
}

/// <summary>A constraint across parameters or state (<c>KAPI_CONSTRAINT</c>, <c>constraint:</c>).</summary>
public sealed record ConstraintSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The constraint as an expression in words or C (<c>KAPI_CONSTRAINT_EXPR</c>), as written.</summary>
    public string? Expression { get; init; }

    public static KapiSectionSchema<ConstraintSpec> Schema { get; } = new KapiSectionSchema<ConstraintSpec>("constraint", "KapiConstraintInfo", "A <c>KAPI_CONSTRAINT</c> block.")
        .Index()
        .Text("name", nameof(Name), "Name", json: "name", doc: "The constraint name.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.")
        .Text("expression", nameof(Expression), "Expression", json: "expression", doc: "<c>KAPI_CONSTRAINT_EXPR</c>: free text.");
}
