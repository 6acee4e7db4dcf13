using Kapi.Diagnostics;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// One mistake, one diagnostic: a misspelt opener or a missing ')' is reported once, reading resumes at the next
/// macro line, and later independent mistakes in the same file are each reported once.
/// </summary>
public class ErrorRecoveryTests
{
    private const string Good = """
        DEFINE_KERNEL_API_SPEC(sys_example)
        	KAPI_DESCRIPTION("Example")
        	KAPI_CONTEXT(KAPI_CTX_PROCESS)

        	KAPI_PARAM(0, "flags", "int", "Flags")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		.type = KAPI_TYPE_INT,
        	KAPI_PARAM_END

        	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad", "Bad flags")
        	.param_count = 1,
        	.error_count = 1,
        KAPI_END_SPEC;
        """;

    private static List<KapiDiagnostic> Diagnostics(string text) => KapiDocument.Bind(text, "test.kapi").Diagnostics.ToList();

    private static void AssertOnly(string text, params (KapiDiagnosticDescriptor Descriptor, string At)[] expected)
    {
        var found = Diagnostics(text);
        Assert.True(expected.Length == found.Count, "expected " + expected.Length + ", got:\n" + string.Join("\n", found));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Descriptor.Id, found[i].Id);
            Assert.Equal(expected[i].At, text.Substring(found[i].Span.Start, found[i].Span.Length));
        }
    }

    [Fact]
    public void The_well_formed_spec_has_no_diagnostic() => Assert.Empty(Diagnostics(Good));

    [Fact]
    public void Misspelt_opener_is_one_diagnostic_and_its_block_still_binds()
    {
        string text = Good.Replace("KAPI_PARAM(0,", "KAPI_PARM(0,", StringComparison.Ordinal);
        AssertOnly(text, (KapiDiagnostics.UnknownMacro, "KAPI_PARM"));
        Assert.Contains("did you mean 'KAPI_PARAM'?", Diagnostics(text)[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_closer_is_one_diagnostic()
    {
        AssertOnly(Good.Replace("KAPI_PARAM_END", "KAPI_PARAM_EDN", StringComparison.Ordinal), (KapiDiagnostics.UnknownMacro, "KAPI_PARAM_EDN"));
    }

    [Fact]
    public void Missing_close_paren_is_one_diagnostic_at_the_end_of_its_line_and_the_file_is_still_read()
    {
        string text = Good.Replace("\"Flags\")", "\"Flags\"", StringComparison.Ordinal);
        var found = Diagnostics(text);
        var d = Assert.Single(found);
        Assert.Equal(KapiDiagnostics.SyntaxError.Id, d.Id);
        Assert.Equal(text.IndexOf("\"Flags\"", StringComparison.Ordinal) + "\"Flags\"".Length, d.Span.Start);
        Assert.Contains("Missing ')'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_over_several_lines_are_not_a_missing_paren()
    {
        string text = Good.Replace("KAPI_ERROR(0, -EINVAL, \"EINVAL\", \"Bad\", \"Bad flags\")",
            "KAPI_ERROR(0, -EINVAL, \"EINVAL\",\n\t\t   \"Bad\",\n\t\t   \"Bad \"\n\t\t   \"flags\")", StringComparison.Ordinal);
        Assert.Empty(Diagnostics(text));
    }

    [Fact]
    public void Several_independent_mistakes_are_each_reported_once()
    {
        string text = Good
            .Replace("KAPI_PARAM(0,", "KAPI_PARM(0,", StringComparison.Ordinal)
            .Replace("KAPI_CTX_PROCESS)", "KAPI_CTX_PROCESS", StringComparison.Ordinal)
            .Replace("-EINVAL,", "-EINVL,", StringComparison.Ordinal)
            .Replace(".type = KAPI_TYPE_INT", ".tpye = KAPI_TYPE_INT", StringComparison.Ordinal);
        AssertOnly(text,
            (KapiDiagnostics.SyntaxError, string.Empty),   // the missing ')' after KAPI_CTX_PROCESS
            (KapiDiagnostics.UnknownMacro, "KAPI_PARM"),
            (KapiDiagnostics.UnknownField, "tpye"),
            (KapiDiagnostics.UnknownConstant, "EINVL"));
    }
}
