using System;
using System.IO;
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

    private ProcessResult Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var result = ProcessRunner.Run(fileName, workingDirectory, _packages.ConsumerEnvironment, timeout, arguments);
        _log.WriteLine(result.ToString());
        return result;
    }
}
