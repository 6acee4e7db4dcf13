using System;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Kapi.Runtime;

/// <summary>
/// Thrown by the generated <c>…OrThrow</c> variants of the system-call wrappers. The message is the spec's
/// description of the error (or the system's text for an errno the spec does not list).
/// </summary>
public sealed class KapiSyscallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="api">The spec name, for example <c>sys_mlockall</c>.</param>
    /// <param name="errno">The errno value as the running system reported it.</param>
    /// <param name="errorName">The symbolic errno name from the spec (EINVAL …), or null when the spec does not list it.</param>
    /// <param name="message">The spec's description of the error; null for the system's text.</param>
    public KapiSyscallException(string api, int errno, string? errorName, string? message)
        : this(api, errno, errorName, message, rejectedBeforeCall: false)
    {
    }

    /// <summary>Creates the exception, saying whether the wrapper rejected the arguments before calling the kernel.</summary>
    /// <param name="api">The spec name, for example <c>sys_mlockall</c>.</param>
    /// <param name="errno">The errno value as the running system reported it.</param>
    /// <param name="errorName">The symbolic errno name from the spec (EINVAL …), or null when the spec does not list it.</param>
    /// <param name="message">The spec's description of the error; null for the system's text.</param>
    /// <param name="rejectedBeforeCall">The wrapper rejected the arguments itself; the kernel was not called.</param>
    public KapiSyscallException(string api, int errno, string? errorName, string? message, bool rejectedBeforeCall)
        : base(FormatMessage(api, errno, errorName, message))
    {
        Api = api;
        Errno = errno;
        ErrorName = errorName;
        IsRejectedBeforeCall = rejectedBeforeCall;
        HResult = errno;
    }

    /// <summary>The spec name, for example <c>sys_mlockall</c>.</summary>
    public string Api { get; }

    /// <summary>The errno value as the running system reported it.</summary>
    public int Errno { get; }

    /// <summary>The symbolic errno name (EINVAL …) when the spec lists the error; otherwise null.</summary>
    public string? ErrorName { get; }

    /// <summary>True when the spec lists this error.</summary>
    public bool IsSpecifiedError => ErrorName is not null;

    /// <summary>
    /// True when the wrapper rejected the arguments itself (the spec's constraints, or a flag that does not exist on the
    /// running architecture) and the kernel was not called; see <c>SyscallResult.IsRejectedBeforeCall</c>.
    /// </summary>
    public bool IsRejectedBeforeCall { get; }

    // The message is the same either way (the spec's description of the error); IsRejectedBeforeCall tells them apart.
    private static string FormatMessage(string api, int errno, string? errorName, string? message)
    {
        string text = message ?? Marshal.GetPInvokeErrorMessage(errno);
        return errorName is null
            ? string.Create(CultureInfo.InvariantCulture, $"{api} failed with errno {errno} (not listed in the spec): {text}")
            : $"{api} failed with {errorName}: {text}";
    }
}
