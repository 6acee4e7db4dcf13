using Kapi.Diagnostics;
using Kapi.Model;
using Kapi.Text;

namespace Kapi;

public enum KapiInputKind
{
    /// <summary>A <c>.kapi</c> file: only spec blocks, arrays, #define lines and comments are allowed.</summary>
    SpecFile,
    /// <summary>A C source or header: everything outside spec blocks and file-scope arrays is skipped silently.</summary>
    CSource,
}

public sealed record KapiParseOptions(KapiInputKind InputKind = KapiInputKind.SpecFile, int MaxFileSize = KapiParseOptions.DefaultMaxFileSize)
{
    /// <summary>4 MiB: larger spec files get one KAPI0005 diagnostic and are not processed.</summary>
    public const int DefaultMaxFileSize = 4 * 1024 * 1024;

    public static KapiParseOptions Default { get; } = new();

    public static KapiParseOptions ForPath(string path) =>
        path.EndsWith(".c", System.StringComparison.OrdinalIgnoreCase) || path.EndsWith(".h", System.StringComparison.OrdinalIgnoreCase)
            ? new KapiParseOptions(KapiInputKind.CSource)
            : Default;
}

/// <summary>Where a spec was defined in its file (kept apart from <see cref="ApiSpec"/> so the model has no positions).</summary>
public sealed record SpecLocation(string Name, TextSpan NameSpan, TextSpan BlockSpan);

/// <summary>
/// The value-equatable result of parsing and binding one spec file: the specs and every diagnostic.
/// This is what flows through the incremental generator.
/// </summary>
public sealed record KapiFileModel(
    string Path,
    EquatableArray<ApiSpec> Specs,
    EquatableArray<SpecLocation> Locations,
    EquatableArray<KapiDiagnostic> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError) return true;
            }
            return false;
        }
    }
}

/// <summary>
/// Entry point of the front end: text → tokens → syntax → bound model. <see cref="Bind(string, string, KapiParseOptions?)"/>
/// parses a file and binds its specs (the syntax alone comes from <c>Kapi.Parsing.Parser.Parse</c>). Never throws on any input.
/// </summary>
public static class KapiDocument
{
    /// <summary>Parses a spec file (or a C source, by its extension) and binds its specs into the model.</summary>
    public static KapiFileModel Bind(string text, string path = "", KapiParseOptions? options = null)
        => Bind(new KapiSourceText(text ?? string.Empty, path ?? string.Empty), options);

    /// <summary>Parses a spec file (or a C source, by its extension) and binds its specs into the model.</summary>
    public static KapiFileModel Bind(KapiSourceText text, KapiParseOptions? options = null)
    {
        options ??= KapiParseOptions.ForPath(text.Path);
        return Binding.KapiBinder.BindFile(text, options);
    }
}
