using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Kapi.Architectures;
using Kapi.Conformance.Tests.CrossArch;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Conformance.Tests;

/// <summary>
/// Cross-checks <see cref="UapiConstants"/> and <see cref="UapiStructs"/> for each of the eight architectures against that
/// architecture's own headers, compiled with that architecture's compiler and never run (<see cref="ObjectProbe"/>): every
/// table name is evaluated in a kernel-UAPI probe and a C-library probe, and is equal, different (fails with name,
/// architecture and both values), or absent from the headers — then the table must either say the name does not exist
/// there (null) or carry the reason it has a value (<see cref="UapiConstants.GetHeaderNote"/>).
/// The toolchains: <c>cross/setup.sh</c>; CI installs them (<c>.ci/run</c>), developer machines without them skip.
/// </summary>
/// <remarks>
/// <see cref="HeaderCrossCheckTests"/> checks the host architecture by compiling and running; these tests compile only,
/// the host architecture included, so the host is checked both ways. When <c>KAPI_CROSS_REPORT</c> names a directory, each
/// test writes its counts there (<c>&lt;arch&gt;.&lt;check&gt;.tsv</c>) for <c>cross/run.sh</c>'s README table.
/// </remarks>
public sealed class CrossArchHeaderTests
{
    private readonly ITestOutputHelper _output;

    public CrossArchHeaderTests(ITestOutputHelper output) => _output = output;

    private const string VersionKey = "kapi:LINUX_VERSION_CODE";

    // ---- constants ---------------------------------------------------------------------------------------------------

    [CrossArchFact(KapiArchitecture.X64)] public void Constants_x64() => Constants(KapiArchitecture.X64);
    [CrossArchFact(KapiArchitecture.X86)] public void Constants_x86() => Constants(KapiArchitecture.X86);
    [CrossArchFact(KapiArchitecture.Arm)] public void Constants_arm() => Constants(KapiArchitecture.Arm);
    [CrossArchFact(KapiArchitecture.Arm64)] public void Constants_arm64() => Constants(KapiArchitecture.Arm64);
    [CrossArchFact(KapiArchitecture.Ppc64le)] public void Constants_ppc64le() => Constants(KapiArchitecture.Ppc64le);
    [CrossArchFact(KapiArchitecture.S390x)] public void Constants_s390x() => Constants(KapiArchitecture.S390x);
    [CrossArchFact(KapiArchitecture.RiscV64)] public void Constants_riscv64() => Constants(KapiArchitecture.RiscV64);
    [CrossArchFact(KapiArchitecture.LoongArch64)] public void Constants_loongarch64() => Constants(KapiArchitecture.LoongArch64);

    /// <summary>The probes of one architecture: the kernel UAPI headers, the C library's (or, without one, the compiler's freestanding headers), and names probed with their own header alone.</summary>
    private sealed record Probes(ProbeResult Uapi, ProbeResult Libc, ProbeResult Isolated, int LinuxVersion)
    {
        public ProbeResult[] All => new[] { Uapi, Libc, Isolated };
    }

    /// <summary>Names that a header of the UAPI probe #undefs, probed with only their own header: linux/fs.h #undefs NR_OPEN.</summary>
    private static readonly (string Header, string Name)[] s_isolated = { ("linux/limits.h", "NR_OPEN") };

    private static Probes RunConstantProbes(CrossToolchain tc, string dir, IReadOnlyList<string> names)
    {
        var uapiLines = HeaderCrossCheckTests.Lines(names, HeaderCrossCheckTests.s_uapiEnums).ToList();
        uapiLines.Add(new ProbeLine(VersionKey, new[] { "LINUX_VERSION_CODE" }, IfdefMacro: "LINUX_VERSION_CODE", HasIncludeGuard: null));
        var uapi = ObjectProbe.Run(tc, dir, "uapi", HeaderCrossCheckTests.s_uapiHeaders.Append("linux/version.h"), uapiLines);
        Assert.True(uapi.Values.TryGetValue(VersionKey, out long[]? version), $"{tc}: linux/version.h gave no LINUX_VERSION_CODE");

        var libcLines = HeaderCrossCheckTests.Lines(names, HeaderCrossCheckTests.s_libcEnums);
        ProbeResult libc = tc.HasLibc
            ? ObjectProbe.Run(tc, dir, "libc", HeaderCrossCheckTests.s_libcHeaders, libcLines, extraPrologue: "#define _GNU_SOURCE 1")
            : ObjectProbe.Run(tc, dir, "freestanding", HeaderCrossCheckTests.s_libcHeaders, libcLines, extraFlags: FreestandingShim(dir));
        var isolated = ObjectProbe.Run(tc, dir, "uapi-isolated", s_isolated.Select(i => i.Header).Distinct(),
            s_isolated.Select(i => new ProbeLine(i.Name, new[] { i.Name }, IfdefMacro: i.Name, HasIncludeGuard: null)));
        return new Probes(uapi, libc, isolated, (int)version![0]);
    }

    /// <summary>
    /// Without a C library (loongarch64) the headers that exist (the compiler's limits.h, stdint.h …, and the UAPI ones) are
    /// probed as they are. linux/videodev2.h includes &lt;sys/time.h&gt; for struct timeval/timespec; a one-line stand-in
    /// includes the UAPI linux/time.h, which defines both (the LP64 layout glibc also has).
    /// </summary>
    private static string[] FreestandingShim(string dir)
    {
        string shim = Path.Combine(dir, "freestanding-shim");
        Directory.CreateDirectory(Path.Combine(shim, "sys"));
        File.WriteAllText(Path.Combine(shim, "sys", "time.h"), "/* kapi stand-in: no C library for this target */\n#include <linux/time.h>\n");
        return new[] { "-isystem", shim };
    }

    private void Constants(KapiArchitecture arch)
    {
        var tc = CrossToolchain.Require(arch);
        var names = UapiConstants.Names.OrderBy(n => n, StringComparer.Ordinal).ToList();
        using var dir = new TempDirectory();
        var p = RunConstantProbes(tc, dir.Path, names);
        var probes = p.All;

        var failures = new List<string>();
        var documented = new List<string>();
        var olderHeaders = new List<string>();
        var absent = new List<string>();
        var notHere = new List<string>();
        int equal = 0, different = 0;
        foreach (string name in names)
        {
            long? expected = UapiConstants.TryGetValue(name, arch, out long v) ? v : null;
            string? note = UapiConstants.GetHeaderNote(name, arch);
            Version? addedIn = UapiConstants.GetAddedInLinux(name);
            var seen = probes.Where(pr => pr.Values.ContainsKey(name)).ToList();
            if (seen.Count == 0)
            {
                string why = string.Join("; ", probes.Where(pr => pr.Unevaluable.ContainsKey(name)).Select(pr => $"{pr.Program}: {pr.Unevaluable[name]}"));
                if (expected is null)
                {
                    notHere.Add(name);
                }
                else if (note is null)
                {
                    different++;
                    failures.Add($"{name}: the table has {Show(expected.Value)} on {arch.RidName()}, the headers do not define it{(why.Length > 0 ? $" ({why})" : string.Empty)}, and the table gives no reason (UapiConstants.Notes.cs)");
                }
                else if (addedIn is not null && LinuxVersion(addedIn) <= p.LinuxVersion)
                {
                    different++;
                    failures.Add($"{name}: the table's note says it is newer than these headers (Linux {addedIn}), but these are Linux {ShowVersion(p.LinuxVersion)} and do not define it");
                }
                else
                {
                    absent.Add($"{name} = {Show(expected.Value)}: {note}{(why.Length > 0 ? $" [compiler: {why}]" : string.Empty)}");
                }
                continue;
            }

            bool ok = true;
            foreach (var probe in seen)
            {
                long actual = probe.Values[name][0];
                if (expected is null)
                {
                    ok = false;
                    failures.Add($"{name}: the table says it is not defined on {arch.RidName()}, the {probe.Program} headers define it as {Show(actual)}");
                }
                else if (actual == expected.Value)
                {
                    continue;
                }
                else if (probe == p.Libc && HeaderCrossCheckTests.s_libcDifferences.TryGetValue(name, out var d) && d.LibcValue(arch, expected.Value) == actual)
                {
                    documented.Add($"{name}: table (kernel) {Show(expected.Value)}, C library {Show(actual)} — {d.Why}");
                }
                else if (HeaderCrossCheckTests.s_growingMasks.Contains(name) && (actual & ~expected.Value) == 0)
                {
                    olderHeaders.Add($"{name}: table {Show(expected.Value)}, {probe.Program} headers {Show(actual)} (older headers: a subset of the table's bits)");
                }
                else
                {
                    ok = false;
                    failures.Add($"{name}: table {Show(expected.Value)} on {arch.RidName()}, {probe.Program} headers {Show(actual)}");
                }
            }
            if (ok) equal++;
            else different++;
            if (note is not null && addedIn is null)
            {
                failures.Add($"{name}: the table's note says the headers lack it on {arch.RidName()} ({note}), but they define it: remove or narrow the note");
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{tc}; Linux {ShowVersion(p.LinuxVersion)} UAPI headers");
        report.AppendLine(CultureInfo.InvariantCulture, $"{names.Count} table names: {equal} equal, {different} different, {absent.Count} absent from these headers (the table says why), {notHere.Count} not on {arch.RidName()} (table and headers agree).");
        Section(report, "Equal after a documented C-library difference", documented);
        Section(report, "Version-dependent aggregates", olderHeaders);
        Section(report, "Absent from these headers, with the table's reason", absent);
        Section(report, $"Not defined on {arch.RidName()} (null in the table, absent from the headers)", HeaderCrossCheckTests.Wrap(notHere));
        Section(report, "Differences", failures);
        _output.WriteLine(report.ToString());
        WriteSummary(arch, "constants", names.Count, equal, different, absent.Count, notHere.Count, p.LinuxVersion);

        var canaries = HeaderCrossCheckTests.s_canaries.Where(c => !probes.Any(pr => pr.Values.ContainsKey(c)) && UapiConstants.TryGetValue(c, arch, out _)).ToList();
        Assert.True(canaries.Count == 0, $"{arch.RidName()}: the probes did not see basic names (broken header installation?): " + string.Join(", ", canaries));
        Assert.True(failures.Count == 0, $"{failures.Count} difference(s) between the table and the {arch.RidName()} headers:\n" + string.Join("\n", failures));
    }

    // ---- errno and signal numbers ----------------------------------------------------------------------------------------

    [CrossArchFact(KapiArchitecture.X64)] public void ErrnoAndSignals_x64() => ErrnoAndSignals(KapiArchitecture.X64);
    [CrossArchFact(KapiArchitecture.X86)] public void ErrnoAndSignals_x86() => ErrnoAndSignals(KapiArchitecture.X86);
    [CrossArchFact(KapiArchitecture.Arm)] public void ErrnoAndSignals_arm() => ErrnoAndSignals(KapiArchitecture.Arm);
    [CrossArchFact(KapiArchitecture.Arm64)] public void ErrnoAndSignals_arm64() => ErrnoAndSignals(KapiArchitecture.Arm64);
    [CrossArchFact(KapiArchitecture.Ppc64le)] public void ErrnoAndSignals_ppc64le() => ErrnoAndSignals(KapiArchitecture.Ppc64le);
    [CrossArchFact(KapiArchitecture.S390x)] public void ErrnoAndSignals_s390x() => ErrnoAndSignals(KapiArchitecture.S390x);
    [CrossArchFact(KapiArchitecture.RiscV64)] public void ErrnoAndSignals_riscv64() => ErrnoAndSignals(KapiArchitecture.RiscV64);
    [CrossArchFact(KapiArchitecture.LoongArch64)] public void ErrnoAndSignals_loongarch64() => ErrnoAndSignals(KapiArchitecture.LoongArch64);

    /// <summary>Macros that look like errno or signal names but are not numbers of either.</summary>
    private static readonly HashSet<string> s_notNumbers = new(StringComparer.Ordinal) { "SIGSTKSZ", "SIGEV_NONE", "SIGEV_SIGNAL", "SIGEV_THREAD", "SIGEV_THREAD_ID", "SIGEV_MAX_SIZE", "SIGEV_PAD_SIZE" };

    /// <summary>
    /// The error enums the generator emits use one numbering, x64's (asm-generic), and translate the native errno with the
    /// table's per-architecture values. This proves the table can do that on each architecture: every errno and signal
    /// name the architecture's UAPI headers define is in the table with the header's value, so a number that differs
    /// from x64's is in the table and translated; the report lists those numbers.
    /// </summary>
    private void ErrnoAndSignals(KapiArchitecture arch)
    {
        var tc = CrossToolchain.Require(arch);
        using var dir = new TempDirectory();
        var errnoNames = ObjectProbe.DefinedMacros(tc, dir.Path, "errno-names", new[] { "linux/errno.h" })
            .Where(n => Regex.IsMatch(n, "^E[A-Z0-9]+$")).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var signalNames = ObjectProbe.DefinedMacros(tc, dir.Path, "signal-names", new[] { "linux/types.h", "linux/signal.h" })
            .Where(n => Regex.IsMatch(n, "^SIG[A-Z0-9]+$") && !s_notNumbers.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(errnoNames.Count >= 120, $"{arch.RidName()}: only {errnoNames.Count} errno names in linux/errno.h");
        Assert.True(signalNames.Count >= 30, $"{arch.RidName()}: only {signalNames.Count} signal names in linux/signal.h");

        var lines = errnoNames.Concat(signalNames).Select(n => new ProbeLine(n, new[] { n }, IfdefMacro: n, HasIncludeGuard: null));
        var probe = ObjectProbe.Run(tc, dir.Path, "errno-signals", new[] { "linux/types.h", "linux/errno.h", "linux/signal.h" }, lines);

        var failures = new List<string>();
        var translated = new List<string>();
        var notEvaluable = new List<string>();
        int errnoChecked = 0, signalChecked = 0;
        foreach (string name in errnoNames.Concat(signalNames))
        {
            if (!probe.Values.TryGetValue(name, out long[]? value))
            {
                // e.g. x86's SIGRTMAX is _NSIG, which only the kernel defines
                notEvaluable.Add($"{name}: {(probe.Unevaluable.TryGetValue(name, out string? why) ? why : "not defined")}");
                continue;
            }
            if (name.StartsWith("E", StringComparison.Ordinal)) errnoChecked++;
            else signalChecked++;
            if (!UapiConstants.TryGetValue(name, arch, out long table))
            {
                failures.Add($"{name} = {value[0]} in the {arch.RidName()} headers is not in the table (a native number the error enums could not translate)");
                continue;
            }
            if (table != value[0])
            {
                failures.Add($"{name}: table {table}, {arch.RidName()} headers {value[0]}");
                continue;
            }
            if (UapiConstants.TryGetValue(name, KapiArchitecture.X64, out long portable) && portable != table)
            {
                translated.Add($"{name}: {table} on {arch.RidName()}, {portable} in the portable (x64) numbering");
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{tc}: {errnoChecked} errno and {signalChecked} signal numbers the headers define, all compared with the table.");
        Section(report, $"Numbers on {arch.RidName()} that differ from the portable (x64) numbering the error enums use (translated through the table)", translated);
        Section(report, "Defined but not evaluable in UAPI-only code", notEvaluable);
        Section(report, "Differences", failures);
        _output.WriteLine(report.ToString());
        WriteSummary(arch, "errno", errnoChecked, signalChecked, translated.Count, failures.Count);

        Assert.True(failures.Count == 0, $"{failures.Count} errno/signal difference(s) on {arch.RidName()}:\n" + string.Join("\n", failures));
    }

    // ---- struct layouts ---------------------------------------------------------------------------------------------

    [CrossArchFact(KapiArchitecture.X64)] public void StructLayouts_x64() => StructLayouts(KapiArchitecture.X64);
    [CrossArchFact(KapiArchitecture.X86)] public void StructLayouts_x86() => StructLayouts(KapiArchitecture.X86);
    [CrossArchFact(KapiArchitecture.Arm)] public void StructLayouts_arm() => StructLayouts(KapiArchitecture.Arm);
    [CrossArchFact(KapiArchitecture.Arm64)] public void StructLayouts_arm64() => StructLayouts(KapiArchitecture.Arm64);
    [CrossArchFact(KapiArchitecture.Ppc64le)] public void StructLayouts_ppc64le() => StructLayouts(KapiArchitecture.Ppc64le);
    [CrossArchFact(KapiArchitecture.S390x)] public void StructLayouts_s390x() => StructLayouts(KapiArchitecture.S390x);
    [CrossArchFact(KapiArchitecture.RiscV64)] public void StructLayouts_riscv64() => StructLayouts(KapiArchitecture.RiscV64);
    [CrossArchFact(KapiArchitecture.LoongArch64)] public void StructLayouts_loongarch64() => StructLayouts(KapiArchitecture.LoongArch64);

    /// <summary>The fields of <see cref="UapiStructFields"/> (tag, field).</summary>
    private static readonly (string Tag, string Field)[] s_fields =
    {
        ("binder_write_read", "write_size"), ("binder_write_read", "write_consumed"), ("binder_write_read", "write_buffer"),
        ("binder_write_read", "read_size"), ("binder_write_read", "read_consumed"), ("binder_write_read", "read_buffer"),
        ("fwctl_info", "size"), ("fwctl_info", "flags"), ("fwctl_info", "out_device_type"), ("fwctl_info", "device_data_len"),
        ("fwctl_info", "out_device_data"),
        ("fwctl_rpc", "size"), ("fwctl_rpc", "scope"), ("fwctl_rpc", "in_len"), ("fwctl_rpc", "out_len"), ("fwctl_rpc", "in"), ("fwctl_rpc", "out"),
    };

    /// <summary>
    /// Sizes, alignments and field offsets per architecture. Alignment is measured twice — C11 <c>_Alignof</c> and the offset
    /// of the type after a char in a struct — which must agree and equal the table (i386 aligns an 8-byte integer to 4 inside
    /// structs; arm EABI to 8). The probe objects' ELF class, machine and byte order are checked too (s390x is big-endian).
    /// </summary>
    private void StructLayouts(KapiArchitecture arch)
    {
        var tc = CrossToolchain.Require(arch);
        foreach (var (tag, _, _) in HeaderCrossCheckTests.s_types) Assert.True(UapiStructs.IsKnown(tag), $"UapiStructs has no entry for {tag}");

        static IEnumerable<ProbeLine> TypeLines(bool libc) => HeaderCrossCheckTests.s_types.Where(t => t.Libc == libc)
            .Select(t => new ProbeLine(t.Tag, new[] { $"sizeof({t.CType})", $"_Alignof({t.CType})", $"__builtin_offsetof(struct {{ char c; {t.CType} t; }}, t)" }, null, null));
        var uapiLines = TypeLines(libc: false).Concat(s_fields.Select(f => new ProbeLine($"{f.Tag}.{f.Field}", new[] { $"__builtin_offsetof(struct {f.Tag}, {f.Field})" }, null, null))).ToList();
        // the ABI facts the table's per-architecture columns rest on
        uapiLines.Add(new ProbeLine("abi:pointer", new[] { "sizeof(void *)" }, null, null));
        uapiLines.Add(new ProbeLine("abi:long", new[] { "sizeof(long)", "__builtin_offsetof(struct { char c; long t; }, t)" }, null, null));
        uapiLines.Add(new ProbeLine("abi:long long", new[] { "sizeof(long long)", "__builtin_offsetof(struct { char c; long long t; }, t)" }, null, null));
        // the kernel's sigset_t: _NSIG (64) bits in unsigned longs; UAPI headers of x86, arm, powerpc and s390 declare a legacy one-word sigset_t instead
        uapiLines.Add(new ProbeLine("sigset_t", new[] { "64 / 8", "__builtin_offsetof(struct { char c; unsigned long t[64 / (8 * sizeof(unsigned long))]; }, t)" }, null, null));

        using var dir = new TempDirectory();
        var uapi = ObjectProbe.Run(tc, dir.Path, "uapi-types", HeaderCrossCheckTests.s_uapiHeaders, uapiLines);
        var libc = ObjectProbe.Run(tc, dir.Path, "libc-types", new[] { "linux/videodev2.h" }, TypeLines(libc: true),
            extraFlags: tc.HasLibc ? null : FreestandingShim(dir.Path));

        var failures = new List<string>();
        var notChecked = new List<string>();
        int layouts = 0, fields = 0;

        Assert.True(uapi.Values.TryGetValue("abi:pointer", out long[]? ptr) && ptr[0] == arch.PointerSize(), $"{arch.RidName()}: sizeof(void *) is not {arch.PointerSize()}");
        long longLongAlign = uapi.Values["abi:long long"][1];
        long expectedLongLongAlign = arch == KapiArchitecture.X86 ? 4 : 8;
        if (longLongAlign != expectedLongLongAlign) failures.Add($"long long is aligned to {longLongAlign} inside structs, expected {expectedLongLongAlign}");

        foreach (var (tag, ctype, isLibc) in HeaderCrossCheckTests.s_types.Append(("sigset_t", "kernel sigset_t", false)))
        {
            var probe = isLibc ? libc : uapi;
            if (!probe.Values.TryGetValue(tag, out long[]? printed))
            {
                notChecked.Add(probe.Unevaluable.TryGetValue(tag, out string? why) ? $"{tag}: {why}" : tag);
                continue;
            }
            layouts++;
            bool hasSize = UapiStructs.TryGetSize(tag, arch, out long size);
            bool hasAlign = UapiStructs.TryGetAlignment(tag, arch, out long align);
            if (!hasSize || size != printed[0]) failures.Add($"sizeof({ctype}): table {(hasSize ? size.ToString(CultureInfo.InvariantCulture) : "unknown")}, headers {printed[0]}");
            if (!hasAlign || align != printed[^1]) failures.Add($"alignment of {ctype} in a struct: table {(hasAlign ? align.ToString(CultureInfo.InvariantCulture) : "unknown")}, headers {printed[^1]}");
            if (printed.Length == 3 && printed[1] != printed[2]) failures.Add($"{ctype}: _Alignof {printed[1]} but {printed[2]} inside a struct");
        }
        foreach (var (tag, field) in s_fields)
        {
            string key = $"{tag}.{field}";
            if (!uapi.Values.TryGetValue(key, out long[]? offset))
            {
                notChecked.Add(uapi.Unevaluable.TryGetValue(key, out string? why) ? $"{key}: {why}" : key);
                continue;
            }
            fields++;
            if (!UapiStructFields.TryGetOffset(tag, field, arch, out long expected) || expected != offset[0])
            {
                failures.Add($"offsetof(struct {tag}, {field}): table {(UapiStructFields.TryGetOffset(tag, field, arch, out long e) ? e.ToString(CultureInfo.InvariantCulture) : "unknown")}, headers {offset[0]}");
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{tc}: {layouts} of {HeaderCrossCheckTests.s_types.Length + 1} types (size and alignment) and {fields} of {s_fields.Length} field offsets compared; long long aligned to {longLongAlign} inside structs.");
        Section(report, "Not in these headers (newer UAPI than the headers)", notChecked);
        Section(report, "Differences", failures);
        _output.WriteLine(report.ToString());
        WriteSummary(arch, "structs", layouts, fields, notChecked.Count, failures.Count);

        Assert.True(layouts >= 20, $"{arch.RidName()}: only {layouts} types could be compared; are the UAPI headers installed?");
        Assert.True(failures.Count == 0, $"{failures.Count} layout difference(s) on {arch.RidName()}:\n" + string.Join("\n", failures));
    }

    // ---- the notes themselves ------------------------------------------------------------------------------------------

    [Fact]
    public void Header_notes_are_scoped_by_name_and_architecture()
    {
        Assert.Null(UapiConstants.GetHeaderNote("NO_SUCH_NAME", KapiArchitecture.X64));
        Assert.Null(UapiConstants.GetHeaderNote("O_CREAT", KapiArchitecture.Arm)); // the headers define it everywhere: no note
        Assert.NotNull(UapiConstants.GetHeaderNote("ERESTARTSYS", KapiArchitecture.Arm)); // kernel-internal: never in UAPI headers
        Assert.NotNull(UapiConstants.GetHeaderNote("SZ_4K", KapiArchitecture.S390x)); // prefix entry SZ_*
        Assert.NotNull(UapiConstants.GetHeaderNote("SIGRTMAX", KapiArchitecture.X86)); // per-architecture entry …
        Assert.Null(UapiConstants.GetHeaderNote("SIGRTMAX", KapiArchitecture.Arm64)); // … absent elsewhere
        Assert.NotNull(UapiConstants.GetHeaderNote("AF_INET", KapiArchitecture.LoongArch64));
        Assert.Null(UapiConstants.GetHeaderNote("AF_INET", KapiArchitecture.X64));
        Assert.Equal(new Version(6, 13), UapiConstants.GetAddedInLinux("MADV_GUARD_INSTALL"));
        Assert.Equal(new Version(6, 13), UapiConstants.GetAddedInLinux("RWF_NOSIGNAL")); // "after 6.12"
        Assert.Null(UapiConstants.GetAddedInLinux("ERESTARTSYS"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private static int LinuxVersion(Version v) => (v.Major << 16) + (v.Minor << 8) + Math.Max(v.Build, 0);

    private static string ShowVersion(int code) => $"{code >> 16}.{(code >> 8) & 0xFF}.{code & 0xFF}";

    private static string Show(long v) => HeaderCrossCheckTests.Show(v);

    private static void Section(StringBuilder sb, string title, IEnumerable<string> items) => HeaderCrossCheckTests.Section(sb, title, items);

    /// <summary>Appends one tab-separated line to <c>$KAPI_CROSS_REPORT/&lt;arch&gt;.&lt;check&gt;.tsv</c> when that variable is set.</summary>
    private static void WriteSummary(KapiArchitecture arch, string check, params long[] counts)
    {
        string? dir = Environment.GetEnvironmentVariable("KAPI_CROSS_REPORT");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, $"{arch.RidName()}.{check}.tsv"),
            string.Join("\t", counts.Select(c => c.ToString(CultureInfo.InvariantCulture))) + "\n");
    }
}
