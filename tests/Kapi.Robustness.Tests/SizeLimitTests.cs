using System;
using System.Collections.Generic;
using System.Linq;
using Kapi.Robustness.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Kapi.Robustness.Tests;

/// <summary>
/// Issue 7, item 5: a spec file over the size limit (KapiParseOptions.DefaultMaxFileSize, 4 MiB) goes through the
/// generator and both analyzers in one build: exactly one KAPI0005, located in that file, no code from it, no
/// exception; the other files are unaffected. A file exactly at the limit is processed normally.
/// </summary>
public class SizeLimitTests
{
    private const string GetPid = """
        DEFINE_KERNEL_API_SPEC(sys_getpid)
        	KAPI_DESCRIPTION("@DESC@")
        	KAPI_RETURN("pid_t", "The process ID")
        		.type = KAPI_TYPE_INT,
        		.check_type = KAPI_RETURN_RANGE,
        		.success_min = 1,
        		.success_max = INT_MAX,
        	KAPI_RETURN_END
        KAPI_END_SPEC;

        """;

    /// <summary>A valid spec padded with a comment to exactly <paramref name="length"/> characters.</summary>
    private static string Padded(string description, int length)
    {
        string spec = GetPid.Replace("@DESC@", description, StringComparison.Ordinal) + "/*";
        return spec + new string('x', length - spec.Length - 2) + "*/";
    }

    private static (GeneratorRun Run, AnalyzerRunResult Analysis) Build(IReadOnlyList<(string Path, string Text)> files, TestOptionsProvider? options = null)
    {
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var run = Generation.Run(Generation.CreateDriver(texts, options), Generation.CreateCompilation());
        Generation.AssertNoGeneratorFailure(run, "size limit");
        var analysis = AnalyzerRunner.Run(run.Output, texts, options);
        AnalyzerRunner.AssertNoAnalyzerFailure(analysis, () => "size limit");
        return (run, analysis);
    }

    [Theory]
    [InlineData("/p/kapi/huge.kapi", false)]
    [InlineData("/p/specs/huge.h", true)]   // selected by KapiSpec metadata instead of the extension
    public void OverTheLimit_OneLocatedKAPI0005_NoCode_OtherFilesUnaffected(string hugePath, bool byMetadata)
    {
        const int Limit = KapiParseOptions.DefaultMaxFileSize;
        string huge = Padded("From the huge file", Limit + 1);
        Assert.Equal(Limit + 1, huge.Length);
        var options = byMetadata
            ? new TestOptionsProvider(null, new Dictionary<string, IReadOnlyDictionary<string, string>> { [hugePath] = new Dictionary<string, string> { ["KapiSpec"] = "true" } })
            : null;
        // The huge file sorts first by path, so if it were processed its sys_getpid would win and the small one would be a duplicate.
        var (run, analysis) = Build(new[] { (hugePath, huge), ("/p/z/getpid.kapi", GetPid.Replace("@DESC@", "From the small file", StringComparison.Ordinal)) }, options);

        Generation.AssertCompiles(run, "size limit", DiagnosticSeverity.Warning);
        Assert.Equal(new[] { "Kapi.KernelApiSpecs.g.cs", "Kapi.Spec.SysGetpid.g.cs" }, run.Sources.Select(s => s.HintName));
        Assert.Contains("From the small file", run.Rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("From the huge file", run.Rendered, StringComparison.Ordinal);

        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("KAPI0005", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(hugePath, d.Location.GetLineSpan().Path);
        Assert.Equal(new LinePositionSpan(default, default), d.Location.GetLineSpan().Span);
        Assert.Contains((Limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExactlyAtTheLimit_IsProcessed()
    {
        string atLimit = Padded("At the limit", KapiParseOptions.DefaultMaxFileSize);
        var (run, analysis) = Build(new[] { ("/p/kapi/big.kapi", atLimit) });
        Generation.AssertCompiles(run, "at the limit", DiagnosticSeverity.Warning);
        Assert.Contains("At the limit", run.Rendered, StringComparison.Ordinal);
        Assert.Empty(analysis.Diagnostics);
    }
}
