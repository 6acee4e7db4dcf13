using Kapi.Collections;
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

    public static KapiSectionSchema<SideEffectSpec> Schema { get; } = new KapiSectionSchema<SideEffectSpec>("side effect", "KapiSideEffectInfo")
        .Index()
        .Term("type", nameof(Type), "Type", json: "effect_type")
        .Text("target", nameof(Target), "Target", json: "target")
        .Text("condition", nameof(Condition), "Condition", json: "condition")
        .Text("description", nameof(Description), "Description", json: "description")
        .Flag("reversible", nameof(Reversible), "Reversible", json: "reversible");
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

    public static KapiSectionSchema<StateTransitionSpec> Schema { get; } = new KapiSectionSchema<StateTransitionSpec>("state transition", "KapiStateTransitionInfo")
        .Index()
        .Text("object", nameof(Object), "Object", json: "object")
        .Text("from_state", nameof(FromState), "From", json: "from_state")
        .Text("to_state", nameof(ToState), "To", json: "to_state")
        .Text("condition", nameof(Condition), "Condition", json: "condition")
        .Text("description", nameof(Description), "Description", json: "description");
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

    public static KapiSectionSchema<LockSpec> Schema { get; } = new KapiSectionSchema<LockSpec>("lock", "KapiLockInfo")
        .Index()
        .Text("lock_name", nameof(Name), "Name", json: "lock_name")
        .Term("lock_type", nameof(LockType), "Type", json: "lock_type")
        .Flag("acquired", nameof(Acquired), "Acquired")
        .Flag("released", nameof(Released), "Released")
        .Flag("held_on_entry", nameof(HeldOnEntry), "Held on entry")
        .Flag("held_on_exit", nameof(HeldOnExit), "Held on exit")
        .Term("scope", nameof(Scope), "Scope", json: "scope", runtimeAsText: true, read: source => source.LockScope())
        .Text("description", nameof(Description), "Description", json: "description");
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

    public static KapiSectionSchema<CapabilitySpec> Schema { get; } = new KapiSectionSchema<CapabilitySpec>("capability", "KapiCapabilityInfo")
        .Index()
        .ZeroNumber("capability", nameof(Capability), "Capability", json: "capability")
        .Text("cap_name", nameof(Name), "Name", json: "name")
        .Term("action", nameof(Action), "Action", json: "action")
        .Text("allows", nameof(Allows), "Allows", json: "allows")
        .Text("without_cap", nameof(WithoutCapability), "Without capability", json: "without_cap")
        .Text("check_condition", nameof(Condition), "Condition", json: "check_condition")
        .Number("priority", nameof(Priority), "Priority", json: "priority")
        .Numbers("alternative", nameof(Alternatives), "Alternatives", json: "alternatives");
}

/// <summary>A constraint across parameters or state (<c>KAPI_CONSTRAINT</c>, <c>constraint:</c>).</summary>
public sealed record ConstraintSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The constraint as an expression in words or C (<c>KAPI_CONSTRAINT_EXPR</c>), as written.</summary>
    public string? Expression { get; init; }

    public static KapiSectionSchema<ConstraintSpec> Schema { get; } = new KapiSectionSchema<ConstraintSpec>("constraint", "KapiConstraintInfo")
        .Index()
        .Text("name", nameof(Name), "Name", json: "name")
        .Text("description", nameof(Description), "Description", json: "description")
        .Text("expression", nameof(Expression), "Expression", json: "expression");
}
