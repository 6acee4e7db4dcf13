// Why the table has a value for names that an architecture's installed headers do not define (see UapiConstants.Notes.cs).
// The per-architecture header cross-check (tests/Kapi.Conformance.Tests/CrossArchHeaderTests.cs) compiles every table name
// against each architecture's Linux 6.1 UAPI headers and glibc 2.36 headers (loongarch64: UAPI headers only); a name the
// headers lack fails unless its value is null there or a note below says why the table has it. A note with a Linux release
// (Since) must be newer than the headers checked, or the check fails; other notes must not cover a name the headers define.

namespace Kapi.Architectures;

public static partial class UapiConstants
{
    private static readonly KapiArchitecture[] s_noLibc = { KapiArchitecture.LoongArch64 };

    static partial void AddHeaderNotes(List<HeaderNote> n)
    {
        // ---- kernel-internal names: defined in the kernel's own headers or sources, never in the UAPI or C-library headers
        Note(n, "kernel-internal errno (include/linux/errno.h): used inside the kernel, never returned to user space",
            "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND", "ENOIOCTLCMD", "ERESTART_RESTARTBLOCK", "EPROBE_DEFER", "EOPENSTALE",
            "ENOPARAM", "EBADHANDLE", "ENOTSYNC", "EBADCOOKIE", "ENOTSUPP", "ETOOSMALL", "ESERVERFAULT", "EBADTYPE", "EJUKEBOX",
            "EIOCBQUEUED", "ERECALLCONFLICT", "ENOGRACE");
        Note(n, "kernel-internal (include/linux/err.h): the largest errno a kernel pointer or return value encodes", "MAX_ERRNO");
        Note(n, "kernel-internal (fs/eventpoll.c): epoll's nesting and maxevents limits", "EP_MAX_NESTS", "EP_MAX_EVENTS");
        Note(n, "kernel-internal (include/linux/sizes.h)", "SZ_*");
        Note(n, "kernel-internal VMA flag (include/linux/mm.h)", "VM_*");
        Note(n, "kernel-internal taint flag (include/linux/panic.h)", "TAINT_*");
        Note(n, "kernel-internal fixed-width limit (include/linux/limits.h, vdso/limits.h; the UAPI linux/limits.h has only the path and argument limits)",
            "U8_MAX", "S8_MAX", "S8_MIN", "U16_MAX", "S16_MAX", "S16_MIN", "U32_MAX", "S32_MAX", "S32_MIN", "U64_MAX", "S64_MAX", "S64_MIN");
        Note(n, "kernel-internal mode shorthand (include/linux/stat.h)", "S_IRWXUGO", "S_IALLUGO", "S_IRUGO", "S_IWUGO", "S_IXUGO");
        Note(n, "kernel-internal (include/linux/binfmts.h): how deep binfmt handlers may nest", "BINPRM_MAX_RECURSION");
        Note(n, "kernel-internal (include/linux/threads.h)", "PID_MAX_DEFAULT", "PID_MAX_LIMIT");
        Note(n, "kernel-internal task flag (include/linux/sched.h)", "PF_NPROC_EXCEEDED");
        Note(n, "kernel-internal (include/linux/sched.h): the size of task_struct.comm", "TASK_COMM_LEN");
        Note(n, "kernel-internal (include/linux/blk-mq.h): the block layer's request-queue depths", "BLKDEV_MIN_RQ", "BLKDEV_DEFAULT_RQ");
        Note(n, "kernel-internal (drivers/fwctl/main.c): SZ_2M", "MAX_RPC_LEN");
        Note(n, "kernel-internal (arch/*/include/asm/page.h): the table has a value only where the page size is fixed at 4 KiB", "PAGE_SIZE", "PAGE_SHIFT", "PAGE_MASK");
        Note(n, "kernel-internal (include/linux/fs.h): INT_MAX & PAGE_MASK, the most one read or write transfers", "MAX_RW_COUNT");
        Note(n, "the UAPI linux/binfmts.h defines it as (PAGE_SIZE * 32), and PAGE_SIZE is kernel-internal, so user-space code cannot evaluate it", "MAX_ARG_STRLEN");

        // ---- newer than the checked (Linux 6.1) headers
        Since(n, "6.2", "binder's reply to a one-way transaction sent to a frozen process", "BR_TRANSACTION_PENDING_FROZEN");
        Since(n, "6.3", "the memfd noexec seal", "F_SEAL_EXEC");
        Since(n, "6.6", "x86 shadow-stack support (arch/x86/include/uapi/asm/mman.h)", "MAP_ABOVE4G");
        Since(n, "6.9", "per-I/O negation of O_APPEND", "RWF_NOAPPEND");
        Since(n, "6.11", "atomic writes", "RWF_ATOMIC");
        Since(n, "6.11", "the vDSO getrandom() state mappings", "MAP_DROPPABLE");
        Since(n, "6.12", "sched_ext", "SCHED_EXT");
        Since(n, "6.12", "binder's freeze notifications (in the 6.12 UAPI headers)",
            "BR_FROZEN_BINDER", "BR_CLEAR_FREEZE_NOTIFICATION_DONE", "BC_REQUEST_FREEZE_NOTIFICATION", "BC_CLEAR_FREEZE_NOTIFICATION", "BC_FREEZE_NOTIFICATION_DONE");
        Since(n, "6.13", "guard-region madvise() advice", "MADV_GUARD_INSTALL", "MADV_GUARD_REMOVE");
        After(n, "6.12", "suppresses SIGPIPE for one write", "RWF_NOSIGNAL");
        Since(n, "6.14", "uncached buffered I/O", "RWF_DONTCACHE");
        Since(n, "6.14", "execveat()'s check-only mode", "AT_EXECVE_CHECK");
        Since(n, "6.15", "the fwctl subsystem (include/uapi/fwctl/fwctl.h; later releases added device types)", "FWCTL_*");

        // ---- defined in the headers in a form no user-space compiler can evaluate
        NoteOn(n, new[] { KapiArchitecture.X64, KapiArchitecture.X86, KapiArchitecture.Arm, KapiArchitecture.S390x },
            "the UAPI asm/signal.h of this architecture defines SIGRTMAX as _NSIG, which only the kernel defines (64, as the asm-generic headers of arm64, riscv64 and loongarch64 evaluate), and glibc's SIGRTMAX is a run-time call (__libc_current_sigrtmax())",
            "SIGRTMAX");

        // ---- loongarch64: no C library headers (Debian 12 has no loongarch64 glibc), only the compiler's freestanding headers
        NoteOn(n, s_noLibc,
            "C-library name, and Debian 12 has no loongarch64 C library headers (only the compiler's freestanding ones are probed); glibc defines it in its generic headers, as on the other architectures, where it is checked",
            "AF_*", "SOCK_*", "EXIT_SUCCESS", "EXIT_FAILURE", "ENOTSUP", "SSIZE_MAX", "O_ASYNC", "SCHED_OTHER");
    }
}
