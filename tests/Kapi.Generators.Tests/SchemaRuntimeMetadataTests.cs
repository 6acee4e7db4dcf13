using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Kapi.Model;
using Kapi.Model.Schema;
using Kapi.Runtime.Metadata;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// The model's section schemas and the runtime metadata classes the generator emits stay in step: every field of a
/// section has a settable property of the matching type in its runtime class, and every settable runtime property is a
/// field of its section (so a field added on one side and forgotten on the other fails here, not in a user's build).
/// </summary>
public sealed class SchemaRuntimeMetadataTests
{
    // KernelApiSpec's identity and what the generator adds about the binding are not fields of the spec's schema.
    private static readonly HashSet<string> s_specExtras = new(StringComparer.Ordinal) { "Name", "Kind", "SourceFile", "BindingMethod" };

    public static TheoryData<string> Sections()
    {
        var data = new TheoryData<string>();
        foreach (var section in AllSections()) data.Add(section.RuntimeType);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_schema_field_has_a_runtime_property_of_its_kind(string runtimeType)
    {
        var section = AllSections().Single(s => s.RuntimeType == runtimeType);
        var type = RuntimeType(section);
        foreach (var field in section.Fields.Where(f => f.RuntimeProperty is not null))
        {
            var property = type.GetProperty(field.RuntimeProperty!, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is not null, $"{type.Name} has no property {field.RuntimeProperty} for {section.ModelType.Name}.{field.Property}");
            Assert.True(property!.SetMethod is not null, $"{type.Name}.{property.Name} cannot be set by the generated initializer");
            Assert.True(Compatible(field, property.PropertyType), $"{type.Name}.{property.Name} is {property.PropertyType.Name}, but the field is {field.Kind}");
        }
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_settable_runtime_property_is_a_schema_field(string runtimeType)
    {
        var section = AllSections().Single(s => s.RuntimeType == runtimeType);
        var type = RuntimeType(section);
        var fields = new HashSet<string>(section.Fields.Where(f => f.RuntimeProperty is not null).Select(f => f.RuntimeProperty!), StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            if (section == ApiSpec.Schema && s_specExtras.Contains(property.Name)) continue;
            Assert.True(fields.Contains(property.Name), $"{type.Name}.{property.Name} is no field of {section.ModelType.Name}'s schema");
        }
    }

    [Fact]
    public void Every_model_property_is_a_schema_field()
    {
        foreach (var section in AllSections())
        {
            var fields = new HashSet<string>(section.Fields.Select(f => f.Property), StringComparer.Ordinal);
            foreach (var property in section.ModelType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
            {
                if (section == ApiSpec.Schema && property.Name is "Name" or "Kind") continue;
                if (property.Name == "EqualityContract") continue;
                Assert.True(fields.Contains(property.Name), $"{section.ModelType.Name}.{property.Name} is not described by its schema");
            }
        }
    }

    private static Type RuntimeType(KapiSectionSchema section) =>
        typeof(KernelApiSpec).Assembly.GetType("Kapi.Runtime.Metadata." + section.RuntimeType)
        ?? throw new InvalidOperationException("no runtime class " + section.RuntimeType);

    private static bool Compatible(KapiField field, Type type) => field.Kind switch
    {
        KapiFieldKind.Text or KapiFieldKind.Symbol => type == typeof(string),
        KapiFieldKind.Number => type == typeof(KapiConstant),
        KapiFieldKind.Flag => type == typeof(bool),
        KapiFieldKind.Count => type == typeof(int) || type == typeof(long) || type == typeof(long?),
        KapiFieldKind.Term => type == (field.RuntimeAsText ? typeof(string) : typeof(KapiConstant)),
        KapiFieldKind.Numbers => type == typeof(IReadOnlyList<KapiConstant>),
        KapiFieldKind.NamedNumbers => type == typeof(IReadOnlyList<KapiNamedConstant>),
        KapiFieldKind.Texts => type == typeof(IReadOnlyList<string>),
        KapiFieldKind.Section => type == RuntimeType(field.Section!),
        KapiFieldKind.Sections => type == typeof(IReadOnlyList<>).MakeGenericType(RuntimeType(field.Section!)),
        _ => false,
    };

    private static IEnumerable<KapiSectionSchema> AllSections()
    {
        var seen = new List<KapiSectionSchema>();
        var pending = new Stack<KapiSectionSchema>();
        pending.Push(ApiSpec.Schema);
        while (pending.Count > 0)
        {
            var section = pending.Pop();
            if (seen.Contains(section)) continue;
            seen.Add(section);
            foreach (var field in section.Fields) if (field.Section is { } child) pending.Push(child);
        }
        return seen;
    }
}
