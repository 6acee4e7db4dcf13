using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Kapi.Testing.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.Cli.Tests;

/// <summary>
/// On a clone without ../shared, `dotnet test` says why the corpus tests are skipped, at its default verbosity
/// (tests/Shared/SkipReasonsFramework.cs, turned on for every test project by Directory.Build.props/.targets).
/// </summary>
public sealed class SkipReasonTests
{
    private readonly ITestOutputHelper _output;

    public SkipReasonTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Dotnet_test_prints_why_the_corpus_tests_are_skipped()
    {
        // This project's own corpus tests, run by `dotnet test` on the project (as a user would, so that the
        // repository's run settings apply) with the corpus pointed at an empty folder.
        string empty = Directory.CreateTempSubdirectory("kapi-no-corpus-").FullName;
        try
        {
            string project = Path.Combine(RepositoryPaths.Root, "tests", "Kapi.Cli.Tests", "Kapi.Cli.Tests.csproj");
            var result = ProcessRunner.Run("dotnet", RepositoryPaths.Root, new Dictionary<string, string?> { ["KAPI_CORPUS_DIR"] = empty }, TimeSpan.FromMinutes(5),
                "test", project, "--no-build", "--nologo", "--filter", "FullyQualifiedName~Kapi.Cli.Tests.CorpusTests");
            _output.WriteLine(result.ToString());
            Assert.Equal(0, result.ExitCode);
            // One line for the assembly (it counts every corpus test method of it, not only the filtered ones).
            Assert.Matches(@"Kapi\.Cli\.Tests: \d+ test methods are skipped: The shared corpus is absent \(" + Regex.Escape(Path.Combine(empty, "macro")) + @"\);", result.Output);
            Assert.Matches(@"Skipped: +[1-9]", result.Output);
            Assert.DoesNotMatch(@"Passed: +[1-9]", result.Output);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
