using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Kapi.EndToEnd.Tests.Infrastructure;
using Kapi.Testing.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.EndToEnd.Tests;

/// <summary>
/// README's quick start, run as written: its blocks are picked out of README.md by their <c>&lt;!-- readme-test: … --&gt;</c>
/// markers. The only substitutions are the ones a test must make: the package version (the fixture's unique one for
/// README's 0.1.0), and HOME (a temporary folder, so <c>~/kapi-feed</c> and <c>~/MlockDemo</c> land in it).
/// </summary>
[Collection(KapiPackagesCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ReadmeQuickStartTests
{
    private const string ReadmeVersion = "0.1.0";

    private readonly KapiPackages _packages;
    private readonly ITestOutputHelper _log;

    public ReadmeQuickStartTests(KapiPackages packages, ITestOutputHelper log)
    {
        _packages = packages;
        _log = log;
    }

    /// <summary>The fenced block after <c>&lt;!-- readme-test: {name} --&gt;</c> (exactly one per name).</summary>
    internal static string Block(string readme, string name)
    {
        var matches = Regex.Matches(readme, @"<!-- readme-test: " + Regex.Escape(name) + @" -->\n```[a-z]*\n(?<body>.*?)```", RegexOptions.Singleline);
        Assert.True(matches.Count == 1, $"README.md needs exactly one block marked 'readme-test: {name}', found {matches.Count}");
        return matches[0].Groups["body"].Value;
    }

    private string Readme => File.ReadAllText(_packages.RepoPath("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Readme_quick_start_builds_and_runs_as_written()
    {
        string readme = Readme;
        string home = Directory.CreateDirectory(Path.Combine(_packages.Root, "readme-home")).FullName;

        // 1. The pack: the fixture ran exactly this command (from the repository root, with its unique version and its
        //    own artifacts folder added); its package goes where README's -o puts it.
        Assert.Equal("dotnet pack src/Kapi.Package -o ~/kapi-feed\n", Block(readme, "pack"));
        Assert.StartsWith("dotnet pack src/Kapi.Package -o " + _packages.Feed + " ", _packages.KapiPack.CommandLine, StringComparison.Ordinal);
        string feed = Directory.CreateDirectory(Path.Combine(home, "kapi-feed")).FullName;
        File.Copy(_packages.KapiPackagePath, Path.Combine(feed, Path.GetFileName(_packages.KapiPackagePath)));

        // 2. The shell commands, verbatim, from the repository root.
        string shell = Block(readme, "shell");
        Assert.Contains("--version " + ReadmeVersion + " ", shell, StringComparison.Ordinal);
        Check.Succeeded(Bash(_packages.RepositoryRoot, home, shell.Replace("--version " + ReadmeVersion + " ", "--version " + _packages.Version + " ", StringComparison.Ordinal)));
        string project = Path.Combine(home, "MlockDemo");

        // 3. What dotnet add package wrote is what README shows.
        string expected = Normalize(Block(readme, "project").Replace("Version=\"" + ReadmeVersion + "\"", "Version=\"" + _packages.Version + "\"", StringComparison.Ordinal));
        string csproj = File.ReadAllText(Path.Combine(project, "MlockDemo.csproj"));
        Assert.True(Normalize(csproj).Contains(expected, StringComparison.Ordinal), $"MlockDemo.csproj does not contain README's PackageReference:\n{expected}\n---\n{csproj}");

        // 4. Program.cs replaced, then dotnet run.
        File.WriteAllText(Path.Combine(project, "Program.cs"), Block(readme, "program"));
        var run = Bash(project, home, Block(readme, "run"));
        Check.Succeeded(run);
        Check.Contains("Lock all process pages in memory", run);
        Check.DoesNotContain("warning", run);
        if (!MemoryLocking.CanLockAll) Assert.Matches("mlockall failed: (EPERM|ENOMEM) \\(errno", run.Output);

        // "Nothing of Kapi is in bin/."
        string bin = Path.Combine(project, "bin", "Debug", "net10.0");
        Assert.Empty(Directory.GetFiles(bin, "Kapi*"));
        string deps = File.ReadAllText(Path.Combine(bin, "MlockDemo.deps.json"));
        Assert.DoesNotContain("Kapi.Runtime", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Kapi/", deps, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_analyzer_example_reports_the_warnings_it_shows()
    {
        // The block after "built-in spec library": a declaration and two calls, each with the warning it gets as a comment.
        string block = Block(Readme, "analyzers");
        var lines = block.TrimEnd('\n').Split('\n');
        var app = new Consumer(_packages, _log, "readme-analyzers")
            .Project("ReadmeAnalyzers")
            .File("Program.cs", "using System.Runtime.InteropServices;\n\ninternal static class Program\n{\n"
                + "    " + lines[0] + "\n\n    private static void Main()\n    {\n"
                + string.Concat(lines.Skip(1).Select(l => "        " + l + "\n"))
                + "    }\n}\n");
        var build = app.DotNet("build", "-nologo");
        Check.Succeeded(build);
        foreach (var line in lines.Skip(1))
        {
            var warning = Regex.Match(line, @"// warning (?<id>KAPI\d{4}): (?<text>[^…]*)");
            Assert.True(warning.Success, "README's example line has no warning comment: " + line);
            string call = line[..line.IndexOf("//", StringComparison.Ordinal)].Trim();
            var (row, column) = app.Locate("Program.cs", call);
            // The diagnostic is on the argument: inside the call's parentheses.
            int argument = column + call.IndexOf('(', StringComparison.Ordinal) + 1;
            Check.Contains($"{app.PathOf("Program.cs")}({row},{argument}): warning {warning.Groups["id"].Value}: {warning.Groups["text"].Value.TrimEnd()}", build);
        }
    }

    private ProcessResult Bash(string workingDirectory, string home, string script)
    {
        var environment = new Dictionary<string, string?>(_packages.ConsumerEnvironment) { ["HOME"] = home };
        var result = ProcessRunner.Run("bash", workingDirectory, environment, KapiPackages.BuildTimeout + KapiPackages.RunTimeout, "-euo", "pipefail", "-c", script);
        _log.WriteLine(result.ToString());
        return result;
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
