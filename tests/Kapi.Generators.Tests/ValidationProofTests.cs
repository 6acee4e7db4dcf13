using System;
using System.Collections.Generic;
using Kapi.Generators.Tests.Infrastructure;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// Proves that runtime validation rejects invalid arguments without entering the kernel. The generated bindings are
/// compiled into their own assembly whose DllImport resolver counts every attempt to bind a native function and
/// refuses it (P/Invoke targets are bound lazily, at the first call that reaches them). With validation on, invalid
/// flags come back as a typed EINVAL with zero bind attempts; a valid call does reach the resolver, so the counter is
/// live. With validation off, the same invalid flags reach native code, and against the real libc the kernel's own
/// EINVAL comes back.
/// </summary>
public class ValidationProofTests
{
    private const string Flags = "Kapi.Generated.MlockallFlags";
    private const string Syscalls = "Kapi.Generated.Syscalls";

    public static IEnumerable<object[]> InvalidFlags => new[]
    {
        new object[] { 0L },   // nothing set
        new object[] { 4L },   // MCL_ONFAULT alone: caught by the required mask
        new object[] { 8L },   // outside the valid mask
        new object[] { -1L },  // every bit
    };

    private static LoadedBindings Load(bool validation, bool blockNative) => LoadedBindings.Compile(
        "/specs/mlockall.kapi",
        TestSpecs.Mlockall,
        new Dictionary<string, string> { ["KapiRuntimeValidation"] = validation ? "true" : "false" },
        blockNative);

    private static Exception? Unwrap(Exception? e)
    {
        while (e is TypeInitializationException or System.Reflection.TargetInvocationException && e.InnerException is not null) e = e.InnerException;
        return e;
    }

    [Theory]
    [MemberData(nameof(InvalidFlags))]
    public void ValidationOn_RejectsWithoutTheSyscall(long flags)
    {
        using var b = Load(validation: true, blockNative: true);
        var result = b.Call(Syscalls, "Mlockall", b.Enum(Flags, flags));
        Assert.Equal(true, LoadedBindings.Get(result, "IsError"));
        Assert.Equal(22, LoadedBindings.Get(result, "Errno"));
        Assert.Equal("EINVAL", LoadedBindings.Get(result, "Error")!.ToString());
        Assert.Equal(0, b.NativeBindAttempts);

        // Control: a valid call does try to reach native code.
        var blocked = Record.Exception(() => b.Call(Syscalls, "Mlockall", b.Enum(Flags, 1 | 4)));
        Assert.IsType<NativeCallBlockedException>(Unwrap(blocked));
        Assert.Equal(1, b.NativeBindAttempts);
    }

    [Theory]
    [MemberData(nameof(InvalidFlags))]
    public void ValidationOff_PassesInvalidFlagsToTheKernel(long flags)
    {
        using (var blocked = Load(validation: false, blockNative: true))
        {
            var e = Record.Exception(() => blocked.Call(Syscalls, "Mlockall", blocked.Enum(Flags, flags)));
            Assert.IsType<NativeCallBlockedException>(Unwrap(e));
            Assert.Equal(1, blocked.NativeBindAttempts);
        }

        using var real = Load(validation: false, blockNative: false);
        var result = real.Call(Syscalls, "Mlockall", real.Enum(Flags, flags));
        Assert.Equal(true, LoadedBindings.Get(result, "IsError"));
        Assert.Equal(22, LoadedBindings.Get(result, "Errno"));   // the kernel's EINVAL
        Assert.Equal("EINVAL", LoadedBindings.Get(result, "Error")!.ToString());
    }

    [Fact]
    public void ValidationOff_GeneratesNoChecks()
    {
        var off = GeneratorHarness.Run(new[] { ("/specs/mlockall.kapi", TestSpecs.Mlockall) }, new Dictionary<string, string> { ["KapiRuntimeValidation"] = "false" });
        var on = GeneratorHarness.Run(new[] { ("/specs/mlockall.kapi", TestSpecs.Mlockall) });
        Assert.DoesNotContain("__v_flags", off.Source("Kapi.Spec.SysMlockall.g.cs"), StringComparison.Ordinal);
        Assert.Contains("__v_flags", on.Source("Kapi.Spec.SysMlockall.g.cs"), StringComparison.Ordinal);
    }
}
