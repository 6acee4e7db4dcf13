using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;

namespace Kapi.Analyzers.Specs;

/// <summary>
/// The repository's <c>kapi/**/*.kapi</c> specs. The analyzers use <see cref="Catalog"/>: the specs as bound at build time
/// (<c>BuiltInSpecData.g.cs</c>, written by src/Kapi.Analyzers.SpecData), each constructed when a lookup first needs
/// it, so no front end runs over the built-in library inside the compiler. The spec files are also embedded as
/// resources named <c>kapi/&lt;path&gt;</c>; <see cref="Models"/> binds those with the front end, for the tests that check
/// the prebuilt data against it (read with <see cref="System.Reflection.Assembly.GetManifestResourceStream(string)"/>:
/// no file IO inside the compiler).
/// </summary>
internal static class BuiltInSpecLibrary
{
    public const string ResourcePrefix = "kapi/";

    private static readonly Lazy<ImmutableArray<KapiFileModel>> s_models = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static SpecCatalog? s_catalog;

    /// <summary>The embedded spec files bound by the front end now, in resource-name order (not used by the analyzers).</summary>
    public static ImmutableArray<KapiFileModel> Models => s_models.Value;

    /// <summary>The built-in specs alone, from the data bound at build time (specs constructed on first lookup).</summary>
    public static SpecCatalog Catalog => Volatile.Read(ref s_catalog) ?? CreatePrebuiltCatalog();

    /// <summary>The spec files the prebuilt data was bound from, in order.</summary>
    public static string[] PrebuiltFiles => BuiltInSpecData.Files();

    private static SpecCatalog CreatePrebuiltCatalog()
    {
        var catalog = SpecCatalog.CreateLazy(BuiltInSpecData.Names(), BuiltInSpecData.SyscallEntries(), BuiltInSpecData.FlagNames, BuiltInSpecData.Create);
        return Interlocked.CompareExchange(ref s_catalog, catalog, null) ?? catalog;
    }

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
