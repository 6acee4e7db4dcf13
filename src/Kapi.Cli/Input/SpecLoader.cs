using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Enumeration;
using System.Text;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;
using Kapi.Diagnostics;
using Kapi.Kerneldoc;
using Kapi.Text;
using Microsoft.Win32.SafeHandles;

namespace Kapi.Cli.Input;

/// <summary>
/// Finds and reads spec files. Never throws for I/O or content problems: every problem becomes a diagnostic
/// on the file (or on the path given on the command line).
/// </summary>
/// <remarks>
/// Built for whole kernel trees (55,000 C files, 1.5 GB): the files of a directory are read in parallel (at most one
/// reader per core) into pooled buffers, and a C source or header is first tested on its raw bytes
/// (<see cref="SpecPrefilter.MayContainSpec"/>). A C file the test rejects holds no spec of either form, so it is
/// neither validated as UTF-8, nor decoded, nor parsed: it is counted as a file and gets no diagnostic at all — not
/// the NUL (KAPI3003), invalid UTF-8 (KAPI3004) or size (KAPI0005) diagnostics a file that may hold a spec gets,
/// which would only be noise about C code that is not ours to check. Spec files (<c>.kapi</c>, <c>.kdoc</c> and any
/// file named on the command line whose extension is not <c>.c</c>/<c>.h</c>) are always read in full. Results keep
/// the ordinal path order whatever order the readers finish in.
/// </remarks>
public static class SpecLoader
{
    private static readonly string[] s_extensions = { ".kapi", ".kdoc", ".c", ".h" };

    private static readonly byte[] s_utf8Bom = { 0xEF, 0xBB, 0xBF };

    /// <summary>Files over this size are not parsed; the front end refuses them anyway (KAPI0005).</summary>
    public static int MaxFileSize { get; } = KapiParseOptions.DefaultMaxFileSize;

    /// <summary>
    /// C files up to this size are read and prefiltered even when they are over <see cref="MaxFileSize"/> (a kernel
    /// tree has generated register headers of 16 MB): one that cannot hold a spec gets no KAPI0005. Larger files are
    /// not read at all.
    /// </summary>
    public static int MaxPrefilteredFileSize { get; } = 64 * 1024 * 1024;

    public static bool IsSpecFileName(string path) => IsSpecFileName(path.AsSpan());

    private static bool IsSpecFileName(ReadOnlySpan<char> path)
    {
        foreach (var ext in s_extensions)
        {
            if (path.EndsWith(ext, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// Expands each path: a file is taken as it is (whatever its extension), a directory is walked recursively for
    /// .kapi, .c and .h files. Files of one directory argument are sorted by ordinal path. Paths are shown as given
    /// (relative paths stay relative). Missing paths and unreadable directories are returned as diagnostic-only files.
    /// </summary>
    public static List<SpecFile> Load(IEnumerable<string> paths) => Load(paths, static f => f);

    /// <summary>
    /// <see cref="Load(IEnumerable{string})"/>, each file reduced by <paramref name="reduce"/> as soon as it is loaded
    /// (on the reader that loaded it, so <paramref name="reduce"/> must be thread-safe): what it does not keep (the text,
    /// the model) is garbage at once instead of living, and being copied by the collector, until every file is read.
    /// The results are in the order <see cref="Load(IEnumerable{string})"/> gives the files.
    /// </summary>
    public static List<T> Load<T>(IEnumerable<string> paths, Func<SpecFile, T> reduce)
    {
        var result = new List<T>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                result.Add(reduce(LoadFile(path, path)));
            }
            else if (Directory.Exists(path))
            {
                var problems = new List<SpecFile>();
                var files = LoadDirectory(path, problems, reduce);
                foreach (var problem in problems) result.Add(reduce(problem));
                result.AddRange(files);
                if (files.Count == 0 && problems.Count == 0)
                {
                    result.Add(reduce(Problem(path, KapiDiagnostic.Create(CliDiagnostics.NoInputFiles, default, path), isFile: false)));
                }
            }
            else
            {
                result.Add(reduce(Problem(path, KapiDiagnostic.Create(CliDiagnostics.PathNotFound, default, path), isFile: false)));
            }
        }
        return result;
    }

    /// <summary>
    /// Walks <paramref name="root"/> and loads its files while it walks: the walk hands each file to one of a few
    /// readers (one per core) through a bounded queue. The result is sorted by ordinal path, whatever order the
    /// readers finish in; directories that cannot be read go to <paramref name="problems"/>, in walk order.
    /// </summary>
    private static List<T> LoadDirectory<T>(string root, List<SpecFile> problems, Func<SpecFile, T> reduce)
    {
        int readers = Math.Max(1, Environment.ProcessorCount);
        using var queue = new BlockingCollection<string>(boundedCapacity: 4096);
        var loaded = new List<(string Path, T Result)>[readers];
        var tasks = new Task[readers];
        for (int r = 0; r < readers; r++)
        {
            var mine = loaded[r] = new List<(string, T)>();
            tasks[r] = Task.Factory.StartNew(() =>
            {
                foreach (var file in queue.GetConsumingEnumerable()) mine.Add((file, reduce(LoadFile(file, file))));
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            Walk(root, problems, queue.Add);
        }
        finally
        {
            queue.CompleteAdding();
            Task.WaitAll(tasks);
        }
        var all = new List<(string Path, T Result)>();
        foreach (var part in loaded) all.AddRange(part);
        all.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return all.ConvertAll(f => f.Result);
    }

    private enum EntryKind
    {
        Skip,
        Directory,
        File,
    }

    private static readonly EnumerationOptions s_walkOptions = new()
    {
        // as Directory.EnumerateFileSystemEntries: hidden entries too, errors reported, one level at a time
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
    };

    /// <summary>Calls <paramref name="found"/> for every spec file under <paramref name="root"/>.</summary>
    private static void Walk(string root, List<SpecFile> problems, Action<string> found)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        var entries = new List<(string Path, EntryKind Kind)>();
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            entries.Clear();
            try
            {
                var enumerable = new FileSystemEnumerable<(string, EntryKind)>(dir, Classify, s_walkOptions)
                {
                    // only directories and spec file names are turned into paths
                    ShouldIncludePredicate = (ref FileSystemEntry e) => Kind(ref e) != EntryKind.Skip,
                };
                entries.AddRange(enumerable);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(Problem(dir, KapiDiagnostic.Create(CliDiagnostics.CannotRead, default, dir, e.Message), isFile: false));
                continue;
            }
            foreach (var (path, kind) in entries)
            {
                if (kind == EntryKind.Directory) pending.Push(path);
                else found(path);
            }
        }
    }

    private static (string, EntryKind) Classify(ref FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), Kind(ref entry));

    /// <summary>
    /// Directories are walked unless they are symlinks (they can form cycles); anything else with a spec file name is
    /// read (a dangling symlink too: it becomes a KAPI3002). Only a symlink costs a stat here.
    /// </summary>
    private static EntryKind Kind(ref FileSystemEntry entry)
    {
        if (entry.IsDirectory)
        {
            return (entry.Attributes & FileAttributes.ReparsePoint) == 0 ? EntryKind.Directory : EntryKind.Skip;
        }
        return IsSpecFileName(entry.FileName) ? EntryKind.File : EntryKind.Skip;
    }

    /// <summary>The prefilter's byte-sequence search, vectorized: the runtime's span search.</summary>
    internal static SpecPrefilter.ByteSearch VectorizedSearch { get; } = (bytes, start, end, value) =>
    {
        int i = bytes.AsSpan(start, end - start).IndexOf(value);
        return i < 0 ? -1 : start + i;
    };

    private static SpecFile Problem(string path, KapiDiagnostic diagnostic, bool isFile = true) =>
        new(path, new KapiSourceText(string.Empty, path), null, new[] { diagnostic }, isFile);

    /// <summary>A C file that holds no spec: counted, nothing to report.</summary>
    private static SpecFile NoSpec(string path) =>
        new(path, new KapiSourceText(string.Empty, path), null, Array.Empty<KapiDiagnostic>());

    private static SpecFile TooLarge(string path, long size) =>
        Problem(path, KapiDiagnostic.Create(KapiDiagnostics.FileTooLarge, default, size, MaxFileSize));

    /// <summary>Reads, prefilters (C files), decodes and parses one file. Never throws.</summary>
    public static SpecFile LoadFile(string fullPath, string displayPath)
    {
        bool cSource = KapiParseOptions.ForPath(displayPath).InputKind == KapiInputKind.CSource;
        int limit = cSource ? Math.Max(MaxFileSize, MaxPrefilteredFileSize) : MaxFileSize;
        byte[]? buffer = null;
        try
        {
            int length;
            try
            {
                // Size first, without opening: a FIFO, a character device or a /proc file reports size 0, and opening
                // or reading it could block forever or never end. A file of size 0 has nothing to parse anyway.
                long size = new FileInfo(fullPath).Length;
                if (size == 0)
                {
                    return Parse(ReadOnlySpan<byte>.Empty, displayPath);
                }
                if (size > limit)
                {
                    return TooLarge(displayPath, size);
                }
                using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                // one byte more than the size: a file that grew while being read is seen to have grown
                buffer = ArrayPool<byte>.Shared.Rent((int)size + 1);
                length = ReadAtMost(handle, ref buffer, limit + 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
            {
                return Problem(displayPath, KapiDiagnostic.Create(CliDiagnostics.CannotRead, default, displayPath, e.Message));
            }

            if (cSource && !SpecPrefilter.MayContainSpec(buffer, 0, Math.Min(length, limit), VectorizedSearch))
            {
                return NoSpec(displayPath);
            }
            if (length > MaxFileSize)
            {
                return TooLarge(displayPath, length);
            }
            return Parse(buffer.AsSpan(0, length), displayPath);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads from the start of the file until its end or <paramref name="limit"/> bytes, growing the pooled buffer if the file grew.</summary>
    private static int ReadAtMost(SafeFileHandle handle, ref byte[] buffer, int limit)
    {
        int total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit));
                buffer.AsSpan(0, total).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            int wanted = Math.Min(buffer.Length, limit) - total;
            int read = RandomAccess.Read(handle, buffer.AsSpan(total, wanted), total);
            total += read;
            // a regular file reads short only at its end (files that are not regular report size 0 and are never read)
            if (read < wanted) break;
        }
        return total;
    }

    /// <summary>Decodes (UTF-8, invalid bytes replaced) and parses file content. Never throws.</summary>
    public static SpecFile Parse(ReadOnlySpan<byte> bytes, string displayPath)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Problem(displayPath, KapiDiagnostic.Create(CliDiagnostics.BinaryFile, default, nul));
        }

        var own = new List<KapiDiagnostic>();
        var span = bytes;
        if (span.StartsWith(s_utf8Bom)) span = span.Slice(3);

        string text;
        if (Utf8.IsValid(span))
        {
            text = Encoding.UTF8.GetString(span);
        }
        else
        {
            // Locate the first invalid sequence (byte offset in the file, char offset in the decoded text).
            var chars = new char[span.Length];
            Utf8.ToUtf16(span, chars, out int bytesRead, out int charsWritten, replaceInvalidSequences: false);
            int byteOffset = bytesRead + (bytes.Length - span.Length);
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(span);
            own.Add(KapiDiagnostic.Create(CliDiagnostics.InvalidUtf8, new TextSpan(charsWritten, 1), byteOffset));
        }

        var source = new KapiSourceText(text, displayPath);
        KapiFileModel model;
        try
        {
            model = KapiDocument.Bind(source, KapiParseOptions.ForPath(displayPath));
        }
        catch (Exception e)
        {
            // The front end promises never to throw; if it does, report it on the file instead of crashing.
            own.Add(new KapiDiagnostic("KAPI3099", KapiSeverity.Error, default,
                $"Internal error in the parser: {e.GetType().Name}: {e.Message}"));
            return new SpecFile(displayPath, source, null, own);
        }

        var all = new List<KapiDiagnostic>(own);
        all.AddRange(model.Diagnostics);
        return new SpecFile(displayPath, source, model, all);
    }
}
