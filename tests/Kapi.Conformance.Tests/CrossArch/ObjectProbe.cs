using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Kapi.Architectures;
using Xunit;

namespace Kapi.Conformance.Tests.CrossArch;

/// <summary>
/// The compile-only counterpart of <see cref="CProbe"/>, in the manner of syzkaller's <c>syz-extract</c> and the kernel's
/// <c>asm-offsets</c>: the values are never printed by a running program (it is built for another architecture) but
/// compiled into a data section, <c>const long long kapi_probe[]</c> in <c>.kapi_probe</c>, which is read back from the object
/// file in the target's byte order (<see cref="ElfObject"/>). Each key takes <c>1 + n</c> slots: a state (1 defined,
/// 0 the <c>#ifdef</c> or <c>__has_include</c> guard failed) and its n expressions as <c>(long long)</c>.
/// A line the compiler rejects is replaced by a "not evaluable" row and the probe recompiled, as in <see cref="CProbe"/>.
/// </summary>
internal static class ObjectProbe
{
    private const int MaxAttempts = 40;
    private const long EndMarker = 0x4B41504950524F42; // "KAPIPROB"
    private const string Section = ".kapi_probe";

    public static ProbeResult Run(CrossToolchain tc, string workDir, string program, IEnumerable<string> headers, IEnumerable<ProbeLine> lines,
        string? extraPrologue = null, IReadOnlyList<string>? extraFlags = null)
    {
        var all = lines.ToList();
        var unevaluable = new Dictionary<string, string>(StringComparer.Ordinal);
        string source = Path.Combine(workDir, $"{program}-{tc.Arch.RidName()}.c");
        string obj = Path.ChangeExtension(source, ".o");
        for (int attempt = 1; ; attempt++)
        {
            var lineToKey = new Dictionary<int, string>();
            File.WriteAllText(source, Generate(tc, headers, all, unevaluable, extraPrologue, lineToKey));
            var args = new List<string>(tc.Flags);
            if (extraFlags is not null) args.AddRange(extraFlags);
            args.AddRange(new[] { "-std=gnu11", "-w", "-c", "-o", obj, source });
            var (code, stderr) = Compile(tc.Compiler, args);
            if (code == 0) break;

            var (bad, unmapped) = MapErrors(stderr, source, lineToKey);
            if (unmapped.Count > 0 || bad.Count == 0 || attempt >= MaxAttempts)
            {
                Assert.Fail($"{tc}: could not compile the '{program}' probe (attempt {attempt}); errors outside the probe lines:\n"
                    + string.Join("\n", unmapped.DefaultIfEmpty("(none)")) + "\n--- compiler output ---\n" + Truncate(stderr, 8000));
            }
            foreach (var kv in bad) unevaluable[kv.Key] = kv.Value;
        }

        var elf = new ElfObject(File.ReadAllBytes(obj));
        Assert.True(elf.Machine == tc.ElfMachine, $"{tc}: the probe object is for ELF machine {elf.Machine}, expected {tc.ElfMachine}");
        Assert.True(elf.Is64Bit == (tc.Arch is not (KapiArchitecture.X86 or KapiArchitecture.Arm)),
            $"{tc}: the probe object's ELF class does not match the architecture");
        Assert.True(elf.BigEndian == (tc.Arch == KapiArchitecture.S390x), $"{tc}: the probe object's byte order does not match the architecture");
        foreach (string s in elf.SectionNames)
        {
            Assert.False(s == ".rel" + Section || s == ".rela" + Section, $"{tc}: the probe section has relocations ({s}); its values are not plain integers");
        }
        long[] slots = elf.ReadInt64Section(Section);

        var result = new ProbeResult(program);
        int at = 0;
        foreach (var l in all)
        {
            Assert.True(at + 1 + l.Expressions.Count <= slots.Length, $"{tc}: the '{program}' probe section is shorter than its rows");
            long state = slots[at];
            if (unevaluable.TryGetValue(l.Key, out string? why))
            {
                Assert.True(state == 2, $"{tc}: row {l.Key} should be marked not evaluable");
                result.Unevaluable[l.Key] = why;
            }
            else if (state == 1)
            {
                result.Values[l.Key] = slots.AsSpan(at + 1, l.Expressions.Count).ToArray();
            }
            else
            {
                Assert.True(state == 0, $"{tc}: row {l.Key} has state {state}");
                result.Missing.Add(l.Key);
            }
            at += 1 + l.Expressions.Count;
        }
        Assert.True(at == slots.Length - 1 && slots[at] == EndMarker, $"{tc}: the '{program}' probe section does not end with its marker where expected");
        return result;
    }

    /// <summary>Runs the compiler's preprocessor over the headers and returns the names of the macros it ends up with (<c>-dM -E</c>).</summary>
    public static HashSet<string> DefinedMacros(CrossToolchain tc, string workDir, string program, IEnumerable<string> headers)
    {
        string source = Path.Combine(workDir, $"{program}-{tc.Arch.RidName()}.c");
        var sb = new StringBuilder();
        foreach (string h in headers) sb.Append("#include <").Append(h).Append(">\n");
        File.WriteAllText(source, sb.ToString());
        var args = new List<string>(tc.Flags) { "-std=gnu11", "-w", "-dM", "-E", source };
        var psi = Start(tc.Compiler, args);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + tc.Compiler);
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tc}: the preprocessor failed on {string.Join(", ", headers)}:\n{Truncate(stderr.GetAwaiter().GetResult(), 4000)}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(stdout, @"^#define (?<name>[A-Za-z_][A-Za-z0-9_]*)[ (]", RegexOptions.Multiline)) names.Add(m.Groups["name"].Value);
        return names;
    }

    private static string Generate(CrossToolchain tc, IEnumerable<string> headers, List<ProbeLine> lines, Dictionary<string, string> unevaluable,
        string? extraPrologue, Dictionary<int, string> lineToKey)
    {
        var sb = new StringBuilder();
        int lineNo = 0;
        void Emit(string text)
        {
            sb.Append(text).Append('\n');
            lineNo++;
        }

        Emit($"/* generated by Kapi.Conformance.Tests for {tc.Arch.RidName()}: compile only, values are read from section {Section} */");
        if (extraPrologue is not null)
        {
            foreach (string l in extraPrologue.Split('\n')) Emit(l.TrimEnd('\r'));
        }
        Emit($"#if !({tc.TargetCondition})");
        Emit($"#error \"kapi probe: this compiler does not target {tc.Arch.RidName()}\"");
        Emit("#endif");
        foreach (string h in headers)
        {
            Emit($"#if __has_include(<{h}>)");
            Emit($"#include <{h}>");
            Emit("#endif");
        }
        Emit($"__attribute__((used, section(\"{Section}\"))) const long long kapi_probe[] = {{");
        foreach (var l in lines)
        {
            string zeros = string.Concat(Enumerable.Repeat(" 0,", l.Expressions.Count));
            if (unevaluable.ContainsKey(l.Key))
            {
                Emit($"    2,{zeros} /* {l.Key}: not evaluable */");
                continue;
            }
            string guard = l.IfdefMacro is not null ? $"#ifdef {l.IfdefMacro}" : l.HasIncludeGuard is not null ? $"#if __has_include(<{l.HasIncludeGuard}>)" : "#if 1";
            Emit(guard);
            lineToKey[lineNo + 1] = l.Key; // the next line (1-based number lineNo + 1) holds the expressions
            Emit("    1," + string.Concat(l.Expressions.Select(e => $" (long long)({e}),")) + $" /* {l.Key} */");
            Emit("#else");
            Emit($"    0,{zeros}");
            Emit("#endif");
        }
        Emit($"    0x{EndMarker:X}LL");
        Emit("};");
        return sb.ToString();
    }

    /// <summary>
    /// Maps each error to the probe row it belongs to: its own location, or a note of the same diagnostic that points at
    /// the row ("in expansion of macro" / "expanded from macro" when the error is inside a header's macro).
    /// </summary>
    private static (Dictionary<string, string> Bad, List<string> Unmapped) MapErrors(string stderr, string source, Dictionary<int, string> lineToKey)
    {
        var bad = new Dictionary<string, string>(StringComparer.Ordinal);
        var unmapped = new List<string>();
        var loc = new Regex("^(?<file>[^:\\n]+):(?<line>\\d+):\\d+: (?<kind>fatal error|error|warning|note): (?<msg>.*)$");
        string? pendingError = null;
        string? pendingKey = null;

        void Flush()
        {
            if (pendingError is null) return;
            if (pendingKey is not null) { if (!bad.ContainsKey(pendingKey)) bad[pendingKey] = pendingError; }
            else unmapped.Add(pendingError);
            pendingError = null;
            pendingKey = null;
        }

        string full = Path.GetFullPath(source);
        foreach (string raw in stderr.Split('\n'))
        {
            var m = loc.Match(raw.TrimEnd('\r'));
            if (!m.Success) continue;
            string kind = m.Groups["kind"].Value;
            string? key = null;
            if (SameFile(m.Groups["file"].Value, full) && lineToKey.TryGetValue(int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), out string? k)) key = k;
            if (kind is "error" or "fatal error")
            {
                Flush();
                pendingError = m.Value;
                pendingKey = key;
                if (key is not null) pendingError = m.Groups["msg"].Value.Trim();
            }
            else if (kind == "note" && pendingError is not null && pendingKey is null && key is not null)
            {
                pendingKey = key;
                pendingError = pendingError.Substring(pendingError.IndexOf(": error: ", StringComparison.Ordinal) is int i and >= 0 ? i + 9 : 0).Trim();
            }
        }
        Flush();
        return (bad, unmapped);
    }

    private static bool SameFile(string path, string full)
    {
        try { return Path.GetFullPath(path) == full; } catch (ArgumentException) { return false; }
    }

    private static (int Code, string Stderr) Compile(string compiler, IReadOnlyList<string> args)
    {
        using var p = Process.Start(Start(compiler, args)) ?? throw new InvalidOperationException("could not start " + compiler);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)TimeSpan.FromMinutes(3).TotalMilliseconds))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            Assert.Fail($"{compiler} did not finish within 3 minutes");
        }
        p.WaitForExit();
        _ = stdout.GetAwaiter().GetResult();
        return (p.ExitCode, stderr.GetAwaiter().GetResult());
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C";
        return psi;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s.Substring(0, max) + "\n…";
}
