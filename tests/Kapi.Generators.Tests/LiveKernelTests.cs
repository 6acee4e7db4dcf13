using System;
using Kapi.Generators.Tests.Generated;
using Kapi.Runtime;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// The generated mlockall/munlockall bindings of this test project (its own kapi specs, consumed through
/// build/Kapi.props and an Analyzer reference, as a user would), called against the real kernel.
/// mlockall is only ever called with MCL_ONFAULT whenever MCL_CURRENT is set, so no page is faulted in.
/// </summary>
public class LiveKernelTests
{
    [Theory]
    [InlineData(0)]      // no flags
    [InlineData(4)]      // MCL_ONFAULT alone
    [InlineData(8)]      // a bit outside the mask
    [InlineData(-1)]     // every bit
    public void InvalidFlags_GiveTypedEinval(int flags)
    {
        var typed = Syscalls.Mlockall((MlockallFlags)flags);
        Assert.True(typed.IsError);
        Assert.Equal(MlockallError.EINVAL, typed.Error);
        Assert.Equal(22, typed.Errno);
        Assert.True(typed.IsSpecifiedError);

        var raw = Syscalls.Mlockall(flags); // the raw-integer overload
        Assert.Equal(typed, raw);

        var ex = Assert.Throws<KapiSyscallException>(() => Syscalls.MlockallOrThrow((MlockallFlags)flags));
        Assert.Equal("EINVAL", ex.ErrorName);
        Assert.Equal(22, ex.Errno);
        Assert.Equal("sys_mlockall", ex.Api);
        var spec = KernelApiSpecs.SysMlockall.FindError("EINVAL")!;
        Assert.Contains(spec.Description!, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrentOnFault_Succeeds_ThenMunlockall()
    {
        var locked = Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT);
        try
        {
            Assert.True(locked.IsSuccess, locked.ToString());
            Assert.Equal(0, locked.Errno);
        }
        finally
        {
            var unlocked = Syscalls.Munlockall();
            Assert.True(unlocked.IsSuccess, unlocked.ToString());
        }
        Syscalls.MunlockallOrThrow();
    }

    [Fact]
    public void Metadata_IsQueryableAtRunTime()
    {
        var spec = KernelApiSpecs.Get("sys_mlockall");
        Assert.Same(spec, KernelApiSpecs.Find("mlockall"));
        Assert.Same(spec, KernelApiSpecs.SysMlockall);
        Assert.Contains(spec, KernelApiSpecs.All);
        Assert.True(KernelApiSpecs.TryGet("sys_munlockall", out var munlockall));
        Assert.Equal("sys_munlockall", munlockall!.Name);
        Assert.Null(KernelApiSpecs.Find("sys_no_such_call"));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => KernelApiSpecs.Get("nope"));

        Assert.Equal("Syscalls.Mlockall", spec.BindingMethod);
        var flags = Assert.Single(spec.Parameters);
        Assert.Equal("flags", flags.Name);
        Assert.Equal(new[] { "MCL_CURRENT", "MCL_FUTURE", "MCL_ONFAULT" }, System.Linq.Enumerable.Select(flags.MaskFlags, f => f.Name));
        Assert.Equal(0x7, flags.ValidMask!.PortableValue);
        Assert.Equal(0xE000, flags.ValidMask.GetValue(KapiArchitecture.Ppc64le));
        Assert.Contains(spec.Errors, e => e.Name == "EINVAL");
    }

    [Fact]
    public void KapiFlagsAttribute_IsOnBothOverloads()
    {
        foreach (var method in typeof(Syscalls).GetMethods())
        {
            if (method.Name is not (nameof(Syscalls.Mlockall) or nameof(Syscalls.MlockallOrThrow))) continue;
            var syscall = (KapiSyscallAttribute)Attribute.GetCustomAttribute(method, typeof(KapiSyscallAttribute))!;
            Assert.Equal("sys_mlockall", syscall.Api);
            var attr = (KapiFlagsAttribute)Attribute.GetCustomAttribute(method.GetParameters()[0], typeof(KapiFlagsAttribute))!;
            Assert.Equal("sys_mlockall", attr.Api);
            Assert.Equal("flags", attr.Parameter);
            Assert.Equal(0x7, attr.ValidMask);
            Assert.Equal("MCL_", attr.FlagPrefix);
        }
    }
}
