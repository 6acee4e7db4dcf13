using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Kapi.Generators;
using Kapi.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Testing;

/// <summary>
/// The Kapi generator run the way the compiler runs it, and the compilation it runs on: shared by the generator tests
/// and the robustness tests (each keeps its own result record and assertions).
/// </summary>
internal static class KapiGeneratorDriver
{
    /// <summary>Latest language, documentation comments parsed and diagnosed (CS1570, CS1591 … surface).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>.NET 10 reference assemblies.</summary>
    public static readonly ImmutableArray<MetadataReference> FrameworkReferences =
        Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>Kapi.Runtime, which the generated code uses.</summary>
    public static readonly MetadataReference KapiRuntime =
        MetadataReference.CreateFromFile(typeof(KapiFlagsAttribute).Assembly.Location);

    /// <summary>.NET 10 reference assemblies plus Kapi.Runtime.</summary>
    public static readonly ImmutableArray<MetadataReference> References = FrameworkReferences.Add(KapiRuntime);

    /// <summary>A library compilation of <paramref name="sources"/> (paths /src/Test0.cs …), nullable on, every warning.</summary>
    /// <param name="assemblyName">The assembly name.</param>
    /// <param name="sources">The C# sources.</param>
    /// <param name="references">The references; <see cref="References"/> when null.</param>
    /// <param name="allowUnsafe">AllowUnsafeBlocks (the generator then adds Span overloads for user buffers).</param>
    public static CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null, bool allowUnsafe = false) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/src/Test{i}.cs")),
            references ?? References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true,
                allowUnsafe: allowUnsafe));

    /// <summary>A driver for the Kapi generator over <paramref name="texts"/>.</summary>
    /// <param name="texts">The AdditionalFiles.</param>
    /// <param name="options">The analyzer config options (build properties, file metadata); none when null.</param>
    /// <param name="trackSteps">Step tracking, for the cache tests (csc runs without it).</param>
    public static GeneratorDriver Create(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider? options = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new KapiGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options ?? TestOptionsProvider.Empty,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
