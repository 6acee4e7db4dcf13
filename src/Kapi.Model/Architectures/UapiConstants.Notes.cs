using System;
using System.Collections.Generic;

namespace Kapi.Architectures;

public static partial class UapiConstants
{
    /// <summary>
    /// Why the table holds a value for <paramref name="name"/> on <paramref name="arch"/> although the headers it is checked
    /// against do not define it there (tests/Kapi.Conformance.Tests, CrossArchHeaderTests: each architecture's Linux 6.1 UAPI
    /// headers and glibc 2.36 headers; loongarch64 without a C library). Null when the table has no such note.
    /// </summary>
    public static string? GetHeaderNote(string name, KapiArchitecture arch)
    {
        foreach (var n in s_headerNotes.Value)
        {
            if ((n.Arches is null || Array.IndexOf(n.Arches, arch) >= 0) && n.Matches(name)) return n.Reason;
        }
        return null;
    }

    /// <summary>
    /// The Linux release that added <paramref name="name"/>, when its note says the checked headers are older; for a name
    /// known only to be newer than some release, the release after it. Null for other names.
    /// </summary>
    public static Version? GetAddedInLinux(string name)
    {
        foreach (var n in s_headerNotes.Value)
        {
            if (n.AddedIn is not null && n.Matches(name)) return n.AddedIn;
        }
        return null;
    }

    /// <param name="Reason">Why the names are not in the headers checked.</param>
    /// <param name="AddedIn">The Linux version that added them, if that is the reason.</param>
    /// <param name="Arches">The architectures the note is about; null: every architecture.</param>
    /// <param name="Names">Exact names, or prefixes ending in '*'.</param>
    private sealed record HeaderNote(string Reason, Version? AddedIn, KapiArchitecture[]? Arches, string[] Names)
    {
        public bool Matches(string name)
        {
            foreach (string n in Names)
            {
                if (n.EndsWith("*", StringComparison.Ordinal)
                    ? name.StartsWith(n.Substring(0, n.Length - 1), StringComparison.Ordinal)
                    : string.Equals(n, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private static readonly Lazy<HeaderNote[]> s_headerNotes = new(BuildHeaderNotes);

    private static HeaderNote[] BuildHeaderNotes()
    {
        var notes = new List<HeaderNote>();
        AddHeaderNotes(notes);
        return notes.ToArray();
    }

    /// <summary>A note for every architecture.</summary>
    private static void Note(List<HeaderNote> notes, string reason, params string[] names) => notes.Add(new HeaderNote(reason, null, null, names));

    /// <summary>A note for the names a later Linux release added (the checked headers are older).</summary>
    private static void Since(List<HeaderNote> notes, string version, string reason, params string[] names) =>
        notes.Add(new HeaderNote($"added in Linux {version}, newer than the checked headers: {reason}", new Version(version), null, names));

    /// <summary>A note for names added after <paramref name="version"/> (checked: not in its UAPI headers) in a release not recorded here.</summary>
    private static void After(List<HeaderNote> notes, string version, string reason, params string[] names)
    {
        var v = new Version(version);
        notes.Add(new HeaderNote($"added after Linux {version} (not in its UAPI headers), newer than the checked headers: {reason}", new Version(v.Major, v.Minor + 1), null, names));
    }

    /// <summary>A note for some architectures only.</summary>
    private static void NoteOn(List<HeaderNote> notes, KapiArchitecture[] arches, string reason, params string[] names) => notes.Add(new HeaderNote(reason, null, arches, names));

    static partial void AddHeaderNotes(List<HeaderNote> notes);
}
