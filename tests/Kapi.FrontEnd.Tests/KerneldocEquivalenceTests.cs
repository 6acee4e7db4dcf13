using Kapi.Model;
using Kapi.Vocabulary;
using Xunit.Abstractions;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// The same API posted in both forms (sys_mlock: RFC v1/v2 macros, RFC v3 and RFC PATCH v4 kernel-doc) and across
/// kernel-doc revisions (sys_open RFC PATCH v5 … PATCH v4, sys_close PATCH v3 → v4) binds to models that agree on
/// every fact both versions state: parameters with their C types, types, flags, constraints, ranges and masks; the
/// return; errors with their codes; locks, signals, capabilities, side effects, state transitions; the context.
/// Wording (descriptions, conditions) is not compared. Where two versions disagree, the difference is a change
/// upstream made between them, listed here with what changed.
/// </summary>
public class KerneldocEquivalenceTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string[]> Pairs() => new()
    {
        // macro form → kernel-doc form
        {
            "macro/sys_mlock.rfc2.kapi", "kdoc/sys_mlock.rfc3.kdoc",
            [
                "error[EFAULT] added",                                      // RFC v3 documents the bad-address case
                "side_effect[physical pages].reversible: no → yes",         // RFC v3 adds 'reversible=yes'
                "signal[FATAL].restartable: yes → no",                      // RFC v3 has no signal-restartable line
                "signal[FATAL].state_required: RUNNING | SLEEPING → RUNNING", // RFC v3 drops the sleeping state
                "signal[FATAL].timing: ENTRY → DURING",                     // RFC v3: the signal is seen during population
            ]
        },
        {
            "macro/sys_mlock.rfc1.kapi", "macro/sys_mlock.rfc2.kapi",
            [
                "signal[FATAL].interruptible: no → yes", // RFC v2 adds KAPI_SIGNAL_INTERRUPTIBLE …
                "signal[FATAL].restartable: no → yes",   // … and KAPI_SIGNAL_RESTARTABLE
            ]
        },
        { "kdoc/sys_mlock.rfc3.kdoc", "kdoc/sys_mlock.rfc4.kdoc", [] },
        { "kdoc/sys_open.rfc5.kdoc", "kdoc/sys_open.v1.kdoc", ["error[EAGAIN] added"] }, // PATCH v1 adds EAGAIN (O_NONBLOCK lease)
        { "kdoc/sys_open.v1.kdoc", "kdoc/sys_open.v2.kdoc", [] },
        { "kdoc/sys_open.v2.kdoc", "kdoc/sys_open.v3.kdoc", [] },
        { "kdoc/sys_open.v3.kdoc", "kdoc/sys_open.v4.kdoc", [] },
        { "kdoc/sys_close.v3.kdoc", "kdoc/sys_close.v4.kdoc", [] },
    };

    [CorpusTheory]
    [MemberData(nameof(Pairs))]
    public void Versions_agree_on_every_fact_both_state_but_for_upstream_changes(string before, string after, string[] upstreamChanges)
    {
        var specA = Load(before);
        var specB = Load(after);
        var a = Facts(specA);
        var b = Facts(specB);
        var disagreements = a.Keys.Intersect(b.Keys, StringComparer.Ordinal)
            .Where(k => a[k] != b[k])
            .Select(k => $"{k}: {a[k]} → {b[k]}")
            .ToList();
        // errors are a list both versions state in full: one added or dropped is a change too
        var errorsA = specA.Errors.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var errorsB = specB.Errors.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        disagreements.AddRange(errorsB.Except(errorsA).Select(e => $"error[{e}] added"));
        disagreements.AddRange(errorsA.Except(errorsB).Select(e => $"error[{e}] dropped"));
        disagreements.Sort(StringComparer.Ordinal);
        output.WriteLine($"{a.Count} facts in {before}, {b.Count} in {after}, {a.Keys.Intersect(b.Keys).Count()} in both");
        foreach (var d in disagreements) output.WriteLine("  " + d);
        Assert.Equal(upstreamChanges, disagreements);
        // and the versions do say many of the same things: the comparison is not vacuous
        Assert.True(a.Keys.Intersect(b.Keys).Count() >= 20, "fewer than 20 shared facts");
    }

    private static ApiSpec Load(string relative)
    {
        string path = Path.Combine(RepositoryPaths.CorpusDir, relative);
        var model = KapiDocument.Bind(File.ReadAllText(path), Path.GetFileName(path));
        Assert.DoesNotContain(model.Diagnostics, d => d.IsError);
        return Assert.Single(model.Specs);
    }

    /// <summary>The spec's facts as key → value, items keyed by what names them (a parameter's name, an errno …).</summary>
    internal static Dictionary<string, string> Facts(ApiSpec spec)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, object? value)
        {
            if (value is null) return;
            facts[key] = value switch
            {
                KapiValue v => v.X64?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown",
                IKapiTerm t => t.Names,
                bool b => b ? "yes" : "no",
                _ => value.ToString()!,
            };
        }

        Add("name", spec.Name);
        Add("context", spec.ContextFlags);
        Add("params.count", spec.Params.Count);
        foreach (var p in spec.Params)
        {
            string k = $"param[{p.Index}:{p.Name}]";
            Add(k + ".c_type", p.CTypeName);
            Add(k + ".type", p.Type);
            Add(k + ".flags", p.Flags);
            Add(k + ".constraint", p.ConstraintType);
            Add(k + ".min", p.MinValue);
            Add(k + ".max", p.MaxValue);
            Add(k + ".valid_mask", p.ValidMask);
            Add(k + ".size", p.Size);
            Add(k + ".alignment", p.Alignment);
            if (!p.EnumValues.IsEmpty) Add(k + ".enum_values", string.Join(",", p.EnumValues.Select(e => e.Value.X64)));
        }
        if (spec.Return is { } r)
        {
            Add("return.type", r.Type);
            Add("return.check", r.CheckType);
            Add("return.success", r.SuccessValue);
            Add("return.success_min", r.SuccessMin);
            Add("return.success_max", r.SuccessMax);
        }
        foreach (var group in spec.Errors.GroupBy(e => e.Name ?? e.ErrnoName ?? "?"))
        {
            Add($"error[{group.Key}].code", group.First().Code);
            Add($"error[{group.Key}].count", group.Count());
        }
        foreach (var l in spec.Locks)
        {
            string k = $"lock[{l.Name}]";
            Add(k + ".type", l.LockType);
            Add(k + ".acquired", l.Acquired);
            Add(k + ".released", l.Released);
            Add(k + ".scope", l.Scope);
        }
        foreach (var s in spec.Signals)
        {
            string k = $"signal[{s.SignalName}]";
            Add(k + ".number", s.SignalNumber);
            Add(k + ".direction", s.Direction);
            Add(k + ".action", s.Action);
            Add(k + ".error", s.ErrorOnSignal);
            Add(k + ".timing", s.Timing);
            Add(k + ".interruptible", s.Interruptible);
            Add(k + ".restartable", s.Restartable);
            Add(k + ".state_required", s.StateRequired);
        }
        foreach (var c in spec.Capabilities)
        {
            string k = $"capability[{c.Name}]";
            Add(k + ".value", c.Capability);
            Add(k + ".action", c.Action);
            Add(k + ".priority", c.Priority);
        }
        foreach (var e in spec.SideEffects)
        {
            string k = $"side_effect[{e.Target}]";
            Add(k + ".type", e.Type);
            Add(k + ".reversible", e.Reversible);
        }
        foreach (var t in spec.StateTransitions)
        {
            string k = $"state_transition[{t.Object}]";
            Add(k + ".from", t.FromState);
            Add(k + ".to", t.ToState);
        }
        if (!spec.Constraints.IsEmpty) Add("constraints", string.Join(",", spec.Constraints.Select(c => c.Name)));
        return facts;
    }
}
