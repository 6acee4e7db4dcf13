using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kapi.EndToEnd.Tests.Infrastructure;
using Kapi.Testing.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Kapi.EndToEnd.Tests;

/// <summary>
/// Fresh projects that reference only the `Kapi` package by id (from the temporary feed), built, run and fixed with
/// the plain dotnet CLI, as a user would.
/// </summary>
[Collection(KapiPackagesCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConsumerTests
{
    private readonly KapiPackages _packages;
    private readonly ITestOutputHelper _log;

    public ConsumerTests(KapiPackages packages, ITestOutputHelper log)
    {
        _packages = packages;
        _log = log;
    }

    private Consumer NewConsumer(string name) => new(_packages, _log, name);

    [Fact]
    public void Generated_bindings_compile_and_a_program_gets_the_running_kernels_answers()
    {
        var app = NewConsumer("bindings")
            .Project("Bindings", """
                <KapiNamespace>Consumer.Native</KapiNamespace>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """)
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .Spec("kapi/mm/munlockall.kapi", "kapi/mm/munlockall.kapi")
            .Spec("kapi/fs/close.kapi", "kapi/fs/close.kapi")
            .File("Program.cs", """
                using System;
                using System.Globalization;
                using Consumer.Native;
                using Kapi.Runtime;

                internal static class Program
                {
                    private static int Main(string[] args)
                    {
                        SyscallResult<MlockallError> locked = Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT);
                        Console.WriteLine("mlockall(MCL_CURRENT | MCL_ONFAULT) -> " + locked);
                        if (locked.IsSuccess)
                        {
                            Console.WriteLine("munlockall() -> " + Syscalls.Munlockall());
                        }

                        // Flags only known at run time (the analyzers cannot check them at compile time).
                        var invalid = (MlockallFlags)int.Parse(args[0], CultureInfo.InvariantCulture);
                        var rejected = Syscalls.Mlockall(invalid);
                        Console.WriteLine("mlockall(" + args[0] + ") -> " + rejected + ", error " + rejected.Error);

                        // The kernel's errno, read by the wrapper (KapiErrno, as source here): EBADF on every call.
                        for (int i = 0; i < 3; i++)
                        {
                            Console.WriteLine("close(1000000) #" + i.ToString(CultureInfo.InvariantCulture) + " -> " + Syscalls.Close(1_000_000));
                        }

                        Console.WriteLine("spec: " + KernelApiSpecs.Get("sys_mlockall").Description);
                        return 0;
                    }
                }
                """);

        var build = app.DotNet("build", "-nologo");
        Check.Succeeded(build);
        Check.Contains("0 Warning(s)", build);

        // The specs are AdditionalFiles through the package's build/Kapi.props, and not None items.
        var items = app.GetItems(null, "AdditionalFiles", "None");
        var spec = items["AdditionalFiles"].Single(i => i["Identity"].EndsWith("mlockall.kapi", StringComparison.Ordinal) && !i["Identity"].EndsWith("munlockall.kapi", StringComparison.Ordinal));
        Assert.Equal("true", spec["KapiSpec"]);
        Assert.Equal(
            Path.Combine(_packages.PackagesFolder, "kapi", _packages.Version.ToLowerInvariant(), "build", "Kapi.props"),
            spec["DefiningProjectFullPath"]);
        Assert.DoesNotContain(items["None"], i => i["Identity"].EndsWith(".kapi", StringComparison.Ordinal));

        // EmitCompilerGeneratedFiles shows the generator's output on disk.
        Assert.Equal(
            new[] { "Kapi.KernelApiSpecs.g.cs", "Kapi.Spec.SysClose.g.cs", "Kapi.Spec.SysMlockall.g.cs", "Kapi.Spec.SysMunlockall.g.cs" },
            app.GeneratedFiles().Where(f => !f.StartsWith("Kapi.Runtime.", StringComparison.Ordinal)));
        Assert.Contains("namespace Consumer.Native", app.Read("obj/Debug/net10.0/generated/Kapi.Generators/Kapi.Generators.KapiGenerator/Kapi.Spec.SysMlockall.g.cs"), StringComparison.Ordinal);

        // The program runs against this machine's kernel. 0x40 is outside MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT.
        var run = app.DotNet("run", "--", "64");
        Check.Succeeded(run);
        if (MemoryLocking.CanLockAll)
        {
            Check.Contains("mlockall(MCL_CURRENT | MCL_ONFAULT) -> Success", run);
            Check.Contains("munlockall() -> Success", run);
        }
        else
        {
            // Without CAP_IPC_LOCK and a large enough RLIMIT_MEMLOCK the kernel refuses: still its answer.
            Assert.True(run.Output.Contains("-> Error(EPERM", StringComparison.Ordinal) || run.Output.Contains("-> Error(ENOMEM", StringComparison.Ordinal), run.ToString());
        }
        Check.Contains("mlockall(64) -> Error(EINVAL, errno 22, rejected before the call), error EINVAL", run);
        Check.Contains("spec: Lock all process pages in memory", run);
        for (int i = 0; i < 3; i++) Check.Contains($"close(1000000) #{i} -> Error(EBADF, errno 9)", run);

        // KapiRuntime=source (internal bindings): the runtime types are compiled into the app, nothing of Kapi ships.
        AssertNoKapiRuntime(app, "Bindings");
        Assert.Contains("Kapi.Runtime.SyscallResult.g.cs", app.GeneratedFiles());
    }

    /// <summary>Neither bin/ nor deps.json has anything of Kapi.</summary>
    private static void AssertNoKapiRuntime(Consumer app, string assemblyName, string targetFramework = "net10.0")
    {
        string bin = app.PathOf($"bin/Debug/{targetFramework}");
        Assert.Empty(Directory.GetFiles(bin, "Kapi*"));
        string deps = File.ReadAllText(Path.Combine(bin, assemblyName + ".deps.json"));
        Assert.DoesNotContain("Kapi.Runtime", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Kapi/", deps, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_mlockall_call_reports_KAPI2001_at_its_file_line_and_column()
    {
        var app = NewConsumer("wrong-call")
            .Project("WrongCall")
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .File("Program.cs", """
                using System;
                using Kapi.Generated;

                internal static class Program
                {
                    private static void Main()
                    {
                        var ok = Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_FUTURE);
                        var wrong = Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | (MlockallFlags)8);
                        Console.WriteLine(ok.ToString() + wrong.ToString());
                    }
                }
                """);

        var build = app.DotNet("build", "-nologo");
        Check.Succeeded(build);
        var (line, column) = app.Locate("Program.cs", "MlockallFlags.MCL_CURRENT | (MlockallFlags)8");
        Check.Contains($"{app.PathOf("Program.cs")}({line},{column}): warning KAPI2001: sys_mlockall: the value passed for 'flags' sets bit(s) 0x8 outside the valid mask 0x7", build);
        Check.DoesNotContain($"{app.PathOf("Program.cs")}({line - 1},", build);
    }

    [Fact]
    public void Error_in_a_kapi_file_is_reported_at_its_line_and_column_in_that_file()
    {
        var app = NewConsumer("spec-error")
            .Project("SpecError")
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .File("kapi/drafts/draft.kapi", "DEFINE_KERNEL_API_SPEC(sys_example)\n\tKAPI_BOGUS(1)\nKAPI_END_SPEC;\n")
            .File("Program.cs", """
                internal static class Program
                {
                    private static void Main() => Kapi.Generated.Syscalls.Mlockall(Kapi.Generated.MlockallFlags.MCL_CURRENT);
                }
                """);

        var build = app.DotNet("build", "-nologo");
        Check.Failed(build);
        Check.Contains($"{app.PathOf("kapi/drafts/draft.kapi")}(2,2): error KAPI0104: Unknown macro 'KAPI_BOGUS'", build);
        // The broken file generates nothing, the good one still does: no compiler error.
        Check.DoesNotContain("error CS", build);
    }

    [Fact]
    public void Dotnet_format_applies_the_code_fix_and_the_project_then_builds_without_the_warning()
    {
        var app = NewConsumer("format")
            .Project("Format")
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .File("Program.cs", """
                using System;
                using Kapi.Generated;

                internal static class Program
                {
                    private static void Main()
                    {
                        var typed = Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | (MlockallFlags)8);
                        var raw = Syscalls.Mlockall(1 | 8);
                        Console.WriteLine(typed.ToString() + raw.ToString());
                    }
                }
                """);

        var before = app.DotNet("build", "-nologo");
        Check.Succeeded(before);
        Check.Contains("warning KAPI2001", before);

        var format = app.DotNet("format", "analyzers", "--diagnostics", "KAPI2001");
        Check.Succeeded(format);
        var text = app.Read("Program.cs");
        Assert.Contains("var typed = Syscalls.Mlockall(MlockallFlags.MCL_CURRENT);", text, StringComparison.Ordinal);
        Assert.Contains("var raw = Syscalls.Mlockall(1);", text, StringComparison.Ordinal);

        var after = app.DotNet("build", "-nologo", "--no-incremental");
        Check.Succeeded(after);
        Check.DoesNotContain("KAPI2001", after);
        Check.Contains("0 Warning(s)", after);
    }

    [Fact]
    public void Dotnet_format_fixes_every_fixable_call_when_the_first_KAPI2001_has_no_fix()
    {
        // README's own mlockall(8) has no fix (nothing valid would remain) and comes first (in each file, whichever
        // dotnet format takes first): it asks Fix All with no equivalence key then. Every later fixable call must still
        // be fixed; the unfixable ones stay.
        var app = NewConsumer("format-first-unfixable")
            .Project("FormatFirstUnfixable", "<KapiTargetArchitectures>x64</KapiTargetArchitectures>")
            .File("Native.cs", """
                using System.Runtime.InteropServices;

                internal static class Native
                {
                    public const int MCL_CURRENT = 1, MCL_FUTURE = 2;

                    [DllImport("libc")]
                    public static extern int mlockall(int flags);
                }
                """)
            .File("Program.cs", """
                internal static class Program
                {
                    private static void Main()
                    {
                        Native.mlockall(8);
                        Native.mlockall(Native.MCL_CURRENT | 0x40);
                        Native.mlockall(0xB);
                    }
                }
                """)
            .File("Other.cs", """
                internal static class Other
                {
                    internal static int Unfixable() => Native.mlockall(0x10);

                    internal static int Lock() => Native.mlockall(Native.MCL_FUTURE | 0x80);
                }
                """);

        var format = app.DotNet("format", "analyzers", "--diagnostics", "KAPI2001", "-v", "diag");
        Check.Succeeded(format);
        Check.DoesNotContain("didn't return a Fix All action", format);
        var program = app.Read("Program.cs");
        Assert.Contains("Native.mlockall(8);", program, StringComparison.Ordinal);
        Assert.Contains("Native.mlockall(Native.MCL_CURRENT);", program, StringComparison.Ordinal);
        Assert.Contains("Native.mlockall(Native.MCL_CURRENT | Native.MCL_FUTURE);", program, StringComparison.Ordinal);
        var other = app.Read("Other.cs");
        Assert.Contains("Native.mlockall(0x10);", other, StringComparison.Ordinal);
        Assert.Contains("Native.mlockall(Native.MCL_FUTURE);", other, StringComparison.Ordinal);

        // Only the unfixable calls are still reported (the build lists each warning twice: as it goes and at the end).
        var build = app.DotNet("build", "-nologo", "--no-incremental");
        Check.Succeeded(build);
        var (line, column) = app.Locate("Program.cs", "8);");
        Check.Contains($"{app.PathOf("Program.cs")}({line},{column}): warning KAPI2001", build);
        var warnings = build.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("warning KAPI2001", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public void Project_without_a_kapi_folder_gets_KAPI2001_on_its_own_DllImport_from_the_built_in_specs()
    {
        var app = NewConsumer("no-kapi-folder")
            .Project("NoKapiFolder", """
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <KapiTargetArchitectures>x64;arm64</KapiTargetArchitectures>
                """)
            .File("Program.cs", """
                using System.Runtime.InteropServices;

                internal static class Native
                {
                    private const int MCL_CURRENT = 1, MCL_FUTURE = 2;

                    [DllImport("libc", SetLastError = true)]
                    private static extern int mlockall(int flags);

                    private static void Main()
                    {
                        mlockall(MCL_CURRENT | 8);
                        mlockall(MCL_CURRENT | MCL_FUTURE);
                    }
                }
                """);
        Assert.False(Directory.Exists(app.PathOf("kapi")));

        var build = app.DotNet("build", "-nologo");
        Check.Succeeded(build);
        var (line, column) = app.Locate("Program.cs", "MCL_CURRENT | 8");
        Check.Contains($"{app.PathOf("Program.cs")}({line},{column}): warning KAPI2001: sys_mlockall: the value passed for 'flags' sets bit(s) 0x8 outside the valid mask 0x7", build);
        Check.DoesNotContain($"{app.PathOf("Program.cs")}({line + 1},", build);
        // No spec of its own: nothing generated, and nothing of Kapi at run time (analyzers only).
        Assert.Empty(app.GeneratedFiles());
        AssertNoKapiRuntime(app, "NoKapiFolder");
        // Kapi.targets hands the analyzers a comma list (';' would start a comment in the generated .editorconfig).
        string editorConfig = app.PathOf("obj/Debug/net10.0/NoKapiFolder.GeneratedMSBuildEditorConfig.editorconfig");
        Assert.Contains("build_property.KapiTargetArchitectures = x64,arm64", File.ReadAllText(editorConfig), StringComparison.Ordinal);

        // On the command line (a global property) the list needs %3B, since -p: splits at ';' and ','.
        var global = app.DotNet("build", "-nologo", "-p:KapiTargetArchitectures=x64%3Bppc64le");
        Check.Succeeded(global);
        Assert.Contains("build_property.KapiTargetArchitectures = x64,ppc64le", File.ReadAllText(editorConfig), StringComparison.Ordinal);

        // RuntimeIdentifiers reaches the analyzers the same way, as KapiRuntimeIdentifiers (RuntimeIdentifiers itself,
        // which the SDK reads, is left alone). Only the target that hands it over is run: a build with several RIDs
        // would restore a runtime pack per RID.
        var rids = app.DotNet("msbuild", "-nologo", "-t:_KapiNormalizeTargetArchitectures", "-getProperty:KapiRuntimeIdentifiers", "-getProperty:RuntimeIdentifiers", "-p:RuntimeIdentifiers=linux-x64%3Blinux-arm64");
        Check.Succeeded(rids);
        Check.Contains("\"KapiRuntimeIdentifiers\": \"linux-x64,linux-arm64\"", rids);
        Check.Contains("\"RuntimeIdentifiers\": \"linux-x64;linux-arm64\"", rids);
    }

    [Fact]
    public void On_linux_x64_the_compiler_gets_the_ReadyToRun_copies_and_KapiReadyToRun_false_the_plain_assemblies()
    {
        var app = NewConsumer("ready-to-run")
            .Project("ReadyToRun")
            .File("Program.cs", """
                using System.Runtime.InteropServices;

                internal static class Native
                {
                    [DllImport("libc", SetLastError = true)]
                    private static extern int mlockall(int flags);

                    private static int Main() => mlockall(8);
                }
                """);
        bool linuxX64 = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64;
        string expected = linuxX64 ? "/build/readytorun/linux-x64/" : "/analyzers/dotnet/cs/";

        // The analyzers of the build (run in a fresh compiler process, as CI builds) are the precompiled copies and work.
        var build = app.DotNet("build", "-nologo", "-p:UseSharedCompilation=false");
        Check.Succeeded(build);
        Check.Contains("warning KAPI2001: sys_mlockall: the value passed for 'flags' sets bit(s) 0x8 outside the valid mask 0x7", build);
        Assert.Equal(5, KapiAnalyzers(app).Count(a => a.Replace('\\', '/').Contains(expected, StringComparison.Ordinal)));
        Assert.Equal(5, KapiAnalyzers(app, "-p:KapiReadyToRun=false").Count(a => a.Replace('\\', '/').Contains("/analyzers/dotnet/cs/", StringComparison.Ordinal)));
    }

    /// <summary>The compiler's Analyzer items that come from the Kapi package.</summary>
    private static List<string> KapiAnalyzers(Consumer app, params string[] extra)
    {
        var arguments = new List<string> { "msbuild", "-nologo", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer" };
        arguments.AddRange(extra);
        var result = app.DotNet(arguments.ToArray());
        Check.Succeeded(result);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(a => a.GetProperty("FullPath").GetString()!)
            .Where(a => Path.GetFileName(a).StartsWith("Kapi.", StringComparison.Ordinal))
            .ToList();
    }

    [Fact]
    public void KapiAutoIncludeSpecs_false_turns_the_kapi_folder_off_and_KapiSpec_items_add_specs_from_elsewhere()
    {
        var app = NewConsumer("opt-out")
            .Project("OptOut", """
                <KapiAutoIncludeSpecs>false</KapiAutoIncludeSpecs>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                """, """
                <AdditionalFiles Include="elsewhere/x.kapi" KapiSpec="true" />
                """)
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .Spec("kapi/mm/munlockall.kapi", "elsewhere/x.kapi")
            .File("Program.cs", """
                internal static class Program
                {
                    private static void Main() => System.Console.WriteLine(Kapi.Generated.Syscalls.Munlockall());
                }
                """);

        var build = app.DotNet("build", "-nologo");
        Check.Succeeded(build);
        Assert.Equal(new[] { "Kapi.KernelApiSpecs.g.cs", "Kapi.Spec.SysMunlockall.g.cs" }, app.GeneratedFiles().Where(f => !f.StartsWith("Kapi.Runtime.", StringComparison.Ordinal)));
        var items = app.GetItems(null, "AdditionalFiles");
        var spec = Assert.Single(items["AdditionalFiles"], i => i["Identity"].EndsWith(".kapi", StringComparison.Ordinal));
        Assert.Equal("elsewhere/x.kapi", spec["Identity"]);
        Assert.Equal("true", spec["KapiSpec"]);
    }

    [Fact]
    public void KapiSpecDirectory_set_in_the_project_body_moves_the_spec_folder_and_keeps_it_out_of_None()
    {
        // Kapi.props runs before the project body: its DefaultItemExcludes still names kapi/. The AdditionalFiles
        // item (items see every property) and the None Remove in Kapi.targets see the body's value.
        var app = NewConsumer("spec-directory")
            .Project("SpecDirectory", "<KapiSpecDirectory>specs</KapiSpecDirectory>")
            .Spec("kapi/mm/munlockall.kapi", "specs/mm/munlockall.kapi")
            .File("Program.cs", """
                internal static class Program
                {
                    private static void Main() => System.Console.WriteLine(Kapi.Generated.Syscalls.Munlockall());
                }
                """);

        Check.Succeeded(app.DotNet("build", "-nologo"));
        var items = app.GetItems(null, "AdditionalFiles", "None");
        var spec = Assert.Single(items["AdditionalFiles"], i => i["Identity"].EndsWith(".kapi", StringComparison.Ordinal));
        Assert.Equal(app.PathOf("specs/mm/munlockall.kapi"), spec["FullPath"]);
        Assert.DoesNotContain(items["None"], i => i["Identity"].EndsWith(".kapi", StringComparison.Ordinal));
    }

    [Fact]
    public void Library_multi_targeting_net8_and_net10_carries_the_runtime_to_its_consumers()
    {
        // A library that uses Kapi (net8.0 and net10.0: both lib/ folders of the package), and an app that only
        // references the library. The app gets Kapi.Runtime through the library; the package has no
        // buildTransitive/, so the app's own kapi/ folder is not picked up (README: add a direct PackageReference).
        var lib = NewConsumer("library/Lib")
            .Project("Lib", "<KapiVisibility>public</KapiVisibility><TreatWarningsAsErrors>true</TreatWarningsAsErrors>", targetFramework: "net10.0;net8.0", outputType: "Library")
            .Spec("kapi/mm/mlockall.kapi", "kapi/mm/mlockall.kapi")
            .File("Locker.cs", """
                namespace Lib;

                public static class Locker
                {
                    public static string Probe() =>
                        Kapi.Generated.Syscalls.Mlockall(Kapi.Generated.MlockallFlags.MCL_CURRENT | Kapi.Generated.MlockallFlags.MCL_ONFAULT).ToString();
                }
                """);
        var app = NewConsumer("library/App")
            .File("App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../Lib/Lib.csproj" />
                  </ItemGroup>
                </Project>
                """)
            .Spec("kapi/mm/munlockall.kapi", "kapi/mm/munlockall.kapi")
            .File("Program.cs", """
                System.Console.WriteLine("probe: " + Lib.Locker.Probe());
                System.Console.WriteLine("runtime: " + typeof(Kapi.Runtime.KapiArchitecture).Assembly.GetName().Name);
                """);

        var libBuild = lib.DotNet("build", "-nologo");
        Check.Succeeded(libBuild);
        Assert.True(File.Exists(lib.PathOf("bin/Debug/net8.0/Lib.dll")), libBuild.ToString());
        Assert.True(File.Exists(lib.PathOf("bin/Debug/net10.0/Lib.dll")), libBuild.ToString());

        var run = app.DotNet("run");
        Check.Succeeded(run);
        Check.Contains("runtime: Kapi.Runtime", run);
        Check.Contains(MemoryLocking.CanLockAll ? "probe: Success" : "probe: Error(", run);
        Assert.DoesNotContain(app.GetItems(null, "AdditionalFiles")["AdditionalFiles"], i => i["Identity"].EndsWith(".kapi", StringComparison.Ordinal));
    }
}
