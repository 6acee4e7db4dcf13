using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Model;

/// <summary>A signal the call sends, receives, handles or blocks (<c>KAPI_SIGNAL</c>, <c>signal:</c>).</summary>
public sealed record SignalSpec
{
    public int Index { get; init; }

    /// <summary>The signal number (0 for a class of signals such as "any fatal signal").</summary>
    public KapiValue? SignalNumber { get; init; }

    public string? SignalName { get; init; }

    public KapiTerm<KapiSignalDirections>? Direction { get; init; }

    public KapiTerm<KapiSignalAction>? Action { get; init; }

    public string? Target { get; init; }

    public string? Condition { get; init; }

    public string? Description { get; init; }

    public bool Restartable { get; init; }

    public KapiValue? SaFlagsRequired { get; init; }

    public KapiValue? SaFlagsForbidden { get; init; }

    /// <summary>The error the call returns when the signal interrupts it (<c>-EINTR</c>).</summary>
    public KapiValue? ErrorOnSignal { get; init; }

    public KapiValue? TransformTo { get; init; }

    /// <summary>When the signal matters; the text is the spec's string (<c>during</c>).</summary>
    public KapiTerm<KapiSignalTiming>? Timing { get; init; }

    public KapiValue? Priority { get; init; }

    public bool Interruptible { get; init; }

    public string? QueueBehavior { get; init; }

    public KapiTerm<KapiSignalStates>? StateRequired { get; init; }

    public KapiTerm<KapiSignalStates>? StateForbidden { get; init; }

    public static KapiSectionSchema<SignalSpec> Schema { get; } = new KapiSectionSchema<SignalSpec>("signal", "KapiSignalInfo", "A <c>KAPI_SIGNAL</c> block.")
        .Index()
        .ZeroNumber("signal_num", nameof(SignalNumber), "Number", json: "signal_num", doc: "The signal number (0 for a class of signals).")
        .Text("signal_name", nameof(SignalName), "Name", json: "signal_name", doc: "The signal name.")
        .Term<KapiSignalDirections>("direction", nameof(Direction), "Direction", json: "direction", doc: "An OR of <c>KAPI_SIGNAL_RECEIVE/SEND/…</c>.")
        .Term<KapiSignalAction>("action", nameof(Action), "Action", json: "action", doc: "A <c>KAPI_SIGNAL_ACTION_*</c>.")
        .Text("target", nameof(Target), "Target", json: "target", doc: "<c>KAPI_SIGNAL_TARGET</c>.")
        .Text("condition", nameof(Condition), "Condition", json: "condition", doc: "<c>KAPI_SIGNAL_CONDITION</c>.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "<c>KAPI_SIGNAL_DESC</c>.")
        .Flag("restartable", nameof(Restartable), "Restartable", json: "restartable", doc: "<c>KAPI_SIGNAL_RESTARTABLE</c>.")
        .ZeroNumber("sa_flags_required", nameof(SaFlagsRequired), "SA flags required", json: "sa_flags_required", doc: "<c>KAPI_SIGNAL_SA_FLAGS_REQ</c>.")
        .ZeroNumber("sa_flags_forbidden", nameof(SaFlagsForbidden), "SA flags forbidden", json: "sa_flags_forbidden", doc: "<c>KAPI_SIGNAL_SA_FLAGS_FORBID</c>.")
        .Number("error_on_signal", nameof(ErrorOnSignal), "Error on signal", json: "error_on_signal", doc: "<c>KAPI_SIGNAL_ERROR</c>.")
        .Number("transform_to", nameof(TransformTo), "Transformed to", json: "transform_to", doc: "<c>KAPI_SIGNAL_TRANSFORM</c>.")
        .Term<KapiSignalTiming>("timing", nameof(Timing), "Timing", json: "timing", runtimeAsText: true, read: source => source.Timing("timing"), writtenAsString: true, doc: "<c>KAPI_SIGNAL_TIMING</c>.")
        .ZeroNumber("priority", nameof(Priority), "Priority", json: "priority", doc: "<c>KAPI_SIGNAL_PRIORITY</c>.")
        .Flag("interruptible", nameof(Interruptible), "Interruptible", json: "interruptible", doc: "<c>KAPI_SIGNAL_INTERRUPTIBLE</c>.")
        .Text("queue_behavior", nameof(QueueBehavior), "Queue", json: "queue", doc: "<c>KAPI_SIGNAL_QUEUE</c>.")
        .Term<KapiSignalStates>("state_required", nameof(StateRequired), "State required", json: "state_required", doc: "<c>KAPI_SIGNAL_STATE_REQ</c>.")
        .Term<KapiSignalStates>("state_forbidden", nameof(StateForbidden), "State forbidden", json: "state_forbidden", doc: "<c>KAPI_SIGNAL_STATE_FORBID</c>.");
}

/// <summary>A set of signals the call blocks (<c>KAPI_SIGNAL_MASK</c>).</summary>
public sealed record SignalMaskSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public EquatableArray<KapiValue> Signals { get; init; } = EquatableArray<KapiValue>.Empty;

    public static KapiSectionSchema<SignalMaskSpec> Schema { get; } = new KapiSectionSchema<SignalMaskSpec>("signal mask", "KapiSignalMaskInfo", "A <c>KAPI_SIGNAL_MASK</c> block.")
        .Index()
        .Text("mask_name", nameof(Name), "Name", json: "name", doc: "The mask name.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "The description.")
        .Numbers("signals", nameof(Signals), "Signals", json: "signals", doc: "The signals in the mask.");
}
