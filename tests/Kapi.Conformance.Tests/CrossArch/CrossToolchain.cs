using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Kapi.Architectures;
using Xunit;

namespace Kapi.Conformance.Tests.CrossArch;

/// <summary>
/// The compiler and headers of one architecture, used compile-only (<c>-c</c>): Debian's cross compilers
/// (<c>gcc-&lt;triple&gt;</c>) with that architecture's C library and kernel UAPI headers (<c>libc6-dev-&lt;arch&gt;-cross</c>,
/// <c>linux-libc-dev-&lt;arch&gt;-cross</c> in <c>/usr/&lt;triple&gt;/include</c>), the native compiler and headers for the host's
/// own architecture, and for loongarch64 (no Debian 12 cross compiler or C library) clang with the UAPI headers
/// <c>make headers_install ARCH=loongarch</c> makes from Debian's linux-source tarball. <c>cross/setup.sh</c> installs all of it.
/// </summary>
internal sealed class CrossToolchain
{
    private CrossToolchain(KapiArchitecture arch, string compiler, IReadOnlyList<string> flags, string headers, bool hasLibc, string? headerDir)
    {
        Arch = arch;
        Compiler = compiler;
        Flags = flags;
        Headers = headers;
        HasLibc = hasLibc;
        UapiDir = headerDir;
    }

    public KapiArchitecture Arch { get; }

    public string Compiler { get; }

    /// <summary>Flags before the source file (target, include directories).</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>Where the headers come from, for the report.</summary>
    public string Headers { get; }

    /// <summary>False for loongarch64: only the compiler's freestanding headers (limits.h, stdint.h …) stand in for a C library.</summary>
    public bool HasLibc { get; }

    /// <summary>The kernel UAPI include directory when it is given explicitly (loongarch64), else null (the compiler's own search path).</summary>
    public string? UapiDir { get; }

    /// <summary>The e_machine value the compiler's objects must carry.</summary>
    public int ElfMachine => Arch switch
    {
        KapiArchitecture.X64 => 62,
        KapiArchitecture.X86 => 3,
        KapiArchitecture.Arm => 40,
        KapiArchitecture.Arm64 => 183,
        KapiArchitecture.Ppc64le => 21,
        KapiArchitecture.S390x => 22,
        KapiArchitecture.RiscV64 => 243,
        KapiArchitecture.LoongArch64 => 258,
        _ => throw new ArgumentOutOfRangeException(nameof(Arch)),
    };

    /// <summary>A preprocessor condition true only when compiling for this architecture and ABI.</summary>
    public string TargetCondition => TargetConditionOf(Arch);

    public static string TargetConditionOf(KapiArchitecture arch) => arch switch
    {
        KapiArchitecture.X64 => "defined(__x86_64__) && !defined(__ILP32__)",
        KapiArchitecture.X86 => "defined(__i386__)",
        KapiArchitecture.Arm => "defined(__arm__) && defined(__ARM_EABI__) && !defined(__aarch64__)",
        KapiArchitecture.Arm64 => "defined(__aarch64__) && !defined(__ILP32__)",
        KapiArchitecture.Ppc64le => "defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)",
        KapiArchitecture.S390x => "defined(__s390x__)",
        KapiArchitecture.RiscV64 => "defined(__riscv) && __riscv_xlen == 64",
        KapiArchitecture.LoongArch64 => "defined(__loongarch64)",
        _ => "0",
    };

    /// <summary>The GNU triple of Debian's cross compiler (and of <c>/usr/&lt;triple&gt;/include</c>); null for loongarch64.</summary>
    public static string? GnuTriple(KapiArchitecture arch) => arch switch
    {
        KapiArchitecture.X64 => "x86_64-linux-gnu",
        KapiArchitecture.X86 => "i686-linux-gnu",
        KapiArchitecture.Arm => "arm-linux-gnueabihf",
        KapiArchitecture.Arm64 => "aarch64-linux-gnu",
        KapiArchitecture.Ppc64le => "powerpc64le-linux-gnu",
        KapiArchitecture.S390x => "s390x-linux-gnu",
        KapiArchitecture.RiscV64 => "riscv64-linux-gnu",
        _ => null,
    };

    /// <summary>Debian's name of the architecture (the <c>-cross</c> package suffix).</summary>
    public static string DebianArch(KapiArchitecture arch) => arch switch
    {
        KapiArchitecture.X64 => "amd64",
        KapiArchitecture.X86 => "i386",
        KapiArchitecture.Arm => "armhf",
        KapiArchitecture.Arm64 => "arm64",
        KapiArchitecture.Ppc64le => "ppc64el",
        KapiArchitecture.S390x => "s390x",
        KapiArchitecture.RiscV64 => "riscv64",
        KapiArchitecture.LoongArch64 => "loong64",
        _ => arch.RidName(),
    };

    /// <summary>
    /// <c>$KAPI_CROSS_CACHE</c>, else <c>$XDG_CACHE_HOME/kapi-cross</c>, else <c>~/.cache/kapi-cross</c>: where
    /// <c>cross/setup.sh</c> puts the loongarch64 headers (the same rule is in the script).
    /// </summary>
    public static string CacheDir
    {
        get
        {
            if (Environment.GetEnvironmentVariable("KAPI_CROSS_CACHE") is { Length: > 0 } c) return c;
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string baseDir = xdg is { Length: > 0 } ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDir, "kapi-cross");
        }
    }

    /// <summary>The loongarch64 UAPI include directory: <c>$KAPI_LOONGARCH_UAPI</c>, else the cache's <c>linux-loongarch64/include</c>.</summary>
    public static string LoongArchUapiDir => Environment.GetEnvironmentVariable("KAPI_LOONGARCH_UAPI") is { Length: > 0 } d
        ? d
        : Path.Combine(CacheDir, "linux-loongarch64", "include");

    /// <summary>True under CI (<c>CI=true</c>), where a missing toolchain fails instead of skipping.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<KapiArchitecture, (CrossToolchain? Toolchain, string Missing)> s_cache = new();

    /// <summary>The toolchain, or null with what is missing (and how to install it).</summary>
    public static CrossToolchain? Find(KapiArchitecture arch, out string missing)
    {
        var r = s_cache.GetOrAdd(arch, a =>
        {
            var t = Discover(a, out string why);
            return (t, why);
        });
        missing = r.Missing;
        return r.Toolchain;
    }

    /// <summary>The toolchain; fails the test (with what to install) when it is missing.</summary>
    public static CrossToolchain Require(KapiArchitecture arch)
    {
        var t = Find(arch, out string missing);
        if (t is null) Assert.Fail($"{arch.RidName()}: {missing}");
        return t!;
    }

    private static CrossToolchain? Discover(KapiArchitecture arch, out string missing)
    {
        const string Setup = "run tests/Kapi.Conformance.Tests/cross/setup.sh (Debian/Ubuntu) to install it";
        if (arch == KapiArchitecture.LoongArch64)
        {
            string? clang = FindClangForLoongArch();
            if (clang is null)
            {
                missing = "no clang with the LoongArch target (clang 16 or newer, e.g. Debian's clang-19) on PATH; " + Setup;
                return null;
            }
            string uapi = LoongArchUapiDir;
            if (!File.Exists(Path.Combine(uapi, "linux", "version.h")) || !File.Exists(Path.Combine(uapi, "asm", "unistd.h")))
            {
                missing = $"no loongarch64 UAPI headers in {uapi} (make headers_install ARCH=loongarch of Debian's linux-source); " + Setup;
                return null;
            }
            string resource = Run(clang, "-print-resource-dir").Trim();
            var flags = new List<string>
            {
                "--target=loongarch64-linux-gnu", "-ffreestanding", "-nostdinc",
                "-isystem", Path.Combine(resource, "include"), "-isystem", uapi,
            };
            missing = string.Empty;
            return new CrossToolchain(arch, clang, flags, $"{uapi} (headers_install ARCH=loongarch) + {Path.GetFileName(clang)} freestanding headers", hasLibc: false, uapi);
        }

        string triple = GnuTriple(arch)!;
        string? gcc = FindOnPath(triple + "-gcc");
        if (gcc is null)
        {
            missing = $"{triple}-gcc is not on PATH (Debian: gcc-{triple}, libc6-dev-{DebianArch(arch)}-cross, linux-libc-dev-{DebianArch(arch)}-cross); " + Setup;
            return null;
        }
        string sysroot = Path.Combine("/usr", triple, "include");
        bool native = arch == KapiArchitectures.Current && File.Exists("/usr/include/linux/version.h") && File.Exists("/usr/include/stdio.h");
        if (!native && File.Exists(Path.Combine(sysroot, "stdio.h")) && File.Exists(Path.Combine(sysroot, "linux", "version.h")))
        {
            // Only the compiler's own headers and the target's: the cross compiler's default search path ends in the
            // host's /usr/include, which would fill in headers the target lacks with the host's.
            string gccInclude = Run(gcc, "-print-file-name=include").Trim();
            var flags = new List<string> { "-nostdinc", "-isystem", gccInclude, "-isystem", sysroot };
            missing = string.Empty;
            return new CrossToolchain(arch, gcc, flags, sysroot, hasLibc: true, null);
        }
        if (native)
        {
            // The host's own headers (gcc, libc6-dev, linux-libc-dev). Named explicitly: gcc searches /usr/<triple>/include
            // before /usr/include, and a linux-libc-dev-<host>-cross package installed there would shadow the host's headers.
            string gccInclude = Run(gcc, "-print-file-name=include").Trim();
            var flags = new List<string> { "-nostdinc", "-isystem", gccInclude, "-isystem", Path.Combine("/usr/include", triple), "-isystem", "/usr/include" };
            missing = string.Empty;
            return new CrossToolchain(arch, gcc, flags, "/usr/include (the host's own)", hasLibc: true, null);
        }
        missing = $"{triple}-gcc is installed but {sysroot} lacks the C library or kernel headers (libc6-dev-{DebianArch(arch)}-cross, linux-libc-dev-{DebianArch(arch)}-cross); " + Setup;
        return null;
    }

    private static string? FindClangForLoongArch()
    {
        foreach (string name in new[] { "clang-19", "clang-20", "clang-21", "clang-18", "clang-17", "clang-16", "clang" })
        {
            string? path = FindOnPath(name);
            if (path is null) continue;
            try
            {
                if (Run(path, "-print-targets").Contains("loongarch64", StringComparison.Ordinal)) return path;
            }
            catch (InvalidOperationException)
            {
            }
        }
        return null;
    }

    public static string? FindOnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        _ = stderr.GetAwaiter().GetResult();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(" ", args)} exited with {p.ExitCode}");
        return stdout;
    }

    public override string ToString() => $"{Arch.RidName()}: {Path.GetFileName(Compiler)} {string.Join(" ", Flags.Where(f => f.StartsWith("--target", StringComparison.Ordinal)))}, headers {Headers}";
}

/// <summary>
/// A fact for one architecture's toolchain: skipped (with what to install) when the toolchain is missing on a developer
/// machine; under CI (<c>CI=true</c>) never skipped, so a missing install fails.
/// </summary>
public sealed class CrossArchFactAttribute : FactAttribute
{
    public CrossArchFactAttribute(KapiArchitecture arch)
    {
        if (CrossToolchain.InCi) return;
        if (CrossToolchain.Find(arch, out string missing) is null) Skip = $"{arch.RidName()} toolchain not installed: {missing}";
    }
}
