using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Conformance.Tests;

/// <summary>
/// The same boundary cases, planned from the UPSTREAM specs in ../shared/corpus (read at run time) and sent to the
/// kernel through the same fixtures. Upstream disagreements are facts about those specs, listed in README; the test
/// fails when the set changes, so the list cannot rot.
/// </summary>
public sealed class UpstreamSpecConformanceTests
{
    private readonly ITestOutputHelper _output;

    public UpstreamSpecConformanceTests(ITestOutputHelper output) => _output = output;

    /// <summary>Upstream spec file, parameter value → what the kernel does instead. Kept in README too.</summary>
    private static readonly Dictionary<(string File, long Value), string> s_knownUpstream = new()
    {
        [("sys_mlockall.rfc1.kapi", 0)] = "valid_mask 0x7 admits 0, the kernel answers EINVAL (the text says 'Must specify MCL_CURRENT and/or MCL_FUTURE', the data cannot)",
        [("sys_mlockall.rfc1.kapi", 4)] = "valid_mask 0x7 admits MCL_ONFAULT alone, the kernel answers EINVAL",
        [("sys_mlockall.rfc2.kapi", 0)] = "valid_mask 0x7 admits 0, the kernel answers EINVAL",
        [("sys_mlockall.rfc2.kapi", 4)] = "valid_mask 0x7 admits MCL_ONFAULT alone, the kernel answers EINVAL",
    };

    static UpstreamSpecConformanceTests()
    {
        // every kernel-doc sys_open (RFC PATCH v5 … PATCH v4) declares a mask constraint over the O_* flags, but open(2)
        // ignores unknown flags (the spec's own text says so; its data cannot): bits outside the mask are not EINVAL
        foreach (var series in new[] { "rfc5", "v1", "v2", "v3", "v4" })
        {
            string file = $"sys_open.{series}.kdoc";
            s_knownUpstream[(file, 0x800000)] = "the first bit above valid-mask is ignored by the kernel, not EINVAL";
            s_knownUpstream[(file, -1)] = "all bits set: the kernel ignores the unknown ones (ENOTDIR from O_DIRECTORY), not EINVAL";
            s_knownUpstream[(file, unchecked((long)0xffffffffff80003cUL))] = "the complement of valid-mask is ignored by the kernel, not EINVAL";
        }
    }

    [CorpusFact]
    public void Upstream_specs_against_the_kernel()
    {
        string corpus = RepositoryPaths.CorpusDir;
        var launcher = new ChildProcessLauncher("dotnet", Path.Combine(AppContext.BaseDirectory, "kapi.dll"), "conform", "--child");
        var found = new Dictionary<(string, long), string>();
        int ran = 0;
        var files = Directory.GetFiles(Path.Combine(corpus, "macro"), "sys_*.kapi")
            .Concat(Directory.Exists(Path.Combine(corpus, "kdoc")) ? Directory.GetFiles(Path.Combine(corpus, "kdoc"), "sys_*.kdoc") : [])
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            // file-scope arrays the block names live in corpus/aux
            string aux = string.Concat(Directory.GetFiles(Path.Combine(corpus, "aux")).OrderBy(f => f, StringComparer.Ordinal)
                .Where(a => text.Contains(Path.GetFileName(a).Split('.')[0], StringComparison.Ordinal)).Select(File.ReadAllText));
            var model = KapiDocument.Bind(aux + "\n" + text, Path.GetFileName(file));
            foreach (var spec in model.Specs)
            {
                var runtimeSpec = Kapi.Cli.Commands.ConformanceSpecs.FromModel(spec);
                foreach (var info in runtimeSpec.Parameters)
                {
                    if (ConformancePlanner.KindOf(info) == ConformancePlanner.ConstraintKind.None) continue;
                    var fixture = ConformanceFixtures.Find(spec.Name, info.Name ?? string.Empty);
                    if (fixture is null) continue;
                    foreach (var c in ConformancePlanner.Plan(runtimeSpec, info))
                    {
                        if (fixture.Skips.ContainsKey(c.Label)) continue;
                        int errno = fixture.RunInChildProcess
                            ? launcher.Run(c.Api, c.Parameter, c.Value, dropIpcLock: true, memlockBytes: 64 * 1024)
                            : fixture.Invoke(c.Value);
                        ran++;
                        bool kernelRejects = errno == ErrnoNames.EINVAL;
                        if (kernelRejects == c.SpecAccepts && !fixture.KnownDisagreements.ContainsKey(c.Label))
                        {
                            string line = $"{Path.GetFileName(file)}: {c.Api}({c.Parameter} = {c.Label} = 0x{c.Value:x}): spec expects {c.Expected}, kernel returned {ErrnoNames.Name(errno)}";
                            _output.WriteLine(line);
                            found[(Path.GetFileName(file), c.Value)] = line;
                        }
                    }
                }
            }
        }
        _output.WriteLine($"{ran} upstream cases run");
        Assert.True(ran > 20, "too few upstream cases ran");
        Assert.Equal(s_knownUpstream.Keys.OrderBy(k => k.File).ThenBy(k => k.Value), found.Keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2));
    }

}
