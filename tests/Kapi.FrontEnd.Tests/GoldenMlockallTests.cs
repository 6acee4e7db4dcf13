using Kapi.Architectures;
using Kapi.Model;
using Kapi.Vocabulary;

namespace Kapi.FrontEnd.Tests;

/// <summary>Golden facts of the upstream RFC v1 sys_mlockall spec (the user's seed), read from ../shared/corpus.</summary>
public class GoldenMlockallTests
{
    private static ApiSpec Load()
    {
        var model = KapiDocument.Bind(File.ReadAllText(Path.Combine(RepositoryPaths.CorpusMacroDir, "sys_mlockall.rfc1.kapi")), "sys_mlockall.rfc1.kapi");
        Assert.False(model.HasErrors, string.Join("\n", model.Diagnostics));
        return Assert.Single(model.Specs);
    }

    [CorpusFact]
    public void Parameter_flags_has_the_valid_mask_per_architecture()
    {
        var spec = Load();
        Assert.Equal("sys_mlockall", spec.Name);
        Assert.Equal("mlockall", spec.ShortName);
        var p = Assert.Single(spec.Params);
        Assert.Equal("flags", p.Name);
        Assert.Equal("int", p.CTypeName);
        Assert.Equal(KapiParamType.Int, p.Type!.Value);
        Assert.Equal(KapiConstraintKind.Mask, p.ConstraintType!.Value);
        Assert.Equal(KapiParamFlags.In, p.Flags!.Value);
        Assert.Equal("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", p.ValidMask!.Expression);
        Assert.Equal(0x7, p.ValidMask[KapiArchitecture.X64]);
        Assert.Equal(0x7, p.ValidMask[KapiArchitecture.Arm64]);
        Assert.Equal(0xE000, p.ValidMask[KapiArchitecture.Ppc64le]);
        Assert.Equal(new[] { "MCL_CURRENT", "MCL_FUTURE", "MCL_ONFAULT" }, p.MaskFlags.Select(f => f.Name));
        Assert.Equal(0x2000, p.MaskFlags[0].Value[KapiArchitecture.Ppc64le]);
        Assert.Equal("Must specify MCL_CURRENT and/or MCL_FUTURE; MCL_ONFAULT can be OR'd", p.ConstraintText);
    }

    [CorpusFact]
    public void Errors_have_codes_and_texts()
    {
        var spec = Load();
        Assert.Equal(5, spec.Errors.Count);
        Assert.Equal(new long?[] { -22, -1, -12, -4, -11 }, spec.Errors.Select(e => e.Code![KapiArchitecture.X64]));
        Assert.Equal(new[] { "EINVAL", "EPERM", "ENOMEM", "EINTR", "EAGAIN" }, spec.Errors.Select(e => e.Name));
        Assert.Equal("Invalid flags", spec.Errors[0].Condition);
        Assert.StartsWith("Invalid combination of flags specified", spec.Errors[0].Description);
    }

    [CorpusFact]
    public void Sections_have_their_items()
    {
        var spec = Load();
        Assert.Equal(2, spec.Signals.Count);
        Assert.Equal("FATAL_SIGNALS", spec.Signals[0].SignalName);
        Assert.True(spec.Signals[0].Restartable);
        Assert.Equal("SIGBUS", spec.Signals[1].SignalName);
        Assert.Equal(7, spec.Signals[1].SignalNumber![KapiArchitecture.X64]);
        Assert.Equal("Current process", spec.Signals[1].Target);
        Assert.Equal(6, spec.SideEffects.Count);
        Assert.True(spec.SideEffects[0].Reversible);
        Assert.False(spec.SideEffects[3].Reversible);
        Assert.Equal(5, spec.StateTransitions.Count);
        Assert.Equal("swappable", spec.StateTransitions[0].FromState);
        Assert.Equal(2, spec.Locks.Count);
        Assert.Equal("mmap_lock", spec.Locks[0].Name);
        Assert.Equal(KapiLockType.RwLock, spec.Locks[0].LockType!.Value);
        Assert.Equal("lru_lock", spec.Locks[1].Name);
        Assert.Equal(KapiLockType.Spinlock, spec.Locks[1].LockType!.Value);
        // KAPI_LOCK_DESC given twice: the second wins
        Assert.Equal("Protects VMA modifications during mlockall operation", spec.Locks[0].Description);
        Assert.Equal("2.0", spec.SinceVersion);
        Assert.Equal(3, spec.Examples!.Split('\n').Length);
        Assert.StartsWith("Affects all current VMAs", spec.Notes);
        Assert.Equal(KapiContextFlags.Process | KapiContextFlags.Sleepable, spec.ContextFlags!.Value);
        Assert.Equal(0, spec.Return!.SuccessValue![KapiArchitecture.X64]);
        Assert.Contains(spec.DeclaredCounts, c => c.Field == "error_count" && c.Value == 5);
    }
}
