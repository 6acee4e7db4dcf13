using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kapi.Generators.Tests.Infrastructure;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// Specs in the kernel-doc form give the same kind of bindings as the macro form: one snapshot per dialect (RFC v3
/// flat keys, RFC PATCH v4 … PATCH v2 item blocks, PATCH v3+ tokens), each compiling with no warnings, and a C file
/// marked as a spec read like a .kapi file.
/// </summary>
[Collection("Snapshots")]
public class KerneldocGeneratorTests
{
    private const string Class = nameof(KerneldocGeneratorTests);

    private static readonly Dictionary<string, string> s_public = new() { ["KapiVisibility"] = "public" };

    private static string Kdoc(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.CorpusDir, "kdoc", file));

    /// <summary>A corpus kernel-doc spec as a .kapi file of the project (the extension the package picks up).</summary>
    private static GeneratorRun RunKdoc(string file) =>
        GeneratorHarness.Run(new[] { ("/kapi/" + Path.GetFileNameWithoutExtension(file) + ".kapi", Kdoc(file)) }, s_public);

    private static void Check(GeneratorRun run, string method)
    {
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, method);
        SnapshotAssert.Verify(run, Class, method: method);
    }

    [CorpusFact]
    public void Mlock_Rfc3_FlatKeys() => Check(RunKdoc("sys_mlock.rfc3.kdoc"), nameof(Mlock_Rfc3_FlatKeys));

    [CorpusFact]
    public void Read_Rfc5_ItemBlocks() => Check(RunKdoc("sys_read.rfc5.kdoc"), nameof(Read_Rfc5_ItemBlocks));

    [CorpusFact]
    public void Open_V4_Tokens() => Check(RunKdoc("sys_open.v4.kdoc"), nameof(Open_V4_Tokens));

    /// <summary>A kernel C file with ordinary code and kernel-doc around the spec, marked <c>KapiSpec="true"</c>.</summary>
    [Fact]
    public void C_file_marked_as_spec_gives_bindings_for_its_spec_comment_only()
    {
        const string source = """
            // SPDX-License-Identifier: GPL-2.0
            #include <linux/syscalls.h>

            /**
             * helper - an ordinary kernel-doc comment
             * @x: a value
             *
             * Return: x doubled. Context: any.
             */
            static int helper(int x)
            {
                return 2 * x;
            }

            /**
             * sys_getppid - Get the parent's process ID
             *
             * long-desc: Returns the process ID of the parent of the calling process.
             * contexts: process
             *
             * return:
             *   type: int
             *   check-type: range
             */
            SYSCALL_DEFINE0(getppid)
            {
                return task_tgid_vnr(rcu_dereference(current->real_parent));
            }
            """;
        var texts = new[] { (Microsoft.CodeAnalysis.AdditionalText)new InMemoryAdditionalText("/src/kernel/sys.c", source) };
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/src/kernel/sys.c"] = new Dictionary<string, string> { ["KapiSpec"] = "true" },
        };
        var driver = GeneratorHarness.CreateDriver(texts, new TestOptionsProvider(s_public, metadata));
        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, nameof(C_file_marked_as_spec_gives_bindings_for_its_spec_comment_only));
        var hints = run.Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Kapi.Spec.SysGetppid.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.Contains("Helper", System.StringComparison.Ordinal));
    }
}
