using System.Runtime.InteropServices;
using Kapi.Conformance.Bindings;
using Kapi.Runtime;

namespace Kapi.Conformance;

/// <summary>
/// How to call one system call with a boundary value in one parameter and valid values everywhere else, through the
/// generated bindings (runtime validation off, so the kernel answers). The boundary values come from the spec
/// (<see cref="ConformancePlanner"/>); a fixture only supplies the context (a mapped page, an epoll instance, a path).
/// </summary>
/// <param name="Api">The spec name (<c>sys_mlockall</c>).</param>
/// <param name="Parameter">The parameter that gets the boundary values.</param>
/// <param name="Invoke">Calls the system call; returns 0 on success or the errno.</param>
/// <param name="Context">What the other arguments are.</param>
public sealed record ConformanceFixture(string Api, string Parameter, Func<long, int> Invoke, string Context)
{

    /// <summary>Run each case in a child process (for calls that could lock or reshape the whole test process).</summary>
    public bool RunInChildProcess { get; init; }

    /// <summary>Cases (by label: a flag or value name from the spec, "full mask" …) not sent to the kernel, with the
    /// reason (destructive on a real machine).</summary>
    public IReadOnlyDictionary<string, string> Skips { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Values whose outcome depends on context the spec's constraint cannot express (the kind of mapping, the file,
    /// a combination of bits), with the explanation. They are reported, not failed.
    /// </summary>
    /// <remarks>Keyed by case label (a flag or value name from the spec, "full mask" …), so the list reads by name and
    /// holds on every architecture.</remarks>
    public IReadOnlyDictionary<string, string> KnownDisagreements { get; init; } = new Dictionary<string, string>();
}

/// <summary>The fixtures for the repository's spec library.</summary>
public static class ConformanceFixtures
{
    private const int PageSize = 4096;
    private const ulong ProtReadWrite = 0x3;       // PROT_READ | PROT_WRITE
    private const ulong MapPrivateAnonymous = 0x22; // MAP_PRIVATE | MAP_ANONYMOUS (same on every architecture Kapi runs conformance on)

    public static IReadOnlyList<ConformanceFixture> All { get; } = Build();

    public static ConformanceFixture? Find(string api, string parameter) =>
        All.FirstOrDefault(f => f.Api == api && f.Parameter == parameter);

    private static int Errno<T>(SyscallResult<T> r) where T : struct, Enum => r.IsSuccess ? 0 : r.Errno;

    private static int Errno<TValue, T>(SyscallResult<TValue, T> r) where T : struct, Enum => r.IsSuccess ? 0 : r.Errno;

    /// <summary>Runs <paramref name="body"/> with one private anonymous read/write page, unmapped afterwards.</summary>
    private static int WithPage(Func<nint, int> body)
    {
        var map = Syscalls.Mmap(0, PageSize, ProtReadWrite, MapPrivateAnonymous, new FileDescriptor(-1), 0);
        if (map.IsError) throw new InvalidOperationException("mmap of a scratch page failed: errno " + map.Errno);
        try
        {
            return body(map.Value);
        }
        finally
        {
            Syscalls.Munmap(map.Value, PageSize);
        }
    }

    private static List<ConformanceFixture> Build()
    {
        var list = new List<ConformanceFixture>
        {
            new("sys_mlockall", "flags", value =>
            {
                // the process must not stay locked: undo with munlockall at once
                Syscalls.Munlockall();
                int errno = Errno(Syscalls.Mlockall(unchecked((int)value)));
                Syscalls.Munlockall();
                return errno;
            }, "in a child process without CAP_IPC_LOCK and with RLIMIT_MEMLOCK lowered, so no value can lock the process's memory; munlockall afterwards")
            {
                RunInChildProcess = true,
            },
            new("sys_mlock2", "flags", value => WithPage(page =>
            {
                int errno = Errno(Syscalls.Mlock2(page, PageSize, unchecked((int)value)));
                if (errno == 0) Syscalls.Munlock(page, PageSize);
                return errno;
            }), "one private anonymous page"),
            new("sys_epoll_create1", "flags", value =>
            {
                var r = Syscalls.EpollCreate1(unchecked((int)value));
                if (r.IsSuccess) Syscalls.Close(r.Value);
                return Errno(r);
            }, "no other arguments; the new descriptor is closed"),
            new("sys_epoll_ctl", "op", value =>
            {
                var ep = Syscalls.EpollCreate1(0);
                var target = Syscalls.EpollCreate1(0);
                nint ev = NativeMemoryAlloc(16);
                try
                {
                    Marshal.WriteInt32(ev, 1); // EPOLLIN
                    return Errno(Syscalls.EpollCtl(ep.Value, unchecked((int)value), target.Value, ev));
                }
                finally
                {
                    NativeMemoryFree(ev);
                    Syscalls.Close(target.Value);
                    Syscalls.Close(ep.Value);
                }
            }, "an epoll instance, a second epoll instance as the target descriptor, EPOLLIN"),
            new("sys_epoll_wait", "maxevents", value =>
            {
                var ep = Syscalls.EpollCreate1(0);
                nint events = NativeMemoryAlloc(16 * 64);
                try
                {
                    // timeout 0: returns at once; no event is pending, so nothing is written to the buffer
                    return Errno(Syscalls.EpollWait(ep.Value, events, unchecked((int)value), 0));
                }
                finally
                {
                    NativeMemoryFree(events);
                    Syscalls.Close(ep.Value);
                }
            }, "an empty epoll instance, timeout 0"),
            new("sys_madvise", "advice", value => WithPage(page => Errno(Syscalls.Madvise(page, PageSize, unchecked((int)value)))),
                "one private anonymous page")
            {
                Skips = new Dictionary<string, string>
                {
                    ["MADV_HWPOISON"] = "MADV_HWPOISON poisons a physical page for good on a real machine",
                    ["MADV_SOFT_OFFLINE"] = "MADV_SOFT_OFFLINE takes a physical page offline on a real machine",
                },
                KnownDisagreements = new Dictionary<string, string>
                {
                    ["MADV_REMOVE"] = "MADV_REMOVE needs a shared mapping of a file that supports hole punching; a private page gives EINVAL",
                    ["MADV_COLLAPSE"] = "MADV_COLLAPSE needs a range that can hold a huge page; one page gives EINVAL",
                    ["MADV_MERGEABLE"] = "MADV_MERGEABLE is EINVAL without CONFIG_KSM",
                    ["MADV_UNMERGEABLE"] = "MADV_UNMERGEABLE is EINVAL without CONFIG_KSM",
                    ["MADV_HUGEPAGE"] = "MADV_HUGEPAGE is EINVAL without CONFIG_TRANSPARENT_HUGEPAGE",
                    ["MADV_NOHUGEPAGE"] = "MADV_NOHUGEPAGE is EINVAL without CONFIG_TRANSPARENT_HUGEPAGE",
                },
            },
            new("sys_mprotect", "prot", value => WithPage(page => Errno(Syscalls.Mprotect(page, PageSize, unchecked((ulong)value)))),
                "one private anonymous read/write page")
            {
                KnownDisagreements = new Dictionary<string, string>
                {
                    ["PROT_GROWSDOWN"] = "PROT_GROWSDOWN needs a mapping that grows down (MAP_GROWSDOWN); an ordinary page gives EINVAL",
                    ["PROT_GROWSUP"] = "PROT_GROWSUP needs a mapping that grows up, which x86-64 has none of; EINVAL",
                    ["full mask"] = "the full mask holds PROT_GROWSDOWN and PROT_GROWSUP together, which is always EINVAL",
                },
            },
            new("sys_mmap", "prot", value => MapAndUnmap(unchecked((ulong)value), MapPrivateAnonymous),
                "NULL address hint, one page, MAP_PRIVATE | MAP_ANONYMOUS, fd -1, offset 0; the mapping is removed"),
            new("sys_mmap", "flags", value =>
            {
                // MAP_ANONYMOUS is added to every value so that no file is needed (without it the kernel answers EBADF
                // for fd -1 before it looks at the rest of the flags)
                return MapAndUnmap(0x1 /* PROT_READ */, unchecked((ulong)value) | 0x20);
            }, "NULL address hint, one page, PROT_READ, the value OR MAP_ANONYMOUS, fd -1, offset 0; the mapping is removed")
            {
                Skips = MmapFlagSkips(),
                KnownDisagreements = new Dictionary<string, string>
                {
                    ["MAP_SHARED_VALIDATE"] = "MAP_SHARED_VALIDATE is for file mappings: with MAP_ANONYMOUS the kernel answers EINVAL",
                    ["MAP_GROWSDOWN"] = "MAP_GROWSDOWN is EINVAL with MAP_SHARED (the type this case pairs it with); it is valid with MAP_PRIVATE",
                },
            },
            new("sys_open", "flags", value => OpenDevNull(value, useOpenat: false), "path /dev/null, mode 0600; the descriptor is closed")
            {
                KnownDisagreements = OpenDisagreements(),
            },
            new("sys_openat", "flags", value => OpenDevNull(value, useOpenat: true), "AT_FDCWD, path /dev/null, mode 0600; the descriptor is closed")
            {
                KnownDisagreements = OpenDisagreements(),
            },
        };
        return list;
    }

    private static Dictionary<string, string> OpenDisagreements() => new()
    {
        ["O_DIRECT"] = "O_DIRECT: /dev/null (a character device) does not support direct I/O, EINVAL",
        ["O_TMPFILE"] = "O_TMPFILE needs a directory path and write access (O_WRONLY/O_RDWR); with O_RDONLY it is EINVAL",
    };

    /// <summary>mmap flag cases that are not sent to the kernel from inside the test process, found by the flag names
    /// of the spec: MAP_FIXED / MAP_FIXED_NOREPLACE with a NULL hint would place a page at address 0 of this process,
    /// MAP_HUGETLB depends on huge pages reserved on the machine.</summary>
    private static Dictionary<string, string> MmapFlagSkips()
    {
        var skips = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in Bindings.KernelApiSpecs.All.Where(s => s.Name == "sys_mmap"))
        {
            var p = spec.Parameters.FirstOrDefault(x => x.Name == "flags");
            if (p is null) continue;
            long Bits(params string[] names) => p.MaskFlags.Where(f => names.Contains(f.Name)).Aggregate(0L, (m, f) => m | (f.Value.PortableValue ?? 0));
            long fixedBits = Bits("MAP_FIXED", "MAP_FIXED_NOREPLACE"), hugeBits = Bits("MAP_HUGETLB");
            long typeMask = p.EnumMask?.PortableValue ?? 0;
            foreach (var c in ConformancePlanner.Plan(spec, p))
            {
                bool validType = p.EnumValues.Any(v => v.Value.PortableValue == (c.Value & typeMask));
                if ((c.Value & fixedBits) != 0 && validType) skips[c.Label] = "MAP_FIXED with a NULL address would map page 0 of the test process";
                else if ((c.Value & fixedBits) == 0 && (c.Value & hugeBits) != 0) skips[c.Label] = "MAP_HUGETLB depends on huge pages reserved on the machine";
            }
        }
        return skips;
    }

    private static int MapAndUnmap(ulong prot, ulong flags)
    {
        var r = Syscalls.Mmap(0, PageSize, prot, flags, new FileDescriptor(-1), 0);
        if (r.IsSuccess) Syscalls.Munmap(r.Value, PageSize);
        return Errno(r);
    }

    private static int OpenDevNull(long flags, bool useOpenat)
    {
        if (useOpenat)
        {
            var at = Syscalls.Openat(FileDescriptor.AtFdCwd, "/dev/null", unchecked((int)flags), 0x180);
            if (at.IsSuccess) Syscalls.Close(at.Value);
            return Errno(at);
        }
        var r = Syscalls.Open("/dev/null", unchecked((int)flags), 0x180);
        if (r.IsSuccess) Syscalls.Close(r.Value);
        return Errno(r);
    }

    private static unsafe nint NativeMemoryAlloc(int bytes) => (nint)NativeMemory.AllocZeroed((nuint)bytes);

    private static unsafe void NativeMemoryFree(nint p) => NativeMemory.Free((void*)p);
}
