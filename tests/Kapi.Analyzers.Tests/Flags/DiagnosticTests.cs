using System.Linq;
using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>Each diagnostic of the usage analyzer, with its message.</summary>
public class DiagnosticTests
{
    [Fact]
    public async Task KAPI2001_message_names_syscall_parameter_bits_mask_and_flags()
    {
        var test = new FlagsTest(Sources.Native, """
            class C
            {
                void M() => Native.mlockall({|#0:Native.MCL_CURRENT | 8|});
            }
            """);
        test.WithRuntimeIdentifier("linux-x64");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.InvalidFlagBits).WithLocation(0)
            .WithArguments("sys_mlockall", "flags", "0x8", "0x7", "x64", "MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT"));
        await test.RunAsync();
    }

    [Fact]
    public async Task KAPI2001_uses_the_pinned_architecture_values()
    {
        // 3 is outside ppc64le's mask (0xE000)
        var test = new FlagsTest(Sources.Native, """
            class C
            {
                void M()
                {
                    Native.mlockall({|#0:3|});
                    Native.mlockall(0x2000 | 0x4000);
                }
            }
            """);
        test.WithRuntimeIdentifier("linux-ppc64le");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.InvalidFlagBits).WithLocation(0)
            .WithArguments("sys_mlockall", "flags", "0x3", "0xE000", "ppc64le", "MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT"));
        await test.RunAsync();
    }

    [Fact]
    public async Task KAPI2001_when_unpinned_only_if_invalid_on_every_architecture()
    {
        var test = new FlagsTest(Sources.Native, """
            class C
            {
                void M() => Native.mlockall({|#0:8|});
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.InvalidFlagBits).WithLocation(0)
            .WithArguments("sys_mlockall", "flags", "0x8", "0x7", "x64 (and on the other 7 target architectures)", "MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT"));
        await test.RunAsync();
    }

    [Fact]
    public async Task KAPI2002_zero_and_onfault_alone_are_rejected_by_required_mask()
    {
        var test = new FlagsTest(Sources.Native, """
            class C
            {
                void M()
                {
                    Native.mlockall({|#0:0|});
                    Native.mlockall({|#1:Native.MCL_ONFAULT|});
                    Native.mlockall(Native.MCL_FUTURE | Native.MCL_ONFAULT);
                }
            }
            """);
        test.WithRuntimeIdentifier("linux-arm64");
        const string Reason = "at least one of MCL_CURRENT | MCL_FUTURE (0x3) must be set (spec: \"Must specify MCL_CURRENT and/or MCL_FUTURE; MCL_ONFAULT can be OR'd\")";
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.RejectedFlagValue).WithLocation(0).WithArguments("sys_mlockall", "0x0", "flags", Reason));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.RejectedFlagValue).WithLocation(1).WithArguments("sys_mlockall", "0x4", "flags", Reason));
        await test.RunAsync();
    }

    [Fact]
    public Task KAPI2002_when_unpinned() => FlagsTest.RunAsync("", Sources.Native, """
        class C
        {
            void M()
            {
                Native.mlockall({|KAPI2002:0|});
                // 4 is MCL_ONFAULT alone on the generic ABI and outside the mask on ppc64le: rejected everywhere
                Native.mlockall({|KAPI2002:4|});
            }
        }
        """);

    [Fact]
    public Task KAPI2002_enumerated_field() => FlagsTest.RunAsync("linux-x64", Sources.Native, """
        class C
        {
            const int O_RDONLY = 0, O_RDWR = 2, O_ACCMODE = 3, O_CREAT = 0x40, O_CLOEXEC = 0x80000;

            void M()
            {
                Native.open("/tmp/x", O_RDONLY, 0);
                Native.open("/tmp/x", O_RDWR | O_CREAT | O_CLOEXEC, 0);
                Native.open("/tmp/x", {|KAPI2002:O_ACCMODE|}, 0);
                Native.open("/tmp/x", {|KAPI2001:O_RDWR | 0x1000000|}, 0);
            }
        }
        """);

    [Fact]
    public async Task KAPI2003_hard_coded_values_when_not_pinned()
    {
        var test = new FlagsTest(Sources.Native, """
            class C
            {
                void M()
                {
                    Native.mlockall({|#0:Native.MCL_CURRENT | Native.MCL_FUTURE|});
                    Native.mlockall({|#1:0x2000|});
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.ArchitectureDependentFlagValue).WithLocation(0)
            .WithArguments("sys_mlockall", "0x3", "flags", "x64, x86, arm, arm64, s390x, riscv64, loongarch64", "ppc64le",
                "the Kapi-generated binding for sys_mlockall, whose flags enum is translated per architecture"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.ArchitectureDependentFlagValue).WithLocation(1)
            .WithArguments("sys_mlockall", "0x2000", "flags", "ppc64le", "x64, x86, arm, arm64, s390x, riscv64, loongarch64",
                "the Kapi-generated binding for sys_mlockall, whose flags enum is translated per architecture"));
        await test.RunAsync();
    }

    [Fact]
    public async Task KAPI2003_suggests_the_generated_binding_in_reach()
    {
        var test = new FlagsTest(Sources.KapiRuntime, Sources.GeneratedBindings, Sources.Native, """
            class C
            {
                void M() => Native.mlockall({|#0:3|});
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.ArchitectureDependentFlagValue).WithLocation(0)
            .WithArguments("sys_mlockall", "0x3", "flags", "x64, x86, arm, arm64, s390x, riscv64, loongarch64", "ppc64le",
                "the generated binding Syscalls.Mlockall(MlockallFlags)"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("RuntimeIdentifier", "linux-x64")]
    [InlineData("RuntimeIdentifier", "linux-musl-arm64")]
    [InlineData("PlatformTarget", "x64")]
    [InlineData("KapiTargetArchitectures", "x64,arm64")]
    public async Task KAPI2003_not_reported_when_pinned_to_architectures_where_valid(string property, string value)
    {
        var test = new FlagsTest(Sources.Native, "class C { void M() => Native.mlockall(3); }");
        test.BuildProperties[property] = value;
        await test.RunAsync();
    }

    [Fact]
    public async Task KAPI2003_when_pinned_to_several_architectures()
    {
        var test = new FlagsTest(Sources.Native, "class C { void M() => Native.mlockall({|KAPI2003:3|}); }");
        test.BuildProperties["KapiTargetArchitectures"] = "linux-x64, linux-ppc64le";
        await test.RunAsync();
    }

    [Fact]
    public async Task KAPI2003_lists_pinned_architectures_in_their_own_order_whatever_the_property_order()
    {
        // ppc64le listed first: the message still names x64 first, and x64 is the reference for the shown value
        var test = new FlagsTest(Sources.Native, "class C { void M() => Native.mlockall({|#0:3|}); }");
        test.BuildProperties["KapiTargetArchitectures"] = "ppc64le,arm64,x64,arm64";
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.ArchitectureDependentFlagValue).WithLocation(0)
            .WithArguments("sys_mlockall", "0x3", "flags", "x64, arm64", "ppc64le",
                "the Kapi-generated binding for sys_mlockall, whose flags enum is translated per architecture"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PlatformTarget_AnyCPU_pins_nothing()
    {
        var test = new FlagsTest(Sources.Native, "class C { void M() => Native.mlockall({|KAPI2003:3|}); }");
        test.BuildProperties["PlatformTarget"] = "AnyCPU";
        test.BuildProperties["RuntimeIdentifier"] = "";
        await test.RunAsync();
    }

    [Fact]
    public async Task KAPI2005_constant_of_another_flag_family()
    {
        var test = new FlagsTest(Sources.Native, """
            [System.Flags]
            enum MlockFlags { MCL_CURRENT = 1, MCL_FUTURE = 2, MCL_ONFAULT = 4 }

            class C
            {
                void M()
                {
                    Native.mlockall({|#0:Native.MLOCK_ONFAULT|});
                    Native.mlock2(System.IntPtr.Zero, System.UIntPtr.Zero, {|#1:(int)MlockFlags.MCL_FUTURE|});
                    Native.mlock2(System.IntPtr.Zero, System.UIntPtr.Zero, Native.MLOCK_ONFAULT);
                }
            }
            """);
        test.WithRuntimeIdentifier("linux-x64");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.ForeignFlagConstant).WithLocation(0)
            .WithArguments("sys_mlockall", "MLOCK_ONFAULT", "sys_mlock2 'flags'", "flags", "MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.InvalidFlagBits).WithLocation(1)
            .WithArguments("sys_mlock2", "flags", "0x2", "0x1", "x64", "MLOCK_ONFAULT"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.ForeignFlagConstant).WithLocation(1)
            .WithArguments("sys_mlock2", "MCL_FUTURE", "sys_mlockall 'flags'", "flags", "MLOCK_ONFAULT"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Severities_are_configurable()
    {
        // .editorconfig/.globalconfig severities reach the compiler as SyntaxTreeOptionsProvider; emulate that here
        // (the end-to-end build test checks a real .editorconfig).
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("T",
            new[]
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Sources.Native, path: "Native.cs"),
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { void M(int f) { Native.mlockall(8); Native.mlockall(f); Native.mlockall(3); } }", path: "C.cs"),
            },
            TestReferences.Net100,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)
                .WithSyntaxTreeOptionsProvider(new SeverityProvider(new()
                {
                    ["KAPI2001"] = Microsoft.CodeAnalysis.ReportDiagnostic.Error,
                    ["KAPI2004"] = Microsoft.CodeAnalysis.ReportDiagnostic.Warn,
                    ["KAPI2003"] = Microsoft.CodeAnalysis.ReportDiagnostic.Suppress,
                })));
        var diagnostics = await compilation.WithAnalyzers([new TestFlagsAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Assert.Collection(diagnostics.OrderBy(d => d.Id),
            d => { Assert.Equal("KAPI2001", d.Id); Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity); },
            d => { Assert.Equal("KAPI2004", d.Id); Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity); });
    }

    private sealed class SeverityProvider(System.Collections.Generic.Dictionary<string, Microsoft.CodeAnalysis.ReportDiagnostic> map)
        : Microsoft.CodeAnalysis.SyntaxTreeOptionsProvider
    {
        public override Microsoft.CodeAnalysis.GeneratedKind IsGenerated(Microsoft.CodeAnalysis.SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
            Microsoft.CodeAnalysis.GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(Microsoft.CodeAnalysis.SyntaxTree tree, string diagnosticId, System.Threading.CancellationToken cancellationToken, out Microsoft.CodeAnalysis.ReportDiagnostic severity) =>
            map.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, System.Threading.CancellationToken cancellationToken, out Microsoft.CodeAnalysis.ReportDiagnostic severity) =>
            map.TryGetValue(diagnosticId, out severity);
    }

    [Fact]
    public Task Generated_code_is_not_analyzed() => FlagsTest.RunAsync("linux-x64", Sources.Native, """
        // <auto-generated/>
        class Generated
        {
            void M() => Native.mlockall(8);
        }
        """);

    /// <summary>Code marked [GeneratedCode], and files named like generator output, are not analyzed either.</summary>
    [Fact]
    public async Task Generated_code_by_attribute_or_file_name_is_not_analyzed()
    {
        var test = new FlagsTest(Sources.Native, """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            class GeneratedByAttribute
            {
                void M() => Native.mlockall(8);
            }

            class UserCode
            {
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                void Generated() => Native.mlockall(8);

                void Mine() => Native.mlockall({|KAPI2001:8|});
            }
            """);
        test.TestState.Sources.Add(("Bindings.g.cs", """
            class GeneratedByFileName
            {
                void M() => Native.mlockall(8);
            }
            """));
        test.WithRuntimeIdentifier("linux-x64");
        await test.RunAsync();
    }
}
