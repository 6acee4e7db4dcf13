using Kapi.Lexing;
using Kapi.Syntax;

namespace Kapi.Parsing;

/// <summary>File items: the entry forms, RFC v1 <c>static</c> declarations (ioctl structs, arrays) and #define lines.</summary>
public sealed partial class Parser
{
    private static readonly HashSet<string> s_fileLevelMacros = new(StringComparer.Ordinal)
    {
        "KAPI_IOCTL_SPEC_DRIVER", "KAPI_DEFINE_FOPS", "KAPI_REGISTER_IOCTL_SPECS", "KAPI_REGISTER_IOCTL_HANDLERS",
        "KAPI_IOCTL_OPS", "DEFINE_IOCTL_HANDLER",
    };

    private List<FileItemSyntax> ParseFile(List<Preprocessor.DirectiveLine> defines)
    {
        var items = new List<FileItemSyntax>();
        int defineIndex = 0;
        bool inGarbage = false;
        int garbageStart = 0;
        int garbageEnd = 0;

        void FlushDefines(int upToTokenIndex)
        {
            while (defineIndex < defines.Count && defines[defineIndex].InsertionIndex <= upToTokenIndex)
            {
                var d = ParseDefine(defines[defineIndex]);
                if (d is not null) items.Add(d);
                defineIndex++;
            }
        }

        void FlushGarbage()
        {
            if (inGarbage)
            {
                string text = garbageEnd > garbageStart ? "text" : "text";
                var first = _tokens[garbageStart];
                _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.TextOutsideSpec, TextSpan.FromBounds(first.Span.Start, garbageEnd), Lexer.Truncate(first.Text)));
                inGarbage = false;
                _ = text;
            }
        }

        while (Current.Kind != TokenKind.EndOfFile)
        {
            FlushDefines(_pos);
            var t = Current;
            FileItemSyntax? item = null;
            int before = _pos;
            if (t.Kind == TokenKind.Identifier)
            {
                switch (t.Text)
                {
                    case "DEFINE_KERNEL_API_SPEC":
                        item = ParseMacroSpec(SpecEntryForm.KernelApi);
                        break;
                    case "DEFINE_KAPI_IOCTL_SPEC":
                        item = ParseMacroSpec(SpecEntryForm.IoctlMacro);
                        break;
                    case "DEFINE_SYSFS_API_SPEC":
                        item = ParseMacroSpec(SpecEntryForm.Sysfs);
                        break;
                    case "DEFINE_IOCTL_API_SPEC":
                        item = ParseMacroSpec(SpecEntryForm.IoctlHeaderMacro);
                        break;
                    case "static":
                        item = TryParseStaticDeclaration();
                        break;
                    default:
                        if (IsSyscallDefinition(t.Text) && PeekToken().Kind == TokenKind.OpenParen)
                        {
                            // the function a kernel-doc spec documents: its signature (and body) belong to the comment's spec
                            FlushGarbage();
                            Advance();
                            SkipBalanced();
                            if (Current.Kind == TokenKind.OpenBrace) SkipBalanced();
                            else Accept(TokenKind.Semicolon);
                            continue;
                        }
                        if (s_fileLevelMacros.Contains(t.Text))
                        {
                            FlushGarbage();
                            Advance();
                            if (Current.Kind == TokenKind.OpenParen) SkipBalanced();
                            Accept(TokenKind.Semicolon);
                            continue;
                        }
                        break;
                }
            }

            if (item is not null)
            {
                FlushGarbage();
                items.Add(item);
                continue;
            }

            if (_pos == before)
            {
                // not an item: skip one token (silently in C sources)
                if (!_cSource)
                {
                    if (!inGarbage)
                    {
                        inGarbage = true;
                        garbageStart = _pos;
                    }
                    garbageEnd = Current.Span.End;
                }
                Advance();
            }
        }
        FlushGarbage();
        FlushDefines(int.MaxValue);
        return items;
    }

    /// <summary><c>SYSCALL_DEFINE0</c> … <c>SYSCALL_DEFINE6</c> and their <c>COMPAT_</c> forms.</summary>
    private static bool IsSyscallDefinition(string name)
    {
        const string Prefix = "SYSCALL_DEFINE";
        int start = name.StartsWith("COMPAT_", StringComparison.Ordinal) ? "COMPAT_".Length : 0;
        return name.Length == start + Prefix.Length + 1
            && string.CompareOrdinal(name, start, Prefix, 0, Prefix.Length) == 0
            && name[name.Length - 1] is >= '0' and <= '6';
    }

    private DefineSyntax? ParseDefine(Preprocessor.DirectiveLine line)
    {
        var toks = line.Tokens;
        if (toks.Count == 0 || toks[0].Kind != TokenKind.Identifier)
        {
            Error(line.Directive.Span, $"#{line.Directive.Text} needs a macro name");
            return null;
        }
        var name = toks[0];
        var span = TextSpan.FromBounds(line.Directive.Span.Start, toks[toks.Count - 1].Span.End);
        if (line.Directive.Text == "undef")
        {
            return new DefineSyntax(span, name.Text, name.Span, null, false);
        }
        bool functionLike = toks.Count > 1 && toks[1].Kind == TokenKind.OpenParen && toks[1].Span.Start == name.Span.End;
        if (functionLike)
        {
            return new DefineSyntax(span, name.Text, name.Span, null, true);
        }
        if (toks.Count == 1)
        {
            return new DefineSyntax(span, name.Text, name.Span, new MissingExpressionSyntax(name.Span), false);
        }
        var sub = new List<Token>(toks.GetRange(1, toks.Count - 1))
        {
            new Token(TokenKind.EndOfFile, new TextSpan(toks[toks.Count - 1].Span.End, 0), string.Empty),
        };
        var p = new Parser(sub, _diagnostics, false, _helpers);
        var value = p.ParseExpr();
        if (p.Current.Kind != TokenKind.EndOfFile)
        {
            Error(p.Current.Span, $"Unexpected {Describe(p.Current)} in #define {name.Text}");
        }
        return new DefineSyntax(span, name.Text, name.Span, value, false);
    }

    private FileItemSyntax? TryParseStaticDeclaration()
    {
        // static const struct kapi_ioctl_spec NAME = { ... };
        // static const s64 NAME[] = { ... };
        int start = _pos;
        var staticTok = Advance();
        var typeParts = new List<string>();
        while (Current.Kind == TokenKind.Identifier && PeekToken().Kind == TokenKind.Identifier)
        {
            typeParts.Add(Advance().Text);
        }
        if (Current.Kind != TokenKind.Identifier)
        {
            _pos = start;
            return null;
        }
        var nameTok = Advance();
        string typeText = string.Join(" ", typeParts);
        bool isIoctlSpec = typeText.EndsWith("struct kapi_ioctl_spec", StringComparison.Ordinal);
        if (isIoctlSpec && Current.Kind == TokenKind.Equals && PeekToken().Kind == TokenKind.OpenBrace)
        {
            Advance(); // =
            Advance(); // {
            var body = ParseSpecBody(out bool terminated, out var terminator, out _);
            var span = TextSpan.FromBounds(staticTok.Span.Start, terminated ? terminator.End : Current.Span.Start);
            if (!terminated)
            {
                _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.UnterminatedSpec, nameTok.Span, nameTok.Text, "'};'"));
            }
            return new SpecBlockSyntax(span, SpecEntryForm.IoctlStruct, nameTok.Text, nameTok.Span, EquatableArray<MacroArgumentSyntax>.Empty, body.ToEquatableArray(), terminated, terminator);
        }

        if (Current.Kind == TokenKind.OpenBracket)
        {
            Advance();
            if (Current.Kind != TokenKind.CloseBracket) ParseExpr();
            if (!Accept(TokenKind.CloseBracket) || Current.Kind != TokenKind.Equals || PeekToken().Kind != TokenKind.OpenBrace)
            {
                _pos = start;
                return null;
            }
            Advance(); // =
            var init = ParseInitializerList();
            Accept(TokenKind.Semicolon);
            return new ArrayDeclarationSyntax(TextSpan.FromBounds(staticTok.Span.Start, init.Span.End), nameTok.Text, nameTok.Span, typeText, init.Elements);
        }

        _pos = start;
        return null;
    }

    private SpecBlockSyntax ParseMacroSpec(SpecEntryForm form)
    {
        var entry = Advance();
        string name = string.Empty;
        TextSpan nameSpan = entry.Span;
        var entryArgs = EquatableArray<MacroArgumentSyntax>.Empty;
        if (Current.Kind == TokenKind.OpenParen)
        {
            var args = ParseMacroArguments();
            entryArgs = args.ToEquatableArray();
            if (args.Count > 0)
            {
                var first = args[0];
                nameSpan = first.Span;
                if (first.Expression is IdentifierSyntax id)
                {
                    name = id.Name;
                }
                else
                {
                    name = first.RawText;
                    _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.InvalidName, first.Span, Lexer.Truncate(first.RawText)));
                }
            }
            else
            {
                _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.InvalidName, entry.Span, string.Empty));
            }
        }
        else
        {
            Error(entry.Span, $"'{entry.Text}' must be followed by '(name)'");
        }

        var body = ParseSpecBody(out bool terminated, out var terminator, out int statementsEnd);
        if (!terminated)
        {
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.UnterminatedSpec, nameSpan, name, form == SpecEntryForm.IoctlHeaderMacro ? "KAPI_END_IOCTL_SPEC" : "KAPI_END_SPEC;"));
        }
        var end = terminated ? terminator.End : (statementsEnd >= 0 ? statementsEnd : nameSpan.End);
        return new SpecBlockSyntax(TextSpan.FromBounds(entry.Span.Start, end), form, name, nameSpan, entryArgs, body.ToEquatableArray(), terminated, terminator);
    }

    private static bool IsEntryName(string name) =>
        name is "DEFINE_KERNEL_API_SPEC" or "DEFINE_KAPI_IOCTL_SPEC" or "DEFINE_SYSFS_API_SPEC" or "DEFINE_IOCTL_API_SPEC";
}
