namespace Kapi.Generators.Emitting;

/// <summary>Renders one spec's file: bindings (when there are any) and spec metadata.</summary>
internal static class SpecEmitter
{
    public static GeneratedFile Emit(SpecPlan plan)
    {
        try
        {
            return new GeneratedFile(plan.HintName, Render(plan));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never let an exception escape into the compiler (CS8785 would hide every other output).
            // A bug here is loud instead: the build fails with this message.
            var w = new SourceWriter();
            GeneratedCodeMarkers.Header(w, $"KAPI spec '{plan.SpecName}'");
            w.Line($"#error Kapi.Generators failed to generate code for the KAPI spec '{CSharp.Comment(plan.SpecName)}': {CSharp.Comment(ex.GetType().Name + ": " + ex.Message)}");
            return new GeneratedFile(plan.HintName, w.ToString());
        }
    }

    private static string Render(SpecPlan plan)
    {
        var w = new SourceWriter();
        GeneratedCodeMarkers.Header(w, $"KAPI spec '{plan.SpecName}'{(plan.SourceFile is null ? string.Empty : " from " + plan.SourceFile)}");
        if (plan.Syscall is null && plan.NoBindingReason is not null)
        {
            w.Line("// " + CSharp.Comment(plan.NoBindingReason));
            w.Line();
        }
        w.Open($"namespace {plan.Options.Namespace}");
        if (plan.Syscall is { } syscall)
        {
            SyscallEmitter.Emit(w, plan, syscall);
            w.Line();
        }
        MetadataEmitter.Emit(w, plan);
        w.Close();
        return w.ToString();
    }
}
