using Kapi.Diagnostics;
using Kapi.Model;

namespace Kapi.FrontEnd.Tests;

internal static class TestHelpers
{
    public static KapiFileModel Bind(string text, string path = "test.kapi") => KapiDocument.Bind(text, path);

    public static ApiSpec SingleSpec(string text)
    {
        var model = Bind(text);
        Assert.False(model.HasErrors, string.Join("\n", model.Diagnostics));
        return Assert.Single(model.Specs);
    }

    /// <summary>Wraps body text into a syscall spec.</summary>
    public static string Spec(string body, string name = "sys_test") => $"DEFINE_KERNEL_API_SPEC({name})\n{body}\nKAPI_END_SPEC;\n";

    public static KapiDiagnostic Diagnostic(KapiFileModel model, KapiDiagnosticDescriptor descriptor)
    {
        var matches = model.Diagnostics.Where(d => d.Id == descriptor.Id).ToList();
        Assert.True(matches.Count > 0, $"expected {descriptor.Id}; got: {string.Join("; ", model.Diagnostics)}");
        return matches[0];
    }

    /// <summary>The text a diagnostic's span covers.</summary>
    public static string At(string text, KapiDiagnostic d) => text.Substring(d.Span.Start, d.Span.Length);
}
