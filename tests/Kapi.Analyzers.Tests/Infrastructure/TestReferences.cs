using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Kapi.Analyzers.Tests.Infrastructure;

internal static class TestReferences
{
    /// <summary>No package to resolve (offline); the framework comes from Basic.Reference.Assemblies.Net100.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> Net100 { get; } =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    public static MetadataReference TmdsLibC { get; } = MetadataReference.CreateFromFile(Metadata("TmdsLibCPath"));

    public static MetadataReference MonoPosix { get; } = MetadataReference.CreateFromFile(Metadata("MonoPosixPath"));

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    private static string Metadata(string key)
    {
        var value = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;
        if (key.EndsWith("Path", StringComparison.Ordinal) && !File.Exists(value)) throw new FileNotFoundException(value);
        return value;
    }
}
