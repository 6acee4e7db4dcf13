using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Kapi.Architectures;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Conformance.Tests;

/// <summary>
/// Every upper-case identifier in the shared corpus (<c>../shared/corpus/macro</c> and <c>aux</c>) that is a constant
/// must be in <see cref="UapiConstants"/>, and every type the corpus measures with sizeof/offsetof/__alignof__ must be in
/// <see cref="UapiStructs"/>. The identifiers that are not constants are listed here, each with the reason.
/// </summary>
public sealed class CorpusCoverageTests
{
    private readonly ITestOutputHelper _output;

    public CorpusCoverageTests(ITestOutputHelper output) => _output = output;

    /// <summary>Upper-case words of the corpus that are not numeric constants.</summary>
    private static readonly Dictionary<string, string> s_notConstants = new(StringComparer.Ordinal)
    {
        // spec-defining macros and kernel helper macros
        ["DEFINE_KERNEL_API_SPEC"] = "spec macro", ["DEFINE_KAPI_IOCTL_SPEC"] = "spec macro", ["DEFINE_SYSFS_API_SPEC"] = "spec macro",
        ["SYSCALL_DEFINE0"] = "macro", ["ARRAY_SIZE"] = "macro",
        // NULL is a null pointer constant, not a UAPI value (the evaluator treats it as 0)
        ["NULL"] = "pointer constant",
        // pseudo signal names used as KAPI_SIGNAL(…, 0, "NAME", …) strings; their signal number is 0
        ["ALL_HANDLERS"] = "pseudo signal", ["ANY"] = "pseudo signal", ["ANY_UNBLOCKED"] = "pseudo signal",
        ["BLOCKED_SIGNALS"] = "pseudo signal", ["FATAL"] = "pseudo signal", ["FATAL_SIGNALS"] = "pseudo signal",
        ["IGNORED_SIGNALS"] = "pseudo signal", ["PENDING_SIGNALS"] = "pseudo signal", ["REALTIME_SIGNALS"] = "pseudo signal",
        ["SIGALTSTACK"] = "pseudo signal", ["SIGNAL_MASK"] = "pseudo signal", ["TIMER_SIGNALS"] = "pseudo signal",
        // words in descriptions
        ["ADD"] = "prose", ["DEL"] = "prose", ["MOD"] = "prose", ["API"] = "prose", ["CRC"] = "prose", ["DAX"] = "prose",
        ["DIF"] = "prose", ["ELF"] = "prose", ["GID"] = "prose", ["UID"] = "prose", ["PID"] = "prose", ["IOCTL"] = "prose",
        ["IPC"] = "prose", ["LRU"] = "prose", ["LSM"] = "prose", ["OOM"] = "prose", ["PATH"] = "prose (PATH=/bin)",
        ["POSIX"] = "prose", ["RAM"] = "prose", ["RFC"] = "prose", ["RPC"] = "prose", ["SCSI"] = "prose", ["T10"] = "prose",
        ["TYPE1"] = "prose", ["VMA"] = "prose", ["Y2038"] = "prose",
    };

    /// <summary>Constants the corpus names that the table deliberately leaves out.</summary>
    private static readonly Dictionary<string, string> s_deliberatelyUnknown = new(StringComparer.Ordinal)
    {
        ["TIF_SIGPENDING"] = "thread-info flag bit number: differs per architecture and moved between kernel versions (generic TIF bits); only named in prose",
    };

    private static readonly Regex s_identifier = new(@"\b[A-Z_][A-Z0-9_]{2,}\b", RegexOptions.CultureInvariant);
    private static readonly Regex s_measured = new(@"\b(?:sizeof|offsetof|__alignof__|_Alignof)\s*\(\s*(?:struct\s+(?<tag>[A-Za-z_]\w*)|(?<type>[A-Za-z_]\w*)\s*\))", RegexOptions.CultureInvariant);

    [CorpusFact]
    public void EveryCorpusConstantIsInTheTable()
    {
        var files = CorpusFiles();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            foreach (Match m in s_identifier.Matches(File.ReadAllText(file)))
            {
                string name = m.Value;
                if (name.StartsWith("KAPI_", StringComparison.Ordinal) || s_notConstants.ContainsKey(name) || s_deliberatelyUnknown.ContainsKey(name)) continue;
                seen.Add(name);
                if (!UapiConstants.IsKnown(name)) unknown.Add(name);
            }
        }
        _output.WriteLine($"{files.Count} corpus files; {seen.Count} distinct constants named; deliberately absent: "
            + string.Join("; ", s_deliberatelyUnknown.Select(kv => kv.Key + " (" + kv.Value + ")")));
        Assert.True(seen.Count > 100, $"only {seen.Count} constants found in the corpus; wrong directory?");
        Assert.True(unknown.Count == 0, "corpus constants missing from UapiConstants: " + string.Join(", ", unknown));
    }

    [CorpusFact]
    public void EveryCorpusTypeIsInTheStructTable()
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in CorpusFiles())
        {
            foreach (Match m in s_measured.Matches(File.ReadAllText(file)))
            {
                string key = m.Groups["tag"].Success ? m.Groups["tag"].Value : m.Groups["type"].Value;
                // sizeof(sigmask) in the sample code measures a variable of type sigset_t
                if (!m.Groups["tag"].Success && key == "sigmask") continue;
                seen.Add(key);
                if (!UapiStructs.IsKnown(key)) missing.Add(key);
                else
                {
                    foreach (var arch in KapiArchitectures.All)
                    {
                        if (!UapiStructs.TryGetSize(key, arch, out long size) || size <= 0) missing.Add($"{key} (size on {arch.RidName()})");
                        if (!UapiStructs.TryGetAlignment(key, arch, out long align) || align <= 0) missing.Add($"{key} (alignment on {arch.RidName()})");
                    }
                }
            }
        }
        _output.WriteLine("types measured by the corpus: " + string.Join(", ", seen));
        Assert.True(seen.Count >= 10, $"only {seen.Count} measured types found in the corpus; wrong directory?");
        Assert.True(missing.Count == 0, "corpus types missing from UapiStructs: " + string.Join(", ", missing));
    }

    private static List<string> CorpusFiles()
    {
        string corpus = FindCorpus();
        var files = new[] { "macro", "aux" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(corpus, d)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 0, $"no corpus files under {corpus}");
        return files;
    }

    /// <summary>The shared corpus lives next to the repository (<c>../shared/corpus</c> from the repository root).</summary>
    private static string FindCorpus() => RepositoryPaths.CorpusDir;
}
