using System.Globalization;
using System.Text;

namespace Kapi.Vocabulary;

/// <summary>
/// The identifiers of the KAPI vocabulary itself: the enumerations of kernel_api_spec.h (each mapped to a member of the
/// enums in <c>KapiTerms.cs</c>, which also gives its number), the constants that are only numbers (API kinds, the
/// RFC v2 network enums, magic markers, array limits) and the string macros (<c>KAPI_SIGNAL_TIME_*</c>,
/// <c>KAPI_SIGNAL_QUEUE_*</c>). Where series number a member differently, the name decides (PATCH v1+ numbering).
/// </summary>
public static class KapiVocabulary
{
    /// <summary>One vocabulary identifier that names an enum member.</summary>
    private readonly record struct Member(Type Family, long Value);

    private static readonly Dictionary<string, Member> s_members = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, long> s_numbers = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> s_strings = new(StringComparer.Ordinal);
    private static readonly Dictionary<Type, (long Value, string Name)[]> s_names = new();
    private static readonly Dictionary<Type, string> s_prefixes = new();

    static KapiVocabulary()
    {
        Family("KAPI_TYPE_", KapiParamType.Void, "VOID", KapiParamType.Int, "INT", KapiParamType.Uint, "UINT", KapiParamType.Ptr, "PTR",
            KapiParamType.Struct, "STRUCT", KapiParamType.Union, "UNION", KapiParamType.Enum, "ENUM", KapiParamType.FuncPtr, "FUNC_PTR",
            KapiParamType.Array, "ARRAY", KapiParamType.Fd, "FD", KapiParamType.UserPtr, "USER_PTR", KapiParamType.Path, "PATH",
            KapiParamType.Custom, "CUSTOM", KapiParamType.String, "STRING", KapiParamType.Bool, "BOOL", KapiParamType.Hex, "HEX",
            KapiParamType.Binary, "BINARY", KapiParamType.Bitmap, "BITMAP", KapiParamType.Uint, "ULONG");

        Family("KAPI_PARAM_", KapiParamFlags.In, "IN", KapiParamFlags.Out, "OUT", KapiParamFlags.InOut, "INOUT",
            KapiParamFlags.Optional, "OPTIONAL", KapiParamFlags.Const, "CONST", KapiParamFlags.Volatile, "VOLATILE",
            KapiParamFlags.User, "USER", KapiParamFlags.Dma, "DMA", KapiParamFlags.Aligned, "ALIGNED",
            KapiParamFlags.SysfsReadOnly, "SYSFS_READONLY", KapiParamFlags.SysfsWriteOnly, "SYSFS_WRITEONLY",
            KapiParamFlags.SysfsReadWrite, "SYSFS_RW", KapiParamFlags.SysfsBinary, "SYSFS_BINARY",
            // aliases of older series
            KapiParamFlags.InOut, "FLAGS_INOUT", KapiParamFlags.User | KapiParamFlags.In, "FLAGS_USER", KapiParamFlags.User, "USER_PTR");

        Family("KAPI_CTX_", KapiContextFlags.Process, "PROCESS", KapiContextFlags.Softirq, "SOFTIRQ", KapiContextFlags.Hardirq, "HARDIRQ",
            KapiContextFlags.Nmi, "NMI", KapiContextFlags.Atomic, "ATOMIC", KapiContextFlags.Sleepable, "SLEEPABLE",
            KapiContextFlags.PreemptDisabled, "PREEMPT_DISABLED", KapiContextFlags.IrqDisabled, "IRQ_DISABLED");

        Family("KAPI_CONSTRAINT_", KapiConstraintKind.None, "NONE", KapiConstraintKind.Range, "RANGE", KapiConstraintKind.Mask, "MASK",
            KapiConstraintKind.Enum, "ENUM", KapiConstraintKind.Alignment, "ALIGNMENT", KapiConstraintKind.PowerOfTwo, "POWER_OF_TWO",
            KapiConstraintKind.PageAligned, "PAGE_ALIGNED", KapiConstraintKind.NonZero, "NONZERO", KapiConstraintKind.UserString, "USER_STRING",
            KapiConstraintKind.UserPath, "USER_PATH", KapiConstraintKind.UserPtr, "USER_PTR", KapiConstraintKind.Buffer, "BUFFER",
            KapiConstraintKind.Custom, "CUSTOM", KapiConstraintKind.Mask, "BITMASK");

        Family("KAPI_RETURN_", KapiReturnCheck.Exact, "EXACT", KapiReturnCheck.Range, "RANGE", KapiReturnCheck.ErrorCheck, "ERROR_CHECK",
            KapiReturnCheck.Fd, "FD", KapiReturnCheck.Custom, "CUSTOM", KapiReturnCheck.NoReturn, "NO_RETURN");

        Family("KAPI_LOCK_", KapiLockType.None, "NONE", KapiLockType.Mutex, "MUTEX", KapiLockType.Spinlock, "SPINLOCK", KapiLockType.RwLock, "RWLOCK",
            KapiLockType.SeqLock, "SEQLOCK", KapiLockType.Rcu, "RCU", KapiLockType.Semaphore, "SEMAPHORE", KapiLockType.Custom, "CUSTOM");
        Family("KAPI_LOCK_", KapiLockScope.Internal, "INTERNAL", KapiLockScope.Acquires, "ACQUIRES", KapiLockScope.Releases, "RELEASES",
            KapiLockScope.CallerHeld, "CALLER_HELD");

        Family("KAPI_SIGNAL_", KapiSignalDirections.Receive, "RECEIVE", KapiSignalDirections.Send, "SEND", KapiSignalDirections.Handle, "HANDLE",
            KapiSignalDirections.Block, "BLOCK", KapiSignalDirections.Ignore, "IGNORE");
        Family("KAPI_SIGNAL_ACTION_", KapiSignalAction.Default, "DEFAULT", KapiSignalAction.Terminate, "TERMINATE", KapiSignalAction.Coredump, "COREDUMP",
            KapiSignalAction.Stop, "STOP", KapiSignalAction.Continue, "CONTINUE", KapiSignalAction.Custom, "CUSTOM", KapiSignalAction.Return, "RETURN",
            KapiSignalAction.Restart, "RESTART", KapiSignalAction.Queue, "QUEUE", KapiSignalAction.Discard, "DISCARD", KapiSignalAction.Transform, "TRANSFORM");
        Family("KAPI_SIGNAL_STATE_", KapiSignalStates.Running, "RUNNING", KapiSignalStates.Sleeping, "SLEEPING", KapiSignalStates.Stopped, "STOPPED",
            KapiSignalStates.Traced, "TRACED", KapiSignalStates.Zombie, "ZOMBIE", KapiSignalStates.Dead, "DEAD");
        // the signal timings are string macros ("entry", "during" …) whose strings also name the member
        Family("KAPI_SIGNAL_TIME_", KapiSignalTiming.Entry, "ENTRY", KapiSignalTiming.During, "DURING", KapiSignalTiming.Exit, "EXIT",
            KapiSignalTiming.Anytime, "ANYTIME", KapiSignalTiming.WhileBlocked, "BLOCKING", KapiSignalTiming.WhileSleeping, "SLEEPING",
            KapiSignalTiming.Before, "BEFORE", KapiSignalTiming.After, "AFTER");

        Family("KAPI_EFFECT_", KapiEffects.None, "NONE", KapiEffects.AllocMemory, "ALLOC_MEMORY", KapiEffects.FreeMemory, "FREE_MEMORY",
            KapiEffects.ModifyState, "MODIFY_STATE", KapiEffects.SignalSend, "SIGNAL_SEND", KapiEffects.FilePosition, "FILE_POSITION",
            KapiEffects.LockAcquire, "LOCK_ACQUIRE", KapiEffects.LockRelease, "LOCK_RELEASE", KapiEffects.ResourceCreate, "RESOURCE_CREATE",
            KapiEffects.ResourceDestroy, "RESOURCE_DESTROY", KapiEffects.Schedule, "SCHEDULE", KapiEffects.Hardware, "HARDWARE",
            KapiEffects.Network, "NETWORK", KapiEffects.Filesystem, "FILESYSTEM", KapiEffects.ProcessState, "PROCESS_STATE",
            KapiEffects.Irreversible, "IRREVERSIBLE");
        Family("KAPI_EFFECTS_", KapiEffects.AllocMemory | KapiEffects.FreeMemory, "MEMORY", KapiEffects.LockAcquire | KapiEffects.LockRelease, "LOCKING",
            KapiEffects.ResourceCreate | KapiEffects.ResourceDestroy, "RESOURCES", KapiEffects.Network | KapiEffects.Filesystem, "IO");

        Family("KAPI_CAP_", KapiCapabilityAction.BypassCheck, "BYPASS_CHECK", KapiCapabilityAction.IncreaseLimit, "INCREASE_LIMIT",
            KapiCapabilityAction.OverrideRestriction, "OVERRIDE_RESTRICTION", KapiCapabilityAction.GrantPermission, "GRANT_PERMISSION",
            KapiCapabilityAction.ModifyBehavior, "MODIFY_BEHAVIOR", KapiCapabilityAction.AccessResource, "ACCESS_RESOURCE",
            KapiCapabilityAction.PerformOperation, "PERFORM_OPERATION");

        // numbers that are not one of the enums above
        Seq("KAPI_API_", "FUNCTION", "IOCTL", "SYSFS");
        Seq("KAPI_SOCK_STATE_", "UNSPEC", "CLOSED", "OPEN", "BOUND", "LISTEN", "SYN_SENT", "SYN_RECV", "ESTABLISHED",
            "FIN_WAIT1", "FIN_WAIT2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT", "CONNECTED", "DISCONNECTED");
        Bits("KAPI_PROTO_", "TCP", "UDP", "UNIX", "RAW", "PACKET", "NETLINK", "SCTP", "DCCP");
        s_numbers["KAPI_PROTO_ALL"] = 0xffffffffL;
        Bits("KAPI_BUF_", "PEEK", "TRUNCATE", "SCATTER", "ZERO_COPY", "KERNEL_ALLOC", "DMA_CAPABLE", "FRAGMENT");
        s_numbers["KAPI_ASYNC_BLOCK"] = 0;
        Bits("KAPI_ASYNC_", "NONBLOCK", "POLL_READY", "SIGNAL_DRIVEN", "AIO", "IO_URING", "EPOLL");

        s_numbers["KAPI_MAGIC_PARAMS"] = 0x4B415031;
        s_numbers["KAPI_MAGIC_EFFECTS"] = 0x4B414641;
        s_numbers["KAPI_MAGIC_TRANS"] = 0x4B415442;
        s_numbers["KAPI_MAGIC_CAPS"] = 0x4B414343;
        s_numbers["KAPI_MAGIC_RETURN"] = 0x4B415232;
        s_numbers["KAPI_MAGIC_ERRORS"] = 0x4B414533;
        s_numbers["KAPI_MAGIC_LOCKS"] = 0x4B414C34;
        s_numbers["KAPI_MAGIC_CONSTRAINTS"] = 0x4B414335;
        s_numbers["KAPI_MAGIC_INFO"] = 0x4B414936;
        s_numbers["KAPI_MAGIC_SIGNALS"] = 0x4B415337;
        s_numbers["KAPI_MAGIC_SIGMASK"] = 0x4B414D38;
        s_numbers["KAPI_MAGIC_STRUCTS"] = 0x4B415439;

        foreach (var (name, value) in new (string, long)[]
        {
            ("PARAMS", 16), ("ERRORS", 32), ("SIGNALS", 32), ("NAME_LEN", 128), ("DESC_LEN", 512), ("CONSTRAINTS", 32),
            ("LOCKS", 16), ("SIDE_EFFECTS", 32), ("STATE_TRANS", 8), ("STRUCT_SPECS", 8), ("CAPABILITIES", 8),
            ("SOCKET_STATES", 16), ("PROTOCOL_BEHAVIORS", 8), ("NET_ERRORS", 16), ("SOCKOPTS", 16), ("ADDR_FAMILIES", 8),
        })
        {
            s_numbers["KAPI_MAX_" + name] = value;
        }

        foreach (var (name, text) in new[]
        {
            ("TIME_ENTRY", "entry"), ("TIME_DURING", "during"), ("TIME_EXIT", "exit"), ("TIME_ANYTIME", "anytime"),
            ("TIME_BLOCKING", "while_blocked"), ("TIME_SLEEPING", "while_sleeping"), ("TIME_BEFORE", "before"), ("TIME_AFTER", "after"),
            ("QUEUE_STANDARD", "standard"), ("QUEUE_REALTIME", "realtime"), ("QUEUE_COALESCE", "coalesce"), ("QUEUE_REPLACE", "replace"),
            ("QUEUE_DISCARD", "discard"),
        })
        {
            s_strings["KAPI_SIGNAL_" + name] = text;
        }
    }

    /// <summary>The numeric value of a vocabulary identifier used in a C expression.</summary>
    public static bool TryGetNumber(string name, out long value)
    {
        if (s_numbers.TryGetValue(name, out value)) return true;
        if (s_members.TryGetValue(name, out var member) && !s_strings.ContainsKey(name))
        {
            value = member.Value;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>The text of a string macro (<c>KAPI_SIGNAL_TIME_ENTRY</c> → <c>entry</c>).</summary>
    public static bool TryGetString(string name, out string value) => s_strings.TryGetValue(name, out value!);

    /// <summary>The member of <typeparamref name="T"/> that the identifier names, if it is one of that family.</summary>
    public static bool TryGetMember<T>(string name, out T value)
        where T : struct, Enum
    {
        if (s_members.TryGetValue(name, out var member) && member.Family == typeof(T))
        {
            value = (T)Enum.ToObject(typeof(T), member.Value);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The enum a vocabulary identifier belongs to (for "wrong family" messages), or null.</summary>
    public static Type? FamilyOf(string name) => s_members.TryGetValue(name, out var member) ? member.Family : null;

    /// <summary>The identifier prefix of a family (<c>KAPI_TYPE_</c>).</summary>
    public static string PrefixOf(Type family) => s_prefixes.TryGetValue(family, out var prefix) ? prefix : "KAPI_";

    /// <summary>The timing named by a string such as <c>entry</c> or <c>while_blocked</c> (a <c>KAPI_SIGNAL_TIME_*</c> text).</summary>
    public static KapiSignalTiming TimingOf(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null: case "": return KapiSignalTiming.Unspecified;
            case "entry": return KapiSignalTiming.Entry;
            case "during": return KapiSignalTiming.During;
            case "exit": return KapiSignalTiming.Exit;
            case "anytime": return KapiSignalTiming.Anytime;
            case "while_blocked": case "blocking": return KapiSignalTiming.WhileBlocked;
            case "while_sleeping": case "sleeping": return KapiSignalTiming.WhileSleeping;
            case "before": return KapiSignalTiming.Before;
            case "after": return KapiSignalTiming.After;
            default: return KapiSignalTiming.Unspecified;
        }
    }

    /// <summary>Every identifier (for "did you mean").</summary>
    public static IEnumerable<string> Names
    {
        get
        {
            foreach (var k in s_members.Keys) yield return k;
            foreach (var k in s_numbers.Keys) yield return k;
            foreach (var k in s_strings.Keys) yield return k;
        }
    }

    /// <summary>
    /// The vocabulary names of a value without their prefix: <c>RWLOCK</c>; for a bit mask the set bits joined with
    /// <c> | </c> (<c>IN | USER</c>), with any unnamed rest in hex and <c>NONE</c> for zero.
    /// </summary>
    public static string NamesOf<T>(T value)
        where T : struct, Enum
    {
        long number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        var names = s_names.TryGetValue(typeof(T), out var n) ? n : Array.Empty<(long, string)>();
        bool isMask = typeof(T).IsDefined(typeof(FlagsAttribute), false);
        if (!isMask || number == 0)
        {
            foreach (var (v, name) in names) if (v == number) return name;
            return isMask ? "NONE" : number.ToString(CultureInfo.InvariantCulture);
        }
        var sb = new StringBuilder();
        long rest = number;
        foreach (var (v, name) in names)
        {
            if (v == 0 || !IsSingleBit(v) || (number & v) != v) continue;
            if (sb.Length > 0) sb.Append(" | ");
            sb.Append(name);
            rest &= ~v;
        }
        if (rest != 0)
        {
            if (sb.Length > 0) sb.Append(" | ");
            sb.Append("0x").Append(rest.ToString("x", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The value spelled with the header's identifiers: <c>KAPI_PARAM_IN | KAPI_PARAM_USER</c>.</summary>
    public static string SpellingOf<T>(T value)
        where T : struct, Enum
    {
        string prefix = PrefixOf(typeof(T));
        var parts = NamesOf(value).Split(new[] { " | " }, StringSplitOptions.None);
        for (int i = 0; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith("0x", StringComparison.Ordinal) && !char.IsDigit(parts[i][0])) parts[i] = prefix + parts[i];
        }
        return string.Join(" | ", parts);
    }

    private static bool IsSingleBit(long v) => (v & (v - 1)) == 0;

    /// <summary>Declares one enum's identifiers: pairs of (member, name without the prefix); the first name of a value is its display name.</summary>
    private static void Family<T>(string prefix, params object[] pairs)
        where T : struct, Enum
    {
        var names = s_names.TryGetValue(typeof(T), out var existing) ? new List<(long, string)>(existing) : new List<(long, string)>();
        for (int i = 0; i < pairs.Length; i += 2)
        {
            long value = Convert.ToInt64(pairs[i], CultureInfo.InvariantCulture);
            string name = (string)pairs[i + 1];
            s_members[prefix + name] = new Member(typeof(T), value);
            if (!names.Exists(x => x.Item1 == value)) names.Add((value, name));
        }
        s_names[typeof(T)] = names.ToArray();
        if (!s_prefixes.ContainsKey(typeof(T))) s_prefixes[typeof(T)] = prefix;
    }

    private static void Family<T>(string prefix, T m0, string n0, params object[] rest)
        where T : struct, Enum
    {
        var pairs = new object[rest.Length + 2];
        pairs[0] = m0;
        pairs[1] = n0;
        Array.Copy(rest, 0, pairs, 2, rest.Length);
        Family<T>(prefix, pairs);
    }

    private static void Seq(string prefix, params string[] names)
    {
        for (int i = 0; i < names.Length; i++) s_numbers[prefix + names[i]] = i;
    }

    private static void Bits(string prefix, params string[] names)
    {
        for (int i = 0; i < names.Length; i++) s_numbers[prefix + names[i]] = 1L << i;
    }
}
