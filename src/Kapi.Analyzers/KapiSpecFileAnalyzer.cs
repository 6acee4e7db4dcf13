using System.Collections.Immutable;
using System.Globalization;
using Kapi.Analyzers.Specs;
using Kapi.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using KapiTextSpan = Kapi.Text.TextSpan;

namespace Kapi.Analyzers;

/// <summary>
/// Reports the front end's diagnostics (KAPI0xxx) at their exact spans inside <c>.kapi</c> AdditionalFiles
/// (and inside any AdditionalFile with <c>KapiSpec="true"</c> metadata), plus KAPI0303 for a spec whose name an
/// earlier spec (in path order, then file order) of the same compilation already defines, or whose generated names
/// would be the same as an earlier spec's (<c>sys_getpid</c>, <c>sys_GetPid</c>, <c>sys_get_pid</c>): the generator
/// emits only the first of those.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KapiSpecFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => KapiDescriptors.SpecRules;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var specFiles = KapiSpecFiles.GetSpecFiles(start.Options);
        if (specFiles.IsEmpty) return;

        // generated-name key -> (file index, file, location) of the first definition, over all spec files in path order.
        var firstDefinitions = new Lazy<Dictionary<string, (int Index, AdditionalText File, SpecLocation Location)>>(() =>
        {
            var map = new Dictionary<string, (int, AdditionalText, SpecLocation)>(StringComparer.Ordinal);
            for (int i = 0; i < specFiles.Length; i++)
            {
                var model = KapiSpecFiles.GetModel(start, specFiles[i]);
                foreach (var location in model.Locations)
                {
                    var key = GeneratedNameKey(location.Name);
                    if (!map.ContainsKey(key)) map[key] = (i, specFiles[i], location);
                }
            }
            return map;
        }, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        start.RegisterAdditionalFileAction(context =>
        {
            var file = context.AdditionalFile;
            int index = specFiles.IndexOf(file);
            if (index < 0) return;

            var text = file.GetText(context.CancellationToken);
            if (text is null) return;
            var model = KapiSpecFiles.GetModel(start, file);

            foreach (var diagnostic in model.Diagnostics)
            {
                var descriptor = KapiDescriptors.GetSpecRule(diagnostic.Id);
                if (descriptor is null) continue;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, CreateLocation(file.Path, text, diagnostic.Span), diagnostic.Message));
            }

            foreach (var location in model.Locations)
            {
                // The first definition itself, and (in the same file) exact duplicates, which the front end reports.
                if (!firstDefinitions.Value.TryGetValue(GeneratedNameKey(location.Name), out var first) || first.Index > index) continue;
                if (first.Index == index && first.Location.NameSpan.Start >= location.NameSpan.Start) continue;
                var firstText = first.File.GetText(context.CancellationToken);
                string where = firstText is null
                    ? string.Format(CultureInfo.InvariantCulture, " in {0}", first.File.Path)
                    : string.Format(CultureInfo.InvariantCulture, " in {0}({1})", first.File.Path,
                        firstText.Lines.GetLinePosition(Clamp(first.Location.NameSpan.Start, firstText.Length)).Line + 1);
                if (!string.Equals(first.Location.Name, location.Name, StringComparison.Ordinal))
                {
                    where += string.Format(CultureInfo.InvariantCulture, " as '{0}' (the generated names would be the same; only the first is generated)", first.Location.Name);
                }
                var duplicate = KapiDiagnostic.Create(KapiDiagnostics.DuplicateSpec, location.NameSpan, location.Name, where);
                context.ReportDiagnostic(Diagnostic.Create(
                    KapiDescriptors.GetSpecRule(KapiDiagnosticIds.DuplicateSpec)!,
                    CreateLocation(file.Path, text, location.NameSpan),
                    duplicate.Message));
            }
        });
    }

    /// <summary>
    /// The generator's ownership key: specs with equal keys would produce the same KernelApiSpecs member and hint name,
    /// so only the first is generated.
    /// </summary>
    internal static string GeneratedNameKey(string specName) => Kapi.Generators.Planning.GeneratedNames.OwnershipKey(specName);

    /// <summary>A location inside an additional file, clamped to the text.</summary>
    internal static Location CreateLocation(string path, SourceText text, KapiTextSpan span)
    {
        int start = Clamp(span.Start, text.Length);
        int end = Clamp(span.End, text.Length);
        if (end < start) end = start;
        var roslynSpan = TextSpan.FromBounds(start, end);
        return Location.Create(path, roslynSpan, text.Lines.GetLinePositionSpan(roslynSpan));
    }

    private static int Clamp(int value, int length) => value < 0 ? 0 : value > length ? length : value;
}
