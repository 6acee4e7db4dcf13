using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Kapi.Generators.Tests.Infrastructure;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>Keeps Snapshots/ honest: every verified file belongs to an existing test; files are UTF-8 with BOM and LF.</summary>
[Collection("Snapshots")]
public class SnapshotHygieneTests
{
    [Fact]
    public void EveryVerifiedFile_BelongsToATest_AndIsBomLf()
    {
        Assert.True(Directory.Exists(SnapshotAssert.Directory), SnapshotAssert.Directory);
        var tests = typeof(SnapshotHygieneTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => t.Name + "." + m.Name))
            .ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(SnapshotAssert.Directory, "*.verified.*").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var stem = name.Split('#')[0];
            if (stem.EndsWith(".verified.txt", StringComparison.Ordinal)) stem = stem[..^".verified.txt".Length];
            int underscore = stem.IndexOf('_', stem.IndexOf('.', StringComparison.Ordinal));
            Assert.True(tests.Contains(stem) || (underscore > 0 && tests.Contains(stem[..underscore])) || tests.Any(t => stem.StartsWith(t + "_", StringComparison.Ordinal)),
                $"{name} belongs to no test (orphan snapshot)");
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, name + " lacks a UTF-8 BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
        }
        Assert.Empty(Directory.EnumerateFiles(SnapshotAssert.Directory, "*.received.*"));
    }
}
