namespace Kapi.Model.Schema;

/// <summary>
/// What a section's fields are read from: one bound scope of a spec (its designated-initializer fields and nested
/// scopes), with the binder's evaluation of expressions. Implemented by the model builder.
/// </summary>
internal interface IKapiFieldSource
{
    /// <summary>The item's index in its array (<c>.params[2]</c>), 0 for a single section.</summary>
    int Index { get; }

    bool Has(string cName);

    string? Text(string cName);

    /// <summary>The expression as written, printed back (function names, <c>.validate = fn</c>).</summary>
    string? ExpressionText(string cName);

    KapiValue? Number(string cName);

    bool Flag(string cName);

    long? Count(string cName);

    /// <summary>A <see cref="Vocabulary.KapiTerm{T}"/> of <typeparamref name="TTerm"/>, or null when absent.</summary>
    Vocabulary.KapiTerm<TTerm>? Term<TTerm>(string cName)
        where TTerm : struct, Enum;

    EquatableArray<KapiValue> Numbers(string cName);

    EquatableArray<KapiNamedValue> NamedNumbers(string cName);

    EquatableArray<string> Texts(string cName);

    /// <summary>The named constants OR-ed in a mask (the leaves of its <c>|</c> tree).</summary>
    EquatableArray<KapiNamedValue> MaskFlags(string cName);

    /// <summary>The errno name an error code names (<c>-EINVAL</c> → <c>EINVAL</c>), or null.</summary>
    string? ErrnoName(string cName);

    /// <summary>A signal's timing: the string as written (<c>during</c>, or the text of a <c>KAPI_SIGNAL_TIME_*</c> macro) and what it names.</summary>
    object? Timing(string cName);

    /// <summary>A lock's scope: as written (<c>.scope</c>), else derived from the RFC booleans.</summary>
    object? LockScope();

    /// <summary>The nested single section <paramref name="cName"/> (<c>.return_spec = {</c>), or null.</summary>
    object? Section(string cName, KapiSectionSchema schema);

    /// <summary>The nested array <paramref name="cName"/> (<c>.params[i] = {</c>) built as <paramref name="schema"/>, by index.</summary>
    object Sections(string cName, KapiSectionSchema schema);

    /// <summary>A section whose fields sit in this same scope (sysfs parameter fields), or null when none of them is set.</summary>
    object? Embedded(KapiSectionSchema schema);
}
