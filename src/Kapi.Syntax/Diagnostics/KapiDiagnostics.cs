namespace Kapi.Diagnostics;

/// <summary>
/// Every rule the front end reports. ID ranges:
/// KAPI0001-0099 lexical, KAPI0100-0199 structure (scopes, macros, fields), KAPI0200-0299 values and constants,
/// KAPI0300-0399 spec-level consistency, KAPI0400-0499 the kerneldoc form. (KAPI1xxx: generation; KAPI2xxx: usage analyzers; those live in the
/// Roslyn-facing assemblies.)
/// </summary>
public static class KapiDiagnostics
{
    // ---- lexical ----
    public static readonly KapiDiagnosticDescriptor UnterminatedString = new(
        "KAPI0001", "Unterminated string or character literal", "Unterminated {0} literal", KapiSeverity.Error,
        "A string or character literal is not closed before the end of the line or file.");

    public static readonly KapiDiagnosticDescriptor UnterminatedComment = new(
        "KAPI0002", "Unterminated comment", "Unterminated /* comment: it runs to the end of the file", KapiSeverity.Error,
        "A block comment is opened with /* and never closed.");

    public static readonly KapiDiagnosticDescriptor InvalidCharacter = new(
        "KAPI0003", "Invalid character", "Unexpected character {0}", KapiSeverity.Error,
        "The file contains a character that cannot start any token of the KAPI macro language (for example a NUL byte, a control character, or an invisible character pasted from a document).");

    public static readonly KapiDiagnosticDescriptor BadNumber = new(
        "KAPI0004", "Invalid numeric literal", "Invalid numeric literal '{0}': {1}", KapiSeverity.Error,
        "An integer literal is malformed (bad digit, bad suffix) or does not fit in 64 bits.");

    public static readonly KapiDiagnosticDescriptor FileTooLarge = new(
        "KAPI0005", "Spec file too large", "The spec file is {0} bytes, over the limit of {1} bytes; it is not processed", KapiSeverity.Error,
        "Spec files over the size limit (4 MiB) are not parsed, so that a stray large file cannot slow down every build and keystroke.");

    public static readonly KapiDiagnosticDescriptor BadEscape = new(
        "KAPI0006", "Invalid escape sequence", "Invalid escape sequence '{0}' in a literal", KapiSeverity.Warning,
        "A backslash in a string literal is followed by a character that is not a C escape.");

    // ---- structure ----
    public static readonly KapiDiagnosticDescriptor TextOutsideSpec = new(
        "KAPI0100", "Text outside any spec", "'{0}' is outside any spec block; expected DEFINE_KERNEL_API_SPEC, DEFINE_KAPI_IOCTL_SPEC, DEFINE_SYSFS_API_SPEC, a static const array, or #define", KapiSeverity.Error,
        "A .kapi file holds spec blocks, file-scope arrays, #define lines, preprocessor lines and comments only.");

    public static readonly KapiDiagnosticDescriptor UnexpectedCloser = new(
        "KAPI0101", "Unbalanced scope: closer without opener", "'{0}' closes {1}, but {2}", KapiSeverity.Error,
        "A *_END macro or a '},' does not match the innermost open scope.");

    public static readonly KapiDiagnosticDescriptor UnclosedScope = new(
        "KAPI0102", "Unbalanced scope: scope not closed", "The {0} opened here is never closed (expected {1})", KapiSeverity.Error,
        "An opener such as KAPI_PARAM or KAPI_SIGNAL is not closed by its *_END macro before the spec ends.");

    public static readonly KapiDiagnosticDescriptor UnterminatedSpec = new(
        "KAPI0103", "Spec not terminated", "The spec '{0}' is not terminated: expected {1} before the end of the file", KapiSeverity.Error,
        "A spec block must end with KAPI_END_SPEC; (or '};' in generated headers).");

    public static readonly KapiDiagnosticDescriptor UnknownMacro = new(
        "KAPI0104", "Unknown macro", "Unknown macro '{0}'{1}", KapiSeverity.Error,
        "The identifier is used like a KAPI macro but is not part of any version of the KAPI vocabulary.");

    public static readonly KapiDiagnosticDescriptor WrongArgumentCount = new(
        "KAPI0105", "Wrong number of macro arguments", "'{0}' takes {1} argument(s) but was given {2}", KapiSeverity.Error,
        "A macro was invoked with a different number of arguments than its definition takes.");

    public static readonly KapiDiagnosticDescriptor WrongArgumentType = new(
        "KAPI0106", "Wrong macro argument type", "Argument {0} of '{1}' must be {2}", KapiSeverity.Error,
        "A macro argument has the wrong shape: a string literal where a number is expected, or the other way round.");

    public static readonly KapiDiagnosticDescriptor UnknownField = new(
        "KAPI0107", "Unknown field", "'.{0}' is not a field of {1}{2}", KapiSeverity.Error,
        "A designated initializer names a field that does not exist in the innermost open scope.");

    public static readonly KapiDiagnosticDescriptor SyntaxError = new(
        "KAPI0108", "Syntax error", "{0}", KapiSeverity.Error,
        "The text does not follow the grammar of the KAPI macro language.");

    public static readonly KapiDiagnosticDescriptor MacroOutOfScope = new(
        "KAPI0109", "Macro used in the wrong scope", "'{0}' belongs in {1}, but the innermost open scope is {2}", KapiSeverity.Error,
        "A setter macro was used outside the scope whose fields it sets (for example KAPI_PARAM_RANGE outside KAPI_PARAM).");

    public static readonly KapiDiagnosticDescriptor NestingTooDeep = new(
        "KAPI0110", "Nesting too deep", "Nesting deeper than {0} levels is not supported", KapiSeverity.Error,
        "Parentheses, braces or scopes nest deeper than any real spec does; the rest of the construct is skipped.");

    public static readonly KapiDiagnosticDescriptor UnknownDirective = new(
        "KAPI0111", "Unsupported preprocessor directive", "Preprocessor directive '#{0}' is ignored", KapiSeverity.Warning,
        "Only #define, #undef, #ifdef/#ifndef/#if/#else/#elif/#endif and #include are understood; other directives are skipped.");

    // ---- values ----
    public static readonly KapiDiagnosticDescriptor UnknownConstant = new(
        "KAPI0200", "Unknown constant", "Unknown constant '{0}'{1}: its value is unknown", KapiSeverity.Warning,
        "An identifier in a value is not in the built-in UAPI table, not a #define of the file and not a file-scope array. The symbol is kept; its numeric value is unknown.");

    public static readonly KapiDiagnosticDescriptor BadConstantExpression = new(
        "KAPI0201", "Invalid constant expression", "Cannot evaluate '{0}': {1}", KapiSeverity.Error,
        "A constant expression cannot be evaluated (division by zero, a shift out of range, an unsupported construct).");

    public static readonly KapiDiagnosticDescriptor ArchDependentConstant = new(
        "KAPI0202", "Architecture-specific constant missing", "Constant '{0}' is not defined on {1}", KapiSeverity.Info,
        "The constant exists on some architectures only; its value is unknown on the ones listed.");

    public static readonly KapiDiagnosticDescriptor WrongVocabulary = new(
        "KAPI0203", "Vocabulary value of the wrong kind", "'{0}' is a {1} value, but this field takes {2}", KapiSeverity.Warning,
        "A field that takes one enumeration of the KAPI vocabulary (KAPI_TYPE_*, KAPI_PARAM_*, KAPI_CONSTRAINT_* …) names a member of another one, for example '.type = KAPI_PARAM_IN'. The field is left unset.");

    // ---- spec-level consistency ----
    public static readonly KapiDiagnosticDescriptor DuplicateIndex = new(
        "KAPI0300", "Duplicate index", "{0}[{1}] is defined twice; the later definition wins", KapiSeverity.Warning,
        "Two items of the same section use the same index. In C the later initializer overrides the earlier one.");

    public static readonly KapiDiagnosticDescriptor IndexOutOfRange = new(
        "KAPI0301", "Index out of range", "{0}[{1}] is out of range: the array holds {2} items", KapiSeverity.Error,
        "An item index is negative or not below the section's fixed array size (KAPI_MAX_*).");

    public static readonly KapiDiagnosticDescriptor CountMismatch = new(
        "KAPI0302", "Declared count disagrees with items", "{0} declares {1} = {2}, but {3} item(s) are defined", KapiSeverity.Warning,
        "Counts are declared, not derived: the kernel iterates 0..count-1, so items past the count are ignored and a count past the items reads empty entries.");

    public static readonly KapiDiagnosticDescriptor DuplicateSpec = new(
        "KAPI0303", "Duplicate spec name", "A spec named '{0}' is already defined{1}", KapiSeverity.Error,
        "Two spec blocks define the same API name.");

    public static readonly KapiDiagnosticDescriptor IndexGap = new(
        "KAPI0304", "Missing item index", "{0}[{1}] is missing: items are defined up to index {2}", KapiSeverity.Warning,
        "Item indices should be contiguous from 0; a gap reads an empty entry at run time.");

    public static readonly KapiDiagnosticDescriptor InvalidName = new(
        "KAPI0305", "Invalid API name", "'{0}' is not a valid API name: expected a C identifier", KapiSeverity.Error,
        "Spec names must be C identifiers (they become the kernel symbol __kapi_spec_<name>).");

    // ---- kerneldoc form (RFC v3 … PATCH v4) ----
    public static readonly KapiDiagnosticDescriptor UnknownKerneldocKey = new(
        "KAPI0400", "Unknown key in a kerneldoc spec", "'{0}' is not a key of {1}{2}", KapiSeverity.Warning,
        "A spec comment (the kernel-doc form of a KAPI spec) uses a key that no series of the upstream KAPI vocabulary has, for that place (top level, or the sub-keys of param:, error:, lock: …). Its value is not read. kernel-doc's own sections (Context:, Return:, Note: …) are always allowed.");

    public static readonly KapiDiagnosticDescriptor MalformedKerneldocValue = new(
        "KAPI0401", "Malformed value in a kerneldoc spec", "The value of '{0}' is malformed: {1}", KapiSeverity.Error,
        "A value of a spec comment does not have the form its key takes: an unbalanced 'range(' or 'mask(', a range without two bounds, a vocabulary token the key does not know, a number that does not parse. The value is not used.");

    public static readonly KapiDiagnosticDescriptor UnknownKerneldocParameter = new(
        "KAPI0402", "Parameter not in the signature", "'{0}' is not a parameter of {1}({2})", KapiSeverity.Error,
        "A 'param:' block (or a gen-1 'param-*:' line) names a parameter that the SYSCALL_DEFINEn (or function) after the comment does not have. Parameters, their order and their C types come from the signature.");

    public static readonly KapiDiagnosticDescriptor DuplicateKerneldocItem = new(
        "KAPI0403", "Item described twice", "{0} '{1}' is described twice; the later description wins", KapiSeverity.Warning,
        "Two blocks of a spec comment describe the same parameter, lock, signal, capability or constraint. As with a C initializer given twice, the later one is kept. (An errno may be listed more than once, for different conditions: each error: block is an error of its own.)");

    public static readonly KapiDiagnosticDescriptor MissingKerneldocPart = new(
        "KAPI0404", "Required part missing", "{0}", KapiSeverity.Error,
        "A spec comment lacks something the spec cannot do without: the SYSCALL_DEFINEn (or function) that follows it and gives the spec its name and parameters, or the name of an item ('error:' with nothing after it).");

    public static readonly KapiDiagnosticDescriptor KerneldocNameMismatch = new(
        "KAPI0405", "Headline names another function", "The comment's headline names '{0}', but the comment documents '{1}'", KapiSeverity.Warning,
        "The first line of a spec comment (kernel-doc's headline, 'sys_open - Open a file') names a function other than the one the comment documents. The spec takes the documented function's name.");

    public static IReadOnlyList<KapiDiagnosticDescriptor> All { get; } = new[]
    {
        UnterminatedString, UnterminatedComment, InvalidCharacter, BadNumber, FileTooLarge, BadEscape,
        TextOutsideSpec, UnexpectedCloser, UnclosedScope, UnterminatedSpec, UnknownMacro, WrongArgumentCount,
        WrongArgumentType, UnknownField, SyntaxError, MacroOutOfScope, NestingTooDeep, UnknownDirective,
        UnknownConstant, BadConstantExpression, ArchDependentConstant, WrongVocabulary,
        DuplicateIndex, IndexOutOfRange, CountMismatch, DuplicateSpec, IndexGap, InvalidName,
        UnknownKerneldocKey, MalformedKerneldocValue, UnknownKerneldocParameter, DuplicateKerneldocItem, MissingKerneldocPart,
        KerneldocNameMismatch,
    };
}
