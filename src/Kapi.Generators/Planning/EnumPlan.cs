namespace Kapi.Generators.Planning;

/// <summary>A generated enum for one parameter.</summary>
/// <param name="TypeName">The enum type name (<c>MlockallFlags</c>).</param>
/// <param name="UnderlyingType">Its underlying type (from the C type).</param>
/// <param name="NativeType">The DllImport type the value is translated to.</param>
/// <param name="IsFlags">[Flags] (mask constraint) or a plain enumeration.</param>
/// <param name="ParamSpecName">The parameter it belongs to.</param>
/// <param name="Members">The members with portable and native values.</param>
/// <param name="ValidMask">The portable valid mask.</param>
/// <param name="RequiredMask">The portable required mask.</param>
/// <param name="EnumMask">The portable enum-field mask (Kapi extension).</param>
/// <param name="NativeEnumMask">The enum-field mask per architecture.</param>
/// <param name="FlagPrefix">The common prefix of the member names (<c>MCL_</c>).</param>
internal sealed record EnumPlan(
    string TypeName,
    string UnderlyingType,
    string NativeType,
    bool IsFlags,
    string ParamSpecName,
    EquatableArray<EnumMemberPlan> Members,
    long? ValidMask,
    long? RequiredMask,
    long? EnumMask,
    ArchValues? NativeEnumMask,
    string? FlagPrefix)
{
    public string InfoTypeName => TypeName + "Info";

    /// <summary>True when the native values on <paramref name="arch"/> equal the portable ones (no translation).</summary>
    public bool IsIdentity(KapiArchitecture arch)
    {
        foreach (var m in Members)
        {
            if (m.Native[arch] != m.Portable) return false;
        }
        if (EnumMask is not null && NativeEnumMask?[arch] != EnumMask) return false;
        return true;
    }
}

/// <param name="Identifier">The member name (the C name, sanitized).</param>
/// <param name="CName">The C name.</param>
/// <param name="Portable">The x86-64 value.</param>
/// <param name="Native">The value per architecture (null: not defined there).</param>
/// <param name="IsEnumField">A value of the enumerated field under the enum mask (not a flag bit).</param>
internal sealed record EnumMemberPlan(string Identifier, string CName, long Portable, ArchValues Native, bool IsEnumField);
