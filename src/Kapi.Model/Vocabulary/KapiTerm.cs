namespace Kapi.Vocabulary;

/// <summary>A vocabulary value of a spec, whatever its type (for code that walks every field).</summary>
public interface IKapiTerm
{
    /// <summary>The numeric value (the member's number in <see cref="KapiTerms"/>' enums).</summary>
    long Number { get; }

    /// <summary>The spec's own spelling (<c>KAPI_PARAM_IN | KAPI_PARAM_USER</c>, <c>process, sleepable</c>), for display only.</summary>
    string Text { get; }

    /// <summary>The vocabulary names of the value, joined with <c> | </c> (<c>IN | USER</c>).</summary>
    string Names { get; }

    /// <summary>The value in the kernel header's own spelling (<c>KAPI_PARAM_IN | KAPI_PARAM_USER</c>).</summary>
    string Spelling { get; }
}

/// <summary>
/// A value of the KAPI vocabulary: what it means (<see cref="Value"/>, set once by the binder from the identifiers the
/// spec uses) and how the spec wrote it (<see cref="Text"/>, for display only: nothing decides anything from it).
/// </summary>
public sealed record KapiTerm<T>(T Value, string Text) : IKapiTerm
    where T : struct, Enum
{
    public long Number => Convert.ToInt64(Value, System.Globalization.CultureInfo.InvariantCulture);

    public string Names => KapiVocabulary.NamesOf(Value);

    public string Spelling => KapiVocabulary.SpellingOf(Value);

    public override string ToString() => $"{Text} ({Names})";
}

/// <summary>Marker for the enums of <c>KapiTerms.cs</c>.</summary>
public static class KapiTerms
{
    /// <summary>True when <paramref name="term"/> is set and has every bit of <paramref name="flags"/>.</summary>
    public static bool Has(this KapiTerm<KapiParamFlags>? term, KapiParamFlags flags) => term is not null && (term.Value & flags) == flags;
}
