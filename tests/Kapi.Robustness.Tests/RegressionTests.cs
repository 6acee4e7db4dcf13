using System;
using System.Collections.Generic;
using System.Linq;
using Kapi.Robustness.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kapi.Robustness.Tests;

/// <summary>
/// Regression tests for the generator and analyzer bugs this suite found (each failed before its fix in
/// src/Kapi.Generators or src/Kapi.Analyzers). Each spec binds without front-end errors, so its code must compile.
/// </summary>
public class RegressionTests
{
    private static string Spec(string name, string body, string errors = SpecText.DefaultError) =>
        SpecText.Spec(name, body, "Regression", errors);

    private static string Param(int index, string name, string kind, string ctype = "int") => SpecText.Param(index, name, kind, ctype);

    private static GeneratorRun AssertGeneratesCleanCode(params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            var model = KapiDocument.Bind(text, path);
            Assert.False(model.HasErrors, string.Join("\n", model.Diagnostics));
        }
        var run = Generation.Run(files);
        Generation.AssertNoGeneratorFailure(run, files[0].Path);
        Generation.AssertCompiles(run, files[0].Path, DiagnosticSeverity.Warning, files[0].Text);
        return run;
    }

    // ---------------------------------------------------------------- type names inside one spec

    [Fact]
    public void ParameterEnumNamedError_DoesNotCollideWithTheErrorEnum()
    {
        // Before: enum ProbeError (parameter "error") and enum ProbeError (the errors): CS0101.
        var run = AssertGeneratesCleanCode(("/r/probe.kapi", Spec("sys_probe", Param(0, "error", "enum"))));
        Assert.Contains("enum ProbeError\n", run.Rendered, StringComparison.Ordinal);
        Assert.Contains("enum ProbeError_ : int", run.Rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void ParameterNamedFlagsInfo_DoesNotCollideWithTheInfoClassOfFlags()
    {
        // Before: enum ProbeFlagsInfo (parameter "flags_info") and static class ProbeFlagsInfo (translation of "flags"): CS0101.
        AssertGeneratesCleanCode(("/r/probe.kapi", Spec("sys_probe", Param(0, "flags", "flags") + Param(1, "flags_info", "flags") + Param(2, "error_info", "enum"))));
    }

    // ---------------------------------------------------------------- names inside the wrapper body

    [Theory]
    [InlineData("ret", "path")]      // string parameter: local __ret met the result local __ret (CS0128)
    [InlineData("errno", "path")]    // ... __errno (CS0128)
    [InlineData("ret", "flags")]     // translated enum: out int __ret (CS0128)
    [InlineData("errno", "enum")]    // out int __errno met the later int __errno (CS0136)
    public void ParameterNamedLikeAWrapperLocal_Compiles(string name, string kind) =>
        AssertGeneratesCleanCode(("/r/probe.kapi", Spec("sys_probe", Param(0, name, kind) + Param(1, "count", "range"))));

    [Fact]
    public void ParameterNamedLikeTheCheckLocalOfAnother_Compiles()
    {
        // "x" is checked through __v_x; "v_x" is translated into __v_x: both locals in one body (CS0128).
        AssertGeneratesCleanCode(("/r/probe.kapi", Spec("sys_probe", Param(0, "x", "range") + Param(1, "v_x", "flags"))));
    }

    [Theory]
    [InlineData("ProbeError")]       // the error enum, used as ProbeError.EINVAL in the body
    [InlineData("ProbeFlagsInfo")]   // the translation class, used as ProbeFlagsInfo.TryToNative
    [InlineData("Probe")]            // the wrapper, called by the raw overload and OrThrow
    public void ParameterNamedLikeATypeOrMethodTheBodyUses_Compiles(string name) =>
        AssertGeneratesCleanCode(("/r/probe.kapi", Spec("sys_probe", Param(0, "flags", "flags") + Param(1, name, "range"))));

    // ---------------------------------------------------------------- spec names and error codes

    [Fact]
    public void SpecNamedSysAlone_GetsMetadataOnly()
    {
        // Before: [DllImport("libc", EntryPoint = "")]: CS0599.
        var run = AssertGeneratesCleanCode(("/r/sys.kapi", Spec("sys_", Param(0, "flags", "flags"))));
        Assert.Contains("No binding: the spec name has no function name after 'sys_'.", run.Rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("DllImport", run.Rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-ULONG_MAX")]                    // 1 on 64-bit, 4294967295 on 32-bit architectures: case 4294967295 in an int switch (CS0266)
    [InlineData("(-9223372036854775807 - 1)")]    // long.MinValue: Math.Abs threw in the planner (CS8785)
    [InlineData("-0x80000000")]                   // 2147483648: outside the int-based error enum
    [InlineData("0x7FFFFFFFFFFFFFFF")]
    public void ErrorCodesOutsideTheErrnoRange_Compile(string code)
    {
        var run = AssertGeneratesCleanCode(("/r/probe.kapi", Spec("sys_probe", Param(0, "flags", "flags"),
            $"\tKAPI_ERROR(0, {code}, \"EWEIRD\", \"Weird\", \"An odd code.\")\n\tKAPI_ERROR(1, -EINVAL, \"EINVAL\", \"Bad\", \"Invalid.\")\n")));
        Assert.Contains("EINVAL = 22,", run.Rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorNamesThatCollideAfterRenaming_AndTheReservedEnumFieldName_Compile()
    {
        // Numeric codes take the identifier from the name field: X (3), X (1) -> X_1, and X_1 (2) must not reuse X_1;
        // value__ is the enum's backing field (CS0076).
        var errors = "\tKAPI_ERROR(0, -3, \"X\", \"c\", \"d\")\n\tKAPI_ERROR(1, -1, \"X\", \"c\", \"d\")\n\tKAPI_ERROR(2, -2, \"X_1\", \"c\", \"d\")\n" +
                     "\tKAPI_ERROR(3, -4, \"value__\", \"c\", \"d\")\n";
        AssertGeneratesCleanCode(("/r/probe.kapi", Spec("sys_probe", Param(0, "flags", "flags"), errors)));
    }

    [Fact]
    public void VeryLongNames_AreCut_BelowTheMetadataLimit()
    {
        // Before: identifiers of thousands of characters: CS7013 (name exceeds the metadata limit).
        string longParam = string.Concat(Enumerable.Repeat("very_long_", 400));
        string longSpec = "sys_" + string.Concat(Enumerable.Repeat("long_name_", 500));
        var run = AssertGeneratesCleanCode(
            // Long parameter, enum and error names in a binding; two parameters that share the first 200 characters.
            ("/r/long.kapi", Spec("sys_probe", Param(0, longParam, "flags") + Param(1, longParam + "2", "enum"),
                "\tKAPI_ERROR(0, -7, \"" + longParam + "\", \"c\", \"d\")\n")),
            // A long spec name: the metadata member is cut; the libc function cannot exist, so no binding.
            ("/r/longer.kapi", Spec(longSpec, Param(0, "flags", "flags"))));
        Assert.Contains("No binding: the function name is longer than 200 characters.", run.Rendered, StringComparison.Ordinal);
        Assert.Equal(3, run.Sources.Count);
        Assert.All(run.Sources, s => Assert.True(s.HintName.Length < 240, s.HintName));
    }

    // ---------------------------------------------------------------- text in comments

    [Fact]
    public void BidiControlsAndZeroWidthCharacters_AreVisibleInTheGeneratedSource()
    {
        // Before: U+202E, U+200B, U+FEFF, U+2066 and tag characters were written raw into /// and // comments.
        string path = "/r/evil\u202Ename\u200B.kapi";
        var text = Spec("sys_probe", Param(0, "flags", "flags")).Replace("\"Regression\"", "\"desc \u202E gnp.exe \u2066x\u2069 zero\u200Bwidth \uFEFF tag\U000E0041\"", StringComparison.Ordinal);
        var run = AssertGeneratesCleanCode((path, text));
        foreach (var source in run.Sources)
        {
            string s = source.SourceText.ToString();
            Assert.DoesNotContain(s, c => c is '\u202E' or '\u2066' or '\u2069' or '\u200B' or '\uFEFF');
            Assert.DoesNotContain("\U000E0041", s, StringComparison.Ordinal);
        }
        var spec = run.Rendered;
        Assert.Contains("desc &#x202E; gnp.exe &#x2066;x&#x2069; zero&#x200B;width &#xFEFF; tag&#xE0041;", spec, StringComparison.Ordinal);
        Assert.Contains(@"// KAPI spec 'sys_probe' from evil\u202Ename\u200B.kapi", spec, StringComparison.Ordinal);
        // The metadata keeps the exact text (a string literal, escaped).
        Assert.Contains(@"Description = ""desc \u202E gnp.exe \u2066x\u2069 zero\u200Bwidth \uFEFF tag\uDB40\uDC41""", spec, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- analyzer: which files are specs

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("no")]
    public void KapiSpecMetadataOtherThanTrueOrFalse_GeneratorAndAnalyzerAgree(string value)
    {
        // The generator reads a .kapi file only for KapiSpec="true" (or no value); the analyzer used bool.TryParse and
        // fell back to the extension, so it reported errors (and duplicates) of files the generator ignored.
        const string path = "/p/kapi/excluded.kapi";
        string text = "DEFINE_KERNEL_API_SPEC(sys_x)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n";
        var options = new TestOptionsProvider(null, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { ["KapiSpec"] = value },
        });
        var file = new InMemoryAdditionalText(path, text);
        var run = Generation.Run(Generation.CreateDriver(new[] { file }, options), Generation.CreateCompilation());
        Generation.AssertNoGeneratorFailure(run, value);
        Assert.Empty(run.Sources); // not a spec for the generator (and it has an error anyway)
        var result = AnalyzerRunner.Run(run.Output, new[] { file }, options);
        AnalyzerRunner.AssertNoAnalyzerFailure(result, () => value);
        Assert.Empty(result.Diagnostics); // nor for the analyzer
    }

    // ---------------------------------------------------------------- names across specs

    [Fact]
    public void NamesFromDifferentSpecs_DoNotCollide()
    {
        // Before: sys_a's parameter enum 'b_error' was ABError, sys_a_b's error enum too (CS0101); sys_a_error's method
        // Syscalls.AError hid sys_a's error enum AError inside the wrappers (CS0119); sys_a_c_info's method ACInfo hid
        // sys_a's ACInfo class. Methods keep their names, then error enums, then parameter enums; a later claim gets '_'.
        var run = AssertGeneratesCleanCode(
            ("/r/a.kapi", Spec("sys_a", Param(0, "b_error", "enum") + Param(1, "c", "flags"))),
            ("/r/b.kapi", Spec("sys_a_b", "") + Spec("sys_a_error", "") + Spec("sys_a_c_info", "")));
        string all = run.Rendered;
        foreach (var expected in new[]
        {
            "SyscallResult<AError_> A(", "enum AError_\n", "enum ABError_ : int", "static class ABError_Info", "enum AC_ : int", "static class AC_Info",
            "SyscallResult<ABError> AB()", "enum ABError\n", "SyscallResult<AErrorError> AError()", "SyscallResult<ACInfoError> ACInfo()",
        })
        {
            Assert.Contains(expected, all, StringComparison.Ordinal);
        }
    }
}
