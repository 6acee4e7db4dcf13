using Kapi.Diagnostics;
using Kapi.Text;

namespace Kapi.Cli.Input;

/// <summary>
/// One input file: its path as shown to the user, its text (possibly empty when it could not be read),
/// the parsed model (null when the file was not parsed) and every diagnostic, the CLI's own first.
/// </summary>
/// <param name="DisplayPath">The path as shown to the user.</param>
/// <param name="Text">The file's text (empty when it could not be read).</param>
/// <param name="Model">The parsed model; null when the file was not parsed.</param>
/// <param name="Diagnostics">The CLI's diagnostics (I/O, encoding) followed by the front end's, in source order.</param>
/// <param name="IsFile">False for entries that only carry a problem with a command-line path (missing path, unreadable directory).</param>
public sealed record SpecFile(string DisplayPath, KapiSourceText Text, KapiFileModel? Model, IReadOnlyList<KapiDiagnostic> Diagnostics, bool IsFile = true)
{
    public string Format(KapiDiagnostic diagnostic) => diagnostic.Format(Text);
}
