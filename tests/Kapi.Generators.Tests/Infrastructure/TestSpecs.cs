namespace Kapi.Generators.Tests.Infrastructure;

/// <summary>Synthetic specs (written for these tests) that exercise what the corpus does not.</summary>
internal static class TestSpecs
{
    /// <summary>
    /// openat-like: FD and path parameters, a flags parameter with an enumerated access-mode field (Kapi extension
    /// <c>.enum_mask</c>) whose flag values differ on arm/arm64/ppc64le, a range-checked mode, an FD result and an
    /// errno (EDEADLOCK) whose number differs on powerpc, listed twice (EINVAL).
    /// </summary>
    public const string OpenAt = """
        DEFINE_KERNEL_API_SPEC(sys_openat)
        	KAPI_DESCRIPTION("Open a file relative to a directory file descriptor")
        	KAPI_LONG_DESC("Opens the file named by pathname, relative to dirfd.")
        	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

        	KAPI_PARAM(0, "dirfd", "int", "Directory file descriptor or AT_FDCWD")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		.type = KAPI_TYPE_FD,
        	KAPI_PARAM_END

        	KAPI_PARAM(1, "pathname", "const char __user *", "Path of the file")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER)
        		.type = KAPI_TYPE_PATH,
        	KAPI_PARAM_END

        	KAPI_PARAM(2, "flags", "int", "Access mode and file creation flags")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		.type = KAPI_TYPE_INT,
        		.constraint_type = KAPI_CONSTRAINT_MASK,
        		.enum_mask = O_ACCMODE,
        		.enum_values = (const s64[]){O_RDONLY, O_WRONLY, O_RDWR},
        		.valid_mask = O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_NONBLOCK | O_DIRECTORY | O_NOFOLLOW | O_DIRECT | O_CLOEXEC,
        	KAPI_PARAM_END

        	KAPI_PARAM(3, "mode", "umode_t", "Permissions of a new file")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		.type = KAPI_TYPE_UINT,
        		.constraint_type = KAPI_CONSTRAINT_RANGE,
        		.min_value = 0,
        		.max_value = 07777,
        	KAPI_PARAM_END

        	KAPI_RETURN("long", "A new file descriptor")
        		.type = KAPI_TYPE_FD,
        		.check_type = KAPI_RETURN_FD,
        	KAPI_RETURN_END

        	KAPI_ERROR(0, -EINVAL, "EINVAL", "Invalid flags", "Unknown bits in flags, or an invalid access mode.")
        	KAPI_ERROR(1, -ENOENT, "ENOENT", "No such file", "A directory component in pathname does not exist.")
        	KAPI_ERROR(2, -EDEADLOCK, "EDEADLOCK", "Deadlock", "An errno whose number differs on powerpc.")
        	KAPI_ERROR(3, -EINVAL, "EINVAL", "Invalid mode", "mode has bits outside 07777.")

        	.error_count = 4,
        	.param_count = 4,
        KAPI_END_SPEC;
        """;

    /// <summary>madvise-like: an enum-constrained parameter (plain enum) and a status result.</summary>
    public const string Madvise = """
        DEFINE_KERNEL_API_SPEC(sys_madvise)
        	KAPI_DESCRIPTION("Give advice about use of memory")
        	KAPI_PARAM(0, "start", "unsigned long", "Start of the range")
        		.type = KAPI_TYPE_UINT,
        	KAPI_PARAM_END
        	KAPI_PARAM(1, "len_in", "size_t", "Length of the range")
        		.type = KAPI_TYPE_UINT,
        	KAPI_PARAM_END
        	KAPI_PARAM(2, "behavior", "int", "The advice")
        		.type = KAPI_TYPE_INT,
        		.constraint_type = KAPI_CONSTRAINT_ENUM,
        		.enum_values = (const s64[]){MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED, MADV_DONTNEED},
        	KAPI_PARAM_END
        	KAPI_RETURN("long", "0 on success")
        		.type = KAPI_TYPE_INT,
        		.check_type = KAPI_RETURN_ERROR_CHECK,
        		.success_value = 0,
        	KAPI_RETURN_END
        	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad advice", "behavior is not a valid advice.")
        	.param_count = 3,
        	.error_count = 1,
        KAPI_END_SPEC;
        """;

    /// <summary>Hostile text everywhere spec text lands: doc comments, string literals, identifiers.</summary>
    public const string Hostile = """
        DEFINE_KERNEL_API_SPEC(sys_kapi_hostile)
        	KAPI_DESCRIPTION("Ends </summary> early? \"quotes\", back\\slash, <tag> & amp */ // #error")
        	KAPI_LONG_DESC("line one\nline two\r\n#error not code\n/// <summary>\n\t<para>")
        	KAPI_PARAM(0, "class", "int", "A keyword as a name </param> \"")
        		.type = KAPI_TYPE_INT,
        		.constraint_type = KAPI_CONSTRAINT_RANGE,
        		.min_value = -1,
        		.max_value = INT_MAX,
        	KAPI_PARAM_END
        	KAPI_PARAM(1, "event", "unsigned int", "Another keyword")
        		.type = KAPI_TYPE_UINT,
        	KAPI_PARAM_END
        	KAPI_RETURN("int", "Whatever\n\"returns\"")
        		.type = KAPI_TYPE_INT,
        		.check_type = KAPI_RETURN_RANGE,
        		.success_min = 0,
        		.success_max = INT_MAX,
        	KAPI_RETURN_END
        	KAPI_ERROR(0, -EINVAL, "EINVAL", "cond \" </description>", "desc\n#error x \\ \"")
        	.param_count = 2,
        	.error_count = 1,
        	.examples = "int r = kapi_hostile(1, 2); /* </code> */\n\"quoted\" & <b>",
        	.notes = "Notes with ]]> and &lt; already escaped",
        KAPI_END_SPEC;
        """;

    /// <summary>A file with a syntax error: must produce no code at all.</summary>
    public const string Broken = """
        DEFINE_KERNEL_API_SPEC(sys_getpid)
        	KAPI_DESCRIPTION("Get the process ID"
        	KAPI_PARAM(0, "x", "int", "x")
        KAPI_END_SPEC;
        """;

    /// <summary>A spec without parameters or errors (getpid).</summary>
    public const string GetPid = """
        DEFINE_KERNEL_API_SPEC(sys_getpid)
        	KAPI_DESCRIPTION("Get the process ID")
        	KAPI_RETURN("pid_t", "The process ID of the caller")
        		.type = KAPI_TYPE_INT,
        		.check_type = KAPI_RETURN_RANGE,
        		.success_min = 1,
        		.success_max = INT_MAX,
        	KAPI_RETURN_END
        	.param_count = 0,
        KAPI_END_SPEC;
        """;

    /// <summary>A minimal mlockall spec with the Kapi <c>.required_mask</c> extension (written for these tests).</summary>
    public const string Mlockall = """
        DEFINE_KERNEL_API_SPEC(sys_mlockall)
        	KAPI_DESCRIPTION("Lock all of the calling process's pages in memory")
        	KAPI_PARAM(0, "flags", "int", "Which pages to lock")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		.type = KAPI_TYPE_INT,
        		.constraint_type = KAPI_CONSTRAINT_MASK,
        		.valid_mask = MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT,
        		.required_mask = MCL_CURRENT | MCL_FUTURE,
        	KAPI_PARAM_END
        	KAPI_RETURN("long", "0 on success")
        		.type = KAPI_TYPE_INT,
        		.check_type = KAPI_RETURN_ERROR_CHECK,
        		.success_value = 0,
        	KAPI_RETURN_END
        	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad flags", "Unknown flags, no flags, or MCL_ONFAULT alone.")
        	KAPI_ERROR(1, -EPERM, "EPERM", "Not allowed", "No CAP_IPC_LOCK and RLIMIT_MEMLOCK is 0.")
        	KAPI_ERROR(2, -ENOMEM, "ENOMEM", "Over the limit", "The locked memory would exceed RLIMIT_MEMLOCK.")
        	.param_count = 1,
        	.error_count = 3,
        KAPI_END_SPEC;
        """;
}
