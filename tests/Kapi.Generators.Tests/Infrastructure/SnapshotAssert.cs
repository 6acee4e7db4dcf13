using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis;

namespace Kapi.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot testing in Verify.SourceGenerators' file conventions, without Verify:
/// <c>Snapshots/{Class}.{Method}#{HintName minus .cs}.verified.cs</c> holding <c>//HintName: …</c> + LF + source,
/// <c>{Class}.{Method}.verified.txt</c> for diagnostics (only when there are any), UTF-8 with BOM and LF.
/// On a mismatch a <c>.received.*</c> file is written beside it and the test fails with a unified diff; set
/// <c>KAPI_ACCEPT_SNAPSHOTS=1</c> to accept. Verified files of the test that it no longer produces fail it too.
/// </summary>
internal static class SnapshotAssert
{
    private static readonly UTF8Encoding s_utf8Bom = new(encoderShouldEmitUTF8Identifier: true);

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Kapi.Generators.Tests", "Snapshots");

    private static bool Accept => Environment.GetEnvironmentVariable("KAPI_ACCEPT_SNAPSHOTS") == "1";

    public static void Verify(GeneratorRun run, string testClass, string? parameter = null, [CallerMemberName] string method = "")
    {
        string stem = $"{testClass}.{method}{(parameter is null ? string.Empty : "_" + parameter)}";
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in run.Sources)
        {
            string hint = source.HintName.EndsWith(".cs", StringComparison.Ordinal) ? source.HintName[..^3] : source.HintName;
            expected[$"{stem}#{hint}.verified.cs"] = "//HintName: " + source.HintName + "\n" + Scrub(source.SourceText.ToString());
        }
        var diagnostics = run.Single.Diagnostics.Concat(run.Diagnostics).Distinct().ToList();
        if (diagnostics.Count > 0) expected[$"{stem}.verified.txt"] = FormatDiagnostics(diagnostics);

        var failures = new List<string>();
        foreach (var (file, text) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var failure = Compare(file, text);
            if (failure is not null) failures.Add(failure);
        }

        // Orphans: verified files of this test that nothing produced.
        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(Directory, stem + "*.verified.*"))
            {
                var name = Path.GetFileName(path);
                bool mine = name.StartsWith(stem + "#", StringComparison.Ordinal) || name.StartsWith(stem + ".verified.", StringComparison.Ordinal);
                if (!mine || expected.ContainsKey(name)) continue;
                if (Accept) File.Delete(path);
                else failures.Add($"{name}: verified snapshot no longer produced (delete it, or run with KAPI_ACCEPT_SNAPSHOTS=1)");
            }
        }

        if (failures.Count > 0) throw new Xunit.Sdk.XunitException(string.Join("\n\n", failures));
    }

    /// <summary>Replaces the generator version, so snapshots survive version bumps.</summary>
    public static string Scrub(string text)
    {
        var version = typeof(KapiGenerator).Assembly.GetName().Version!.ToString();
        return text.Replace("\r\n", "\n").Replace($"\"Kapi.Generators\", \"{version}\"", "\"Kapi.Generators\", \"%VERSION%\"");
    }

    private static string FormatDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var span = d.Location.GetMappedLineSpan();
            sb.Append("Id: ").Append(d.Id).Append('\n');
            sb.Append("Severity: ").Append(d.Severity).Append('\n');
            sb.Append("Location: ").Append(Path.GetFileName(span.Path)).Append(": ")
              .Append($"({span.StartLinePosition.Line},{span.StartLinePosition.Character})-({span.EndLinePosition.Line},{span.EndLinePosition.Character})").Append('\n');
            sb.Append("Message: ").Append(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append("\n\n");
        }
        return sb.ToString();
    }

    private static string? Compare(string fileName, string received)
    {
        string verifiedPath = Path.Combine(Directory, fileName);
        string receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return null;
        }
        System.IO.Directory.CreateDirectory(Directory);
        if (Accept)
        {
            File.WriteAllText(verifiedPath, received, s_utf8Bom);
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return null;
        }
        File.WriteAllText(receivedPath, received, s_utf8Bom);
        if (verified is null)
        {
            return $"{fileName}: no verified snapshot. Review {Path.GetFileName(receivedPath)} and accept it (KAPI_ACCEPT_SNAPSHOTS=1).";
        }
        return $"{fileName}: snapshot differs (received written to {Path.GetFileName(receivedPath)}):\n" + UnifiedDiff(verified, received);
    }

    private static string UnifiedDiff(string verified, string received)
    {
        var diff = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false);
        var sb = new StringBuilder();
        sb.Append("--- verified\n+++ received\n");
        int shown = 0;
        var lines = diff.Lines;
        for (int i = 0; i < lines.Count && shown < 200; i++)
        {
            var l = lines[i];
            if (l.Type == ChangeType.Unchanged)
            {
                bool near = Enumerable.Range(Math.Max(0, i - 2), Math.Min(lines.Count, i + 3) - Math.Max(0, i - 2)).Any(j => lines[j].Type != ChangeType.Unchanged);
                if (!near) continue;
                sb.Append("  ").Append(l.Text).Append('\n');
            }
            else
            {
                sb.Append(l.Type == ChangeType.Inserted ? "+ " : l.Type == ChangeType.Deleted ? "- " : "~ ").Append(l.Text).Append('\n');
            }
            shown++;
        }
        return sb.ToString();
    }
}
