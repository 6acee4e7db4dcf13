using System.Collections.Immutable;
using Kapi.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers;

/// <summary>
/// The Roslyn descriptors of the front end's rules (<see cref="KapiDiagnostics.All"/>), reported inside spec files.
/// IDs and severities are spelled out so that release tracking (RS2000/RS2001) can see them; title, description and
/// help link come from the catalog. A unit test keeps this list and the catalog in step.
/// </summary>
public static class KapiSpecDescriptors
{
    public static readonly DiagnosticDescriptor UnterminatedString = Spec("KAPI0001", KapiDiagnostics.UnterminatedString, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnterminatedComment = Spec("KAPI0002", KapiDiagnostics.UnterminatedComment, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidCharacter = Spec("KAPI0003", KapiDiagnostics.InvalidCharacter, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BadNumber = Spec("KAPI0004", KapiDiagnostics.BadNumber, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor FileTooLarge = Spec("KAPI0005", KapiDiagnostics.FileTooLarge, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BadEscape = Spec("KAPI0006", KapiDiagnostics.BadEscape, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor TextOutsideSpec = Spec("KAPI0100", KapiDiagnostics.TextOutsideSpec, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnexpectedCloser = Spec("KAPI0101", KapiDiagnostics.UnexpectedCloser, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnclosedScope = Spec("KAPI0102", KapiDiagnostics.UnclosedScope, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnterminatedSpec = Spec("KAPI0103", KapiDiagnostics.UnterminatedSpec, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownMacro = Spec("KAPI0104", KapiDiagnostics.UnknownMacro, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor WrongArgumentCount = Spec("KAPI0105", KapiDiagnostics.WrongArgumentCount, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor WrongArgumentType = Spec("KAPI0106", KapiDiagnostics.WrongArgumentType, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownField = Spec("KAPI0107", KapiDiagnostics.UnknownField, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SyntaxError = Spec("KAPI0108", KapiDiagnostics.SyntaxError, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MacroOutOfScope = Spec("KAPI0109", KapiDiagnostics.MacroOutOfScope, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NestingTooDeep = Spec("KAPI0110", KapiDiagnostics.NestingTooDeep, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownDirective = Spec("KAPI0111", KapiDiagnostics.UnknownDirective, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnknownConstant = Spec("KAPI0200", KapiDiagnostics.UnknownConstant, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor BadConstantExpression = Spec("KAPI0201", KapiDiagnostics.BadConstantExpression, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ArchDependentConstant = Spec("KAPI0202", KapiDiagnostics.ArchDependentConstant, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor WrongVocabulary = Spec("KAPI0203", KapiDiagnostics.WrongVocabulary, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DuplicateIndex = Spec("KAPI0300", KapiDiagnostics.DuplicateIndex, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor IndexOutOfRange = Spec("KAPI0301", KapiDiagnostics.IndexOutOfRange, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CountMismatch = Spec("KAPI0302", KapiDiagnostics.CountMismatch, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DuplicateSpec = Spec("KAPI0303", KapiDiagnostics.DuplicateSpec, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor IndexGap = Spec("KAPI0304", KapiDiagnostics.IndexGap, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidName = Spec("KAPI0305", KapiDiagnostics.InvalidName, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownKerneldocKey = Spec("KAPI0400", KapiDiagnostics.UnknownKerneldocKey, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor MalformedKerneldocValue = Spec("KAPI0401", KapiDiagnostics.MalformedKerneldocValue, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownKerneldocParameter = Spec("KAPI0402", KapiDiagnostics.UnknownKerneldocParameter, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DuplicateKerneldocItem = Spec("KAPI0403", KapiDiagnostics.DuplicateKerneldocItem, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor MissingKerneldocPart = Spec("KAPI0404", KapiDiagnostics.MissingKerneldocPart, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor KerneldocNameMismatch = Spec("KAPI0405", KapiDiagnostics.KerneldocNameMismatch, DiagnosticSeverity.Warning);

    /// <summary>Every front-end rule, in catalog order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        UnterminatedString, UnterminatedComment, InvalidCharacter, BadNumber, FileTooLarge, BadEscape, TextOutsideSpec, UnexpectedCloser, UnclosedScope, UnterminatedSpec, UnknownMacro, WrongArgumentCount, WrongArgumentType, UnknownField, SyntaxError, MacroOutOfScope, NestingTooDeep, UnknownDirective, UnknownConstant, BadConstantExpression, ArchDependentConstant, WrongVocabulary, DuplicateIndex, IndexOutOfRange, CountMismatch, DuplicateSpec, IndexGap, InvalidName, UnknownKerneldocKey, MalformedKerneldocValue, UnknownKerneldocParameter, DuplicateKerneldocItem, MissingKerneldocPart, KerneldocNameMismatch);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = CreateMap();

    /// <summary>The descriptor of a front-end rule, or null for an ID this assembly does not know.</summary>
    public static DiagnosticDescriptor? Get(string id) => s_byId.TryGetValue(id, out var d) ? d : null;

    private static Dictionary<string, DiagnosticDescriptor> CreateMap()
    {
        var map = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (var d in All) map[d.Id] = d;
        return map;
    }

    // The front end formats its messages itself, so the Roslyn message format is the message.
    private static DiagnosticDescriptor Spec(string id, KapiDiagnosticDescriptor rule, DiagnosticSeverity severity) =>
        new(id, rule.Title, "{0}", KapiDescriptors.SpecCategory, severity, isEnabledByDefault: true,
            description: rule.Description, helpLinkUri: rule.HelpLink);
}
