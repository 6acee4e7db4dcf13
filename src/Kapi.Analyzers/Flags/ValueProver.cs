using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// Proves the value of an argument at compile time. What it understands:
/// literals and constants (const fields and locals, also from referenced assemblies), enum members, conversions and
/// casts, the operators | &amp; ^ ~ + - * / % &lt;&lt; &gt;&gt; &gt;&gt;&gt;, named arguments (the caller passes the argument's
/// value), locals whose every assignment is provable (flow-insensitive; compound assignments and ++/-- are applied as
/// optional steps, repeated to a fixed point where they can run more than once), switch and conditional expressions whose arms are all provable
/// (taken per architecture where the condition or the governing value depends on it only:
/// <c>RuntimeInformation.ProcessArchitecture</c>, <c>IntPtr.Size</c>, <c>Environment.Is64BitProcess</c>), static readonly fields and get-only static
/// auto-properties initialised with provable values (and assigned nowhere else), properties and methods whose every
/// return is provable and does not depend on their parameters, the constant properties of known binding libraries
/// (Tmds.LibC, whose values are taken per architecture) and the properties fixed by the architecture (above).
/// One prover lives as long as one compilation's analysis; it memoizes the values of symbols and is thread-safe.
/// </summary>
internal sealed class ValueProver
{
    private const int MaxDepth = 48;

    private readonly Compilation _compilation;
    private readonly Func<IPropertySymbol, Proof?> _knownProperty;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    // made on first use: a framework generic over a struct of ours is JIT-compiled at first use (see ArchitectureSet),
    // and a call with a literal argument never needs it
    private ConcurrentDictionary<ISymbol, Proof>? _memo;

    public ValueProver(Compilation compilation, Func<IPropertySymbol, Proof?> knownProperty)
    {
        _compilation = compilation;
        _knownProperty = knownProperty;
    }

    public Proof Prove(IOperation operation, CancellationToken cancellationToken) =>
        Eval(operation, new Scope(null, 0, cancellationToken));

    /// <summary>The symbols being proven on the current path (a short list: the depth is bounded), for the cycle guard.</summary>
    private sealed class VisitNode
    {
        public VisitNode(ISymbol symbol, VisitNode? next)
        {
            Symbol = symbol;
            Next = next;
        }

        public ISymbol Symbol { get; }

        public VisitNode? Next { get; }
    }

    private readonly struct Scope
    {
        private readonly VisitNode? _visiting;

        public Scope(VisitNode? visiting, int depth, CancellationToken token)
        {
            _visiting = visiting;
            Depth = depth;
            Token = token;
        }

        public int Depth { get; }

        public CancellationToken Token { get; }

        public bool IsVisiting(ISymbol symbol)
        {
            for (var node = _visiting; node is not null; node = node.Next)
            {
                if (SymbolEqualityComparer.Default.Equals(node.Symbol, symbol)) return true;
            }
            return false;
        }

        public Scope Deeper() => new(_visiting, Depth + 1, Token);

        public Scope Entering(ISymbol symbol) => new(new VisitNode(symbol, _visiting), Depth + 1, Token);
    }

    private Proof Eval(IOperation? operation, Scope scope)
    {
        if (operation is null) return Proof.Fail("the value is missing");
        scope.Token.ThrowIfCancellationRequested();
        if (scope.Depth > MaxDepth) return Proof.Fail("the expression is too deeply nested");

        var constant = operation.ConstantValue;
        if (constant.HasValue)
        {
            if (IntegerTypes.TryToInt64(constant.Value, out long value))
            {
                return ProvenValues.Constant(IntegerTypes.Normalize(value, operation.Type), CollectNames(operation));
            }
            return Proof.Fail($"'{Text(operation)}' is not an integer");
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                if (conversion.OperatorMethod is not null) return Proof.Fail($"'{Text(operation)}' uses a user-defined conversion");
                if (!IntegerTypes.IsIntegral(conversion.Type)) return Proof.Fail($"'{Text(operation)}' is not an integer");
                return Map(Eval(conversion.Operand, scope.Deeper()), v => IntegerTypes.Normalize(v, conversion.Type));

            case IBinaryOperation binary:
                return EvalBinary(binary, scope);

            case IUnaryOperation unary:
                if (unary.OperatorMethod is not null) return Proof.Fail($"'{Text(operation)}' uses a user-defined operator");
                Func<long, long>? f = unary.OperatorKind switch
                {
                    UnaryOperatorKind.BitwiseNegation => v => ~v,
                    UnaryOperatorKind.Minus => v => unchecked(-v),
                    UnaryOperatorKind.Plus => v => v,
                    _ => null,
                };
                if (f is null) return Proof.Fail($"operator in '{Text(operation)}' is not supported");
                return Map(Eval(unary.Operand, scope.Deeper()), v => IntegerTypes.Normalize(f(v), unary.Type));

            case IFieldReferenceOperation fieldReference:
                return WithName(EvalField(fieldReference.Field, scope), fieldReference.Field.Name);

            case IPropertyReferenceOperation propertyReference:
                if (!propertyReference.Arguments.IsEmpty) return Proof.Fail($"indexer '{Text(operation)}' is not a constant");
                return WithName(EvalProperty(propertyReference.Property, scope), propertyReference.Property.Name);

            case ILocalReferenceOperation localReference:
                return EvalLocal(localReference, scope);

            case IInvocationOperation invocation:
                return EvalMethod(invocation.TargetMethod, scope);

            case ISwitchExpressionOperation switchExpression:
            {
                // the arms each architecture can take: all of them unless the governing value is known there
                var reach = ArmReach(switchExpression, scope);
                var alternatives = new List<ProvenValues>();
                var where = new List<int>();
                for (int i = 0; i < switchExpression.Arms.Length; i++)
                {
                    var arm = switchExpression.Arms[i];
                    int archs = reach?[i] ?? ArchitectureSet.AllBits;
                    if (archs == 0 || IsThrow(arm.Value)) continue;
                    var proof = Eval(arm.Value, scope.Deeper());
                    if (!proof.IsProven) return proof;
                    alternatives.Add(proof.Values!);
                    where.Add(archs);
                }
                return Choose(alternatives, where, operation);
            }

            case IConditionalOperation { WhenFalse: not null, IsRef: false } conditional:
            {
                var condition = EvalCondition(conditional.Condition, scope.Deeper());
                var alternatives = new List<ProvenValues>();
                var where = new List<int>();
                foreach (var (branch, archs) in new[] { (conditional.WhenTrue, condition.True), (conditional.WhenFalse, condition.False) })
                {
                    if (archs == 0 || IsThrow(branch)) continue;
                    var proof = Eval(branch, scope.Deeper());
                    if (!proof.IsProven) return proof;
                    alternatives.Add(proof.Values!);
                    where.Add(archs);
                }
                return Choose(alternatives, where, operation);
            }

            case IParameterReferenceOperation parameterReference:
                return Proof.Fail($"it depends on parameter '{parameterReference.Parameter.Name}'");

            default:
                return Proof.Fail($"'{Text(operation)}' is not a compile-time value");
        }
    }

    private Proof EvalBinary(IBinaryOperation binary, Scope scope)
    {
        if (binary.OperatorMethod is not null) return Proof.Fail($"'{Text(binary)}' uses a user-defined operator");
        var type = binary.Type;
        if (!IntegerTypes.IsIntegral(type)) return Proof.Fail($"'{Text(binary)}' is not an integer");
        var op = BinaryOperator(binary.OperatorKind, type);
        if (op is null) return Proof.Fail($"operator in '{Text(binary)}' is not supported");
        var left = Eval(binary.LeftOperand, scope.Deeper());
        if (!left.IsProven) return left;
        var right = Eval(binary.RightOperand, scope.Deeper());
        if (!right.IsProven) return right;
        bool throws = false;
        var combined = ProvenValues.Combine(left.Values!, right.Values!, (a, b) =>
        {
            if (op(a, b) is long r) return IntegerTypes.Normalize(r, type);
            throws = true;
            return null;
        });
        if (combined is not null) return Proof.Of(combined);
        return Proof.Fail(throws ? $"'{Text(binary)}' divides by zero or overflows for some of its values" : $"'{Text(binary)}' has too many possible values");
    }

    // ---- symbols ----

    private Proof EvalField(IFieldSymbol field, Scope scope)
    {
        if (field.HasConstantValue && IntegerTypes.TryToInt64(field.ConstantValue, out long c))
        {
            return ProvenValues.Constant(IntegerTypes.Normalize(c, field.Type));
        }
        if (!field.IsStatic || !field.IsReadOnly)
        {
            return Proof.Fail($"field '{field.Name}' is not a constant or a static readonly field");
        }
        return Memoized(field, scope, s =>
        {
            var values = new List<ProvenValues>();
            bool hasSyntax = false;
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(s.Token) is VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    hasSyntax = true;
                    var model = ModelFor(initializer.SyntaxTree);
                    var proof = EvalInitializer(model?.GetOperation(initializer, s.Token), field.Type, s);
                    if (!proof.IsProven) return proof;
                    values.Add(proof.Values!);
                }
            }
            var ctorProof = CollectStaticConstructorAssignments(field, field.ContainingType, values, s);
            if (ctorProof is { } failed) return failed;
            if (values.Count == 0)
            {
                return Proof.Fail(hasSyntax || !field.DeclaringSyntaxReferences.IsEmpty
                    ? $"static readonly field '{field.Name}' has no provable initializer"
                    : $"static readonly field '{field.Name}' is initialised at run time in another assembly");
            }
            return Union(values, null);
        });
    }

    /// <summary>A static field's or get-only property's initializer, its values normalised to the member's type.</summary>
    private Proof EvalInitializer(IOperation? initializer, ITypeSymbol type, Scope s) =>
        Map(Eval(initializer is ISymbolInitializerOperation init ? init.Value : initializer, s), v => IntegerTypes.Normalize(v, type));

    private Proof EvalProperty(IPropertySymbol property, Scope scope)
    {
        if (_knownProperty(property) is { } known) return known;
        if (property.GetMethod is null) return Proof.Fail($"property '{property.Name}' has no getter");
        if (property.IsAbstract || property.IsVirtual || (property.IsOverride && !property.IsSealed) || property.IsExtern)
        {
            return Proof.Fail($"property '{property.Name}' can be overridden");
        }
        if (property.DeclaringSyntaxReferences.IsEmpty)
        {
            return Proof.Fail($"property '{property.Name}' is computed in another assembly");
        }
        return Memoized(property, scope, s =>
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(s.Token) is not PropertyDeclarationSyntax declaration) continue;
                var model = ModelFor(declaration.SyntaxTree);
                if (model is null) break;
                if (declaration.ExpressionBody is { } arrow)
                {
                    return Map(Eval(model.GetOperation(arrow.Expression, s.Token), s), v => IntegerTypes.Normalize(v, property.Type));
                }
                var getter = declaration.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GetAccessorDeclaration));
                if (getter is null) break;
                if (getter.ExpressionBody is { } getterArrow)
                {
                    return Map(Eval(model.GetOperation(getterArrow.Expression, s.Token), s), v => IntegerTypes.Normalize(v, property.Type));
                }
                if (getter.Body is { } body)
                {
                    return Map(EvalReturns(model.GetOperation(body, s.Token), s), v => IntegerTypes.Normalize(v, property.Type));
                }
                // get-only auto-property: like a readonly field
                if (property.IsStatic && property.SetMethod is null && declaration.Initializer is { } initializer)
                {
                    var proof = EvalInitializer(model.GetOperation(initializer, s.Token), property.Type, s);
                    if (!proof.IsProven) return proof;
                    var values = new List<ProvenValues> { proof.Values! };
                    return CollectStaticConstructorAssignments(property, property.ContainingType, values, s) ?? Union(values, null);
                }
                break;
            }
            return Proof.Fail($"property '{property.Name}' is not known to return a constant");
        });
    }

    private Proof EvalMethod(IMethodSymbol method, Scope scope)
    {
        method = method.PartialImplementationPart ?? method;
        if (!IntegerTypes.IsIntegral(method.ReturnType)) return Proof.Fail($"'{method.Name}' does not return an integer");
        if (method.IsAbstract || method.IsVirtual || (method.IsOverride && !method.IsSealed) || method.IsExtern || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return Proof.Fail($"the result of '{method.Name}' is not known at compile time");
        }
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return Proof.Fail($"the result of '{method.Name}' is computed in another assembly");
        }
        return Memoized(method.OriginalDefinition, scope, s =>
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(s.Token);
                var model = ModelFor(syntax.SyntaxTree);
                if (model is null) break;
                (ArrowExpressionClauseSyntax? arrow, BlockSyntax? body) = syntax switch
                {
                    MethodDeclarationSyntax m => (m.ExpressionBody, m.Body),
                    LocalFunctionStatementSyntax l => (l.ExpressionBody, l.Body),
                    _ => (null, null),
                };
                if (arrow is not null)
                {
                    return Map(Eval(model.GetOperation(arrow.Expression, s.Token), s), v => IntegerTypes.Normalize(v, method.ReturnType));
                }
                if (body is not null)
                {
                    return Map(EvalReturns(model.GetOperation(body, s.Token), s), v => IntegerTypes.Normalize(v, method.ReturnType));
                }
            }
            return Proof.Fail($"the result of '{method.Name}' is not known at compile time");
        });
    }

    /// <summary>The union of every value returned from a body (returns inside nested functions excluded).</summary>
    private Proof EvalReturns(IOperation? body, Scope scope)
    {
        if (body is null) return Proof.Fail("the body is not available");
        var values = new List<ProvenValues>();
        foreach (var op in DescendantsOutsideNestedFunctions(body))
        {
            if (op is IReturnOperation { Kind: OperationKind.Return } ret)
            {
                if (ret.ReturnedValue is null) return Proof.Fail("a return has no value");
                var proof = Eval(ret.ReturnedValue, scope);
                if (!proof.IsProven) return proof;
                values.Add(proof.Values!);
            }
            else if (op.Kind == OperationKind.YieldReturn)
            {
                return Proof.Fail("iterators are not supported");
            }
        }
        return Union(values, null);
    }

    private Proof EvalLocal(ILocalReferenceOperation reference, Scope scope)
    {
        var local = reference.Local;
        if (local.HasConstantValue && IntegerTypes.TryToInt64(local.ConstantValue, out long c))
        {
            return ProvenValues.Constant(IntegerTypes.Normalize(c, local.Type), NameSet.Of(local.Name));
        }
        if (local.IsRef) return Proof.Fail($"local '{local.Name}' is a ref local");
        return Memoized(local, scope, s => EvalLocalAssignments(local, ScopeOf(reference), s));
    }

    /// <summary>
    /// The operations a local can be used in: the block that declares it (a local cannot be named outside its
    /// block), else the whole body.
    /// </summary>
    internal static IOperation ScopeOf(ILocalReferenceOperation reference)
    {
        IOperation top = reference;
        for (var op = reference.Parent; op is not null; op = op.Parent)
        {
            if (op is IBlockOperation block && block.Locals.Contains(reference.Local, SymbolEqualityComparer.Default)) return block;
            top = op;
        }
        return top;
    }

    private Proof EvalLocalAssignments(ILocalSymbol local, IOperation root, Scope scope)
    {
        foreach (var syntaxReference in local.DeclaringSyntaxReferences)
        {
            if (syntaxReference.GetSyntax(scope.Token) is not VariableDeclaratorSyntax)
            {
                return Proof.Fail($"local '{local.Name}' is not declared by a plain declaration");
            }
        }

        var values = new List<ProvenValues>();
        var updates = new List<(Func<long, long, long?> Apply, IOperation? Value, IOperation At)>();
        foreach (var op in root.Descendants())
        {
            if (op is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                var initializer = declarator.GetVariableInitializer();
                if (initializer is not null)
                {
                    var proof = Map(Eval(initializer.Value, scope), v => IntegerTypes.Normalize(v, local.Type));
                    if (!proof.IsProven) return proof;
                    values.Add(proof.Values!);
                }
                continue;
            }
            if (op is not ILocalReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Local, local)) continue;

            switch (use.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == use:
                {
                    if (assignment.IsRef) return Proof.Fail($"local '{local.Name}' is ref-assigned");
                    var proof = Map(Eval(assignment.Value, scope), v => IntegerTypes.Normalize(v, local.Type));
                    if (!proof.IsProven) return proof;
                    values.Add(proof.Values!);
                    break;
                }
                case ICompoundAssignmentOperation compound when compound.Target == use:
                {
                    if (compound.OperatorMethod is not null || BinaryOperator(compound.OperatorKind, compound.Type) is not { } apply)
                    {
                        return Proof.Fail($"local '{local.Name}' is updated with '{Text(compound)}'");
                    }
                    updates.Add((apply, compound.Value, compound));
                    break;
                }
                case IIncrementOrDecrementOperation step when step.Target == use:
                {
                    if (step.OperatorMethod is not null) return Proof.Fail($"local '{local.Name}' is updated with '{Text(step)}'");
                    long delta = step.Kind == OperationKind.Increment ? 1 : -1;
                    updates.Add(((a, _) => unchecked(a + delta), null, step));
                    break;
                }
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    return Proof.Fail($"local '{local.Name}' is passed by reference");
                case IAddressOfOperation:
                    return Proof.Fail($"the address of local '{local.Name}' is taken");
                case ITupleOperation:
                    return Proof.Fail($"local '{local.Name}' is assigned by deconstruction");
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None } }:
                    return Proof.Fail($"a ref local aliases local '{local.Name}'");
                case IDeclarationExpressionOperation:
                    return Proof.Fail($"local '{local.Name}' is an out variable");
            }
        }

        if (values.Count == 0) return Proof.Fail($"local '{local.Name}' has no provable assignment");
        var result = ProvenValues.Union(values);
        if (result is null) return Proof.Fail($"local '{local.Name}' has too many possible values");

        if (updates.Count == 0) return result;

        // Each update (x |= v, x += v, x++ …) may run or not, in program order. An update that can run more than once (in
        // a loop, a lambda or a local function, or anywhere after a goto) makes the passes repeat until no new value
        // appears: bitwise updates reach a fixed point, arithmetic ones in a loop exceed the value limit and fail.
        var steps = new List<(Func<long, long, long?> Apply, ProvenValues? Operand)>();
        bool repeats = false;
        foreach (var (apply, valueOp, at) in updates)
        {
            ProvenValues? operand = null;
            if (valueOp is not null)
            {
                var proof = Eval(valueOp, scope);
                if (!proof.IsProven) return proof;
                operand = proof.Values;
            }
            steps.Add((apply, operand));
            repeats |= CanRepeat(at, root);
        }
        var one = ProvenValues.Constant(0);
        for (int pass = 0; ; pass++)
        {
            var before = result;
            foreach (var (apply, operand) in steps)
            {
                var applied = ProvenValues.Combine(result, operand ?? one, (a, b) => apply(a, b) is long r ? IntegerTypes.Normalize(r, local.Type) : null);
                var merged = applied is null ? null : ProvenValues.Union(new[] { result, applied });
                if (merged is null) return Proof.Fail($"local '{local.Name}' has too many possible values");
                result = merged;
            }
            if (!repeats || result.Equals(before)) break;
            if (pass > ProvenValues.MaxValuesPerArchitecture) return Proof.Fail($"local '{local.Name}' has too many possible values");
        }
        return result;
    }

    /// <summary>True when <paramref name="update"/> can run more than once per run of <paramref name="root"/>.</summary>
    private static bool CanRepeat(IOperation update, IOperation root)
    {
        for (var op = update.Parent; op is not null && op != root; op = op.Parent)
        {
            if (op is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation) return true;
        }
        foreach (var op in root.Descendants())
        {
            if (op is IBranchOperation { BranchKind: BranchKind.GoTo }) return true;
        }
        return false;
    }

    /// <summary>
    /// An integer operator of a binary operation or compound assignment, with C#'s unchecked semantics for
    /// <paramref name="type"/>; null for a division by zero (and long.MinValue / -1, which throws).
    /// </summary>
    private static Func<long, long, long?>? BinaryOperator(BinaryOperatorKind kind, ITypeSymbol? type)
    {
        if (!IntegerTypes.IsIntegral(type)) return null;
        int width = IntegerTypes.BitWidth(type);
        // arithmetic happens in at least 32 bits (byte and short operands are promoted)
        int opWidth = Math.Max(width, 32);
        bool signed = IntegerTypes.IsSigned(type) || width < 32;
        return kind switch
        {
            BinaryOperatorKind.Or => (a, b) => a | b,
            BinaryOperatorKind.And => (a, b) => a & b,
            BinaryOperatorKind.ExclusiveOr => (a, b) => a ^ b,
            BinaryOperatorKind.Add => (a, b) => unchecked(a + b),
            BinaryOperatorKind.Subtract => (a, b) => unchecked(a - b),
            BinaryOperatorKind.Multiply => (a, b) => unchecked(a * b),
            BinaryOperatorKind.Divide => (a, b) => b == 0 || (b == -1 && a == long.MinValue) ? null : signed ? a / b : (long)((ulong)IntegerTypes.Bits(a, opWidth) / (ulong)IntegerTypes.Bits(b, opWidth)),
            BinaryOperatorKind.Remainder => (a, b) => b == 0 || (b == -1 && a == long.MinValue) ? null : signed ? a % b : (long)((ulong)IntegerTypes.Bits(a, opWidth) % (ulong)IntegerTypes.Bits(b, opWidth)),
            BinaryOperatorKind.LeftShift => (a, b) => a << (int)(b & (opWidth - 1)),
            BinaryOperatorKind.RightShift => (a, b) => signed ? a >> (int)(b & (opWidth - 1)) : (long)((ulong)IntegerTypes.Bits(a, opWidth) >> (int)(b & (opWidth - 1))),
            BinaryOperatorKind.UnsignedRightShift => (a, b) => (long)((ulong)IntegerTypes.Bits(a, opWidth) >> (int)(b & (opWidth - 1))),
            _ => null,
        };
    }

    /// <summary>Adds the values assigned to <paramref name="member"/> in static constructors; a failed proof stops.</summary>
    private Proof? CollectStaticConstructorAssignments(ISymbol member, INamedTypeSymbol type, List<ProvenValues> values, Scope scope)
    {
        foreach (var ctor in type.StaticConstructors)
        {
            foreach (var reference in ctor.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(scope.Token);
                var model = ModelFor(syntax.SyntaxTree);
                var body = model?.GetOperation(syntax, scope.Token);
                if (body is null) continue;
                foreach (var op in body.Descendants())
                {
                    IOperation? target = op switch
                    {
                        ISimpleAssignmentOperation a => a.Target,
                        ICompoundAssignmentOperation ca => ca.Target,
                        IIncrementOrDecrementOperation inc => inc.Target,
                        _ => null,
                    };
                    ISymbol? assigned = target switch
                    {
                        IFieldReferenceOperation f => f.Field,
                        IPropertyReferenceOperation p => p.Property,
                        _ => null,
                    };
                    if (assigned is null || !SymbolEqualityComparer.Default.Equals(assigned.OriginalDefinition, member.OriginalDefinition)) continue;
                    if (op is not ISimpleAssignmentOperation simple)
                    {
                        return Proof.Fail($"'{member.Name}' is updated in the static constructor");
                    }
                    var proof = Eval(simple.Value, scope);
                    if (!proof.IsProven) return proof;
                    values.Add(proof.Values!);
                }
            }
        }
        return null;
    }

    // ---- helpers ----

    private Proof Memoized(ISymbol symbol, Scope scope, Func<Scope, Proof> compute)
    {
        var memo = LazyInitializer.EnsureInitialized(ref _memo, static () => new(SymbolEqualityComparer.Default))!;
        if (memo.TryGetValue(symbol, out var cached)) return cached;
        if (scope.IsVisiting(symbol)) return Proof.Fail($"'{symbol.Name}' is defined in terms of itself");
        var result = compute(scope.Entering(symbol));
        // failures caused by the cycle guard depend on the path; do not cache those
        if (result.IsProven || !(result.Failure?.EndsWith("in terms of itself", StringComparison.Ordinal) ?? false))
        {
            memo.TryAdd(symbol, result);
        }
        return result;
    }

    /// <summary>The semantic model of a tree of this compilation (cached), or null for a tree of another compilation.</summary>
    public SemanticModel? ModelFor(SyntaxTree tree)
    {
        if (!_compilation.ContainsSyntaxTree(tree)) return null;
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() within a diagnostic analyzer
        // Needed to read initializers and bodies in other files (constants spread over files, as real code has them);
        // cached per tree for the lifetime of one compilation's analysis.
        return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }

    /// <summary>Registers the semantic model an operation action already has, so it is reused.</summary>
    public void Seed(SemanticModel? model)
    {
        // a lock-free lookup first: TryAdd takes the bucket lock even when the tree is already there
        if (model is not null && !_models.ContainsKey(model.SyntaxTree)) _models.TryAdd(model.SyntaxTree, model);
    }

    private static IEnumerable<IOperation> DescendantsOutsideNestedFunctions(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var op = stack.Pop();
            if (op != root && op is IAnonymousFunctionOperation or ILocalFunctionOperation) continue;
            yield return op;
            foreach (var child in op.ChildOperations.Reverse()) stack.Push(child);
        }
    }

    private static NameSet CollectNames(IOperation operation)
    {
        switch (operation)
        {
            case IFieldReferenceOperation f:
                return NameSet.Of(f.Field.Name);
            case ILocalReferenceOperation { Local.IsConst: true } l:
                return NameSet.Of(l.Local.Name);
            case ILiteralOperation:
                return NameSet.Empty;
        }
        // iterative: a constant expression can be thousands of operators deep
        var names = NameSet.Empty;
        var pending = new Stack<IOperation>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case IFieldReferenceOperation f:
                    names = names.Add(f.Field.Name);
                    break;
                case ILocalReferenceOperation { Local.IsConst: true } l:
                    names = names.Add(l.Local.Name);
                    break;
                case var op:
                    foreach (var child in op.ChildOperations) pending.Push(child);
                    break;
            }
        }
        return names;
    }

    // ---- choices that depend on the architecture ----

    /// <summary>On which architectures (bits) a condition can be true, and on which it can be false.</summary>
    /// <param name="True">The architectures (bits) on which it can be true.</param>
    /// <param name="False">The architectures on which it can be false.</param>
    private readonly record struct Condition(int True, int False)
    {
        public static Condition Unknown => new(ArchitectureSet.AllBits, ArchitectureSet.AllBits);

        public Condition Not() => new(False, True);
    }

    private enum Match { No, Yes, Maybe }

    /// <summary>
    /// What a condition is on each architecture, as far as it depends on the architecture only: comparisons
    /// (<c>== != &lt; &lt;= &gt; &gt;=</c>) and <c>is</c> patterns of provable integers (<c>RuntimeInformation.ProcessArchitecture ==
    /// Architecture.X64</c>, <c>IntPtr.Size == 8</c>), <c>Environment.Is64BitProcess</c>, constants, <c>! &amp;&amp; || &amp; |</c>.
    /// Anything else can be either (so both branches count, as before).
    /// </summary>
    private Condition EvalCondition(IOperation? operation, Scope scope)
    {
        if (operation is null || scope.Depth > MaxDepth) return Condition.Unknown;
        if (operation.ConstantValue is { HasValue: true, Value: bool constant }) return constant ? new Condition(ArchitectureSet.AllBits, 0) : new Condition(0, ArchitectureSet.AllBits);
        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                return EvalCondition(not.Operand, scope.Deeper()).Not();
            case IBinaryOperation { OperatorMethod: null } binary when binary.Type?.SpecialType == SpecialType.System_Boolean:
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And when binary.LeftOperand.Type?.SpecialType == SpecialType.System_Boolean:
                    {
                        var a = EvalCondition(binary.LeftOperand, scope.Deeper());
                        var b = EvalCondition(binary.RightOperand, scope.Deeper());
                        return new Condition(a.True & b.True, a.False | (a.True & b.False));
                    }
                    case BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or when binary.LeftOperand.Type?.SpecialType == SpecialType.System_Boolean:
                    {
                        var a = EvalCondition(binary.LeftOperand, scope.Deeper());
                        var b = EvalCondition(binary.RightOperand, scope.Deeper());
                        return new Condition(a.True | (a.False & b.True), a.False & b.False);
                    }
                    case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                        or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                        when IntegerTypes.IsIntegral(binary.LeftOperand.Type) && IntegerTypes.IsIntegral(binary.RightOperand.Type):
                    {
                        var left = Eval(binary.LeftOperand, scope.Deeper());
                        if (!left.IsProven) return Condition.Unknown;
                        var right = Eval(binary.RightOperand, scope.Deeper());
                        if (!right.IsProven) return Condition.Unknown;
                        var kind = binary.OperatorKind;
                        var type = binary.LeftOperand.Type;
                        return Compare(left.Values!, right.Values!, (a, b) => Compare(kind, a, b, type));
                    }
                }
                return Condition.Unknown;
            case IIsPatternOperation isPattern when IntegerTypes.IsIntegral(isPattern.Value.Type):
            {
                var value = Eval(isPattern.Value, scope.Deeper());
                if (!value.IsProven) return Condition.Unknown;
                var type = isPattern.Value.Type;
                return Compare(value.Values!, ProvenValues.Constant(0), (v, _) => MatchPattern(isPattern.Pattern, v, type));
            }
            case IPropertyReferenceOperation { Property: { IsStatic: true, Type.SpecialType: SpecialType.System_Boolean } property }
                when _knownProperty(property) is { IsProven: true } known:
                return Compare(known.Values!, ProvenValues.Constant(0), (v, _) => v != 0 ? Match.Yes : Match.No);
        }
        return Condition.Unknown;
    }

    /// <summary>Where a comparison of every pair of values of two proven operands can be true and where false.</summary>
    private static Condition Compare(ProvenValues left, ProvenValues right, Func<long, long, Match> compare)
    {
        int whenTrue = 0, whenFalse = 0;
        foreach (var arch in ArchitectureSet.All)
        {
            // an architecture where an operand has no value cannot run the code: neither
            if (left[arch] is not { } a || right[arch] is not { } b) continue;
            int bit = 1 << (int)arch;
            foreach (long x in a)
            {
                foreach (long y in b)
                {
                    var match = compare(x, y);
                    if (match != Match.No) whenTrue |= bit;
                    if (match != Match.Yes) whenFalse |= bit;
                }
            }
        }
        return new Condition(whenTrue, whenFalse);
    }

    private static Match Compare(BinaryOperatorKind kind, long a, long b, ITypeSymbol? type)
    {
        int order = IntegerTypes.IsSigned(type)
            ? a.CompareTo(b)
            : ((ulong)IntegerTypes.Bits(a, IntegerTypes.BitWidth(type))).CompareTo((ulong)IntegerTypes.Bits(b, IntegerTypes.BitWidth(type)));
        bool result = kind switch
        {
            BinaryOperatorKind.Equals => order == 0,
            BinaryOperatorKind.NotEquals => order != 0,
            BinaryOperatorKind.LessThan => order < 0,
            BinaryOperatorKind.LessThanOrEqual => order <= 0,
            BinaryOperatorKind.GreaterThan => order > 0,
            _ => order >= 0,
        };
        return result ? Match.Yes : Match.No;
    }

    /// <summary>
    /// For each arm of a switch expression, the architectures (bits) on which it can be taken, when the governing value
    /// is proven: the arms are tried in order for each of the values it has there, and the first arm whose pattern
    /// surely matches (without a <c>when</c> clause) ends the search. Null when the value is not proven (every arm can be taken).
    /// </summary>
    private int[]? ArmReach(ISwitchExpressionOperation switchExpression, Scope scope)
    {
        var governing = Eval(switchExpression.Value, scope.Deeper());
        if (!governing.IsProven) return null;
        var type = switchExpression.Value.Type;
        var arms = switchExpression.Arms;
        var reach = new int[arms.Length];
        foreach (var arch in ArchitectureSet.All)
        {
            if (governing.Values![arch] is not { } lane) continue;
            int bit = 1 << (int)arch;
            foreach (long value in lane)
            {
                for (int i = 0; i < arms.Length; i++)
                {
                    var match = MatchPattern(arms[i].Pattern, value, type);
                    if (match == Match.No) continue;
                    reach[i] |= bit;
                    if (match == Match.Yes && arms[i].Guard is null) break;
                }
            }
        }
        return reach;
    }

    /// <summary>Whether an integer <paramref name="value"/> of <paramref name="type"/> matches a pattern: constant, relational, discard, <c>not</c>, <c>and</c>, <c>or</c>; anything else may.</summary>
    private static Match MatchPattern(IPatternOperation pattern, long value, ITypeSymbol? type)
    {
        switch (pattern)
        {
            case IDiscardPatternOperation:
                return Match.Yes;
            case IConstantPatternOperation constant when Constant(constant.Value, type) is long c:
                return Compare(BinaryOperatorKind.Equals, value, c, type);
            case IRelationalPatternOperation relational when Constant(relational.Value, type) is long bound:
                return Compare(relational.OperatorKind, value, bound, type);
            case INegatedPatternOperation negated:
                return MatchPattern(negated.Pattern, value, type) switch { Match.Yes => Match.No, Match.No => Match.Yes, _ => Match.Maybe };
            case IBinaryPatternOperation binary:
            {
                var left = MatchPattern(binary.LeftPattern, value, type);
                var right = MatchPattern(binary.RightPattern, value, type);
                if (binary.OperatorKind == BinaryOperatorKind.Or)
                {
                    return left == Match.Yes || right == Match.Yes ? Match.Yes : left == Match.No && right == Match.No ? Match.No : Match.Maybe;
                }
                return left == Match.No || right == Match.No ? Match.No : left == Match.Yes && right == Match.Yes ? Match.Yes : Match.Maybe;
            }
            default:
                return Match.Maybe;
        }
    }

    private static long? Constant(IOperation value, ITypeSymbol? type) =>
        value.ConstantValue is { HasValue: true } c && IntegerTypes.TryToInt64(c.Value, out long v) ? IntegerTypes.Normalize(v, type) : null;

    /// <summary>The values of the alternatives that can be taken on each architecture (<paramref name="where"/>: bits per alternative).</summary>
    private static Proof Choose(List<ProvenValues> alternatives, List<int> where, IOperation operation)
    {
        bool everywhere = true;
        foreach (int archs in where) everywhere &= archs == ArchitectureSet.AllBits;
        if (everywhere) return Union(alternatives, operation);
        var chosen = ProvenValues.Choose(alternatives, where);
        if (chosen is null) return Proof.Fail($"'{Text(operation)}' has too many possible values");
        return chosen.HasAnyLane ? Proof.Of(chosen) : Proof.Fail($"'{Text(operation)}' produces no value on any architecture");
    }

    private static bool IsThrow(IOperation? op)
    {
        while (op is IConversionOperation conversion) op = conversion.Operand;
        return op is IThrowOperation;
    }

    private static Proof Union(List<ProvenValues> alternatives, IOperation? operation)
    {
        if (alternatives.Count == 0) return Proof.Fail(operation is null ? "no value is produced" : $"'{Text(operation)}' produces no value");
        var union = ProvenValues.Union(alternatives);
        return union is null ? Proof.Fail("too many possible values") : Proof.Of(union);
    }

    private static Proof Map(Proof proof, Func<long, long> map) => proof.IsProven ? proof.Values!.Map(map) : proof;

    private static Proof WithName(Proof proof, string name) => proof.IsProven ? proof.Values!.WithName(name) : proof;

    private static string Text(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
