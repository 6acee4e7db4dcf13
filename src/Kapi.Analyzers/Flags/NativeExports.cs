using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kapi.Analyzers.Flags;

/// <summary>A native function looked up by name at run time: the symbol, and the library when it is known.</summary>
/// <param name="Symbol">The exported name passed to <c>NativeLibrary.GetExport</c>/<c>TryGetExport</c>.</param>
/// <param name="Library">The library name passed to <c>NativeLibrary.Load</c>/<c>TryLoad</c>, <c>"*"</c> for
/// <c>NativeLibrary.GetMainProgramHandle()</c>, or null when the handle cannot be followed.</param>
internal sealed record NativeExport(string Symbol, string? Library);

/// <summary>
/// Finds where a delegate or an unmanaged function pointer comes from, when it comes from a native export looked up
/// by name: <c>NativeLibrary.GetExport(handle, "mlockall")</c>, <c>NativeLibrary.TryGetExport(handle, "mlock2", out p)</c>,
/// then <c>(delegate* unmanaged&lt;…&gt;)p</c>, <c>Marshal.GetDelegateForFunctionPointer&lt;T&gt;(p)</c> or
/// <c>(T)Marshal.GetDelegateForFunctionPointer(p, typeof(T))</c>. Values are followed through locals (every assignment
/// in the declaring block, <c>out</c> arguments included) and through <c>readonly</c> and <c>static readonly</c> fields
/// (their initializers and the assignments in the constructors of the declaring type, where alone C# lets them be
/// written). A delegate or function pointer made from the method group of a P/Invoke (<c>[DllImport]</c>,
/// <c>[LibraryImport]</c>) counts as an export of its entry point in its library. Anything else (a parameter, a mutable field, a property, a value passed by <c>ref</c>, two different
/// exports) is not an export: the call is not recognised, so it stays silent rather than guessed at.
/// One instance lives as long as one compilation's analysis; it memoizes per symbol and is thread-safe.
/// </summary>
internal sealed class NativeExports
{
    private const int MaxDepth = 16;
    private const string NativeLibraryType = "System.Runtime.InteropServices.NativeLibrary";
    private const string MarshalType = "System.Runtime.InteropServices.Marshal";

    private readonly Func<SyntaxTree, SemanticModel?> _model;
    // made on first use (a delegate or function pointer call): see ValueProver's memo
    private ConcurrentDictionary<ISymbol, Origin>? _memo;

    public NativeExports(Func<SyntaxTree, SemanticModel?> model) => _model = model;

    private ConcurrentDictionary<ISymbol, Origin> Memo => LazyInitializer.EnsureInitialized(ref _memo, static () => new(SymbolEqualityComparer.Default))!;

    /// <summary>What a value of delegate, function pointer or handle type is known to be.</summary>
    private readonly struct Origin
    {
        private Origin(NativeExport? export, string? library, bool known)
        {
            Export = export;
            Library = library;
            IsKnown = known;
        }

        /// <summary>For a delegate or function pointer: the export it calls.</summary>
        public NativeExport? Export { get; }

        /// <summary>For a library handle: the library's name.</summary>
        public string? Library { get; }

        public bool IsKnown { get; }

        public static Origin Unknown => default;

        public static Origin OfExport(NativeExport export) => new(export, null, known: true);

        public static Origin OfLibrary(string library) => new(null, library, known: true);

        public bool SameAs(Origin other) => Equals(Export, other.Export) && string.Equals(Library, other.Library, StringComparison.Ordinal);
    }

    /// <summary>The export that the delegate or function pointer <paramref name="target"/> calls, or null when it is not one.</summary>
    public NativeExport? ExportOf(IOperation target, CancellationToken cancellationToken) =>
        Trace(target, 0, cancellationToken).Export;

    private Origin Trace(IOperation? operation, int depth, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (operation is null || depth > MaxDepth) return Origin.Unknown;
        operation = StripConversions(operation);
        switch (operation)
        {
            case IInvocationOperation invocation:
                return TraceCall(invocation, depth, token);
            case ILocalReferenceOperation local:
                return Memo.GetOrAdd(local.Local, _ => TraceLocal(local, depth, token));
            case IFieldReferenceOperation { Field.IsReadOnly: true } field:
                return Memo.GetOrAdd(field.Field.OriginalDefinition, _ => TraceReadOnlyField(field.Field, depth, token));
            case IDelegateCreationOperation { Target: IMethodReferenceOperation method }:
                return Import(method.Method);
            case IAddressOfOperation { Reference: IMethodReferenceOperation method }:
                return Import(method.Method);
            case IMethodReferenceOperation method:
                return Import(method.Method);
            default:
                return Origin.Unknown;
        }
    }

    /// <summary>A delegate or function pointer made from a P/Invoke's method group (<c>Func&lt;int, int&gt; f = mlockall</c>, <c>&amp;mlockall</c>): its entry point in its library.</summary>
    private static Origin Import(IMethodSymbol method) =>
        FlagTargets.TryGetImport(method.OriginalDefinition, out var library, out var entryPoint)
            ? Origin.OfExport(new NativeExport(entryPoint, library))
            : Origin.Unknown;

    private Origin TraceCall(IInvocationOperation call, int depth, CancellationToken token)
    {
        var method = call.TargetMethod;
        if (SymbolNames.Is(method.ContainingType, NativeLibraryType))
        {
            switch (method.Name)
            {
                case "GetExport":
                    return ExportFrom(call, depth, token);
                case "Load" when ConstantString(Argument(call, 0)) is { } library:
                    return Origin.OfLibrary(library);
                case "GetMainProgramHandle":
                    return Origin.OfLibrary("*");
            }
            return Origin.Unknown;
        }
        if (SymbolNames.Is(method.ContainingType, MarshalType) && method.Name == "GetDelegateForFunctionPointer")
        {
            return Trace(Argument(call, 0), depth + 1, token);
        }
        return Origin.Unknown;
    }

    /// <summary>What an <c>out</c> argument of <paramref name="call"/> receives: the address from <c>TryGetExport</c>, the handle from <c>TryLoad</c>.</summary>
    private Origin TraceOutArgument(IInvocationOperation call, IArgumentOperation argument, int depth, CancellationToken token)
    {
        var method = call.TargetMethod;
        if (!SymbolNames.Is(method.ContainingType, NativeLibraryType) || argument.Parameter is null) return Origin.Unknown;
        switch (method.Name)
        {
            case "TryGetExport" when argument.Parameter.Name == "address":
                return ExportFrom(call, depth, token);
            case "TryLoad" when argument.Parameter.Name == "handle" && ConstantString(Argument(call, 0)) is { } library:
                return Origin.OfLibrary(library);
        }
        return Origin.Unknown;
    }

    /// <summary>GetExport(handle, name) / TryGetExport(handle, name, out address).</summary>
    private Origin ExportFrom(IInvocationOperation call, int depth, CancellationToken token)
    {
        if (ConstantString(ArgumentNamed(call, "name")) is not { } symbol) return Origin.Unknown;
        var handle = Trace(ArgumentNamed(call, "handle"), depth + 1, token);
        return Origin.OfExport(new NativeExport(symbol, handle.IsKnown ? handle.Library : null));
    }

    // ---- locals and fields ----

    private Origin TraceLocal(ILocalReferenceOperation reference, int depth, CancellationToken token)
    {
        var local = reference.Local;
        if (local.IsRef) return Origin.Unknown;
        return Combine(Writes(ValueProver.ScopeOf(reference), local, depth, token));
    }

    private Origin TraceReadOnlyField(IFieldSymbol field, int depth, CancellationToken token)
    {
        var writes = new List<Origin>();
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(token) is not VariableDeclaratorSyntax { Initializer: { } initializer }) continue;
            var operation = _model(initializer.SyntaxTree)?.GetOperation(initializer, token);
            writes.Add(Trace(operation is IFieldInitializerOperation fi ? fi.Value : operation, depth + 1, token));
        }
        // readonly fields are written only by initializers and by the declaring type's constructors
        var constructors = field.IsStatic ? field.ContainingType.StaticConstructors : field.ContainingType.InstanceConstructors;
        foreach (var constructor in constructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(token);
                if (_model(syntax.SyntaxTree)?.GetOperation(syntax, token) is not { } body) continue;
                var found = Writes(body, field, depth, token);
                if (found is null) return Origin.Unknown;
                writes.AddRange(found);
            }
        }
        return Combine(writes);
    }

    /// <summary>Every value written to <paramref name="symbol"/> under <paramref name="root"/>; null when it escapes (ref, address, other out calls).</summary>
    private List<Origin>? Writes(IOperation root, ISymbol symbol, int depth, CancellationToken token)
    {
        var writes = new List<Origin>();
        foreach (var op in root.Descendants())
        {
            if (op is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol))
            {
                if (declarator.GetVariableInitializer() is { } initializer) writes.Add(Trace(initializer.Value, depth + 1, token));
                continue;
            }
            if (!Refers(op, symbol)) continue;
            var use = op.Parent is IDeclarationExpressionOperation declaration ? declaration : op;
            switch (use.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == use:
                    if (assignment.IsRef) return null;
                    writes.Add(Trace(assignment.Value, depth + 1, token));
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out } argument when argument.Parent is IInvocationOperation call:
                    writes.Add(TraceOutArgument(call, argument, depth + 1, token));
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                case ICompoundAssignmentOperation:
                case IAddressOfOperation:
                case ITupleOperation:
                case IDeconstructionAssignmentOperation:
                    return null;
            }
        }
        return writes;
    }

    private static bool Refers(IOperation op, ISymbol symbol) => op switch
    {
        ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, symbol),
        IFieldReferenceOperation f => SymbolEqualityComparer.Default.Equals(f.Field.OriginalDefinition, symbol),
        _ => false,
    };

    /// <summary>All writes must agree (the same export, or the same library); none, or any unknown one, is unknown.</summary>
    private static Origin Combine(List<Origin>? writes)
    {
        if (writes is null || writes.Count == 0) return Origin.Unknown;
        var first = writes[0];
        if (!first.IsKnown) return Origin.Unknown;
        for (int i = 1; i < writes.Count; i++)
        {
            if (!writes[i].IsKnown || !writes[i].SameAs(first)) return Origin.Unknown;
        }
        return first;
    }

    // ---- helpers ----

    private static IOperation StripConversions(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion) operation = conversion.Operand;
        return operation;
    }

    private static IOperation? Argument(IInvocationOperation call, int ordinal)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal) return argument.Value;
        }
        return null;
    }

    private static IOperation? ArgumentNamed(IInvocationOperation call, string name)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == name) return argument.Value;
        }
        return null;
    }

    private static string? ConstantString(IOperation? operation) =>
        operation?.ConstantValue is { HasValue: true, Value: string text } ? text : null;
}
