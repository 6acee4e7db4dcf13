using Kapi.Diagnostics;
using Kapi.Text;

namespace Kapi.Cli.Input;

/// <summary>
/// One input file: its path as shown to the user, its text (possibly empty when it could not be read),
/// the parsed model (null when the file was not parsed) and every diagnostic, the CLI's own first.
/// </summary>
public sealed class SpecFile
{
    public SpecFile(string displayPath, KapiSourceText text, KapiFileModel? model, IReadOnlyList<KapiDiagnostic> diagnostics, bool isFile = true)
    {
        IsFile = isFile;
        DisplayPath = displayPath;
        Text = text;
        Model = model;
        Diagnostics = diagnostics;
    }

    public string DisplayPath { get; }

    /// <summary>False for entries that only carry a problem with a command-line path (missing path, unreadable directory).</summary>
    public bool IsFile { get; }

    public KapiSourceText Text { get; }

    public KapiFileModel? Model { get; }

    /// <summary>The CLI's diagnostics (I/O, encoding) followed by the front end's, in source order.</summary>
    public IReadOnlyList<KapiDiagnostic> Diagnostics { get; }

    public string Format(KapiDiagnostic diagnostic) => diagnostic.Format(Text);
}
