using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using Kapi.Analyzers.Specs;
using Kapi.Analyzers.Tests.Infrastructure;
using Kapi.Architectures;
using Kapi.Model;
using Xunit;

namespace Kapi.Analyzers.Tests.Specs;

/// <summary>
/// The built-in spec library as the analyzers load it: data bound at build time (BuiltInSpecData.g.cs, written by
/// src/Kapi.Analyzers.SpecData). It must equal what the front end makes of the repository's <c>kapi/</c> specs now, so it
/// cannot go stale, and it must carry every part of a spec that analyzer code reads.
/// </summary>
public class PrebuiltSpecDataTests
{
    private static readonly string[] s_carried = BuiltInSpecData.CarriedSpecProperties();

    [Fact]
    public void Prebuilt_data_was_bound_from_every_repository_spec()
    {
        Assert.Equal(RepositorySpecFiles().Select(f => f.Name).ToArray(), BuiltInSpecLibrary.PrebuiltFiles);
        Assert.Equal(BuiltInSpecLibrary.ResourceNames.ToArray(), BuiltInSpecLibrary.PrebuiltFiles);
    }

    [Fact]
    public void Prebuilt_specs_equal_binding_the_repository_specs()
    {
        var bound = RepositoryCatalog();
        var prebuilt = BuiltInSpecLibrary.Catalog;

        Assert.True(bound.Count > 0);
        Assert.Equal(bound.Count, prebuilt.Count);
        var expected = bound.Specs.Select(Carried).ToList();
        var actual = prebuilt.Specs.ToList();
        Assert.Equal(expected.Select(s => s.Name), actual.Select(s => s.Name));
        for (int i = 0; i < expected.Count; i++)
        {
            // record equality: every parameter with every value per architecture, the C text of each value …
            Assert.True(expected[i] == actual[i], $"{expected[i].Name}: the prebuilt data differs from binding kapi/ (rebuild Kapi.Analyzers)");
        }
    }

    [Fact]
    public void Prebuilt_catalog_answers_every_lookup_as_the_bound_one()
    {
        var bound = RepositoryCatalog();
        var prebuilt = BuiltInSpecLibrary.Catalog;
        var flagNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var spec in bound.Specs)
        {
            Assert.True(prebuilt.TryGetSpec(spec.Name, out var byName));
            Assert.Equal(spec.Name, byName.Name);
            Assert.Equal(bound.TryGetSyscall(spec.ShortName, out var a), prebuilt.TryGetSyscall(spec.ShortName, out var b));
            Assert.Equal(a?.Name, b?.Name);
            foreach (var p in spec.Params)
            {
                foreach (var f in p.MaskFlags) flagNames.Add(f.Name);
                foreach (var f in p.EnumValues) flagNames.Add(f.Name);
            }
        }
        Assert.NotEmpty(flagNames);
        flagNames.Add("NOT_A_FLAG");
        flagNames.Add("MCL_CURRENT");
        foreach (var name in flagNames)
        {
            var expected = bound.OwnersOfFlag(name);
            var actual = prebuilt.OwnersOfFlag(name);
            Assert.Equal(expected.Select(o => (o.Spec.Name, o.Param.Index)), actual.Select(o => (o.Spec.Name, o.Param.Index)));
            Assert.Equal(expected.Select(o => o.Param), actual.Select(o => o.Param));
            foreach (var arch in KapiArchitectures.All)
            {
                Assert.Equal(bound.TryGetConstant(name, arch, out long v1), prebuilt.TryGetConstant(name, arch, out long v2));
                Assert.Equal(v1, v2);
            }
        }
    }

    [Fact]
    public void A_spec_is_constructed_once_on_first_lookup()
    {
        var catalog = SpecCatalog.CreateLazy(BuiltInSpecData.Names(), BuiltInSpecData.SyscallEntries(), BuiltInSpecData.FlagNames, BuiltInSpecData.Create);
        var specs = new ApiSpec[64];
        Parallel.For(0, specs.Length, i => Assert.True(catalog.TryGetSyscall("mlockall", out specs[i])));
        Assert.All(specs, s => Assert.Same(specs[0], s));
        Assert.True(catalog.TryGetSpec("sys_mlockall", out var byName));
        Assert.Same(specs[0], byName);
        // the flag index hands out the spec's own parameter objects (the analyzer compares them by reference)
        var owner = Assert.Single(catalog.OwnersOfFlag("MCL_ONFAULT"));
        Assert.Same(specs[0], owner.Spec);
        Assert.Same(specs[0].Params[0], owner.Param);
    }

    /// <summary>
    /// The prebuilt data leaves every <see cref="ApiSpec"/> property but <see cref="BuiltInSpecData.CarriedSpecProperties"/>
    /// at its default: analyzer code (Kapi.Analyzers, Kapi.CodeFixes) must not read any other member of a spec, or it
    /// would see nothing for the built-in library. A new need is met by adding the property to
    /// <c>BuiltInSpecDataGenerator.CarriedSpecProperties</c> (src/Kapi.Analyzers.SpecData).
    /// </summary>
    [Fact]
    public void Analyzers_read_only_the_spec_members_the_prebuilt_data_carries()
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { ".ctor", "get_ShortName", "get_IsSyscall", "op_Equality", "op_Inequality", "Equals", "GetHashCode" };
        foreach (var p in s_carried)
        {
            allowed.Add("get_" + p);
            allowed.Add("set_" + p);
        }
        var used = new List<string>();
        foreach (var assembly in new[] { typeof(KapiFlagsAnalyzer).Assembly, typeof(Kapi.CodeFixes.KapiFlagsCodeFixProvider).Assembly })
        {
            using var pe = new PEReader(File.OpenRead(assembly.Location));
            var md = pe.GetMetadataReader();
            foreach (var handle in md.MemberReferences)
            {
                var member = md.GetMemberReference(handle);
                if (member.Parent.Kind != HandleKind.TypeReference) continue;
                var type = md.GetTypeReference((TypeReferenceHandle)member.Parent);
                if (md.GetString(type.Namespace) != "Kapi.Model" || md.GetString(type.Name) != nameof(ApiSpec)) continue;
                string name = md.GetString(member.Name);
                used.Add(name);
                Assert.True(allowed.Contains(name),
                    $"{assembly.GetName().Name} uses ApiSpec.{name}, which the prebuilt built-in library does not carry: add the property to BuiltInSpecDataGenerator.CarriedSpecProperties");
            }
        }
        Assert.Contains("get_Params", used);
    }

    private static List<(string Name, string Path)> RepositorySpecFiles()
    {
        var root = Path.Combine(TestReferences.RepositoryRoot, "kapi");
        return Directory.EnumerateFiles(root, "*.kapi", SearchOption.AllDirectories)
            .Select(f => ("kapi/" + Path.GetRelativePath(root, f).Replace('\\', '/'), f))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The repository's kapi/ specs bound by the front end now, as the library did at run time before.</summary>
    private static SpecCatalog RepositoryCatalog()
    {
        var models = RepositorySpecFiles().Select(f => KapiDocument.Bind(File.ReadAllText(f.Path), f.Name)).ToList();
        foreach (var model in models)
        {
            Assert.False(model.HasErrors, model.Path + ": " + string.Join("; ", model.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        }
        return BuiltInSpecLibrary.CreateCatalog(models);
    }

    /// <summary>What the prebuilt data keeps of <paramref name="spec"/>: the carried properties, the rest default.</summary>
    private static ApiSpec Carried(ApiSpec spec)
    {
        var carried = new ApiSpec();
        foreach (var name in s_carried)
        {
            var property = typeof(ApiSpec).GetProperty(name) ?? throw new InvalidOperationException("no ApiSpec." + name);
            property.SetValue(carried, property.GetValue(spec));
        }
        return carried;
    }
}
