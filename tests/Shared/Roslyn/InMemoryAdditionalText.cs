using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kapi.Testing;

/// <summary>An in-memory AdditionalText (what the compiler hands generators and analyzers for an AdditionalFiles item).</summary>
/// <remarks>Linked into the test projects that set KapiRoslynTests (tests/Directory.Build.props).</remarks>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
