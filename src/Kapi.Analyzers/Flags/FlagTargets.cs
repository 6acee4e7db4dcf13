using System.Collections.Immutable;
using Kapi.Analyzers.Specs;
using Kapi.Architectures;
using Kapi.Model;
using Kapi.Vocabulary;
using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers.Flags;

internal enum FlagBindingKind
{
    /// <summary>A Kapi-generated binding: parameter carries [Kapi.Runtime.KapiFlags].</summary>
    Generated,
    /// <summary>The user's own [DllImport]/[LibraryImport] into libc.</summary>
    PInvoke,
    /// <summary>Tmds.Linux.LibC (a libc P/Invoke compiled per architecture).</summary>
    TmdsLibC,
    /// <summary>Mono.Unix.Native.Syscall: a managed enum translated to native values.</summary>
    MonoPosix,
    /// <summary>A delegate or function pointer over a libc export looked up by name (NativeLibrary.GetExport …).</summary>
    NativeExport,
    /// <summary>libc's syscall(2) (own import, delegate or function pointer): the number selects the spec, the arguments after it map to its parameters.</summary>
    Syscall,
}

/// <summary>
/// How values passed to one parameter are checked. <see cref="IsPortable"/>: the binding translates a managed enum,
/// so the value is checked once against portable masks; otherwise the value is passed as is and checked against the
/// spec's per-architecture masks.
/// </summary>
/// <remarks>
/// Equality is by value (the same spec parameter reached through the same kind of binding with the same masks), so the
/// analyzer's verdict cache is shared by every P/Invoke declaration of one syscall, not kept per declaration.
/// </remarks>
/// <param name="FamilyNames">The flag names that belong to this parameter (spec flags and enum members).</param>
/// <param name="EnumOverloadType">For the raw integer overload of a generated binding (portable bits the wrapper casts to the enum): the enum of its sibling overload.</param>
internal sealed record ParamTarget(
    FlagBindingKind Binding, string ApiName, string ParameterName, int BitWidth, SpecParameter? Spec,
    bool IsPortable, long PortableValidMask, long PortableRequiredMask, ImmutableArray<(string Name, long Value)> PortableFlags,
    string? PortableTypeName, ArchitectureSet SupportedArchitectures, ImmutableHashSet<string> FamilyNames,
    INamedTypeSymbol? EnumOverloadType)
{
    public bool Equals(ParamTarget? other)
    {
        if (ReferenceEquals(this, other)) return true;
        return other is not null
            && Binding == other.Binding
            && BitWidth == other.BitWidth
            && IsPortable == other.IsPortable
            && PortableValidMask == other.PortableValidMask
            && PortableRequiredMask == other.PortableRequiredMask
            && string.Equals(ApiName, other.ApiName, StringComparison.Ordinal)
            && string.Equals(ParameterName, other.ParameterName, StringComparison.Ordinal)
            && string.Equals(PortableTypeName, other.PortableTypeName, StringComparison.Ordinal)
            && SameSpec(Spec, other.Spec)
            && PortableFlags.SequenceEqual(other.PortableFlags)
            && SupportedArchitectures == other.SupportedArchitectures
            && (ReferenceEquals(FamilyNames, other.FamilyNames) || FamilyNames.SetEquals(other.FamilyNames))
            && SymbolEqualityComparer.Default.Equals(EnumOverloadType, other.EnumOverloadType);
    }

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = (int)Binding;
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(ApiName);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(ParameterName);
            hash = (hash * 31) + BitWidth;
            hash = (hash * 31) + PortableValidMask.GetHashCode();
            hash = (hash * 31) + PortableFlags.Length;
            // what tells the enum overload of a generated binding from its raw one (both share the fields above)
            hash = (hash * 31) + (IsPortable ? 1 : 0);
            hash = (hash * 31) + SupportedArchitectures.Bits;
            hash = (hash * 31) + FamilyNames.Count;
            hash = (hash * 31) + (EnumOverloadType is null ? 0 : StringComparer.Ordinal.GetHashCode(EnumOverloadType.Name));
            return hash;
        }
    }

    // specs come from one catalog: the same parameter is the same instance
    private static bool SameSpec(SpecParameter? a, SpecParameter? b) =>
        a is { } x ? b is { } y && ReferenceEquals(x.Spec, y.Spec) && ReferenceEquals(x.Param, y.Param) : b is null;
}

/// <summary>The checked parameters of one method, by ordinal.</summary>
internal sealed class MethodTarget
{
    public MethodTarget(ImmutableArray<ParamTarget?> parameters) => Parameters = parameters;

    /// <summary>
    /// libc's <c>syscall(long number, …)</c>: nothing is checked until the number (ordinal 0) is proven, which selects
    /// the spec (<see cref="FlagTargets.ResolveSyscallArguments"/>).
    /// </summary>
    public static MethodTarget Syscall { get; } = new(ImmutableArray<ParamTarget?>.Empty);

    public ImmutableArray<ParamTarget?> Parameters { get; }
}

/// <summary>Recognises the methods whose arguments are checked.</summary>
internal static class FlagTargets
{
    public const string KapiFlagsAttributeName = "KapiFlagsAttribute";
    public const string KapiRuntimeNamespace = "Kapi.Runtime";
    public const string LibraryImportAttributeFullName = "System.Runtime.InteropServices.LibraryImportAttribute";
    public const string TmdsLibCType = "Tmds.Linux.LibC";
    public const string MonoSyscallType = "Mono.Unix.Native.Syscall";
    public const string MonoNativeNamespace = "Mono.Unix.Native";
    public const string SyscallEntryPoint = "syscall";

    public static MethodTarget? Resolve(IMethodSymbol method, SpecCatalog catalog)
    {
        if (method.Parameters.IsEmpty) return null;
        return ResolveGenerated(method, catalog)
            ?? ResolveMono(method, catalog)
            ?? ResolvePInvoke(method, catalog);
    }

    // ---- 1. generated bindings ----

    private static MethodTarget? ResolveGenerated(IMethodSymbol method, SpecCatalog catalog)
    {
        ParamTarget?[]? targets = null;
        foreach (var parameter in method.Parameters)
        {
            var attribute = FindKapiFlags(parameter);
            if (attribute is null) continue;
            targets ??= new ParamTarget?[method.Parameters.Length];
            targets[parameter.Ordinal] = CreateGenerated(method, parameter, attribute, catalog);
        }
        return targets is null ? null : new MethodTarget(targets.ToImmutableArray());
    }

    public static AttributeData? FindKapiFlags(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (IsKapiFlagsAttribute(attribute.AttributeClass)) return attribute;
        }
        return null;
    }

    public static bool IsKapiFlagsAttribute(INamedTypeSymbol? type) =>
        type is { Name: KapiFlagsAttributeName } && SymbolNames.Is(type.ContainingNamespace, KapiRuntimeNamespace);

    private static (string? Api, string? Parameter, long ValidMask, long RequiredMask, string? Prefix) ReadKapiFlags(AttributeData attribute)
    {
        string? api = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        string? parameter = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        long valid = 0, required = 0;
        string? prefix = null;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "ValidMask": IntegerTypes.TryToInt64(named.Value.Value, out valid); break;
                case "RequiredMask": IntegerTypes.TryToInt64(named.Value.Value, out required); break;
                case "FlagPrefix": prefix = named.Value.Value as string; break;
            }
        }
        return (api, parameter, valid, required, prefix);
    }

    private static ParamTarget? CreateGenerated(IMethodSymbol method, IParameterSymbol parameter, AttributeData attribute, SpecCatalog catalog)
    {
        var (api, paramName, validMask, requiredMask, prefix) = ReadKapiFlags(attribute);
        if (string.IsNullOrEmpty(api)) return null;
        int width = IntegerTypes.BitWidth(parameter.Type);
        if (width == 0) return null;
        paramName ??= parameter.Name;

        SpecParameter? spec = null;
        if (catalog.TryGetSpec(api!, out var apiSpec))
        {
            var p = apiSpec.Params.FirstOrDefault(x => x.Name == paramName);
            if (p is not null) spec = new SpecParameter(apiSpec, p);
        }

        var family = FamilyOf(spec);
        if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var members = EnumMembers(enumType);
            if (validMask == 0) foreach (var m in members) validMask |= m.Value;
            var flags = members.Where(m => m.Value != 0 && (m.Value & ~validMask) == 0).ToImmutableArray();
            family = family.Union(members.Select(m => m.Name));
            return new ParamTarget(FlagBindingKind.Generated, api!, paramName!, width, spec, IsPortable: true,
                validMask, requiredMask, flags, enumType.Name, ArchitectureSet.All, family, EnumOverloadType: null);
        }

        // Raw integer overload: the generated wrapper casts the bits to the flags enum and translates them, so the
        // value carries portable (x64) bits, checked against the attribute's masks like the enum overload.
        var enumOverload = FindEnumOverload(method, parameter, api!, paramName!);
        ImmutableArray<(string Name, long Value)> portableFlags;
        if (enumOverload is not null)
        {
            var members = EnumMembers(enumOverload);
            if (validMask == 0) foreach (var m in members) validMask |= m.Value;
            family = family.Union(members.Select(m => m.Name));
            portableFlags = members.Where(m => m.Value != 0 && (m.Value & ~validMask) == 0).ToImmutableArray();
        }
        else
        {
            portableFlags = spec is { } sp
                ? sp.Param.MaskFlags.Where(f => f.Value.X64 is long v && v != 0 && (v & ~validMask) == 0).Select(f => (f.Name, f.Value.X64!.Value)).ToImmutableArray()
                : ImmutableArray<(string, long)>.Empty;
        }
        if (validMask == 0 && requiredMask == 0) return null;
        return new ParamTarget(FlagBindingKind.Generated, api!, paramName!, width, spec, IsPortable: true,
            validMask, requiredMask, portableFlags, enumOverload?.Name ?? (prefix is null ? null : prefix + "*"),
            ArchitectureSet.All, family, enumOverload);
    }

    private static INamedTypeSymbol? FindEnumOverload(IMethodSymbol method, IParameterSymbol parameter, string api, string paramName)
    {
        foreach (var member in method.ContainingType.GetMembers(method.Name))
        {
            if (member is not IMethodSymbol other || SymbolEqualityComparer.Default.Equals(other, method)) continue;
            if (other.Parameters.Length != method.Parameters.Length) continue;
            var candidate = other.Parameters[parameter.Ordinal];
            if (candidate.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType) continue;
            var attribute = FindKapiFlags(candidate);
            if (attribute is null) continue;
            var (otherApi, otherParam, _, _, _) = ReadKapiFlags(attribute);
            if (otherApi == api && (otherParam ?? candidate.Name) == paramName) return enumType;
        }
        return null;
    }

    // ---- 2. Mono.Posix ----

    private static MethodTarget? ResolveMono(IMethodSymbol method, SpecCatalog catalog)
    {
        if (!SymbolNames.Is(method.ContainingType, MonoSyscallType) || method.IsExtern) return null;
        if (!catalog.TryGetSyscall(method.Name, out var spec)) return null;
        ParamTarget?[]? targets = null;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType) continue;
            if (!SymbolNames.Is(enumType.ContainingNamespace, MonoNativeNamespace)) continue;
            var specParam = MapParameter(method, parameter, spec);
            if (specParam is null || !HasConstraint(specParam)) continue;

            var members = EnumMembers(enumType);
            long valid = 0;
            foreach (var m in members) valid |= m.Value;
            // the names the spec requires (at least one of), mapped onto Mono's enum by name
            long required = 0;
            if (specParam.RequiredMask?.X64 is long specRequired && specRequired != 0)
            {
                foreach (var flag in specParam.MaskFlags)
                {
                    if (flag.Value.X64 is long fv && fv != 0 && (fv & ~specRequired) == 0)
                    {
                        foreach (var m in members) if (m.Name == flag.Name) required |= m.Value;
                    }
                }
            }
            var sp = new SpecParameter(spec, specParam);
            targets ??= new ParamTarget?[method.Parameters.Length];
            targets[parameter.Ordinal] = new ParamTarget(FlagBindingKind.MonoPosix, spec.Name, specParam.Name ?? parameter.Name,
                IntegerTypes.BitWidth(enumType), sp, IsPortable: true, valid, required,
                members.Where(m => m.Value != 0).ToImmutableArray(), enumType.Name, ArchitectureSet.All,
                FamilyOf(sp).Union(members.Select(m => m.Name)), EnumOverloadType: null);
        }
        return targets is null ? null : new MethodTarget(targets.ToImmutableArray());
    }

    // ---- 3. P/Invokes into libc (own declarations and Tmds.LibC) ----

    private static MethodTarget? ResolvePInvoke(IMethodSymbol method, SpecCatalog catalog)
    {
        if (!TryGetImport(method, out var library, out var entryPoint)) return null;
        if (!IsLibcLike(library)) return null;
        if (entryPoint == SyscallEntryPoint) return IsSyscallSignature(method.Parameters) ? MethodTarget.Syscall : null;
        bool isTmds = SymbolNames.Is(method.ContainingType, TmdsLibCType);
        return ResolveNative(method.Parameters, entryPoint, isTmds ? FlagBindingKind.TmdsLibC : FlagBindingKind.PInvoke,
            isTmds ? ArchitectureSet.Tmds : ArchitectureSet.All, catalog);
    }

    // ---- 4. delegates and function pointers over a native export looked up by name ----

    /// <summary>
    /// A call through a delegate or an unmanaged function pointer whose target is <paramref name="export"/>
    /// (<paramref name="signature"/>: the delegate's Invoke method or the function pointer's signature). The export
    /// must be a spec'd function of a library that is the C library, or of a library that cannot be followed
    /// (exports named like libc functions are libc's); arguments map by position.
    /// </summary>
    public static MethodTarget? ResolveExport(IMethodSymbol signature, NativeExport export, SpecCatalog catalog)
    {
        if (export.Library is { } library && !IsLibcLike(library)) return null;
        if (export.Symbol == SyscallEntryPoint) return IsSyscallSignature(signature.Parameters) ? MethodTarget.Syscall : null;
        return ResolveNative(signature.Parameters, export.Symbol, FlagBindingKind.NativeExport, ArchitectureSet.All, catalog);
    }

    // ---- 5. syscall(2): libc's syscall(long number, ...) ----

    /// <summary>
    /// A signature that can call libc's <c>long syscall(long number, ...)</c>: an integer number passed by value, then
    /// at least one argument. Any arity: the function is variadic, the kernel reads the registers its call takes.
    /// </summary>
    private static bool IsSyscallSignature(ImmutableArray<IParameterSymbol> parameters) =>
        parameters.Length >= 2 && parameters[0].RefKind == RefKind.None && IntegerTypes.IsIntegral(parameters[0].Type);

    /// <summary>
    /// The architectures (a bit per <see cref="KapiArchitecture"/>) on which the arguments of a syscall(2) signature land
    /// where the kernel reads them: all, unless a parameter is a 64-bit integer of fixed size (<c>long</c>, <c>ulong</c>).
    /// On x86 and arm a variadic <c>long</c> takes two argument slots (arm also aligns it to an even register), so the
    /// arguments after it are shifted; <c>nint</c>, <c>int</c> and smaller ones take one slot everywhere.
    /// </summary>
    public static int SyscallLayoutArchitectures(ImmutableArray<IParameterSymbol> parameters)
    {
        int all = ArchitectureSet.AllBits;
        foreach (var parameter in parameters)
        {
            if (parameter.Type.SpecialType is SpecialType.System_Int64 or SpecialType.System_UInt64
                || parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType.SpecialType: SpecialType.System_Int64 or SpecialType.System_UInt64 })
            {
                int only64 = 0;
                foreach (var arch in ArchitectureSet.All) if (arch.Is64Bit()) only64 |= 1 << (int)arch;
                return only64;
            }
        }
        return all;
    }

    /// <summary>
    /// The checked arguments of a syscall(2) call whose number selects <paramref name="spec"/> on <paramref name="architectures"/>:
    /// the parameter after the number is the spec's parameter 0, and so on (a shorter signature leaves the last ones out,
    /// a longer one passes registers the call does not read). A value is checked in the width of the spec's C type when
    /// that is narrower than the C# parameter: the kernel truncates a <c>long</c> register to the <c>int</c> it declares.
    /// </summary>
    public static MethodTarget? ResolveSyscallArguments(ImmutableArray<IParameterSymbol> parameters, ApiSpec spec, int architectures)
    {
        var archs = new ArchitectureSet(architectures);
        ParamTarget?[]? targets = null;
        for (int ordinal = 1; ordinal < parameters.Length; ordinal++)
        {
            var parameter = parameters[ordinal];
            int width = IntegerTypes.BitWidth(parameter.Type);
            if (width == 0 || parameter.RefKind != RefKind.None) continue;
            var specParam = SpecParameterAt(spec, ordinal - 1);
            if (specParam is null || !IsChecked(specParam)) continue;
            int kernelWidth = KernelWidth(specParam.CTypeName);
            if (kernelWidth != 0 && kernelWidth < width) width = kernelWidth;
            var sp = new SpecParameter(spec, specParam);
            targets ??= new ParamTarget?[parameters.Length];
            targets[ordinal] = new ParamTarget(FlagBindingKind.Syscall, spec.Name, specParam.Name ?? parameter.Name, width, sp,
                IsPortable: false, 0, 0, ImmutableArray<(string, long)>.Empty, null, archs, FamilyOf(sp), EnumOverloadType: null);
        }
        return targets is null ? null : new MethodTarget(targets.ToImmutableArray());
    }

    /// <summary>The width of the kernel's C parameter types narrower than a register (int, unsigned int …); 0 otherwise.</summary>
    private static int KernelWidth(string? cType) => Kapi.Generators.Planning.CTypes.Integer(cType) switch
    {
        "int" or "uint" => 32,
        "short" or "ushort" => 16,
        "sbyte" or "byte" => 8,
        _ => 0,
    };

    /// <summary>Native values passed as is to the C function <paramref name="entryPoint"/>: parameters map to the spec's by position.</summary>
    private static MethodTarget? ResolveNative(
        ImmutableArray<IParameterSymbol> parameters, string entryPoint, FlagBindingKind binding, ArchitectureSet architectures, SpecCatalog catalog)
    {
        if (!catalog.TryGetSyscall(entryPoint, out var spec) || parameters.Length != spec.Params.Count) return null;
        ParamTarget?[]? targets = null;
        foreach (var parameter in parameters)
        {
            int width = IntegerTypes.BitWidth(parameter.Type);
            if (width == 0 || parameter.RefKind != RefKind.None) continue;
            var specParam = SpecParameterAt(spec, parameter.Ordinal);
            if (specParam is null || !IsChecked(specParam)) continue;
            var sp = new SpecParameter(spec, specParam);
            targets ??= new ParamTarget?[parameters.Length];
            targets[parameter.Ordinal] = new ParamTarget(binding, spec.Name, specParam.Name ?? parameter.Name, width, sp,
                IsPortable: false, 0, 0, ImmutableArray<(string, long)>.Empty, null, architectures, FamilyOf(sp), EnumOverloadType: null);
        }
        return targets is null ? null : new MethodTarget(targets.ToImmutableArray());
    }

    public static bool TryGetImport(IMethodSymbol method, out string library, out string entryPoint)
    {
        library = string.Empty;
        entryPoint = method.Name;
        var dllImport = method.GetDllImportData();
        if (dllImport is not null)
        {
            library = dllImport.ModuleName ?? string.Empty;
            entryPoint = dllImport.EntryPointName ?? method.Name;
            return true;
        }
        var definition = method.PartialDefinitionPart ?? method;
        foreach (var attribute in definition.GetAttributes())
        {
            if (!SymbolNames.Is(attribute.AttributeClass, LibraryImportAttributeFullName)) continue;
            if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string lib) library = lib;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "EntryPoint" && named.Value.Value is string ep) entryPoint = ep;
            }
            return true;
        }
        return false;
    }

    /// <summary>
    /// Library names that resolve to the C library on Linux: "libc", "c", "libc.so", "libc.so.6", "libc.musl-…",
    /// and "*" (NativeAOT direct calls into the executable's linked libraries).
    /// </summary>
    public static bool IsLibcLike(string library)
    {
        var name = library.Trim();
        int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (slash >= 0) name = name.Substring(slash + 1);
        name = name.ToLowerInvariant();
        if (name == "*") return true;
        if (name.StartsWith("libc.musl", StringComparison.Ordinal)) return true;
        if (name.StartsWith("lib", StringComparison.Ordinal)) name = name.Substring(3);
        if (name == "c") return true;
        if (!name.StartsWith("c.so", StringComparison.Ordinal)) return false;
        // c.so, c.so.6, c.so.6.0 …
        var rest = name.Substring(4);
        foreach (var part in rest.Split('.'))
        {
            if (part.Length == 0) continue;
            foreach (var ch in part) if (ch is < '0' or > '9') return false;
        }
        return true;
    }

    // ---- helpers ----

    private static ParamSpec? MapParameter(IMethodSymbol method, IParameterSymbol parameter, ApiSpec spec) =>
        method.Parameters.Length == spec.Params.Count ? SpecParameterAt(spec, parameter.Ordinal) : null;

    private static ParamSpec? SpecParameterAt(ApiSpec spec, int index)
    {
        foreach (var p in spec.Params) if (p.Index == index) return p;
        return null;
    }

    public static bool HasConstraint(ParamSpec p) =>
        (p.ValidMask?.HasAnyValue ?? false) || (p.RequiredMask?.HasAnyValue ?? false) || (p.EnumMask?.HasAnyValue ?? false);

    /// <summary>
    /// A parameter whose whole value is one of a list (<c>KAPI_CONSTRAINT_ENUM</c>, or no constraint kind and only
    /// <c>KAPI_PARAM_ENUM_VALUES</c>, as the generator reads it): madvise's advice, epoll_ctl's op.
    /// </summary>
    public static bool IsEnumOnly(ParamSpec p) =>
        !HasConstraint(p) && p.EnumValues.Count > 0 && (p.ConstraintType is null || p.ConstraintType.Value == KapiConstraintKind.Enum);

    /// <summary>Whether a raw native value passed for <paramref name="p"/> is checked: a mask constraint, or a list of values.</summary>
    public static bool IsChecked(ParamSpec p) => HasConstraint(p) || IsEnumOnly(p);

    private static readonly ImmutableHashSet<string> s_noFamily = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    // one set per spec parameter, shared by every binding of it (each file's own P/Invoke of mlockall): built once, and
    // equal targets then hold the same set, which ParamTarget.Equals compares by reference first
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ParamSpec, ImmutableHashSet<string>> s_families = new();

    private static ImmutableHashSet<string> FamilyOf(SpecParameter? spec) =>
        spec is { } sp ? s_families.GetValue(sp.Param, static p =>
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var f in p.MaskFlags) names.Add(f.Name);
            foreach (var f in p.EnumValues) names.Add(f.Name);
            return names.ToImmutable();
        }) : s_noFamily;

    public static ImmutableArray<(string Name, long Value)> EnumMembers(INamedTypeSymbol enumType)
    {
        var builder = ImmutableArray.CreateBuilder<(string, long)>();
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && IntegerTypes.TryToInt64(field.ConstantValue, out long v))
            {
                builder.Add((field.Name, v));
            }
        }
        return builder.ToImmutable();
    }
}
