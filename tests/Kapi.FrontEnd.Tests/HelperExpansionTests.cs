using Kapi.Architectures;
using Kapi.Diagnostics;
using Kapi.Parsing;
using Kapi.Syntax;
using Kapi.Text;
using static Kapi.FrontEnd.Tests.TestHelpers;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// Helper macros (KAPI_PARAM_FD, KAPI_ERROR_EINVAL, …) are expanded by the parser at the token level: the binder
/// only sees the statements they expand to, every one located at the invocation.
/// </summary>
public class HelperExpansionTests
{
    /// <summary>Parses one spec with a helper table of the test's own (the binder always uses the kernel's).</summary>
    private static (List<StatementSyntax> Body, List<KapiDiagnostic> Diagnostics) ParseWith(string text, HelperMacroTable helpers)
    {
        var diagnostics = new List<KapiDiagnostic>();
        var syntax = Parser.Parse(new KapiSourceText(text), diagnostics, false, helpers);
        var block = Assert.IsType<SpecBlockSyntax>(Assert.Single(syntax.Items));
        return (block.Body.ToList(), diagnostics);
    }

    private static (List<StatementSyntax> Body, List<KapiDiagnostic> Diagnostics) ParseWith(string text, params HelperMacro[] helpers) =>
        ParseWith(text, new HelperMacroTable(helpers));

    private static IEnumerable<string> MacroNames(List<StatementSyntax> body) => body.OfType<MacroInvocationSyntax>().Select(m => m.Name);

    private static string Invocation(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    [Fact]
    public void A_helper_invocation_becomes_its_expansion_located_at_the_invocation()
    {
        string text = Spec("KAPI_PARAM_FD(0, \"The file descriptor\");\nKAPI_PARAM_COUNT(1)");
        var (body, diagnostics) = ParseWith(text, HelperMacroTable.Kernel);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "KAPI_PARAM", "KAPI_PARAM_FLAGS", "KAPI_PARAM_END", "KAPI_PARAM_COUNT" }, MacroNames(body));
        Assert.Equal(new[] { "type", "constraint_type" }, body.OfType<FieldAssignmentSyntax>().Select(a => a.Field));
        foreach (var statement in body.Take(5))
        {
            Assert.Equal("KAPI_PARAM_FD(0, \"The file descriptor\")", Invocation(text, statement.Span));
        }
        var param = (MacroInvocationSyntax)body[0];
        Assert.All(param.Arguments!.Value, a => Assert.Equal("KAPI_PARAM_FD(0, \"The file descriptor\")", Invocation(text, a.Span)));
        Assert.Equal("The file descriptor", Assert.IsType<StringLiteralSyntax>(param.Arguments!.Value[3].Expression).Value);
    }

    [Fact]
    public void An_error_inside_an_expansion_is_reported_once_at_the_call_site()
    {
        // 'struct foo bar' is no type: sizeof(struct foo bar) leaves three syntax errors in the expansion
        string text = Spec("KAPI_PARAM_USER_STRUCT(0, \"p\", struct foo bar, \"d\")");
        var model = Bind(text);
        var d = Assert.Single(model.Diagnostics, d => d.Id == KapiDiagnostics.SyntaxError.Id);
        Assert.StartsWith("'KAPI_PARAM_USER_STRUCT' expands to invalid text: ", d.Message);
        Assert.Equal("KAPI_PARAM_USER_STRUCT(0, \"p\", struct foo bar, \"d\")", At(text, d));
        Assert.All(model.Diagnostics, x => Assert.Equal(d.Span, x.Span));
    }

    [Fact]
    public void A_broken_template_gives_one_diagnostic_at_the_call_site()
    {
        var broken = new HelperMacro("KAPI_TEST_BROKEN", new[] { "idx" }, "KAPI_PARAM(idx, \"x\", \"int\", \"d\") .type = , .flags = ) ] KAPI_PARAM_END");
        string text = Spec("KAPI_DESCRIPTION(\"d\")\n  KAPI_TEST_BROKEN(3)\nKAPI_PARAM_COUNT(4)");
        var (body, diagnostics) = ParseWith(text, broken);
        var d = Assert.Single(diagnostics);
        Assert.Equal(KapiDiagnostics.SyntaxError.Id, d.Id);
        Assert.Equal("'KAPI_TEST_BROKEN' expands to invalid text: Expected a value, found ','", d.Message);
        Assert.Equal("KAPI_TEST_BROKEN(3)", Invocation(text, d.Span));
        Assert.Equal(new[] { "KAPI_DESCRIPTION", "KAPI_PARAM", "KAPI_PARAM_END", "KAPI_PARAM_COUNT" }, MacroNames(body));
    }

    [Fact]
    public void Helpers_nest()
    {
        var param = new HelperMacro("KAPI_TEST_PARAM", new[] { "idx", "name" }, "KAPI_PARAM(idx, name, \"int\", \"d\") KAPI_TEST_IN KAPI_PARAM_END");
        var input = new HelperMacro("KAPI_TEST_IN", null, "KAPI_PARAM_FLAGS(KAPI_PARAM_IN) .type = KAPI_TYPE_INT,");
        string text = Spec("KAPI_TEST_PARAM(2, \"flags\")");
        var (body, diagnostics) = ParseWith(text, param, input);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "KAPI_PARAM", "KAPI_PARAM_FLAGS", "KAPI_PARAM_END" }, MacroNames(body));
        Assert.Equal("type", Assert.Single(body.OfType<FieldAssignmentSyntax>()).Field);
        Assert.All(body, s => Assert.Equal("KAPI_TEST_PARAM(2, \"flags\")", Invocation(text, s.Span)));
    }

    [Fact]
    public void A_helper_in_a_helper_argument_expands_where_the_argument_lands_as_a_statement()
    {
        // The missing comma after '8' leaves KAPI_SYSCALL_SLEEPABLE as a statement of the expansion: it expands, the
        // expansion's syntax error is reported once, and what the binder reports (KAPI_CONTEXT inside KAPI_PARAM)
        // lands on the outer call site too.
        const string Invoked = "KAPI_PARAM_USER_PTR_SIZED(0, \"p\", 8 KAPI_SYSCALL_SLEEPABLE, \"d\")";
        string text = Spec(Invoked);
        var model = Bind(text);
        var spec = Assert.Single(model.Specs);
        Assert.Equal(Kapi.Vocabulary.KapiContextFlags.Process | Kapi.Vocabulary.KapiContextFlags.Sleepable, spec.ContextFlags!.Value);
        Assert.Equal(8, spec.Params[0].Size![KapiArchitecture.X64]);
        var d = Assert.Single(model.Diagnostics, d => d.Id == KapiDiagnostics.SyntaxError.Id);
        Assert.Equal("'KAPI_PARAM_USER_PTR_SIZED' expands to invalid text: Expected ',' after the value of '.size', found 'KAPI_SYSCALL_SLEEPABLE'", d.Message);
        Assert.Contains(model.Diagnostics, d => d.Id == KapiDiagnostics.MacroOutOfScope.Id);
        Assert.All(model.Diagnostics, d => Assert.Equal(Invoked, At(text, d)));
    }

    [Fact]
    public void A_stringified_argument_is_its_text_with_single_spaces()
    {
        var spec = SingleSpec(Spec("KAPI_PARAM_USER_STRUCT(0, \"ev\", struct   /* the tag */ epoll_event, \"Event\")"));
        Assert.Equal("struct epoll_event", spec.Params[0].CTypeName);
        Assert.Equal(12, spec.Params[0].Size![KapiArchitecture.X64]);
    }

    [Fact]
    public void A_stringified_argument_keeps_quotes_and_backslashes()
    {
        var describe = new HelperMacro("KAPI_TEST_DESCRIBE", new[] { "text" }, "KAPI_DESCRIPTION(#text)");
        string text = Spec("KAPI_TEST_DESCRIBE(say \"a\\\\b\")");
        var (body, diagnostics) = ParseWith(text, describe);
        Assert.Empty(diagnostics);
        var description = Assert.IsType<MacroInvocationSyntax>(Assert.Single(body));
        Assert.Equal("say \"a\\\\b\"", Assert.IsType<StringLiteralSyntax>(description.Arguments!.Value[0].Expression).Value);
    }

    [Fact]
    public void Nesting_stops_at_the_depth_limit_with_one_diagnostic()
    {
        var loop = new HelperMacro("KAPI_TEST_LOOP", null, "KAPI_PARAM_END KAPI_TEST_LOOP");
        string text = Spec("KAPI_TEST_LOOP");
        var (body, diagnostics) = ParseWith(text, loop);
        Assert.Equal(HelperMacroTable.MaxDepth, body.Count);
        var d = Assert.Single(diagnostics);
        Assert.Equal(KapiDiagnostics.NestingTooDeep.Id, d.Id);
        Assert.Equal($"Nesting deeper than {HelperMacroTable.MaxDepth} levels is not supported", d.Message);
        Assert.Equal("KAPI_TEST_LOOP", Invocation(text, d.Span));
    }

    [Fact]
    public void Kernel_helpers_nested_through_their_arguments_stop_at_the_depth_limit()
    {
        // each level's '.size = 1 KAPI_PARAM_USER_PTR_SIZED(…)' lacks a comma, so the next invocation becomes a
        // statement of the expansion: levels 0..7 expand, the ninth is dropped
        string argument = "2";
        for (int level = 11; level >= 0; level--)
        {
            argument = $"1 KAPI_PARAM_USER_PTR_SIZED({level}, \"p{level}\", {argument}, \"d\")";
        }
        string text = Spec(argument.Substring(2));
        var model = Bind(text);
        var spec = Assert.Single(model.Specs);
        Assert.Equal(Enumerable.Range(0, HelperMacroTable.MaxDepth), spec.Params.Select(p => p.Index));
        var d = Assert.Single(model.Diagnostics, d => d.Id == KapiDiagnostics.SyntaxError.Id);
        Assert.StartsWith("'KAPI_PARAM_USER_PTR_SIZED' expands to invalid text: ", d.Message);
        Assert.All(model.Diagnostics, d => Assert.Equal(argument.Substring(2), At(text, d)));
    }

    [Fact]
    public void An_expansion_can_neither_end_the_spec_nor_start_another()
    {
        string text = Spec("KAPI_PARAM_USER_STRING(0, \"p\", 1 KAPI_END_SPEC, 5, \"d\")\nKAPI_DESCRIPTION(\"after\")");
        var model = Bind(text);
        var spec = Assert.Single(model.Specs);
        Assert.Equal("after", spec.Description);
        Assert.Equal(5, spec.Params[0].MaxValue![KapiArchitecture.X64]);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal("'KAPI_PARAM_USER_STRING' expands to invalid text: Unexpected 'KAPI_END_SPEC' in a spec: expected a KAPI macro, a '.field = value,' initializer or '}'", d.Message);
    }

    [Theory]
    [InlineData("KAPI_PARAM_FD", "KAPI_PARAM_FD", "'KAPI_PARAM_FD' takes 2 argument(s) but was given 0")]
    [InlineData("KAPI_PARAM_FD(0)", "KAPI_PARAM_FD(0)", "'KAPI_PARAM_FD' takes 2 argument(s) but was given 1")]
    [InlineData("KAPI_SYSCALL_SLEEPABLE(1)", "KAPI_SYSCALL_SLEEPABLE(1)", "'KAPI_SYSCALL_SLEEPABLE' takes 0 argument(s) but was given 1")]
    public void A_helper_with_the_wrong_arguments_is_reported_and_not_expanded(string line, string at, string message)
    {
        string text = Spec(line);
        var model = Bind(text);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal(KapiDiagnostics.WrongArgumentCount.Id, d.Id);
        Assert.Equal(message, d.Message);
        Assert.Equal(at, At(text, d));
        Assert.Empty(model.Specs[0].Params);
    }

    [Fact]
    public void A_misspelt_helper_is_suggested()
    {
        var d = Diagnostic(Bind(Spec("KAPI_PARAM_FDD(0, \"x\")")), KapiDiagnostics.UnknownMacro);
        Assert.Contains("did you mean 'KAPI_PARAM_FD'", d.Message);
    }
}
