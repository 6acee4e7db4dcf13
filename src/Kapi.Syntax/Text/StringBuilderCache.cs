using System.Text;

namespace Kapi.Text;

/// <summary>
/// One <see cref="StringBuilder"/> per thread for building short strings (string literals, type names): the lexer and
/// parser build one per literal, and a new builder each time was a tenth of everything a spec file allocates.
/// </summary>
/// <remarks>
/// <see cref="Acquire"/> hands out the thread's builder (or a new one while it is out, so nesting is safe);
/// <see cref="ToStringAndRelease"/> takes it back. Builders grown over <see cref="MaxCapacity"/> are not kept: this
/// code also runs in long-lived compiler and IDE processes.
/// </remarks>
internal static class StringBuilderCache
{
    private const int MaxCapacity = 4096;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    public static StringBuilder Acquire()
    {
        var sb = t_cached;
        if (sb is null) return new StringBuilder(64);
        t_cached = null;
        sb.Clear();
        return sb;
    }

    public static string ToStringAndRelease(StringBuilder sb)
    {
        string s = sb.ToString();
        if (sb.Capacity <= MaxCapacity) t_cached = sb;
        return s;
    }
}
