using Kapi.Diagnostics;

namespace Kapi.Cli.Input;

/// <summary>
/// Diagnostics the CLI itself reports about its inputs (files it cannot read, binary files, bad encodings).
/// Range KAPI3001-KAPI3099: the front end owns KAPI0xxx, generation KAPI1xxx, analyzers KAPI2xxx.
/// </summary>
public static class CliDiagnostics
{
    public static readonly KapiDiagnosticDescriptor PathNotFound = new(
        "KAPI3001", "Path not found", "No such file or directory: '{0}'", KapiSeverity.Error,
        "A path given on the command line does not exist.");

    public static readonly KapiDiagnosticDescriptor CannotRead = new(
        "KAPI3002", "Cannot read file", "Cannot read '{0}': {1}", KapiSeverity.Error,
        "The file or directory exists but could not be read (permissions, I/O error, not a regular file).");

    public static readonly KapiDiagnosticDescriptor BinaryFile = new(
        "KAPI3003", "Binary file", "The file contains NUL bytes (first at byte {0}); it looks binary and is not processed", KapiSeverity.Error,
        "Spec files and C sources are text. A file with NUL bytes is reported once instead of once per byte.");

    public static readonly KapiDiagnosticDescriptor InvalidUtf8 = new(
        "KAPI3004", "Invalid UTF-8", "The file is not valid UTF-8 (first invalid byte at offset {0}); invalid bytes were replaced by U+FFFD", KapiSeverity.Error,
        "Spec files must be UTF-8. Invalid byte sequences are decoded as replacement characters so the rest of the file can still be checked.");

    public static readonly KapiDiagnosticDescriptor NoInputFiles = new(
        "KAPI3005", "No spec files", "No .kapi, .c or .h files found under '{0}'", KapiSeverity.Warning,
        "A directory given on the command line holds no file the tool reads.");
}
