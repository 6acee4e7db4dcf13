using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Kapi.Conformance.Tests;

/// <summary>One value (or tuple of values) a probe program prints as <c>KEY v1 v2 …</c>.</summary>
/// <param name="Key">The name printed first on the output line.</param>
/// <param name="Expressions">C expressions, each printed as <c>(long long)(expr)</c>.</param>
/// <param name="IfdefMacro">When set, the line is compiled only under <c>#ifdef IfdefMacro</c> and prints <c>KEY MISSING</c> otherwise.</param>
/// <param name="HasIncludeGuard">When set, the line is compiled only if <c>__has_include(&lt;header&gt;)</c>.</param>
internal sealed record ProbeLine(string Key, IReadOnlyList<string> Expressions, string? IfdefMacro, string? HasIncludeGuard);

/// <summary>What a probe program printed.</summary>
internal sealed class ProbeResult
{
    public ProbeResult(string program) => Program = program;

    public string Program { get; }

    /// <summary>Key -> printed values.</summary>
    public Dictionary<string, long[]> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys whose macro (or header) is absent.</summary>
    public HashSet<string> Missing { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys the compiler could not evaluate (e.g. an enum the header lacks, or a macro that expands to kernel-only names), with gcc's message.</summary>
    public Dictionary<string, string> Unevaluable { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Writes a C program that prints the values of macros/expressions, compiles it with gcc and runs it.
/// A line the compiler rejects (an undeclared enumerator, a macro that expands to kernel-internal names …)
/// is replaced by <c>KEY UNEVALUABLE</c> and the program recompiled, so one bad name never hides the others;
/// an error anywhere else (in a header) fails the test with gcc's output.
/// </summary>
internal static class CProbe
{
    private const int MaxAttempts = 30;

    public static string? FindGcc()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "gcc");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string RequireGcc()
    {
        string? gcc = FindGcc();
        if (gcc is null)
        {
            Assert.Fail("gcc was not found on PATH. The header cross-check compiles a C program against the system headers "
                + "(libc and linux UAPI headers, e.g. Debian/Ubuntu packages gcc, libc6-dev and linux-libc-dev) and cannot run without it.");
        }
        return gcc!;
    }

    public static ProbeResult Run(string gcc, string workDir, string program, IEnumerable<string> headers, IEnumerable<ProbeLine> lines, string? extraPrologue = null)
    {
        var all = lines.ToList();
        var unevaluable = new Dictionary<string, string>(StringComparer.Ordinal);
        string source = Path.Combine(workDir, program + ".c");
        string exe = Path.Combine(workDir, program);
        for (int attempt = 1; ; attempt++)
        {
            var lineToKey = new Dictionary<int, string>();
            File.WriteAllText(source, Generate(headers, all, unevaluable, extraPrologue, lineToKey));
            var (code, _, stderr) = Exec(gcc, new[] { "-std=gnu11", "-w", "-o", exe, source }, TimeSpan.FromMinutes(3));
            if (code == 0) break;

            var newlyBad = new Dictionary<string, string>(StringComparer.Ordinal);
            var unmapped = new List<string>();
            var errorLine = new Regex("^(?<file>[^:\\n]+):(?<line>\\d+):\\d+: (?:fatal )?error: (?<msg>.*)$", RegexOptions.Multiline);
            foreach (Match m in errorLine.Matches(stderr))
            {
                int lineNo = int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture);
                if (Path.GetFullPath(m.Groups["file"].Value) == Path.GetFullPath(source) && lineToKey.TryGetValue(lineNo, out string? key))
                {
                    if (!newlyBad.ContainsKey(key)) newlyBad[key] = m.Groups["msg"].Value.Trim();
                }
                else
                {
                    unmapped.Add(m.Value);
                }
            }
            if (unmapped.Count > 0 || newlyBad.Count == 0 || attempt >= MaxAttempts)
            {
                Assert.Fail($"gcc could not compile the '{program}' probe (attempt {attempt}); errors outside the probe lines:\n"
                    + string.Join("\n", unmapped.DefaultIfEmpty("(none)")) + "\n--- gcc output ---\n" + Truncate(stderr, 8000));
            }
            foreach (var kv in newlyBad) unevaluable[kv.Key] = kv.Value;
        }

        var (runCode, stdout, runErr) = Exec(exe, Array.Empty<string>(), TimeSpan.FromMinutes(1));
        Assert.True(runCode == 0, $"the '{program}' probe exited with {runCode}: {runErr}");

        var result = new ProbeResult(program);
        foreach (var kv in unevaluable) result.Unevaluable[kv.Key] = kv.Value;
        foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (parts[1] == "MISSING") { result.Missing.Add(parts[0]); continue; }
            if (parts[1] == "UNEVALUABLE") continue;
            result.Values[parts[0]] = parts.Skip(1).Select(p => long.Parse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
        }
        foreach (var l in all)
        {
            Assert.True(result.Values.ContainsKey(l.Key) || result.Missing.Contains(l.Key) || result.Unevaluable.ContainsKey(l.Key),
                $"the '{program}' probe printed nothing for {l.Key}");
        }
        return result;
    }

    private static string Generate(IEnumerable<string> headers, List<ProbeLine> lines, Dictionary<string, string> unevaluable, string? extraPrologue, Dictionary<int, string> lineToKey)
    {
        var sb = new StringBuilder();
        int lineNo = 0;
        void Emit(string text)
        {
            sb.Append(text).Append('\n');
            lineNo++;
        }

        Emit("/* generated by Kapi.Conformance.Tests */");
        if (extraPrologue is not null)
        {
            foreach (string l in extraPrologue.Split('\n')) Emit(l.TrimEnd('\r'));
        }
        Emit("#include <stdio.h>");
        foreach (string h in headers)
        {
            Emit($"#if __has_include(<{h}>)");
            Emit($"#include <{h}>");
            Emit("#endif");
        }
        Emit("int main(void)");
        Emit("{");
        foreach (var l in lines)
        {
            if (unevaluable.ContainsKey(l.Key))
            {
                Emit($"    printf(\"%s UNEVALUABLE\\n\", \"{l.Key}\");");
                continue;
            }
            string guard = l.IfdefMacro is not null ? $"#ifdef {l.IfdefMacro}" : l.HasIncludeGuard is not null ? $"#if __has_include(<{l.HasIncludeGuard}>)" : "#if 1";
            Emit(guard);
            string format = "%s" + string.Concat(Enumerable.Repeat(" %lld", l.Expressions.Count)) + "\\n";
            string args = string.Concat(l.Expressions.Select(e => $", (long long)({e})"));
            Emit($"    printf(\"{format}\", \"{l.Key}\"{args});");
            lineToKey[lineNo] = l.Key; // the printf is on line lineNo (1-based) of the file
            Emit("#else");
            Emit($"    printf(\"%s MISSING\\n\", \"{l.Key}\");");
            Emit("#endif");
        }
        Emit("    return 0;");
        Emit("}");
        return sb.ToString();
    }

    private static (int Code, string Stdout, string Stderr) Exec(string file, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C"; // plain ASCII quotes in gcc's messages
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            Assert.Fail($"{file} did not finish within {timeout.TotalSeconds} s");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s.Substring(0, max) + "\n…";
}

/// <summary>A temporary directory removed on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("kapi-conformance-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
