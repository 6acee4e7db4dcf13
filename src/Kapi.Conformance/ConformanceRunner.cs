using System.Diagnostics;
using System.Globalization;
using Kapi.Runtime.Metadata;

namespace Kapi.Conformance;

/// <summary>
/// Runs the boundary cases of every constrained parameter of the repository's spec library against the real kernel
/// and compares each answer with the spec.
/// </summary>
public sealed class ConformanceRunner
{
    private readonly ChildProcessLauncher? _launcher;

    /// <param name="launcher">Starts child processes for fixtures that must not run in this process; without one,
    /// those cases are reported as skipped.</param>
    public ConformanceRunner(ChildProcessLauncher? launcher) => _launcher = launcher;

    /// <summary>The specs the conformance run knows (the generated registry of kapi/).</summary>
    public static IReadOnlyList<KernelApiSpec> Specs => Bindings.KernelApiSpecs.All;

    public IReadOnlyList<ConformanceResult> Run(string? api = null) => Run(Specs, api);

    /// <summary>
    /// Runs the cases of <paramref name="specs"/> (the built-in library's, or specs read from files: upstream's, a
    /// user's) through the fixtures of the built-in library; a constrained parameter with no fixture is reported as
    /// skipped.
    /// </summary>
    public IReadOnlyList<ConformanceResult> Run(IEnumerable<KernelApiSpec> specs, string? api = null)
    {
        var results = new List<ConformanceResult>();
        foreach (var spec in specs.Where(s => api is null || s.Name == api || s.Name == "sys_" + api).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            foreach (var p in ConformancePlanner.ConstrainedParameters(spec))
            {
                var fixture = ConformanceFixtures.Find(spec.Name, p.Name ?? string.Empty);
                foreach (var c in ConformancePlanner.Plan(spec, p))
                {
                    results.Add(RunCase(c, fixture));
                }
            }
        }
        return results;
    }

    private ConformanceResult RunCase(ConformanceCase c, ConformanceFixture? fixture)
    {
        if (fixture is null)
        {
            return new ConformanceResult(c, -1, ConformanceVerdict.Skipped, "no fixture: the call needs context (a file, a mapping of a given kind) that conformance does not set up");
        }
        if (fixture.Skips.TryGetValue(c.Label, out var skip))
        {
            return new ConformanceResult(c, -1, ConformanceVerdict.Skipped, skip);
        }
        int errno;
        if (fixture.RunInChildProcess)
        {
            if (_launcher is null) return new ConformanceResult(c, -1, ConformanceVerdict.Skipped, "needs a child process and no launcher was given");
            errno = _launcher.Run(c.Api, c.Parameter, c.Value, dropIpcLock: true, memlockBytes: 64 * 1024);
        }
        else
        {
            errno = fixture.Invoke(c.Value);
        }
        bool kernelRejects = ConformancePlanner.IsEinval(errno);
        if (kernelRejects != c.SpecAccepts)
        {
            return new ConformanceResult(c, errno, ConformanceVerdict.Pass, null);
        }
        if (fixture.KnownDisagreements.TryGetValue(c.Label, out var why))
        {
            return new ConformanceResult(c, errno, ConformanceVerdict.KnownDisagreement, why);
        }
        return new ConformanceResult(c, errno, ConformanceVerdict.Fail, null);
    }

    /// <summary>
    /// mlockall's privilege and limit errors, each in a child process with CAP_IPC_LOCK dropped: RLIMIT_MEMLOCK 0 gives
    /// EPERM, a small RLIMIT_MEMLOCK with MCL_CURRENT gives ENOMEM. MCL_ONFAULT is always set, so nothing is populated.
    /// </summary>
    public IReadOnlyList<ConformanceResult> RunPrivilegeCases()
    {
        const long current = 0x1, onFault = 0x4;
        var cases = new (string Label, long Memlock, int Expected)[]
        {
            ("MCL_CURRENT | MCL_ONFAULT without CAP_IPC_LOCK, RLIMIT_MEMLOCK = 0", 0, ErrnoNames.EPERM),
            ("MCL_CURRENT | MCL_ONFAULT without CAP_IPC_LOCK, RLIMIT_MEMLOCK = 64 KiB", 64 * 1024, ErrnoNames.ENOMEM),
        };
        var results = new List<ConformanceResult>();
        foreach (var (label, memlock, expected) in cases)
        {
            var c = new ConformanceCase("sys_mlockall", "flags", label, current | onFault, SpecAccepts: true);
            if (_launcher is null)
            {
                results.Add(new ConformanceResult(c, -1, ConformanceVerdict.Skipped, "needs a child process and no launcher was given"));
                continue;
            }
            int errno = _launcher.Run(c.Api, c.Parameter, c.Value, dropIpcLock: true, memlockBytes: memlock);
            results.Add(new ConformanceResult(c with { Label = label + " → " + ErrnoNames.Name(expected) }, errno,
                errno == expected ? ConformanceVerdict.Pass : ConformanceVerdict.Fail,
                errno == expected ? null : $"spec lists {ErrnoNames.Name(expected)} for this situation"));
        }
        return results;
    }

}

/// <summary>
/// Starts a child process that runs one case: <c>[setpriv --bounding-set -ipc_lock --inh-caps -ipc_lock]
/// [prlimit --memlock=N:N] COMMAND API PARAMETER VALUE</c>, where COMMAND re-enters <see cref="ConformanceChild"/>
/// (for example <c>dotnet kapi.dll conform --child</c>). The child prints <c>errno=N</c>.
/// </summary>
public sealed class ChildProcessLauncher
{
    private readonly string[] _command;

    public ChildProcessLauncher(params string[] command) => _command = command;

    public int Run(string api, string parameter, long value, bool dropIpcLock, long? memlockBytes)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var args = new List<string>();
        if (dropIpcLock)
        {
            args.AddRange(new[] { "setpriv", "--bounding-set", "-ipc_lock", "--inh-caps", "-ipc_lock" });
        }
        if (memlockBytes is long m)
        {
            args.Add("prlimit");
            args.Add($"--memlock={m}:{m}");
        }
        args.AddRange(_command);
        args.AddRange(new[] { api, parameter, value.ToString(CultureInfo.InvariantCulture) });
        psi.FileName = args[0];
        foreach (var a in args.Skip(1)) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + psi.FileName);
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"conformance child for {api} did not finish: {string.Join(' ', args)}");
        }
        foreach (var line in stdout.Split('\n'))
        {
            if (line.StartsWith("errno=", StringComparison.Ordinal) && int.TryParse(line.AsSpan(6).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int errno))
            {
                return errno;
            }
        }
        throw new InvalidOperationException($"conformance child for {api} printed no result (exit {process.ExitCode}): {string.Join(' ', args)}\n{stdout}\n{stderr}");
    }
}

/// <summary>The child side: runs one fixture once and prints <c>errno=N</c>.</summary>
public static class ConformanceChild
{
    public static int Run(string api, string parameter, string value, TextWriter output)
    {
        var fixture = ConformanceFixtures.Find(api, parameter);
        if (fixture is null || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v))
        {
            output.WriteLine($"error=no fixture for {api}/{parameter} or bad value '{value}'");
            return 2;
        }
        int errno = fixture.Invoke(v);
        output.WriteLine("errno=" + errno.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
