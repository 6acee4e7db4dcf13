// Values of the UAPI and kernel constants that KAPI specs use, per architecture (see UapiConstants.cs for the helpers).
// Order of A(...) arguments: x64, x86, arm, arm64, ppc64le, s390x, riscv64, loongarch64; null = not defined there.
// Sources: each architecture's kernel UAPI headers (asm-generic where an architecture has no own value; powerpc, arm,
// arm64, x86 and s390 headers where they differ) and, for ioctl numbers, struct-size-dependent values and EP_MAX_EVENTS,
// a per-target compilation of the UAPI headers. tests/Kapi.Conformance.Tests checks every value against the host's
// headers and, compiling only, against each of the 8 architectures' own headers (CrossArchHeaderTests).

namespace Kapi.Architectures;

public static partial class UapiConstants
{
    static partial void AddAll(Dictionary<string, long?[]> t)
    {
        // ---- mlockall(2) / mlock2(2) flags
        // asm-generic/mman-common.h; powerpc (asm/mman.h) uses 0x2000/0x4000/0x8000.
        A(t, "MCL_CURRENT", 0x1, 0x1, 0x1, 0x1, 0x2000, 0x1, 0x1, 0x1);
        A(t, "MCL_FUTURE", 0x2, 0x2, 0x2, 0x2, 0x4000, 0x2, 0x2, 0x2);
        A(t, "MCL_ONFAULT", 0x4, 0x4, 0x4, 0x4, 0x8000, 0x4, 0x4, 0x4);
        U(t, "MLOCK_ONFAULT", 0x1);

        // ---- open(2) flags (O_*)
        // asm-generic/fcntl.h for x86/x86_64/s390/riscv/loongarch; arm, arm64 and powerpc have their own asm/fcntl.h values.
        // O_LARGEFILE is the kernel value (glibc defines it as 0 on 64-bit targets).
        U(t, "O_ACCMODE", 0x3);
        U(t, "O_RDONLY", 0x0);
        U(t, "O_WRONLY", 0x1);
        U(t, "O_RDWR", 0x2);
        U(t, "O_CREAT", 0x40);
        U(t, "O_EXCL", 0x80);
        U(t, "O_NOCTTY", 0x100);
        U(t, "O_TRUNC", 0x200);
        U(t, "O_APPEND", 0x400);
        U(t, "O_NONBLOCK", 0x800);
        U(t, "O_NDELAY", 0x800);
        U(t, "O_DSYNC", 0x1000);
        U(t, "FASYNC", 0x2000);
        U(t, "O_ASYNC", 0x2000);  // libc name of FASYNC
        A(t, "O_DIRECT", 0x4000, 0x4000, 0x10000, 0x10000, 0x20000, 0x4000, 0x4000, 0x4000);
        A(t, "O_LARGEFILE", 0x8000, 0x8000, 0x20000, 0x20000, 0x10000, 0x8000, 0x8000, 0x8000);
        A(t, "O_DIRECTORY", 0x10000, 0x10000, 0x4000, 0x4000, 0x4000, 0x10000, 0x10000, 0x10000);
        A(t, "O_NOFOLLOW", 0x20000, 0x20000, 0x8000, 0x8000, 0x8000, 0x20000, 0x20000, 0x20000);
        U(t, "O_NOATIME", 0x40000);
        U(t, "O_CLOEXEC", 0x80000);
        U(t, "__O_SYNC", 0x100000);
        U(t, "O_SYNC", 0x101000);  // __O_SYNC | O_DSYNC
        U(t, "O_PATH", 0x200000);
        U(t, "__O_TMPFILE", 0x400000);
        A(t, "O_TMPFILE", 0x410000, 0x410000, 0x404000, 0x404000, 0x404000, 0x410000, 0x410000, 0x410000);  // __O_TMPFILE | O_DIRECTORY

        // ---- fcntl(2) commands, FD_CLOEXEC, file seals, locks
        // asm-generic/fcntl.h + linux/fcntl.h; identical on all eight architectures.
        U(t, "FD_CLOEXEC", 0x1);
        U(t, "F_DUPFD", 0);
        U(t, "F_GETFD", 1);
        U(t, "F_SETFD", 2);
        U(t, "F_GETFL", 3);
        U(t, "F_SETFL", 4);
        U(t, "F_GETLK", 5);
        U(t, "F_SETLK", 6);
        U(t, "F_SETLKW", 7);
        U(t, "F_SETOWN", 8);
        U(t, "F_GETOWN", 9);
        U(t, "F_SETSIG", 10);
        U(t, "F_GETSIG", 11);
        U(t, "F_SETOWN_EX", 15);
        U(t, "F_GETOWN_EX", 16);
        U(t, "F_GETOWNER_UIDS", 17);
        U(t, "F_OFD_GETLK", 36);
        U(t, "F_OFD_SETLK", 37);
        U(t, "F_OFD_SETLKW", 38);
        U(t, "F_RDLCK", 0);
        U(t, "F_WRLCK", 1);
        U(t, "F_UNLCK", 2);
        U(t, "F_LINUX_SPECIFIC_BASE", 1024);
        U(t, "F_SETLEASE", 1024);
        U(t, "F_GETLEASE", 1025);
        U(t, "F_NOTIFY", 1026);
        U(t, "F_CANCELLK", 1029);
        U(t, "F_DUPFD_CLOEXEC", 1030);
        U(t, "F_SETPIPE_SZ", 1031);
        U(t, "F_GETPIPE_SZ", 1032);
        U(t, "F_ADD_SEALS", 1033);
        U(t, "F_GET_SEALS", 1034);
        U(t, "F_GET_RW_HINT", 1035);
        U(t, "F_SET_RW_HINT", 1036);
        U(t, "F_GET_FILE_RW_HINT", 1037);
        U(t, "F_SET_FILE_RW_HINT", 1038);
        U(t, "F_SEAL_SEAL", 0x1);
        U(t, "F_SEAL_SHRINK", 0x2);
        U(t, "F_SEAL_GROW", 0x4);
        U(t, "F_SEAL_WRITE", 0x8);
        U(t, "F_SEAL_FUTURE_WRITE", 0x10);
        U(t, "F_SEAL_EXEC", 0x20);

        // ---- preadv2(2)/pwritev2(2) flags (RWF_*)
        // linux/fs.h. RWF_SUPPORTED is the Linux 7.0 aggregate (older kernels have fewer bits: 0x1f in 6.1).
        U(t, "RWF_HIPRI", 0x1);
        U(t, "RWF_DSYNC", 0x2);
        U(t, "RWF_SYNC", 0x4);
        U(t, "RWF_NOWAIT", 0x8);
        U(t, "RWF_APPEND", 0x10);
        U(t, "RWF_NOAPPEND", 0x20);
        U(t, "RWF_ATOMIC", 0x40);
        U(t, "RWF_DONTCACHE", 0x80);
        U(t, "RWF_NOSIGNAL", 0x100);
        U(t, "RWF_SUPPORTED", 0x1FF);

        // ---- *at() flags (AT_*)
        // linux/fcntl.h; identical on all architectures.
        U(t, "AT_FDCWD", -100);
        U(t, "AT_SYMLINK_NOFOLLOW", 0x100);
        U(t, "AT_EACCESS", 0x200);
        U(t, "AT_REMOVEDIR", 0x200);
        U(t, "AT_SYMLINK_FOLLOW", 0x400);
        U(t, "AT_NO_AUTOMOUNT", 0x800);
        U(t, "AT_EMPTY_PATH", 0x1000);
        U(t, "AT_STATX_SYNC_TYPE", 0x6000);
        U(t, "AT_STATX_SYNC_AS_STAT", 0x0);
        U(t, "AT_STATX_FORCE_SYNC", 0x2000);
        U(t, "AT_STATX_DONT_SYNC", 0x4000);
        U(t, "AT_RECURSIVE", 0x8000);
        U(t, "AT_EXECVE_CHECK", 0x10000);

        // ---- ELF auxiliary vector types (AT_* in linux/auxvec.h)
        // Generic entries, identical on all architectures (arch-specific AT_SYSINFO* are not listed).
        U(t, "AT_NULL", 0);
        U(t, "AT_IGNORE", 1);
        U(t, "AT_EXECFD", 2);
        U(t, "AT_PHDR", 3);
        U(t, "AT_PHENT", 4);
        U(t, "AT_PHNUM", 5);
        U(t, "AT_PAGESZ", 6);
        U(t, "AT_BASE", 7);
        U(t, "AT_FLAGS", 8);
        U(t, "AT_ENTRY", 9);
        U(t, "AT_NOTELF", 10);
        U(t, "AT_UID", 11);
        U(t, "AT_EUID", 12);
        U(t, "AT_GID", 13);
        U(t, "AT_EGID", 14);
        U(t, "AT_PLATFORM", 15);
        U(t, "AT_HWCAP", 16);
        U(t, "AT_CLKTCK", 17);
        U(t, "AT_SECURE", 23);
        U(t, "AT_BASE_PLATFORM", 24);
        U(t, "AT_RANDOM", 25);
        U(t, "AT_HWCAP2", 26);
        U(t, "AT_EXECFN", 31);

        // ---- mmap(2)/mprotect(2) (PROT_*, MAP_*)
        // asm-generic/mman*.h; powerpc has its own MAP_LOCKED/MAP_NORESERVE, x86 has MAP_32BIT/MAP_ABOVE4G;
        // PROT_SAO is powerpc-only, PROT_BTI/PROT_MTE arm64-only (arch/*/include/uapi/asm/mman.h).
        U(t, "PROT_NONE", 0x0);
        U(t, "PROT_READ", 0x1);
        U(t, "PROT_WRITE", 0x2);
        U(t, "PROT_EXEC", 0x4);
        U(t, "PROT_SEM", 0x8);
        A(t, "PROT_SAO", null, null, null, null, 0x10, null, null, null);
        A(t, "PROT_BTI", null, null, null, 0x10, null, null, null, null);
        A(t, "PROT_MTE", null, null, null, 0x20, null, null, null, null);
        U(t, "PROT_GROWSDOWN", 0x1000000);
        U(t, "PROT_GROWSUP", 0x2000000);
        U(t, "MAP_FILE", 0x0);
        U(t, "MAP_SHARED", 0x1);
        U(t, "MAP_PRIVATE", 0x2);
        U(t, "MAP_SHARED_VALIDATE", 0x3);
        U(t, "MAP_DROPPABLE", 0x8);
        U(t, "MAP_TYPE", 0xF);
        U(t, "MAP_FIXED", 0x10);
        U(t, "MAP_ANONYMOUS", 0x20);
        A(t, "MAP_32BIT", 0x40, 0x40, null, null, null, null, null, null);
        A(t, "MAP_ABOVE4G", 0x80, 0x80, null, null, null, null, null, null);
        U(t, "MAP_GROWSDOWN", 0x100);
        U(t, "MAP_DENYWRITE", 0x800);
        U(t, "MAP_EXECUTABLE", 0x1000);
        A(t, "MAP_LOCKED", 0x2000, 0x2000, 0x2000, 0x2000, 0x80, 0x2000, 0x2000, 0x2000);
        A(t, "MAP_NORESERVE", 0x4000, 0x4000, 0x4000, 0x4000, 0x40, 0x4000, 0x4000, 0x4000);
        U(t, "MAP_POPULATE", 0x8000);
        U(t, "MAP_NONBLOCK", 0x10000);
        U(t, "MAP_STACK", 0x20000);
        U(t, "MAP_HUGETLB", 0x40000);
        U(t, "MAP_SYNC", 0x80000);
        U(t, "MAP_FIXED_NOREPLACE", 0x100000);
        U(t, "MAP_UNINITIALIZED", 0x4000000);
        U(t, "MAP_HUGE_SHIFT", 26);
        U(t, "MAP_HUGE_MASK", 0x3F);
        U(t, "MAP_HUGE_16KB", 0x38000000);  // 14 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_64KB", 0x40000000);  // 16 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_512KB", 0x4C000000);  // 19 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_1MB", 0x50000000);  // 20 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_2MB", 0x54000000);  // 21 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_8MB", 0x5C000000);  // 23 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_16MB", 0x60000000);  // 24 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_32MB", 0x64000000);  // 25 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_256MB", 0x70000000);  // 28 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_512MB", 0x74000000);  // 29 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_1GB", 0x78000000);  // 30 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_2GB", 0x7C000000);  // 31 << MAP_HUGE_SHIFT
        U(t, "MAP_HUGE_16GB", 0x88000000);  // 34 << MAP_HUGE_SHIFT

        // ---- madvise(2) advice values (MADV_*)
        // an enumeration, identical on all eight architectures.
        U(t, "MADV_NORMAL", 0);
        U(t, "MADV_RANDOM", 1);
        U(t, "MADV_SEQUENTIAL", 2);
        U(t, "MADV_WILLNEED", 3);
        U(t, "MADV_DONTNEED", 4);
        U(t, "MADV_FREE", 8);
        U(t, "MADV_REMOVE", 9);
        U(t, "MADV_DONTFORK", 10);
        U(t, "MADV_DOFORK", 11);
        U(t, "MADV_MERGEABLE", 12);
        U(t, "MADV_UNMERGEABLE", 13);
        U(t, "MADV_HUGEPAGE", 14);
        U(t, "MADV_NOHUGEPAGE", 15);
        U(t, "MADV_DONTDUMP", 16);
        U(t, "MADV_DODUMP", 17);
        U(t, "MADV_WIPEONFORK", 18);
        U(t, "MADV_KEEPONFORK", 19);
        U(t, "MADV_COLD", 20);
        U(t, "MADV_PAGEOUT", 21);
        U(t, "MADV_POPULATE_READ", 22);
        U(t, "MADV_POPULATE_WRITE", 23);
        U(t, "MADV_DONTNEED_LOCKED", 24);
        U(t, "MADV_COLLAPSE", 25);
        U(t, "MADV_HWPOISON", 100);
        U(t, "MADV_SOFT_OFFLINE", 101);
        U(t, "MADV_GUARD_INSTALL", 102);
        U(t, "MADV_GUARD_REMOVE", 103);

        // ---- epoll (EPOLL*)
        // linux/eventpoll.h; EPOLL_CLOEXEC = O_CLOEXEC. EP_MAX_* are fs/eventpoll.c internals:
        // EP_MAX_EVENTS = INT_MAX / sizeof(struct epoll_event) (12 bytes on x86/x86_64, 16 elsewhere).
        U(t, "EPOLL_CLOEXEC", 0x80000);
        U(t, "EPOLL_CTL_ADD", 1);
        U(t, "EPOLL_CTL_DEL", 2);
        U(t, "EPOLL_CTL_MOD", 3);
        U(t, "EPOLLIN", 0x1);
        U(t, "EPOLLPRI", 0x2);
        U(t, "EPOLLOUT", 0x4);
        U(t, "EPOLLERR", 0x8);
        U(t, "EPOLLHUP", 0x10);
        U(t, "EPOLLNVAL", 0x20);
        U(t, "EPOLLRDNORM", 0x40);
        U(t, "EPOLLRDBAND", 0x80);
        U(t, "EPOLLWRNORM", 0x100);
        U(t, "EPOLLWRBAND", 0x200);
        U(t, "EPOLLMSG", 0x400);
        U(t, "EPOLLRDHUP", 0x2000);
        U(t, "EPOLL_URING_WAKE", 0x8000000);
        U(t, "EPOLLEXCLUSIVE", 0x10000000);
        U(t, "EPOLLWAKEUP", 0x20000000);
        U(t, "EPOLLONESHOT", 0x40000000);
        U(t, "EPOLLET", 0x80000000);
        U(t, "EP_MAX_NESTS", 4);
        A(t, "EP_MAX_EVENTS", 178956970, 178956970, 134217727, 134217727, 134217727, 134217727, 134217727, 134217727);

        // ---- errno values (E*)
        // asm-generic/errno-base.h + errno.h (all eight architectures; powerpc differs only in EDEADLOCK = 58).
        // Aliases: EWOULDBLOCK = EAGAIN, EDEADLOCK = EDEADLK (not on powerpc), ENOTSUP = EOPNOTSUPP (libc name).
        U(t, "EPERM", 1);
        U(t, "ENOENT", 2);
        U(t, "ESRCH", 3);
        U(t, "EINTR", 4);
        U(t, "EIO", 5);
        U(t, "ENXIO", 6);
        U(t, "E2BIG", 7);
        U(t, "ENOEXEC", 8);
        U(t, "EBADF", 9);
        U(t, "ECHILD", 10);
        U(t, "EAGAIN", 11);
        U(t, "ENOMEM", 12);
        U(t, "EACCES", 13);
        U(t, "EFAULT", 14);
        U(t, "ENOTBLK", 15);
        U(t, "EBUSY", 16);
        U(t, "EEXIST", 17);
        U(t, "EXDEV", 18);
        U(t, "ENODEV", 19);
        U(t, "ENOTDIR", 20);
        U(t, "EISDIR", 21);
        U(t, "EINVAL", 22);
        U(t, "ENFILE", 23);
        U(t, "EMFILE", 24);
        U(t, "ENOTTY", 25);
        U(t, "ETXTBSY", 26);
        U(t, "EFBIG", 27);
        U(t, "ENOSPC", 28);
        U(t, "ESPIPE", 29);
        U(t, "EROFS", 30);
        U(t, "EMLINK", 31);
        U(t, "EPIPE", 32);
        U(t, "EDOM", 33);
        U(t, "ERANGE", 34);
        U(t, "EDEADLK", 35);
        U(t, "ENAMETOOLONG", 36);
        U(t, "ENOLCK", 37);
        U(t, "ENOSYS", 38);
        U(t, "ENOTEMPTY", 39);
        U(t, "ELOOP", 40);
        U(t, "EWOULDBLOCK", 11);
        U(t, "ENOMSG", 42);
        U(t, "EIDRM", 43);
        U(t, "ECHRNG", 44);
        U(t, "EL2NSYNC", 45);
        U(t, "EL3HLT", 46);
        U(t, "EL3RST", 47);
        U(t, "ELNRNG", 48);
        U(t, "EUNATCH", 49);
        U(t, "ENOCSI", 50);
        U(t, "EL2HLT", 51);
        U(t, "EBADE", 52);
        U(t, "EBADR", 53);
        U(t, "EXFULL", 54);
        U(t, "ENOANO", 55);
        U(t, "EBADRQC", 56);
        U(t, "EBADSLT", 57);
        A(t, "EDEADLOCK", 35, 35, 35, 35, 58, 35, 35, 35);
        U(t, "EBFONT", 59);
        U(t, "ENOSTR", 60);
        U(t, "ENODATA", 61);
        U(t, "ETIME", 62);
        U(t, "ENOSR", 63);
        U(t, "ENONET", 64);
        U(t, "ENOPKG", 65);
        U(t, "EREMOTE", 66);
        U(t, "ENOLINK", 67);
        U(t, "EADV", 68);
        U(t, "ESRMNT", 69);
        U(t, "ECOMM", 70);
        U(t, "EPROTO", 71);
        U(t, "EMULTIHOP", 72);
        U(t, "EDOTDOT", 73);
        U(t, "EBADMSG", 74);
        U(t, "EOVERFLOW", 75);
        U(t, "ENOTUNIQ", 76);
        U(t, "EBADFD", 77);
        U(t, "EREMCHG", 78);
        U(t, "ELIBACC", 79);
        U(t, "ELIBBAD", 80);
        U(t, "ELIBSCN", 81);
        U(t, "ELIBMAX", 82);
        U(t, "ELIBEXEC", 83);
        U(t, "EILSEQ", 84);
        U(t, "ERESTART", 85);
        U(t, "ESTRPIPE", 86);
        U(t, "EUSERS", 87);
        U(t, "ENOTSOCK", 88);
        U(t, "EDESTADDRREQ", 89);
        U(t, "EMSGSIZE", 90);
        U(t, "EPROTOTYPE", 91);
        U(t, "ENOPROTOOPT", 92);
        U(t, "EPROTONOSUPPORT", 93);
        U(t, "ESOCKTNOSUPPORT", 94);
        U(t, "EOPNOTSUPP", 95);
        U(t, "ENOTSUP", 95);
        U(t, "EPFNOSUPPORT", 96);
        U(t, "EAFNOSUPPORT", 97);
        U(t, "EADDRINUSE", 98);
        U(t, "EADDRNOTAVAIL", 99);
        U(t, "ENETDOWN", 100);
        U(t, "ENETUNREACH", 101);
        U(t, "ENETRESET", 102);
        U(t, "ECONNABORTED", 103);
        U(t, "ECONNRESET", 104);
        U(t, "ENOBUFS", 105);
        U(t, "EISCONN", 106);
        U(t, "ENOTCONN", 107);
        U(t, "ESHUTDOWN", 108);
        U(t, "ETOOMANYREFS", 109);
        U(t, "ETIMEDOUT", 110);
        U(t, "ECONNREFUSED", 111);
        U(t, "EHOSTDOWN", 112);
        U(t, "EHOSTUNREACH", 113);
        U(t, "EALREADY", 114);
        U(t, "EINPROGRESS", 115);
        U(t, "ESTALE", 116);
        U(t, "EUCLEAN", 117);
        U(t, "ENOTNAM", 118);
        U(t, "ENAVAIL", 119);
        U(t, "EISNAM", 120);
        U(t, "EREMOTEIO", 121);
        U(t, "EDQUOT", 122);
        U(t, "ENOMEDIUM", 123);
        U(t, "EMEDIUMTYPE", 124);
        U(t, "ECANCELED", 125);
        U(t, "ENOKEY", 126);
        U(t, "EKEYEXPIRED", 127);
        U(t, "EKEYREVOKED", 128);
        U(t, "EKEYREJECTED", 129);
        U(t, "EOWNERDEAD", 130);
        U(t, "ENOTRECOVERABLE", 131);
        U(t, "ERFKILL", 132);
        U(t, "EHWPOISON", 133);

        // ---- kernel-internal errno values (include/linux/errno.h; never seen by user space) and MAX_ERRNO
        U(t, "ERESTARTSYS", 512);
        U(t, "ERESTARTNOINTR", 513);
        U(t, "ERESTARTNOHAND", 514);
        U(t, "ENOIOCTLCMD", 515);
        U(t, "ERESTART_RESTARTBLOCK", 516);
        U(t, "EPROBE_DEFER", 517);
        U(t, "EOPENSTALE", 518);
        U(t, "ENOPARAM", 519);
        U(t, "EBADHANDLE", 521);
        U(t, "ENOTSYNC", 522);
        U(t, "EBADCOOKIE", 523);
        U(t, "ENOTSUPP", 524);
        U(t, "ETOOSMALL", 525);
        U(t, "ESERVERFAULT", 526);
        U(t, "EBADTYPE", 527);
        U(t, "EJUKEBOX", 528);
        U(t, "EIOCBQUEUED", 529);
        U(t, "ERECALLCONFLICT", 530);
        U(t, "ENOGRACE", 531);
        U(t, "MAX_ERRNO", 4095);

        // ---- signal numbers (SIG*)
        // Generic numbering on all eight architectures (arm, powerpc, s390, x86 have own headers with the same numbers).
        // SIGRTMIN/SIGRTMAX/_NSIG are the kernel values (glibc reserves SIGRTMIN..SIGRTMIN+1 and has _NSIG = 65).
        U(t, "SIGHUP", 1);
        U(t, "SIGINT", 2);
        U(t, "SIGQUIT", 3);
        U(t, "SIGILL", 4);
        U(t, "SIGTRAP", 5);
        U(t, "SIGABRT", 6);
        U(t, "SIGIOT", 6);
        U(t, "SIGBUS", 7);
        U(t, "SIGFPE", 8);
        U(t, "SIGKILL", 9);
        U(t, "SIGUSR1", 10);
        U(t, "SIGSEGV", 11);
        U(t, "SIGUSR2", 12);
        U(t, "SIGPIPE", 13);
        U(t, "SIGALRM", 14);
        U(t, "SIGTERM", 15);
        U(t, "SIGSTKFLT", 16);
        U(t, "SIGCHLD", 17);
        U(t, "SIGCONT", 18);
        U(t, "SIGSTOP", 19);
        U(t, "SIGTSTP", 20);
        U(t, "SIGTTIN", 21);
        U(t, "SIGTTOU", 22);
        U(t, "SIGURG", 23);
        U(t, "SIGXCPU", 24);
        U(t, "SIGXFSZ", 25);
        U(t, "SIGVTALRM", 26);
        U(t, "SIGPROF", 27);
        U(t, "SIGWINCH", 28);
        U(t, "SIGIO", 29);
        U(t, "SIGPOLL", 29);
        U(t, "SIGPWR", 30);
        U(t, "SIGSYS", 31);
        U(t, "SIGUNUSED", 31);
        A(t, "SIGSWI", null, null, 32, null, null, null, null, null);  // arm's asm/signal.h only (= SIGRTMIN)
        U(t, "SIGRTMIN", 32);
        U(t, "SIGRTMAX", 64);
        U(t, "_NSIG", 64);
        U(t, "SIG_DFL", 0);  // ((__sighandler_t)0)
        U(t, "SIG_IGN", 1);  // ((__sighandler_t)1)
        U(t, "SIG_ERR", -1);  // ((__sighandler_t)-1)
        U(t, "SIG_BLOCK", 0);
        U(t, "SIG_UNBLOCK", 1);
        U(t, "SIG_SETMASK", 2);

        // ---- sigaction(2) sa_flags (SA_*)
        // SA_RESTORER exists on x86, arm, arm64, powerpc and s390 only; SA_THIRTYTWO is arm-only.
        U(t, "SA_NOCLDSTOP", 0x1);
        U(t, "SA_NOCLDWAIT", 0x2);
        U(t, "SA_SIGINFO", 0x4);
        U(t, "SA_UNSUPPORTED", 0x400);
        U(t, "SA_EXPOSE_TAGBITS", 0x800);
        A(t, "SA_THIRTYTWO", null, null, 0x2000000, null, null, null, null, null);
        A(t, "SA_RESTORER", 0x4000000, 0x4000000, 0x4000000, 0x4000000, 0x4000000, 0x4000000, null, null);
        U(t, "SA_ONSTACK", 0x8000000);
        U(t, "SA_RESTART", 0x10000000);
        U(t, "SA_NODEFER", 0x40000000);
        U(t, "SA_RESETHAND", 0x80000000);
        U(t, "SA_NOMASK", 0x40000000);  // = SA_NODEFER
        U(t, "SA_ONESHOT", 0x80000000);  // = SA_RESETHAND

        // ---- capabilities (CAP_*, linux/capability.h)
        U(t, "CAP_CHOWN", 0);
        U(t, "CAP_DAC_OVERRIDE", 1);
        U(t, "CAP_DAC_READ_SEARCH", 2);
        U(t, "CAP_FOWNER", 3);
        U(t, "CAP_FSETID", 4);
        U(t, "CAP_KILL", 5);
        U(t, "CAP_SETGID", 6);
        U(t, "CAP_SETUID", 7);
        U(t, "CAP_SETPCAP", 8);
        U(t, "CAP_LINUX_IMMUTABLE", 9);
        U(t, "CAP_NET_BIND_SERVICE", 10);
        U(t, "CAP_NET_BROADCAST", 11);
        U(t, "CAP_NET_ADMIN", 12);
        U(t, "CAP_NET_RAW", 13);
        U(t, "CAP_IPC_LOCK", 14);
        U(t, "CAP_IPC_OWNER", 15);
        U(t, "CAP_SYS_MODULE", 16);
        U(t, "CAP_SYS_RAWIO", 17);
        U(t, "CAP_SYS_CHROOT", 18);
        U(t, "CAP_SYS_PTRACE", 19);
        U(t, "CAP_SYS_PACCT", 20);
        U(t, "CAP_SYS_ADMIN", 21);
        U(t, "CAP_SYS_BOOT", 22);
        U(t, "CAP_SYS_NICE", 23);
        U(t, "CAP_SYS_RESOURCE", 24);
        U(t, "CAP_SYS_TIME", 25);
        U(t, "CAP_SYS_TTY_CONFIG", 26);
        U(t, "CAP_MKNOD", 27);
        U(t, "CAP_LEASE", 28);
        U(t, "CAP_AUDIT_WRITE", 29);
        U(t, "CAP_AUDIT_CONTROL", 30);
        U(t, "CAP_SETFCAP", 31);
        U(t, "CAP_MAC_OVERRIDE", 32);
        U(t, "CAP_MAC_ADMIN", 33);
        U(t, "CAP_SYSLOG", 34);
        U(t, "CAP_WAKE_ALARM", 35);
        U(t, "CAP_BLOCK_SUSPEND", 36);
        U(t, "CAP_AUDIT_READ", 37);
        U(t, "CAP_PERFMON", 38);
        U(t, "CAP_BPF", 39);
        U(t, "CAP_CHECKPOINT_RESTORE", 40);
        U(t, "CAP_LAST_CAP", 40);  // CAP_CHECKPOINT_RESTORE

        // ---- resource limits (RLIMIT_*)
        // asm-generic/resource.h on all eight architectures; RLIM_INFINITY is ~0UL.
        U(t, "RLIMIT_CPU", 0);
        U(t, "RLIMIT_FSIZE", 1);
        U(t, "RLIMIT_DATA", 2);
        U(t, "RLIMIT_STACK", 3);
        U(t, "RLIMIT_CORE", 4);
        U(t, "RLIMIT_RSS", 5);
        U(t, "RLIMIT_NPROC", 6);
        U(t, "RLIMIT_NOFILE", 7);
        U(t, "RLIMIT_MEMLOCK", 8);
        U(t, "RLIMIT_AS", 9);
        U(t, "RLIMIT_LOCKS", 10);
        U(t, "RLIMIT_SIGPENDING", 11);
        U(t, "RLIMIT_MSGQUEUE", 12);
        U(t, "RLIMIT_NICE", 13);
        U(t, "RLIMIT_RTPRIO", 14);
        U(t, "RLIMIT_RTTIME", 15);
        U(t, "RLIM_NLIMITS", 16);
        A(t, "RLIM_INFINITY", -1, 4294967295L, 4294967295L, -1, -1, -1, -1, -1);  // ~0UL

        // ---- file mode bits (S_I*)
        // linux/stat.h; S_I*UGO are include/linux/stat.h kernel-internal shorthands.
        U(t, "S_IFMT", 0xF000);  // 0170000
        U(t, "S_IFSOCK", 0xC000);  // 0140000
        U(t, "S_IFLNK", 0xA000);  // 0120000
        U(t, "S_IFREG", 0x8000);  // 0100000
        U(t, "S_IFBLK", 0x6000);  // 060000
        U(t, "S_IFDIR", 0x4000);  // 040000
        U(t, "S_IFCHR", 0x2000);  // 020000
        U(t, "S_IFIFO", 0x1000);  // 010000
        U(t, "S_ISUID", 0x800);  // 04000
        U(t, "S_ISGID", 0x400);  // 02000
        U(t, "S_ISVTX", 0x200);  // 01000
        U(t, "S_IRWXU", 0x1C0);  // 0700
        U(t, "S_IRUSR", 0x100);  // 0400
        U(t, "S_IWUSR", 0x80);  // 0200
        U(t, "S_IXUSR", 0x40);  // 0100
        U(t, "S_IRWXG", 0x38);  // 070
        U(t, "S_IRGRP", 0x20);  // 040
        U(t, "S_IWGRP", 0x10);  // 020
        U(t, "S_IXGRP", 0x8);  // 010
        U(t, "S_IRWXO", 0x7);  // 07
        U(t, "S_IROTH", 0x4);  // 04
        U(t, "S_IWOTH", 0x2);  // 02
        U(t, "S_IXOTH", 0x1);  // 01
        U(t, "S_IRWXUGO", 0x1FF);  // 0777
        U(t, "S_IALLUGO", 0xFFF);  // 07777
        U(t, "S_IRUGO", 0x124);  // 0444
        U(t, "S_IWUGO", 0x92);  // 0222
        U(t, "S_IXUGO", 0x49);  // 0111

        // ---- xattr, path and other linux/limits.h limits
        U(t, "XATTR_CREATE", 1);
        U(t, "XATTR_REPLACE", 2);
        U(t, "XATTR_NAME_MAX", 255);
        U(t, "XATTR_SIZE_MAX", 65536);
        U(t, "XATTR_LIST_MAX", 65536);
        U(t, "PATH_MAX", 4096);
        U(t, "NAME_MAX", 255);
        U(t, "NR_OPEN", 1024);
        U(t, "ARG_MAX", 131072);
        U(t, "PIPE_BUF", 4096);
        U(t, "NGROUPS_MAX", 65536);
        U(t, "LINK_MAX", 127);
        U(t, "MAX_CANON", 255);
        U(t, "MAX_INPUT", 255);
        U(t, "RTSIG_MAX", 32);

        // ---- C integer limits (limits.h, stdint.h) and kernel linux/limits.h (U*_MAX, S*_MAX)
        // 64-bit unsigned maxima are stored as their two's-complement long (-1); ILP32 on x86 and arm.
        U(t, "CHAR_BIT", 8);
        U(t, "SCHAR_MAX", 127);
        U(t, "SCHAR_MIN", -128);
        U(t, "UCHAR_MAX", 255);
        U(t, "SHRT_MAX", 32767);
        U(t, "SHRT_MIN", -32768);
        U(t, "USHRT_MAX", 65535);
        U(t, "INT_MAX", 0x7FFFFFFF);
        U(t, "INT_MIN", -2147483648);
        U(t, "UINT_MAX", 0xFFFFFFFF);
        A(t, "LONG_MAX", 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFF, 0x7FFFFFFF, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL);
        A(t, "LONG_MIN", -9223372036854775808L, -2147483648, -2147483648, -9223372036854775808L, -9223372036854775808L, -9223372036854775808L, -9223372036854775808L, -9223372036854775808L);
        A(t, "ULONG_MAX", -1, 0xFFFFFFFF, 0xFFFFFFFF, -1, -1, -1, -1, -1);  // 64-bit: 0xFFFFFFFFFFFFFFFF
        U(t, "LLONG_MAX", 0x7FFFFFFFFFFFFFFFL);
        U(t, "LLONG_MIN", -9223372036854775808L);
        U(t, "ULLONG_MAX", -1);  // 0xFFFFFFFFFFFFFFFF
        A(t, "SIZE_MAX", -1, 0xFFFFFFFF, 0xFFFFFFFF, -1, -1, -1, -1, -1);  // 64-bit: 0xFFFFFFFFFFFFFFFF
        A(t, "SSIZE_MAX", 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFF, 0x7FFFFFFF, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL);
        U(t, "U8_MAX", 0xFF);
        U(t, "S8_MAX", 127);
        U(t, "S8_MIN", -128);
        U(t, "U16_MAX", 0xFFFF);
        U(t, "S16_MAX", 32767);
        U(t, "S16_MIN", -32768);
        U(t, "U32_MAX", 0xFFFFFFFF);
        U(t, "S32_MAX", 0x7FFFFFFF);
        U(t, "S32_MIN", -2147483648);
        U(t, "U64_MAX", -1);  // 0xFFFFFFFFFFFFFFFF
        U(t, "S64_MAX", 0x7FFFFFFFFFFFFFFFL);
        U(t, "S64_MIN", -9223372036854775808L);

        // ---- page size and derived kernel limits
        // PAGE_SIZE is fixed at 4 KiB on x86, x86_64, arm, s390x and riscv64; on arm64 (4/16/64 KiB), ppc64le (4/64 KiB)
        // and loongarch64 (4/16/64 KiB) it is a kernel build option, so it and everything derived from it is null there.
        // PAGE_MASK = ~(PAGE_SIZE - 1) as unsigned long; MAX_RW_COUNT = INT_MAX & PAGE_MASK; MAX_ARG_STRLEN = PAGE_SIZE * 32.
        A(t, "PAGE_SIZE", 4096, 4096, 4096, null, null, 4096, 4096, null);
        A(t, "PAGE_SHIFT", 12, 12, 12, null, null, 12, 12, null);
        A(t, "PAGE_MASK", -4096, 0xFFFFF000, 0xFFFFF000, null, null, -4096, -4096, null);  // 64-bit: 0xFFFFFFFFFFFFF000
        A(t, "MAX_RW_COUNT", 0x7FFFF000, 0x7FFFF000, 0x7FFFF000, null, null, 0x7FFFF000, 0x7FFFF000, null);
        A(t, "MAX_ARG_STRLEN", 131072, 131072, 131072, null, null, 131072, 131072, null);
        U(t, "MAX_ARG_STRINGS", 0x7FFFFFFF);
        U(t, "BINPRM_BUF_SIZE", 256);  // include/uapi/linux/binfmts.h (128 before Linux 5.1)
        U(t, "BINPRM_MAX_RECURSION", 4);  // include/linux/binfmts.h
        U(t, "PID_MAX_DEFAULT", 0x8000);  // include/linux/threads.h (CONFIG_BASE_SMALL=n)
        A(t, "PID_MAX_LIMIT", 4194304, 32768, 32768, 4194304, 4194304, 4194304, 4194304, 4194304);  // sizeof(long) > 4 ? 4M : PID_MAX_DEFAULT
        U(t, "UIO_FASTIOV", 8);
        U(t, "UIO_MAXIOV", 1024);
        U(t, "BLKDEV_MIN_RQ", 4);  // include/linux/blkdev.h / blk-mq.h
        U(t, "BLKDEV_DEFAULT_RQ", 128);
        U(t, "TASK_COMM_LEN", 16);
        U(t, "EXIT_SUCCESS", 0);
        U(t, "EXIT_FAILURE", 1);
        U(t, "PF_NPROC_EXCEEDED", 0x1000);  // include/linux/sched.h task flag

        // ---- size constants (include/linux/sizes.h)
        U(t, "SZ_1", 0x1);
        U(t, "SZ_2", 0x2);
        U(t, "SZ_4", 0x4);
        U(t, "SZ_8", 0x8);
        U(t, "SZ_16", 0x10);
        U(t, "SZ_32", 0x20);
        U(t, "SZ_64", 0x40);
        U(t, "SZ_128", 0x80);
        U(t, "SZ_256", 0x100);
        U(t, "SZ_512", 0x200);
        U(t, "SZ_1K", 0x400);
        U(t, "SZ_2K", 0x800);
        U(t, "SZ_4K", 0x1000);
        U(t, "SZ_8K", 0x2000);
        U(t, "SZ_16K", 0x4000);
        U(t, "SZ_32K", 0x8000);
        U(t, "SZ_64K", 0x10000);
        U(t, "SZ_128K", 0x20000);
        U(t, "SZ_256K", 0x40000);
        U(t, "SZ_512K", 0x80000);
        U(t, "SZ_1M", 0x100000);
        U(t, "SZ_2M", 0x200000);
        U(t, "SZ_4M", 0x400000);
        U(t, "SZ_8M", 0x800000);
        U(t, "SZ_16M", 0x1000000);
        U(t, "SZ_32M", 0x2000000);
        U(t, "SZ_64M", 0x4000000);
        U(t, "SZ_128M", 0x8000000);
        U(t, "SZ_256M", 0x10000000);
        U(t, "SZ_512M", 0x20000000);
        U(t, "SZ_1G", 0x40000000);
        U(t, "SZ_2G", 0x80000000);
        U(t, "SZ_4G", 0x100000000L);
        U(t, "SZ_8G", 0x200000000L);
        U(t, "SZ_16G", 0x400000000L);
        U(t, "SZ_32G", 0x800000000L);
        U(t, "SZ_64G", 0x1000000000L);

        // ---- kernel-internal VMA flags (include/linux/mm.h, VM_*) and taint flags (include/linux/panic.h)
        U(t, "VM_NONE", 0x0);
        U(t, "VM_READ", 0x1);
        U(t, "VM_WRITE", 0x2);
        U(t, "VM_EXEC", 0x4);
        U(t, "VM_SHARED", 0x8);
        U(t, "VM_MAYREAD", 0x10);
        U(t, "VM_MAYWRITE", 0x20);
        U(t, "VM_MAYEXEC", 0x40);
        U(t, "VM_MAYSHARE", 0x80);
        U(t, "VM_GROWSDOWN", 0x100);
        U(t, "VM_PFNMAP", 0x400);
        U(t, "VM_LOCKED", 0x2000);
        U(t, "VM_IO", 0x4000);
        U(t, "VM_SEQ_READ", 0x8000);
        U(t, "VM_RAND_READ", 0x10000);
        U(t, "VM_DONTCOPY", 0x20000);
        U(t, "VM_DONTEXPAND", 0x40000);
        U(t, "VM_LOCKONFAULT", 0x80000);
        U(t, "VM_ACCOUNT", 0x100000);
        U(t, "VM_NORESERVE", 0x200000);
        U(t, "VM_HUGETLB", 0x400000);
        U(t, "VM_SYNC", 0x800000);
        U(t, "VM_WIPEONFORK", 0x2000000);
        U(t, "VM_DONTDUMP", 0x4000000);
        U(t, "VM_LOCKED_MASK", 0x82000);
        U(t, "TAINT_PROPRIETARY_MODULE", 0);
        U(t, "TAINT_FORCED_MODULE", 1);
        U(t, "TAINT_CPU_OUT_OF_SPEC", 2);
        U(t, "TAINT_FORCED_RMMOD", 3);
        U(t, "TAINT_MACHINE_CHECK", 4);
        U(t, "TAINT_BAD_PAGE", 5);
        U(t, "TAINT_USER", 6);
        U(t, "TAINT_DIE", 7);
        U(t, "TAINT_OVERRIDDEN_ACPI_TABLE", 8);
        U(t, "TAINT_WARN", 9);
        U(t, "TAINT_CRAP", 10);
        U(t, "TAINT_FIRMWARE_WORKAROUND", 11);
        U(t, "TAINT_OOT_MODULE", 12);
        U(t, "TAINT_UNSIGNED_MODULE", 13);
        U(t, "TAINT_SOFTLOCKUP", 14);
        U(t, "TAINT_LIVEPATCH", 15);
        U(t, "TAINT_AUX", 16);
        U(t, "TAINT_RANDSTRUCT", 17);
        U(t, "TAINT_TEST", 18);
        U(t, "TAINT_FWCTL", 19);

        // ---- Linux AIO (linux/aio_abi.h)
        U(t, "IOCB_CMD_PREAD", 0);
        U(t, "IOCB_CMD_PWRITE", 1);
        U(t, "IOCB_CMD_FSYNC", 2);
        U(t, "IOCB_CMD_FDSYNC", 3);
        U(t, "IOCB_CMD_POLL", 5);
        U(t, "IOCB_CMD_NOOP", 6);
        U(t, "IOCB_CMD_PREADV", 7);
        U(t, "IOCB_CMD_PWRITEV", 8);
        U(t, "IOCB_FLAG_RESFD", 1);
        U(t, "IOCB_FLAG_IOPRIO", 2);

        // ---- socket(2): types, type flags, address families, protocols
        // Generic values on all eight architectures (mips differs, not a .NET target).
        U(t, "SOCK_STREAM", 1);
        U(t, "SOCK_DGRAM", 2);
        U(t, "SOCK_RAW", 3);
        U(t, "SOCK_RDM", 4);
        U(t, "SOCK_SEQPACKET", 5);
        U(t, "SOCK_DCCP", 6);
        U(t, "SOCK_PACKET", 10);
        U(t, "SOCK_NONBLOCK", 0x800);  // = O_NONBLOCK
        U(t, "SOCK_CLOEXEC", 0x80000);  // = O_CLOEXEC
        U(t, "AF_UNSPEC", 0);
        U(t, "AF_UNIX", 1);
        U(t, "AF_LOCAL", 1);
        U(t, "AF_INET", 2);
        U(t, "AF_AX25", 3);
        U(t, "AF_IPX", 4);
        U(t, "AF_APPLETALK", 5);
        U(t, "AF_NETROM", 6);
        U(t, "AF_BRIDGE", 7);
        U(t, "AF_ATMPVC", 8);
        U(t, "AF_X25", 9);
        U(t, "AF_INET6", 10);
        U(t, "AF_ROSE", 11);
        U(t, "AF_NETBEUI", 13);
        U(t, "AF_SECURITY", 14);
        U(t, "AF_KEY", 15);
        U(t, "AF_NETLINK", 16);
        U(t, "AF_ROUTE", 16);
        U(t, "AF_PACKET", 17);
        U(t, "AF_ASH", 18);
        U(t, "AF_ECONET", 19);
        U(t, "AF_ATMSVC", 20);
        U(t, "AF_RDS", 21);
        U(t, "AF_SNA", 22);
        U(t, "AF_IRDA", 23);
        U(t, "AF_PPPOX", 24);
        U(t, "AF_WANPIPE", 25);
        U(t, "AF_LLC", 26);
        U(t, "AF_IB", 27);
        U(t, "AF_MPLS", 28);
        U(t, "AF_CAN", 29);
        U(t, "AF_TIPC", 30);
        U(t, "AF_BLUETOOTH", 31);
        U(t, "AF_IUCV", 32);
        U(t, "AF_RXRPC", 33);
        U(t, "AF_ISDN", 34);
        U(t, "AF_PHONET", 35);
        U(t, "AF_IEEE802154", 36);
        U(t, "AF_CAIF", 37);
        U(t, "AF_ALG", 38);
        U(t, "AF_NFC", 39);
        U(t, "AF_VSOCK", 40);
        U(t, "AF_KCM", 41);
        U(t, "AF_QIPCRTR", 42);
        U(t, "AF_SMC", 43);
        U(t, "AF_XDP", 44);
        U(t, "AF_MCTP", 45);
        U(t, "IPPROTO_IP", 0);
        U(t, "IPPROTO_ICMP", 1);
        U(t, "IPPROTO_TCP", 6);
        U(t, "IPPROTO_UDP", 17);
        U(t, "IPPROTO_IPV6", 41);
        U(t, "IPPROTO_ICMPV6", 58);
        U(t, "IPPROTO_SCTP", 132);
        U(t, "IPPROTO_UDPLITE", 136);
        U(t, "IPPROTO_RAW", 255);
        U(t, "IPPROTO_MPTCP", 262);

        // ---- scheduling policies and sched_setattr(2) flags (linux/sched.h)
        U(t, "SCHED_NORMAL", 0);
        U(t, "SCHED_OTHER", 0);
        U(t, "SCHED_FIFO", 1);
        U(t, "SCHED_RR", 2);
        U(t, "SCHED_BATCH", 3);
        U(t, "SCHED_IDLE", 5);
        U(t, "SCHED_DEADLINE", 6);
        U(t, "SCHED_EXT", 7);
        U(t, "SCHED_RESET_ON_FORK", 0x40000000);
        U(t, "SCHED_FLAG_RESET_ON_FORK", 0x1);
        U(t, "SCHED_FLAG_RECLAIM", 0x2);
        U(t, "SCHED_FLAG_DL_OVERRUN", 0x4);
        U(t, "SCHED_FLAG_KEEP_POLICY", 0x8);
        U(t, "SCHED_FLAG_KEEP_PARAMS", 0x10);
        U(t, "SCHED_FLAG_UTIL_CLAMP_MIN", 0x20);
        U(t, "SCHED_FLAG_UTIL_CLAMP_MAX", 0x40);
        U(t, "SCHED_FLAG_KEEP_ALL", 0x18);
        U(t, "SCHED_FLAG_UTIL_CLAMP", 0x60);
        U(t, "SCHED_FLAG_ALL", 0x7F);

        // ---- clocks (linux/time.h)
        U(t, "CLOCK_REALTIME", 0);
        U(t, "CLOCK_MONOTONIC", 1);
        U(t, "CLOCK_PROCESS_CPUTIME_ID", 2);
        U(t, "CLOCK_THREAD_CPUTIME_ID", 3);
        U(t, "CLOCK_MONOTONIC_RAW", 4);
        U(t, "CLOCK_REALTIME_COARSE", 5);
        U(t, "CLOCK_MONOTONIC_COARSE", 6);
        U(t, "CLOCK_BOOTTIME", 7);
        U(t, "CLOCK_REALTIME_ALARM", 8);
        U(t, "CLOCK_BOOTTIME_ALARM", 9);
        U(t, "CLOCK_TAI", 11);
        U(t, "TIMER_ABSTIME", 1);

        // ---- ptrace(2) requests (generic ones from linux/ptrace.h)
        U(t, "PTRACE_TRACEME", 0);
        U(t, "PTRACE_PEEKTEXT", 1);
        U(t, "PTRACE_PEEKDATA", 2);
        U(t, "PTRACE_PEEKUSR", 3);
        U(t, "PTRACE_POKETEXT", 4);
        U(t, "PTRACE_POKEDATA", 5);
        U(t, "PTRACE_POKEUSR", 6);
        U(t, "PTRACE_CONT", 7);
        U(t, "PTRACE_KILL", 8);
        U(t, "PTRACE_SINGLESTEP", 9);
        U(t, "PTRACE_ATTACH", 16);
        U(t, "PTRACE_DETACH", 17);
        U(t, "PTRACE_SYSCALL", 24);
        U(t, "PTRACE_SETOPTIONS", 0x4200);
        U(t, "PTRACE_GETEVENTMSG", 0x4201);
        U(t, "PTRACE_GETSIGINFO", 0x4202);
        U(t, "PTRACE_SETSIGINFO", 0x4203);
        U(t, "PTRACE_GETREGSET", 0x4204);
        U(t, "PTRACE_SETREGSET", 0x4205);
        U(t, "PTRACE_SEIZE", 0x4206);
        U(t, "PTRACE_INTERRUPT", 0x4207);
        U(t, "PTRACE_LISTEN", 0x4208);

        // ---- ELF program header types (PT_*, linux/elf.h / elf.h)
        U(t, "PT_NULL", 0);
        U(t, "PT_LOAD", 1);
        U(t, "PT_DYNAMIC", 2);
        U(t, "PT_INTERP", 3);
        U(t, "PT_NOTE", 4);
        U(t, "PT_SHLIB", 5);
        U(t, "PT_PHDR", 6);
        U(t, "PT_TLS", 7);
        U(t, "PT_GNU_EH_FRAME", 0x6474E550);
        U(t, "PT_GNU_STACK", 0x6474E551);
        U(t, "PT_GNU_RELRO", 0x6474E552);
        U(t, "PT_GNU_PROPERTY", 0x6474E553);

        // ---- binder (include/uapi/linux/android/binder.h)
        // ioctl numbers computed with the asm-generic _IOC layout (powerpc: 3 direction bits, 13-bit size, _IOC_NONE=1, READ=2, WRITE=4)
        // and the 64-bit binder ABI (binder_size_t/binder_uintptr_t = __u64) on every architecture.
        U(t, "BINDER_CURRENT_PROTOCOL_VERSION", 8);  // 7 only with BINDER_IPC_32BIT (obsolete 32-bit ABI)
        U(t, "B_TYPE_LARGE", 0x85);
        U(t, "BINDER_TYPE_BINDER", 0x73622A85);  // B_PACK_CHARS('s', 'b', '*', B_TYPE_LARGE)
        U(t, "BINDER_TYPE_WEAK_BINDER", 0x77622A85);  // B_PACK_CHARS('w', 'b', '*', B_TYPE_LARGE)
        U(t, "BINDER_TYPE_HANDLE", 0x73682A85);  // B_PACK_CHARS('s', 'h', '*', B_TYPE_LARGE)
        U(t, "BINDER_TYPE_WEAK_HANDLE", 0x77682A85);  // B_PACK_CHARS('w', 'h', '*', B_TYPE_LARGE)
        U(t, "BINDER_TYPE_FD", 0x66642A85);  // B_PACK_CHARS('f', 'd', '*', B_TYPE_LARGE)
        U(t, "BINDER_TYPE_FDA", 0x66646185);  // B_PACK_CHARS('f', 'd', 'a', B_TYPE_LARGE)
        U(t, "BINDER_TYPE_PTR", 0x70742A85);  // B_PACK_CHARS('p', 't', '*', B_TYPE_LARGE)
        U(t, "FLAT_BINDER_FLAG_PRIORITY_MASK", 0xFF);
        U(t, "FLAT_BINDER_FLAG_ACCEPTS_FDS", 0x100);
        U(t, "FLAT_BINDER_FLAG_TXN_SECURITY_CTX", 0x1000);
        U(t, "BINDER_BUFFER_FLAG_HAS_PARENT", 0x1);
        U(t, "TF_ONE_WAY", 0x1);
        U(t, "TF_ROOT_OBJECT", 0x4);
        U(t, "TF_STATUS_CODE", 0x8);
        U(t, "TF_ACCEPT_FDS", 0x10);
        U(t, "TF_CLEAR_BUF", 0x20);
        U(t, "TF_UPDATE_TXN", 0x40);
        U(t, "BINDER_WRITE_READ", 0xC0306201);
        A(t, "BINDER_SET_IDLE_TIMEOUT", 0x40086203, 0x40086203, 0x40086203, 0x40086203, 0x80086203, 0x40086203, 0x40086203, 0x40086203);
        A(t, "BINDER_SET_MAX_THREADS", 0x40046205, 0x40046205, 0x40046205, 0x40046205, 0x80046205, 0x40046205, 0x40046205, 0x40046205);
        A(t, "BINDER_SET_IDLE_PRIORITY", 0x40046206, 0x40046206, 0x40046206, 0x40046206, 0x80046206, 0x40046206, 0x40046206, 0x40046206);
        A(t, "BINDER_SET_CONTEXT_MGR", 0x40046207, 0x40046207, 0x40046207, 0x40046207, 0x80046207, 0x40046207, 0x40046207, 0x40046207);
        A(t, "BINDER_THREAD_EXIT", 0x40046208, 0x40046208, 0x40046208, 0x40046208, 0x80046208, 0x40046208, 0x40046208, 0x40046208);
        U(t, "BINDER_VERSION", 0xC0046209);
        U(t, "BINDER_GET_NODE_DEBUG_INFO", 0xC018620B);
        U(t, "BINDER_GET_NODE_INFO_FOR_REF", 0xC018620C);
        A(t, "BINDER_SET_CONTEXT_MGR_EXT", 0x4018620D, 0x4018620D, 0x4018620D, 0x4018620D, 0x8018620D, 0x4018620D, 0x4018620D, 0x4018620D);
        A(t, "BINDER_FREEZE", 0x400C620E, 0x400C620E, 0x400C620E, 0x400C620E, 0x800C620E, 0x400C620E, 0x400C620E, 0x400C620E);
        U(t, "BINDER_GET_FROZEN_INFO", 0xC00C620F);
        A(t, "BINDER_ENABLE_ONEWAY_SPAM_DETECTION", 0x40046210, 0x40046210, 0x40046210, 0x40046210, 0x80046210, 0x40046210, 0x40046210, 0x40046210);
        U(t, "BINDER_GET_EXTENDED_ERROR", 0xC00C6211);
        A(t, "BR_ERROR", 0x80047200, 0x80047200, 0x80047200, 0x80047200, 0x40047200, 0x80047200, 0x80047200, 0x80047200);
        A(t, "BR_OK", 0x7201, 0x7201, 0x7201, 0x7201, 0x20007201, 0x7201, 0x7201, 0x7201);
        A(t, "BR_TRANSACTION_SEC_CTX", 0x80487202, 0x80487202, 0x80487202, 0x80487202, 0x40487202, 0x80487202, 0x80487202, 0x80487202);
        A(t, "BR_TRANSACTION", 0x80407202, 0x80407202, 0x80407202, 0x80407202, 0x40407202, 0x80407202, 0x80407202, 0x80407202);
        A(t, "BR_REPLY", 0x80407203, 0x80407203, 0x80407203, 0x80407203, 0x40407203, 0x80407203, 0x80407203, 0x80407203);
        A(t, "BR_ACQUIRE_RESULT", 0x80047204, 0x80047204, 0x80047204, 0x80047204, 0x40047204, 0x80047204, 0x80047204, 0x80047204);
        A(t, "BR_DEAD_REPLY", 0x7205, 0x7205, 0x7205, 0x7205, 0x20007205, 0x7205, 0x7205, 0x7205);
        A(t, "BR_TRANSACTION_COMPLETE", 0x7206, 0x7206, 0x7206, 0x7206, 0x20007206, 0x7206, 0x7206, 0x7206);
        A(t, "BR_INCREFS", 0x80107207, 0x80107207, 0x80107207, 0x80107207, 0x40107207, 0x80107207, 0x80107207, 0x80107207);
        A(t, "BR_ACQUIRE", 0x80107208, 0x80107208, 0x80107208, 0x80107208, 0x40107208, 0x80107208, 0x80107208, 0x80107208);
        A(t, "BR_RELEASE", 0x80107209, 0x80107209, 0x80107209, 0x80107209, 0x40107209, 0x80107209, 0x80107209, 0x80107209);
        A(t, "BR_DECREFS", 0x8010720A, 0x8010720A, 0x8010720A, 0x8010720A, 0x4010720A, 0x8010720A, 0x8010720A, 0x8010720A);
        A(t, "BR_ATTEMPT_ACQUIRE", 0x8018720B, 0x8014720B, 0x8018720B, 0x8018720B, 0x4018720B, 0x8018720B, 0x8018720B, 0x8018720B);
        A(t, "BR_NOOP", 0x720C, 0x720C, 0x720C, 0x720C, 0x2000720C, 0x720C, 0x720C, 0x720C);
        A(t, "BR_SPAWN_LOOPER", 0x720D, 0x720D, 0x720D, 0x720D, 0x2000720D, 0x720D, 0x720D, 0x720D);
        A(t, "BR_FINISHED", 0x720E, 0x720E, 0x720E, 0x720E, 0x2000720E, 0x720E, 0x720E, 0x720E);
        A(t, "BR_DEAD_BINDER", 0x8008720F, 0x8008720F, 0x8008720F, 0x8008720F, 0x4008720F, 0x8008720F, 0x8008720F, 0x8008720F);
        A(t, "BR_CLEAR_DEATH_NOTIFICATION_DONE", 0x80087210, 0x80087210, 0x80087210, 0x80087210, 0x40087210, 0x80087210, 0x80087210, 0x80087210);
        A(t, "BR_FAILED_REPLY", 0x7211, 0x7211, 0x7211, 0x7211, 0x20007211, 0x7211, 0x7211, 0x7211);
        A(t, "BR_FROZEN_REPLY", 0x7212, 0x7212, 0x7212, 0x7212, 0x20007212, 0x7212, 0x7212, 0x7212);
        A(t, "BR_ONEWAY_SPAM_SUSPECT", 0x7213, 0x7213, 0x7213, 0x7213, 0x20007213, 0x7213, 0x7213, 0x7213);
        A(t, "BR_TRANSACTION_PENDING_FROZEN", 0x7214, 0x7214, 0x7214, 0x7214, 0x20007214, 0x7214, 0x7214, 0x7214);
        A(t, "BR_FROZEN_BINDER", 0x80107215, 0x80107215, 0x80107215, 0x80107215, 0x40107215, 0x80107215, 0x80107215, 0x80107215);
        A(t, "BR_CLEAR_FREEZE_NOTIFICATION_DONE", 0x80087216, 0x80087216, 0x80087216, 0x80087216, 0x40087216, 0x80087216, 0x80087216, 0x80087216);
        A(t, "BC_TRANSACTION", 0x40406300, 0x40406300, 0x40406300, 0x40406300, 0x80406300, 0x40406300, 0x40406300, 0x40406300);
        A(t, "BC_REPLY", 0x40406301, 0x40406301, 0x40406301, 0x40406301, 0x80406301, 0x40406301, 0x40406301, 0x40406301);
        A(t, "BC_ACQUIRE_RESULT", 0x40046302, 0x40046302, 0x40046302, 0x40046302, 0x80046302, 0x40046302, 0x40046302, 0x40046302);
        A(t, "BC_FREE_BUFFER", 0x40086303, 0x40086303, 0x40086303, 0x40086303, 0x80086303, 0x40086303, 0x40086303, 0x40086303);
        A(t, "BC_INCREFS", 0x40046304, 0x40046304, 0x40046304, 0x40046304, 0x80046304, 0x40046304, 0x40046304, 0x40046304);
        A(t, "BC_ACQUIRE", 0x40046305, 0x40046305, 0x40046305, 0x40046305, 0x80046305, 0x40046305, 0x40046305, 0x40046305);
        A(t, "BC_RELEASE", 0x40046306, 0x40046306, 0x40046306, 0x40046306, 0x80046306, 0x40046306, 0x40046306, 0x40046306);
        A(t, "BC_DECREFS", 0x40046307, 0x40046307, 0x40046307, 0x40046307, 0x80046307, 0x40046307, 0x40046307, 0x40046307);
        A(t, "BC_INCREFS_DONE", 0x40106308, 0x40106308, 0x40106308, 0x40106308, 0x80106308, 0x40106308, 0x40106308, 0x40106308);
        A(t, "BC_ACQUIRE_DONE", 0x40106309, 0x40106309, 0x40106309, 0x40106309, 0x80106309, 0x40106309, 0x40106309, 0x40106309);
        A(t, "BC_ATTEMPT_ACQUIRE", 0x4008630A, 0x4008630A, 0x4008630A, 0x4008630A, 0x8008630A, 0x4008630A, 0x4008630A, 0x4008630A);
        A(t, "BC_REGISTER_LOOPER", 0x630B, 0x630B, 0x630B, 0x630B, 0x2000630B, 0x630B, 0x630B, 0x630B);
        A(t, "BC_ENTER_LOOPER", 0x630C, 0x630C, 0x630C, 0x630C, 0x2000630C, 0x630C, 0x630C, 0x630C);
        A(t, "BC_EXIT_LOOPER", 0x630D, 0x630D, 0x630D, 0x630D, 0x2000630D, 0x630D, 0x630D, 0x630D);
        A(t, "BC_REQUEST_DEATH_NOTIFICATION", 0x400C630E, 0x400C630E, 0x400C630E, 0x400C630E, 0x800C630E, 0x400C630E, 0x400C630E, 0x400C630E);
        A(t, "BC_CLEAR_DEATH_NOTIFICATION", 0x400C630F, 0x400C630F, 0x400C630F, 0x400C630F, 0x800C630F, 0x400C630F, 0x400C630F, 0x400C630F);
        A(t, "BC_DEAD_BINDER_DONE", 0x40086310, 0x40086310, 0x40086310, 0x40086310, 0x80086310, 0x40086310, 0x40086310, 0x40086310);
        A(t, "BC_TRANSACTION_SG", 0x40486311, 0x40486311, 0x40486311, 0x40486311, 0x80486311, 0x40486311, 0x40486311, 0x40486311);
        A(t, "BC_REPLY_SG", 0x40486312, 0x40486312, 0x40486312, 0x40486312, 0x80486312, 0x40486312, 0x40486312, 0x40486312);
        A(t, "BC_REQUEST_FREEZE_NOTIFICATION", 0x400C6313, 0x400C6313, 0x400C6313, 0x400C6313, 0x800C6313, 0x400C6313, 0x400C6313, 0x400C6313);
        A(t, "BC_CLEAR_FREEZE_NOTIFICATION", 0x400C6314, 0x400C6314, 0x400C6314, 0x400C6314, 0x800C6314, 0x400C6314, 0x400C6314, 0x400C6314);
        A(t, "BC_FREEZE_NOTIFICATION_DONE", 0x40086315, 0x40086315, 0x40086315, 0x40086315, 0x80086315, 0x40086315, 0x40086315, 0x40086315);

        // ---- fwctl (include/uapi/fwctl/fwctl.h) and the driver-internal MAX_RPC_LEN (drivers/fwctl/main.c: SZ_2M)
        U(t, "FWCTL_TYPE", 0x9A);
        U(t, "FWCTL_CMD_BASE", 0);
        U(t, "FWCTL_CMD_INFO", 0);
        U(t, "FWCTL_CMD_RPC", 1);
        A(t, "FWCTL_INFO", 0x9A00, 0x9A00, 0x9A00, 0x9A00, 0x20009A00, 0x9A00, 0x9A00, 0x9A00);  // _IO(FWCTL_TYPE, FWCTL_CMD_INFO)
        A(t, "FWCTL_RPC", 0x9A01, 0x9A01, 0x9A01, 0x9A01, 0x20009A01, 0x9A01, 0x9A01, 0x9A01);  // _IO(FWCTL_TYPE, FWCTL_CMD_RPC)
        U(t, "FWCTL_DEVICE_TYPE_ERROR", 0);
        U(t, "FWCTL_DEVICE_TYPE_MLX5", 1);
        U(t, "FWCTL_DEVICE_TYPE_CXL", 2);
        U(t, "FWCTL_DEVICE_TYPE_BNXT", 3);
        U(t, "FWCTL_DEVICE_TYPE_PDS", 4);
        U(t, "FWCTL_RPC_CONFIGURATION", 0);
        U(t, "FWCTL_RPC_DEBUG_READ_ONLY", 1);
        U(t, "FWCTL_RPC_DEBUG_WRITE", 2);
        U(t, "FWCTL_RPC_DEBUG_WRITE_FULL", 3);
        U(t, "MAX_RPC_LEN", 0x200000);  // SZ_2M

        // ---- V4L2 (include/uapi/linux/videodev2.h), used by the documentation examples
        A(t, "VIDIOC_QUERYCAP", 0x80685600, 0x80685600, 0x80685600, 0x80685600, 0x40685600, 0x80685600, 0x80685600, 0x80685600);  // _IOR('V', 0, struct v4l2_capability)

        // ---- syscall numbers (__NR_*) of the syscalls the specs in kapi/ and the shared corpus name, plus ioctl (the binder,
        // fwctl and V4L2 specs are ioctl commands) and mmap2 (the 32-bit mmap). Values from each architecture's own
        // asm/unistd.h (Linux 6.1): x86 = the i386 numbers (unistd_32.h), x64 = unistd_64.h (not x32), arm = EABI
        // (unistd-eabi.h), arm64/riscv64/loongarch64 = asm-generic/unistd.h, ppc64le and s390x = their unistd_64.h.
        // null = the architecture has no such syscall: the asm-generic tables have no open, epoll_create or epoll_wait
        // (openat, epoll_create1, epoll_pwait instead) and no mmap2 on 64-bit; arm EABI has no __NR_mmap (old_mmap was
        // OABI-only; mmap2 takes the offset in 4096-byte units). __NR_mmap on x86 and s390x is old_mmap, which takes one
        // pointer to a struct of the six arguments; on x64, arm64, ppc64le, riscv64 and loongarch64 it takes them in registers.
        A(t, "__NR_mlock", 149, 150, 150, 228, 150, 150, 228, 228);
        A(t, "__NR_mlock2", 325, 376, 390, 284, 378, 374, 284, 284);
        A(t, "__NR_munlock", 150, 151, 151, 229, 151, 151, 229, 229);
        A(t, "__NR_mlockall", 151, 152, 152, 230, 152, 152, 230, 230);
        A(t, "__NR_munlockall", 152, 153, 153, 231, 153, 153, 231, 231);
        A(t, "__NR_open", 2, 5, 5, null, 5, 5, null, null);
        A(t, "__NR_openat", 257, 295, 322, 56, 286, 288, 56, 56);
        A(t, "__NR_close", 3, 6, 6, 57, 6, 6, 57, 57);
        A(t, "__NR_read", 0, 3, 3, 63, 3, 3, 63, 63);
        A(t, "__NR_write", 1, 4, 4, 64, 4, 4, 64, 64);
        A(t, "__NR_mmap", 9, 90, null, 222, 90, 90, 222, 222);
        A(t, "__NR_mmap2", null, 192, 192, null, null, null, null, null);
        A(t, "__NR_munmap", 11, 91, 91, 215, 91, 91, 215, 215);
        A(t, "__NR_mprotect", 10, 125, 125, 226, 125, 125, 226, 226);
        A(t, "__NR_madvise", 28, 219, 220, 233, 205, 219, 233, 233);
        A(t, "__NR_epoll_create", 213, 254, 250, null, 236, 249, null, null);
        A(t, "__NR_epoll_create1", 291, 329, 357, 20, 315, 327, 20, 20);
        A(t, "__NR_epoll_ctl", 233, 255, 251, 21, 237, 250, 21, 21);
        A(t, "__NR_epoll_wait", 232, 256, 252, null, 238, 251, null, null);
        A(t, "__NR_epoll_pwait", 281, 319, 346, 22, 303, 312, 22, 22);
        U(t, "__NR_epoll_pwait2", 441);
        A(t, "__NR_execve", 59, 11, 11, 221, 11, 11, 221, 221);
        A(t, "__NR_execveat", 322, 358, 387, 281, 362, 354, 281, 281);
        A(t, "__NR_io_setup", 206, 245, 243, 0, 227, 243, 0, 0);
        A(t, "__NR_sched_setattr", 314, 351, 380, 274, 355, 345, 274, 274);
        A(t, "__NR_ioctl", 16, 54, 54, 29, 54, 54, 29, 29);
    }
}
