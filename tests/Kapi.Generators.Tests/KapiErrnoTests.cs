using System.Runtime.InteropServices;
using System.Threading;
using Kapi.Runtime;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// <see cref="KapiErrno.Read"/>, what the generated wrappers read errno with after a -1: always the value
/// <see cref="Marshal.GetLastSystemError"/> returns, on its first read (which binds libc's <c>__errno_location</c>),
/// on every later one, on any thread, and right after a failing native call; reading leaves errno as it was.
/// </summary>
public class KapiErrnoTests
{
    private static readonly int[] s_values = { 0, 22, 1, 9, 4095, int.MaxValue, -1, 0, 38 };

    [Fact]
    public void Read_GivesWhatGetLastSystemErrorGives_FirstReadAndAfter()
    {
        for (int round = 0; round < 3; round++)
        {
            foreach (int value in s_values)
            {
                Marshal.SetLastSystemError(value);
                Assert.Equal(value, KapiErrno.Read());
                Assert.Equal(value, Marshal.GetLastSystemError());
            }
        }
    }

    [Fact]
    public void Read_IsTheCallingThreadsErrno()
    {
        int other = -2, otherAfter = -2;
        var thread = new Thread(() =>
        {
            Marshal.SetLastSystemError(9);
            other = KapiErrno.Read();
            Marshal.SetLastSystemError(1);
            otherAfter = KapiErrno.Read();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(9, other);
        Assert.Equal(1, otherAfter);
        // Start and Join may themselves change this thread's errno: whatever it is now, both read the same.
        Assert.Equal(Marshal.GetLastSystemError(), KapiErrno.Read());
        Marshal.SetLastSystemError(22);
        Assert.Equal(22, KapiErrno.Read());
    }

    [Fact]
    public void Read_AfterAFailingNativeCall_IsTheKernelsErrno()
    {
        for (int i = 0; i < 3; i++)
        {
            // close(-1): EBADF (9); mlockall(0x8): EINVAL (22); alternated, so a stale value cannot pass.
            Marshal.SetLastSystemError(0);
            Assert.Equal(-1, Native.close(-1));
            Assert.Equal(9, KapiErrno.Read());
            Assert.Equal(9, Marshal.GetLastSystemError());
            Assert.Equal(-1, Native.mlockall(0x8));
            Assert.Equal(22, KapiErrno.Read());
        }
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "close")]
        public static extern int close(int fd);

        [DllImport("libc", EntryPoint = "mlockall")]
        public static extern int mlockall(int flags);
    }
}
