using System.Collections.Immutable;

namespace Kapi.Generators.Pipeline;

// Why the pipeline's step values are reference types (a yes/no as one of two shared objects, a collected array
// wrapped in a class), except where Roslyn's API makes them a tuple of two references or an ImmutableArray:
// Roslyn's incremental-generator machinery (NodeStateTable<T>, its table entries and builders, TransformNode,
// CombineNode …) is generic over each step's value type. Over reference types it is shared code, precompiled in the
// compiler's ReadyToRun image; every value type (bool, a tuple holding a bool, a tuple holding a tuple or an
// ImmutableArray) is a separate instantiation the JIT compiles in every fresh compiler process, about 50 methods each.
// With this pipeline only two remain: ImmutableArray<ref> (what Collect gives) and (ref, ref) (what Combine gives).

/// <summary>A yes/no step value: one of two shared instances, so equal values are the same object.</summary>
internal sealed class PipelineFlag
{
    /// <summary>Yes.</summary>
    public static readonly PipelineFlag Yes = new(true);

    /// <summary>No.</summary>
    public static readonly PipelineFlag No = new(false);

    private PipelineFlag(bool value) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <summary>The shared instance for <paramref name="value"/>.</summary>
    public static PipelineFlag Of(bool value) => value ? Yes : No;

    /// <inheritdoc/>
    public override string ToString() => Value ? "true" : "false";
}

/// <summary>
/// A collected step value in a class (Collect's <c>ImmutableArray</c> is a value type, and compares by reference),
/// compared element by element as an <see cref="EquatableArray{T}"/>.
/// </summary>
/// <typeparam name="T">The element type (a value-equatable model).</typeparam>
internal sealed class Collected<T> : IEquatable<Collected<T>>
{
    public Collected(ImmutableArray<T> items) => Items = new EquatableArray<T>(items.IsDefault ? Array.Empty<T>() : items.ToArray());

    /// <summary>The collected values, in the order Collect gives them.</summary>
    public EquatableArray<T> Items { get; }

    /// <inheritdoc/>
    public bool Equals(Collected<T>? other) => other is not null && Items.Equals(other.Items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Collected<T>);

    /// <inheritdoc/>
    public override int GetHashCode() => Items.GetHashCode();
}
