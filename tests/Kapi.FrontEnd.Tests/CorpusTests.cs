using Kapi.Diagnostics;
using Kapi.Text;
using Xunit.Abstractions;

namespace Kapi.FrontEnd.Tests;

public class CorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        if (RepositoryPaths.CorpusAvailable)
        {
            foreach (var f in Directory.GetFiles(RepositoryPaths.CorpusMacroDir, "*.kapi").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(f));
            }
        }
        else
        {
            data.Add("(corpus absent)");
        }
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_binds_without_errors(string fileName)
    {
        string path = Path.Combine(RepositoryPaths.CorpusMacroDir, fileName);
        string text = File.ReadAllText(path);
        // file-scope arrays referenced by name live in corpus/aux: prepend them as the kernel source has them
        string aux = string.Concat(Directory.GetFiles(RepositoryPaths.CorpusAuxDir).OrderBy(f => f, StringComparer.Ordinal)
            .Where(f => text.Contains(Path.GetFileName(f).Split('.')[0], StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var model = KapiDocument.Bind(aux + "\n" + text, fileName);
        var source = new KapiSourceText(aux + "\n" + text, fileName);
        foreach (var d in model.Diagnostics) output.WriteLine(d.Format(source));

        Assert.DoesNotContain(model.Diagnostics, d => d.Severity == KapiSeverity.Error);
        Assert.Single(model.Specs);
        // every declared count in the corpus equals its items (no upstream inconsistency exists in these files)
        Assert.DoesNotContain(model.Diagnostics, d => d.Id == KapiDiagnostics.CountMismatch.Id);
    }
}
