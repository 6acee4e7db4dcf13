using System.Text.RegularExpressions;
using Kapi.Model;
using Kapi.Text;
using Xunit.Abstractions;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// Every upstream kernel-doc spec of the shared corpus (RFC v3 … PATCH v4, all three dialects) binds without a
/// diagnostic, and the model holds as many items of each kind as the comment writes: counted here from the text
/// with a line pattern, independently of the reader.
/// </summary>
public partial class KerneldocCorpusTests(ITestOutputHelper output)
{
    private static string KdocDir => Path.Combine(RepositoryPaths.CorpusDir, "kdoc");

    public static TheoryData<string> KdocFiles()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(KdocDir))
        {
            foreach (var f in Directory.GetFiles(KdocDir, "*.kdoc").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        }
        else
        {
            data.Add("(corpus absent)");
        }
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(KdocFiles))]
    public void Kerneldoc_spec_binds_without_diagnostics_and_with_every_item(string fileName)
    {
        string text = File.ReadAllText(Path.Combine(KdocDir, fileName));
        var model = KapiDocument.Bind(text, fileName);
        var source = new KapiSourceText(text, fileName);
        foreach (var d in model.Diagnostics) output.WriteLine(d.Format(source));

        Assert.Empty(model.Diagnostics);
        var spec = Assert.Single(model.Specs);
        Assert.Equal(fileName.Split('.')[0], spec.Name);

        // the signature says how many parameters there are
        int declared = int.Parse(SyscallDefine().Match(text).Groups[1].Value);
        Assert.Equal(declared, spec.Params.Count);
        Assert.All(spec.Params, p => Assert.False(string.IsNullOrEmpty(p.Description), $"parameter {p.Name} has no description"));

        Assert.Equal(Count(text, "error", "error-code"), spec.Errors.Count);
        Assert.Equal(Count(text, "lock"), spec.Locks.Count);
        Assert.Equal(Count(text, "signal"), spec.Signals.Count);
        Assert.Equal(Count(text, "capability"), spec.Capabilities.Count);
        Assert.Equal(Count(text, "side-effect"), spec.SideEffects.Count);
        Assert.Equal(Count(text, "state-trans"), spec.StateTransitions.Count);
        Assert.Equal(Count(text, "constraint"), spec.Constraints.Count);
        Assert.Equal(Count(text, "struct"), spec.StructSpecs.Count);

        // the headline's summary is the description (sys_open - Open or create a file)
        string headline = text.Split('\n').First(l => l.StartsWith(" * " + spec.Name + " - ", StringComparison.Ordinal));
        Assert.Equal(headline.Substring((" * " + spec.Name + " - ").Length).Trim(), spec.Description);

        // every spec states its long description, its contexts and its return
        Assert.False(string.IsNullOrEmpty(spec.LongDescription));
        Assert.NotNull(spec.ContextFlags);
        Assert.NotNull(spec.Return);
        Assert.All(spec.Errors, e => Assert.True(e.Code?.X64 < 0, $"{e.Name} has no negative errno"));
    }

    [CorpusFact]
    public void Kerneldoc_values_bind_to_the_numbers_they_name()
    {
        var mlock = SpecOf("sys_mlock.rfc4.kdoc");
        Assert.Equal(["ENOMEM", "EPERM", "EINVAL", "EAGAIN", "EINTR", "EFAULT"], mlock.Errors.Select(e => e.Name));
        Assert.Equal(-12, mlock.Errors[0].Code?.X64);
        Assert.Equal(14, Assert.Single(mlock.Capabilities).Capability?.X64); // CAP_IPC_LOCK
        Assert.Equal(["start", "len"], mlock.Params.Select(p => p.Name));
        Assert.Equal(["unsigned long", "size_t"], mlock.Params.Select(p => p.CTypeName));

        // the gen-1 flat form says the same things as the gen-2 blocks
        var rfc3 = SpecOf("sys_mlock.rfc3.kdoc");
        Assert.Equal(mlock.Errors.Select(e => e.Name), rfc3.Errors.Select(e => e.Name));
        Assert.Equal(mlock.Params.Select(p => p.ConstraintType), rfc3.Params.Select(p => p.ConstraintType));
        Assert.Equal(mlock.Signals[0].SignalName, rfc3.Signals[0].SignalName);
        Assert.Equal(mlock.Capabilities[0].Action, rfc3.Capabilities[0].Action);
    }

    private static ApiSpec SpecOf(string fileName)
    {
        var model = KapiDocument.Bind(File.ReadAllText(Path.Combine(KdocDir, fileName)), fileName);
        return Assert.Single(model.Specs);
    }

    /// <summary>Top-level <c> * key:</c> lines of the comment with one of the keys.</summary>
    private static int Count(string text, params string[] keys) =>
        text.Split('\n').Count(line => keys.Any(k => line.StartsWith(" * " + k + ":", StringComparison.Ordinal)));

    [GeneratedRegex(@"SYSCALL_DEFINE(\d)\(")]
    private static partial Regex SyscallDefine();
}
