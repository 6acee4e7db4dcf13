using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Kapi.Testing.EndToEnd;

/// <summary>
/// Packs Kapi and Kapi.Cli from the repository once per test run, into a temporary local feed, with a version no
/// earlier run used (0.1.0-e2e.&lt;UTC time&gt;.r&lt;random&gt;). Consumers restore with an isolated NuGet packages
/// folder (NUGET_PACKAGES), so a package from another run can never be served from a cache.
/// Everything lives under one temporary folder, deleted afterwards (kept when KAPI_E2E_KEEP=1, for debugging).
/// Shared by the test projects that consume the packed package (tests/Shared/EndToEnd, linked in with
/// KapiEndToEndTests=true); each defines its own xunit collection over it.
/// </summary>
public class KapiPackages : IDisposable
{
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Packs both packages: Kapi and the Kapi.Cli tool.</summary>
    public KapiPackages()
        : this(withCli: true)
    {
    }

    /// <summary>Packs Kapi, and Kapi.Cli only when <paramref name="withCli"/> (a fixture that needs no tool saves the pack).</summary>
    protected KapiPackages(bool withCli)
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "kapi-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        ConsumersRoot = Path.Combine(Root, "consumers");
        ArtifactsPath = Path.Combine(Root, "artifacts");
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.r{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        Directory.CreateDirectory(ConsumersRoot);

        try
        {
            // The packs restore the repository's own dependencies from the machine's usual NuGet cache (they never
            // put a Kapi package there) and build into their own artifacts folder: the repository's bin/ and obj/
            // are not touched, so a concurrent build of the solution is not disturbed.
            KapiPack = Pack("src/Kapi.Package");
            CliPack = withCli ? Pack("src/Kapi.Cli") : null;
            KapiPackagePath = Path.Combine(Feed, $"Kapi.{Version}.nupkg");
            CliPackagePath = Path.Combine(Feed, $"Kapi.Cli.{Version}.nupkg");
            if (!File.Exists(KapiPackagePath) || (withCli && !File.Exists(CliPackagePath)))
            {
                throw new InvalidOperationException("the packs did not produce the expected packages:\n" + KapiPack + "\n" + CliPack);
            }

            // Consumers below ConsumersRoot see this feed in addition to the machine's configured sources (nuget.org
            // here): the package is found by id and exact version in the feed, everything else where it always is.
            File.WriteAllText(Path.Combine(ConsumersRoot, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="kapi-e2e" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);
            // Keep the consumers free of any Directory.Build.* or Directory.Packages.props further up.
            File.WriteAllText(Path.Combine(ConsumersRoot, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(ConsumersRoot, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(ConsumersRoot, "Directory.Packages.props"), "<Project />\n");
            SeedTargetingPacks();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The repository being tested (its src/ is packed, its kapi/ supplies specs).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The temporary folder holding everything below.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>NUGET_PACKAGES of every consumer-side child process.</summary>
    public string PackagesFolder { get; }

    /// <summary>Consumers are created below this folder, which holds the nuget.config naming the feed.</summary>
    public string ConsumersRoot { get; }

    public string ArtifactsPath { get; }

    public string Version { get; }

    public string KapiPackagePath { get; }

    public string CliPackagePath { get; }

    public ProcessResult KapiPack { get; }

    /// <summary>The Kapi.Cli pack; null when the fixture packs Kapi only.</summary>
    public ProcessResult? CliPack { get; }

    /// <summary>The environment of consumer-side dotnet processes: the isolated packages folder.</summary>
    public IReadOnlyDictionary<string, string?> ConsumerEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    public string RepoPath(string relative) => Path.Combine(RepositoryRoot, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>`dotnet pack &lt;project&gt; -o &lt;feed&gt;`, run from the repository root, as the README shows it.</summary>
    public ProcessResult Pack(string project, string? output = null, params string[] extra)
    {
        var arguments = new List<string>
        {
            "pack", project, "-o", output ?? Feed,
            "--artifacts-path", ArtifactsPath,
            "-p:Version=" + Version,
            "-nologo",
        };
        arguments.AddRange(extra);
        var result = ProcessRunner.Run("dotnet", RepositoryRoot, new Dictionary<string, string?>(), PackTimeout, arguments.ToArray());
        if (result.ExitCode != 0) throw new InvalidOperationException("pack failed:\n" + result);
        return result;
    }

    /// <summary>
    /// Copies the targeting packs the SDK does not carry itself (Microsoft.NETCore.App.Ref and
    /// Microsoft.AspNetCore.App.Ref for net8.0) from the machine's NuGet cache into the isolated folder, when they are
    /// there, so that a net8.0 consumer restores without downloading them. Only these framework packs are copied;
    /// the folder is never pointed at the shared cache. Without them, restore downloads them from the feed sources.
    /// </summary>
    private void SeedTargetingPacks()
    {
        string? shared = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(shared))
        {
            shared = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
        foreach (var id in new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" })
        {
            var source = Path.Combine(shared, id);
            if (!Directory.Exists(source)) continue;
            foreach (var versionDir in Directory.GetDirectories(source).Where(d => Path.GetFileName(d).StartsWith("8.", StringComparison.Ordinal)))
            {
                // Only complete installs (NuGet writes .nupkg.metadata last).
                if (!File.Exists(Path.Combine(versionDir, ".nupkg.metadata"))) continue;
                CopyDirectory(versionDir, Path.Combine(PackagesFolder, id, Path.GetFileName(versionDir)));
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    private static string FindRepositoryRoot()
    {
        var fromBuild = typeof(KapiPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "src", "Kapi.Package", "Kapi.Package.csproj")))
        {
            return Path.GetFullPath(fromBuild);
        }
        // The build-time path moved (a copied test output): walk up from the test assembly.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "Kapi.Package", "Kapi.Package.csproj"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root (with src/Kapi.Package) not found");
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (Environment.GetEnvironmentVariable("KAPI_E2E_KEEP") == "1") return;
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary folder is left for the OS to clean
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
