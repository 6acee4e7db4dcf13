using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Testing;

/// <summary>Supplies build_property.* (global) and build_metadata.AdditionalFiles.* (per file path) values.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _global;
    private readonly Dictionary<string, DictionaryOptions> _perFile = new(StringComparer.Ordinal);

    public TestOptionsProvider(IReadOnlyDictionary<string, string>? globalProperties = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null)
    {
        var g = new Dictionary<string, string>(StringComparer.Ordinal);
        if (globalProperties is not null)
        {
            foreach (var kv in globalProperties) g["build_property." + kv.Key] = kv.Value;
        }
        _global = new DictionaryOptions(g);
        if (fileMetadata is not null)
        {
            foreach (var f in fileMetadata)
            {
                var d = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var kv in f.Value) d["build_metadata.AdditionalFiles." + kv.Key] = kv.Value;
                _perFile[f.Key] = new DictionaryOptions(d);
            }
        }
    }

    public static TestOptionsProvider Empty { get; } = new();

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out var o) ? o : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
