namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes a parameter's enum (members with their portable, x86-64 values) and its <c>Info</c> class (the masks and
/// the translation to native values, see <see cref="EnumTranslationEmitter"/>).
/// </summary>
internal static class EnumEmitter
{
    public static void EmitEnum(SourceWriter w, SpecPlan plan, SyscallPlan s, EnumPlan e)
    {
        DocComments.Enum(w, plan, s, e);
        if (e.IsFlags) w.Line("[global::System.Flags]");
        Declaration(w, $"{plan.Options.Visibility} enum {e.TypeName} : {e.UnderlyingType}", e.Members, m =>
        {
            DocComments.EnumMember(w, m);
            return $"{m.Identifier} = {CSharp.Constant(m.Portable, e.UnderlyingType)}";
        });
    }

    /// <summary>
    /// An enum's declaration after its doc comment: the generated-code marker, the header, one line per member
    /// (<paramref name="member"/> writes the member's doc comment and returns its text).
    /// </summary>
    public static void Declaration<T>(SourceWriter w, string header, IEnumerable<T> members, Func<T, string> member)
    {
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open(header);
        foreach (var m in members) w.Line(member(m) + ",");
        w.Close();
    }

    public static void EmitInfo(SourceWriter w, SpecPlan plan, EnumPlan e)
    {
        string t = e.TypeName;
        w.Line($"/// <summary>Masks of <see cref=\"{t}\"/> and its translation from portable to native values.</summary>");
        w.Line(GeneratedCodeMarkers.Attribute);
        w.Open($"{plan.Options.Visibility} static class {e.InfoTypeName}");
        if (e.ValidMask is long valid)
        {
            w.Line("/// <summary>The valid bits (portable values).</summary>");
            w.Line($"public const {t} ValidMask = ({t})({CSharp.Constant(valid, e.UnderlyingType)});");
            w.Line();
        }
        if (e.RequiredMask is long required)
        {
            w.Line("/// <summary>At least one of these bits must be set (portable values).</summary>");
            w.Line($"public const {t} RequiredMask = ({t})({CSharp.Constant(required, e.UnderlyingType)});");
            w.Line();
        }
        if (e.EnumMask is long enumMask)
        {
            w.Line("/// <summary>The bits that hold an enumerated field rather than flags (portable values).</summary>");
            w.Line($"public const {t} EnumMask = ({t})({CSharp.Constant(enumMask, e.UnderlyingType)});");
            w.Line();
        }

        EnumTranslationEmitter.Emit(w, e);
        w.Close();
    }
}
