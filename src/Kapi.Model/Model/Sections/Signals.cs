using Kapi.Collections;
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

    public static KapiSectionSchema<SignalSpec> Schema { get; } = new KapiSectionSchema<SignalSpec>("signal", "KapiSignalInfo")
        .Index()
        .ZeroNumber("signal_num", nameof(SignalNumber), "Number", json: "signal_num")
        .Text("signal_name", nameof(SignalName), "Name", json: "signal_name")
        .Term("direction", nameof(Direction), "Direction", json: "direction")
        .Term("action", nameof(Action), "Action", json: "action")
        .Text("target", nameof(Target), "Target", json: "target")
        .Text("condition", nameof(Condition), "Condition", json: "condition")
        .Text("description", nameof(Description), "Description", json: "description")
        .Flag("restartable", nameof(Restartable), "Restartable", json: "restartable")
        .ZeroNumber("sa_flags_required", nameof(SaFlagsRequired), "SA flags required", json: "sa_flags_required")
        .ZeroNumber("sa_flags_forbidden", nameof(SaFlagsForbidden), "SA flags forbidden", json: "sa_flags_forbidden")
        .Number("error_on_signal", nameof(ErrorOnSignal), "Error on signal", json: "error_on_signal")
        .Number("transform_to", nameof(TransformTo), "Transformed to", json: "transform_to")
        .Term("timing", nameof(Timing), "Timing", json: "timing", runtimeAsText: true, read: source => source.Timing("timing"), writtenAsString: true)
        .ZeroNumber("priority", nameof(Priority), "Priority", json: "priority")
        .Flag("interruptible", nameof(Interruptible), "Interruptible", json: "interruptible")
        .Text("queue_behavior", nameof(QueueBehavior), "Queue", json: "queue")
        .Term("state_required", nameof(StateRequired), "State required", json: "state_required")
        .Term("state_forbidden", nameof(StateForbidden), "State forbidden", json: "state_forbidden");
}

/// <summary>A set of signals the call blocks (<c>KAPI_SIGNAL_MASK</c>).</summary>
public sealed record SignalMaskSpec
{
    public int Index { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public EquatableArray<KapiValue> Signals { get; init; } = EquatableArray<KapiValue>.Empty;

    public static KapiSectionSchema<SignalMaskSpec> Schema { get; } = new KapiSectionSchema<SignalMaskSpec>("signal mask", "KapiSignalMaskInfo")
        .Index()
        .Text("mask_name", nameof(Name), "Name", json: "name")
        .Text("description", nameof(Description), "Description", json: "description")
        .Numbers("signals", nameof(Signals), "Signals", json: "signals");
}
