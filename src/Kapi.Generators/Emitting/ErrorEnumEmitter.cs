using System.Globalization;

namespace Kapi.Generators.Emitting;

/// <summary>Writes a system call's error enum: exactly the spec's <c>KAPI_ERROR</c>s, in portable (x86-64) errno numbers.</summary>
internal static class ErrorEnumEmitter
{
    public static void Emit(SourceWriter w, SpecPlan plan, SyscallPlan s)
    {
        var errors = s.Errors;
        DocComments.ErrorEnum(w, plan);
        EnumEmitter.Declaration(w, $"{plan.Options.Visibility} enum {errors.TypeName}", errors.Members, m =>
        {
            DocComments.ErrorMember(w, m);
            return $"{m.Identifier} = {m.Portable.ToString(CultureInfo.InvariantCulture)}";
        });
    }
}
