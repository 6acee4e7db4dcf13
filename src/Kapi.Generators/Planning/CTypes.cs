using System.Text;

namespace Kapi.Generators.Planning;

/// <summary>
/// C types → blittable C# types for the DllImport declarations. The mapping follows the LP64/ILP32 Linux ABIs
/// .NET runs on: C <c>long</c>/<c>size_t</c> are pointer-sized (<c>nint</c>/<c>nuint</c>), fixed-width kernel
/// types map to fixed-width C# types, pointers are <c>nint</c>.
/// </summary>
internal static class CTypes
{
    private static readonly Dictionary<string, string> s_integers = Build();

    private static Dictionary<string, string> Build()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string csharp, params string[] names)
        {
            foreach (var n in names) d[n] = csharp;
        }
        Add("int", "int", "signed", "signed int", "__s32", "s32", "int32_t", "pid_t", "key_t", "clockid_t", "mqd_t",
            "rwf_t", "__kernel_pid_t", "__kernel_key_t", "__kernel_clockid_t", "__kernel_mqd_t", "__kernel_daddr_t");
        Add("uint", "unsigned", "unsigned int", "__u32", "u32", "uint32_t", "uid_t", "gid_t", "mode_t", "umode_t",
            "qid_t", "socklen_t", "id_t", "__kernel_uid_t", "__kernel_gid_t", "__kernel_uid32_t", "__kernel_gid32_t",
            "__kernel_mode_t", "__poll_t", "__le32", "__be32");
        Add("nint", "long", "long int", "signed long", "signed long int", "ssize_t", "__kernel_ssize_t",
            "__kernel_long_t", "intptr_t", "ptrdiff_t", "off_t", "__kernel_off_t", "time_t", "__kernel_time_t",
            "clock_t", "__kernel_clock_t", "__kernel_ptrdiff_t");
        Add("nuint", "unsigned long", "unsigned long int", "size_t", "__kernel_size_t", "uintptr_t",
            "__kernel_ulong_t", "aio_context_t", "__kernel_uintptr_t");
        Add("long", "long long", "long long int", "signed long long", "__s64", "s64", "int64_t", "loff_t",
            "__kernel_loff_t", "off64_t", "__kernel_time64_t");
        Add("ulong", "unsigned long long", "unsigned long long int", "__u64", "u64", "uint64_t", "__aligned_u64",
            "binder_size_t", "binder_uintptr_t", "__le64", "__be64");
        Add("short", "short", "short int", "signed short", "__s16", "s16", "int16_t");
        Add("ushort", "unsigned short", "unsigned short int", "__u16", "u16", "uint16_t", "__le16", "__be16");
        Add("sbyte", "char", "signed char", "__s8", "s8", "int8_t");
        Add("byte", "unsigned char", "__u8", "u8", "uint8_t", "bool", "_Bool");
        return d;
    }

    /// <summary>Removes qualifiers and annotations that do not change the ABI type.</summary>
    public static string Normalize(string? cType)
    {
        if (string.IsNullOrWhiteSpace(cType)) return string.Empty;
        var sb = new StringBuilder();
        foreach (var raw in cType!.Replace("*", " * ").Replace("[", " [ ").Replace("]", " ] ")
                     .Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries))
        {
            switch (raw)
            {
                case "const":
                case "volatile":
                case "restrict":
                case "__restrict":
                case "__restrict__":
                case "__user":
                case "__force":
                case "__kernel":
                    continue;
            }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(raw);
        }
        return sb.ToString();
    }

    public static bool IsPointer(string? cType)
    {
        var n = Normalize(cType);
        return n.IndexOf('*') >= 0 || n.IndexOf('[') >= 0;
    }

    /// <summary>The C# integer type for a C integer type, or null when the type is unknown (or not an integer).</summary>
    public static string? Integer(string? cType)
    {
        var n = Normalize(cType);
        if (n.Length == 0 || IsPointer(n)) return null;
        if (n.StartsWith("enum ", StringComparison.Ordinal)) return "int";
        return s_integers.TryGetValue(n, out var t) ? t : null;
    }

    /// <summary>Width-preserving C# type for an enum's underlying type (enums cannot be nint/nuint).</summary>
    public static string EnumUnderlying(string nativeType) => nativeType switch
    {
        "nint" => "long",
        "nuint" => "ulong",
        _ => nativeType,
    };

    // libc functions whose return type is not int (the kernel's SYSCALL_DEFINE always says long; libc does not).
    private static readonly Dictionary<string, string> s_libcReturns = new(StringComparer.Ordinal)
    {
        ["read"] = "nint", ["write"] = "nint", ["pread64"] = "nint", ["pwrite64"] = "nint", ["pread"] = "nint",
        ["pwrite"] = "nint", ["readv"] = "nint", ["writev"] = "nint", ["preadv"] = "nint", ["pwritev"] = "nint",
        ["preadv2"] = "nint", ["pwritev2"] = "nint", ["recv"] = "nint", ["recvfrom"] = "nint", ["recvmsg"] = "nint",
        ["send"] = "nint", ["sendto"] = "nint", ["sendmsg"] = "nint", ["sendfile"] = "nint", ["splice"] = "nint",
        ["tee"] = "nint", ["vmsplice"] = "nint", ["copy_file_range"] = "nint", ["getrandom"] = "nint",
        ["readlink"] = "nint", ["readlinkat"] = "nint", ["getxattr"] = "nint", ["lgetxattr"] = "nint",
        ["fgetxattr"] = "nint", ["listxattr"] = "nint", ["llistxattr"] = "nint", ["flistxattr"] = "nint",
        ["lseek"] = "nint", ["mmap"] = "nint", ["mremap"] = "nint", ["process_vm_readv"] = "nint",
        ["process_vm_writev"] = "nint", ["msgrcv"] = "nint", ["shmat"] = "nint", ["getdents64"] = "nint",
        ["syscall"] = "nint",
    };

    // Kernel entry points whose libc wrapper has another name.
    private static readonly Dictionary<string, string> s_entryPointAliases = new(StringComparer.Ordinal)
    {
        ["newuname"] = "uname",
        ["newstat"] = "stat",
        ["newlstat"] = "lstat",
        ["newfstat"] = "fstat",
        ["newfstatat"] = "fstatat",
        ["mmap_pgoff"] = "mmap",
        ["pread64"] = "pread",
        ["pwrite64"] = "pwrite",
    };

    /// <summary>The libc function for a syscall spec: <c>sys_mlockall</c> → <c>mlockall</c>.</summary>
    public static string LibcFunction(string shortName) =>
        s_entryPointAliases.TryGetValue(shortName, out var alias) ? alias : shortName;

    /// <summary>The C# type of the libc function's return value.</summary>
    public static string LibcReturn(string libcFunction) =>
        s_libcReturns.TryGetValue(libcFunction, out var t) ? t : "int";
}
