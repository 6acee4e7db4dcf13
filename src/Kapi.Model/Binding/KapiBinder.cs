using Kapi.Binding.Kerneldoc;
using Kapi.Diagnostics;
using Kapi.Kerneldoc;
using Kapi.Lexing;
using Kapi.Model;
using Kapi.Parsing;
using Kapi.Syntax;
using Kapi.Text;

namespace Kapi.Binding;

/// <summary>
/// Binds the flat statement list of each spec block to scopes (the scope model of the C initializers the macros expand to:
/// openers, *_END closers and literal '},', raw '.field = value,' bound to the innermost open scope, last
/// assignment wins), then builds the immutable <see cref="ApiSpec"/> model with values per architecture.
/// The binder works on syntax only, so a kerneldoc parser can feed the same scopes later.
/// </summary>
internal sealed partial class KapiBinder
{
    private readonly List<KapiDiagnostic> _diagnostics;
    private readonly FileSymbols _symbols = new();
    private readonly HashSet<(int, int, string)> _reported = new();
    private readonly List<Scope> _stack = new();

    private readonly SpecValues _values;
    private int _suggestionBudget = 64;
    private readonly SpecModelBuilder _modelBuilder;

    private KapiBinder(List<KapiDiagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
        _values = new SpecValues(_symbols, (d, span, args) => Report(d, span, args));
        _modelBuilder = new SpecModelBuilder(_values, (d, span, args) => Report(d, span, args));
    }

    public static KapiFileModel BindFile(KapiSourceText text, KapiParseOptions options)
    {
        var diagnostics = new List<KapiDiagnostic>();
        if (Utf8Size(text.Text, options.MaxFileSize) is long size && size > options.MaxFileSize)
        {
            diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.FileTooLarge, new TextSpan(0, 0), size, options.MaxFileSize));
            return new KapiFileModel(text.Path, EquatableArray<ApiSpec>.Empty, EquatableArray<SpecLocation>.Empty, diagnostics.ToEquatableArray());
        }

        // kernel-doc specs (the form upstream uses from RFC v3 on) in any file; the macro forms in spec files and in
        // C files that name one of their entry macros (the rest of a kernel tree is not parsed as C at all)
        var kerneldocSpecs = KerneldocReader.Read(text);
        bool cSource = options.InputKind == KapiInputKind.CSource;
        var syntax = !cSource || kerneldocSpecs.Count > 0 || MayHoldMacroSpecs(text.Text)
            ? Parser.Parse(text, diagnostics, cSource)
            : null;
        var binder = new KapiBinder(diagnostics);
        var bound = new List<(ApiSpec Spec, SpecLocation Location)>();

        foreach (var item in syntax?.Items ?? EquatableArray<FileItemSyntax>.Empty)
        {
            switch (item)
            {
                case DefineSyntax d:
                    if (!d.IsFunctionLike) binder._symbols.Define(d.Name, d.Value);
                    break;
                case ArrayDeclarationSyntax a:
                    binder._symbols.AddArray(a.Name, a.Elements);
                    break;
                case SpecBlockSyntax block:
                    if (binder.BindSpec(block) is { } spec) bound.Add((spec, new SpecLocation(spec.Name, block.NameSpan, block.Span)));
                    break;
            }
        }
        if (kerneldocSpecs.Count > 0)
        {
            var kerneldocBinder = new KerneldocBinder(binder._values, (d, span, args) => binder.Report(d, span, args), diagnostics);
            foreach (var comment in kerneldocSpecs)
            {
                if (kerneldocBinder.Bind(comment) is not { } scope) continue;
                var spec = binder._modelBuilder.Build(scope.Name, SpecEntryForm.KernelApi, scope.Spec, wrapper: null);
                bound.Add((spec, new SpecLocation(spec.Name, scope.NameSpan, comment.Span)));
            }
        }

        // one spec per name, in file order whichever form each is written in
        var specs = new List<ApiSpec>();
        var locations = new List<SpecLocation>();
        var seen = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
        foreach (var (spec, location) in bound.OrderBy(b => b.Location.BlockSpan.Start))
        {
            if (seen.TryGetValue(spec.Name, out var first))
            {
                var pos = text.GetLinePosition(first.NameSpan.Start);
                diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.DuplicateSpec, location.NameSpan, spec.Name, $" at line {pos.Line + 1}"));
                continue;
            }
            seen[spec.Name] = location;
            specs.Add(spec);
            locations.Add(location);
        }

        // stable order: by position in the file (already), diagnostics sorted by position then ID
        var sorted = diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Span.Start)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();
        return new KapiFileModel(text.Path, specs.ToEquatableArray(), locations.ToEquatableArray(), sorted.ToEquatableArray());
    }

    /// <summary>True when a C file names an entry macro of the macro form (or the RFC v1 ioctl struct): only those are parsed as C.</summary>
    private static bool MayHoldMacroSpecs(string text)
    {
        foreach (var name in SpecMarkers.MacroEntryNames)
        {
            if (text.IndexOf(name, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// The file's size in UTF-8 bytes (what the limit and the message speak of), counted only when the character
    /// count alone cannot decide: a UTF-8 byte count is at least the UTF-16 length and at most three times it.
    /// </summary>
    private static long? Utf8Size(string text, int limit)
    {
        if (text.Length > limit) return text.Length; // already over: the exact count does not matter
        if ((long)text.Length * 3 <= limit) return null;
        return System.Text.Encoding.UTF8.GetByteCount(text);
    }

    // ------------------------------------------------------------------ diagnostics

    private void Report(KapiDiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        var d = KapiDiagnostic.Create(descriptor, span, args);
        if (_reported.Add((span.Start, span.Length, descriptor.Id + d.Message)))
        {
            _diagnostics.Add(d);
        }
    }

    // ------------------------------------------------------------------ scopes

    private Scope Innermost => _stack[_stack.Count - 1];

    private static string Describe(ScopeKind kind) => kind switch
    {
        ScopeKind.IoctlWrapper => "the ioctl spec",
        ScopeKind.Spec => "the spec",
        ScopeKind.Param => "a parameter (KAPI_PARAM)",
        ScopeKind.Return => "the return spec (KAPI_RETURN)",
        ScopeKind.Error => "an error (KAPI_ERROR)",
        ScopeKind.Signal => "a signal (KAPI_SIGNAL)",
        ScopeKind.SignalMask => "a signal mask (KAPI_SIGNAL_MASK)",
        ScopeKind.Lock => "a lock (KAPI_LOCK)",
        ScopeKind.Constraint => "a constraint (KAPI_CONSTRAINT)",
        ScopeKind.SideEffect => "a side effect (KAPI_SIDE_EFFECT)",
        ScopeKind.StateTrans => "a state transition (KAPI_STATE_TRANS)",
        ScopeKind.Capability => "a capability (KAPI_CAPABILITY)",
        ScopeKind.StructSpec => "a struct spec (KAPI_STRUCT_SPEC)",
        ScopeKind.StructField => "a struct field (KAPI_STRUCT_FIELD)",
        ScopeKind.ProtocolBehavior => "a protocol behavior (KAPI_PROTOCOL_BEHAVIOR)",
        ScopeKind.AddrFamily => "an address family (KAPI_ADDR_FAMILY)",
        ScopeKind.SocketState => "the socket state (KAPI_SOCKET_STATE_REQ)",
        ScopeKind.Buffer => "the buffer spec (KAPI_BUFFER_SPEC)",
        ScopeKind.Async => "the async spec (KAPI_ASYNC_SPEC)",
        _ => kind.ToString(),
    };

    private static string CloserFor(Scope scope)
    {
        if (scope.ClosedByBrace) return "'}'";
        foreach (var name in MacroTable.Names)
        {
            if (MacroTable.TryGet(name, out var def) && def.Kind == MacroKind.Close && def.Scope == scope.Kind) return name;
        }
        return "'}'";
    }

    private static ScopeKind ParentOf(ScopeKind kind) => kind switch
    {
        ScopeKind.StructField => ScopeKind.StructSpec,
        ScopeKind.Spec => ScopeKind.IoctlWrapper,
        _ => ScopeKind.Spec,
    };

    /// <summary>The innermost open scope of <paramref name="kind"/>; placeholders (scopes whose opener was reported) only
    /// when <paramref name="includePlaceholders"/> (a closer closes them, a child is never created in them).</summary>
    private int FindOnStack(ScopeKind kind, bool includePlaceholders = false)
    {
        for (int i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].Kind == kind && (includePlaceholders || !_stack[i].IsPlaceholder)) return i;
        }
        return -1;
    }

    /// <summary>Pops scopes above <paramref name="index"/>, reporting each as unclosed.</summary>
    private void PopAbove(int index)
    {
        while (_stack.Count - 1 > index)
        {
            var s = Innermost;
            Report(KapiDiagnostics.UnclosedScope, s.Span, Describe(s.Kind), CloserFor(s));
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    /// <summary>Creates (or replaces) the child of <paramref name="parent"/> for field/array, reporting range and duplicate problems.</summary>
    private Scope? CreateChild(Scope parent, string field, ScopeKind kind, int max, ExpressionSyntax? indexExpr, TextSpan span, string openedBy, bool byBrace)
    {
        int index = 0;
        if (max > 0)
        {
            if (indexExpr is null)
            {
                Report(KapiDiagnostics.SyntaxError, span, $"'.{field}' is an array: write '.{field}[index] = {{'");
                return null;
            }
            var v = _values.EvaluateIndex(indexExpr);
            if (v is null) return null;
            if (v < 0 || v >= max)
            {
                Report(KapiDiagnostics.IndexOutOfRange, indexExpr.Span, field, v, max);
                return null;
            }
            index = (int)v.Value;
        }
        else if (indexExpr is not null)
        {
            Report(KapiDiagnostics.SyntaxError, indexExpr.Span, $"'.{field}' is not an array");
        }

        var child = new Scope(kind, max > 0 ? field : null, index, span, openedBy, byBrace);
        if (max > 0)
        {
            if (!parent.Arrays.TryGetValue(field, out var items))
            {
                items = new SortedDictionary<int, Scope>();
                parent.Arrays[field] = items;
            }
            if (items.ContainsKey(index))
            {
                Report(KapiDiagnostics.DuplicateIndex, indexExpr!.Span, field, index);
            }
            items[index] = child;
        }
        else
        {
            parent.Singles[field] = child;
        }
        return child;
    }

    // ------------------------------------------------------------------ spec blocks

    private ApiSpec? BindSpec(SpecBlockSyntax block)
    {
        _stack.Clear();
        Scope spec;
        Scope? wrapper = null;
        if (block.Form == SpecEntryForm.IoctlStruct)
        {
            wrapper = new Scope(ScopeKind.IoctlWrapper, null, 0, block.NameSpan, "struct kapi_ioctl_spec", true);
            _stack.Add(wrapper);
            spec = new Scope(ScopeKind.Spec, null, 0, block.NameSpan, ".api_spec", true);
        }
        else
        {
            spec = new Scope(ScopeKind.Spec, null, 0, block.NameSpan, block.Form.ToString(), false);
            _stack.Add(spec);
            if (block.Form == SpecEntryForm.IoctlHeaderMacro && block.EntryArguments.Count >= 3)
            {
                spec.Fields["cmd"] = new FieldValue(block.EntryArguments[1].Expression, block.EntryArguments[1].Span);
                spec.Fields["cmd_name"] = new FieldValue(block.EntryArguments[2].Expression, block.EntryArguments[2].Span);
            }
            else if (block.EntryArguments.Count > 1 && block.Form != SpecEntryForm.IoctlHeaderMacro)
            {
                Report(KapiDiagnostics.WrongArgumentCount, block.EntryArguments[1].Span, block.Form switch
                {
                    SpecEntryForm.IoctlMacro => "DEFINE_KAPI_IOCTL_SPEC",
                    SpecEntryForm.Sysfs => "DEFINE_SYSFS_API_SPEC",
                    _ => "DEFINE_KERNEL_API_SPEC",
                }, 1, block.EntryArguments.Count);
            }
        }

        foreach (var statement in block.Body)
        {
            BindStatement(statement);
        }

        if (block.IsTerminated)
        {
            int root = 0;
            PopAbove(root);
        }

        if (wrapper is not null && wrapper.Singles.TryGetValue("api_spec", out var inner))
        {
            spec = inner;
        }
        else if (wrapper is not null)
        {
            // no .api_spec: the wrapper's own fields still describe the ioctl
            spec = new Scope(ScopeKind.Spec, null, 0, block.NameSpan, ".api_spec", true);
        }

        return _modelBuilder.Build(block, spec, wrapper);
    }

    private void BindStatement(StatementSyntax statement)
    {
        WorkCounter.Tick();
        switch (statement)
        {
            case MacroInvocationSyntax m:
                BindMacro(m);
                break;
            case FieldAssignmentSyntax a:
                BindAssignment(a);
                break;
            case FieldScopeOpenSyntax o:
                BindScopeOpen(o);
                break;
            case CloseBraceSyntax c:
                if (_stack.Count > 1)
                {
                    _stack.RemoveAt(_stack.Count - 1);
                }
                else
                {
                    Report(KapiDiagnostics.UnexpectedCloser, c.Span, "}", "a scope", "no scope is open");
                }
                break;
        }
    }

    private void BindScopeOpen(FieldScopeOpenSyntax o)
    {
        var parent = Innermost;
        if (!parent.IsPlaceholder && MacroTable.SubObjects.TryGetValue((parent.Kind, o.Field), out var sub))
        {
            var child = CreateChild(parent, o.Field, sub.Kind, sub.Max, o.Index, o.FieldSpan, "." + o.Field, true);
            _stack.Add(child ?? new Scope(sub.Kind, null, 0, o.FieldSpan, "." + o.Field, true) { IsPlaceholder = true });
            return;
        }
        if (!parent.IsPlaceholder)
        {
            ReportUnknownField(o.Field, o.FieldSpan, parent.Kind);
        }
        _stack.Add(new Scope(parent.Kind, null, 0, o.FieldSpan, "." + o.Field, true) { IsPlaceholder = true });
    }

    private void ReportUnknownField(string field, TextSpan span, ScopeKind kind)
    {
        var candidates = MacroTable.Fields.TryGetValue(kind, out var f) ? f : Array.Empty<string>();
        var suggestion = Suggestions.Closest(field, candidates);
        Report(KapiDiagnostics.UnknownField, span, field, Describe(kind), suggestion is null ? string.Empty : $"; did you mean '.{suggestion}'?");
    }

    private void BindAssignment(FieldAssignmentSyntax a)
    {
        var scope = Innermost;
        if (scope.IsPlaceholder) return;
        if (MacroTable.SubObjects.ContainsKey((scope.Kind, a.Field)))
        {
            // a whole sub-object given as an initializer list: .locks[0] = { .lock_name = ... } handled as open+fields+close
            if (a.Value is InitializerListSyntax list)
            {
                BindScopeOpen(new FieldScopeOpenSyntax(a.Span, a.Field, a.FieldSpan, a.Index));
                foreach (var element in list.Elements)
                {
                    if (element is DesignatedElementSyntax d && !d.Designator.StartsWith("[", StringComparison.Ordinal))
                    {
                        BindAssignment(new FieldAssignmentSyntax(d.Span, d.Designator, d.Span, null, d.Value));
                    }
                }
                if (_stack.Count > 1) _stack.RemoveAt(_stack.Count - 1);
                return;
            }
            Report(KapiDiagnostics.SyntaxError, a.FieldSpan, $"'.{a.Field}' is a sub-object: write '.{a.Field}{(a.Index is null ? string.Empty : "[index]")} = {{ … }}'");
            return;
        }
        if (!MacroTable.Fields.TryGetValue(scope.Kind, out var fields) || Array.IndexOf(fields, a.Field) < 0)
        {
            ReportUnknownField(a.Field, a.FieldSpan, scope.Kind);
            return;
        }
        if (a.Index is not null)
        {
            Report(KapiDiagnostics.SyntaxError, a.Index.Span, $"'.{a.Field}' is not an array");
        }
        if (MacroTable.TakesString(scope.Kind, a.Field) && !_values.IsString(a.Value))
        {
            Report(KapiDiagnostics.WrongArgumentType, a.Value.Span, 1, "." + a.Field, "a string literal");
            return;
        }
        scope.Fields[a.Field] = new FieldValue(a.Value, a.Span);
    }

    private void BindMacro(MacroInvocationSyntax m)
    {
        if (!MacroTable.TryGet(m.Name, out var def))
        {
            // helper macros are expanded by the parser, but a misspelt one is still worth suggesting
            var suggestion = _suggestionBudget-- > 0 ? Suggestions.Closest(m.Name, MacroTable.Names.Concat(HelperMacroTable.Kernel.Names)) : null;
            Report(KapiDiagnostics.UnknownMacro, m.NameSpan, m.Name, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
            // A misspelt opener or closer is read as the one suggested, so the scopes stay balanced and what follows
            // (its setters, its *_END) is not reported again: one mistake, one diagnostic.
            if (suggestion is not null && MacroTable.TryGet(suggestion, out var meant) && meant.Kind is MacroKind.Open or MacroKind.Close or MacroKind.SelfContained)
            {
                BindMacro(m with { Name = suggestion });
            }
            return;
        }

        var argsOrNull = m.Arguments;
        var args = argsOrNull ?? EquatableArray<MacroArgumentSyntax>.Empty;
        int count = argsOrNull?.Count ?? 0;
        if (def.TakesParentheses && argsOrNull is null)
        {
            Report(KapiDiagnostics.WrongArgumentCount, m.NameSpan, m.Name, def.MinArgs, 0);
            return;
        }
        if (!def.TakesParentheses && argsOrNull is not null)
        {
            Report(KapiDiagnostics.WrongArgumentCount, m.Span, m.Name, 0, count);
            return;
        }
        if (count < def.MinArgs || count > def.MaxArgs)
        {
            Report(KapiDiagnostics.WrongArgumentCount, m.Span, m.Name, def.Variadic ? $"at least {def.MinArgs}" : def.MinArgs.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
            return;
        }

        switch (def.Kind)
        {
            case MacroKind.Open:
            case MacroKind.SelfContained:
                {
                    var parentKind = ParentOf(def.Scope);
                    int parentIndex = FindOnStack(parentKind);
                    if (parentIndex < 0)
                    {
                        Report(KapiDiagnostics.MacroOutOfScope, m.NameSpan, m.Name, Describe(parentKind), Describe(Innermost.Kind));
                        return;
                    }
                    if (parentIndex != _stack.Count - 1) PopAbove(parentIndex);
                    var parent = _stack[parentIndex];
                    int argStart = 0;
                    ExpressionSyntax? indexExpr = null;
                    string field = def.ArrayField ?? SingleFieldFor(def.Scope);
                    int max = 0;
                    if (def.ArrayField is not null)
                    {
                        indexExpr = args[0].Expression;
                        argStart = 1;
                        max = MacroTable.SubObjects[(parentKind, def.ArrayField)].Max;
                    }
                    var child = CreateChild(parent, field, def.Scope, max, indexExpr, m.NameSpan, m.Name, false);
                    var scope = child ?? new Scope(def.Scope, null, 0, m.NameSpan, m.Name, false) { IsPlaceholder = true };
                    if (child is not null) AssignArguments(def, args, argStart, scope);
                    if (def.Kind == MacroKind.Open) _stack.Add(scope);
                    return;
                }
            case MacroKind.Close:
                {
                    int index = FindOnStack(def.Scope, includePlaceholders: true);
                    if (index < 0 || _stack[index].ClosedByBrace && def.Scope != ScopeKind.Spec)
                    {
                        string why = index < 0 ? "no such scope is open" : $"{Describe(def.Scope)} was opened with '{{'";
                        Report(KapiDiagnostics.UnexpectedCloser, m.Span, m.Name, Describe(def.Scope), why);
                        return;
                    }
                    if (index == 0 && _stack[0].Kind == ScopeKind.Spec)
                    {
                        Report(KapiDiagnostics.UnexpectedCloser, m.Span, m.Name, Describe(def.Scope), "the spec itself is closed by KAPI_END_SPEC");
                        return;
                    }
                    PopAbove(index);
                    _stack.RemoveAt(_stack.Count - 1);
                    return;
                }
            case MacroKind.Set:
            case MacroKind.Flag:
                {
                    var scope = Innermost;
                    if (scope.Kind == def.Scope && scope.IsPlaceholder) return; // the opener was reported; its setters are not
                    if (scope.Kind != def.Scope)
                    {
                        int index = FindOnStack(def.Scope);
                        Report(KapiDiagnostics.MacroOutOfScope, m.NameSpan, m.Name, Describe(def.Scope), Describe(scope.Kind));
                        if (index < 0) return;
                        scope = _stack[index];
                    }
                    if (def.Kind == MacroKind.Flag)
                    {
                        scope.Fields[def.FlagField!] = new FieldValue(new IdentifierSyntax(m.NameSpan, def.FlagValue!), m.Span);
                    }
                    else
                    {
                        AssignArguments(def, args, 0, scope);
                    }
                    return;
                }
        }
    }

    private static string SingleFieldFor(ScopeKind kind) => kind switch
    {
        ScopeKind.Return => "return_spec",
        ScopeKind.SocketState => "socket_state",
        ScopeKind.Buffer => "buffer_spec",
        ScopeKind.Async => "async_spec",
        _ => kind.ToString(),
    };

    private void AssignArguments(MacroDef def, EquatableArray<MacroArgumentSyntax> args, int start, Scope scope)
    {
        for (int i = 0; i < def.Args.Length; i++)
        {
            string spec = def.Args[i];
            int colon = spec.IndexOf(':');
            string field = colon < 0 ? spec : spec.Substring(0, colon);
            string shape = colon < 0 ? string.Empty : spec.Substring(colon + 1);
            if (field == "_") continue;
            if (shape == "list")
            {
                // R1 form: (array, count) — the first argument is already an array
                if (start + i < args.Count && IsArrayValue(args[start + i].Expression))
                {
                    scope.Fields[field] = new FieldValue(args[start + i].Expression, args[start + i].Span, ImpliedCount: start + i + 1 >= args.Count);
                    if (start + i + 1 < args.Count && field.EndsWith("_values", StringComparison.Ordinal))
                    {
                        var countArg = args[start + i + 1];
                        scope.Fields[field.Substring(0, field.Length - "_values".Length) + "_count"] = new FieldValue(countArg.Expression, countArg.Span);
                    }
                    return;
                }
                var elements = new List<ExpressionSyntax>();
                TextSpan span = default;
                for (int j = start + i; j < args.Count; j++)
                {
                    elements.Add(args[j].Expression);
                    span = j == start + i ? args[j].Span : span.Cover(args[j].Span);
                }
                scope.Fields[field] = new FieldValue(new InitializerListSyntax(span, elements.ToEquatableArray()), span);
                return;
            }
            if (start + i >= args.Count) break;
            var arg = args[start + i];
            switch (shape)
            {
                case "" when MacroTable.TakesString(def.Scope, field):
                    if (!_values.IsString(arg.Expression))
                    {
                        Report(KapiDiagnostics.WrongArgumentType, arg.Span, start + i + 1, def.Name, "a string literal");
                        continue;
                    }
                    break;
                case "id":
                    scope.Fields[field] = new FieldValue(new StringLiteralSyntax(arg.Span, arg.RawText), arg.Span);
                    continue;
                default:
                    if (arg.Expression is StringLiteralSyntax)
                    {
                        Report(KapiDiagnostics.WrongArgumentType, arg.Span, start + i + 1, def.Name, shape == "arr" ? "an array (a compound literal or the name of a static array)" : "a number, not a string");
                        continue;
                    }
                    if (arg.Expression is MissingExpressionSyntax)
                    {
                        Report(KapiDiagnostics.SyntaxError, arg.Span, $"Cannot parse argument {start + i + 1} of '{def.Name}' as a C expression: '{Lexer.Truncate(arg.RawText)}'");
                        continue;
                    }
                    break;
            }
            scope.Fields[field] = new FieldValue(arg.Expression, arg.Span, ImpliedCount: shape == "arr");
        }
    }

    private static bool IsArrayValue(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Inner;
        return e is CompoundLiteralSyntax or InitializerListSyntax;
    }
}
