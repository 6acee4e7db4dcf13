using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Kapi.Architectures;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Conformance.Tests;

/// <summary>
/// Cross-checks <see cref="UapiConstants"/> and <see cref="UapiStructs"/> for the architecture the tests run on
/// (<see cref="KapiArchitectures.Current"/>) against the C headers installed on the machine: a generated C program prints
/// every table name the headers define, and each printed value must equal the table's.
/// </summary>
/// <remarks>
/// Two probe programs are compiled because the kernel UAPI headers and the libc headers cannot all be included together
/// (struct timeval, sigset_t … clash): <c>uapi</c> includes only <c>linux/*</c> headers (kernel values), <c>libc</c> the
/// glibc headers. A name defined by both is checked against both. Names that are enumerators rather than macros
/// (so <c>#ifdef</c> cannot see them) are printed unconditionally, guarded only by <c>__has_include</c> of their header.
/// </remarks>
public sealed class HeaderCrossCheckTests
{
    private readonly ITestOutputHelper _output;

    public HeaderCrossCheckTests(ITestOutputHelper output) => _output = output;

    // ---- probe programs -------------------------------------------------------------------------------------------

    internal static readonly string[] s_uapiHeaders =
    {
        "linux/types.h", "linux/fcntl.h", "linux/stat.h", "linux/mman.h", "linux/errno.h", "linux/signal.h",
        "linux/eventpoll.h", "linux/capability.h", "linux/resource.h", "linux/limits.h", "linux/xattr.h",
        "linux/aio_abi.h", "linux/fs.h", "linux/sched.h", "linux/time.h", "linux/ptrace.h", "linux/elf.h",
        "linux/auxvec.h", "linux/binfmts.h", "linux/in.h", "linux/in6.h", "linux/uio.h", "linux/android/binder.h", "fwctl/fwctl.h",
        "asm/unistd.h",
    };

    internal static readonly string[] s_libcHeaders =
    {
        "stdlib.h", "stdint.h", "limits.h", "errno.h", "fcntl.h", "sys/stat.h", "sys/mman.h", "signal.h",
        "sys/epoll.h", "sys/resource.h", "sys/socket.h", "netinet/in.h", "sched.h", "time.h", "sys/uio.h",
        "sys/xattr.h", "elf.h", "sys/ptrace.h", "linux/capability.h", "linux/videodev2.h",
    };

    /// <summary>
    /// Enumerators without a same-named macro, printed without <c>#ifdef</c> (header -> name prefixes or exact names).
    /// glibc's EPOLL_EVENTS are an enum (glibc also adds self-referential <c>#define EPOLLIN EPOLLIN</c>, which a
    /// future glibc need not keep), its ptrace requests are enum-only.
    /// </summary>
    internal static readonly (string Header, string[] Prefixes)[] s_uapiEnums =
    {
        ("linux/aio_abi.h", new[] { "IOCB_CMD_" }),
        ("linux/android/binder.h", new[] { "BR_", "BC_", "BINDER_TYPE_", "FLAT_BINDER_FLAG_", "TF_", "BINDER_BUFFER_FLAG_" }),
        ("fwctl/fwctl.h", new[] { "FWCTL_CMD_", "FWCTL_DEVICE_TYPE_", "FWCTL_RPC_" }),
    };

    internal static readonly (string Header, string[] Prefixes)[] s_libcEnums =
    {
        ("sys/epoll.h", new[] { "EPOLLIN", "EPOLLPRI", "EPOLLOUT", "EPOLLRDNORM", "EPOLLRDBAND", "EPOLLWRNORM", "EPOLLWRBAND", "EPOLLMSG",
                                "EPOLLERR", "EPOLLHUP", "EPOLLRDHUP", "EPOLLEXCLUSIVE", "EPOLLWAKEUP", "EPOLLONESHOT", "EPOLLET" }),
        ("sys/ptrace.h", new[] { "PTRACE_" }),
    };

    /// <summary>
    /// Documented differences between the glibc headers and the kernel value the table holds. The libc value must be
    /// exactly the documented one (or equal the table); anything else fails.
    /// </summary>
    internal static readonly Dictionary<string, (string Why, Func<KapiArchitecture, long, long> LibcValue)> s_libcDifferences = new(StringComparer.Ordinal)
    {
        ["O_LARGEFILE"] = ("glibc defines O_LARGEFILE as 0 on 64-bit targets (the kernel forces large-file mode there)",
            (arch, kernel) => arch.Is64Bit() ? 0 : kernel),
        ["__O_TMPFILE"] = ("glibc's __O_TMPFILE already includes __O_DIRECTORY; the kernel's does not (O_TMPFILE = __O_TMPFILE | O_DIRECTORY)",
            (arch, kernel) => kernel | Value("O_DIRECTORY", arch)),
        ["SIGRTMIN"] = ("glibc's SIGRTMIN is __libc_current_sigrtmin(): NPTL reserves the first two real-time signals",
            (arch, kernel) => kernel + 2),
        ["_NSIG"] = ("glibc's _NSIG is the biggest signal number + 1 (65); the kernel's is the number of signals (64)",
            (arch, kernel) => kernel + 1),
    };

    /// <summary>
    /// Aggregate masks that grow with every kernel release: headers older than the table may lack bits, but must not
    /// have bits the table lacks.
    /// </summary>
    internal static readonly HashSet<string> s_growingMasks = new(StringComparer.Ordinal) { "RWF_SUPPORTED" };

    /// <summary>Names every usable set of headers defines; if one is not checked, the probes are broken.</summary>
    internal static readonly string[] s_canaries =
    {
        "O_CREAT", "O_CLOEXEC", "EINVAL", "ENOMEM", "SIGKILL", "SIGBUS", "CAP_IPC_LOCK", "MCL_CURRENT", "MCL_FUTURE",
        "MLOCK_ONFAULT", "EPOLLIN", "EPOLL_CLOEXEC", "PROT_READ", "MAP_ANONYMOUS", "INT_MAX", "LONG_MAX", "RLIMIT_MEMLOCK",
        "AT_FDCWD", "SA_RESTART",
    };

    [Fact]
    public void ConstantsMatchSystemHeaders()
    {
        string gcc = CProbe.RequireGcc();
        KapiArchitecture arch = KapiArchitectures.Current;
        var names = UapiConstants.Names.OrderBy(n => n, StringComparer.Ordinal).ToList();

        using var dir = new TempDirectory();
        var uapi = CProbe.Run(gcc, dir.Path, "uapi", s_uapiHeaders, Lines(names, s_uapiEnums));
        var libc = CProbe.Run(gcc, dir.Path, "libc", s_libcHeaders, Lines(names, s_libcEnums), extraPrologue: "#define _GNU_SOURCE 1");
        var probes = new[] { uapi, libc };

        var failures = new List<string>();
        var differences = new List<string>();
        var olderHeaders = new List<string>();
        int comparisons = 0;
        var checkedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            long? expected = UapiConstants.TryGetValue(name, arch, out long v) ? v : null;
            foreach (var probe in probes)
            {
                if (!probe.Values.TryGetValue(name, out long[]? printed)) continue;
                long actual = printed[0];
                comparisons++;
                checkedNames.Add(name);
                if (expected is null)
                {
                    failures.Add($"{name}: the table says it is not defined on {arch.RidName()}, but the {probe.Program} headers define it as {Show(actual)}");
                }
                else if (actual == expected.Value)
                {
                    continue;
                }
                else if (probe == libc && s_libcDifferences.TryGetValue(name, out var d) && d.LibcValue(arch, expected.Value) == actual)
                {
                    differences.Add($"{name}: table (kernel) {Show(expected.Value)}, glibc {Show(actual)} — {d.Why}");
                }
                else if (s_growingMasks.Contains(name) && (actual & ~expected.Value) == 0)
                {
                    olderHeaders.Add($"{name}: table {Show(expected.Value)}, {probe.Program} headers {Show(actual)} (older headers: a subset of the table's bits)");
                }
                else
                {
                    failures.Add($"{name}: table {Show(expected.Value)} on {arch.RidName()}, {probe.Program} headers {Show(actual)}");
                }
            }
        }

        var missing = names.Where(n => !checkedNames.Contains(n)).ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"architecture {arch.RidName()}; {names.Count} table names; {checkedNames.Count} found in the headers; {comparisons} comparisons (uapi {uapi.Values.Count}, libc {libc.Values.Count}).");
        Section(report, "Known libc/kernel differences (checked against their documented libc value)", differences);
        Section(report, "Version-dependent aggregates", olderHeaders);
        Section(report, $"Not checked: defined in none of the probed headers ({missing.Count}; kernel-internal names, other architectures' names, or newer than these headers)",
            Wrap(missing.Select(n => UapiConstants.TryGetValue(n, arch, out _) ? n : n + "(n/a here)")));
        var unevaluable = probes.SelectMany(p => p.Unevaluable.Select(kv => $"{kv.Key} [{p.Program}]: {kv.Value}")).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Section(report, "Present but not evaluable by the compiler in one probe (expands to kernel-only names, or an enumerator these headers lack)", unevaluable);
        _output.WriteLine(report.ToString());

        var notChecked = s_canaries.Where(c => !checkedNames.Contains(c)).ToList();
        Assert.True(notChecked.Count == 0, "the probes did not see basic names (broken header installation?): " + string.Join(", ", notChecked));
        Assert.True(failures.Count == 0, $"{failures.Count} constant(s) differ from the system headers:\n" + string.Join("\n", failures));
    }

    // ---- structs -------------------------------------------------------------------------------------------------

    /// <summary>Table key -> C type, and the probe that can see it.</summary>
    internal static readonly (string Tag, string CType, bool Libc)[] s_types =
    {
        ("epoll_event", "struct epoll_event", false),
        ("__kernel_timespec", "struct __kernel_timespec", false),
        ("timespec", "struct timespec", false),
        ("timeval", "struct timeval", false),
        ("binder_write_read", "struct binder_write_read", false),
        ("binder_version", "struct binder_version", false),
        ("binder_node_debug_info", "struct binder_node_debug_info", false),
        ("binder_node_info_for_ref", "struct binder_node_info_for_ref", false),
        ("flat_binder_object", "struct flat_binder_object", false),
        ("binder_freeze_info", "struct binder_freeze_info", false),
        ("binder_frozen_status_info", "struct binder_frozen_status_info", false),
        ("binder_frozen_state_info", "struct binder_frozen_state_info", false),
        ("binder_extended_error", "struct binder_extended_error", false),
        ("binder_transaction_data", "struct binder_transaction_data", false),
        ("binder_transaction_data_secctx", "struct binder_transaction_data_secctx", false),
        ("binder_transaction_data_sg", "struct binder_transaction_data_sg", false),
        ("binder_ptr_cookie", "struct binder_ptr_cookie", false),
        ("binder_handle_cookie", "struct binder_handle_cookie", false),
        ("binder_pri_desc", "struct binder_pri_desc", false),
        ("binder_pri_ptr_cookie", "struct binder_pri_ptr_cookie", false),
        ("binder_object_header", "struct binder_object_header", false),
        ("binder_fd_object", "struct binder_fd_object", false),
        ("binder_buffer_object", "struct binder_buffer_object", false),
        ("binder_fd_array_object", "struct binder_fd_array_object", false),
        ("fwctl_info", "struct fwctl_info", false),
        ("fwctl_rpc", "struct fwctl_rpc", false),
        ("__u32", "__u32", false),
        ("__aligned_u64", "__aligned_u64", false),
        ("binder_size_t", "binder_size_t", false),
        ("binder_uintptr_t", "binder_uintptr_t", false),
        ("v4l2_capability", "struct v4l2_capability", true),
    };

    [Fact]
    public void StructLayoutsMatchSystemHeaders()
    {
        string gcc = CProbe.RequireGcc();
        KapiArchitecture arch = KapiArchitectures.Current;
        foreach (var (tag, _, _) in s_types) Assert.True(UapiStructs.IsKnown(tag), $"UapiStructs has no entry for {tag}");
        Assert.True(UapiStructs.IsKnown("sigset_t"), "UapiStructs has no entry for sigset_t");

        static IEnumerable<ProbeLine> TypeLines(bool libc) => s_types.Where(t => t.Libc == libc)
            .Select(t => new ProbeLine(t.Tag, new[] { $"sizeof({t.CType})", $"_Alignof({t.CType})" }, null, null));
        using var dir = new TempDirectory();
        var uapi = CProbe.Run(gcc, dir.Path, "uapi_types", s_uapiHeaders, TypeLines(libc: false));
        var libc = CProbe.Run(gcc, dir.Path, "libc_types", new[] { "linux/videodev2.h" }, TypeLines(libc: true));

        var failures = new List<string>();
        var notChecked = new List<string>();
        int compared = 0;
        foreach (var (tag, ctype, isLibc) in s_types)
        {
            var probe = isLibc ? libc : uapi;
            if (!probe.Values.TryGetValue(tag, out long[]? printed))
            {
                notChecked.Add(probe.Unevaluable.TryGetValue(tag, out string? why) ? $"{tag}: {why}" : tag);
                continue;
            }
            compared++;
            bool hasSize = UapiStructs.TryGetSize(tag, arch, out long size);
            bool hasAlign = UapiStructs.TryGetAlignment(tag, arch, out long align);
            if (!hasSize || size != printed[0]) failures.Add($"sizeof({ctype}): table {(hasSize ? size.ToString(CultureInfo.InvariantCulture) : "unknown")}, headers {printed[0]}");
            if (!hasAlign || align != printed[1]) failures.Add($"_Alignof({ctype}): table {(hasAlign ? align.ToString(CultureInfo.InvariantCulture) : "unknown")}, headers {printed[1]}");
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"architecture {arch.RidName()}; {compared} of {s_types.Length} types compared.");
        Section(report, "Not in these headers (newer UAPI, or header not installed)", notChecked);
        report.AppendLine("sigset_t is not compared: the table holds the kernel's sigset_t (64 bits); user-space headers declare other types (glibc: 1024 bits; x86 UAPI: a legacy unsigned long).");
        _output.WriteLine(report.ToString());

        Assert.True(compared >= 20, $"only {compared} types could be compared; are the linux UAPI headers (linux-libc-dev) installed?");
        Assert.True(failures.Count == 0, $"{failures.Count} layout(s) differ from the system headers:\n" + string.Join("\n", failures));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    internal static IEnumerable<ProbeLine> Lines(IEnumerable<string> names, (string Header, string[] Prefixes)[] enums)
    {
        foreach (string name in names)
        {
            // entries ending in '_' are prefixes, the others exact names
            string? header = enums.Where(e => e.Prefixes.Any(p => p.EndsWith('_') ? name.StartsWith(p, StringComparison.Ordinal) : name == p))
                .Select(e => e.Header).FirstOrDefault();
            yield return header is null
                ? new ProbeLine(name, new[] { name }, IfdefMacro: name, HasIncludeGuard: null)
                : new ProbeLine(name, new[] { name }, IfdefMacro: null, HasIncludeGuard: header);
        }
    }

    private static long Value(string name, KapiArchitecture arch)
    {
        Assert.True(UapiConstants.TryGetValue(name, arch, out long v), $"{name} is not in the table for {arch.RidName()}");
        return v;
    }

    internal static string Show(long v) => v < 0
        ? v.ToString(CultureInfo.InvariantCulture) + " (0x" + v.ToString("X", CultureInfo.InvariantCulture) + ")"
        : "0x" + v.ToString("X", CultureInfo.InvariantCulture) + " (" + v.ToString(CultureInfo.InvariantCulture) + ")";

    internal static IEnumerable<string> Wrap(IEnumerable<string> words)
    {
        var line = new StringBuilder();
        foreach (string w in words)
        {
            if (line.Length > 0 && line.Length + w.Length > 110)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(w);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    internal static void Section(StringBuilder sb, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        if (list.Count == 0) sb.AppendLine("  (none)");
        foreach (string item in list) sb.Append("  ").AppendLine(item);
    }
}
