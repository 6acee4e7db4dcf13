using System.Runtime.InteropServices;
using System.Threading;
using Kapi.Runtime;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// <see cref="KapiErrno.Read"/>, what the generated wrappers read errno with after a -1: always the value
/// <see cref="Marshal.GetLastSystemError"/> returns, on its first read (which binds libc's <c>__errno_location</c>),
/// on every later one, on any thread, and right after a failing native call; reading (and <see cref="KapiErrno.Prepare"/>,
/// which wrappers call before theirs) leaves errno as it was.
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
    public void Prepare_LeavesErrnoAsItWas_AndReadThenGivesIt()
    {
        // What a generated wrapper does around its native call: Prepare (which binds on a process's first call), the
        // call, Read. Prepare must not change the errno a caller set, first time or later.
        foreach (int value in s_values)
        {
            Marshal.SetLastSystemError(value);
            KapiErrno.Prepare();
            Assert.Equal(value, Marshal.GetLastSystemError());
            Assert.Equal(value, KapiErrno.Read());
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
    public void Read_TwoThreadsAtOnce_EachReadsItsOwnErrno_AndFollowsItsChanges()
    {
        // Two threads released together, each setting errno to values of its own (odd on one, even on the other) and
        // reading it back right away, many times: the first read of each thread and all later ones run while the other
        // thread's errno differs. Set right before the read: a blocking wait (the barrier) may itself change errno.
        const int Reads = 20_000;
        using var barrier = new Barrier(2);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Run(int offset)
        {
            barrier.SignalAndWait();
            for (int i = 0; i < Reads; i++)
            {
                int value = 1 + offset + (2 * (i % 2000));
                Marshal.SetLastSystemError(value);
                int read = KapiErrno.Read();
                int again = KapiErrno.Read();
                if (read != value || again != value) failures.Enqueue($"thread {offset}, read {i}: set {value}, read {read} then {again}");
            }
        }
        var first = new Thread(() => Run(0));
        var second = new Thread(() => Run(1));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Assert.Empty(failures);
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
