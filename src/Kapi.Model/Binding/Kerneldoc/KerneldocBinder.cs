using Kapi.Diagnostics;
using Kapi.Kerneldoc;
using Kapi.Lexing;
using Kapi.Parsing;
using Kapi.Syntax;
using Kapi.Text;
using Kapi.Vocabulary;

namespace Kapi.Binding.Kerneldoc;

/// <summary>
/// Binds a spec written as a kernel-doc comment into the scopes the macro form binds into (the same
/// <see cref="Scope"/> tree of designated-initializer fields), so the model builder, the generator, the analyzers and
/// the CLI treat both forms alike. Every value becomes the syntax the macro form would have: C expressions parsed
/// where they are written, gen-3 tokens (<c>process, sleepable</c>) the <c>KAPI_*</c> identifiers they stand for,
/// texts string literals — each located at its place in the comment, so diagnostics point into it.
/// </summary>
/// <remarks>
/// Parameters, their order, names and C types come from the signature; their descriptions from the <c>@arg:</c>
/// lines; the headline's summary is the spec's description (as upstream's generator does). All three dialects are
/// read completely (see <see cref="KerneldocDialect"/>); which one a comment uses only changes the "did you mean"
/// candidates for an unknown key.
/// </remarks>
internal sealed class KerneldocBinder
{
    private readonly SpecValues _values;
    private readonly Action<KapiDiagnosticDescriptor, TextSpan, object?[]> _report;
    private readonly List<KapiDiagnostic> _diagnostics;

    private KerneldocSpecSyntax _syntax = null!;
    private KerneldocDialect _dialect;
    private Scope _spec = null!;
    private readonly Dictionary<string, Scope> _params = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KerneldocEntry> _describedParams = new(StringComparer.Ordinal);

    /// <summary>The named items of the spec (locks, signals, capabilities, constraints) by array and name: a lookup, not a scan per item.</summary>
    private readonly Dictionary<(string Array, string Name), Scope> _named = new();

    /// <summary>An unknown key that reads as a misspelt <c>constraint:</c> was reported: its <c>constraint-expr:</c> is then not reported again.</summary>
    private bool _misspeltConstraint;

    public KerneldocBinder(SpecValues values, Action<KapiDiagnosticDescriptor, TextSpan, object?[]> report, List<KapiDiagnostic> diagnostics)
    {
        _values = values;
        _report = report;
        _diagnostics = diagnostics;
    }

    private void Report(KapiDiagnosticDescriptor descriptor, TextSpan span, params object?[] args) => _report(descriptor, span, args);

    /// <summary>The spec's scope, its name and where the name is; null when the comment names no function.</summary>
    public (Scope Spec, string Name, TextSpan NameSpan)? Bind(KerneldocSpecSyntax syntax)
    {
        _syntax = syntax;
        _params.Clear();
        _describedParams.Clear();
        _named.Clear();
        _misspeltConstraint = false;
        _dialect = DetectDialect(syntax);
        var signature = syntax.Signature;
        if (signature is null)
        {
            var at = syntax.HeadlineName is null ? new TextSpan(syntax.CommentSpan.Start, 3) : syntax.HeadlineNameSpan;
            Report(KapiDiagnostics.MissingKerneldocPart, at,
                "The spec comment is followed by no SYSCALL_DEFINEn(…) or function: the spec's name and parameters come from it");
            return null;
        }

        string name = signature.IsSyscall ? "sys_" + signature.Name : signature.Name;
        if (syntax.HeadlineName is { } headline && headline != name && headline != signature.Name)
        {
            Report(KapiDiagnostics.KerneldocNameMismatch, syntax.HeadlineNameSpan, headline, name);
        }

        _spec = new Scope(ScopeKind.Spec, null, 0, signature.NameSpan, "kernel-doc", closedByBrace: false);
        if (syntax.Summary is { IsEmpty: false } summary) Set(_spec, "description", Str(summary));
        BindSignature(signature);
        foreach (var argument in syntax.Arguments)
        {
            if (_params.TryGetValue(argument.Name, out var p) && !argument.Description.IsEmpty) Set(p, "description", Str(argument.Description));
        }

        // flat gen-1 modifiers apply to every item of their kind: collect them first
        var globals = new Dictionary<string, KerneldocEntry>(StringComparer.Ordinal);
        foreach (var entry in syntax.Entries)
        {
            if (entry.Key.StartsWith("lock-", StringComparison.Ordinal) || entry.Key.StartsWith("signal-", StringComparison.Ordinal)
                || (entry.Key.StartsWith("capability-", StringComparison.Ordinal) && entry.Key != "capability-count"))
            {
                globals[entry.Key] = entry;
            }
        }

        KerneldocEntry? kernelDocReturn = null;
        foreach (var entry in syntax.Entries)
        {
            WorkCounter.Tick();
            BindEntry(entry, globals, ref kernelDocReturn);
        }
        if (kernelDocReturn is not null && _spec.Single("return_spec") is { } ret && !ret.Fields.ContainsKey("description"))
        {
            Set(ret, "description", Str(kernelDocReturn.Value));
        }
        return (_spec, name, signature.NameSpan);
    }

    private static KerneldocDialect DetectDialect(KerneldocSpecSyntax syntax)
    {
        bool blocks = false, gen3 = false, flat = false;
        foreach (var e in syntax.Entries)
        {
            if (e.Key == "contexts") gen3 = true;
            if (e.Key.StartsWith("param-", StringComparison.Ordinal) && e.Key != "param-count" || e.Key == "error-code"
                || e.Key.StartsWith("signal-", StringComparison.Ordinal) || e.Key.StartsWith("return-", StringComparison.Ordinal))
            {
                flat = true;
            }
            if (e.Children.Count > 0) blocks = true;
            foreach (var c in e.Children)
            {
                if (c.Key is "errno" or "arch-mask") gen3 = true;
                if (c.Key == "type" && c.Value.Value.Length > 0 && char.IsLower(c.Value.Value[0])) gen3 = true;
            }
        }
        if (gen3) return KerneldocDialect.Gen3;
        if (flat && !blocks) return KerneldocDialect.Gen1;
        return KerneldocDialect.Gen2;
    }

    // ------------------------------------------------------------------ signature

    private void BindSignature(KerneldocSignature signature)
    {
        int index = 0;
        foreach (var p in signature.Parameters)
        {
            var scope = NewItem(_spec, "params", index, p.Span, "param");
            Set(scope, "name", new StringLiteralSyntax(p.Span, p.Name));
            Set(scope, "type_name", new StringLiteralSyntax(p.Span, p.CType));
            _params[p.Name] = scope;
            index++;
        }
    }

    // ------------------------------------------------------------------ entries

    private void BindEntry(KerneldocEntry entry, Dictionary<string, KerneldocEntry> globals, ref KerneldocEntry? kernelDocReturn)
    {
        var v = entry.Value;
        switch (entry.Key)
        {
            case "long-desc":
                Set(_spec, "long_description", Str(v));
                return;
            case "context-flags":
            case "contexts":
                SetTerm(_spec, "context_flags", entry, v, "KAPI_CTX_");
                return;
            case "examples":
                Set(_spec, "examples", Str(v));
                return;
            case "notes":
                Set(_spec, "notes", Str(v));
                return;
            case "since-version":
            case "since":
                Set(_spec, "since_version", Str(v));
                return;
            case "param-count":
            case "error-count":
            case "lock-count":
            case "signal-count":
            case "capability-count":
                if (Expr(entry.Key, v) is { } count) Set(_spec, entry.Key.Replace('-', '_'), count, v.Span);
                return;
            case "api-type":
            case "validation-group":
                CheckSubKeys(entry, "validation-group"); // its keys are checked, its rules not modelled
                return;
            case "lock-req":
            case "struct-type":
            case "struct-field":
            case "struct-field-range":
            case "struct-field-enum":
                return; // read, not modelled (see docs/spec-format.md)
            case "param":
                BindParamBlock(entry);
                return;
            case "return":
                if (entry.Children.Count == 0)
                {
                    kernelDocReturn = entry; // kernel-doc's "Return: text"
                    return;
                }
                BindReturnBlock(entry);
                return;
            case "error":
                BindErrorBlock(entry);
                return;
            case "error-code":
                BindFlatError(entry);
                return;
            case "lock":
                BindLock(entry, globals);
                return;
            case "signal":
                BindSignal(entry, globals);
                return;
            case "side-effect":
                BindSideEffect(entry);
                return;
            case "state-trans":
                BindStateTransition(entry);
                return;
            case "capability":
                BindCapability(entry, globals);
                return;
            case "constraint":
                BindConstraint(entry);
                return;
            case "constraint-expr":
                BindConstraintExpression(entry);
                return;
            case "struct":
                BindStruct(entry);
                return;
            case "param-type":
            case "param-flags":
            case "param-constraint-type":
            case "param-constraint":
            case "param-range":
            case "param-mask":
                BindFlatParam(entry);
                return;
            case "return-type":
            case "return-check-type":
            case "return-check":
            case "return-success":
                BindFlatReturn(entry);
                return;
        }
        if (entry.Key.StartsWith("lock-", StringComparison.Ordinal) || entry.Key.StartsWith("signal-", StringComparison.Ordinal)
            || entry.Key.StartsWith("capability-", StringComparison.Ordinal))
        {
            if (KerneldocKeys.AllTopLevel.Contains(entry.Key)) return; // applied to every item of its kind
        }
        if (KerneldocKeys.KernelDocSections.Contains(entry.Key)) return;
        ReportUnknownKey(entry, KerneldocKeys.TopLevel(_dialect), KerneldocKeys.Describe(_dialect));
    }

    private void ReportUnknownKey(KerneldocEntry entry, IEnumerable<string> candidates, string where)
    {
        // kernel-doc allows sections of its own in any case ("Locking:"); KAPI keys are lower-case
        foreach (char c in entry.Key)
        {
            if (char.IsUpper(c)) return;
        }
        var suggestion = Suggestions.Closest(entry.Key, candidates);
        if (suggestion == "constraint") _misspeltConstraint = true;
        Report(KapiDiagnostics.UnknownKerneldocKey, entry.KeySpan, entry.Key, where, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
    }

    private void CheckSubKeys(KerneldocEntry item, string kind)
    {
        var table = KerneldocSubKeys.Items[kind];
        foreach (var child in item.Children)
        {
            if (table.ContainsKey(KerneldocSubKeys.Normalize(child.Key))) continue;
            ReportUnknownKey(child, table.Keys, $"'{kind}:'");
        }
    }

    /// <summary>
    /// Reads the sub-entries of an item into its scope, each as the table says (<see cref="KerneldocSubKeys"/>);
    /// <paramref name="subs"/> pairs the key to look up (a gen-1 flat key's item part) with the entry (reported by its
    /// own key). Unknown keys were reported by <see cref="CheckSubKeys"/>.
    /// </summary>
    private void ApplySubKeys(Scope scope, string item, IEnumerable<(string Key, KerneldocEntry Entry)> subs)
    {
        List<KerneldocEntry>? archMasks = null;
        int fields = 0;
        foreach (var (key, sub) in subs)
        {
            if (KerneldocSubKeys.Find(item, key) is not { } rule) continue;
            var v = sub.Value;
            switch (rule.Kind)
            {
                case KerneldocValueKind.Text:
                    Set(scope, rule.Field, Str(v));
                    break;
                case KerneldocValueKind.Expression:
                    if (Expr(sub.Key, v) is { } e) Set(scope, rule.Field, e, v.Span);
                    break;
                case KerneldocValueKind.YesNo:
                    Set(scope, rule.Field, Boolean(sub.Key, v), v.Span);
                    break;
                case KerneldocValueKind.Term:
                    SetTerm(scope, rule.Field, sub, v, rule.Prefix!);
                    break;
                case KerneldocValueKind.Array:
                    if (Array(sub.Key, v) is { } values) Set(scope, rule.Field, values, v.Span);
                    break;
                case KerneldocValueKind.NamedValues:
                    if (NamedValues(v) is { } named) Set(scope, rule.Field, named, v.Span);
                    break;
                case KerneldocValueKind.Timing:
                    Set(scope, rule.Field, Timing(sub.Key, v), v.Span);
                    break;
                case KerneldocValueKind.Range:
                    SetRange(scope, sub, v, rule.Field, rule.SecondField!);
                    break;
                case KerneldocValueKind.Success:
                    SetSuccess(scope, sub, v);
                    break;
                case KerneldocValueKind.ParamType:
                    SetParamType(scope, sub.Key, v);
                    break;
                case KerneldocValueKind.ConstraintType:
                    SetConstraint(scope, sub, v);
                    break;
                case KerneldocValueKind.ArchMask:
                    (archMasks ??= new List<KerneldocEntry>()).Add(sub);
                    break;
                case KerneldocValueKind.StructField:
                    BindStructField(NewItem(scope, rule.Field, fields++, sub.KeySpan, "field"), sub);
                    break;
            }
        }
        if (archMasks is not null) ApplyArchMasks(scope, archMasks);
    }

    private static IEnumerable<(string Key, KerneldocEntry Entry)> Children(KerneldocEntry entry) => entry.Children.Select(c => (c.Key, c));

    /// <summary>
    /// An item's sub-entries with the RFC v3 flat keys that apply to every item of its kind (<c>signal-timing:</c>,
    /// <c>lock-acquired:</c>) first: the item's own sub-entries win.
    /// </summary>
    private static IEnumerable<(string Key, KerneldocEntry Entry)> WithGlobals(KerneldocEntry entry, Dictionary<string, KerneldocEntry> globals, string prefix)
    {
        var own = new HashSet<string>(entry.Children.Select(c => KerneldocSubKeys.Normalize(c.Key)), StringComparer.Ordinal);
        foreach (var pair in globals)
        {
            if (!pair.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string key = pair.Key.Substring(prefix.Length);
            if (!own.Contains(KerneldocSubKeys.Normalize(key))) yield return (key, pair.Value);
        }
        foreach (var c in entry.Children) yield return (c.Key, c);
    }

    // ------------------------------------------------------------------ param

    private void BindParamBlock(KerneldocEntry entry)
    {
        var head = entry.Value.SplitTopLevel(',', maxParts: 2);
        var nameText = head[0];
        if (nameText.IsEmpty)
        {
            Report(KapiDiagnostics.MissingKerneldocPart, entry.KeySpan, "'param:' needs the name of a parameter of the signature");
            return;
        }
        if (ParamScope(nameText) is not { } scope) return;
        if (_describedParams.ContainsKey(nameText.Value))
        {
            Report(KapiDiagnostics.DuplicateKerneldocItem, nameText.Span, "Parameter", nameText.Value);
        }
        _describedParams[nameText.Value] = entry;
        if (head.Count > 1) SetParamType(scope, entry.Key, head[1]);
        CheckSubKeys(entry, "param");
        ApplySubKeys(scope, "param", Children(entry));
    }

    /// <summary>Gen 1: <c>param-type: len, KAPI_TYPE_UINT</c>, <c>param-range: len, 0, LONG_MAX</c> ….</summary>
    private void BindFlatParam(KerneldocEntry entry)
    {
        var parts = entry.Value.SplitTopLevel(',', maxParts: entry.Key == "param-range" ? 3 : 2);
        if (parts.Count < 2 || parts[0].IsEmpty)
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, entry.Value.IsEmpty ? entry.KeySpan : entry.Value.Span, entry.Key, "expected the parameter's name, a comma and the value");
            return;
        }
        if (ParamScope(parts[0]) is not { } scope) return;
        // param-type: len, KAPI_TYPE_UINT is the 'type:' of len's block
        var value = new KerneldocEntry(entry.Key, entry.KeySpan, RestAfterFirstComma(entry.Value), EquatableArray<KerneldocEntry>.Empty, entry.Indent);
        ApplySubKeys(scope, "param", new[] { (entry.Key.Substring("param-".Length), value) });
    }

    private static List<int> TopLevelCommas(KerneldocText text)
    {
        var commas = new List<int>();
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text.Value[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            else if (c == ',' && depth == 0) commas.Add(i);
        }
        return commas;
    }

    private static KerneldocText RestAfterFirstComma(KerneldocText text)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text.Value[i];
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) return text.Slice(i + 1, text.Length - i - 1).Trim();
        }
        return text.Slice(text.Length, 0);
    }

    private Scope? ParamScope(KerneldocText name)
    {
        if (_params.TryGetValue(name.Value, out var scope)) return scope;
        var signature = _syntax.Signature!;
        Report(KapiDiagnostics.UnknownKerneldocParameter, name.Span, name.Value, signature.IsSyscall ? "sys_" + signature.Name : signature.Name,
            string.Join(", ", signature.Parameters.Select(p => p.Name)));
        return null;
    }

    /// <summary>A parameter's type: <c>KAPI_TYPE_INT</c> (gen 2) or <c>int, input</c> (gen 3: the type, then flags OR-ed in).</summary>
    private void SetParamType(Scope scope, string key, KerneldocText value)
    {
        var parts = value.SplitTopLevel(',');
        if (parts.Count == 0 || parts[0].IsEmpty) return;
        if (Term(key, parts[0], "KAPI_TYPE_") is not { } type) return;
        Set(scope, "type", type, parts[0].Span);
        var flags = new List<ExpressionSyntax>();
        bool user = false;
        for (int i = 1; i < parts.Count; i++)
        {
            if (Term(key, parts[i], "KAPI_PARAM_") is { } flag) flags.Add(flag);
            else return;
        }
        // gen 3: path and user_ptr parameters live in user memory (PATCH v3's generator adds KAPI_PARAM_USER)
        if (type is IdentifierSyntax { Name: "KAPI_TYPE_PATH" or "KAPI_TYPE_USER_PTR" } && _dialect == KerneldocDialect.Gen3) user = true;
        if (user) flags.Add(new IdentifierSyntax(parts[0].Span, "KAPI_PARAM_USER"));
        if (flags.Count > 0)
        {
            var existing = scope.Fields.TryGetValue("flags", out var f) ? f.Expression : null;
            var all = existing is null ? flags : new List<ExpressionSyntax> { existing }.Concat(flags).ToList();
            Set(scope, "flags", Or(all), value.Span);
        }
    }

    /// <summary>
    /// <c>KAPI_CONSTRAINT_X</c>, or a gen-3 form: <c>range(lo, hi)</c>, <c>mask(expr)</c>, <c>enum(v, …)</c>,
    /// <c>alignment(n)</c>/<c>align(n)</c>, <c>user_string(n)</c>, <c>buffer(index)</c>, <c>custom(fn)</c>, or a bare
    /// token (<c>user_path</c>, <c>nonzero</c> …), which also set the value the constraint names.
    /// </summary>
    private void SetConstraint(Scope scope, KerneldocEntry entry, KerneldocText value)
    {
        int open = value.Value.IndexOf('(');
        if (open < 0)
        {
            if (Term(entry.Key, value, "KAPI_CONSTRAINT_") is { } kind) Set(scope, "constraint_type", kind, value.Span);
            return;
        }
        var head = value.Slice(0, open).Trim();
        if (!value.Value.EndsWith(")", StringComparison.Ordinal) || !Balanced(value.Value))
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, value.Span, entry.Key, $"'{head.Value}(' is not closed by its ')'");
            return;
        }
        var inner = value.Slice(open + 1, value.Length - open - 2).Trim();
        string form = head.Value.ToLowerInvariant();
        string? kindName = form switch
        {
            "range" => "RANGE",
            "mask" => "MASK",
            "enum" => "ENUM",
            "alignment" or "align" => "ALIGNMENT",
            "user_string" => "USER_STRING",
            "buffer" => "BUFFER",
            "custom" => "CUSTOM",
            _ => null,
        };
        if (kindName is null)
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, head.Span, entry.Key, $"'{head.Value}(…)' is not a constraint; expected range, mask, enum, alignment, user_string, buffer or custom");
            return;
        }
        Set(scope, "constraint_type", new IdentifierSyntax(head.Span, "KAPI_CONSTRAINT_" + kindName), head.Span);
        switch (kindName)
        {
            case "RANGE":
                SetRange(scope, entry, inner, "min_value", "max_value");
                break;
            case "MASK":
                if (Expr(entry.Key, inner) is { } mask) Set(scope, "valid_mask", mask, inner.Span);
                break;
            case "ENUM":
                if (Array(entry.Key, inner) is { } values) Set(scope, "enum_values", values, inner.Span);
                break;
            case "ALIGNMENT":
                if (Expr(entry.Key, inner) is { } alignment) Set(scope, "alignment", alignment, inner.Span);
                break;
            case "USER_STRING":
                if (!inner.IsEmpty && Expr(entry.Key, inner) is { } max) Set(scope, "max_value", max, inner.Span);
                break;
            case "BUFFER":
                if (Expr(entry.Key, inner) is { } index) Set(scope, "size_param_idx", index, inner.Span);
                break;
            case "CUSTOM":
                if (!inner.IsEmpty) Set(scope, "validate", new IdentifierSyntax(inner.Span, inner.Value), inner.Span);
                break;
        }
    }

    private void SetRange(Scope scope, KerneldocEntry entry, KerneldocText value, string minField, string maxField)
    {
        var bounds = value.SplitTopLevel(',');
        if (bounds.Count != 2 || bounds[0].IsEmpty || bounds[1].IsEmpty)
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, value.IsEmpty ? entry.KeySpan : value.Span, entry.Key, $"a range takes two bounds, 'MIN, MAX' (found {bounds.Count(b => !b.IsEmpty)})");
            return;
        }
        var min = Expr(entry.Key, bounds[0]);
        var max = Expr(entry.Key, bounds[1]);
        if (min is null || max is null) return;
        Set(scope, minField, min, bounds[0].Span);
        Set(scope, maxField, max, bounds[1].Span);
    }

    /// <summary>PATCH v4 <c>arch-mask: powerpc = BITS</c>: the bits are added to the valid mask on that architecture only.</summary>
    private void ApplyArchMasks(Scope scope, List<KerneldocEntry> entries)
    {
        var terms = new List<ExpressionSyntax>();
        if (scope.Fields.TryGetValue("valid_mask", out var baseMask)) terms.Add(baseMask.Expression);
        foreach (var entry in entries)
        {
            var parts = entry.Value.SplitTopLevel('=', maxParts: 2);
            if (parts.Count != 2 || parts[0].IsEmpty || parts[1].IsEmpty)
            {
                Report(KapiDiagnostics.MalformedKerneldocValue, entry.Value.IsEmpty ? entry.KeySpan : entry.Value.Span, entry.Key, "expected 'ARCH = BITS'");
                continue;
            }
            if (Expr(entry.Key, parts[1]) is not { } bits) continue;
            terms.Add(new CallExpressionSyntax(entry.Value.Span, ConstantEvaluator.ArchitectureFunction, parts[0].Span,
                new EquatableArray<ExpressionSyntax>(new ExpressionSyntax[] { new IdentifierSyntax(parts[0].Span, parts[0].Value), bits })));
        }
        if (terms.Count > 0) Set(scope, "valid_mask", Or(terms), entries[0].KeySpan);
    }

    // ------------------------------------------------------------------ return

    private void BindReturnBlock(KerneldocEntry entry)
    {
        var scope = ReturnScope(entry.KeySpan);
        CheckSubKeys(entry, "return");
        ApplySubKeys(scope, "return", Children(entry));
    }

    private Scope ReturnScope(TextSpan span)
    {
        if (_spec.Single("return_spec") is { } existing) return existing;
        var scope = new Scope(ScopeKind.Return, null, 0, span, "return", closedByBrace: false);
        _spec.Singles["return_spec"] = scope;
        Set(scope, "type_name", new StringLiteralSyntax(span, "long"), span);
        return scope;
    }

    /// <summary><c>success: 0</c> (a value) or <c>success: &gt;= 0</c> (a lower bound).</summary>
    private void SetSuccess(Scope scope, KerneldocEntry entry, KerneldocText value)
    {
        string text = value.Value;
        foreach (var (op, field) in new[] { (">=", "success_min"), ("<=", "success_max") })
        {
            if (text.StartsWith(op, StringComparison.Ordinal))
            {
                var bound = value.Slice(op.Length, value.Length - op.Length).Trim();
                if (Expr(entry.Key, bound) is { } e) Set(scope, field, e, bound.Span);
                return;
            }
        }
        if (Expr(entry.Key, value) is { } success) Set(scope, "success_value", success, value.Span);
    }

    private void BindFlatReturn(KerneldocEntry entry)
    {
        var scope = ReturnScope(entry.KeySpan);
        // return-type: KAPI_TYPE_INT is the 'type:' of the return block
        ApplySubKeys(scope, "return", new[] { (entry.Key.Substring("return-".Length), entry) });
    }

    // ------------------------------------------------------------------ errors

    /// <summary><c>error: EINVAL, summary</c> or <c>error: -EINVAL, EINVAL, summary</c>, with <c>desc:</c> and <c>condition:</c>.</summary>
    private void BindErrorBlock(KerneldocEntry entry)
    {
        var parts = entry.Value.SplitTopLevel(',', maxParts: 3);
        KerneldocText code, name, summary;
        if (parts.Count == 3 && parts[0].Value.StartsWith("-", StringComparison.Ordinal))
        {
            (code, name, summary) = (parts[0], parts[1], parts[2]);
        }
        else
        {
            parts = entry.Value.SplitTopLevel(',', maxParts: 2);
            name = parts[0];
            code = name;
            summary = parts.Count > 1 ? parts[1] : name.Slice(name.Length, 0);
        }
        if (name.IsEmpty)
        {
            Report(KapiDiagnostics.MissingKerneldocPart, entry.KeySpan, "'error:' needs the errno name (error: EINVAL, summary)");
            return;
        }
        CheckSubKeys(entry, "error");
        var scope = AddError(code, name, entry.KeySpan);
        if (scope is null) return;
        if (!summary.IsEmpty) Set(scope, "condition", Str(summary));
        ApplySubKeys(scope, "error", Children(entry));
        if (!scope.Fields.ContainsKey("description") && !summary.IsEmpty) Set(scope, "description", Str(summary));
    }

    /// <summary>Gen 1: <c>error-code: -ENOMEM, ENOMEM, short, long…</c>.</summary>
    private void BindFlatError(KerneldocEntry entry)
    {
        var parts = entry.Value.SplitTopLevel(',', maxParts: 4);
        if (parts.Count < 2 || parts[0].IsEmpty || parts[1].IsEmpty)
        {
            Report(KapiDiagnostics.MissingKerneldocPart, entry.KeySpan, "'error-code:' needs the code and the name (error-code: -EINVAL, EINVAL, summary, description)");
            return;
        }
        var scope = AddError(parts[0], parts[1], entry.KeySpan);
        if (scope is null) return;
        if (parts.Count > 2 && !parts[2].IsEmpty) Set(scope, "condition", Str(parts[2]));
        if (parts.Count > 3 && !parts[3].IsEmpty) Set(scope, "description", Str(parts[3]));
    }

    private Scope? AddError(KerneldocText code, KerneldocText name, TextSpan keySpan)
    {
        var expression = Expr("error", code);
        if (expression is null) return null;
        if (!code.Value.StartsWith("-", StringComparison.Ordinal)) expression = new UnaryExpressionSyntax(code.Span, TokenKind.Minus, expression);
        // an errno may be listed more than once, for different conditions (as man pages list EINVAL): each is an error
        var scope = NewItem(_spec, "errors", _spec.Items("errors").Count(), keySpan, "error");
        Set(scope, "error_code", expression, code.Span);
        Set(scope, "name", Str(name));
        return scope;
    }

    /// <summary>
    /// The head line of a <paramref name="block"/> entry split at top-level commas (at most <paramref name="maxParts"/>
    /// parts), its sub-keys checked; null, with one diagnostic at the key, when the first part is missing.
    /// </summary>
    private List<KerneldocText>? Head(KerneldocEntry entry, string block, int maxParts, string needs)
    {
        var parts = entry.Value.SplitTopLevel(',', maxParts);
        if (parts[0].IsEmpty)
        {
            Report(KapiDiagnostics.MissingKerneldocPart, entry.KeySpan, $"'{block}:' needs {needs}");
            return null;
        }
        CheckSubKeys(entry, block);
        return parts;
    }

    // ------------------------------------------------------------------ locks, signals, capabilities

    private void BindLock(KerneldocEntry entry, Dictionary<string, KerneldocEntry> globals)
    {
        if (Head(entry, "lock", 2, "the lock's name") is not { } head) return;
        var scope = NewNamedItem("locks", "lock_name", head[0], entry.KeySpan, "Lock", "lock");
        if (head.Count > 1 && Term(entry.Key, head[1], "KAPI_LOCK_") is { } type) Set(scope, "lock_type", type, head[1].Span);
        // gen 1: lock-acquired / lock-released / lock-desc apply to every lock
        ApplySubKeys(scope, "lock", WithGlobals(entry, globals, "lock-"));
    }

    private void BindSignal(KerneldocEntry entry, Dictionary<string, KerneldocEntry> globals)
    {
        if (Head(entry, "signal", 2, "the signal's name (SIGKILL, FATAL, Any signal …)") is not { } head) return;
        var name = head[0];
        var scope = NewNamedItem("signals", "signal_name", name, entry.KeySpan, "Signal", "signal");
        // a real signal's number when the name is one (SIGKILL); 0 for a class of signals, as upstream
        var number = IsIdentifier(name.Value) && name.Value.StartsWith("SIG", StringComparison.Ordinal) && Architectures.UapiConstants.IsKnown(name.Value)
            ? (ExpressionSyntax)new IdentifierSyntax(name.Span, name.Value)
            : new NumberLiteralSyntax(name.Span, "0", 0, false, true);
        Set(scope, "signal_num", number, name.Span);
        Set(scope, "direction", new IdentifierSyntax(entry.KeySpan, "KAPI_SIGNAL_RECEIVE"), entry.KeySpan);
        Set(scope, "action", new IdentifierSyntax(entry.KeySpan, "KAPI_SIGNAL_ACTION_RETURN"), entry.KeySpan);
        ApplySubKeys(scope, "signal", WithGlobals(entry, globals, "signal-"));
    }

    /// <summary>A signal's timing: <c>KAPI_SIGNAL_TIME_DURING</c> (its text) or a gen-3 token (<c>during</c>).</summary>
    private ExpressionSyntax Timing(string key, KerneldocText value)
    {
        // the macro's name is bound as the macro form binds it (an unknown one is an unknown constant, with a suggestion)
        if (value.Value.StartsWith("KAPI_", StringComparison.Ordinal) && IsIdentifier(value.Value))
        {
            if (!KapiVocabulary.TryGetString(value.Value, out _))
            {
                var closest = Suggestions.Closest(value.Value, KapiVocabulary.Names.Where(n => n.StartsWith("KAPI_SIGNAL_TIME_", StringComparison.Ordinal)));
                Report(KapiDiagnostics.MalformedKerneldocValue, value.Span, key,
                    $"'{value.Value}' is no KAPI_SIGNAL_TIME_* name" + (closest is null ? string.Empty : $"; did you mean '{closest}'?"));
            }
            return new IdentifierSyntax(value.Span, value.Value);
        }
        string text = value.Value.ToLowerInvariant();
        if (text.Length > 0 && KapiVocabulary.TimingOf(text) == KapiSignalTiming.Unspecified)
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, value.Span, key,
                $"'{value.Value}' is no signal timing (entry, during, exit, anytime, while_blocked, while_sleeping, before, after)");
        }
        return new StringLiteralSyntax(value.Span, text);
    }

    private void BindCapability(KerneldocEntry entry, Dictionary<string, KerneldocEntry> globals)
    {
        if (Head(entry, "capability", 3, "the capability (CAP_SYS_ADMIN)") is not { } head) return;
        if (string.Equals(head[0].Value, "none", StringComparison.OrdinalIgnoreCase)) return; // "capability: none" (v1+)
        var scope = NewNamedItem("capabilities", "cap_name", head[0], entry.KeySpan, "Capability", "capability");
        if (Expr(entry.Key, head[0]) is { } cap) Set(scope, "capability", cap, head[0].Span);
        if (head.Count > 1 && !head[1].IsEmpty && Term(entry.Key, head[1], "KAPI_CAP_") is { } action) Set(scope, "action", action, head[1].Span);
        else Set(scope, "action", new IdentifierSyntax(entry.KeySpan, "KAPI_CAP_PERFORM_OPERATION"), entry.KeySpan);
        if (head.Count > 2 && !head[2].IsEmpty) Set(scope, "allows", Str(head[2]));
        ApplySubKeys(scope, "capability", WithGlobals(entry, globals, "capability-"));
    }

    // ------------------------------------------------------------------ side effects, state transitions, constraints

    /// <summary><c>side-effect: EFFECTS</c> with sub-keys, or the flat form <c>EFFECTS, target, desc[, condition=…][, reversible=yes]</c>.</summary>
    private void BindSideEffect(KerneldocEntry entry)
    {
        if (Head(entry, "side-effect", 3, "the kind of effect (KAPI_EFFECT_MODIFY_STATE, alloc_memory …)") is not { } parts) return;
        var scope = NewItem(_spec, "side_effects", _spec.Items("side_effects").Count(), entry.KeySpan, "side-effect");
        if (Term(entry.Key, parts[0], "KAPI_EFFECT_") is { } effects) Set(scope, "type", effects, parts[0].Span);
        if (parts.Count > 1) Set(scope, "target", Str(parts[1]));
        if (parts.Count > 2)
        {
            // the description runs to the end, but for trailing ', condition=…' and ', reversible=yes|no' (as upstream reads it)
            // (the top-level commas found once, then taken from the last: one pass, however many modifiers)
            var description = parts[2];
            var commas = TopLevelCommas(description);
            int end = description.Length;
            for (int k = commas.Count - 1; k >= 0; k--)
            {
                WorkCounter.Tick();
                int comma = commas[k];
                var modifier = description.Slice(comma + 1, end - comma - 1).Trim();
                int eq = modifier.Value.IndexOf('=');
                string name = eq < 0 ? string.Empty : modifier.Value.Substring(0, eq).Trim();
                if (name is not ("condition" or "reversible")) break;
                var value = modifier.Slice(eq + 1, modifier.Length - eq - 1).Trim();
                if (name == "condition") Set(scope, "condition", Str(value));
                else Set(scope, "reversible", Boolean(name, value), value.Span);
                end = comma;
            }
            Set(scope, "description", Str(description.Slice(0, end).Trim()));
        }
        ApplySubKeys(scope, "side-effect", Children(entry));
    }

    /// <summary><c>state-trans: OBJECT</c> with <c>from:</c>/<c>to:</c>/<c>condition:</c>/<c>desc:</c>, or the flat form <c>object, from, to, desc</c>.</summary>
    private void BindStateTransition(KerneldocEntry entry)
    {
        if (Head(entry, "state-trans", 4, "the object whose state changes") is not { } parts) return;
        var scope = NewItem(_spec, "state_transitions", _spec.Items("state_transitions").Count(), entry.KeySpan, "state-trans");
        Set(scope, "object", Str(parts[0]));
        if (parts.Count > 1) Set(scope, "from_state", Str(parts[1]));
        if (parts.Count > 2) Set(scope, "to_state", Str(parts[2]));
        if (parts.Count > 3) Set(scope, "description", Str(parts[3]));
        ApplySubKeys(scope, "state-trans", Children(entry));
    }

    /// <summary><c>constraint: NAME</c> or <c>constraint: NAME, desc</c>, with <c>desc:</c> and <c>expr:</c>.</summary>
    private void BindConstraint(KerneldocEntry entry)
    {
        if (Head(entry, "constraint", 2, "a name") is not { } parts) return;
        var scope = NewNamedItem("constraints", "name", parts[0], entry.KeySpan, "Constraint", "constraint");
        if (parts.Count > 1) Set(scope, "description", Str(parts[1]));
        ApplySubKeys(scope, "constraint", Children(entry));
    }

    /// <summary>Gen 1: <c>constraint-expr: NAME, expr</c> completes the constraint of that name.</summary>
    private void BindConstraintExpression(KerneldocEntry entry)
    {
        var parts = entry.Value.SplitTopLevel(',', maxParts: 2);
        if (parts.Count < 2)
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, entry.Value.IsEmpty ? entry.KeySpan : entry.Value.Span, entry.Key, "expected the constraint's name, a comma and the expression");
            return;
        }
        if (!_named.TryGetValue(("constraints", parts[0].Value), out var scope))
        {
            if (_misspeltConstraint) return; // one mistake, one diagnostic: the misspelt 'constraint:' is reported
            Report(KapiDiagnostics.MissingKerneldocPart, parts[0].Span, $"'constraint-expr:' names '{parts[0].Value}', but no 'constraint:' of that name comes before it");
            return;
        }
        Set(scope, "expression", Str(parts[1]));
    }

    /// <summary>RFC PATCH v4's <c>struct: struct T</c> with <c>size:</c>, <c>alignment:</c> and <c>field:</c> blocks.</summary>
    private void BindStruct(KerneldocEntry entry)
    {
        var name = entry.Value;
        if (name.IsEmpty)
        {
            Report(KapiDiagnostics.MissingKerneldocPart, entry.KeySpan, "'struct:' needs the structure's name");
            return;
        }
        CheckSubKeys(entry, "struct");
        string tag = name.Value.StartsWith("struct ", StringComparison.Ordinal) ? name.Value.Substring(7).Trim() : name.Value;
        var scope = NewItem(_spec, "struct_specs", _spec.Items("struct_specs").Count(), entry.KeySpan, "struct");
        Set(scope, "name", new StringLiteralSyntax(name.Span, tag), name.Span);
        ApplySubKeys(scope, "struct", Children(entry));
    }

    private void BindStructField(Scope scope, KerneldocEntry entry)
    {
        Set(scope, "name", Str(entry.Value));
        CheckSubKeys(entry, "field");
        ApplySubKeys(scope, "field", Children(entry));
    }

    /// <summary><c>SCHED_NORMAL(0), SCHED_FIFO(1)</c>: names with their values (each name is defined for the file).</summary>
    private ExpressionSyntax? NamedValues(KerneldocText value)
    {
        var elements = new List<ExpressionSyntax>();
        foreach (var part in value.SplitTopLevel(','))
        {
            int open = part.Value.IndexOf('(');
            if (open > 0 && part.Value.EndsWith(")", StringComparison.Ordinal))
            {
                var name = part.Slice(0, open).Trim();
                var number = part.Slice(open + 1, part.Length - open - 2).Trim();
                if (Expr("enum", number) is not { } e) return null;
                if (IsIdentifier(name.Value) && !_values.Symbols.TryGetDefine(name.Value, out _)) _values.Symbols.Define(name.Value, e);
                elements.Add(new IdentifierSyntax(name.Span, name.Value));
            }
            else if (Expr("enum", part) is { } e)
            {
                elements.Add(e);
            }
        }
        return new InitializerListSyntax(value.Span, elements.ToEquatableArray());
    }

    // ------------------------------------------------------------------ values

    private static StringLiteralSyntax Str(KerneldocText text) => new(text.Span, text.Value);

    /// <summary>
    /// yes/true/1 is true and everything else false, as upstream's generator reads it (<c>acquired: conditional</c>,
    /// written upstream, is false); a word that is neither yes nor no nor <c>conditional</c> is reported.
    /// </summary>
    private ExpressionSyntax Boolean(string key, KerneldocText value)
    {
        string word = value.Value.Trim().ToLowerInvariant();
        bool yes = word is "true" or "yes" or "1";
        if (!yes && word is not ("false" or "no" or "0" or "conditional"))
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, value.Span, key, "expected yes or no (true/false); it reads as no");
        }
        return new NumberLiteralSyntax(value.Span, yes ? "1" : "0", yes ? 1UL : 0UL, false, true);
    }

    /// <summary>A C expression; a syntax error is reported once (the first) and gives null.</summary>
    private ExpressionSyntax? Expr(string key, KerneldocText value)
    {
        if (value.IsEmpty)
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, value.Span, key, "a value is missing");
            return null;
        }
        var diagnostics = new List<KapiDiagnostic>();
        var e = Parser.ParseExpression(value, diagnostics);
        var first = diagnostics.FirstOrDefault(d => d.IsError);
        if (first is not null)
        {
            _diagnostics.Add(first.Id == KapiDiagnostics.SyntaxError.Id
                ? KapiDiagnostic.Create(KapiDiagnostics.MalformedKerneldocValue, first.Span, key, first.Message)
                : first);
            return null;
        }
        _diagnostics.AddRange(diagnostics);
        return e;
    }

    /// <summary>An array: <c>{A, B}</c>, the name of an array, or <c>A, B, C</c>.</summary>
    private ExpressionSyntax? Array(string key, KerneldocText value)
    {
        var parts = value.SplitTopLevel(',');
        if (parts.Count == 1 && !value.Value.StartsWith("{", StringComparison.Ordinal)) return Expr(key, value);
        if (value.Value.StartsWith("{", StringComparison.Ordinal)) return Expr(key, value);
        var elements = new List<ExpressionSyntax>();
        foreach (var part in parts)
        {
            if (Expr(key, part) is not { } e) return null;
            elements.Add(e);
        }
        return new InitializerListSyntax(value.Span, elements.ToEquatableArray());
    }

    /// <summary>
    /// A vocabulary value of the family of <paramref name="prefix"/>: <c>KAPI_*</c> identifiers and gen-3 tokens
    /// (<c>process, sleepable</c>; <c>resource_create | alloc_memory</c>), joined with <c>|</c> or <c>,</c>; anything
    /// else is a C expression (a number, a #define).
    /// </summary>
    private ExpressionSyntax? Term(string key, KerneldocText value, string prefix)
    {
        if (value.IsEmpty)
        {
            Report(KapiDiagnostics.MalformedKerneldocValue, value.Span, key, "a value is missing");
            return null;
        }
        var parts = SplitTokens(value);
        var terms = new List<ExpressionSyntax>();
        foreach (var part in parts)
        {
            string token = part.Value;
            if (token.StartsWith("KAPI_", StringComparison.Ordinal) || !IsToken(token))
            {
                // a KAPI_* identifier, a number, or an expression: parsed as C
                if (Expr(key, part) is not { } e) return null;
                terms.Add(e);
                continue;
            }
            if (MapToken(token, prefix) is not { } identifier)
            {
                var candidates = KapiVocabulary.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n.Substring(prefix.Length).ToLowerInvariant());
                var suggestion = Suggestions.Closest(token, candidates);
                Report(KapiDiagnostics.MalformedKerneldocValue, part.Span, key,
                    $"'{token}' is no {prefix}* token" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
                return null;
            }
            terms.Add(new IdentifierSyntax(part.Span, identifier));
        }
        return terms.Count == 0 ? null : Or(terms);
    }

    private void SetTerm(Scope scope, string field, KerneldocEntry entry, KerneldocText value, string prefix)
    {
        if (Term(entry.Key, value, prefix) is { } term) Set(scope, field, term, value.Span);
    }

    /// <summary>The parts of a token list joined with <c>|</c> or top-level <c>,</c>.</summary>
    private static List<KerneldocText> SplitTokens(KerneldocText value)
    {
        var parts = new List<KerneldocText>();
        foreach (var comma in value.SplitTopLevel(','))
        {
            foreach (var bar in comma.SplitTopLevel('|'))
            {
                if (!bar.IsEmpty) parts.Add(bar);
            }
        }
        return parts;
    }

    private static bool IsToken(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0])) return false;
        foreach (char c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return text.ToLowerInvariant() == text;
    }

    private static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_')) return false;
        foreach (char c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    /// <summary>A gen-3 token of a family: <c>sleepable</c> → <c>KAPI_CTX_SLEEPABLE</c>; aliases <c>in</c>/<c>input</c>, <c>out</c>/<c>output</c>, <c>uptr</c>, <c>align</c>.</summary>
    private static string? MapToken(string token, string prefix)
    {
        string upper = token.ToUpperInvariant();
        upper = (prefix, upper) switch
        {
            ("KAPI_PARAM_", "INPUT") => "IN",
            ("KAPI_PARAM_", "OUTPUT") => "OUT",
            ("KAPI_TYPE_", "UPTR") => "USER_PTR",
            ("KAPI_CONSTRAINT_", "ALIGN") => "ALIGNMENT",
            _ => upper,
        };
        string name = prefix + upper;
        return KapiVocabulary.FamilyOf(name) is not null || KapiVocabulary.TryGetNumber(name, out _) ? name : null;
    }

    private static ExpressionSyntax Or(List<ExpressionSyntax> terms)
    {
        var result = terms[0];
        for (int i = 1; i < terms.Count; i++)
        {
            result = new BinaryExpressionSyntax(result.Span.Cover(terms[i].Span), TokenKind.Bar, result, terms[i]);
        }
        return result;
    }

    private static bool Balanced(string text)
    {
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    // ------------------------------------------------------------------ scopes

    private static void Set(Scope scope, string field, ExpressionSyntax value, TextSpan span) => scope.Fields[field] = new FieldValue(value, span);

    private static void Set(Scope scope, string field, StringLiteralSyntax value) => scope.Fields[field] = new FieldValue(value, value.Span);

    private static Scope NewItem(Scope parent, string arrayField, int index, TextSpan span, string openedBy)
    {
        if (!parent.Arrays.TryGetValue(arrayField, out var items))
        {
            items = new SortedDictionary<int, Scope>();
            parent.Arrays[arrayField] = items;
        }
        var kind = arrayField switch
        {
            "params" => ScopeKind.Param,
            "errors" => ScopeKind.Error,
            "locks" => ScopeKind.Lock,
            "signals" => ScopeKind.Signal,
            "side_effects" => ScopeKind.SideEffect,
            "state_transitions" => ScopeKind.StateTrans,
            "capabilities" => ScopeKind.Capability,
            "constraints" => ScopeKind.Constraint,
            "struct_specs" => ScopeKind.StructSpec,
            _ => ScopeKind.StructField,
        };
        var scope = new Scope(kind, arrayField, index, span, openedBy, closedByBrace: false);
        items[index] = scope;
        return scope;
    }

    /// <summary>An item named by its head; a second item of the same name replaces the first (reported).</summary>
    private Scope NewNamedItem(string arrayField, string nameField, KerneldocText name, TextSpan keySpan, string what, string openedBy)
    {
        WorkCounter.Tick();
        if (_named.TryGetValue((arrayField, name.Value), out var existing))
        {
            Report(KapiDiagnostics.DuplicateKerneldocItem, name.Span, what, name.Value);
            existing.Fields.Clear();
            Set(existing, nameField, Str(name));
            return existing;
        }
        var scope = NewItem(_spec, arrayField, _spec.Items(arrayField).Count(), keySpan, openedBy);
        Set(scope, nameField, Str(name));
        _named[(arrayField, name.Value)] = scope;
        return scope;
    }
}
