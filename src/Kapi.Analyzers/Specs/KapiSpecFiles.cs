using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kapi.Analyzers.Specs;

/// <summary>Which AdditionalFiles are spec files, and their parsed models (parsed once per file version).</summary>
internal static class KapiSpecFiles
{
    /// <summary>
    /// Caches the model per <see cref="AdditionalText"/>; the factory additionally reuses the model of an equal
    /// <see cref="SourceText"/> instance, so a host that wraps an unchanged text in a new AdditionalText does not reparse.
    /// </summary>
    public static AdditionalTextValueProvider<KapiFileModel> ModelProvider { get; } = new(ParseUncached);

    private static readonly ConditionalWeakTable<SourceText, StrongBox<KapiFileModel>> s_bySourceText = new();

    /// <summary>The generator's rule (<see cref="KapiInputs.IsSpecFile"/>), so that the analyzer reports on exactly the files the generator compiles.</summary>
    public static bool IsSpecFile(AdditionalText file, AnalyzerOptions options) =>
        KapiInputs.IsSpecFile(file.Path, options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(KapiInputs.SpecMetadataKey, out var value) ? value : null);

    /// <summary>
    /// The spec files among the AdditionalFiles, ordered by path (ordinal) so that "first definition" means the same
    /// in every host, whatever order it lists the files in.
    /// </summary>
    public static ImmutableArray<AdditionalText> GetSpecFiles(AnalyzerOptions options)
    {
        var list = new List<AdditionalText>();
        foreach (var file in options.AdditionalFiles)
        {
            if (IsSpecFile(file, options)) list.Add(file);
        }
        list.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return list.ToImmutableArray();
    }

#pragma warning disable RS1012 // only reads the analyzer-driver cache; the caller registers the actions
    public static KapiFileModel GetModel(CompilationStartAnalysisContext context, AdditionalText file) =>
        context.TryGetValue(file, ModelProvider, out var model) ? model : ParseUncached(file);
#pragma warning restore RS1012

    public static KapiFileModel GetModel(CompilationAnalysisContext context, AdditionalText file) =>
        context.TryGetValue(file, ModelProvider, out var model) ? model : ParseUncached(file);

    /// <summary>The specs of the given files (first definition of a name wins), for overlaying on the built-in library.</summary>
    public static List<Kapi.Model.ApiSpec> CollectSpecs(IEnumerable<KapiFileModel> models)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var specs = new List<Kapi.Model.ApiSpec>();
        foreach (var model in models)
        {
            foreach (var spec in model.Specs)
            {
                if (seen.Add(spec.Name)) specs.Add(spec);
            }
        }
        return specs;
    }

    private static KapiFileModel ParseUncached(AdditionalText file)
    {
        var text = file.GetText();
        if (text is null)
        {
            return KapiDocument.Bind(string.Empty, file.Path);
        }
        if (s_bySourceText.TryGetValue(text, out var box) && box.Value.Path == file.Path)
        {
            return box.Value;
        }
        var model = KapiDocument.Bind(text.ToString(), file.Path);
        lock (s_bySourceText)
        {
            s_bySourceText.Remove(text);
            s_bySourceText.Add(text, new StrongBox<KapiFileModel>(model));
        }
        return model;
    }
}
