using Microsoft.CodeAnalysis;

namespace Kapi.Runtime.Generators;

/// <summary>
/// Adds the runtime spec-metadata classes (one per section of the model: <c>KernelApiSpec</c>, <c>KapiParameterInfo</c> …,
/// written by <see cref="RuntimeMetadataSource"/>) to Kapi.Runtime while it compiles: one init-only property per schema
/// field, typed by the field's kind. Hand-written partial declarations next to them add what is not a field (a spec's
/// name and kind, computed properties).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RuntimeMetadataGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterPostInitializationOutput(static output => output.AddSource("KapiMetadata.g.cs", RuntimeMetadataSource.Write()));
}
