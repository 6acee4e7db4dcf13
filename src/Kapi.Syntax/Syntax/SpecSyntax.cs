namespace Kapi.Syntax;

/// <summary>The syntax of one spec file: spec blocks, file-scope arrays and #define lines, in order.</summary>
public sealed record KapiFileSyntax(EquatableArray<FileItemSyntax> Items);

public abstract record FileItemSyntax(TextSpan Span);

public enum SpecEntryForm
{
    /// <summary><c>DEFINE_KERNEL_API_SPEC(name)</c></summary>
    KernelApi,
    /// <summary><c>DEFINE_KAPI_IOCTL_SPEC(name)</c> (RFC v2)</summary>
    IoctlMacro,
    /// <summary><c>DEFINE_SYSFS_API_SPEC(name)</c> (RFC v2)</summary>
    Sysfs,
    /// <summary><c>static const struct kapi_ioctl_spec NAME = { … .api_spec = { … } };</c> (RFC v1)</summary>
    IoctlStruct,
    /// <summary><c>DEFINE_IOCTL_API_SPEC(name, cmd, "CMD")</c> … <c>KAPI_END_IOCTL_SPEC</c> (RFC v1 header form)</summary>
    IoctlHeaderMacro,
}

/// <summary>
/// A spec block. The body is a flat list of statements (macro invocations, designated initializers, braces):
/// the macros expand to unbalanced initializer fragments, so scopes are resolved by the binder, not the parser.
/// </summary>
public sealed record SpecBlockSyntax(
    TextSpan Span,
    SpecEntryForm Form,
    string Name,
    TextSpan NameSpan,
    EquatableArray<MacroArgumentSyntax> EntryArguments,
    EquatableArray<StatementSyntax> Body,
    bool IsTerminated,
    TextSpan TerminatorSpan) : FileItemSyntax(Span);

/// <summary><c>static const s64 NAME[] = { … };</c></summary>
public sealed record ArrayDeclarationSyntax(TextSpan Span, string Name, TextSpan NameSpan, string ElementType, EquatableArray<ExpressionSyntax> Elements) : FileItemSyntax(Span);

/// <summary><c>#define NAME value</c> (object-like) or <c>#undef NAME</c> (Value null).</summary>
public sealed record DefineSyntax(TextSpan Span, string Name, TextSpan NameSpan, ExpressionSyntax? Value, bool IsFunctionLike) : FileItemSyntax(Span);

public abstract record StatementSyntax(TextSpan Span);

/// <summary>A macro argument: its tokens' text span and the raw text; parsed as an expression on demand.</summary>
public sealed record MacroArgumentSyntax(TextSpan Span, string RawText, ExpressionSyntax Expression);

/// <summary><c>NAME</c> or <c>NAME(args)</c>, optionally followed by ';' or ','.</summary>
public sealed record MacroInvocationSyntax(TextSpan Span, string Name, TextSpan NameSpan, EquatableArray<MacroArgumentSyntax>? Arguments) : StatementSyntax(Span);

/// <summary><c>.field = value,</c> or <c>.array[index] = value,</c></summary>
public sealed record FieldAssignmentSyntax(TextSpan Span, string Field, TextSpan FieldSpan, ExpressionSyntax? Index, ExpressionSyntax Value) : StatementSyntax(Span);

/// <summary><c>.field = {</c> or <c>.array[index] = {</c>: opens a nested initializer, closed by <c>}</c>.</summary>
public sealed record FieldScopeOpenSyntax(TextSpan Span, string Field, TextSpan FieldSpan, ExpressionSyntax? Index) : StatementSyntax(Span);

/// <summary>A literal <c>}</c> (with an optional trailing ',' or ';').</summary>
public sealed record CloseBraceSyntax(TextSpan Span) : StatementSyntax(Span);
