using Kapi.Collections;

namespace Kapi.Generators.Planning;

/// <summary>
/// The checks <c>CONFIG_KAPI_RUNTIME_CHECKS</c> makes. Masks and enum values are checked on the portable value
/// when the parameter has a generated enum (<see cref="OnPortable"/>), otherwise on the raw value with the native
/// numbers of the running architecture; ranges are always native numbers.
/// </summary>
internal sealed record ValidationPlan(
    bool OnPortable,
    ArchValues? ValidMask,
    ArchValues? RequiredMask,
    ArchValues? EnumMask,
    EquatableArray<ArchValues> EnumValues,
    bool CheckEnum,
    ArchValues? Min,
    ArchValues? Max,
    bool NonZero,
    bool PowerOfTwo,
    bool PageAligned,
    ArchValues? Alignment)
{
    public bool IsEmpty => ValidMask is null && RequiredMask is null && EnumMask is null && !CheckEnum &&
                           Min is null && Max is null && !NonZero && !PowerOfTwo && !PageAligned && Alignment is null;
}
