namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes the Span overload of the wrapper (or of its throwing variant): each buffer of
/// <see cref="SyscallPlan.SpanBuffers"/> is a span, pinned with <c>fixed</c> and passed as a pointer, and its length
/// parameter is left out and passed the span's length. It calls the pointer overload, which checks the constraints and
/// makes the call. Only emitted when the compilation allows unsafe code.
/// </summary>
internal static class SpanOverloadEmitter
{
    /// <param name="w">The writer.</param>
    /// <param name="plan">The spec's plan.</param>
    /// <param name="s">The binding.</param>
    /// <param name="throwing">The overload of the throwing variant.</param>
    /// <param name="returnType">The return type of the overload called.</param>
    public static void Emit(SourceWriter w, SpecPlan plan, SyscallPlan s, bool throwing, string returnType)
    {
        string name = s.MethodName + (throwing ? "OrThrow" : string.Empty);
        DocComments.SpanOverload(w, plan, s, name, throwing, returnsValue: returnType != "void");
        w.Line(WrapperSignature.KapiSyscallAttribute(plan));
        w.Line(GeneratedCodeMarkers.Attribute);

        var parameters = new List<string>();
        var args = new List<string>();
        var pins = new List<string>();
        for (int i = 0; i < s.Params.Count; i++)
        {
            var p = s.Params[i];
            if (s.SpanFor(i) is { } b)
            {
                parameters.Add(b.SpanType + " " + p.Identifier);
                pins.Add($"{p.NativeLocal} = {p.Identifier}");
                args.Add("(nint)" + p.NativeLocal);
            }
            else if (s.IsSpanLength(i))
            {
                var buffer = s.Params[s.SpanBuffers.First(x => x.Size == i).Buffer];
                // Every length type holds 0..int.MaxValue (see SpecPlanner), so the conversion keeps the value.
                args.Add(p.NativeType == "int" ? buffer.Identifier + ".Length" : $"({p.NativeType}){buffer.Identifier}.Length");
            }
            else
            {
                parameters.Add(WrapperSignature.Parameter(plan, p, raw: false));
                args.Add(p.Identifier);
            }
        }
        w.Open($"public static unsafe {returnType} {name}({string.Join(", ", parameters)})");
        w.Open($"fixed (byte* {string.Join(", ", pins)})");
        w.Line($"{(returnType == "void" ? string.Empty : "return ")}{name}({string.Join(", ", args)});");
        w.Close();
        w.Close();
    }
}
