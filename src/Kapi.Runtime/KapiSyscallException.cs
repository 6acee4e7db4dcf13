using System;
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
        : base(FormatMessage(api, errno, errorName, message))
    {
        Api = api;
        Errno = errno;
        ErrorName = errorName;
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

    private static string FormatMessage(string api, int errno, string? errorName, string? message)
    {
        string text = message ?? Marshal.GetPInvokeErrorMessage(errno);
        return errorName is null
            ? $"{api} failed with errno {errno} (not listed in the spec): {text}"
            : $"{api} failed with {errorName}: {text}";
    }
}
