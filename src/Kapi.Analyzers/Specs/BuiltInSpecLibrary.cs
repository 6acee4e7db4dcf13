using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;

namespace Kapi.Analyzers.Specs;

/// <summary>
/// The repository's <c>kapi/**/*.kapi</c> specs, embedded in this assembly as resources named <c>kapi/&lt;path&gt;</c>.
/// Parsed once per process, on first use; read with <see cref="System.Reflection.Assembly.GetManifestResourceStream(string)"/>
/// (no file IO inside the compiler).
/// </summary>
internal static class BuiltInSpecLibrary
{
    public const string ResourcePrefix = "kapi/";

    private static readonly Lazy<ImmutableArray<KapiFileModel>> s_models = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SpecCatalog> s_catalog = new(() => CreateCatalog(Models), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The parsed built-in spec files, in resource-name order.</summary>
    public static ImmutableArray<KapiFileModel> Models => s_models.Value;

    /// <summary>The built-in specs alone.</summary>
    public static SpecCatalog Catalog => s_catalog.Value;

    /// <summary>The names of the embedded spec resources.</summary>
    public static ImmutableArray<string> ResourceNames
    {
        get
        {
            var names = new List<string>();
            foreach (var name in typeof(BuiltInSpecLibrary).Assembly.GetManifestResourceNames())
            {
                if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".kapi", StringComparison.OrdinalIgnoreCase))
                {
                    names.Add(name);
                }
            }
            names.Sort(StringComparer.Ordinal);
            return names.ToImmutableArray();
        }
    }

    public static SpecCatalog CreateCatalog(IEnumerable<KapiFileModel> models)
    {
        var specs = new List<Kapi.Model.ApiSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var spec in model.Specs)
            {
                // first definition wins, as for user files
                if (seen.Add(spec.Name)) specs.Add(spec);
            }
        }
        return new SpecCatalog(specs);
    }

    private static ImmutableArray<KapiFileModel> Load()
    {
        var assembly = typeof(BuiltInSpecLibrary).Assembly;
        var builder = ImmutableArray.CreateBuilder<KapiFileModel>();
        foreach (var name in ResourceNames)
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null) continue;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            builder.Add(KapiDocument.Bind(reader.ReadToEnd(), name));
        }
        return builder.ToImmutable();
    }
}
