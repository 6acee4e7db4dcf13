namespace Kapi.Lexing;

/// <summary>
/// Token lists reused per thread: the lexer's output, the preprocessor's output and a kernel-doc value's tokens are
/// garbage as soon as the parser is done with them (syntax nodes copy the tokens they keep), so a thread lexing file
/// after file keeps a few lists instead of allocating new ones (they were a tenth of what a spec file allocates).
/// </summary>
/// <remarks>
/// A list over <see cref="MaxReusedTokens"/> is not kept (a file over ~300 KB), and at most <see cref="MaxLists"/> per
/// thread (the lexer's and the preprocessor's are the most in use at once; a kernel-doc value's comes after both are
/// returned): 32 Ki tokens of 48 bytes is 1.5 MB, so at most 3 MB per thread, and this code also runs in long-lived
/// compiler and IDE processes with many threads. A list must not be used after it is returned.
/// </remarks>
internal static class TokenListPool
{
    private const int MaxReusedTokens = 1 << 15;
    private const int MaxLists = 2;

    [ThreadStatic]
    private static List<Token>?[]? t_lists;

    public static List<Token> Rent(int capacityHint)
    {
        var lists = t_lists;
        if (lists is not null)
        {
            for (int i = 0; i < lists.Length; i++)
            {
                if (lists[i] is { } list)
                {
                    lists[i] = null;
                    return list;
                }
            }
        }
        return new List<Token>(Math.Min(MaxReusedTokens, Math.Max(16, capacityHint)));
    }

    public static void Return(List<Token> list)
    {
        if (list.Capacity > MaxReusedTokens) return;
        list.Clear();
        var lists = t_lists ??= new List<Token>?[MaxLists];
        for (int i = 0; i < lists.Length; i++)
        {
            if (lists[i] is null)
            {
                lists[i] = list;
                return;
            }
        }
    }
}
