namespace Kapi.Kerneldoc;

/// <summary>
/// One KAPI spec written as a kernel-doc comment (the form upstream uses from RFC v3 on) with the function signature
/// that follows it: the headline (<c>sys_open - Open or create a file</c>), the <c>@arg:</c> descriptions, the
/// <c>key: value</c> entries with their indented sub-entries, and the <c>SYSCALL_DEFINEn(...)</c> (or C prototype).
/// Only the comment's text is kept: the <c> * </c> prefixes are gone and every value knows where it is in the file.
/// </summary>
/// <param name="Span">The comment and the signature.</param>
/// <param name="CommentSpan">The comment (<c>/** … */</c>).</param>
/// <param name="HeadlineName">The name the headline gives (<c>sys_open</c>), or null when the first line is no headline.</param>
/// <param name="HeadlineNameSpan">Where that name is.</param>
/// <param name="Summary">The headline's text after <c> - </c>.</param>
/// <param name="Arguments">The <c>@name: text</c> lines.</param>
/// <param name="Entries">The <c>key: value</c> sections, in order.</param>
/// <param name="Signature">The function the comment documents, or null when none follows it.</param>
public sealed record KerneldocSpecSyntax(
    TextSpan Span,
    TextSpan CommentSpan,
    string? HeadlineName,
    TextSpan HeadlineNameSpan,
    KerneldocText? Summary,
    EquatableArray<KerneldocArgument> Arguments,
    EquatableArray<KerneldocEntry> Entries,
    KerneldocSignature? Signature);

/// <summary>An <c>@name: description</c> line (with its continuation lines).</summary>
public sealed record KerneldocArgument(string Name, TextSpan NameSpan, KerneldocText Description);

/// <summary>
/// A <c>key: value</c> line of the comment with its continuation lines and, for an item (<c>param:</c>,
/// <c>error:</c> …), its indented sub-entries (<c>type:</c>, <c>desc:</c> …), which may nest once more (a
/// <c>struct:</c>'s <c>field:</c> entries).
/// </summary>
/// <param name="Key">The key as written (<c>param</c>, <c>context-flags</c>).</param>
/// <param name="KeySpan">Where the key is.</param>
/// <param name="Value">The text after the colon, continuation lines included.</param>
/// <param name="Children">The sub-entries.</param>
/// <param name="Indent">The key's indentation inside the comment (0 for a top-level key).</param>
public sealed record KerneldocEntry(string Key, TextSpan KeySpan, KerneldocText Value, EquatableArray<KerneldocEntry> Children, int Indent);

/// <summary>
/// The function a spec comment documents: <c>SYSCALL_DEFINE3(open, const char __user *, filename, …)</c> (name
/// <c>open</c>, spec <c>sys_open</c>) or a C prototype such as <c>void *kmalloc(size_t size, gfp_t flags)</c>.
/// </summary>
/// <param name="Span">The whole signature.</param>
/// <param name="IsSyscall">True for <c>SYSCALL_DEFINEn</c>.</param>
/// <param name="Name">The function name (without <c>sys_</c>).</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="Parameters">The parameters, in order.</param>
/// <param name="DeclaredCount">For <c>SYSCALL_DEFINEn</c>: n.</param>
public sealed record KerneldocSignature(
    TextSpan Span,
    bool IsSyscall,
    string Name,
    TextSpan NameSpan,
    EquatableArray<KerneldocSignatureParameter> Parameters,
    int DeclaredCount);

/// <summary>One parameter of a signature: its C type and name as written.</summary>
public sealed record KerneldocSignatureParameter(string CType, string Name, TextSpan Span);
