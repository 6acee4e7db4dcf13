using Kapi.Diagnostics;

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

    [Fact]
    public void A_misspelt_constraint_key_is_one_diagnostic_not_two()
    {
        // was: KAPI0400 for 'constrant:' and KAPI0404 for the 'constraint-expr:' naming it (gen 1, as in sys_mlock.rfc3)
        string text = Comment(" * long-desc: x\n * context-flags: KAPI_CTX_PROCESS\n * constrant: Limit, the limit\n * constraint-expr: Limit, a < 10\n");
        var d = Assert.Single(KapiDocument.Bind(text, "x.kdoc").Diagnostics);
        Assert.Equal("KAPI0400", d.Id);
        // a constraint-expr naming no constraint at all is still reported
        string alone = Comment(" * long-desc: x\n * context-flags: KAPI_CTX_PROCESS\n * constraint-expr: Limit, a < 10\n");
        Assert.Equal("KAPI0404", Assert.Single(KapiDocument.Bind(alone, "x.kdoc").Diagnostics).Id);
    }

    /// <summary>
    /// Step count of binding <paramref name="text"/> (see <see cref="WorkCounter"/>) and the bytes it allocates: the
    /// second sees work the counter does not (a substring copied once per item is quadratic in bytes). Neither is a time.
    /// </summary>
    private static (long Steps, long Bytes) Work(string text)
    {
        KapiDocument.Bind(text, "warm-up.kdoc", new KapiParseOptions(MaxFileSize: int.MaxValue));
        WorkCounter.Reset();
        long before = GC.GetAllocatedBytesForCurrentThread();
        KapiDocument.Bind(text, "linear.kdoc", new KapiParseOptions(MaxFileSize: int.MaxValue));
        return (WorkCounter.Count, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>One spec whose single value (or item list) grows with <paramref name="n"/>.</summary>
    internal static string Grown(string shape, int n)
    {
        string repeat(string s) => string.Concat(Enumerable.Repeat(s, n));
        return shape switch
        {
            // values over many comment lines: every token and every part is mapped back through the value's runs
            "mask-lines" => Comment(" * param: a\n *   type: int, input\n *   mask: 1\n" + repeat(" *     | 2\n")),
            "flags-lines" => Comment(" * param: a\n *   type: int, input\n *   flags: in\n" + repeat(" *     | out\n")),
            "values-lines" => Comment(" * param: a\n *   type: int, input\n *   valid-values: 0" + repeat(",\n *     1") + "\n"),
            "range-lines" => Comment(" * param: a\n *   type: int, input\n *   constraint-type: range(0,\n" + repeat(" *     1 +\n") + " *     1)\n"),
            // many items of one kind: each is looked up by name (a second item of a name replaces the first)
            "locks" => Comment(" * long-desc: x\n" + string.Concat(Enumerable.Range(0, n).Select(i => $" * lock: l{i}, KAPI_LOCK_MUTEX\n"))),
            "signals" => Comment(" * long-desc: x\n" + string.Concat(Enumerable.Range(0, n).Select(i => $" * signal: S{i}\n"))),
            "capabilities" => Comment(" * long-desc: x\n" + string.Concat(Enumerable.Range(0, n).Select(i => $" * capability: C{i}, KAPI_CAP_GRANT_PERMISSION\n"))),
            "constraints" => Comment(" * long-desc: x\n" + string.Concat(Enumerable.Range(0, n).Select(i => $" * constraint: c{i}\n * constraint-expr: c{i}, a > {i}\n"))),
            // trailing ', condition=…' modifiers of a flat side effect, read from the end
            "side-effect-modifiers" => Comment(" * long-desc: x\n * side-effect: KAPI_EFFECT_MODIFY_STATE, t, d" + repeat(", condition=x") + "\n"),
            _ => throw new ArgumentException(shape),
        };
    }

    [Theory]
    [InlineData("mask-lines")]
    [InlineData("flags-lines")]
    [InlineData("values-lines")]
    [InlineData("range-lines")]
    [InlineData("locks")]
    [InlineData("signals")]
    [InlineData("capabilities")]
    [InlineData("constraints")]
    [InlineData("side-effect-modifiers")]
    public void Work_on_one_growing_spec_is_linear(string shape)
    {
        // was quadratic: each token of a value over many lines looked for its place through all the value's runs
        var one = Work(Grown(shape, 500));
        var eight = Work(Grown(shape, 4000));
        Assert.True(one.Steps > 0);
        Assert.InRange(eight.Steps, one.Steps, 9 * one.Steps + 1000);
        Assert.InRange(eight.Bytes, one.Bytes, 9 * one.Bytes + 100_000);
    }
}
