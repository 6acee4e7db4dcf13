using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using Kapi.EndToEnd.Tests.Infrastructure;
using Kapi.Testing.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.EndToEnd.Tests;

/// <summary>The kapi tool, installed from the temporary feed as the README shows it.</summary>
[Collection(KapiPackagesCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ToolTests
{
    private readonly KapiPackages _packages;
    private readonly ITestOutputHelper _log;

    public ToolTests(KapiPackages packages, ITestOutputHelper log)
    {
        _packages = packages;
        _log = log;
    }

    [Fact]
    public void Kapi_tool_installs_from_a_local_feed_prints_a_spec_and_check_fails_on_a_broken_spec()
    {
        // Outside the consumers' folder: no nuget.config but the machine's; the feed comes from --add-source.
        string work = Directory.CreateDirectory(Path.Combine(_packages.Root, "tool-work")).FullName;
        string tools = Path.Combine(_packages.Root, "tools");
        var install = Run("dotnet", work, KapiPackages.BuildTimeout,
            "tool", "install", "--tool-path", tools, "--add-source", _packages.Feed, "Kapi.Cli", "--version", _packages.Version);
        Check.Succeeded(install);
        string kapi = Path.Combine(tools, OperatingSystem.IsWindows() ? "kapi.exe" : "kapi");
        Assert.True(File.Exists(kapi), install.ToString());
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
        {
            // the pointer package sent the install to the native package of this platform
            string installed = new FileInfo(kapi).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? kapi;
            Assert.Contains("kapi.cli.linux-x64", installed, StringComparison.Ordinal);
        }

        var show = Run(kapi, work, KapiPackages.RunTimeout, "--source", _packages.RepoPath("kapi"), "sys_mlockall");
        Check.Succeeded(show);
        Check.Contains("Detailed information for sys_mlockall:", show);
        Check.Contains("Description: Lock all process pages in memory", show);

        string specs = Directory.CreateDirectory(Path.Combine(_packages.Root, "tool-specs")).FullName;
        File.Copy(_packages.RepoPath("kapi/mm/mlockall.kapi"), Path.Combine(specs, "mlockall.kapi"));
        var good = Run(kapi, work, KapiPackages.RunTimeout, "check", specs);
        Check.Succeeded(good);
        Check.Contains("1 file, 0 errors", good);

        string bad = Path.Combine(specs, "broken.kapi");
        File.WriteAllText(bad, "DEFINE_KERNEL_API_SPEC(sys_example)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n");
        var check = Run(kapi, work, KapiPackages.RunTimeout, "check", specs);
        Check.Failed(check, exitCode: 1);
        Check.Contains($"{bad}(2,2): error KAPI0104: Unknown macro 'KAPI_BOGUS'", check);
    }

    [Fact]
    public void Readme_tool_installs_put_kapi_on_PATH_with_g_and_into_tools_without()
    {
        // README's Packages block, run as written in a folder whose ./feed is the fixture's feed (the pack lines are the
        // fixture's own), HOME a temporary folder so that -g installs into it.
        string block = ReadmeQuickStartTests.Block(File.ReadAllText(_packages.RepoPath("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal), "packages");
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l.StartsWith("dotnet pack ", StringComparison.Ordinal)));
        var installs = lines.Where(l => l.StartsWith("dotnet tool install ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, installs.Count);
        string home = Directory.CreateDirectory(Path.Combine(_packages.Root, "tool-home")).FullName;
        string work = Directory.CreateDirectory(Path.Combine(_packages.Root, "readme-tools")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(work, "feed"), _packages.Feed);
        string script = string.Join("\n", installs).Replace("--version 0.1.0", "--version " + _packages.Version, StringComparison.Ordinal)
            + "\necho \"kapi on PATH: $(command -v kapi || echo none)\"\n";
        var environment = new System.Collections.Generic.Dictionary<string, string?>(_packages.ConsumerEnvironment) { ["HOME"] = home };
        var result = ProcessRunner.Run("bash", work, environment, KapiPackages.BuildTimeout, "-euo", "pipefail", "-c", script);
        _log.WriteLine(result.ToString());
        Check.Succeeded(result);
        // -g: ~/.dotnet/tools (on PATH where the SDK installer set that up; not in this test's PATH); --tool-path: ./tools.
        Assert.True(File.Exists(Path.Combine(home, ".dotnet", "tools", "kapi")), result.ToString());
        Assert.True(File.Exists(Path.Combine(work, "tools", "kapi")), result.ToString());
        Check.DoesNotContain("kapi on PATH: " + home, result);
        Check.DoesNotContain("kapi on PATH: " + work, result);
        var show = Run(Path.Combine(home, ".dotnet", "tools", "kapi"), _packages.Root, KapiPackages.RunTimeout, "check", _packages.RepoPath("kapi/mm/mlockall.kapi"));
        Check.Succeeded(show);
    }

    [Fact]
    public void Framework_dependent_package_for_other_platforms_runs_with_dotnet_and_prints_what_the_native_tool_prints()
    {
        // Kapi.Cli.any is what every platform without a native package installs; here it is run as `dotnet kapi.dll`.
        string folder = Path.Combine(_packages.Root, "cli-any");
        ZipFile.ExtractToDirectory(Path.Combine(_packages.Feed, $"Kapi.Cli.any.{_packages.Version}.nupkg"), folder);
        string kapiDll = Path.Combine(folder, "tools", "net10.0", "any", "kapi.dll");
        var check = Run("dotnet", _packages.Root, KapiPackages.RunTimeout, kapiDll, "check", _packages.RepoPath("kapi/mm/mlockall.kapi"));
        Check.Succeeded(check);
        Check.Contains("1 file, 0 errors", check);

        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64) return;
        // The native tool (Kapi.Cli.linux-x64) prints the same bytes for every output form: the model, its schema and
        // the formatters work the same compiled ahead of time as JIT-compiled.
        string native = Path.Combine(_packages.Root, "cli-native");
        ZipFile.ExtractToDirectory(Path.Combine(_packages.Feed, $"Kapi.Cli.linux-x64.{_packages.Version}.nupkg"), native);
        string kapi = Path.Combine(native, "tools", "any", "linux-x64", "kapi");
        File.SetUnixFileMode(kapi, File.GetUnixFileMode(kapi) | UnixFileMode.UserExecute);
        string specs = _packages.RepoPath("kapi");
        foreach (var arguments in new[]
        {
            new[] { "--source", specs },
            new[] { "--source", specs, "--format", "json" },
            new[] { "--source", specs, "--format", "rst", "sys_mlockall" },
            new[] { "--source", specs, "sys_madvise" },
            new[] { "check", specs },
        })
        {
            var jit = Run("dotnet", _packages.Root, KapiPackages.RunTimeout, [kapiDll, .. arguments]);
            var aot = Run(kapi, _packages.Root, KapiPackages.RunTimeout, arguments);
            Assert.Equal(jit.ExitCode, aot.ExitCode);
            Assert.True(jit.Output.Length > 20, string.Join(' ', arguments) + ": " + jit);
            Assert.Equal(jit.Output, aot.Output);
        }
    }

    private ProcessResult Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var result = ProcessRunner.Run(fileName, workingDirectory, _packages.ConsumerEnvironment, timeout, arguments);
        _log.WriteLine(result.ToString());
        return result;
    }
}
