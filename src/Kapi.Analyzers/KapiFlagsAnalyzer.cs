using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Kapi.Analyzers.Flags;
using Kapi.Analyzers.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kapi.Analyzers;

/// <summary>
/// Checks the flags passed to mask-constrained calls (KAPI2001–KAPI2005): the Kapi-generated bindings (parameters
/// with <c>[Kapi.Runtime.KapiFlags]</c>), the user's own <c>[DllImport]</c>/<c>[LibraryImport]</c> declarations into
/// libc, Tmds.LibC, Mono.Posix, delegates and function pointers over libc exports looked up by name
/// (<c>NativeLibrary.GetExport</c>) or made from a P/Invoke's method group, and libc's <c>syscall(2)</c> through any of
/// those when its number is proven. Specs come from the built-in library plus the compilation's <c>.kapi</c> AdditionalFiles.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KapiFlagsAnalyzer : DiagnosticAnalyzer
{
    private readonly Func<SpecCatalog> _builtInSpecs;

    public KapiFlagsAnalyzer()
        : this(static () => BuiltInSpecLibrary.Catalog)
    {
    }

    /// <summary>For tests: replaces the built-in spec library.</summary>
    internal KapiFlagsAnalyzer(Func<SpecCatalog> builtInSpecs) => _builtInSpecs = builtInSpecs;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => KapiDescriptors.UsageRules;

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is not analyzed (no Analyze flag). ReportDiagnostics lets the driver skip its per-diagnostic
        // "is this location generated?" check, whose first use in a file scans every token of it for [GeneratedCode]:
        // this analyzer reports only at argument locations of calls it analyzed, which are not in generated code. One
        // edge case changes: a call inside a `#line hidden` region of an ordinary file is analyzed either way, and its
        // diagnostic is now kept instead of filtered out.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var builtIn = _builtInSpecs();
        var specFiles = KapiSpecFiles.GetSpecFiles(start.Options);
        var catalog = builtIn;
        if (!specFiles.IsEmpty)
        {
            var models = specFiles.Select(f => KapiSpecFiles.GetModel(start, f));
            catalog = SpecCatalog.Create(builtIn.Specs, KapiSpecFiles.CollectSpecs(models));
        }
        var architectures = TargetArchitectures.FromOptions(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        var state = new State(start.Compilation, catalog, architectures);
        start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(state.AnalyzeFunctionPointerInvocation, OperationKind.FunctionPointerInvocation);
    }

    private sealed class State
    {
        private static readonly MethodTarget s_none = new(ImmutableArray<ParamTarget?>.Empty);

        private readonly Compilation _compilation;
        private readonly SpecCatalog _catalog;
        private readonly TargetArchitectures _architectures;
        private readonly ValueProver _prover;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodTarget> _targets = new(SymbolEqualityComparer.Default);
        private readonly Lazy<Dictionary<string, string>> _generatedBindings;

        // Most calls pass one of a few values (MCL_CURRENT | MCL_ONFAULT …): the checker decides once per parameter and
        // value, and the known constants of binding libraries are looked up once per property. The caches every checked
        // call uses are keyed by references and hold references: a framework generic over a value tuple or a struct of
        // ours is JIT-compiled at first use even in the ReadyToRun copies (see ArchitectureSet), which a build pays for
        // in its cold start. The caches of the rarer paths (binding-library constants, delegates, syscall(2)), which are
        // keyed by tuples, are made on first use, so a build that never takes those paths never compiles them.
        // keyed by the interned target (see Intern), compared by reference
        private readonly ConcurrentDictionary<ParamTarget, ConcurrentDictionary<ProvenValues, FlagFinding[]>> _verdicts = new(IdentityComparer<ParamTarget>.Instance);
        private ConcurrentDictionary<IPropertySymbol, Proof?>? _knownProperties;
        private readonly Func<IPropertySymbol, Proof?> _lookUpProperty;
        private readonly Func<IMethodSymbol, MethodTarget> _resolve;
        private readonly ConcurrentDictionary<ParamTarget, ParamTarget> _paramTargets = new();
        private readonly NativeExports _exports;
        private ConcurrentDictionary<(SymbolKey Signature, NativeExport Export), MethodTarget>? _exportTargets;

        // syscall(2): what a proven number selects on the target architectures the signature allows (a bit per
        // architecture), and the checked arguments of a signature for that call; a program uses a few numbers.
        private ConcurrentDictionary<(ProvenValues Number, int Layout), SyscallResolution>? _syscallNumbers;
        private readonly Func<(ProvenValues Number, int Layout), SyscallResolution> _resolveNumber;
        private ConcurrentDictionary<(SymbolKey Signature, SyscallResolution Call), MethodTarget>? _syscallTargets;
        private readonly Func<(SymbolKey Signature, SyscallResolution Call), MethodTarget> _resolveSyscall;

        public State(Compilation compilation, SpecCatalog catalog, TargetArchitectures architectures)
        {
            _compilation = compilation;
            _catalog = catalog;
            _architectures = architectures;
            _prover = new ValueProver(compilation, KnownProperty);
            _exports = new NativeExports(_prover.ModelFor);
            _generatedBindings = new Lazy<Dictionary<string, string>>(FindGeneratedBindings, LazyThreadSafetyMode.ExecutionAndPublication);
            _lookUpProperty = property => KnownConstants.GetProperty(property, _catalog);
            _resolve = method => Intern(FlagTargets.Resolve(method, _catalog)) ?? s_none;
            _resolveNumber = key => SyscallNumbers.Resolve(key.Number, _architectures.Architectures.Bits, key.Layout, _catalog);
            _resolveSyscall = key => Intern(FlagTargets.ResolveSyscallArguments(((IMethodSymbol)key.Signature.Symbol).Parameters, key.Call.Spec!, key.Call.Architectures)) ?? s_none;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Parameters.IsEmpty) return;
            MethodTarget target;
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                if (invocation.Instance is not { } instance) return;
                target = ExportTarget(method, instance, invocation.SemanticModel, context.CancellationToken);
            }
            else
            {
                target = _targets.GetOrAdd(method.OriginalDefinition, _resolve);
            }
            if (target.Parameters.IsEmpty)
            {
                if (ReferenceEquals(target, MethodTarget.Syscall)) AnalyzeSyscall(context, method, invocation.Arguments, invocation.SemanticModel);
                return;
            }
            AnalyzeArguments(context, invocation.Arguments, target, invocation.SemanticModel);
        }

        public void AnalyzeFunctionPointerInvocation(OperationAnalysisContext context)
        {
            var invocation = (IFunctionPointerInvocationOperation)context.Operation;
            var signature = invocation.GetFunctionPointerSignature();
            if (signature.Parameters.IsEmpty) return;
            var target = ExportTarget(signature, invocation.Target, invocation.SemanticModel, context.CancellationToken);
            if (target.Parameters.IsEmpty)
            {
                if (ReferenceEquals(target, MethodTarget.Syscall)) AnalyzeSyscall(context, signature, invocation.Arguments, invocation.SemanticModel);
                return;
            }
            AnalyzeArguments(context, invocation.Arguments, target, invocation.SemanticModel);
        }

        /// <summary>
        /// A call of libc's <c>syscall(number, …)</c> (<paramref name="signature"/>: the import, the delegate's Invoke or
        /// the function pointer's signature). The number is proven first; when it selects one spec'd call on every target
        /// architecture the signature's layout allows, the arguments after it are checked against that spec. A number that
        /// cannot be proven, or that names different calls on different targets one of which is checked, gets KAPI2004 at
        /// the number; a number of a call without checked parameters (close, getpid …) is silent.
        /// </summary>
        private void AnalyzeSyscall(OperationAnalysisContext context, IMethodSymbol signature, ImmutableArray<IArgumentOperation> arguments, SemanticModel? model)
        {
            IArgumentOperation? number = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == 0 && argument.ArgumentKind == ArgumentKind.Explicit) number = argument;
            }
            if (number is null) return;
            _prover.Seed(model);
            var proof = _prover.Prove(number.Value, context.CancellationToken);
            if (!proof.IsProven)
            {
                context.ReportDiagnostic(Diagnostic.Create(KapiDescriptors.UnprovableFlagValue, ArgumentLocation(number),
                    FlagTargets.SyscallEntryPoint, number.Parameter!.Name, proof.Failure));
                return;
            }
            int layout = FlagTargets.SyscallLayoutArchitectures(signature.Parameters);
            var resolution = LazyInitializer.EnsureInitialized(ref _syscallNumbers, static () => new())!.GetOrAdd((proof.Values!, layout), _resolveNumber);
            if (resolution.Spec is null)
            {
                if (resolution.WhyNot is { } why)
                {
                    context.ReportDiagnostic(Diagnostic.Create(KapiDescriptors.UnprovableFlagValue, ArgumentLocation(number),
                        FlagTargets.SyscallEntryPoint, number.Parameter!.Name, why));
                }
                return;
            }
            var target = LazyInitializer.EnsureInitialized(ref _syscallTargets, static () => new())!.GetOrAdd((new SymbolKey(signature), resolution), _resolveSyscall);
            if (!target.Parameters.IsEmpty) AnalyzeArguments(context, arguments, target, model);
        }

        /// <summary>The checked parameters of a call through a delegate or function pointer <paramref name="callee"/>, when it calls a native export.</summary>
        private MethodTarget ExportTarget(IMethodSymbol signature, IOperation callee, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
        {
            _prover.Seed(model);
            if (_exports.ExportOf(callee, cancellationToken) is not { } export) return s_none;
            return LazyInitializer.EnsureInitialized(ref _exportTargets, static () => new())!.GetOrAdd((new SymbolKey(signature), export), key => Intern(FlagTargets.ResolveExport(signature, key.Export, _catalog)) ?? s_none);
        }

        private void AnalyzeArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, MethodTarget target, SemanticModel? model)
        {
            _prover.Seed(model);
            foreach (var argument in arguments)
            {
                // An explicit argument can still be IsImplicit (its syntax is not the argument's: `f((8))`, `f(checked(8))`),
                // so only the argument kind tells a written argument from a default value or a params array.
                if (argument.Parameter is not { } parameter || argument.ArgumentKind != ArgumentKind.Explicit) continue;
                if (parameter.Ordinal >= target.Parameters.Length || target.Parameters[parameter.Ordinal] is not { } paramTarget) continue;

                var location = ArgumentLocation(argument);
                var proof = _prover.Prove(argument.Value, context.CancellationToken);
                if (!proof.IsProven)
                {
                    context.ReportDiagnostic(Diagnostic.Create(KapiDescriptors.UnprovableFlagValue, location,
                        paramTarget.ApiName, paramTarget.ParameterName, proof.Failure));
                    continue;
                }
                var findings = Verdict(paramTarget, proof.Values!);
                foreach (var finding in findings)
                {
                    context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, location, finding.Properties, finding.Arguments));
                }
            }
        }

        private FlagFinding[] Verdict(ParamTarget target, ProvenValues values)
        {
            var byValue = _verdicts.GetOrAdd(target, static _ => new ConcurrentDictionary<ProvenValues, FlagFinding[]>());
            if (byValue.TryGetValue(values, out var findings)) return findings;
            return byValue.GetOrAdd(values, FlagChecker.Check(target, values, _architectures, Suggestion, _catalog).ToArray());
        }

        /// <summary>The argument as written, with its parentheses or checked(…) (the value's syntax is inside them).</summary>
        private static Location ArgumentLocation(IArgumentOperation argument)
        {
            var syntax = argument.Value.Syntax;
            for (var node = syntax; node is not null; node = node.Parent)
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax written) return written.Expression.GetLocation();
                if (node is not (Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CheckedExpressionSyntax)
                    && node != syntax)
                {
                    break;
                }
            }
            return syntax.GetLocation();
        }

        /// <summary>
        /// One instance per distinct parameter target (every file's own <c>mlockall</c> P/Invoke checks the same way), so
        /// the verdict cache compares references.
        /// </summary>
        private MethodTarget? Intern(MethodTarget? target)
        {
            if (target is null) return null;
            var parameters = target.Parameters;
            bool changed = false;
            var interned = new ParamTarget?[parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i];
                interned[i] = p is null ? null : _paramTargets.GetOrAdd(p, p);
                changed |= !ReferenceEquals(interned[i], p);
            }
            return changed ? new MethodTarget(interned.ToImmutableArray()) : target;
        }

        private Proof? KnownProperty(IPropertySymbol property) =>
            property.IsStatic && property.Parameters.IsEmpty
                ? LazyInitializer.EnsureInitialized(ref _knownProperties, static () => new(SymbolEqualityComparer.Default))!.GetOrAdd(property, _lookUpProperty)
                : null;

        private string Suggestion(ParamTarget target)
        {
            if (target.EnumOverloadType is { } enumType) return $"the {enumType.Name} overload";
            if (_generatedBindings.Value.TryGetValue(target.ApiName, out var binding)) return $"the generated binding {binding}";
            return $"the Kapi-generated binding for {target.ApiName}, whose flags enum is translated per architecture";
        }

        /// <summary>
        /// api name → "Syscalls.Mlockall(MlockallFlags)" for the generated bindings in reach, found by their
        /// <c>[Kapi.Runtime.KapiSyscall]</c> attribute, so whatever <c>KapiNamespace</c> and <c>KapiClassName</c> say:
        /// methods of static classes of this compilation, then of the referenced assemblies that reference Kapi.Runtime
        /// (those accessible from here), each taking the spec's flags enum (a parameter with <c>[KapiFlags]</c>). The
        /// first binding of an api wins (the typed wrapper comes before its <c>OrThrow</c> variant). Built once per
        /// compilation, when the first message needs a suggestion.
        /// </summary>
        private Dictionary<string, string> FindGeneratedBindings()
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            AddGeneratedBindings(_compilation.Assembly, map);
            foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (ReferencesKapiRuntime(assembly)) AddGeneratedBindings(assembly, map);
            }
            return map;
        }

        private void AddGeneratedBindings(IAssemblySymbol assembly, Dictionary<string, string> map)
        {
            bool own = SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly);
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                var ns = namespaces.Pop();
                foreach (var member in ns.GetMembers())
                {
                    if (member is INamespaceSymbol child)
                    {
                        namespaces.Push(child);
                    }
                    else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class, IsStatic: true } type
                             && (own || _compilation.IsSymbolAccessibleWithin(type, _compilation.Assembly)))
                    {
                        AddGeneratedBindings(type, own, map);
                    }
                }
            }
        }

        private void AddGeneratedBindings(INamedTypeSymbol type, bool own, Dictionary<string, string> map)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { IsStatic: true } method || method.Parameters.IsEmpty) continue;
                // The cheap test first: a binding with a flags parameter takes an enum.
                if (!method.Parameters.Any(static p => p.Type.TypeKind == TypeKind.Enum)) continue;
                if (!HasKapiSyscall(method)) continue;
                if (!own && !_compilation.IsSymbolAccessibleWithin(method, _compilation.Assembly)) continue;
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Type.TypeKind != TypeKind.Enum) continue;
                    var attribute = FlagTargets.FindKapiFlags(parameter);
                    if (attribute?.ConstructorArguments.FirstOrDefault().Value is string api && !map.ContainsKey(api))
                    {
                        map[api] = $"{type.Name}.{method.Name}({parameter.Type.Name})";
                    }
                }
            }
        }

        private static bool HasKapiSyscall(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "KapiSyscallAttribute" } type && SymbolNames.Is(type.ContainingNamespace, FlagTargets.KapiRuntimeNamespace))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool ReferencesKapiRuntime(IAssemblySymbol assembly)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == "Kapi.Runtime") return true;
                }
            }
            return false;
        }
    }
}
