using System.Globalization;

namespace Kapi.Runtime;

/// <summary>
/// A file descriptor number, as passed to and returned by the generated wrappers for <c>KAPI_TYPE_FD</c>
/// parameters and <c>KAPI_RETURN_FD</c> results. It does not own the descriptor (nothing is closed for you);
/// it only keeps descriptors apart from other integers. Converts implicitly from <see cref="int"/>.
/// </summary>
public readonly record struct FileDescriptor(int Value)
{
    /// <summary><c>AT_FDCWD</c> (-100): "relative to the current directory" for the <c>*at</c> system calls.</summary>
    public static FileDescriptor AtFdCwd => new(-100);

    /// <summary>True for a non-negative descriptor number.</summary>
    public bool IsValid => Value >= 0;

    /// <summary>Wraps a descriptor number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator FileDescriptor(int value) => new(value);

    /// <summary>Unwraps the descriptor number.</summary>
    /// <param name="fd">The descriptor.</param>
    public static explicit operator int(FileDescriptor fd) => fd.Value;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
