using System;
using System.Collections.Generic;
using Kapi.Collections;
using Kapi.Diagnostics;
using Kapi.Lexing;
using Kapi.Syntax;
using Kapi.Text;

namespace Kapi.Parsing;

/// <summary>
/// Parses the token stream of a spec file into <see cref="KapiFileSyntax"/>. Recognises the entry forms
/// (<c>DEFINE_KERNEL_API_SPEC</c>, <c>DEFINE_KAPI_IOCTL_SPEC</c>, <c>DEFINE_SYSFS_API_SPEC</c>,
/// <c>DEFINE_IOCTL_API_SPEC</c>, the RFC v1 <c>static const struct kapi_ioctl_spec</c> initializer),
/// file-scope arrays and #define lines. Never throws; recovers and reports located diagnostics.
/// </summary>
public sealed class Parser
{
    public const int MaxDepth = 128;

    private static readonly HashSet<string> s_typeWords = new(StringComparer.Ordinal)
    {
        "const", "volatile", "unsigned", "signed", "int", "long", "short", "char", "void", "_Bool", "bool",
        "struct", "union", "enum", "float", "double",
        "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64",
        "__s8", "__s16", "__s32", "__s64", "__u8", "__u16", "__u32", "__u64",
        "__le16", "__le32", "__le64", "__be16", "__be32", "__be64", "__user", "__kernel",
    };

    private static readonly HashSet<string> s_fileLevelMacros = new(StringComparer.Ordinal)
    {
        "KAPI_IOCTL_SPEC_DRIVER", "KAPI_DEFINE_FOPS", "KAPI_REGISTER_IOCTL_SPECS", "KAPI_REGISTER_IOCTL_HANDLERS",
        "KAPI_IOCTL_OPS", "DEFINE_IOCTL_HANDLER",
    };

    private readonly List<Token> _tokens;
    private List<KapiDiagnostic> _diagnostics;
    private readonly List<KapiDiagnostic> _scratch = new();

    // While a macro argument is parsed in place, tokens at or after _limit read as end of file.
    private int _limit = int.MaxValue;
    private Token _limitToken;
    private readonly bool _cSource;
    private int _pos;
    private int _depth;
    private bool _depthReported;

    private Parser(List<Token> tokens, List<KapiDiagnostic> diagnostics, bool cSource)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
        _cSource = cSource;
    }

    /// <summary>Lexes and parses <paramref name="text"/>.</summary>
    /// <param name="cSource">True for C sources and headers: text outside spec blocks is skipped silently.</param>
    public static KapiFileSyntax Parse(KapiSourceText text, List<KapiDiagnostic> diagnostics, bool cSource = false)
    {
        var raw = Lexer.Lex(text.Text, diagnostics);
        var defines = new List<Preprocessor.DirectiveLine>();
        var tokens = Preprocessor.Run(raw, diagnostics, defines);
        var parser = new Parser(tokens, diagnostics, cSource);
        var items = parser.ParseFile(defines);
        return new KapiFileSyntax(items.ToEquatableArray());
    }

    /// <summary>Parses a standalone C expression (used by tests and tools).</summary>
    public static ExpressionSyntax ParseExpression(string text, List<KapiDiagnostic> diagnostics)
    {
        var tokens = Lexer.Lex(text, diagnostics);
        var parser = new Parser(tokens, diagnostics, false);
        var e = parser.ParseExpr();
        if (parser.Current.Kind != TokenKind.EndOfFile)
        {
            parser.Error(parser.Current.Span, $"Unexpected '{Lexer.Truncate(parser.Current.Text)}' after the expression");
        }
        return e;
    }

    private Token Current => _pos >= _limit ? _limitToken : _tokens[Math.Min(_pos, _tokens.Count - 1)];

    private Token PeekToken(int n = 1) => _pos + n >= _limit ? _limitToken : _tokens[Math.Min(_pos + n, _tokens.Count - 1)];

    private Token Advance()
    {
        WorkCounter.Tick();
        var t = Current;
        if (_pos < _tokens.Count - 1 && _pos < _limit) _pos++;
        return t;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }
        return false;
    }

    private void Error(TextSpan span, string message) =>
        _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.SyntaxError, span, message));

    private static string Describe(Token t) => t.Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.String => "string literal",
        _ => $"'{Lexer.Truncate(t.Text)}'",
    };

    // ------------------------------------------------------------------ file level

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
        var p = new Parser(sub, _diagnostics, false);
        var value = p.ParseExpr();
        if (p.Current.Kind != TokenKind.EndOfFile)
        {
            Error(p.Current.Span, $"Unexpected {Describe(p.Current)} in #define {name.Text}");
        }
        return new DefineSyntax(span, name.Text, name.Span, value, false);
    }

    /// <summary>Skips a balanced ( … ) group starting at the current '('.</summary>
    private void SkipBalanced()
    {
        int depth = 0;
        do
        {
            var k = Current.Kind;
            if (k == TokenKind.OpenParen || k == TokenKind.OpenBrace || k == TokenKind.OpenBracket) depth++;
            else if (k == TokenKind.CloseParen || k == TokenKind.CloseBrace || k == TokenKind.CloseBracket) depth--;
            else if (k == TokenKind.EndOfFile) return;
            Advance();
        }
        while (depth > 0);
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
            var body = ParseSpecBody(SpecEntryForm.IoctlStruct, out bool terminated, out var terminator);
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

        var body = ParseSpecBody(form, out bool terminated, out var terminator);
        if (!terminated)
        {
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.UnterminatedSpec, nameSpan, name, form == SpecEntryForm.IoctlHeaderMacro ? "KAPI_END_IOCTL_SPEC" : "KAPI_END_SPEC;"));
        }
        var end = terminated ? terminator.End : (body.Count > 0 ? body[body.Count - 1].Span.End : nameSpan.End);
        return new SpecBlockSyntax(TextSpan.FromBounds(entry.Span.Start, end), form, name, nameSpan, entryArgs, body.ToEquatableArray(), terminated, terminator);
    }

    private static bool IsEntryName(string name) =>
        name is "DEFINE_KERNEL_API_SPEC" or "DEFINE_KAPI_IOCTL_SPEC" or "DEFINE_SYSFS_API_SPEC" or "DEFINE_IOCTL_API_SPEC";

    private List<StatementSyntax> ParseSpecBody(SpecEntryForm form, out bool terminated, out TextSpan terminator)
    {
        var body = new List<StatementSyntax>();
        terminated = false;
        terminator = default;
        bool recovering = false;
        while (true)
        {
            var t = Current;
            switch (t.Kind)
            {
                case TokenKind.EndOfFile:
                    return body;
                case TokenKind.Identifier:
                    if (t.Text is "KAPI_END_SPEC" or "KAPI_END_IOCTL_SPEC" or "KAPI_IOCTL_END_SPEC")
                    {
                        Advance();
                        var endSpan = t.Span;
                        if (Current.Kind == TokenKind.Semicolon) endSpan = endSpan.Cover(Advance().Span);
                        terminated = true;
                        terminator = endSpan;
                        return body;
                    }
                    if (IsEntryName(t.Text) || (t.Text == "static" && _cSource))
                    {
                        return body; // a new spec starts: this one is unterminated
                    }
                    {
                        var name = Advance();
                        EquatableArray<MacroArgumentSyntax>? args = null;
                        var span = name.Span;
                        if (Current.Kind == TokenKind.OpenParen)
                        {
                            var list = ParseMacroArguments();
                            args = list.ToEquatableArray();
                            span = TextSpan.FromBounds(name.Span.Start, _tokens[Math.Max(0, _pos - 1)].Span.End);
                        }
                        if (Current.Kind is TokenKind.Semicolon or TokenKind.Comma) Advance();
                        body.Add(new MacroInvocationSyntax(span, name.Text, name.Span, args));
                        recovering = false;
                    }
                    break;
                case TokenKind.Dot:
                    {
                        var stmt = ParseDesignatedStatement();
                        if (stmt is not null)
                        {
                            body.Add(stmt);
                            recovering = false;
                        }
                        break;
                    }
                case TokenKind.CloseBrace:
                    Advance();
                    if (Current.Kind == TokenKind.Semicolon)
                    {
                        var semi = Advance();
                        terminated = true;
                        terminator = TextSpan.FromBounds(t.Span.Start, semi.Span.End);
                        return body;
                    }
                    Accept(TokenKind.Comma);
                    body.Add(new CloseBraceSyntax(t.Span));
                    recovering = false;
                    break;
                case TokenKind.Comma:
                case TokenKind.Semicolon:
                    Advance();
                    break;
                default:
                    if (!recovering && t.Kind != TokenKind.Bad)
                    {
                        Error(t.Span, $"Unexpected {Describe(t)} in a spec: expected a KAPI macro, a '.field = value,' initializer or '}}'");
                    }
                    recovering = true;
                    Advance();
                    break;
            }
        }
    }

    private StatementSyntax? ParseDesignatedStatement()
    {
        var dot = Advance();
        if (Current.Kind != TokenKind.Identifier)
        {
            Error(Current.Span, $"Expected a field name after '.', found {Describe(Current)}");
            return null;
        }
        var field = Advance();
        ExpressionSyntax? index = null;
        if (Accept(TokenKind.OpenBracket))
        {
            index = ParseExpr();
            if (!Accept(TokenKind.CloseBracket)) Error(Current.Span, $"Expected ']' after the index of '.{field.Text}'");
        }
        if (!Accept(TokenKind.Equals))
        {
            Error(Current.Span, $"Expected '=' after '.{field.Text}', found {Describe(Current)}");
            return null;
        }
        if (Current.Kind == TokenKind.OpenBrace)
        {
            var brace = Advance();
            return new FieldScopeOpenSyntax(TextSpan.FromBounds(dot.Span.Start, brace.Span.End), field.Text, field.Span, index);
        }
        var value = ParseExpr();
        var span = TextSpan.FromBounds(dot.Span.Start, value.Span.End);
        // A comma may be omitted before a closer: '*_END' and KAPI_END_SPEC expand to '},' / '};'.
        if (!Accept(TokenKind.Comma) && Current.Kind != TokenKind.CloseBrace
            && !(Current.Kind == TokenKind.Identifier && (Current.Text.EndsWith("_END", StringComparison.Ordinal) || Current.Text is "KAPI_END_SPEC" or "KAPI_END_IOCTL_SPEC" or "KAPI_IOCTL_END_SPEC")))
        {
            Error(new TextSpan(value.Span.End, 0), $"Expected ',' after the value of '.{field.Text}', found {Describe(Current)}");
        }
        return new FieldAssignmentSyntax(span, field.Text, field.Span, index, value);
    }

    /// <summary>Parses '(' arg, arg, … ')' where each argument is a balanced token run.</summary>
    private List<MacroArgumentSyntax> ParseMacroArguments()
    {
        var open = Advance(); // (
        var args = new List<MacroArgumentSyntax>();
        if (Current.Kind == TokenKind.CloseParen)
        {
            Advance();
            return args;
        }
        while (true)
        {
            int start = _pos;
            int depth = 0;
            while (true)
            {
                var k = Current.Kind;
                if (k == TokenKind.EndOfFile) break;
                if (depth == 0 && (k == TokenKind.Comma || k == TokenKind.CloseParen)) break;
                if (k is TokenKind.OpenParen or TokenKind.OpenBrace or TokenKind.OpenBracket) depth++;
                else if (k is TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.CloseBracket) depth--;
                // A macro argument list never spans a new entry form: stop at one to recover.
                if (k == TokenKind.Identifier && IsEntryName(Current.Text)) break;
                if (depth > MaxDepth)
                {
                    ReportDepth(Current.Span);
                }
                Advance();
            }
            int end = _pos;
            args.Add(MakeArgument(start, end));
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            if (Current.Kind == TokenKind.CloseParen)
            {
                Advance();
                return args;
            }
            Error(open.Span, "Unclosed '(' in a macro invocation");
            return args;
        }
    }

    private MacroArgumentSyntax MakeArgument(int start, int end)
    {
        if (end <= start)
        {
            var at = new TextSpan(Current.Span.Start, 0);
            return new MacroArgumentSyntax(at, string.Empty, new MissingExpressionSyntax(at));
        }
        var span = TextSpan.FromBounds(_tokens[start].Span.Start, _tokens[end - 1].Span.End);
        string raw;
        if (end - start == 1)
        {
            raw = _tokens[start].Text;
        }
        else
        {
            var sb = new System.Text.StringBuilder();
            for (int i = start; i < end; i++)
            {
                if (i > start) sb.Append(' ');
                sb.Append(_tokens[i].Text);
            }
            raw = sb.ToString();
        }

        // Parse the argument in place, silently (the binder reports when it needs the value): tokens from `end` on
        // read as end of file, diagnostics go to a scratch list.
        int savedPos = _pos, savedLimit = _limit;
        var savedToken = _limitToken;
        var savedDiagnostics = _diagnostics;
        _pos = start;
        _limit = end;
        _limitToken = new Token(TokenKind.EndOfFile, new TextSpan(span.End, 0), string.Empty);
        _scratch.Clear();
        _diagnostics = _scratch;
        try
        {
            ExpressionSyntax expr = ParseExpr();
            if (Current.Kind != TokenKind.EndOfFile || _scratch.Count > 0)
            {
                // maybe a type name (struct tag etc.)
                _pos = start;
                var type = TryParseTypeNameUntilEnd();
                expr = type is not null ? type : new MissingExpressionSyntax(span);
            }
            return new MacroArgumentSyntax(span, raw, expr);
        }
        finally
        {
            _pos = savedPos;
            _limit = savedLimit;
            _limitToken = savedToken;
            _diagnostics = savedDiagnostics;
        }
    }

    private TypeNameSyntax? TryParseTypeNameUntilEnd()
    {
        var t = TryParseTypeName(TokenKind.EndOfFile);
        return t is not null && Current.Kind == TokenKind.EndOfFile ? t : null;
    }

    // ------------------------------------------------------------------ expressions

    private void ReportDepth(TextSpan span)
    {
        if (!_depthReported)
        {
            _depthReported = true;
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.NestingTooDeep, span, MaxDepth));
        }
    }

    internal ExpressionSyntax ParseExpr()
    {
        if (++_depth > MaxDepth)
        {
            ReportDepth(Current.Span);
            _depth--;
            var span = Current.Span;
            // skip the rest of this nesting level
            int d = 0;
            while (Current.Kind != TokenKind.EndOfFile)
            {
                var k = Current.Kind;
                if (k is TokenKind.OpenParen or TokenKind.OpenBrace or TokenKind.OpenBracket) d++;
                else if (k is TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.CloseBracket) { if (d == 0) break; d--; }
                else if (d == 0 && k == TokenKind.Comma) break;
                Advance();
            }
            return new MissingExpressionSyntax(span);
        }
        try
        {
            return ParseConditional();
        }
        finally
        {
            _depth--;
        }
    }

    private ExpressionSyntax ParseConditional()
    {
        var cond = ParseBinary(0);
        if (Current.Kind == TokenKind.Question)
        {
            Advance();
            var a = ParseExpr();
            if (!Accept(TokenKind.Colon)) Error(Current.Span, "Expected ':' in a conditional expression");
            var b = ParseExpr();
            return new ConditionalExpressionSyntax(cond.Span.Cover(b.Span), cond, a, b);
        }
        return cond;
    }

    private static int Precedence(TokenKind k) => k switch
    {
        TokenKind.BarBar => 1,
        TokenKind.AmpAmp => 2,
        TokenKind.Bar => 3,
        TokenKind.Caret => 4,
        TokenKind.Amp => 5,
        TokenKind.EqualsEquals or TokenKind.BangEquals => 6,
        TokenKind.Less or TokenKind.Greater or TokenKind.LessEquals or TokenKind.GreaterEquals => 7,
        TokenKind.LessLess or TokenKind.GreaterGreater => 8,
        TokenKind.Plus or TokenKind.Minus => 9,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 10,
        _ => -1,
    };

    private ExpressionSyntax ParseBinary(int minPrec)
    {
        var left = ParseUnary();
        while (true)
        {
            var op = Current.Kind;
            int prec = Precedence(op);
            if (prec < 0 || prec <= minPrec - 1 || prec < minPrec) break;
            Advance();
            var right = ParseBinary(prec + 1);
            left = new BinaryExpressionSyntax(left.Span.Cover(right.Span), op, left, right);
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Minus:
            case TokenKind.Plus:
            case TokenKind.Tilde:
            case TokenKind.Bang:
                {
                    Advance();
                    if (++_depth > MaxDepth)
                    {
                        _depth--;
                        ReportDepth(t.Span);
                        return new MissingExpressionSyntax(t.Span);
                    }
                    var operand = ParseUnary();
                    _depth--;
                    return new UnaryExpressionSyntax(t.Span.Cover(operand.Span), t.Kind, operand);
                }
            case TokenKind.OpenParen:
                {
                    // cast or compound literal?
                    int save = _pos;
                    Advance();
                    var type = TryParseTypeName(TokenKind.CloseParen);
                    if (type is not null && Current.Kind == TokenKind.CloseParen)
                    {
                        var close = Advance();
                        if (Current.Kind == TokenKind.OpenBrace)
                        {
                            var init = ParseInitializerList();
                            return new CompoundLiteralSyntax(t.Span.Cover(init.Span), type, init);
                        }
                        if (++_depth > MaxDepth)
                        {
                            _depth--;
                            ReportDepth(t.Span);
                            return new MissingExpressionSyntax(t.Span);
                        }
                        var operand = ParseUnary();
                        _depth--;
                        _ = close;
                        return new CastExpressionSyntax(t.Span.Cover(operand.Span), type, operand);
                    }
                    _pos = save;
                    break;
                }
        }
        return ParsePrimary();
    }

    private ExpressionSyntax ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteralSyntax(t.Span, t.Text, t.Number, t.IsUnsigned, t.IsValid);
            case TokenKind.Char:
                Advance();
                return new CharLiteralSyntax(t.Span, t.Number);
            case TokenKind.String:
                {
                    Advance();
                    var sb = new System.Text.StringBuilder(t.Value);
                    var span = t.Span;
                    while (Current.Kind == TokenKind.String)
                    {
                        var s = Advance();
                        sb.Append(s.Value);
                        span = span.Cover(s.Span);
                    }
                    return new StringLiteralSyntax(span, sb.ToString());
                }
            case TokenKind.Identifier:
                {
                    Advance();
                    if (t.Text is "sizeof" or "__alignof__" or "_Alignof" or "alignof" or "__alignof")
                    {
                        if (Current.Kind == TokenKind.OpenParen)
                        {
                            int save = _pos;
                            Advance();
                            var type = TryParseTypeName(TokenKind.CloseParen);
                            if (type is not null && Current.Kind == TokenKind.CloseParen)
                            {
                                var close = Advance();
                                return new SizeofExpressionSyntax(TextSpan.FromBounds(t.Span.Start, close.Span.End), t.Text, type);
                            }
                            _pos = save;
                        }
                        var operand = ParseUnary();
                        return new SizeofExpressionSyntax(t.Span.Cover(operand.Span), t.Text, operand);
                    }
                    if (Current.Kind == TokenKind.OpenParen && Current.Span.Start >= t.Span.End)
                    {
                        var open = Advance();
                        var args = new List<ExpressionSyntax>();
                        if (Current.Kind != TokenKind.CloseParen)
                        {
                            while (true)
                            {
                                // offsetof(struct x, f) and similar take type names
                                var type = TryTypeArgument();
                                args.Add(type is not null ? type : ParseExpr());
                                if (Accept(TokenKind.Comma)) continue;
                                break;
                            }
                        }
                        var endSpan = Current.Span;
                        if (!Accept(TokenKind.CloseParen))
                        {
                            Error(open.Span, $"Unclosed '(' after '{t.Text}'");
                            endSpan = args.Count > 0 ? args[args.Count - 1].Span : open.Span;
                        }
                        return new CallExpressionSyntax(TextSpan.FromBounds(t.Span.Start, endSpan.End), t.Text, t.Span, args.ToEquatableArray());
                    }
                    return new IdentifierSyntax(t.Span, t.Text);
                }
            case TokenKind.OpenParen:
                {
                    var open = Advance();
                    var inner = ParseExpr();
                    var close = Current;
                    if (!Accept(TokenKind.CloseParen))
                    {
                        Error(open.Span, "Unclosed '('");
                        return new ParenthesizedExpressionSyntax(open.Span.Cover(inner.Span), inner);
                    }
                    return new ParenthesizedExpressionSyntax(TextSpan.FromBounds(open.Span.Start, close.Span.End), inner);
                }
            case TokenKind.OpenBrace:
                return ParseInitializerList();
            default:
                Error(t.Span.Length == 0 ? t.Span : t.Span, $"Expected a value, found {Describe(t)}");
                // do not consume structural tokens; consume anything else to make progress
                if (t.Kind is not (TokenKind.EndOfFile or TokenKind.Comma or TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.Semicolon))
                {
                    Advance();
                }
                return new MissingExpressionSyntax(new TextSpan(t.Span.Start, 0));
        }
    }

    private TypeNameSyntax? TryTypeArgument()
    {
        if (Current.Kind != TokenKind.Identifier) return null;
        if (!(Current.Text is "struct" or "union" or "enum")) return null;
        int save = _pos;
        var type = TryParseTypeName(TokenKind.Comma);
        if (type is not null && (Current.Kind == TokenKind.Comma || Current.Kind == TokenKind.CloseParen)) return type;
        _pos = save;
        return null;
    }

    private static bool IsTypeWord(string s) => s_typeWords.Contains(s) || (s.EndsWith("_t", StringComparison.Ordinal) && s.Length > 2);

    /// <summary>Tries to read a type name up to (not including) <paramref name="terminator"/>.</summary>
    private TypeNameSyntax? TryParseTypeName(TokenKind terminator)
    {
        int save = _pos;
        if (Current.Kind != TokenKind.Identifier || !IsTypeWord(Current.Text))
        {
            return null;
        }
        var start = Current.Span;
        var end = start;
        var sb = new System.Text.StringBuilder();
        bool expectTag = false;
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Identifier && (expectTag || IsTypeWord(t.Text) || sb.Length == 0))
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(t.Text);
                expectTag = t.Text is "struct" or "union" or "enum";
                end = t.Span;
                Advance();
                continue;
            }
            if (t.Kind == TokenKind.Star)
            {
                sb.Append('*');
                end = t.Span;
                Advance();
                continue;
            }
            if (t.Kind == TokenKind.OpenBracket)
            {
                Advance();
                if (Current.Kind == TokenKind.Number) Advance();
                if (Current.Kind != TokenKind.CloseBracket)
                {
                    _pos = save;
                    return null;
                }
                end = Advance().Span;
                sb.Append("[]");
                continue;
            }
            break;
        }
        if (expectTag || (Current.Kind != terminator && Current.Kind != TokenKind.CloseParen))
        {
            _pos = save;
            return null;
        }
        return new TypeNameSyntax(TextSpan.FromBounds(start.Start, end.End), sb.ToString());
    }

    private InitializerListSyntax ParseInitializerList()
    {
        var open = Advance(); // {
        var elements = new List<ExpressionSyntax>();
        if (++_depth > MaxDepth)
        {
            ReportDepth(open.Span);
            _pos--;
            SkipBalanced();
            _depth--;
            return new InitializerListSyntax(open.Span, EquatableArray<ExpressionSyntax>.Empty);
        }
        try
        {
            while (Current.Kind != TokenKind.CloseBrace && Current.Kind != TokenKind.EndOfFile)
            {
                int before = _pos;
                if (Current.Kind == TokenKind.Dot && PeekToken().Kind == TokenKind.Identifier)
                {
                    var dot = Advance();
                    var field = Advance();
                    string designator = field.Text;
                    if (Accept(TokenKind.OpenBracket))
                    {
                        var idx = ParseExpr();
                        Accept(TokenKind.CloseBracket);
                        designator += "[" + (idx is NumberLiteralSyntax n ? n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?") + "]";
                    }
                    if (!Accept(TokenKind.Equals)) Error(Current.Span, $"Expected '=' after '.{field.Text}'");
                    var v = ParseExpr();
                    elements.Add(new DesignatedElementSyntax(dot.Span.Cover(v.Span), designator, v));
                }
                else if (Current.Kind == TokenKind.OpenBracket)
                {
                    var ob = Advance();
                    var idx = ParseExpr();
                    Accept(TokenKind.CloseBracket);
                    Accept(TokenKind.Equals);
                    var v = ParseExpr();
                    elements.Add(new DesignatedElementSyntax(ob.Span.Cover(v.Span), "[" + (idx is NumberLiteralSyntax n ? n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?") + "]", v));
                }
                else
                {
                    elements.Add(ParseExpr());
                }
                if (!Accept(TokenKind.Comma))
                {
                    if (Current.Kind != TokenKind.CloseBrace)
                    {
                        Error(Current.Span, $"Expected ',' or '}}' in an initializer list, found {Describe(Current)}");
                        if (_pos == before) Advance();
                        // resynchronise on the closing brace or a comma
                        while (Current.Kind is not (TokenKind.CloseBrace or TokenKind.Comma or TokenKind.EndOfFile)) Advance();
                        Accept(TokenKind.Comma);
                    }
                }
            }
            var close = Current;
            if (!Accept(TokenKind.CloseBrace))
            {
                Error(open.Span, "Unclosed '{'");
                return new InitializerListSyntax(open.Span, elements.ToEquatableArray());
            }
            return new InitializerListSyntax(TextSpan.FromBounds(open.Span.Start, close.Span.End), elements.ToEquatableArray());
        }
        finally
        {
            _depth--;
        }
    }
}
