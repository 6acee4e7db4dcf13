using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Kapi.Analyzers.Tests.Specs;

/// <summary>The front end's diagnostics inside .kapi AdditionalFiles, at exact spans.</summary>
public class SpecFileAnalyzerTests
{
    private const string Class = "class C { }";

    internal const string MlockallSpec = """
        DEFINE_KERNEL_API_SPEC(sys_mlockall)
        	KAPI_DESCRIPTION("Lock all process pages in memory")
        	KAPI_PARAM(0, "flags", "int", "Flags controlling which pages to lock")
        		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
        		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
        		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
        		.valid_mask = MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT,
        		.required_mask = MCL_CURRENT | MCL_FUTURE,
        		KAPI_PARAM_CONSTRAINT("Must specify MCL_CURRENT and/or MCL_FUTURE; MCL_ONFAULT can be OR'd")
        	KAPI_PARAM_END
        KAPI_END_SPEC;

        """;

    private static KapiAnalyzerTest<KapiSpecFileAnalyzer> Create(params (string Path, string Text)[] files)
    {
        var test = new KapiAnalyzerTest<KapiSpecFileAnalyzer>();
        test.TestState.Sources.Add(Class);
        foreach (var file in files) test.TestState.AdditionalFiles.Add(file);
        return test;
    }

    [Fact]
    public Task Valid_spec_file_produces_nothing() => Create(("/0/kapi/mm/mlockall.kapi", MlockallSpec)).RunAsync();

    [Fact]
    public Task Unknown_macro_is_reported_at_its_span() => Create(("/0/kapi/bad.kapi", """
        DEFINE_KERNEL_API_SPEC(sys_x)
        	{|KAPI0104:KAPI_BOGUS|}(1)
        KAPI_END_SPEC;

        """)).RunAsync();

    [Fact]
    public async Task Diagnostic_has_path_line_column_message_and_catalog_severity()
    {
        var test = Create(("/0/kapi/bad.kapi", "DEFINE_KERNEL_API_SPEC(sys_x)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiSpecDescriptors.UnknownMacro)
            .WithSpan("/0/kapi/bad.kapi", 2, 2, 2, 12)
            .WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("Unknown macro 'KAPI_BOGUS'; did you mean 'KAPI_NOTES'?"));
        await test.RunAsync();
    }

    [Fact]
    public Task Warnings_keep_their_catalog_severity() => Create(("/0/kapi/unknown.kapi", """
        DEFINE_KERNEL_API_SPEC(sys_y)
        	KAPI_PARAM(0, "flags", "int", "Flags")
        		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
        		.valid_mask = {|KAPI0200:NOT_A_CONSTANT|} | 1,
        	KAPI_PARAM_END
        KAPI_END_SPEC;

        """)).RunAsync();

    [Fact]
    public Task Duplicate_spec_across_files_is_reported_at_the_second_definition()
    {
        var test = Create(
            ("/0/kapi/a.kapi", MlockallSpec),
            ("/0/kapi/b.kapi", MlockallSpec.Replace("DEFINE_KERNEL_API_SPEC(sys_mlockall)", "DEFINE_KERNEL_API_SPEC({|#0:sys_mlockall|})", System.StringComparison.Ordinal)));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiSpecDescriptors.DuplicateSpec).WithLocation(0)
            .WithArguments("A spec named 'sys_mlockall' is already defined in /0/kapi/a.kapi(1)"));
        return test.RunAsync();
    }

    [Fact]
    public Task Other_additional_files_are_ignored() => Create(("/0/notes.txt", "KAPI_BOGUS ( \" unterminated")).RunAsync();

    [Fact]
    public async Task KapiSpec_metadata_selects_c_sources_and_can_exclude_kapi_files()
    {
        var test = new KapiAnalyzerTest<KapiSpecFileAnalyzer>();
        test.TestState.Sources.Add(Class);
        // C text: added without markup processing
        const string Header = "/* a header with a spec block */\nstatic int table[] = { 1, 2 };\nDEFINE_KERNEL_API_SPEC(sys_z)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n";
        test.TestState.AdditionalFilesFactories.Add(() => new[]
        {
            ("/0/include/spec.h", SourceText.From(Header)),
            ("/0/kapi/excluded.kapi", SourceText.From("KAPI_BOGUS(")),
        });
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [/0/include/spec.h]
            build_metadata.AdditionalFiles.KapiSpec = true

            [/0/kapi/excluded.kapi]
            build_metadata.AdditionalFiles.KapiSpec = false
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiSpecDescriptors.UnknownMacro)
            .WithSpan("/0/include/spec.h", 4, 2, 4, 12)
            .WithArguments("Unknown macro 'KAPI_BOGUS'; did you mean 'KAPI_NOTES'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Kerneldoc_spec_in_a_c_file_is_reported_inside_its_comment_and_ordinary_code_is_not()
    {
        var test = new KapiAnalyzerTest<KapiSpecFileAnalyzer>();
        test.TestState.Sources.Add(Class);
        // a C file as the kernel has them: an ordinary kernel-doc comment, code, then a spec comment above SYSCALL_DEFINE1
        const string C = """
            // SPDX-License-Identifier: GPL-2.0
            #include <linux/syscalls.h>

            /**
             * helper() - An ordinary kernel-doc comment
             * @x: not a spec key: nothing here is read as one
             * retrun: a typo outside a spec is not reported
             */
            static int helper(int x) { return x & ~(MCL_CURRENT | 0x8); }

            /**
             * sys_example - An example
             * @flags: The flags
             *
             * context-flags: KAPI_CTX_PROCESS
             * param: flags
             *   type: KAPI_TYPE_INT
             *   valid-maks: 3
             */
            SYSCALL_DEFINE1(example, int, flags)
            {
                return helper(flags);
            }

            """;
        test.TestState.AdditionalFilesFactories.Add(() => new[] { ("/0/kernel/example.c", SourceText.From(C.Replace("\r\n", "\n", System.StringComparison.Ordinal))) });
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [/0/kernel/example.c]
            build_metadata.AdditionalFiles.KapiSpec = true
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiSpecDescriptors.UnknownKerneldocKey)
            .WithSpan("/0/kernel/example.c", 18, 6, 18, 16)
            .WithSeverity(DiagnosticSeverity.Warning)
            .WithArguments("'valid-maks' is not a key of 'param:'; did you mean 'valid-mask'?"));
        await test.RunAsync();
    }
}
