using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Unicode;
using Kapi.Diagnostics;
using Kapi.Text;

namespace Kapi.Cli.Input;

/// <summary>
/// Finds and reads spec files. Never throws for I/O or content problems: every problem becomes a diagnostic
/// on the file (or on the path given on the command line).
/// </summary>
public static class SpecLoader
{
    private static readonly string[] s_extensions = { ".kapi", ".kdoc", ".c", ".h" };

    /// <summary>Files over this size are not read at all; the front end refuses them anyway (KAPI0005).</summary>
    public static int MaxFileSize { get; } = KapiParseOptions.DefaultMaxFileSize;

    public static bool IsSpecFileName(string path)
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
    public static List<SpecFile> Load(IEnumerable<string> paths)
    {
        var result = new List<SpecFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                result.Add(LoadFile(path, path));
            }
            else if (Directory.Exists(path))
            {
                var problems = new List<SpecFile>();
                var files = Walk(path, problems);
                files.Sort(StringComparer.Ordinal);
                result.AddRange(problems);
                foreach (var f in files) result.Add(LoadFile(f, f));
                if (files.Count == 0 && problems.Count == 0)
                {
                    result.Add(Problem(path, KapiDiagnostic.Create(CliDiagnostics.NoInputFiles, default, path), isFile: false));
                }
            }
            else
            {
                result.Add(Problem(path, KapiDiagnostic.Create(CliDiagnostics.PathNotFound, default, path), isFile: false));
            }
        }
        return result;
    }

    private static List<string> Walk(string root, List<SpecFile> problems)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(Problem(dir, KapiDiagnostic.Create(CliDiagnostics.CannotRead, default, dir, e.Message), isFile: false));
                continue;
            }
            foreach (var entry in entries)
            {
                try
                {
                    var info = new FileInfo(entry);
                    if ((info.Attributes & FileAttributes.Directory) != 0)
                    {
                        // Do not follow directory symlinks: they can form cycles.
                        if (info.LinkTarget is null) pending.Push(entry);
                    }
                    else if (IsSpecFileName(entry))
                    {
                        files.Add(entry);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    problems.Add(Problem(entry, KapiDiagnostic.Create(CliDiagnostics.CannotRead, default, entry, e.Message)));
                }
            }
        }
        return files;
    }

    private static SpecFile Problem(string path, KapiDiagnostic diagnostic, bool isFile = true) =>
        new(path, new KapiSourceText(string.Empty, path), null, new[] { diagnostic }, isFile);

    /// <summary>Reads, decodes and parses one file. Never throws.</summary>
    public static SpecFile LoadFile(string fullPath, string displayPath)
    {
        byte[] bytes;
        try
        {
            // Size first, without opening: a FIFO, a character device or a /proc file reports size 0, and opening or
            // reading it could block forever or never end. A file of size 0 has nothing to parse anyway.
            long length = new FileInfo(fullPath).Length;
            if (length == 0)
            {
                return Parse(Array.Empty<byte>(), displayPath);
            }
            if (length > MaxFileSize)
            {
                return Problem(displayPath, KapiDiagnostic.Create(KapiDiagnostics.FileTooLarge, default, length, MaxFileSize));
            }
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = ReadAtMost(stream, MaxFileSize + 1);
            if (bytes.Length > MaxFileSize)
            {
                // The file grew while being read.
                return Problem(displayPath, KapiDiagnostic.Create(KapiDiagnostics.FileTooLarge, default, bytes.Length, MaxFileSize));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            return Problem(displayPath, KapiDiagnostic.Create(CliDiagnostics.CannotRead, default, displayPath, e.Message));
        }
        return Parse(bytes, displayPath);
    }

    /// <summary>Decodes (UTF-8, invalid bytes replaced) and parses file content. Never throws.</summary>
    public static SpecFile Parse(byte[] bytes, string displayPath)
    {
        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            return Problem(displayPath, KapiDiagnostic.Create(CliDiagnostics.BinaryFile, default, nul));
        }

        var own = new List<KapiDiagnostic>();
        var span = new ReadOnlySpan<byte>(bytes);
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) span = span.Slice(3);

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

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
