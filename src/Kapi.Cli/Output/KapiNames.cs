using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Kapi.Architectures;
using Kapi.Model;

namespace Kapi.Cli.Output;

/// <summary>
/// Names of the KAPI enumerations and flag sets (kapi-language.md §4) and the helpers that turn a
/// <see cref="KapiValue"/> into what the formatters print for one architecture.
/// </summary>
internal static class KapiNames
{
    // enum kapi_param_flags (§4.2). Upstream's plain formatter decodes 0x04 as INOUT/USER and 0x08 as USER/OPTIONAL
    // inconsistently; these are the header's values.
    public static readonly (long Bit, string Name)[] ParamFlags =
    {
        (1, "IN"), (2, "OUT"), (4, "INOUT"), (8, "OPTIONAL"), (16, "CONST"), (32, "VOLATILE"), (64, "USER"),
        (128, "DMA"), (256, "ALIGNED"), (512, "SYSFS_READONLY"), (1024, "SYSFS_WRITEONLY"), (2048, "SYSFS_RW"),
        (4096, "SYSFS_BINARY"),
    };

    public static readonly (long Bit, string Name)[] SignalDirections =
    {
        (1, "RECEIVE"), (2, "SEND"), (4, "HANDLE"), (8, "BLOCK"), (16, "IGNORE"),
    };

    public static readonly string[] SignalActions =
    {
        "DEFAULT", "TERMINATE", "COREDUMP", "STOP", "CONTINUE", "CUSTOM", "RETURN", "RESTART", "QUEUE", "DISCARD", "TRANSFORM",
    };

    public static readonly string[] LockTypes = { "NONE", "MUTEX", "SPINLOCK", "RWLOCK", "SEQLOCK", "RCU", "SEMAPHORE", "CUSTOM" };

    public static readonly string[] LockScopes = { "acquired and released", "acquired (not released)", "released (held on entry)", "held by caller" };

    public static readonly (long Bit, string Name)[] EffectTypes =
    {
        (1, "ALLOC_MEMORY"), (2, "FREE_MEMORY"), (4, "MODIFY_STATE"), (8, "SIGNAL_SEND"), (16, "FILE_POSITION"),
        (32, "LOCK_ACQUIRE"), (64, "LOCK_RELEASE"), (128, "RESOURCE_CREATE"), (256, "RESOURCE_DESTROY"), (512, "SCHEDULE"),
        (1024, "HARDWARE"), (2048, "NETWORK"), (4096, "FILESYSTEM"), (8192, "PROCESS_STATE"), (16384, "IRREVERSIBLE"),
    };

    public static readonly string[] SignalTimings = { "BEFORE", "DURING", "AFTER", "EXIT" };

    /// <summary>The upstream list group of a spec: syscall, ioctl, function or sysfs.</summary>
    public static string ApiType(ApiSpec spec) => spec.Kind switch
    {
        ApiKind.Ioctl => "ioctl",
        ApiKind.Sysfs => "sysfs",
        _ => spec.IsSyscall ? "syscall" : "function",
    };

    public static string Decode((long Bit, string Name)[] table, long value, string separator)
    {
        var parts = new List<string>();
        long rest = value;
        foreach (var (bit, name) in table)
        {
            if ((value & bit) != 0)
            {
                parts.Add(name);
                rest &= ~bit;
            }
        }
        if (rest != 0) parts.Add(Hex(rest));
        return parts.Count == 0 ? "NONE" : string.Join(separator, parts);
    }

    public static string Lookup(string[] table, long? value) =>
        value is long v && v >= 0 && v < table.Length ? table[v] : "UNKNOWN";

    /// <summary>Upstream encodes signal timing as 0 before, 1 during, 2 after, 3 exit.</summary>
    public static uint TimingCode(string? timing)
    {
        switch (timing?.Trim().ToLowerInvariant())
        {
            case "after": return 2;
            case "exit": return 3;
            case "during": case "anytime": case "while_blocked": case "while_sleeping": return 1;
            default: return 0; // before, entry, unset
        }
    }

    /// <summary>
    /// Lock scope as upstream numbers it (0 internal, 1 acquires, 2 releases, 3 caller_held): from the scope as
    /// written (P1+), else derived from the RFC booleans.
    /// </summary>
    public static uint LockScope(LockSpec lk)
    {
        var s = lk.Scope?.ToUpperInvariant();
        if (s is not null)
        {
            if (s.Contains("CALLER")) return 3;
            if (s.Contains("RELEASE")) return 2;
            if (s.Contains("ACQUIRE")) return 1;
            if (s.Contains("INTERNAL")) return 0;
            if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n is >= 0 and <= 3) return (uint)n;
        }
        if (lk.HeldOnEntry || lk.HeldOnExit)
        {
            if (lk.Released && !lk.Acquired) return 2;
            if (lk.Acquired && !lk.Released) return 1;
            return 3;
        }
        if (lk.Acquired && !lk.Released) return 1;
        if (lk.Released && !lk.Acquired) return 2;
        return 0;
    }

    public static string Hex(long value) => "0x" + ((ulong)value).ToString("x", CultureInfo.InvariantCulture);

    public static string Dec(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the expression is just an integer literal (so printing it next to the value adds nothing).</summary>
    public static bool IsLiteral(string expression)
    {
        var e = expression.Trim();
        if (e.StartsWith("-", StringComparison.Ordinal)) e = e.Substring(1).TrimStart();
        if (e.Length == 0) return false;
        e = e.TrimEnd('u', 'U', 'l', 'L');
        if (e.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            e = e.Substring(2);
            if (e.Length == 0) return false;
            foreach (char c in e) if (!Uri.IsHexDigit(c)) return false;
            return true;
        }
        foreach (char c in e) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>
    /// "0x7 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)": the value on <paramref name="arch"/> in hex or decimal, then the
    /// expression as written when it is not a plain literal; "? (EXPR)" when the value is unknown on that architecture.
    /// </summary>
    public static string Show(KapiValue? value, KapiArch arch, bool hex = false)
    {
        if (value is null) return "-";
        var sb = new StringBuilder();
        var v = value.Get(arch);
        sb.Append(v is long n ? (hex ? Hex(n) : Dec(n)) : "?");
        if (!IsLiteral(value.Expression) || v is null)
        {
            sb.Append(" (").Append(OneLine(value.Expression)).Append(')');
        }
        if (v is null) sb.Append(" [unknown on ").Append(arch.RidName()).Append(']');
        return sb.ToString();
    }

    /// <summary>True when the expression only ORs identifiers with <paramref name="prefix"/> (so the decoded names say it all).</summary>
    public static bool OnlyNames(string expression, string prefix)
    {
        foreach (var part in expression.Split('|'))
        {
            var t = part.Trim().Trim('(', ')').Trim();
            if (!t.StartsWith(prefix, StringComparison.Ordinal)) return false;
            foreach (char c in t) if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    /// <summary>"KAPI_TYPE_INT (1)": for enumerators, the name first, then the value on <paramref name="arch"/>.</summary>
    public static string Named(KapiValue? value, KapiArch arch)
    {
        if (value is null) return "-";
        var v = value.Get(arch);
        if (IsLiteral(value.Expression) && v is long lit) return Dec(lit);
        return OneLine(value.Expression) + " (" + (v is long n ? Dec(n) : "?") + ")";
    }

    /// <summary>The value alone ("-22"), or the expression when the value is unknown on <paramref name="arch"/>.</summary>
    public static string ValueOnly(KapiValue? value, KapiArch arch) =>
        value is null ? "-" : value.Get(arch) is long n ? Dec(n) : OneLine(value.Expression);

    public static string OneLine(string s)
    {
        if (s.IndexOf('\n') < 0 && s.IndexOf('\r') < 0 && s.IndexOf('\t') < 0) return s;
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        return sb.ToString();
    }

    /// <summary>sysfs permissions in octal (0644), as written when unknown.</summary>
    public static string Permissions(KapiValue? value, KapiArch arch)
    {
        if (value?.Get(arch) is long v) return "0" + Convert.ToString(v, 8);
        return value?.Expression ?? string.Empty;
    }

    /// <summary>Every enum value's name (or expression) as written.</summary>
    public static string EnumName(KapiNamedValue nv) =>
        string.IsNullOrEmpty(nv.Name) ? OneLine(nv.Value.Expression) : nv.Name;
}
