using System.Text;
using Kapi;
using SharpFuzz;

// AFL++ feeds one input per run through stdin (persistent mode). Any exception, hang or a diagnostic span outside
// the file is a finding. With an argument, replays the given files instead (to turn crashes into regression tests).
if (args.Length > 0)
{
    foreach (var path in args)
    {
        Check(File.ReadAllBytes(path));
        Console.WriteLine($"ok {path}");
    }
    return;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var ms = new MemoryStream();
    stream.CopyTo(ms);
    Check(ms.ToArray());
});

static void Check(byte[] bytes)
{
    string text = Encoding.UTF8.GetString(bytes);
    // a spec file, a kernel-doc spec file and a C source: the kerneldoc reader runs on all three, the macro parser on
    // the spec files and on C sources that name an entry macro
    foreach (var path in new[] { "fuzz.kapi", "fuzz.kdoc", "fuzz.c" })
    {
        var model = KapiDocument.Bind(text, path);
        foreach (var l in model.Locations)
        {
            if (l.BlockSpan.Start < 0 || l.BlockSpan.End > text.Length || l.NameSpan.End > text.Length)
            {
                throw new InvalidOperationException($"spec {l.Name} at {l.BlockSpan} outside a file of {text.Length} chars");
            }
        }
        foreach (var d in model.Diagnostics)
        {
            if (d.Span.Start < 0 || d.Span.End > text.Length || d.Span.Length < 0)
            {
                throw new InvalidOperationException($"diagnostic {d.Id} span {d.Span} outside a file of {text.Length} chars");
            }
        }
    }
}
