using Kapi.Kerneldoc;

namespace Kapi.FrontEnd.Tests;

/// <summary>KerneldocText.Builder borrows the thread's StringBuilder until Build: values must not leak between builders.</summary>
public class KerneldocTextBuilderTests
{
    private const string Source = "alpha beta gamma delta";

    [Fact]
    public void Runs_and_separators_make_the_value_and_pieces_map_back_to_the_source()
    {
        var b = new KerneldocText.Builder(0);
        Assert.True(b.IsEmpty);
        b.Separator(" ");      // nothing before it: ignored
        b.Append(Source, 0, 5);
        b.Separator("\n");
        b.Append(Source, 11, 5);
        var text = b.Build();
        Assert.Equal("alpha\ngamma", text.Value);
        Assert.Equal(new[] { 0, 11 }, text.Pieces.Select(p => p.SourceStart));
        Assert.Equal(new Kapi.Text.TextSpan(11, 5), text.SourceSpan(6, 5));
    }

    [Fact]
    public void Two_builders_open_at_once_keep_their_own_text()
    {
        var first = new KerneldocText.Builder(0);
        var second = new KerneldocText.Builder(0);
        first.Append(Source, 0, 5);
        second.Append(Source, 6, 4);
        first.Append(Source, 5, 5);
        Assert.Equal("beta", second.Build().Value);
        Assert.Equal("alpha beta", first.Build().Value);
        var third = new KerneldocText.Builder(0);
        third.Append(Source, 17, 5);
        Assert.Equal("delta", third.Build().Value);
    }

    [Fact]
    public void Build_twice_gives_the_same_value_and_appending_after_Build_goes_on_from_it()
    {
        var b = new KerneldocText.Builder(0);
        b.Append(Source, 0, 5);
        Assert.Equal("alpha", b.Build().Value);
        Assert.Equal("alpha", b.Build().Value);
        Assert.False(b.IsEmpty);
        b.Separator(" ");
        b.Append(Source, 6, 4);
        var text = b.Build();
        Assert.Equal("alpha beta", text.Value);
        Assert.Equal(new[] { 0, 6 }, text.Pieces.Select(p => p.SourceStart));
    }
}
