using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Kapi.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Whether mlockall(MCL_CURRENT | MCL_ONFAULT) can succeed for a child of this process: it needs CAP_IPC_LOCK or an
/// unlimited RLIMIT_MEMLOCK (children inherit both). Otherwise the kernel answers EPERM or ENOMEM.
/// </summary>
public static class MemoryLocking
{
    private const int CapIpcLock = 14;

    public static bool CanLockAll { get; } = HasCapIpcLock() || MemlockUnlimited();

    private static bool HasCapIpcLock()
    {
        var line = ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var caps)
            && (caps & (1UL << CapIpcLock)) != 0;
    }

    private static bool MemlockUnlimited()
    {
        var line = ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max locked memory", StringComparison.Ordinal));
        return line is not null && line["Max locked memory".Length..].TrimStart().StartsWith("unlimited", StringComparison.Ordinal);
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return Array.Empty<string>();
        }
        catch (UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
