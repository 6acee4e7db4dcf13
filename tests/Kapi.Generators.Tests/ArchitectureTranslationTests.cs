using System;
using System.Collections.Generic;
using System.Linq;
using Kapi.Architectures;
using Kapi.Generators.Tests.Generated;
using Kapi.Generators.Tests.Infrastructure;
using Kapi.Runtime;
using Xunit;
using KapiArchitecture = Kapi.Runtime.KapiArchitecture;
using ModelArchitecture = Kapi.Architectures.KapiArchitecture;

namespace Kapi.Generators.Tests;

/// <summary>
/// Portable → native translation, simulated for every architecture through the generated
/// <c>TryToNative(value, architecture, out native)</c> overloads, checked against the front end's UAPI table.
/// </summary>
public class ArchitectureTranslationTests
{
    public static IEnumerable<object[]> Architectures => Enum.GetValues<KapiArchitecture>().Select(a => new object[] { a });

    private static long Native(string constant, KapiArchitecture arch) =>
        UapiConstants.TryGetValue(constant, (ModelArchitecture)(int)arch, out var v) ? v : throw new InvalidOperationException(constant + " undefined on " + arch);

    [Fact]
    public void ArchitectureEnums_Agree()
    {
        Assert.Equal(KapiArchitectures.All.Select(a => a.RidName()), Enum.GetValues<KapiArchitecture>().Select(a => a.RidName()));
        Assert.Equal(KapiArchitecture.X64, KapiPlatform.Architecture); // this machine
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Mlockall_Flags_TranslateOnEveryArchitecture(KapiArchitecture arch)
    {
        Assert.True(MlockallFlagsInfo.TryToNative(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT, arch, out int native));
        Assert.Equal(Native("MCL_CURRENT", arch) | Native("MCL_ONFAULT", arch), native);
        Assert.True(MlockallFlagsInfo.TryToNative(MlockallFlags.MCL_FUTURE, arch, out native));
        Assert.Equal(Native("MCL_FUTURE", arch), native);
        Assert.True(MlockallFlagsInfo.TryToNative(0, arch, out native));
        Assert.Equal(0, native);
        if (arch == KapiArchitecture.Ppc64le)
        {
            Assert.Equal(0x2000 | 0x8000, MlockallFlagsInfo.TryToNative(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT, arch, out native) ? native : -1);
            // An unknown portable bit cannot be translated: the wrapper answers EINVAL instead of sending a wrong bit.
            Assert.False(MlockallFlagsInfo.TryToNative((MlockallFlags)8, arch, out _));
        }
        else
        {
            // Identity architectures pass unknown bits through; the kernel (or validation) rejects them.
            Assert.True(MlockallFlagsInfo.TryToNative((MlockallFlags)8, arch, out native));
            Assert.Equal(8, native);
        }
    }

    [Fact]
    public void RunningArchitecture_UsesThePortableValues()
    {
        Assert.True(MlockallFlagsInfo.TryToNative(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT, out int native));
        Assert.Equal(Native("MCL_CURRENT", KapiPlatform.Architecture) | Native("MCL_ONFAULT", KapiPlatform.Architecture), native);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void OpenAt_FlagsAndAccessModeField_TranslateOnEveryArchitecture(KapiArchitecture arch)
    {
        using var b = LoadedBindings.Compile("/specs/openat.kapi", TestSpecs.OpenAt);
        const string info = "Kapi.Generated.OpenatFlagsInfo";
        const string flags = "Kapi.Generated.OpenatFlags";
        long portable = 0x2 /* O_RDWR */ | 0x4000 /* O_DIRECT */ | 0x10000 /* O_DIRECTORY */ | 0x80000 /* O_CLOEXEC */ | 0x40 /* O_CREAT */;
        var args = new object?[] { b.Enum(flags, portable), arch, null };
        Assert.Equal(true, b.Type(info).GetMethod("TryToNative", new[] { b.Type(flags), typeof(KapiArchitecture), typeof(int).MakeByRefType() })!.Invoke(null, args));
        long expected = Native("O_RDWR", arch) | Native("O_DIRECT", arch) | Native("O_DIRECTORY", arch) | Native("O_CLOEXEC", arch) | Native("O_CREAT", arch);
        Assert.Equal(expected, (int)args[2]!);

        // An access mode outside the enumerated field (3) is rejected on translating architectures.
        args = new object?[] { b.Enum(flags, 3), arch, null };
        var ok = (bool)b.Type(info).GetMethod("TryToNative", new[] { b.Type(flags), typeof(KapiArchitecture), typeof(int).MakeByRefType() })!.Invoke(null, args)!;
        Assert.Equal(arch is KapiArchitecture.Arm or KapiArchitecture.Arm64 or KapiArchitecture.Ppc64le ? false : true, ok);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void OpenAt_Errno_TranslatesToPortableNumbers(KapiArchitecture arch)
    {
        using var b = LoadedBindings.Compile("/specs/openat.kapi", TestSpecs.OpenAt);
        long nativeDeadlock = Native("EDEADLOCK", arch);
        var method = b.Type("Kapi.Generated.Syscalls").GetMethod("__Openat_FromErrno", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static, new[] { typeof(int), typeof(KapiArchitecture) });
        if (arch == KapiArchitecture.Ppc64le)
        {
            Assert.Equal(58, nativeDeadlock);
            Assert.Equal("EDEADLOCK", method!.Invoke(null, new object[] { 58, arch })!.ToString());
            Assert.Equal("EINVAL", method.Invoke(null, new object[] { 22, arch })!.ToString());
        }
        else
        {
            Assert.Equal(35, nativeDeadlock);
        }
    }
}
