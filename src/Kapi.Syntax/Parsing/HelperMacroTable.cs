using Kapi.Lexing;

namespace Kapi.Parsing;

/// <summary>
/// A helper macro of <c>syscall_api_spec.h</c> / <c>ioctl_api_spec.h</c> (RFC v1 – PATCH v2): a shorthand that
/// expands to other KAPI macros and designated initializers, such as <c>KAPI_PARAM_FD(idx, desc)</c> for a whole
/// <c>KAPI_PARAM … KAPI_PARAM_END</c> block. The parser expands an invocation in a spec body at the token level;
/// the binder never sees a helper.
/// </summary>
internal sealed class HelperMacro
{
    public HelperMacro(string name, string[]? parameters, string expansion)
    {
        Name = name;
        Parameters = parameters;
        Expansion = expansion;
        Template = Compile(expansion, parameters ?? Array.Empty<string>());
    }

    public string Name { get; }

    /// <summary>The parameter names; null for an object-like helper, used without parentheses.</summary>
    public IReadOnlyList<string>? Parameters { get; }

    /// <summary>The expansion as C text, with parameter names and <c>#parameter</c> stringification.</summary>
    public string Expansion { get; }

    public int ParameterCount => Parameters?.Count ?? 0;

    public bool TakesParentheses => Parameters is not null;

    /// <summary>The expansion lexed once: tokens and references to parameters.</summary>
    internal IReadOnlyList<TemplatePiece> Template { get; }

    private static TemplatePiece[] Compile(string expansion, string[] parameters)
    {
        // lexed after a space: a '#' at the start of the text is the stringify operator, not a directive
        var tokens = Lexer.Lex(" " + expansion, new List<KapiDiagnostic>());
        var pieces = new List<TemplatePiece>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.EndOfFile) break;
            if (token.Kind == TokenKind.Hash && i + 1 < tokens.Count && ParameterIndex(tokens[i + 1], parameters) is int stringified)
            {
                pieces.Add(new TemplatePiece(token, stringified, Stringify: true));
                i++;
                continue;
            }
            pieces.Add(new TemplatePiece(token, ParameterIndex(token, parameters) ?? -1, Stringify: false));
        }
        return pieces.ToArray();
    }

    private static int? ParameterIndex(Token token, string[] parameters)
    {
        if (token.Kind != TokenKind.Identifier) return null;
        int index = Array.IndexOf(parameters, token.Text);
        return index >= 0 ? index : null;
    }
}

/// <summary>
/// One piece of a helper's expansion: a token as written (<see cref="Parameter"/> &lt; 0), a parameter replaced by
/// the argument's tokens, or (<see cref="Stringify"/>) <c>#parameter</c> replaced by the argument's text as a string.
/// </summary>
internal readonly record struct TemplatePiece(Token Token, int Parameter, bool Stringify);

/// <summary>The helper macros the parser expands, by name.</summary>
internal sealed class HelperMacroTable
{
    /// <summary>Nested helper invocations expand this many levels deep; a deeper one is reported and dropped.</summary>
    public const int MaxDepth = 8;

    private readonly Dictionary<string, HelperMacro> _macros = new(StringComparer.Ordinal);

    public HelperMacroTable(IEnumerable<HelperMacro> macros)
    {
        foreach (var macro in macros) _macros[macro.Name] = macro;
    }

    /// <summary>The helpers of the kernel headers.</summary>
    public static HelperMacroTable Kernel { get; } = new(KernelHelpers());

    public IEnumerable<string> Names => _macros.Keys;

    public bool TryGet(string name, out HelperMacro macro) => _macros.TryGetValue(name, out macro!);

    /// <summary>
    /// The helpers that expand to whole blocks (syscall_api_spec.h / ioctl_api_spec.h, R1-P2). Expansions follow the
    /// headers' effects (syscall_api_spec.h and ioctl_api_spec.h of the RFC series); the fixed texts of the canned errors follow the
    /// headers' wording where the document quotes it.
    /// </summary>
    private static IEnumerable<HelperMacro> KernelHelpers()
    {
        static HelperMacro Helper(string name, string[]? parameters, string expansion) => new(name, parameters, expansion);

        yield return Helper("KAPI_SYSCALL_SLEEPABLE", null, "KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)");
        yield return Helper("KAPI_SYSCALL_ATOMIC", null, "KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_ATOMIC)");
        yield return Helper("KAPI_PARAM_FD", new[] { "idx", "desc" },
            "KAPI_PARAM(idx, \"fd\", \"int\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_IN) .type = KAPI_TYPE_FD, .constraint_type = KAPI_CONSTRAINT_NONE, KAPI_PARAM_END");
        yield return Helper("KAPI_PARAM_USER_BUF", new[] { "idx", "name", "desc" },
            "KAPI_PARAM(idx, name, \"void __user *\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_USER) .type = KAPI_TYPE_USER_PTR, .constraint_type = KAPI_CONSTRAINT_NONE, KAPI_PARAM_END");
        yield return Helper("KAPI_PARAM_USER_STRUCT", new[] { "idx", "name", "struct_type", "desc" },
            "KAPI_PARAM(idx, name, #struct_type, desc) KAPI_PARAM_FLAGS(KAPI_PARAM_USER) .type = KAPI_TYPE_USER_PTR, .size = sizeof(struct_type), .constraint_type = KAPI_CONSTRAINT_NONE, KAPI_PARAM_END");
        yield return Helper("KAPI_PARAM_SIZE_T", new[] { "idx", "name", "desc" },
            "KAPI_PARAM(idx, name, \"size_t\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_IN) .type = KAPI_TYPE_UINT, .constraint_type = KAPI_CONSTRAINT_NONE, KAPI_PARAM_END");
        yield return Helper("KAPI_PARAM_USER_PATH", new[] { "idx", "name", "desc" },
            "KAPI_PARAM(idx, name, \"const char __user *\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER) .type = KAPI_TYPE_PATH, .constraint_type = KAPI_CONSTRAINT_USER_PATH, KAPI_PARAM_END");
        yield return Helper("KAPI_PARAM_USER_STRING", new[] { "idx", "name", "min_len", "max_len", "desc" },
            "KAPI_PARAM(idx, name, \"const char __user *\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER) .type = KAPI_TYPE_USER_PTR, .constraint_type = KAPI_CONSTRAINT_USER_STRING, .min_value = min_len, .max_value = max_len, KAPI_PARAM_END");
        yield return Helper("KAPI_PARAM_USER_PTR_SIZED", new[] { "idx", "name", "ptr_size", "desc" },
            "KAPI_PARAM(idx, name, \"void __user *\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER) .type = KAPI_TYPE_USER_PTR, .size = ptr_size, .constraint_type = KAPI_CONSTRAINT_USER_PTR, KAPI_PARAM_END");
        yield return Helper("KAPI_IOCTL_PARAM_SIZE", null,
            "KAPI_PARAM(0, \"size\", \"__u32\", \"Size of the ioctl argument structure\") KAPI_PARAM_FLAGS(KAPI_PARAM_IN) .type = KAPI_TYPE_UINT, .constraint_type = KAPI_CONSTRAINT_NONE, .constraints = \"Must match the size of the structure for this ioctl\", KAPI_PARAM_END");
        yield return Helper("KAPI_IOCTL_PARAM_FLAGS", null,
            "KAPI_PARAM(1, \"flags\", \"__u32\", \"Flags for the operation\") KAPI_PARAM_FLAGS(KAPI_PARAM_IN) .type = KAPI_TYPE_UINT, .constraint_type = KAPI_CONSTRAINT_MASK, .valid_mask = 0, KAPI_PARAM_END");
        yield return Helper("KAPI_IOCTL_PARAM_USER_BUF", new[] { "idx", "name", "desc", "len_idx" },
            "KAPI_PARAM(idx, name, \"__aligned_u64\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER) .type = KAPI_TYPE_USER_PTR, .size_param_idx = len_idx, KAPI_PARAM_END");
        yield return Helper("KAPI_IOCTL_PARAM_USER_OUT_BUF", new[] { "idx", "name", "desc", "len_idx" },
            "KAPI_PARAM(idx, name, \"__aligned_u64\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER) .type = KAPI_TYPE_USER_PTR, .size_param_idx = len_idx, KAPI_PARAM_END");
        yield return Helper("KAPI_IOCTL_PARAM_LEN", new[] { "idx", "name", "desc", "max_size" },
            "KAPI_PARAM(idx, name, \"__u32\", desc) KAPI_PARAM_FLAGS(KAPI_PARAM_IN) .type = KAPI_TYPE_UINT, .constraint_type = KAPI_CONSTRAINT_RANGE, .min_value = 0, .max_value = max_size, KAPI_PARAM_END");
        yield return Helper("KAPI_RETURN_SUCCESS_ZERO", null,
            "KAPI_RETURN(\"long\", \"0 on success, negative error code on failure\") .type = KAPI_TYPE_INT, .check_type = KAPI_RETURN_ERROR_CHECK, .success_value = 0, KAPI_RETURN_END");
        yield return Helper("KAPI_RETURN_FD_SPEC", null,
            "KAPI_RETURN(\"long\", \"File descriptor on success, negative error code on failure\") .type = KAPI_TYPE_FD, .check_type = KAPI_RETURN_FD, KAPI_RETURN_END");
        yield return Helper("KAPI_RETURN_COUNT", null,
            "KAPI_RETURN(\"long\", \"Number of bytes processed on success, negative error code on failure\") .type = KAPI_TYPE_INT, .check_type = KAPI_RETURN_RANGE, .success_min = 0, .success_max = S64_MAX, KAPI_RETURN_END");
        yield return Helper("KAPI_ERROR_EBADF", new[] { "idx" }, "KAPI_ERROR(idx, -EBADF, \"EBADF\", \"Invalid file descriptor\", \"The file descriptor is not valid or has been closed\")");
        yield return Helper("KAPI_ERROR_EFAULT", new[] { "idx" }, "KAPI_ERROR(idx, -EFAULT, \"EFAULT\", \"Bad address\", \"Invalid user space address provided\")");
        yield return Helper("KAPI_ERROR_ENOMEM", new[] { "idx" }, "KAPI_ERROR(idx, -ENOMEM, \"ENOMEM\", \"Insufficient memory\", \"Cannot allocate memory for the operation\")");
        yield return Helper("KAPI_ERROR_EPERM", new[] { "idx" }, "KAPI_ERROR(idx, -EPERM, \"EPERM\", \"Operation not permitted\", \"The calling process does not have the required permissions\")");
        yield return Helper("KAPI_ERROR_EINVAL", new[] { "idx", "condition" }, "KAPI_ERROR(idx, -EINVAL, \"EINVAL\", condition, \"Invalid argument provided\")");
        yield return Helper("KAPI_SIGNAL_INTERRUPTIBLE_SLEEP", null,
            "KAPI_SIGNAL(0, SIGINT, \"SIGINT\", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN) KAPI_SIGNAL_CONDITION(\"Interruptible sleep\") KAPI_SIGNAL_DESC(\"The operation is interrupted and returns -EINTR\") KAPI_SIGNAL_ERROR(-EINTR) KAPI_SIGNAL_RESTARTABLE KAPI_SIGNAL_END " +
            "KAPI_SIGNAL(1, SIGTERM, \"SIGTERM\", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN) KAPI_SIGNAL_CONDITION(\"Interruptible sleep\") KAPI_SIGNAL_DESC(\"The operation is interrupted and returns -EINTR\") KAPI_SIGNAL_ERROR(-EINTR) KAPI_SIGNAL_RESTARTABLE KAPI_SIGNAL_END");
        yield return Helper("KAPI_SIGNAL_FATAL_DEFAULT", null,
            "KAPI_SIGNAL(2, SIGKILL, \"SIGKILL\", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_TERMINATE) KAPI_SIGNAL_CONDITION(\"Always\") KAPI_SIGNAL_DESC(\"Fatal signal terminates the process\") KAPI_SIGNAL_END");
        yield return Helper("KAPI_SIGNAL_STOP_CONT", null,
            "KAPI_SIGNAL(3, SIGSTOP, \"SIGSTOP\", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_STOP) KAPI_SIGNAL_CONDITION(\"Always\") KAPI_SIGNAL_DESC(\"Stop and continue signals suspend and resume the process\") KAPI_SIGNAL_END");
    }
}
