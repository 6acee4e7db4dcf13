namespace Kapi.Lexing;

/// <summary>
/// A token. For strings and chars <see cref="Value"/> is the decoded text; for numbers <see cref="Number"/>
/// is the value (and <see cref="IsUnsigned"/> tells a U suffix).
/// </summary>
public readonly record struct Token(TokenKind Kind, TextSpan Span, string Text, string? Value = null, ulong Number = 0, bool IsUnsigned = false, bool IsValid = true)
{
    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
