using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Kapi.Generators.Tests.Generated;
using Kapi.Generators.Tests.Infrastructure;
using Kapi.Runtime;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// What a wrapper's result says: −1 is a success only where the spec says so (a −1 with errno 0 is otherwise a
/// failure), an EINVAL of the wrapper's own validation is told apart from the kernel's, and the documentation
/// describes the wrapper's result rather than the kernel's return value.
/// </summary>
public class ResultSemanticsTests
{
    // libc's atoi returns -1 for "-1" and never touches errno: a -1 with whatever errno was before (0 here).
    private static string Atoi(string returnSpec) => $$"""
        DEFINE_KERNEL_API_SPEC(sys_atoi)
        	KAPI_DESCRIPTION("Converts a string to an int")
        	KAPI_PARAM(0, "nptr", "const char *", "The text")
        		.type = KAPI_TYPE_PATH,
        	KAPI_PARAM_END
        	KAPI_RETURN("int", "The number")
        {{returnSpec}}	KAPI_RETURN_END
        	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad", "Invalid argument.")
        KAPI_END_SPEC;

        """;

    private const string ErrorCheck = "\t\t.type = KAPI_TYPE_INT,\n\t\t.check_type = KAPI_RETURN_ERROR_CHECK,\n";

    private const string RangeWithMinusOne = "\t\t.type = KAPI_TYPE_INT,\n\t\t.check_type = KAPI_RETURN_RANGE,\n\t\t.success_min = -1,\n\t\t.success_max = 2147483647,\n";

    private static object? CallAtoiWithErrnoZero(LoadedBindings b, string text)
    {
        Marshal.SetLastSystemError(0);
        return b.Call("Kapi.Generated.Syscalls", "Atoi", text);
    }

    [Theory]
    [InlineData("error check", ErrorCheck, false)]
    [InlineData("no return check", "\t\t.type = KAPI_TYPE_INT,\n", false)]
    [InlineData("range holding -1", RangeWithMinusOne, true)]
    public void MinusOneWithErrnoZero_IsAFailure_UnlessTheSpecAllowsMinusOne(string what, string returnSpec, bool minusOneIsSuccess)
    {
        using var b = LoadedBindings.Compile("/specs/atoi.kapi", Atoi(returnSpec));
        var five = CallAtoiWithErrnoZero(b, "5");
        Assert.Equal(true, LoadedBindings.Get(five, "IsSuccess"));
        Assert.Equal(5, LoadedBindings.Get(five, "Value"));

        var minusOne = CallAtoiWithErrnoZero(b, "-1");
        Assert.True(minusOneIsSuccess == (bool)LoadedBindings.Get(minusOne, "IsSuccess")!, $"{what}: {minusOne}");
        if (minusOneIsSuccess)
        {
            Assert.Equal(-1, LoadedBindings.Get(minusOne, "Value"));
        }
        else
        {
            Assert.Equal(0, LoadedBindings.Get(minusOne, "Errno"));
            Assert.Equal(false, LoadedBindings.Get(minusOne, "IsRejectedBeforeCall"));
            Assert.Equal("Error(errno 0, not listed in the spec)", minusOne!.ToString());
        }
    }

    [Fact]
    public void ValidationRejection_IsMarked_AndTheKernelsEinvalIsNot()
    {
        // This project's own binding (validation on): 8 is outside the valid mask, so the kernel is not called.
        var rejected = Syscalls.Mlockall((MlockallFlags)8);
        Assert.Equal(MlockallError.EINVAL, rejected.Error);
        Assert.True(rejected.IsRejectedBeforeCall);
        Assert.Equal("Error(EINVAL, errno 22, rejected before the call)", rejected.ToString());
        var thrown = Assert.Throws<KapiSyscallException>(() => Syscalls.MlockallOrThrow((MlockallFlags)8));
        Assert.True(thrown.IsRejectedBeforeCall);
        Assert.StartsWith("sys_mlockall failed with EINVAL: ", thrown.Message, StringComparison.Ordinal);
        Assert.NotEqual(SyscallResult<MlockallError>.Failure(MlockallError.EINVAL, 22), rejected);

        // The same call with validation off: the kernel answers EINVAL itself.
        using var b = LoadedBindings.Compile("/specs/mlockall.kapi", TestSpecs.Mlockall, new Dictionary<string, string> { ["KapiRuntimeValidation"] = "false" });
        var kernel = b.Call("Kapi.Generated.Syscalls", "Mlockall", 8);
        Assert.Equal(22, LoadedBindings.Get(kernel, "Errno"));
        Assert.Equal(false, LoadedBindings.Get(kernel, "IsRejectedBeforeCall"));
        Assert.Equal("Error(EINVAL, errno 22)", kernel!.ToString());
    }

    [Fact]
    public void Returns_DescribesTheWrappersResult_AndTheRemarksQuoteTheKernelsReturnValue()
    {
        var source = GeneratorHarness.Run(new[] { ("/specs/mlockall.kapi", TestSpecs.Mlockall) }).Source("Kapi.Spec.SysMlockall.g.cs");
        Assert.Contains("/// <returns>Success when the call succeeded; otherwise the error, a <see cref=\"MlockallError\"/> with the errno. <c>IsRejectedBeforeCall</c> is true when the wrapper rejected the arguments itself (<c>EINVAL</c>) without calling the kernel.</returns>", source, StringComparison.Ordinal);
        Assert.Contains("/// <para>The system call's return value (spec): ", source, StringComparison.Ordinal);
        Assert.DoesNotContain("On failure the result holds", source, StringComparison.Ordinal);
    }
}
