namespace Kapi.Generators.Emitting;

/// <summary>Renders the registry: <c>KernelApiSpecs.All</c> and lookup by name, over every emitted spec.</summary>
internal static class IndexEmitter
{
    public static GeneratedFile? Emit(IReadOnlyList<IndexEntry> entries, KapiGeneratorOptions o)
    {
        if (entries.Count == 0) return null;
        var sorted = entries.OrderBy(static e => e.SpecName, StringComparer.Ordinal).ToList();
        const string spec = "global::Kapi.Runtime.Metadata.KernelApiSpec";
        var w = new SourceWriter();
        GeneratedCodeMarkers.Header(w, "KAPI spec registry");
        w.Open($"namespace {o.Namespace}");

        OpenClass(w, $"{o.Visibility} static partial class {GeneratedNames.RegistryClassName}",
            "The KAPI specs this assembly was built with (every <c>.kapi</c> AdditionalFile), as runtime-queryable",
            "metadata: one property per spec, <see cref=\"All\"/>, and lookup by name.");
        w.Line($"private static global::System.Collections.Generic.IReadOnlyList<{spec}>? __s_all;");
        w.Line();
        w.Line("/// <summary>Every spec, ordered by name.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{spec}> All => __s_all ??= new {spec}[]");
        w.OpenBrace();
        foreach (var e in sorted) w.Line(e.MetadataMember + ",");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>Finds a spec by name (<c>sys_mlockall</c>); a system call is also found by its short name (<c>mlockall</c>).</summary>");
        w.Line("/// <param name=\"name\">The spec name.</param>");
        w.Line("/// <returns>The spec, or null.</returns>");
        w.Open($"public static {spec}? Find(string name)");
        w.Line("if (name is null) return null;");
        w.Open("switch (name)");
        foreach (var e in sorted) w.Line($"case {CSharp.Literal(e.SpecName)}: return {e.MetadataMember};");
        w.Close();
        w.Line("return name.StartsWith(\"sys_\", global::System.StringComparison.Ordinal) ? null : Find(\"sys_\" + name);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Finds a spec by name.</summary>");
        w.Line("/// <param name=\"name\">The spec name.</param>");
        w.Line("/// <param name=\"spec\">The spec, or null.</param>");
        w.Line("/// <returns>True when found.</returns>");
        w.Open($"public static bool TryGet(string name, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {spec}? spec)");
        w.Line("spec = Find(name);");
        w.Line("return spec is not null;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Gets a spec by name.</summary>");
        w.Line("/// <param name=\"name\">The spec name.</param>");
        w.Line("/// <returns>The spec.</returns>");
        w.Line("/// <exception cref=\"global::System.Collections.Generic.KeyNotFoundException\">No spec has that name.</exception>");
        w.Line($"public static {spec} Get(string name) => Find(name) ?? throw new global::System.Collections.Generic.KeyNotFoundException(\"No KAPI spec named '\" + name + \"'.\");");
        w.Close();

        if (sorted.Any(static e => e.HasBinding))
        {
            w.Line();
            OpenClass(w, $"{o.Visibility} static partial class {o.ClassName}",
                "Typed system-call bindings generated from KAPI specs: each wrapper validates its arguments against the spec,",
                "translates portable flag values to the running architecture, calls libc and returns a typed result.");
            w.Close();
        }
        w.Close();
        return new GeneratedFile(GeneratedNames.IndexHintName, w.ToString());
    }

    /// <summary>A generated class's doc comment, the generated-code marker and the class's opening line.</summary>
    private static void OpenClass(SourceWriter w, string declaration, params string[] summary)
    {
        w.Line("/// <summary>");
        foreach (var line in summary) w.Line("/// " + line);
        w.Line("/// </summary>");
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open(declaration);
    }
}
