using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Kapi.Analyzers;
using Kapi.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// The generator and the flags analyzer together: the analyzer finds the bindings the generator wrote by their
/// <c>[KapiSyscall]</c> attribute, whatever <c>KapiNamespace</c> and <c>KapiClassName</c> say, and names them in the
/// KAPI2003 message about a hard-coded flags value passed to an own P/Invoke.
/// </summary>
public class AnalyzerOverGeneratedBindingsTests
{
    private const string OwnPInvoke = """
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("libc")]
            public static extern int mlockall(int flags);
        }

        internal static class Caller
        {
            public static int Lock() => Native.mlockall(3);
        }
        """;

    private static async Task<Diagnostic> Kapi2003(IReadOnlyDictionary<string, string> properties)
    {
        var run = GeneratorHarness.Run(new[] { ("/specs/mlockall.kapi", TestSpecs.Mlockall) }, properties, OwnPInvoke);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, "bindings");
        var analyzed = run.Output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KapiFlagsAnalyzer()));
        var diagnostics = await analyzed.GetAnalyzerDiagnosticsAsync();
        return Assert.Single(diagnostics, d => d.Id == KapiDiagnosticIds.ArchitectureDependentFlagValue);
    }

    [Theory]
    [InlineData("My.Native", null, "Syscalls")]
    [InlineData("My.Native", "Sys", "Sys")]
    [InlineData(null, null, "Syscalls")]
    public async Task Kapi2003_names_the_generated_binding(string? ns, string? className, string expectedClass)
    {
        var properties = new Dictionary<string, string>();
        if (ns is not null) properties["KapiNamespace"] = ns;
        if (className is not null) properties["KapiClassName"] = className;
        var diagnostic = await Kapi2003(properties);
        Assert.Contains($"the generated binding {expectedClass}.Mlockall(MlockallFlags)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
