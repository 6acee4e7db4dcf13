using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Kapi.EndToEnd.Tests.Infrastructure;
using Kapi.Testing.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.EndToEnd.Tests;

/// <summary>
/// What a project that uses Kapi carries at run time and in its package (KapiRuntime), and that the generated code is
/// clean under the SDK's strictest analysis (AnalysisMode=All with warnings as errors).
/// </summary>
[Collection(KapiPackagesCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RuntimeDependencyTests
{
    private const string Locker = """
        namespace Locking;

        /// <summary>Locks memory through the generated binding.</summary>
        public static class Locker
        {
            /// <summary>Locks the current pages on fault, then unlocks; the result as text.</summary>
            /// <returns>"Success" or the error.</returns>
            public static string Probe()
            {
                var result = Kapi.Generated.Syscalls.Mlockall(Kapi.Generated.MlockallFlags.MCL_CURRENT | Kapi.Generated.MlockallFlags.MCL_ONFAULT);
                if (result.IsSuccess)
                {
                    Kapi.Generated.Syscalls.MunlockallOrThrow();
                }
                return result.ToString();
            }
        }
        """;

    private readonly KapiPackages _packages;
    private readonly ITestOutputHelper _log;

    public RuntimeDependencyTests(KapiPackages packages, ITestOutputHelper log)
    {
        _packages = packages;
        _log = log;
    }

    private Consumer NewConsumer(string name) => new(_packages, _log, name);

    [Fact]
    public void Strict_analysis_mode_builds_clean_with_the_runtime_as_source_and_as_assembly()
    {
        const string strict = """
            <AnalysisMode>All</AnalysisMode>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            """;
        // Every spec of the repository's kapi/ (flags, enums, fds, strings, buffers, ioctl and sysfs metadata), so that
        // every kind of generated code and the whole runtime source meet the analyzers.
        void AddSpecs(Consumer c)
        {
            foreach (var spec in Directory.GetFiles(_packages.RepoPath("kapi"), "*.kapi", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(_packages.RepositoryRoot, spec).Replace('\\', '/');
                c.Spec(relative, relative);
            }
        }

        // Internal bindings (KapiRuntime=source): an app, AllowUnsafeBlocks for the Span overloads too.
        var app = NewConsumer("strict-source")
            .Project("StrictSource", strict + "<AllowUnsafeBlocks>true</AllowUnsafeBlocks>")
            .File("Program.cs", """
                using System;
                using Kapi.Generated;

                internal static class Program
                {
                    private static int Main()
                    {
                        var result = Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT);
                        if (result.IsSuccess)
                        {
                            Syscalls.MunlockallOrThrow();
                        }
                        Console.WriteLine(KernelApiSpecs.Get("sys_mlockall").Description);
                        return result.IsSuccess ? 0 : result.Errno;
                    }
                }
                """);
        AddSpecs(app);
        var source = app.DotNet("build", "-nologo");
        Check.Succeeded(source);
        Check.Contains("0 Warning(s)", source);

        // Public bindings (KapiRuntime=assembly): a library, its public API documented.
        var lib = NewConsumer("strict-assembly")
            .Project("StrictAssembly", strict + "<KapiVisibility>public</KapiVisibility>", outputType: "Library")
            .File("Locker.cs", Locker);
        AddSpecs(lib);
        var assembly = lib.DotNet("build", "-nologo");
        Check.Succeeded(assembly);
        Check.Contains("0 Warning(s)", assembly);
        Assert.Contains("Kapi.Runtime.dll", File.ReadAllText(lib.PathOf("bin/Debug/net10.0/StrictAssembly.deps.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Library_with_the_runtime_as_source_packs_without_a_dependency_and_its_consumer_runs_without_Kapi()
    {
        // The PackageReference as `dotnet add package Kapi` writes it (README), default options: KapiRuntime=source.
        string libId = "KapiE2ELib";
        var lib = NewConsumer("source-lib/Lib")
            .File(libId + ".csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <Version>{_packages.Version}</Version>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Kapi" Version="{_packages.Version}">
                      <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
                      <PrivateAssets>all</PrivateAssets>
                    </PackageReference>
                  </ItemGroup>
                </Project>
                """)
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .Spec("kapi/mm/munlockall.kapi", "kapi/mm/munlockall.kapi")
            .File("Locker.cs", Locker);
        var pack = lib.DotNet("pack", "-nologo", "-o", _packages.Feed);
        Check.Succeeded(pack);

        using (var zip = ZipFile.OpenRead(Path.Combine(_packages.Feed, $"{libId}.{_packages.Version}.nupkg")))
        {
            var nuspec = XDocument.Load(zip.GetEntry(libId + ".nuspec")!.Open());
            var ns = nuspec.Root!.Name.Namespace;
            Assert.Empty(nuspec.Descendants(ns + "dependency"));
            Assert.Equal(
                new[] { "lib/net10.0/KapiE2ELib.dll", "lib/net8.0/KapiE2ELib.dll" },
                zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal) && n.EndsWith(".dll", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal));
        }

        // An app that knows nothing of Kapi uses the library package: it runs, and has no Kapi.Runtime.
        var app = NewConsumer("source-lib/App")
            .File("App.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{libId}" Version="{_packages.Version}" />
                  </ItemGroup>
                </Project>
                """)
            .File("Program.cs", "System.Console.WriteLine(\"probe: \" + Locking.Locker.Probe());\n");
        var run = app.DotNet("run");
        Check.Succeeded(run);
        Check.Contains(MemoryLocking.CanLockAll ? "probe: Success" : "probe: Error(", run);
        Assert.Empty(Directory.GetFiles(app.PathOf("bin/Debug/net10.0"), "Kapi.*"));
        string deps = File.ReadAllText(app.PathOf("bin/Debug/net10.0/App.deps.json"));
        Assert.DoesNotContain("Kapi.Runtime", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Kapi/", deps, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_with_the_runtime_as_source_keeps_the_assembly_a_referenced_library_needs()
    {
        // The library has public bindings (KapiRuntime=assembly, a plain PackageReference); the app references Kapi
        // itself with the default (source). The library's dependency on Kapi keeps Kapi.Runtime in the app, and the
        // app's own bindings then use that assembly instead of emitting the types.
        NewConsumer("mixed/Lib")
            .Project("Lib", "<KapiVisibility>public</KapiVisibility>", outputType: "Library")
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .Spec("kapi/mm/munlockall.kapi", "kapi/mm/munlockall.kapi")
            .File("Locker.cs", Locker);
        var app = NewConsumer("mixed/App")
            .Project("App", "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles><KapiNamespace>App.Native</KapiNamespace>", items: """<ProjectReference Include="../Lib/Lib.csproj" />""")
            .Spec("kapi/mm/munlockall.kapi", "kapi/mm/munlockall.kapi")
            .File("Program.cs", """
                internal static class Program
                {
                    private static void Main()
                    {
                        System.Console.WriteLine("probe: " + Locking.Locker.Probe());
                        System.Console.WriteLine("own: " + App.Native.Syscalls.Munlockall());
                    }
                }
                """);
        var run = app.DotNet("run");
        Check.Succeeded(run);
        Check.Contains(MemoryLocking.CanLockAll ? "probe: Success" : "probe: Error(", run);
        Check.Contains("own: Success", run);
        Assert.True(File.Exists(app.PathOf("bin/Debug/net10.0/Kapi.Runtime.dll")));
        Assert.DoesNotContain(app.GeneratedFiles(), f => f.StartsWith("Kapi.Runtime.", StringComparison.Ordinal));
    }
}
