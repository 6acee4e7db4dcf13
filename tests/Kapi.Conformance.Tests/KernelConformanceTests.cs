using System;
using System.IO;
using System.Linq;
using Kapi.Runtime.Metadata;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Conformance.Tests;

/// <summary>
/// Boundary values derived from every mask, enum and range constraint of the repository's spec library (kapi/),
/// sent to the running kernel through the generated bindings; the kernel's answer must match the spec.
/// mlockall runs in child processes (CAP_IPC_LOCK dropped, RLIMIT_MEMLOCK lowered) so the test process is never locked.
/// </summary>
public sealed class KernelConformanceTests
{
    private readonly ITestOutputHelper _output;

    public KernelConformanceTests(ITestOutputHelper output) => _output = output;

    private static ChildProcessLauncher Launcher()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "kapi.dll");
        Assert.True(File.Exists(cli), "kapi.dll (the CLI, used as the child process) is missing next to the tests: " + cli);
        foreach (var tool in new[] { "setpriv", "prlimit" })
        {
            Assert.True(File.Exists("/usr/bin/" + tool) || File.Exists("/bin/" + tool),
                $"{tool} (util-linux) is needed to run privilege and limit cases in a child process; .ci/run installs it");
        }
        return new ChildProcessLauncher("dotnet", cli, "conform", "--child");
    }

    [Fact]
    public void Every_constrained_parameter_agrees_with_the_kernel()
    {
        Assert.True(OperatingSystem.IsLinux());
        var results = new ConformanceRunner(Launcher()).Run();
        _output.WriteLine(ConformanceTable.Format(results));

        var failures = results.Where(r => r.Verdict == ConformanceVerdict.Fail).Select(r => r.Describe()).ToList();
        Assert.True(failures.Count == 0, "the kernel disagrees with the spec:\n" + string.Join("\n", failures));

        // the run must have exercised every fixture, with both accepted and rejected values
        foreach (var fixture in ConformanceFixtures.All)
        {
            var mine = results.Where(r => r.Case.Api == fixture.Api && r.Case.Parameter == fixture.Parameter).ToList();
            Assert.Contains(mine, r => r.Verdict == ConformanceVerdict.Pass && r.Case.SpecAccepts);
            // (a parameter whose unknown bits the kernel ignores, such as mmap's prot, has no rejected value)
            if (mine.Any(r => !r.Case.SpecAccepts)) Assert.Contains(mine, r => r.Verdict == ConformanceVerdict.Pass && !r.Case.SpecAccepts);
        }
        Assert.True(results.Count(r => r.Verdict == ConformanceVerdict.Pass) >= 120, "fewer passing cases than the spec library yields");
    }

    [Fact]
    public void Mlockall_gives_EPERM_and_ENOMEM_without_CAP_IPC_LOCK_in_a_child_process()
    {
        var results = new ConformanceRunner(Launcher()).RunPrivilegeCases();
        _output.WriteLine(ConformanceTable.Format(results));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(ConformanceVerdict.Pass, r.Verdict));
        Assert.Equal(new[] { ErrnoNames.EPERM, ErrnoNames.ENOMEM }, results.Select(r => r.Errno));
    }

    [Fact]
    public void Kapi_conform_prints_the_table_and_exits_zero()
    {
        // the CLI in-process (children are started from kapi.dll next to the tests)
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Kapi.Cli.KapiCli.Run(new[] { "conform", "sys_epoll_create1" }, stdout, stderr);
        _output.WriteLine(stdout.ToString());
        Assert.Equal(0, exit);
        Assert.Contains("syscall", stdout.ToString());
        Assert.Contains("sys_epoll_create1  flags = EPOLL_CLOEXEC", stdout.ToString());
        Assert.Matches(@"\d+ cases: \d+ pass, 0 fail", stdout.ToString());
    }
}

/// <summary>The planner's expectations come from the spec's data alone.</summary>
public sealed class ConformancePlannerTests
{
    private static KapiConstant C(long v) => KapiConstant.Uniform(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v);

    private static KapiNamedConstant N(string name, long v) => new(name, C(v));

    private static readonly KernelApiSpec Spec = new() { Name = "sys_test" };

    [Fact]
    public void Mask_with_required_bits_like_mlockall()
    {
        var p = new KapiParameterInfo
        {
            Name = "flags",
            ConstraintType = KapiConstant.Uniform("KAPI_CONSTRAINT_MASK", 2),
            ValidMask = C(7),
            MaskFlags = new[] { N("MCL_CURRENT", 1), N("MCL_FUTURE", 2), N("MCL_ONFAULT", 4) },
            RequiredMask = C(3),
        };
        var cases = ConformancePlanner.Plan(Spec, p).ToDictionary(c => c.Value, c => c.SpecAccepts);
        Assert.False(cases[0]);
        Assert.True(cases[1]);
        Assert.True(cases[2]);
        Assert.False(cases[4]);   // MCL_ONFAULT alone: no required bit
        Assert.True(cases[7]);    // full mask
        Assert.False(cases[8]);   // first bit above the mask
        Assert.False(cases[-1]);
        Assert.False(cases[~7L]); // complement
    }

    [Fact]
    public void Enumerated_field_plus_flags_like_open()
    {
        var p = new KapiParameterInfo
        {
            Name = "flags",
            ConstraintType = KapiConstant.Uniform("KAPI_CONSTRAINT_MASK", 2),
            ValidMask = C(0x40 | 0x80000),
            MaskFlags = new[] { N("O_CREAT", 0x40), N("O_CLOEXEC", 0x80000) },
            EnumMask = C(3),
            EnumValues = new[] { N("O_RDONLY", 0), N("O_WRONLY", 1), N("O_RDWR", 2) },
        };
        Assert.True(ConformancePlanner.Accepts(p, 2 | 0x40));
        Assert.False(ConformancePlanner.Accepts(p, 3));          // not in the field's list
        Assert.False(ConformancePlanner.Accepts(p, 0x100));      // a bit outside the mask
        Assert.Contains(ConformancePlanner.Plan(Spec, p), c => c.Label == "field value not in the list" && c.Value == 3 && !c.SpecAccepts);
        var ignoring = new KapiParameterInfo
        {
            Name = "flags",
            ConstraintType = p.ConstraintType,
            ValidMask = p.ValidMask,
            EnumMask = p.EnumMask,
            EnumValues = p.EnumValues,
            IgnoresUnknownBits = true,
        };
        Assert.True(ConformancePlanner.Accepts(ignoring, 0x100));
    }

    [Fact]
    public void Enumeration_and_range()
    {
        var op = new KapiParameterInfo
        {
            Name = "op",
            ConstraintType = KapiConstant.Uniform("KAPI_CONSTRAINT_ENUM", 3),
            EnumValues = new[] { N("ADD", 1), N("DEL", 2), N("MOD", 3) },
        };
        var cases = ConformancePlanner.Plan(Spec, op);
        Assert.Equal(new long[] { 1, 2, 3, 4, 0, -1 }, cases.Select(c => c.Value));
        Assert.Equal(new[] { true, true, true, false, false, false }, cases.Select(c => c.SpecAccepts));

        var range = new KapiParameterInfo
        {
            Name = "maxevents",
            CTypeName = "int",
            ConstraintType = KapiConstant.Uniform("KAPI_CONSTRAINT_RANGE", 1),
            MinValue = C(1),
            MaxValue = C(int.MaxValue),
        };
        var r = ConformancePlanner.Plan(Spec, range);
        Assert.Equal(new long[] { 1, int.MaxValue, 0 }, r.Select(c => c.Value)); // no max + 1 past INT_MAX
        Assert.Equal(new[] { true, true, false }, r.Select(c => c.SpecAccepts));
    }
}
