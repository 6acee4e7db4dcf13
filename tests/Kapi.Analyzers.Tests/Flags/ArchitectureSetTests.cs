using System.Collections.Generic;
using Kapi.Analyzers.Flags;
using Kapi.Architectures;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

public class ArchitectureSetTests
{
    [Fact]
    public void Enumerates_in_the_architectures_order_whatever_the_order_of_adding()
    {
        var set = ArchitectureSet.Of(KapiArchitecture.LoongArch64).With(KapiArchitecture.Arm64).With(KapiArchitecture.X86).With(KapiArchitecture.Arm64);
        var seen = new List<KapiArchitecture>();
        foreach (var arch in set) seen.Add(arch);
        Assert.Equal(new[] { KapiArchitecture.X86, KapiArchitecture.Arm64, KapiArchitecture.LoongArch64 }, seen);
        Assert.Equal(3, set.Count);
        Assert.Equal("x86, arm64, loongarch64", set.RidNames());
    }

    [Fact]
    public void All_holds_every_architecture_in_KapiArchitectures_order()
    {
        var seen = new List<KapiArchitecture>();
        foreach (var arch in ArchitectureSet.All) seen.Add(arch);
        Assert.Equal(KapiArchitectures.All, seen);
        Assert.Equal(KapiArchitectures.Count, ArchitectureSet.All.Count);
        Assert.True(ArchitectureSet.Empty.IsEmpty);
        Assert.Empty(ArchitectureSet.Empty.RidNames());
    }

    [Fact]
    public void Preferred_is_x64_when_held_else_the_first()
    {
        Assert.Equal(KapiArchitecture.X64, ArchitectureSet.All.Preferred);
        Assert.Equal(KapiArchitecture.Arm, ArchitectureSet.Of(KapiArchitecture.Ppc64le).With(KapiArchitecture.Arm).Preferred);
    }

    [Fact]
    public void Set_operations_and_equality()
    {
        var tmds = ArchitectureSet.Tmds;
        Assert.True(tmds.Contains(KapiArchitecture.Arm));
        Assert.False(tmds.Contains(KapiArchitecture.X86));
        Assert.Equal(ArchitectureSet.Of(KapiArchitecture.X64), tmds.Intersect(ArchitectureSet.Of(KapiArchitecture.X64).With(KapiArchitecture.X86)));
        Assert.Equal("arm, arm64", tmds.Except(ArchitectureSet.Of(KapiArchitecture.X64)).RidNames());
        Assert.True(tmds == ArchitectureSet.Of(KapiArchitecture.Arm64).With(KapiArchitecture.Arm).With(KapiArchitecture.X64));
        Assert.Equal(0, new ArchitectureSet(-1 << KapiArchitectures.Count).Bits); // bits past the last architecture are dropped
    }
}
