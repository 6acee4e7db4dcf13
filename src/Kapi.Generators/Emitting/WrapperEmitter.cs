namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes the wrappers of a system call into the <c>KapiClassName</c> class, in this order: the typed wrapper, its
/// raw-integer overload (when a parameter has an enum), its Span overload, the throwing variant and its Span overload,
/// the exception factory, the errno translation and the native import.
/// </summary>
internal static class WrapperEmitter
{
    public static void Emit(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        var o = plan.Options;
        string result = WrapperSignature.ResultType(s);
        w.Open($"{o.Visibility} static partial class {o.ClassName}");

        // The typed wrapper.
        DocComments.Wrapper(w, plan, s, raw: false);
        w.Line(WrapperSignature.KapiSyscallAttribute(plan));
        w.Line(GeneratedCodeMarkers.Attribute);
        // Inlined into the caller: the P/Invoke frame is then set up once per calling method, as for a DllImport the
        // caller would have declared itself, and not again in the wrapper (without it, a caller compiled without tiering
        // or PGO, NativeAOT or ReadyToRun, keeps the call).
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Line($"public static {result} {s.MethodName}({WrapperSignature.ParameterList(plan, s, raw: false)})");
        w.OpenBrace();
        WrapperBodyEmitter.Emit(w, s);
        w.Close();

        if (s.HasEnumParams)
        {
            w.Line();
            DocComments.Wrapper(w, plan, s, raw: true);
            w.Line(WrapperSignature.KapiSyscallAttribute(plan));
            w.Line(GeneratedCodeMarkers.Attribute);
            var args = string.Join(", ", s.Params.Select(p => p.Enum is not null ? $"({p.Enum}){p.Identifier}" : p.Identifier));
            w.Line($"public static {result} {s.MethodName}({WrapperSignature.ParameterList(plan, s, raw: true)}) => {s.MethodName}({args});");
        }

        // The Span overload (compilations with unsafe code only): byte buffers as spans, their lengths from the spans.
        string? valueType = WrapperSignature.ValueType(s);
        if (s.SpanBuffers.Count > 0)
        {
            w.Line();
            SpanOverloadEmitter.Emit(w, plan, s, throwing: false, result);
        }

        // The throwing variant.
        w.Line();
        DocComments.ThrowingWrapper(w, plan, s, returnsValue: valueType is not null);
        w.Line(WrapperSignature.KapiSyscallAttribute(plan));
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open($"public static {valueType ?? "void"} {s.MethodName}OrThrow({WrapperSignature.ParameterList(plan, s, raw: false)})");
        w.Line($"var __result = {s.MethodName}({string.Join(", ", s.Params.Select(p => p.Identifier))});");
        w.Line($"if (__result.IsError) throw {WrapperSignature.ExceptionMethod(s)}(__result.Error, __result.Errno, __result.IsRejectedBeforeCall);");
        if (valueType is not null) w.Line("return __result.Value;");
        w.Close();

        if (s.SpanBuffers.Count > 0)
        {
            w.Line();
            SpanOverloadEmitter.Emit(w, plan, s, throwing: true, valueType ?? "void");
        }

        w.Line();
        EmitExceptionFactory(w, plan, s);

        // errno: native -> portable.
        ErrnoTranslationEmitter.Emit(w, s);

        // The native import: blittable, no SetLastError (errno is read in the wrapper, KapiErrno.Read),
        // so it works with DisableRuntimeMarshalling and NativeAOT. libc is a system library: it is never looked for in
        // the application's directory (SafeDirectories; also what CA5392/CA5393 ask of every P/Invoke).
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.DefaultDllImportSearchPaths(global::System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]");
        w.Line($"[global::System.Runtime.InteropServices.DllImport(\"libc\", EntryPoint = {CSharp.Literal(s.LibcFunction)}, ExactSpelling = true)]");
        w.Line($"private static extern {s.Return.NativeType} {s.NativeMethodName}({string.Join(", ", s.Params.Select(p => p.NativeType + " " + p.Identifier))});");
        w.Close();
    }

    /// <summary>The exception of the throwing variant: its message is the spec's description of the error.</summary>
    private static void EmitExceptionFactory(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        w.Open($"private static global::Kapi.Runtime.KapiSyscallException {WrapperSignature.ExceptionMethod(s)}({s.Errors.TypeName} error, int errno, bool rejected)");
        if (s.Errors.Members.Count > 0)
        {
            w.Open("switch (error)");
            foreach (var m in s.Errors.Members)
            {
                w.Line($"case {s.Errors.TypeName}.{m.Identifier}: return new global::Kapi.Runtime.KapiSyscallException({CSharp.Literal(plan.SpecName)}, errno, {CSharp.Literal(m.Identifier)}, {CSharp.Literal(m.Message)}, rejected);");
            }
            w.Line($"default: return new global::Kapi.Runtime.KapiSyscallException({CSharp.Literal(plan.SpecName)}, errno, null, null, rejected);");
            w.Close();
        }
        else
        {
            w.Line($"return new global::Kapi.Runtime.KapiSyscallException({CSharp.Literal(plan.SpecName)}, errno, null, null, rejected);");
        }
        w.Close();
    }
}
