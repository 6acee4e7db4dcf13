using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Kapi.Analyzers.Specs;
using Kapi.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kapi.Analyzers.Tests.Specs;

/// <summary>The repository's kapi/ specs embedded in the analyzer, and the real analyzer with zero configuration.</summary>
public class BuiltInLibraryTests
{
    [Fact]
    public void Every_repository_spec_is_embedded()
    {
        var root = Path.Combine(TestReferences.RepositoryRoot, "kapi");
        var files = Directory.EnumerateFiles(root, "*.kapi", SearchOption.AllDirectories)
            .Select(f => "kapi/" + Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(files);
        Assert.Equal(files, BuiltInSpecLibrary.ResourceNames.ToArray());
    }

    [Fact]
    public void Built_in_specs_parse_without_errors()
    {
        foreach (var model in BuiltInSpecLibrary.Models)
        {
            Assert.True(!model.HasErrors, model.Path + ": " + string.Join("; ", model.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
            Assert.NotEmpty(model.Specs);
        }
    }

    [Fact]
    public void Mlockall_has_valid_and_required_masks_per_architecture()
    {
        Assert.True(BuiltInSpecLibrary.Catalog.TryGetSyscall("mlockall", out var spec));
        var flags = Assert.Single(spec.Params);
        Assert.Equal(0x7, flags.ValidMask!.X64);
        Assert.Equal(0xE000, flags.ValidMask.Ppc64le);
        Assert.Equal(0x3, flags.RequiredMask!.X64);
        Assert.Equal(new[] { "MCL_CURRENT", "MCL_FUTURE", "MCL_ONFAULT" }, flags.MaskFlags.Select(f => f.Name).ToArray());
    }

    [Fact]
    public Task Zero_configuration_checks_mlockall() => new RealFlagsTest(Sources.Native, """
        class C
        {
            void M()
            {
                Native.mlockall(Native.MCL_CURRENT | Native.MCL_FUTURE);
                Native.mlockall({|KAPI2001:8|});
                Native.mlockall({|KAPI2002:0|});
                Native.mlockall({|KAPI2002:Native.MCL_ONFAULT|});
                Native.mlock2(System.IntPtr.Zero, System.UIntPtr.Zero, Native.MLOCK_ONFAULT);
                Native.mlock2(System.IntPtr.Zero, System.UIntPtr.Zero, {|KAPI2001:{|KAPI2005:Native.MCL_ONFAULT|}|});
            }
        }
        """).WithRuntimeIdentifier("linux-x64").RunAsync();

    [Fact]
    public Task Zero_configuration_checks_open_with_its_access_mode_field() => new RealFlagsTest(Sources.Native, """
        class C
        {
            const int O_RDONLY = 0, O_RDWR = 2, O_CREAT = 0x40, O_CLOEXEC = 0x80000, O_DIRECTORY = 0x10000;

            void M()
            {
                Native.open("/etc/passwd", O_RDONLY | O_CLOEXEC, 0);
                Native.open("/tmp/x", O_RDWR | O_CREAT, 0x1A4);
                Native.open("/tmp", O_RDONLY | O_DIRECTORY, 0);
                Native.open("/tmp/x", {|KAPI2001:O_RDWR | 0x40000000|}, 0);
            }
        }
        """).WithRuntimeIdentifier("linux-x64").RunAsync();

    [Fact]
    public Task Zero_configuration_with_Tmds_and_Mono()
    {
        var test = new RealFlagsTest("""
            using Tmds.Linux;
            using Mono.Unix.Native;

            class C
            {
                void M()
                {
                    LibC.mlockall(LibC.MCL_CURRENT | LibC.MCL_FUTURE);
                    LibC.mlockall({|KAPI2002:LibC.MCL_ONFAULT|});
                    Syscall.mlockall(MlockallFlags.MCL_CURRENT);
                    Syscall.mlockall({|KAPI2001:(MlockallFlags)4|});
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(TestReferences.TmdsLibC);
        test.TestState.AdditionalReferences.Add(TestReferences.MonoPosix);
        return test.RunAsync();
    }

    [Fact]
    public Task Spec_from_additional_files_replaces_the_built_in_one()
    {
        var test = new RealFlagsTest(Sources.Native, """
            class C
            {
                void M()
                {
                    Native.mlockall(Native.MCL_CURRENT);
                    Native.mlockall({|KAPI2001:Native.MCL_FUTURE|});
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/kapi/mm/mlockall.kapi", """
            DEFINE_KERNEL_API_SPEC(sys_mlockall)
            	KAPI_PARAM(0, "flags", "int", "Only MCL_CURRENT in this project")
            		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
            		KAPI_PARAM_VALID_MASK(MCL_CURRENT)
            	KAPI_PARAM_END
            KAPI_END_SPEC;

            """));
        return test.WithRuntimeIdentifier("linux-x64").RunAsync();
    }

    [Fact]
    public Task Spec_from_additional_files_adds_a_syscall()
    {
        var test = new RealFlagsTest("""
            using System.Runtime.InteropServices;

            static class N
            {
                [DllImport("libc")] static extern int eventfd(uint initval, int flags);

                static void M()
                {
                    eventfd(0, 0x80000);
                    eventfd(0, {|KAPI2001:0x10|});
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/specs/eventfd.kapi", """
            DEFINE_KERNEL_API_SPEC(sys_eventfd)
            	KAPI_PARAM(0, "initval", "unsigned int", "Initial value")
            	KAPI_PARAM_END
            	KAPI_PARAM(1, "flags", "int", "EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE")
            		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
            		KAPI_PARAM_VALID_MASK(O_CLOEXEC | O_NONBLOCK | 1)
            	KAPI_PARAM_END
            KAPI_END_SPEC;

            """));
        return test.WithRuntimeIdentifier("linux-x64").RunAsync();
    }

    private sealed class RealFlagsTest : KapiAnalyzerTest<KapiFlagsAnalyzer>
    {
        public RealFlagsTest(params string[] sources)
        {
            foreach (var source in sources) TestState.Sources.Add(source);
        }
    }
}
