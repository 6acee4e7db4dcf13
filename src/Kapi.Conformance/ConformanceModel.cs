
namespace Kapi.Conformance;

/// <summary>One boundary value for one constrained parameter, and what the spec says the kernel does with it.</summary>
/// <param name="Api">The spec name, e.g. <c>sys_mlockall</c>.</param>
/// <param name="Parameter">The parameter under test.</param>
/// <param name="Label">What the value is (<c>0</c>, <c>MCL_CURRENT</c>, <c>first bit above the mask</c> …).</param>
/// <param name="Value">The value, in portable (x86-64) numbering — what the generated raw-integer overloads take.</param>
/// <param name="SpecAccepts">True when the spec's constraint accepts the value (the kernel must not fail with EINVAL).</param>
public sealed record ConformanceCase(string Api, string Parameter, string Label, long Value, bool SpecAccepts)
{
    /// <summary>What the spec predicts, as printed in the table.</summary>
    public string Expected => SpecAccepts ? "not EINVAL" : "EINVAL";
}

public enum ConformanceVerdict
{
    /// <summary>The kernel did what the spec says.</summary>
    Pass,
    /// <summary>The kernel disagreed with the spec.</summary>
    Fail,
    /// <summary>The kernel disagreed, for a reason the fixture documents (the outcome depends on context the spec cannot express).</summary>
    KnownDisagreement,
    /// <summary>Not run (destructive or impossible here); the note says why.</summary>
    Skipped,
}

/// <summary>The kernel's answer to one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Errno">0 for success, otherwise the errno the kernel returned; -1 when not run.</param>
/// <param name="Verdict">Agreement with the spec.</param>
/// <param name="Note">Why a case was skipped or is a known disagreement.</param>
public sealed record ConformanceResult(ConformanceCase Case, int Errno, ConformanceVerdict Verdict, string? Note)
{
    public string Actual => Errno switch
    {
        -1 => "not run",
        0 => "success",
        _ => ErrnoNames.Name(Errno),
    };

    /// <summary>One line of explanation for a failure: which error the spec claims and what the kernel did.</summary>
    public string Describe() =>
        $"{Case.Api}({Case.Parameter} = {Case.Label} = 0x{Case.Value:x}): spec expects {Case.Expected}, kernel returned {Actual}" +
        (Note is null ? string.Empty : $" ({Note})");
}

/// <summary>Errno names for the table (x86-64 / generic numbering).</summary>
public static class ErrnoNames
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EFAULT = 14;
    public const int EEXIST = 17;
    public const int EINVAL = 22;

    private static readonly string[] s_names =
    {
        "0", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN", "ENOMEM",
        "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE",
        "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE",
    };

    public static string Name(int errno) => errno switch
    {
        > 0 when errno < 35 => s_names[errno],
        40 => "ELOOP",
        95 => "EOPNOTSUPP",
        _ => "errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
