using BenchmarkDotNet.Attributes;

namespace Kapi.Benchmarks;

/// <summary>Parse + bind throughput of the front end (issue 2: target ≥ 20 MB/s on this 2-core machine).</summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private string _corpus = string.Empty;
    private string _synthetic = string.Empty;
    private readonly KapiParseOptions _unlimited = new(MaxFileSize: int.MaxValue);

    private static bool s_warmedUp;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchmarkInputs.Concatenated;
        _synthetic = BenchmarkInputs.Synthetic;
        if (!s_warmedUp)
        {
            // Once per process: enough calls for tiered compilation to reach tier-1 code before the first measurement
            // (BenchmarkDotNet's short quick-mode warmup otherwise leaves the first benchmark of the class on tier-0 code).
            s_warmedUp = true;
            for (int i = 0; i < 40; i++) ParseBind_CorpusConcatenated();
            Thread.Sleep(200);
            for (int i = 0; i < 10; i++) ParseBind_CorpusConcatenated();
        }
    }

    /// <summary>Every spec file of the corpus and kapi/, concatenated into one text.</summary>
    [Benchmark(Baseline = true)]
    public int ParseBind_CorpusConcatenated() => KapiDocument.Bind(_corpus, "corpus.kapi", _unlimited).Specs.Count;

    /// <summary>A ~4 MB synthetic file made of renamed copies of the corpus.</summary>
    [Benchmark]
    public int ParseBind_Synthetic4MB() => KapiDocument.Bind(_synthetic, "synthetic.kapi", _unlimited).Specs.Count;

    /// <summary>Each file parsed on its own, as the generator does (one parse per file version).</summary>
    [Benchmark]
    public int ParseBind_PerFile()
    {
        int n = 0;
        foreach (var (path, text) in BenchmarkInputs.SpecFiles) n += KapiDocument.Bind(text, path).Specs.Count;
        return n;
    }
}
