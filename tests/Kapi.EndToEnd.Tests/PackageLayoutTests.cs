using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Kapi.EndToEnd.Tests.Infrastructure;
using Kapi.Testing.EndToEnd;
using Xunit;

namespace Kapi.EndToEnd.Tests;

/// <summary>What `dotnet pack src/Kapi.Package` and `dotnet pack src/Kapi.Cli` put in the packages (the CLI: three, see src/Kapi.Cli).</summary>
[Collection(KapiPackagesCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests
{
    private static readonly string[] CompilerAssemblies = { "Kapi.Analyzers", "Kapi.CodeFixes", "Kapi.Generators", "Kapi.Model", "Kapi.Syntax" };

    private readonly KapiPackages _packages;

    public PackageLayoutTests(KapiPackages packages) => _packages = packages;

    [Fact]
    public void Kapi_package_holds_the_compiler_assemblies_the_runtime_library_the_build_files_and_the_readme()
    {
        using var zip = ZipFile.OpenRead(_packages.KapiPackagePath);
        var entries = PayloadEntries(zip);
        var expected = new List<string> { "Kapi.nuspec", "README.md", "build/Kapi.props", "build/Kapi.targets" };
        expected.AddRange(CompilerAssemblies.Select(a => $"analyzers/dotnet/cs/{a}.dll"));
        expected.AddRange(CompilerAssemblies.Select(a => $"build/readytorun/linux-x64/{a}.dll"));
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            expected.Add($"lib/{tfm}/Kapi.Runtime.dll");
            expected.Add($"lib/{tfm}/Kapi.Runtime.xml");
        }
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, entries);

        // The build files are the repository's, byte for byte.
        foreach (var name in new[] { "Kapi.props", "Kapi.targets" })
        {
            Assert.Equal(File.ReadAllBytes(_packages.RepoPath("src/Kapi.Package/build/" + name)), ReadAll(zip, "build/" + name));
        }
    }

    [Fact]
    public void Kapi_nuspec_has_the_id_version_licence_readme_and_no_dependencies()
    {
        using var zip = ZipFile.OpenRead(_packages.KapiPackagePath);
        var nuspec = XDocument.Load(zip.GetEntry("Kapi.nuspec")!.Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("Kapi", metadata.Element(ns + "id")?.Value);
        Assert.Equal(_packages.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        // A development dependency: `dotnet add package Kapi` writes PrivateAssets="all", so a library that packs gets no
        // dependency on Kapi (with the default KapiRuntime=source it needs none at run time).
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        // One empty dependency group per lib/ folder: the compiler projects and the runtime are inside, not referenced.
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();
        Assert.Equal(new[] { "net10.0", "net8.0" }, groups.Select(g => g.Attribute("targetFramework")!.Value).OrderBy(t => t, StringComparer.Ordinal));
        Assert.All(groups, g => Assert.Empty(g.Elements()));
    }

    [Fact]
    public void Compiler_assemblies_need_at_most_Roslyn_4_8_and_the_analyzers_embed_the_built_in_spec_library()
    {
        using var zip = ZipFile.OpenRead(_packages.KapiPackagePath);
        foreach (var assembly in CompilerAssemblies)
        {
            using var pe = new PEReader(new MemoryStream(ReadAll(zip, $"analyzers/dotnet/cs/{assembly}.dll")));
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                string name = reader.GetString(reference.Name);
                // A reference above the host compiler's version makes the compiler refuse the analyzer (CS9057).
                if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{assembly} references {name} {reference.Version}");
                }
                // Only the compiler's own assemblies and the other Kapi assemblies: nothing that would have to ship.
                Assert.True(
                    name is "netstandard" or "System.Collections.Immutable" or "System.Composition.AttributedModel" or "System.Memory"
                        || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                        || CompilerAssemblies.Contains(name),
                    $"{assembly} references {name}, which the package does not carry");
            }
        }

        using var analyzers = new PEReader(new MemoryStream(ReadAll(zip, "analyzers/dotnet/cs/Kapi.Analyzers.dll")));
        var md = analyzers.GetMetadataReader();
        var resources = md.ManifestResources.Select(h => md.GetString(md.GetManifestResource(h).Name)).ToList();
        Assert.Contains("kapi/mm/mlockall.kapi", resources);
    }

    [Fact]
    public void ReadyToRun_copies_are_the_same_assemblies_with_native_code_for_linux_x64()
    {
        using var zip = ZipFile.OpenRead(_packages.KapiPackagePath);
        foreach (var assembly in CompilerAssemblies)
        {
            using var il = new PEReader(new MemoryStream(ReadAll(zip, $"analyzers/dotnet/cs/{assembly}.dll")));
            using var r2r = new PEReader(new MemoryStream(ReadAll(zip, $"build/readytorun/linux-x64/{assembly}.dll")));
            // The plain IL stays where every host loads it from (no native code: a .NET Framework compiler loads it).
            Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
            Assert.Equal(Machine.I386, il.PEHeaders.CoffHeader.Machine);
            // The copy: the same module (MVID) with a ReadyToRun header, its PE machine x64 marked for Linux (0x8664 ^ 0x7B79).
            Assert.NotEqual(0, r2r.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
            Assert.Equal((Machine)(0x8664 ^ 0x7B79), r2r.PEHeaders.CoffHeader.Machine);
            var ilReader = il.GetMetadataReader();
            var r2rReader = r2r.GetMetadataReader();
            Assert.Equal(ilReader.GetGuid(ilReader.GetModuleDefinition().Mvid), r2rReader.GetGuid(r2rReader.GetModuleDefinition().Mvid));
        }
    }

    [Fact]
    public void Packing_again_from_the_same_build_gives_the_same_bytes()
    {
        string again = Path.Combine(_packages.Root, "feed-again");
        _packages.Pack("src/Kapi.Package", again, "--no-build");
        var first = SHA256.HashData(File.ReadAllBytes(_packages.KapiPackagePath));
        var second = SHA256.HashData(File.ReadAllBytes(Path.Combine(again, Path.GetFileName(_packages.KapiPackagePath))));
        Assert.Equal(Convert.ToHexString(first), Convert.ToHexString(second));
    }

    [Fact]
    public void Cli_packages_are_a_pointer_package_a_native_linux_x64_tool_and_a_framework_dependent_tool_for_the_rest()
    {
        // Kapi.Cli: only the settings naming one package per runtime (what `dotnet tool install` reads first).
        using (var pointer = ZipFile.OpenRead(_packages.CliPackagePath))
        {
            Assert.Equal(new[] { "Kapi.Cli.nuspec", "tools/any/any/DotnetToolSettings.xml" }, PayloadEntries(pointer));
            var settings = XDocument.Load(pointer.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open());
            Assert.Equal("kapi", settings.Descendants("Command").Single().Attribute("Name")?.Value);
            var runtimes = settings.Descendants("RuntimeIdentifierPackage")
                .Select(p => (p.Attribute("RuntimeIdentifier")?.Value, p.Attribute("Id")?.Value)).OrderBy(p => p.Item1, StringComparer.Ordinal);
            Assert.Equal(new (string?, string?)[] { ("any", "Kapi.Cli.any"), ("linux-x64", "Kapi.Cli.linux-x64") }, runtimes);
            Assert.Equal("DotnetTool", PackageType(pointer, "Kapi.Cli"));
        }

        // Kapi.Cli.linux-x64: one native executable (ELF, x86-64), no managed assembly, no symbols or XML docs.
        using (var native = ZipFile.OpenRead(RuntimePackage("linux-x64")))
        {
            Assert.Equal(new[] { "Kapi.Cli.linux-x64.nuspec", "tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/kapi" }, PayloadEntries(native));
            var kapi = ReadAll(native, "tools/any/linux-x64/kapi");
            Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2 }, kapi[..5]);
            Assert.Equal(0x3E, BitConverter.ToUInt16(kapi, 18)); // e_machine: EM_X86_64
            var command = XDocument.Load(native.GetEntry("tools/any/linux-x64/DotnetToolSettings.xml")!.Open()).Descendants("Command").Single();
            Assert.Equal("kapi", command.Attribute("EntryPoint")?.Value);
            Assert.Equal("executable", command.Attribute("Runner")?.Value);
            Assert.Equal("DotnetToolRidPackage", PackageType(native, "Kapi.Cli.linux-x64"));
        }

        // Kapi.Cli.any: the framework-dependent tool (kapi.dll run by dotnet), for every other platform.
        using (var any = ZipFile.OpenRead(RuntimePackage("any")))
        {
            var entries = PayloadEntries(any);
            Assert.Contains("tools/net10.0/any/kapi.dll", entries);
            Assert.Contains("tools/net10.0/any/kapi.runtimeconfig.json", entries);
            var command = XDocument.Load(any.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open()).Descendants("Command").Single();
            Assert.Equal("kapi.dll", command.Attribute("EntryPoint")?.Value);
            Assert.Equal("DotnetToolRidPackage", PackageType(any, "Kapi.Cli.any"));
        }
    }

    private string RuntimePackage(string runtime) => Path.Combine(_packages.Feed, $"Kapi.Cli.{runtime}.{_packages.Version}.nupkg");

    private static string? PackageType(ZipArchive zip, string id)
    {
        var nuspec = XDocument.Load(zip.GetEntry(id + ".nuspec")!.Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(id, metadata.Element(ns + "id")?.Value);
        return metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value;
    }

    [Fact]
    public void Sample_is_wired_like_a_package_user_the_same_build_files_and_compiler_assemblies()
    {
        // Evaluation only (no build): what samples/Directory.Build.props/.targets give the sample.
        var result = ProcessRunner.Run("dotnet", _packages.RepositoryRoot, new Dictionary<string, string?>(), KapiPackages.BuildTimeout,
            "msbuild", "samples/Kapi.Samples.MlockAll/Kapi.Samples.MlockAll.csproj",
            "-getItem:ProjectReference", "-getItem:CompilerVisibleProperty", "-getItem:CompilerVisibleItemMetadata");
        Check.Succeeded(result);
        using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var items = json.RootElement.GetProperty("Items");

        var references = items.GetProperty("ProjectReference").EnumerateArray()
            .Select(r => (Name: r.GetProperty("Filename").GetString()!, OutputItemType: r.TryGetProperty("OutputItemType", out var t) ? t.GetString() : null))
            .ToList();
        Assert.Equal(CompilerAssemblies, references.Where(r => r.OutputItemType == "Analyzer").Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal));
        // KapiRuntime=source (the default with internal bindings): no Kapi.Runtime reference, as for a package user.
        Assert.DoesNotContain(references, r => string.IsNullOrEmpty(r.OutputItemType));

        // The compiler-visible properties and metadata come from the file the package ships.
        string props = _packages.RepoPath("src/Kapi.Package/build/Kapi.props");
        foreach (var type in new[] { "CompilerVisibleProperty", "CompilerVisibleItemMetadata" })
        {
            Assert.All(items.GetProperty(type).EnumerateArray().Where(i => i.GetProperty("Identity").GetString()!.StartsWith("Kapi", StringComparison.Ordinal)
                                                                         || i.GetProperty("Identity").GetString() == "AdditionalFiles"),
                i => Assert.Equal(props, i.GetProperty("DefiningProjectFullPath").GetString()));
        }
        var visible = items.GetProperty("CompilerVisibleProperty").EnumerateArray().Select(i => i.GetProperty("Identity").GetString()).ToList();
        foreach (var name in new[] { "KapiNamespace", "KapiClassName", "KapiVisibility", "KapiRuntimeValidation", "KapiTargetArchitectures", "RuntimeIdentifier", "KapiRuntimeIdentifiers", "PlatformTarget" })
        {
            Assert.Contains(name, visible);
        }
    }

    /// <summary>The package's own files, without the OPC bookkeeping every .nupkg has.</summary>
    private static List<string> PayloadEntries(ZipArchive zip) => zip.Entries
        .Select(e => e.FullName)
        .Where(n => n != "[Content_Types].xml" && !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/services/", StringComparison.Ordinal))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    private static byte[] ReadAll(ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)?.Open() ?? throw new InvalidOperationException(entry + " is not in the package");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
