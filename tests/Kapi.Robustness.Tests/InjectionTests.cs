using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using Kapi.Robustness.Tests.Infrastructure;
using Kapi.Runtime;
using Kapi.Runtime.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kapi.Robustness.Tests;

/// <summary>
/// Issue 7, item 2: spec strings with quotes, backslashes, comment and CDATA terminators, XML, preprocessor lines,
/// braces, newlines, controls, lone surrogates, bidi controls and zero-width characters, in every string field that
/// reaches generated code (<see cref="HostileSpecs.File"/>: 70 fields of a syscall, an ioctl and a sysfs spec, and a
/// hostile file name). For each payload the output compiles without warnings, loads, and the metadata read back through
/// the generated <c>KernelApiSpecs</c> registry holds every string exactly; every XML doc comment is well-formed; and
/// the code has exactly the shape it has for a benign spec (nothing from a spec became code).
/// </summary>
public class InjectionTests
{
    private const string SpecPath = "/specs/evil \"dir\"/in*/je\u202Ect \u200B</summary>\n.kapi";
    private const string SyscallName = "sys_kapi_inject";

    public static IEnumerable<object[]> PayloadNames => HostileSpecs.Payloads.Keys.Select(k => new object[] { k });

    private static string HostileText(string payload) => HostileSpecs.File(tag => HostileSpecs.Value(tag, payload));

    /// <summary>The same specs with harmless text of the same kind (names stay names).</summary>
    private static string BenignText() =>
        HostileSpecs.File(tag => HostileSpecs.NameTags.Contains(tag) ? tag + "_name" : tag + ": benign text.");

    private static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public void EveryStringRoundTripsExactly_ThroughTheLoadedRegistry(string payloadName)
    {
        string payload = HostileSpecs.Payloads[payloadName];
        string text = HostileText(payload);
        var model = KapiDocument.Bind(text, SpecPath);
        Assert.False(model.HasErrors, string.Join("\n", model.Diagnostics));

        var run = Generation.Run(new[] { (SpecPath, text) });
        Generation.AssertNoGeneratorFailure(run, payloadName);
        Generation.AssertCompiles(run, payloadName, DiagnosticSeverity.Warning);

        using var loaded = LoadedAssembly.Load(run.Output);
        var registry = loaded.Assembly.GetType("Kapi.Generated.KernelApiSpecs", throwOnError: true)!;
        var all = (IReadOnlyList<KernelApiSpec>)registry.GetProperty("All")!.GetValue(null)!;
        Assert.Equal(3, all.Count);

        // Every tagged field: exactly one string in the metadata, equal to what the front end bound, equal to the intent.
        var metadataStrings = all.SelectMany(s => StringGraph.Collect(s)).ToList();
        var modelStrings = model.Specs.SelectMany(s => StringGraph.Collect(s)).ToList();
        foreach (var tag in HostileSpecs.Tags)
        {
            string expected = HostileSpecs.Value(tag, payload);
            var fromModel = Assert.Single(modelStrings, s => s.Value.StartsWith(tag + ":", StringComparison.Ordinal));
            var fromMetadata = Assert.Single(metadataStrings, s => s.Value.StartsWith(tag + ":", StringComparison.Ordinal));
            AssertSameString(fromModel.Value, fromMetadata.Value, $"{payloadName} {tag} ({fromMetadata.Path}): generator changed the string");
            AssertSameString(expected, fromModel.Value, $"{payloadName} {tag} ({fromModel.Path}): front end decoded the C literal differently");
        }

        // Field by field, through the public lookup API.
        var spec = (KernelApiSpec)registry.GetMethod("Get")!.Invoke(null, new object[] { SyscallName })!;
        Assert.Same(spec, registry.GetMethod("Find")!.Invoke(null, new object[] { "kapi_inject" }));
        Assert.Equal(HostileSpecs.Value("F01", payload), spec.Description);
        Assert.Equal(HostileSpecs.Value("F02", payload), spec.LongDescription);
        Assert.Equal(HostileSpecs.Value("F43", payload), spec.Examples);
        Assert.Equal(HostileSpecs.Value("F44", payload), spec.Notes);
        Assert.NotNull(spec.FindParameter(HostileSpecs.Value("F03", payload)));
        Assert.Equal(HostileSpecs.Value("F12", payload), spec.FindError(22)!.Description);
        Assert.Equal(HostileSpecs.Value("F30", payload), spec.Locks.Single().Name);
        Assert.Equal(HostileSpecs.Value("F16", payload), spec.Signals.Single().SignalName);
        Assert.Equal(FileName(SpecPath), spec.SourceFile);
        Assert.All(all, s => Assert.Equal(FileName(SpecPath), s.SourceFile));

        // Strings in attributes of the binding.
        var syscalls = loaded.Assembly.GetType("Kapi.Generated.Syscalls", throwOnError: true)!;
        var wrapper = syscalls.GetMethods().Single(m => m.Name == "KapiInject" && m.GetParameters()[0].ParameterType.IsEnum);
        Assert.Equal(SyscallName, wrapper.GetCustomAttribute<KapiSyscallAttribute>()!.Api);
        // Attribute arguments are UTF-8 in metadata: a lone surrogate cannot survive there and becomes U+FFFD; every
        // other character does.
        var flags = wrapper.GetParameters()[0].GetCustomAttribute<KapiFlagsAttribute>()!;
        Assert.Equal(WithoutLoneSurrogates(HostileSpecs.Value("F03", payload)), flags.Parameter);

        // The exception message is the error's description (trimmed), without entering the kernel: bits outside the
        // valid mask fail validation, and the DllImport resolver refuses any native call.
        var orThrow = syscalls.GetMethod("KapiInjectOrThrow")!;
        var invalidFlags = Enum.ToObject(orThrow.GetParameters()[0].ParameterType, 0x4000);
        var thrown = Assert.Throws<TargetInvocationException>(() => orThrow.Invoke(null, new[] { invalidFlags, (object)0 }));
        var exception = Assert.IsType<KapiSyscallException>(thrown.InnerException);
        Assert.Equal(SyscallName, exception.Api);
        Assert.Equal("EINVAL", exception.ErrorName);
        Assert.Equal($"{SyscallName} failed with EINVAL: {HostileSpecs.Value("F12", payload).Trim()}", exception.Message);
        Assert.Equal(0, loaded.NativeBindAttempts);
    }

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public void XmlDocumentation_IsWellFormed(string payloadName)
    {
        string payload = HostileSpecs.Payloads[payloadName];
        var run = Generation.Run(new[] { (SpecPath, HostileText(payload)) });
        Generation.AssertNoGeneratorFailure(run, payloadName);
        // CS1570 (badly formed XML), CS1584, CS1658 … are warnings: none may appear.
        Generation.AssertCompiles(run, payloadName, DiagnosticSeverity.Warning);

        // 1. Each /// block of each member, parsed on its own.
        int blocks = 0;
        foreach (var source in run.Sources)
        {
            foreach (var doc in source.SyntaxTree.GetRoot().DescendantTrivia()
                         .Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)))
            {
                blocks++;
                string xml = string.Join("\n", doc.ToFullString().Split('\n')
                    .Select(l => l.TrimStart())
                    .Where(l => l.StartsWith("///", StringComparison.Ordinal))
                    .Select(l => l.Substring(3)));
                var parsed = ParseXml("<doc>" + xml + "</doc>", $"{payloadName}: {source.HintName} line {doc.GetLocation().GetLineSpan().StartLinePosition.Line + 1}");
                Assert.DoesNotContain(HostileSpecs.Marker, string.Concat(parsed.Descendants().Select(e => e.Name.LocalName)), StringComparison.Ordinal);
                Assert.DoesNotContain(parsed.Descendants().Attributes(), a => a.Value.Contains(HostileSpecs.Marker, StringComparison.Ordinal));
            }
        }
        Assert.True(blocks >= 20, $"only {blocks} documentation blocks");

        // 2. The compiler's documentation file.
        using var pe = new MemoryStream();
        using var xmlStream = new MemoryStream();
        var emitted = run.Output.Emit(pe, xmlDocumentationStream: xmlStream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        string documentation = System.Text.Encoding.UTF8.GetString(xmlStream.ToArray());
        var file = ParseXml(documentation, payloadName + ": documentation file");
        Assert.DoesNotContain("Badly formed XML", documentation, StringComparison.Ordinal);
        var members = file.Descendants("member").ToList();
        Assert.Contains(members, m => (string?)m.Attribute("name") == "P:Kapi.Generated.KernelApiSpecs.SysKapiInject");

        // 3. The text survives as text: the summary of the registry property holds the description (normalized to one
        //    line), with the markup characters as characters, not elements.
        var summary = members.Single(m => (string?)m.Attribute("name") == "P:Kapi.Generated.KernelApiSpecs.SysKapiInject").Element("summary")!;
        Assert.Single(summary.Elements()); // <c>sys_kapi_inject</c> only
        if (payloadName == "Markup")
        {
            Assert.Contains("</summary> </param> <param name=\"x\">", summary.Value, StringComparison.Ordinal);
            Assert.Contains("]]> <![CDATA[", summary.Value, StringComparison.Ordinal);
            Assert.Contains("\u202E INJECTED_Rlo", summary.Value, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public void NothingFromTheSpecBecomesCode(string payloadName)
    {
        string payload = HostileSpecs.Payloads[payloadName];
        var hostile = Generation.Run(new[] { (SpecPath, HostileText(payload)) });
        var benign = Generation.Run(new[] { ("/specs/benign.kapi", BenignText()) });
        Generation.AssertNoGeneratorFailure(hostile, payloadName);
        Generation.AssertNoGeneratorFailure(benign, "benign");
        Generation.AssertCompiles(benign, "benign", DiagnosticSeverity.Warning);
        Generation.AssertCompiles(hostile, payloadName, DiagnosticSeverity.Warning);

        Assert.Equal(benign.Sources.Select(s => s.HintName), hostile.Sources.Select(s => s.HintName));
        foreach (var (h, b) in hostile.Sources.Zip(benign.Sources))
        {
            var root = h.SyntaxTree.GetRoot();

            // 1. The same code shape as for benign text: the token kinds, in order (names and literal values aside).
            var hostileShape = Shape(root);
            var benignShape = Shape(b.SyntaxTree.GetRoot());
            int diff = Enumerable.Range(0, Math.Min(hostileShape.Count, benignShape.Count)).FirstOrDefault(i => hostileShape[i] != benignShape[i], -1);
            Assert.True(hostileShape.Count == benignShape.Count && diff < 0,
                $"{payloadName}: {h.HintName} differs in shape from the benign output at token {diff} ({hostileShape.Count} vs {benignShape.Count} tokens)");

            // 2. The marker never appears outside string literals (identifiers from names are sanitized, and name fields carry no marker).
            foreach (var token in root.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken)) continue;
                Assert.False(token.Text.Contains(HostileSpecs.Marker, StringComparison.Ordinal), $"{payloadName}: {h.HintName}: token '{token.Text}' at {token.GetLocation().GetLineSpan()}");
            }

            // 3. No directive but the generator's own #nullable enable.
            var directives = root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective).Select(t => t.ToString().Trim()).ToList();
            Assert.All(directives, d => Assert.Equal("#nullable enable", d));

            // 4. Every comment line is one line of the file; no bidi control, zero-width character or other invisible
            //    format character, and no line terminator other than LF, is written into the source text.
            string textOf = h.SourceText.ToString();
            foreach (char c in textOf.Where(c => c >= 0x80))
            {
                Assert.False(char.IsSurrogate(c) ? false : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format,
                    $"{payloadName}: {h.HintName} contains the invisible format character U+{(int)c:X4}");
                Assert.False(c is '\u2028' or '\u2029' or '\u0085', $"{payloadName}: {h.HintName} contains the line terminator U+{(int)c:X4}");
            }
            for (int i = 0; i + 1 < textOf.Length; i++)
            {
                if (char.IsHighSurrogate(textOf[i]) && char.IsLowSurrogate(textOf[i + 1]))
                {
                    Assert.False(CharUnicodeInfo.GetUnicodeCategory(textOf, i) == UnicodeCategory.Format, $"{payloadName}: {h.HintName} contains an invisible supplementary character");
                }
            }
            Assert.DoesNotContain('\r', textOf);
            Assert.DoesNotContain('\0', textOf);
        }

        // 5. The declared API: the same kinds of symbols, the same number of each, the same signatures' arity.
        Assert.Equal(Api(benign.Output), Api(hostile.Output));
    }

    // ------------------------------------------------------------------ helpers

    private static string WithoutLoneSurrogates(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) sb.Append(text[i]).Append(text[++i]);
            else sb.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
        }
        return sb.ToString();
    }

    private static void AssertSameString(string expected, string actual, string message)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal)) return;
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        throw new Xunit.Sdk.XunitException($"{message}: first difference at {i}: expected {Escape(expected, i)}, got {Escape(actual, i)}");
    }

    private static string Escape(string s, int from) =>
        string.Concat(s.Skip(from).Take(24).Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));

    private static XDocument ParseXml(string xml, string context)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new Xunit.Sdk.XunitException($"{context}: not well-formed XML: {e.Message}\n{xml}");
        }
    }

    /// <summary>The token kinds of a tree, without trivia: identifiers and literals by kind only.</summary>
    private static List<SyntaxKind> Shape(SyntaxNode root) => root.DescendantTokens().Select(t => t.Kind()).ToList();

    /// <summary>The declared symbols of the compilation's source, by kind and arity (names come from spec text).</summary>
    private static List<string> Api(Compilation compilation)
    {
        var result = new List<string>();
        void Visit(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers().OrderBy(m => m.MetadataName, StringComparer.Ordinal))
            {
                if (!member.Locations.Any(l => l.IsInSource)) continue;
                string entry = member switch
                {
                    IMethodSymbol m => $"method {m.MethodKind} params={m.Parameters.Length} returns={m.ReturnType.TypeKind}",
                    IFieldSymbol f => $"field const={f.IsConst} {f.Type.TypeKind}",
                    IPropertySymbol p => $"property {p.Type.TypeKind}",
                    INamedTypeSymbol t => $"type {t.TypeKind} members={t.GetMembers().Length}",
                    INamespaceSymbol n => "namespace " + n.ToDisplayString(),
                    _ => member.Kind.ToString(),
                };
                result.Add(entry);
                if (member is INamespaceOrTypeSymbol nested) Visit(nested);
            }
        }
        Visit(compilation.Assembly.GlobalNamespace);
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
