namespace Kapi.Diagnostics;

/// <summary>
/// Counts the basic steps of the front end (tokens lexed, tokens consumed, expression nodes evaluated) on the
/// current thread. Tests use it to check that work grows linearly with the input, without timing anything.
/// </summary>
internal static class WorkCounter
{
    [ThreadStatic]
    private static long s_count;

    public static long Count => s_count;

    public static void Reset() => s_count = 0;

    public static void Tick() => s_count++;
}
