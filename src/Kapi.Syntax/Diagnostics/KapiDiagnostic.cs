using System.Globalization;

namespace Kapi.Diagnostics;

public enum KapiSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>One rule of the front end: a stable ID, a title, a message format and a default severity.</summary>
public sealed record KapiDiagnosticDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    KapiSeverity DefaultSeverity,
    string Description)
{
    /// <summary>The rule's documentation page: the build's help-link base (MSBuild property <c>KapiHelpLinkBase</c>) + <c>ID.md</c>.</summary>
    public string HelpLink => HelpLinks.Base + Id + ".md";
}

/// <summary>The base of the help links, set at build time (<c>KapiHelpLinkBase</c>) and read from this assembly's metadata.</summary>
public static class HelpLinks
{
    private const string Fallback = "https://github.com/kapi-dotnet/kapi/blob/main/docs/diagnostics/";

    public static string Base { get; } = Read();

    private static string Read()
    {
        foreach (var attribute in typeof(HelpLinks).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
        {
            if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "KapiHelpLinkBase", Value: { Length: > 0 } value })
            {
                return value.EndsWith("/", StringComparison.Ordinal) ? value : value + "/";
            }
        }
        return Fallback;
    }
}

/// <summary>
/// A located diagnostic in a spec file. Value-equatable, so it may flow through incremental pipelines.
/// </summary>
public sealed record KapiDiagnostic(string Id, KapiSeverity Severity, TextSpan Span, string Message)
{
    public static KapiDiagnostic Create(KapiDiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        string message;
        try
        {
            message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);
        }
        catch (FormatException)
        {
            message = descriptor.MessageFormat;
        }
        return new KapiDiagnostic(descriptor.Id, descriptor.DefaultSeverity, span, message);
    }

    public bool IsError => Severity == KapiSeverity.Error;

    /// <summary>Formats the diagnostic the way compilers do: <c>path(line,col): error KAPI0001: message</c>.</summary>
    public string Format(KapiSourceText text)
    {
        var pos = text.GetLinePosition(Span.Start);
        string sev = Severity switch
        {
            KapiSeverity.Error => "error",
            KapiSeverity.Warning => "warning",
            KapiSeverity.Info => "info",
            _ => "hidden",
        };
        return $"{text.Path}({pos.Line + 1},{pos.Character + 1}): {sev} {Id}: {Message}";
    }
}
