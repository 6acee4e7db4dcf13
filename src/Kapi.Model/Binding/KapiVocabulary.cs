using System;
using System.Collections.Generic;

namespace Kapi.Binding;

/// <summary>
/// The constants of the KAPI vocabulary itself (enum kapi_param_type, kapi_param_flags, kapi_context_flags,
/// kapi_constraint_type, kapi_return_check_type, kapi_lock_type/scope, signal direction/action/state, side-effect
/// types, capability actions, the R2 network enums, magic markers and array limits) and its string macros
/// (KAPI_SIGNAL_TIME_*, KAPI_SIGNAL_QUEUE_*). Values follow kapi-language.md §4; where versions disagree the RFC v1
/// value is used and the symbolic name is always kept next to the value.
/// </summary>
public static class KapiVocabulary
{
    private static readonly Dictionary<string, long> s_numbers = BuildNumbers();
    private static readonly Dictionary<string, string> s_strings = BuildStrings();

    public static bool TryGetNumber(string name, out long value) => s_numbers.TryGetValue(name, out value);

    public static bool TryGetString(string name, out string value) => s_strings.TryGetValue(name, out value!);

    public static IEnumerable<string> Names
    {
        get
        {
            foreach (var k in s_numbers.Keys) yield return k;
            foreach (var k in s_strings.Keys) yield return k;
        }
    }

    private static void Seq(Dictionary<string, long> t, string prefix, params string[] names)
    {
        for (int i = 0; i < names.Length; i++) t[prefix + names[i]] = i;
    }

    private static void Bits(Dictionary<string, long> t, string prefix, params string[] names)
    {
        for (int i = 0; i < names.Length; i++) t[prefix + names[i]] = 1L << i;
    }

    private static Dictionary<string, long> BuildNumbers()
    {
        var t = new Dictionary<string, long>(StringComparer.Ordinal);
        Seq(t, "KAPI_TYPE_", "VOID", "INT", "UINT", "PTR", "STRUCT", "UNION", "ENUM", "FUNC_PTR", "ARRAY", "FD", "USER_PTR", "PATH");
        // R2-only members (R2 numbering) and CUSTOM (12 in R1 and R3+, 17 in R2)
        t["KAPI_TYPE_STRING"] = 12;
        t["KAPI_TYPE_BOOL"] = 13;
        t["KAPI_TYPE_HEX"] = 14;
        t["KAPI_TYPE_BINARY"] = 15;
        t["KAPI_TYPE_BITMAP"] = 16;
        t["KAPI_TYPE_CUSTOM"] = 12;
        t["KAPI_TYPE_ULONG"] = 2;

        Bits(t, "KAPI_PARAM_", "IN", "OUT", "INOUT_ENUM", "OPTIONAL", "CONST", "VOLATILE", "USER", "DMA", "ALIGNED",
            "SYSFS_READONLY", "SYSFS_WRITEONLY", "SYSFS_RW", "SYSFS_BINARY");
        t.Remove("KAPI_PARAM_INOUT_ENUM");
        // R1-R4 #define KAPI_PARAM_INOUT (KAPI_PARAM_IN | KAPI_PARAM_OUT); P1+ enum value 3: both give 3
        t["KAPI_PARAM_INOUT"] = 3;
        t["KAPI_PARAM_FLAGS_INOUT"] = 3;
        t["KAPI_PARAM_FLAGS_USER"] = 64 | 1;
        t["KAPI_PARAM_USER_PTR"] = 64;

        Bits(t, "KAPI_CTX_", "PROCESS", "SOFTIRQ", "HARDIRQ", "NMI", "ATOMIC", "SLEEPABLE", "PREEMPT_DISABLED", "IRQ_DISABLED");

        // P1-P4 numbering; R1-R3 CUSTOM is 4
        Seq(t, "KAPI_CONSTRAINT_", "NONE", "RANGE", "MASK", "ENUM", "ALIGNMENT", "POWER_OF_TWO", "PAGE_ALIGNED", "NONZERO",
            "USER_STRING", "USER_PATH", "USER_PTR", "BUFFER", "CUSTOM");
        t["KAPI_CONSTRAINT_BITMASK"] = 2;

        Seq(t, "KAPI_RETURN_", "EXACT", "RANGE", "ERROR_CHECK", "FD", "CUSTOM", "NO_RETURN");

        Seq(t, "KAPI_LOCK_", "NONE", "MUTEX", "SPINLOCK", "RWLOCK", "SEQLOCK", "RCU", "SEMAPHORE", "CUSTOM");
        Seq(t, "KAPI_LOCK_", "INTERNAL", "ACQUIRES", "RELEASES", "CALLER_HELD");

        Bits(t, "KAPI_SIGNAL_", "RECEIVE", "SEND", "HANDLE", "BLOCK", "IGNORE");
        Seq(t, "KAPI_SIGNAL_ACTION_", "DEFAULT", "TERMINATE", "COREDUMP", "STOP", "CONTINUE", "CUSTOM", "RETURN", "RESTART",
            "QUEUE", "DISCARD", "TRANSFORM");
        Bits(t, "KAPI_SIGNAL_STATE_", "RUNNING", "SLEEPING", "STOPPED", "TRACED", "ZOMBIE", "DEAD");

        t["KAPI_EFFECT_NONE"] = 0;
        Bits(t, "KAPI_EFFECT_", "ALLOC_MEMORY", "FREE_MEMORY", "MODIFY_STATE", "SIGNAL_SEND", "FILE_POSITION", "LOCK_ACQUIRE",
            "LOCK_RELEASE", "RESOURCE_CREATE", "RESOURCE_DESTROY", "SCHEDULE", "HARDWARE", "NETWORK", "FILESYSTEM",
            "PROCESS_STATE", "IRREVERSIBLE");
        t["KAPI_EFFECTS_MEMORY"] = 1 | 2;
        t["KAPI_EFFECTS_LOCKING"] = 32 | 64;
        t["KAPI_EFFECTS_RESOURCES"] = 128 | 256;
        t["KAPI_EFFECTS_IO"] = 2048 | 4096;

        Seq(t, "KAPI_CAP_", "BYPASS_CHECK", "INCREASE_LIMIT", "OVERRIDE_RESTRICTION", "GRANT_PERMISSION", "MODIFY_BEHAVIOR",
            "ACCESS_RESOURCE", "PERFORM_OPERATION");

        Seq(t, "KAPI_API_", "FUNCTION", "IOCTL", "SYSFS");
        Seq(t, "KAPI_SOCK_STATE_", "UNSPEC", "CLOSED", "OPEN", "BOUND", "LISTEN", "SYN_SENT", "SYN_RECV", "ESTABLISHED",
            "FIN_WAIT1", "FIN_WAIT2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT", "CONNECTED", "DISCONNECTED");
        Bits(t, "KAPI_PROTO_", "TCP", "UDP", "UNIX", "RAW", "PACKET", "NETLINK", "SCTP", "DCCP");
        t["KAPI_PROTO_ALL"] = 0xffffffffL;
        Bits(t, "KAPI_BUF_", "PEEK", "TRUNCATE", "SCATTER", "ZERO_COPY", "KERNEL_ALLOC", "DMA_CAPABLE", "FRAGMENT");
        t["KAPI_ASYNC_BLOCK"] = 0;
        Bits(t, "KAPI_ASYNC_", "NONBLOCK", "POLL_READY", "SIGNAL_DRIVEN", "AIO", "IO_URING", "EPOLL");

        t["KAPI_MAGIC_PARAMS"] = 0x4B415031;
        t["KAPI_MAGIC_RETURN"] = 0x4B415232;
        t["KAPI_MAGIC_ERRORS"] = 0x4B414533;
        t["KAPI_MAGIC_LOCKS"] = 0x4B414C34;
        t["KAPI_MAGIC_CONSTRAINTS"] = 0x4B414335;
        t["KAPI_MAGIC_INFO"] = 0x4B414936;
        t["KAPI_MAGIC_SIGNALS"] = 0x4B415337;
        t["KAPI_MAGIC_SIGMASK"] = 0x4B414D38;
        t["KAPI_MAGIC_STRUCTS"] = 0x4B415439;
        t["KAPI_MAGIC_EFFECTS"] = 0x4B414641;
        t["KAPI_MAGIC_TRANS"] = 0x4B415442;
        t["KAPI_MAGIC_CAPS"] = 0x4B414343;

        t["KAPI_MAX_PARAMS"] = 16;
        t["KAPI_MAX_ERRORS"] = 32;
        t["KAPI_MAX_SIGNALS"] = 32;
        t["KAPI_MAX_NAME_LEN"] = 128;
        t["KAPI_MAX_DESC_LEN"] = 512;
        t["KAPI_MAX_CONSTRAINTS"] = 32;
        t["KAPI_MAX_LOCKS"] = 16;
        t["KAPI_MAX_SIDE_EFFECTS"] = 32;
        t["KAPI_MAX_STATE_TRANS"] = 8;
        t["KAPI_MAX_STRUCT_SPECS"] = 8;
        t["KAPI_MAX_CAPABILITIES"] = 8;
        t["KAPI_MAX_SOCKET_STATES"] = 16;
        t["KAPI_MAX_PROTOCOL_BEHAVIORS"] = 8;
        t["KAPI_MAX_NET_ERRORS"] = 16;
        t["KAPI_MAX_SOCKOPTS"] = 16;
        t["KAPI_MAX_ADDR_FAMILIES"] = 8;
        return t;
    }

    private static Dictionary<string, string> BuildStrings()
    {
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KAPI_SIGNAL_TIME_ENTRY"] = "entry",
            ["KAPI_SIGNAL_TIME_DURING"] = "during",
            ["KAPI_SIGNAL_TIME_EXIT"] = "exit",
            ["KAPI_SIGNAL_TIME_ANYTIME"] = "anytime",
            ["KAPI_SIGNAL_TIME_BLOCKING"] = "while_blocked",
            ["KAPI_SIGNAL_TIME_SLEEPING"] = "while_sleeping",
            ["KAPI_SIGNAL_TIME_BEFORE"] = "before",
            ["KAPI_SIGNAL_TIME_AFTER"] = "after",
            ["KAPI_SIGNAL_QUEUE_STANDARD"] = "standard",
            ["KAPI_SIGNAL_QUEUE_REALTIME"] = "realtime",
            ["KAPI_SIGNAL_QUEUE_COALESCE"] = "coalesce",
            ["KAPI_SIGNAL_QUEUE_REPLACE"] = "replace",
            ["KAPI_SIGNAL_QUEUE_DISCARD"] = "discard",
        };
    }
}
