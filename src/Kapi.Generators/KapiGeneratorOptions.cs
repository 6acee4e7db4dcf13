using Kapi.Generators.Emitting;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Generators;

/// <summary>
/// The MSBuild options the generator reads (CompilerVisibleProperty items declared in build/Kapi.props).
/// A small value-equatable record: the only thing taken from AnalyzerConfigOptionsProvider.
/// </summary>
/// <param name="Namespace">KapiNamespace: namespace of the generated code (default <c>Kapi.Generated</c>).</param>
/// <param name="ClassName">KapiClassName: the static partial class holding the wrappers (default <c>Syscalls</c>; not <c>KernelApiSpecs</c>).</param>
/// <param name="IsPublic">KapiVisibility: <c>internal</c> (default) or <c>public</c>.</param>
/// <param name="RuntimeValidation">KapiRuntimeValidation: check mask/range/enum constraints before the call (default true).</param>
internal sealed record KapiGeneratorOptions(string Namespace, string ClassName, bool IsPublic, bool RuntimeValidation)
{
    /// <summary>
    /// The consuming compilation allows unsafe code (<c>AllowUnsafeBlocks</c>): only then are the <c>Span&lt;byte&gt;</c>
    /// overloads for user buffers emitted (they pin the span with <c>fixed</c>). Not an MSBuild property: the generator
    /// reads it from the compilation options as a bool and sets it here (see <see cref="KapiGenerator"/>).
    /// </summary>
    public bool AllowUnsafe { get; init; }

    public const string DefaultNamespace = "Kapi.Generated";
    public const string DefaultClassName = "Syscalls";

    public string Visibility => IsPublic ? "public" : "internal";

    public static KapiGeneratorOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.KapiNamespace", out var ns);
        options.TryGetValue("build_property.KapiClassName", out var cls);
        options.TryGetValue("build_property.KapiVisibility", out var visibility);
        options.TryGetValue("build_property.KapiRuntimeValidation", out var validation);
        return Create(ns, cls, visibility, validation);
    }

    /// <summary>Normalizes raw property values; invalid values fall back to the defaults (the analyzer reports them).</summary>
    public static KapiGeneratorOptions Create(string? ns, string? className, string? visibility, string? validation)
    {
        return new KapiGeneratorOptions(
            NormalizeNamespace(ns),
            NormalizeClassName(className),
            string.Equals(visibility?.Trim(), "public", StringComparison.OrdinalIgnoreCase),
            !string.Equals(validation?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
    }

    private static string NormalizeNamespace(string? ns)
    {
        if (string.IsNullOrWhiteSpace(ns)) return DefaultNamespace;
        var parts = ns!.Trim().Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            var p = parts[i].Trim();
            if (p.Length == 0 || CSharp.Identifier(p) != p) return DefaultNamespace;
            parts[i] = p;
        }
        return string.Join(".", parts);
    }

    private static string NormalizeClassName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return DefaultClassName;
        var n = name!.Trim();
        // The registry's name is taken: wrappers merged into KernelApiSpecs would share a scope with its members.
        return CSharp.Identifier(n) == n && n != Planning.GeneratedNames.RegistryClassName ? n : DefaultClassName;
    }
}
