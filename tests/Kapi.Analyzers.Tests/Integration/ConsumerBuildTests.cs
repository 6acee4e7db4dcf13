using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace Kapi.Analyzers.Tests.Integration;

/// <summary>
/// Builds a small consumer project that loads the analyzers like a package would (Analyzer items, compiler-visible
/// properties, .kapi AdditionalFiles) and checks what `dotnet build` and `dotnet format analyzers` do with it.
/// No package is restored (framework reference only), so this runs offline.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConsumerBuildTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kapi-consumer-" + Guid.NewGuid().ToString("N"));

    public ConsumerBuildTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "kapi"));
        var bin = Path.GetDirectoryName(typeof(KapiFlagsAnalyzer).Assembly.Location)!;
        var analyzers = string.Join(";", new[] { "Kapi.Analyzers.dll", "Kapi.Model.dll", "Kapi.Syntax.dll", "Kapi.CodeFixes.dll" }.Select(f => Path.Combine(bin, f)));
        File.WriteAllText(Path.Combine(_dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <CompilerVisibleProperty Include="RuntimeIdentifier" />
                <CompilerVisibleProperty Include="PlatformTarget" />
                <CompilerVisibleProperty Include="KapiTargetArchitectures" />
                <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="KapiSpec" />
                <Analyzer Include="{analyzers}" />
                <AdditionalFiles Include="kapi/**/*.kapi" KapiSpec="true" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), """
            using System.Runtime.InteropServices;

            internal static class Native
            {
                public const int MCL_CURRENT = 1, MCL_FUTURE = 2;

                [DllImport("libc", SetLastError = true)]
                public static extern int mlockall(int flags);

                public static void Main()
                {
                    mlockall(MCL_CURRENT | 8);
                    mlockall(MCL_CURRENT | MCL_FUTURE);
                }
            }
            """);
        File.WriteAllText(Path.Combine(_dir, "kapi", "draft.kapi"), "DEFINE_KERNEL_API_SPEC(sys_example)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n");
    }

    [Fact]
    public void Build_reports_usage_and_spec_diagnostics_at_file_and_line_and_format_fixes()
    {
        var build = Run("build", "-nologo", "-p:RuntimeIdentifier=linux-x64", "-p:SelfContained=false");
        Assert.Contains("Program.cs(12,18): warning KAPI2001: sys_mlockall: the value passed for 'flags' sets bit(s) 0x8 outside the valid mask 0x7 on x64", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("target architectures", build.Output, StringComparison.Ordinal); // pinned: x64 only
        Assert.DoesNotContain("Program.cs(13,", build.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("kapi", "draft.kapi") + "(2,2): error KAPI0104: Unknown macro 'KAPI_BOGUS'", build.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, build.ExitCode);

        // severities: a .globalconfig reaches the spec rules too, an .editorconfig [*.cs] section the usage rules
        File.WriteAllText(Path.Combine(_dir, ".globalconfig"), "is_global = true\ndotnet_diagnostic.KAPI0104.severity = warning\n");
        File.WriteAllText(Path.Combine(_dir, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.KAPI2001.severity = error\n");
        build = Run("build", "-nologo", "-p:RuntimeIdentifier=linux-x64", "-p:SelfContained=false");
        Assert.Contains("Program.cs(12,18): error KAPI2001:", build.Output, StringComparison.Ordinal);
        Assert.Contains("draft.kapi(2,2): warning KAPI0104:", build.Output, StringComparison.Ordinal);

        // dotnet format applies "Remove invalid bits"
        File.Delete(Path.Combine(_dir, ".editorconfig"));
        var format = Run("format", "analyzers", "Consumer.csproj", "--diagnostics", "KAPI2001", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.Output);
        var fixedText = File.ReadAllText(Path.Combine(_dir, "Program.cs"));
        Assert.Contains("mlockall(MCL_CURRENT);", fixedText, StringComparison.Ordinal);
        Assert.Contains("mlockall(MCL_CURRENT | MCL_FUTURE);", fixedText, StringComparison.Ordinal);
    }

    private (int ExitCode, string Output) Run(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // do not inherit the test host's MSBuild settings
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "VSTEST_HOST_DEBUG").ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(240_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments));
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
