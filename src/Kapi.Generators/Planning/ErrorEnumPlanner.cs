using Kapi.Generators.Emitting;

namespace Kapi.Generators.Planning;

/// <summary>
/// Plans a system call's error enum (<see cref="ErrorEnumPlan"/>): one member per errno the spec lists (<c>KAPI_ERROR</c>),
/// in portable (x86-64) numbers with the numbers of every architecture, the spec's texts joined when it lists an errno
/// more than once.
/// </summary>
internal static class ErrorEnumPlanner
{
    public static ErrorEnumPlan Plan(ApiSpec spec, string typeName)
    {
        var byValue = new Dictionary<long, (string Id, ArchValues Native, List<string> Messages, List<string> Doc)>();
        var order = new List<long>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in spec.Errors.OrderBy(static e => e.Index))
        {
            // An errno is a small positive int: codes outside [-int.MaxValue, int.MaxValue] (and 0) are no members of the
            // int-based error enum (Math.Abs(long.MinValue) would even throw).
            if (e.Code is null || e.Code.X64 is not long code || !IsErrno(code)) continue;
            long portable = Math.Abs(code);
            var native = new long?[KapiArchitectures.Count];
            foreach (var a in KapiArchitectures.All) native[(int)a] = e.Code[a] is long n && IsErrno(n) ? Math.Abs(n) : null;

            string message = FirstText(e.Description, e.Condition, e.Name) ?? SpecPlanner.ErrnoName(e) ?? portable.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var docLine = string.Join(": ", new[] { e.Condition, e.Description }.Where(static s => !string.IsNullOrWhiteSpace(s)));
            if (byValue.TryGetValue(portable, out var existing))
            {
                if (!existing.Messages.Contains(message)) existing.Messages.Add(message);
                if (docLine.Length > 0 && !existing.Doc.Contains(docLine)) existing.Doc.Add(docLine);
                continue;
            }
            string id = CSharp.Identifier(SpecPlanner.ErrnoName(e), "E" + portable.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (id.StartsWith("@", StringComparison.Ordinal)) id = id.Substring(1) + "_";
            if (id == "value__") id += "_"; // reserved for the enum's backing field (CS0076)
            // A renamed member can meet another error's name again: repeat until the name is free.
            while (ids.TryGetValue(id, out var other) && other != portable) id += "_" + portable.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[id] = portable;
            byValue[portable] = (id, new ArchValues(new EquatableArray<long?>(native)), new List<string> { message }, docLine.Length > 0 ? new List<string> { docLine } : new List<string>());
            order.Add(portable);
        }

        var members = order.Select(v =>
        {
            var m = byValue[v];
            return new ErrorMemberPlan(m.Id, v, m.Native, string.Join(" / ", m.Messages), m.Doc.ToEquatableArray());
        }).ToEquatableArray();
        return new ErrorEnumPlan(typeName, members);
    }

    private static bool IsErrno(long code) => code != 0 && code >= -int.MaxValue && code <= int.MaxValue;

    private static string? FirstText(params string?[] texts)
    {
        foreach (var t in texts)
        {
            if (!string.IsNullOrWhiteSpace(t)) return t!.Trim();
        }
        return null;
    }
}
