namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes the binding part of a spec file, in this order: each parameter enum with its <c>Info</c> class
/// (<see cref="EnumEmitter"/>), the error enum (<see cref="ErrorEnumEmitter"/>), and the wrappers
/// (<see cref="WrapperEmitter"/>).
/// </summary>
internal static class SyscallEmitter
{
    public static void Emit(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        foreach (var e in s.Enums)
        {
            EnumEmitter.EmitEnum(w, plan, s, e);
            w.Line();
            EnumEmitter.EmitInfo(w, plan, e);
            w.Line();
        }
        ErrorEnumEmitter.Emit(w, plan, s);
        w.Line();
        WrapperEmitter.Emit(w, plan, s);
    }
}
