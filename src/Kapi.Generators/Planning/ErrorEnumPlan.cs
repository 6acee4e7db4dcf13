namespace Kapi.Generators.Planning;

/// <summary>The error enum: exactly the spec's KAPI_ERRORs, in portable errno numbers.</summary>
internal sealed record ErrorEnumPlan(string TypeName, EquatableArray<ErrorMemberPlan> Members)
{
    /// <summary>True when the errno numbers on <paramref name="arch"/> equal the portable ones (no translation).</summary>
    public bool IsIdentity(KapiArchitecture arch)
    {
        foreach (var m in Members)
        {
            if (m.Native[arch] != m.Portable) return false;
        }
        return true;
    }
}

/// <param name="Identifier">The member name (<c>EINVAL</c>).</param>
/// <param name="Portable">The x86-64 errno (positive).</param>
/// <param name="Native">The errno per architecture (positive).</param>
/// <param name="Message">The description used as the exception message (several, joined, when the spec lists the errno more than once).</param>
/// <param name="Doc">The text for the member's documentation.</param>
internal sealed record ErrorMemberPlan(string Identifier, long Portable, ArchValues Native, string Message, EquatableArray<string> Doc);
