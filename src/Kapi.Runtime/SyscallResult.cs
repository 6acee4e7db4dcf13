using System;
using System.Globalization;

namespace Kapi.Runtime;

/// <summary>
/// The outcome of a generated system-call wrapper whose success carries no value (for example <c>mlockall</c>,
/// which returns 0): either success, or an error. <typeparamref name="TError"/> is the generated enum that lists
/// exactly the spec's <c>KAPI_ERROR</c>s, in portable (x86-64) errno numbers. An errno the spec does not list is
/// kept: <see cref="Error"/> then holds an undefined enum value and <see cref="IsSpecifiedError"/> is false.
/// </summary>
/// <typeparam name="TError">The generated error enum of the system call.</typeparam>
public readonly struct SyscallResult<TError> : IEquatable<SyscallResult<TError>>
    where TError : struct, Enum
{
    private readonly TError _error;
    private readonly int _errno;
    private readonly bool _failed;
    private readonly bool _rejected;

    private SyscallResult(TError error, int errno, bool rejected)
    {
        _error = error;
        _errno = errno;
        _failed = true;
        _rejected = rejected;
    }

    /// <summary>The successful result.</summary>
    public static SyscallResult<TError> Success => default;

    /// <summary>Creates a failed result: the kernel (or libc) reported the error.</summary>
    /// <param name="error">The error, in the portable numbering of <typeparamref name="TError"/>.</param>
    /// <param name="errno">The errno value as the running system reported it.</param>
    /// <returns>The failed result.</returns>
    public static SyscallResult<TError> Failure(TError error, int errno) => new(error, errno, rejected: false);

    /// <summary>
    /// Creates a failed result for arguments the wrapper rejected itself, without calling the kernel
    /// (<see cref="IsRejectedBeforeCall"/>).
    /// </summary>
    /// <param name="error">The error (<c>EINVAL</c>), in the portable numbering of <typeparamref name="TError"/>.</param>
    /// <param name="errno">The errno value of the running system.</param>
    /// <returns>The failed result.</returns>
    public static SyscallResult<TError> Rejected(TError error, int errno) => new(error, errno, rejected: true);

    /// <summary>True when the call succeeded.</summary>
    public bool IsSuccess => !_failed;

    /// <summary>True when the call failed.</summary>
    public bool IsError => _failed;

    /// <summary>
    /// True when the wrapper rejected the arguments itself and the kernel was not called: an argument breaks the spec's
    /// constraints (runtime validation, <c>KapiRuntimeValidation</c>), or a flag has no value on the running
    /// architecture. False for every error the kernel (or libc) reported, and on success.
    /// </summary>
    public bool IsRejectedBeforeCall => _rejected;

    /// <summary>The error (portable errno number); <c>default</c> on success.</summary>
    public TError Error => _error;

    /// <summary>The errno value as the running system reported it; 0 on success.</summary>
    public int Errno => _errno;

    /// <summary>True when the call failed with one of the errors the spec lists.</summary>
    public bool IsSpecifiedError => _failed && Enum.IsDefined(_error);

    /// <inheritdoc/>
    public bool Equals(SyscallResult<TError> other) =>
        _failed == other._failed && _rejected == other._rejected && _errno == other._errno && System.Collections.Generic.EqualityComparer<TError>.Default.Equals(_error, other._error);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SyscallResult<TError> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_failed, _errno);

    /// <summary>Compares two results.</summary>
    public static bool operator ==(SyscallResult<TError> left, SyscallResult<TError> right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(SyscallResult<TError> left, SyscallResult<TError> right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => _failed ? SyscallResultFormat.Error(_error, _errno, _rejected) : "Success";
}

/// <summary>
/// The outcome of a generated system-call wrapper whose success carries a value (a count, a file descriptor …).
/// See <see cref="SyscallResult{TError}"/> for the error side.
/// </summary>
/// <typeparam name="T">The success value type.</typeparam>
/// <typeparam name="TError">The generated error enum of the system call.</typeparam>
public readonly struct SyscallResult<T, TError> : IEquatable<SyscallResult<T, TError>>
    where TError : struct, Enum
{
    private readonly T _value;
    private readonly TError _error;
    private readonly int _errno;
    private readonly bool _failed;
    private readonly bool _rejected;

    private SyscallResult(T value, TError error, int errno, bool failed, bool rejected)
    {
        _value = value;
        _error = error;
        _errno = errno;
        _failed = failed;
        _rejected = rejected;
    }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value the call returned.</param>
    /// <returns>The successful result.</returns>
    public static SyscallResult<T, TError> Success(T value) => new(value, default, 0, failed: false, rejected: false);

    /// <summary>Creates a failed result: the kernel (or libc) reported the error.</summary>
    /// <param name="error">The error, in the portable numbering of <typeparamref name="TError"/>.</param>
    /// <param name="errno">The errno value as the running system reported it.</param>
    /// <returns>The failed result.</returns>
    public static SyscallResult<T, TError> Failure(TError error, int errno) => new(default!, error, errno, failed: true, rejected: false);

    /// <summary>
    /// Creates a failed result for arguments the wrapper rejected itself, without calling the kernel
    /// (<see cref="IsRejectedBeforeCall"/>).
    /// </summary>
    /// <param name="error">The error (<c>EINVAL</c>), in the portable numbering of <typeparamref name="TError"/>.</param>
    /// <param name="errno">The errno value of the running system.</param>
    /// <returns>The failed result.</returns>
    public static SyscallResult<T, TError> Rejected(TError error, int errno) => new(default!, error, errno, failed: true, rejected: true);

    /// <summary>True when the call succeeded.</summary>
    public bool IsSuccess => !_failed;

    /// <summary>True when the call failed.</summary>
    public bool IsError => _failed;

    /// <summary>
    /// True when the wrapper rejected the arguments itself and the kernel was not called: an argument breaks the spec's
    /// constraints (runtime validation, <c>KapiRuntimeValidation</c>), or a flag has no value on the running
    /// architecture. False for every error the kernel (or libc) reported, and on success.
    /// </summary>
    public bool IsRejectedBeforeCall => _rejected;

    /// <summary>The value the call returned; <c>default</c> when it failed.</summary>
    public T Value => _value;

    /// <summary>Gets the value when the call succeeded.</summary>
    /// <param name="value">The value, or <c>default</c>.</param>
    /// <returns>True when the call succeeded.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return !_failed;
    }

    /// <summary>The error (portable errno number); <c>default</c> on success.</summary>
    public TError Error => _error;

    /// <summary>The errno value as the running system reported it; 0 on success.</summary>
    public int Errno => _errno;

    /// <summary>True when the call failed with one of the errors the spec lists.</summary>
    public bool IsSpecifiedError => _failed && Enum.IsDefined(_error);

    /// <inheritdoc/>
    public bool Equals(SyscallResult<T, TError> other) =>
        _failed == other._failed && _rejected == other._rejected && _errno == other._errno &&
        System.Collections.Generic.EqualityComparer<TError>.Default.Equals(_error, other._error) &&
        System.Collections.Generic.EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SyscallResult<T, TError> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_failed, _errno, _value);

    /// <summary>Compares two results.</summary>
    public static bool operator ==(SyscallResult<T, TError> left, SyscallResult<T, TError> right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(SyscallResult<T, TError> left, SyscallResult<T, TError> right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => _failed ? SyscallResultFormat.Error(_error, _errno, _rejected) : string.Create(CultureInfo.InvariantCulture, $"Success({_value})");
}

internal static class SyscallResultFormat
{
    public static string Error<TError>(TError error, int errno, bool rejected) where TError : struct, Enum
    {
        string text = Enum.IsDefined(error)
            ? string.Create(CultureInfo.InvariantCulture, $"Error({error}, errno {errno}")
            : string.Create(CultureInfo.InvariantCulture, $"Error(errno {errno}, not listed in the spec");
        return text + (rejected ? ", rejected before the call)" : ")");
    }
}
