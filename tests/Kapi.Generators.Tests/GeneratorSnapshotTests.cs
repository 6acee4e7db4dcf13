using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kapi.Generators.Tests.Infrastructure;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// Snapshots of the generated sources (Snapshots/GeneratorSnapshotTests.{Method}#{hint}.verified.cs). Each test
/// also checks that the generator did not fail and that its output compiles with no warnings.
/// Accept intended changes with KAPI_ACCEPT_SNAPSHOTS=1.
/// </summary>
[Collection("Snapshots")]
public class GeneratorSnapshotTests
{
    private const string Class = nameof(GeneratorSnapshotTests);

    private static readonly Dictionary<string, string> s_public = new() { ["KapiVisibility"] = "public" };

    private static void Check(GeneratorRun run, string method)
    {
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, method);
        SnapshotAssert.Verify(run, Class, method: method);
    }

    private static GeneratorRun Corpus(string file, Dictionary<string, string>? properties = null) =>
        GeneratorHarness.Run(new[] { ("/corpus/" + file, File.ReadAllText(Path.Combine(RepoPaths.CorpusDirectory, file))) }, properties ?? s_public);

    private static GeneratorRun Synthetic(string name, string text, Dictionary<string, string>? properties = null) =>
        GeneratorHarness.Run(new[] { ($"/specs/{name}.kapi", text) }, properties ?? s_public);

    [CorpusFact]
    public void Mlockall_Rfc1() => Check(Corpus("sys_mlockall.rfc1.kapi"), nameof(Mlockall_Rfc1));

    [CorpusFact]
    public void Munlockall_Rfc2() => Check(Corpus("sys_munlockall.rfc2.kapi"), nameof(Munlockall_Rfc2));

    [CorpusFact]
    public void EpollCtl_FileDescriptorsAndPointers() => Check(Corpus("sys_epoll_ctl.rfc2.kapi"), nameof(EpollCtl_FileDescriptorsAndPointers));

    [CorpusFact]
    public void Ioctl_MetadataOnly() => Check(Corpus("binder_version.rfc2.kapi"), nameof(Ioctl_MetadataOnly));

    [CorpusFact]
    public void Sysfs_MetadataOnly() => Check(Corpus("sysfs-format.kapi"), nameof(Sysfs_MetadataOnly));

    [Fact]
    public void OpenAt_TranslationEnumFieldRangeAndFd() => Check(Synthetic("openat", TestSpecs.OpenAt), nameof(OpenAt_TranslationEnumFieldRangeAndFd));

    [Fact]
    public void Madvise_PlainEnum() => Check(Synthetic("madvise", TestSpecs.Madvise), nameof(Madvise_PlainEnum));

    [Fact]
    public void GetPid_NoParametersValueResult() => Check(Synthetic("getpid", TestSpecs.GetPid), nameof(GetPid_NoParametersValueResult));

    [Fact]
    public void Hostile_SpecTextIsEscaped() => Check(Synthetic("hostile", TestSpecs.Hostile), nameof(Hostile_SpecTextIsEscaped));

    /// <summary>
    /// kapi/fs/read.kapi and write.kapi in a compilation with AllowUnsafeBlocks: the nint overloads as without it,
    /// plus Span overloads (Span&lt;byte&gt; for read's OUT buffer, ReadOnlySpan&lt;byte&gt; for write's IN buffer).
    /// </summary>
    [Fact]
    public void ReadWrite_SpanOverloads_AllowUnsafe() => Check(
        GeneratorHarness.Run(
            new[] { "read.kapi", "write.kapi" }.Select(f => ("/kapi/fs/" + f, File.ReadAllText(Path.Combine(RepoPaths.KapiDirectory, "fs", f)))),
            s_public,
            allowUnsafe: true),
        nameof(ReadWrite_SpanOverloads_AllowUnsafe));

    [Fact]
    public void Options_NamespaceClassInternalNoValidation() => Check(
        Synthetic("madvise", TestSpecs.Madvise, new Dictionary<string, string>
        {
            ["KapiNamespace"] = "My.Native",
            ["KapiClassName"] = "Linux",
            ["KapiVisibility"] = "internal",
            ["KapiRuntimeValidation"] = "false",
        }),
        nameof(Options_NamespaceClassInternalNoValidation));
}
