namespace Kapi.Generators.Planning;

/// <summary>
/// What a wrapper rejects before entering the kernel, decided by the planner (<see cref="ValidationPlanner"/>): the
/// checks of <c>CONFIG_KAPI_RUNTIME_CHECKS</c> per parameter, and the error a rejected argument gets. The emitter only
/// writes them as C#.
/// </summary>
/// <param name="Rejection">The error of a rejected argument. Also returned when a portable enum value has no native
/// value on the running architecture, so it is there even when nothing is checked.</param>
/// <param name="Parameters">The parameters with at least one check, in parameter order (empty when
/// <c>KapiRuntimeValidation</c> is off).</param>
internal sealed record ValidationPlan(RejectionPlan Rejection, EquatableArray<ParamValidation> Parameters);

/// <summary>
/// The error a wrapper returns for an argument it rejects without entering the kernel: <c>EINVAL</c>, as the error
/// enum's member when the spec lists it, otherwise as the number cast to the error enum.
/// </summary>
/// <param name="Member">The error enum's member for EINVAL, or null when the spec does not list EINVAL.</param>
/// <param name="Portable">The x86-64 errno.</param>
/// <param name="Native">The errno per architecture (the result's <c>Errno</c>).</param>
internal sealed record RejectionPlan(string? Member, long Portable, ArchValues Native);

/// <summary>The checks of one parameter: the argument is read once as a <c>long</c> and rejected when any check fails.</summary>
/// <param name="Identifier">The C# parameter.</param>
/// <param name="Local">The local holding the argument as a <c>long</c> (<see cref="ParamPlan.CheckLocal"/>).</param>
/// <param name="Checks">The checks, in the order they are written (never empty).</param>
internal sealed record ParamValidation(string Identifier, string Local, EquatableArray<ArgumentCheck> Checks);

/// <summary>
/// One condition under which an argument is invalid. Masks and enum values are compared on the portable value when
/// the parameter has a generated enum, otherwise on the raw value with the running architecture's numbers; ranges
/// are always compared on the raw number. An <see cref="ArchValues"/> operand of a check is known on every
/// architecture (the planner has put in what an unknown value means); when it is the same everywhere it is a constant.
/// </summary>
internal abstract record ArgumentCheck;

/// <summary>The enumerated field under <paramref name="FieldMask"/> (Kapi <c>.enum_mask</c>) holds none of <paramref name="Allowed"/>.</summary>
internal sealed record EnumFieldCheck(ArchValues FieldMask, EquatableArray<ArchValues> Allowed) : ArgumentCheck;

/// <summary>A bit outside <paramref name="ValidMask"/> (and outside <paramref name="FieldMask"/>, the enumerated field, when there is one) is set.</summary>
internal sealed record ValidBitsCheck(ArchValues ValidMask, ArchValues? FieldMask) : ArgumentCheck;

/// <summary>
/// None of the bits of <paramref name="Mask"/> (Kapi <c>.required_mask</c>) is set. On an architecture where the mask
/// is 0 (its constants are unknown or undefined there) nothing is required; the planner plans no check when it is 0
/// everywhere.
/// </summary>
internal sealed record RequiredBitsCheck(ArchValues Mask) : ArgumentCheck;

/// <summary>The value is none of <paramref name="Allowed"/> (<c>.enum_values</c>).</summary>
internal sealed record ValueSetCheck(EquatableArray<ArchValues> Allowed) : ArgumentCheck;

/// <summary>The value is below <paramref name="Minimum"/>.</summary>
internal sealed record MinimumCheck(ArchValues Minimum) : ArgumentCheck;

/// <summary>The value is above <paramref name="Maximum"/>, the same on every architecture and not negative.</summary>
internal sealed record MaximumCheck(long Maximum) : ArgumentCheck;

/// <summary>
/// The value is above <paramref name="Maximum"/> on an architecture where that maximum is not negative. The kernel's
/// rule: a negative maximum (an unsigned maximum such as <c>SIZE_MAX</c> that wrapped) means no upper bound.
/// </summary>
internal sealed record BoundedMaximumCheck(ArchValues Maximum) : ArgumentCheck;

/// <summary>The value is zero (<c>KAPI_CONSTRAINT_NONZERO</c>).</summary>
internal sealed record NonZeroCheck : ArgumentCheck;

/// <summary>The value is not a power of two (<c>KAPI_CONSTRAINT_POWER_OF_TWO</c>; zero is not one).</summary>
internal sealed record PowerOfTwoCheck : ArgumentCheck;

/// <summary>The value is not a multiple of the page size (<c>KAPI_CONSTRAINT_PAGE_ALIGNED</c>, the page size read at run time).</summary>
internal sealed record PageAlignedCheck : ArgumentCheck;

/// <summary>A bit of <paramref name="LowBits"/> (the alignment minus one) is set (<c>KAPI_CONSTRAINT_ALIGNMENT</c>).</summary>
internal sealed record AlignmentCheck(long LowBits) : ArgumentCheck;
