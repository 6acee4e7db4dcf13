using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Kapi.Generators.Tests.Infrastructure;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// The Span overloads for user byte buffers: emitted only when the compilation allows unsafe code, only for byte
/// buffers with a length parameter, and they work against the real kernel (a pipe written through the
/// ReadOnlySpan overload of write and read back through the Span overload of read).
/// </summary>
public class SpanOverloadTests
{
    private static readonly Dictionary<string, string> s_public = new() { ["KapiVisibility"] = "public" };

    private static (string Path, string Text) Repo(string relative) =>
        ("/kapi/" + relative, File.ReadAllText(Path.Combine(RepoPaths.KapiDirectory, relative)));

    private static readonly (string Path, string Text)[] s_readWrite = { Repo("fs/read.kapi"), Repo("fs/write.kapi") };

    /// <summary>Compiled beside the bindings: reflection cannot pass a span, this code can.</summary>
    private const string Driver = """
        using System;
        using Kapi.Generated;
        using Kapi.Runtime;

        namespace SpanDriver
        {
            public static class Pipe
            {
                public static object Write(int fd, byte[] data) => Syscalls.Write(new FileDescriptor(fd), new ReadOnlySpan<byte>(data));

                public static object Read(int fd, byte[] buffer, int offset, int length) => Syscalls.Read(new FileDescriptor(fd), buffer.AsSpan(offset, length));

                public static long WriteOrThrow(int fd, byte[] data) => Syscalls.WriteOrThrow(new FileDescriptor(fd), (ReadOnlySpan<byte>)data);

                public static long ReadOrThrow(int fd, byte[] buffer) => Syscalls.ReadOrThrow(new FileDescriptor(fd), buffer.AsSpan());
            }
        }
        """;

    [DllImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static extern int Pipe(int[] fds);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    [Fact]
    public void WithoutAllowUnsafe_NoSpanOverload()
    {
        var run = GeneratorHarness.Run(s_readWrite, s_public);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, "read/write");
        foreach (var source in run.Sources.Select(s => s.SourceText.ToString()))
        {
            Assert.DoesNotContain("Span<byte>", source, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe", source, StringComparison.Ordinal);
            Assert.DoesNotContain("fixed (", source, StringComparison.Ordinal);
        }
        // The nint overloads are there.
        Assert.Contains("Read(global::Kapi.Runtime.FileDescriptor fd, nint buf, nuint count)", run.Source("Kapi.Spec.SysRead.g.cs"), StringComparison.Ordinal);
        Assert.Contains("Write(global::Kapi.Runtime.FileDescriptor fd, nint buf, nuint count)", run.Source("Kapi.Spec.SysWrite.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void WithAllowUnsafe_NintOverloadsUnchanged_SpanOverloadsAdded()
    {
        var safe = GeneratorHarness.Run(s_readWrite, s_public);
        var run = GeneratorHarness.Run(s_readWrite, s_public, allowUnsafe: true);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, "read/write, AllowUnsafeBlocks");

        var read = run.Source("Kapi.Spec.SysRead.g.cs");
        var write = run.Source("Kapi.Spec.SysWrite.g.cs");
        Assert.Contains("public static unsafe global::Kapi.Runtime.SyscallResult<nint, ReadError> Read(global::Kapi.Runtime.FileDescriptor fd, global::System.Span<byte> buf)", read, StringComparison.Ordinal);
        Assert.Contains("public static unsafe nint ReadOrThrow(global::Kapi.Runtime.FileDescriptor fd, global::System.Span<byte> buf)", read, StringComparison.Ordinal);
        Assert.Contains("public static unsafe global::Kapi.Runtime.SyscallResult<nint, WriteError> Write(global::Kapi.Runtime.FileDescriptor fd, global::System.ReadOnlySpan<byte> buf)", write, StringComparison.Ordinal);
        Assert.Contains("public static unsafe nint WriteOrThrow(global::Kapi.Runtime.FileDescriptor fd, global::System.ReadOnlySpan<byte> buf)", write, StringComparison.Ordinal);

        // Removing the added members gives back the safe output, byte for byte: nothing else changed.
        foreach (var hint in new[] { "Kapi.Spec.SysRead.g.cs", "Kapi.Spec.SysWrite.g.cs" })
        {
            Assert.Equal(safe.Source(hint), RemoveSpanOverloads(run.Source(hint)));
        }
        Assert.Equal(safe.Source("Kapi.KernelApiSpecs.g.cs"), run.Source("Kapi.KernelApiSpecs.g.cs"));
    }

    /// <summary>Drops each member whose signature is <c>unsafe</c>, with its documentation and attributes and the blank line before it.</summary>
    private static string RemoveSpanOverloads(string source)
    {
        var lines = source.Split('\n').ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Contains("public static unsafe ", StringComparison.Ordinal)) continue;
            int start = i;
            while (start > 0 && (lines[start - 1].TrimStart().StartsWith("///", StringComparison.Ordinal) || lines[start - 1].TrimStart().StartsWith("[", StringComparison.Ordinal))) start--;
            int indent = lines[i].Length - lines[i].TrimStart().Length;
            int end = i + 1;
            while (!(lines[end].Length > indent && lines[end][indent] == '}' && lines[end].Trim() == "}")) end++;
            Assert.Equal(string.Empty, lines[start - 1]);
            lines.RemoveRange(start - 1, end - start + 2);
            i = start - 2;
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public void OnlyByteBuffersWithALengthParameter()
    {
        var run = GeneratorHarness.Run(new[] { Repo("epoll/epoll_wait.kapi"), Repo("mm/mlockall.kapi"), Repo("mm/madvise.kapi") }, s_public, allowUnsafe: true);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, "epoll_wait/mlockall/madvise, AllowUnsafeBlocks");
        // epoll_wait's buffer is struct epoll_event __user * (element size from .size_multiplier): no span.
        // mlockall has no buffer; madvise's addr has no size parameter index (its length is not a buffer length).
        foreach (var source in run.Sources.Select(s => s.SourceText.ToString()))
        {
            Assert.DoesNotContain("Span<byte>", source, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe", source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IntLength_SharedLength_AndDirection()
    {
        // A synthetic call: an int-sized OUT void buffer, an IN const buffer without direction flags, and two
        // buffers that share one length (neither gets a span; the length has more than one role).
        const string spec = """
            DEFINE_KERNEL_API_SPEC(sys_kapi_spans)
            	KAPI_DESCRIPTION("Span test <call> & \"quotes\"")
            	KAPI_PARAM(0, "out", "void __user *", "Receives <bytes>")
            		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT | KAPI_PARAM_USER)
            		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
            		KAPI_PARAM_SIZE_PARAM_IDX(1)
            	KAPI_PARAM_END
            	KAPI_PARAM(1, "outlen", "int", "Length of out")
            		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
            		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
            	KAPI_PARAM_END
            	KAPI_PARAM(2, "in", "const unsigned char __user *", "Input & more")
            		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
            		KAPI_PARAM_SIZE_PARAM_IDX(3)
            	KAPI_PARAM_END
            	KAPI_PARAM(3, "inlen", "unsigned int", "Length of in")
            		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
            		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
            	KAPI_PARAM_END
            	KAPI_PARAM(4, "a", "char __user *", "First shared")
            		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT)
            		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
            		KAPI_PARAM_SIZE_PARAM_IDX(6)
            	KAPI_PARAM_END
            	KAPI_PARAM(5, "b", "char __user *", "Second shared")
            		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT)
            		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
            		KAPI_PARAM_SIZE_PARAM_IDX(6)
            	KAPI_PARAM_END
            	KAPI_PARAM(6, "len", "size_t", "Shared length")
            		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
            		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
            	KAPI_PARAM_END
            	KAPI_PARAM(7, "flags", "int", "Flags")
            		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
            		.type = KAPI_TYPE_INT,
            		.constraint_type = KAPI_CONSTRAINT_MASK,
            		.valid_mask = MCL_CURRENT | MCL_FUTURE,
            	KAPI_PARAM_END
            	KAPI_RETURN("long", "Bytes")
            		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
            	KAPI_RETURN_END
            KAPI_END_SPEC;
            """;
        var run = GeneratorHarness.Run(new[] { ("/specs/spans.kapi", spec) }, s_public, allowUnsafe: true);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        GeneratorHarness.AssertCompilesClean(run, "spans");
        var source = run.Source("Kapi.Spec.SysKapiSpans.g.cs");
        // The flag parameter keeps its enum and its [KapiFlags] (the analyzer's marker) in the Span overload.
        Assert.Contains("KapiSpans(global::System.Span<byte> @out, global::System.ReadOnlySpan<byte> @in, nint a, nint b, nuint len, [global::Kapi.Runtime.KapiFlags(\"sys_kapi_spans\", \"flags\", ValidMask = 0x3L, FlagPrefix = \"MCL_\")] KapiSpansFlags flags)", source, StringComparison.Ordinal);
        Assert.Contains("fixed (byte* __out = @out, __in = @in)", source, StringComparison.Ordinal);
        Assert.Contains("return KapiSpans((nint)__out, @out.Length, (nint)__in, (uint)@in.Length, a, b, len, flags);", source, StringComparison.Ordinal);
        Assert.Contains("KapiSpansOrThrow((nint)__out, @out.Length, (nint)__in, (uint)@in.Length, a, b, len, flags);", source, StringComparison.Ordinal);
        Assert.Contains("Its length is passed as <c>outlen</c>.", source, StringComparison.Ordinal);
        Assert.Contains("Receives &lt;bytes&gt;.", source, StringComparison.Ordinal);
    }

    /// <summary>
    /// Against the real kernel: "hello" written into a pipe through the ReadOnlySpan overload of Write, read back
    /// through the Span overload of Read into a slice of a larger buffer (so the span's own address and length are
    /// what reaches the kernel), then the same through the OrThrow overloads.
    /// </summary>
    [Fact]
    public void Pipe_WriteReadOnlySpan_ReadSpan_RealKernel()
    {
        using var b = LoadedBindings.Compile(s_readWrite, allowUnsafe: true, sources: Driver);
        var syscalls = b.Type("Kapi.Generated.Syscalls");
        var read = syscalls.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(m => m.Name == "Read").ToList();
        Assert.Contains(read, m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(Kapi.Runtime.FileDescriptor), typeof(Span<byte>) }));
        var write = syscalls.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(m => m.Name == "Write").ToList();
        Assert.Contains(write, m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(Kapi.Runtime.FileDescriptor), typeof(ReadOnlySpan<byte>) }));

        var fds = new int[2];
        Assert.Equal(0, Pipe(fds));
        try
        {
            var hello = Encoding.ASCII.GetBytes("hello");
            var written = b.Call("SpanDriver.Pipe", "Write", fds[1], hello);
            Assert.True((bool)LoadedBindings.Get(written, "IsSuccess")!, written!.ToString());
            Assert.Equal((nint)5, LoadedBindings.Get(written, "Value"));

            var buffer = new byte[16];
            Array.Fill(buffer, (byte)'#');
            var got = b.Call("SpanDriver.Pipe", "Read", fds[0], buffer, 3, 8);
            Assert.True((bool)LoadedBindings.Get(got, "IsSuccess")!, got!.ToString());
            Assert.Equal((nint)5, LoadedBindings.Get(got, "Value"));
            Assert.Equal("###hello########", Encoding.ASCII.GetString(buffer));

            // The throwing overloads.
            Assert.Equal(5L, b.Call("SpanDriver.Pipe", "WriteOrThrow", fds[1], Encoding.ASCII.GetBytes("world")));
            var second = new byte[5];
            Assert.Equal(5L, b.Call("SpanDriver.Pipe", "ReadOrThrow", fds[0], second));
            Assert.Equal("world", Encoding.ASCII.GetString(second));

            // An empty span: length 0, nothing written.
            var empty = b.Call("SpanDriver.Pipe", "Write", fds[1], Array.Empty<byte>());
            Assert.Equal((nint)0, LoadedBindings.Get(empty, "Value"));
        }
        finally
        {
            Close(fds[0]);
            Close(fds[1]);
        }

        // A bad descriptor (-1: a closed number could be reused by a parallel test): the error comes back through the
        // Span overloads, typed and as the exception.
        var bad = b.Call("SpanDriver.Pipe", "Read", -1, new byte[4], 0, 4);
        Assert.True((bool)LoadedBindings.Get(bad, "IsError")!);
        Assert.Equal("EBADF", LoadedBindings.Get(bad, "Error")!.ToString());
        var ex = Assert.Throws<Kapi.Runtime.KapiSyscallException>(() => b.Call("SpanDriver.Pipe", "WriteOrThrow", -1, new byte[1]));
        Assert.Equal("EBADF", ex.ErrorName);
    }
}
