namespace Kapi.FrontEnd.Tests;

/// <summary>
/// Inputs the kerneldoc mutation tests (issue 11, point 9) found to break the reader or the binder, each reduced to a
/// few lines: an exception, a span outside the file, work that grows faster than the input.
/// </summary>
public class KerneldocRegressionTests
{
    private static string Comment(string body, string signature = "SYSCALL_DEFINE1(x, int, a)") =>
        "/**\n * sys_x - x\n * @a: the argument\n" + body + " */\n" + signature + "\n";

    [Fact]
    public void A_lock_sub_key_written_twice_does_not_throw_and_the_later_wins()
    {
        // was: ArgumentException "An item with the same key has already been added" from BindLock (a duplicated line)
        string text = Comment(" * long-desc: x\n * lock: mmap_lock, KAPI_LOCK_RWLOCK\n *   acquired: no\n *   acquired: yes\n *   type: KAPI_LOCK_MUTEX\n *   type: KAPI_LOCK_SPINLOCK\n");
        var model = KapiDocument.Bind(text, "x.kdoc");
        Assert.Empty(model.Diagnostics);
        var lockSpec = Assert.Single(Assert.Single(model.Specs).Locks);
        Assert.True(lockSpec.Acquired);
    }
}
