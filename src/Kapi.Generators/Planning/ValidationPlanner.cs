namespace Kapi.Generators.Planning;

/// <summary>
/// Which constraint fields of a parameter are checked, as its constraint type selects them (see
/// <c>SpecPlanner.PlanParam</c>; without a constraint type, the fields present decide).
/// </summary>
/// <param name="Mask"><c>.valid_mask</c> (and with it <c>.required_mask</c> and an enumerated field under <c>.enum_mask</c>).</param>
/// <param name="Enum"><c>.enum_values</c> as the only allowed values.</param>
/// <param name="Range"><c>.min_value</c>/<c>.max_value</c>.</param>
/// <param name="NonZero">Zero is refused.</param>
/// <param name="PowerOfTwo">A power of two is required.</param>
/// <param name="PageAligned">A page-aligned value is required.</param>
/// <param name="Alignment"><c>.alignment</c>.</param>
internal readonly record struct CheckedConstraints(bool Mask, bool Enum, bool Range, bool NonZero, bool PowerOfTwo, bool PageAligned, bool Alignment);

/// <summary>
/// Decides what a wrapper checks before the call (<see cref="ValidationPlan"/>), with the semantics of the kernel's
/// <c>CONFIG_KAPI_RUNTIME_CHECKS</c>: bits outside <c>valid_mask</c>, none of <c>required_mask</c>, an enumerated
/// field outside its values, a value outside <c>enum_values</c> or <c>[min_value, max_value]</c>, zero, not a power
/// of two, not page-aligned or not aligned. A violation returns EINVAL without entering the kernel.
/// </summary>
internal static class ValidationPlanner
{
    /// <summary>The checks of one integer parameter, in the order they are written.</summary>
    /// <param name="p">The parameter spec.</param>
    /// <param name="constraints">The constraint fields its constraint type selects.</param>
    /// <param name="onPortable">The parameter has a generated enum: masks and enum values are compared on the portable
    /// (x86-64) value, before the translation; otherwise on the raw value with the running architecture's numbers.</param>
    public static EquatableArray<ArgumentCheck> Checks(ParamSpec p, CheckedConstraints constraints, bool onPortable)
    {
        // A mask on the portable value is the x86-64 number; on the raw value the number of the running architecture.
        // Unknown bits are no bits.
        ArchValues Mask(KapiValue v)
        {
            var values = ArchValues.From(v);
            return onPortable ? ArchValues.Uniform(values.Portable ?? 0) : values.OrElse(0);
        }

        // The allowed values, each once; a value unknown on an architecture matches nothing there (long.MinValue stands
        // in for it), and on the portable value only values with an x86-64 number count.
        EquatableArray<ArchValues> Allowed()
        {
            var allowed = new List<ArchValues>();
            foreach (var e in p.EnumValues)
            {
                var values = ArchValues.From(e.Value);
                if (onPortable && values.Portable is null) continue;
                var value = onPortable ? ArchValues.Uniform(values.Portable!.Value) : values.OrElse(long.MinValue);
                if (!allowed.Contains(value)) allowed.Add(value);
            }
            return allowed.ToEquatableArray();
        }

        var checks = new List<ArgumentCheck>();
        if (p.EnumMask is { } enumMask && p.EnumValues.Count > 0)
        {
            // The field's bits must be known where they are compared (x86-64 for the portable value, every architecture
            // for the raw one): an unknown field mask would count as no bits, so the field check would reject every
            // value and the valid-bits check every field value. Then neither is planned.
            var fieldValues = ArchValues.From(enumMask);
            bool fieldKnown = onPortable ? fieldValues.Portable is not null : fieldValues.Values.All(static v => v is not null);
            if (fieldKnown)
            {
                var field = Mask(enumMask);
                var allowed = Allowed();
                if (allowed.Count > 0) checks.Add(new EnumFieldCheck(field, allowed));
                if (constraints.Mask) checks.Add(new ValidBitsCheck(Mask(p.ValidMask!), field));
            }
        }
        else if (constraints.Mask)
        {
            checks.Add(new ValidBitsCheck(Mask(p.ValidMask!), null));
        }

        // A required mask of 0 (or unknown) requires nothing: on the portable value no check; on the raw value no check
        // on the architectures where it is 0 (RequiredBitsCheck), none at all when it is 0 everywhere.
        if (p.RequiredMask is { } required && Mask(required) is var requiredMask && requiredMask.Values.Any(static v => v != 0))
        {
            checks.Add(new RequiredBitsCheck(requiredMask));
        }

        if (constraints.Enum && p.EnumMask is null)
        {
            var allowed = Allowed();
            if (allowed.Count > 0) checks.Add(new ValueSetCheck(allowed));
        }

        if (constraints.Range && p.MinValue is { } minValue)
        {
            var min = ArchValues.From(minValue);
            // Unknown on some architectures: no lower bound there.
            if (!(min.IsUniform && min.Portable is null)) checks.Add(new MinimumCheck(min.OrElse(long.MinValue)));
        }
        if (constraints.Range && p.MaxValue is { } maxValue)
        {
            // The kernel's rule: a negative maximum (an unsigned maximum such as SIZE_MAX that wrapped) means no upper
            // bound; an unknown one too.
            var max = ArchValues.From(maxValue);
            if (max.IsUniform)
            {
                if (max.Portable is long m && m >= 0) checks.Add(new MaximumCheck(m));
            }
            else
            {
                checks.Add(new BoundedMaximumCheck(max.OrElse(-1)));
            }
        }

        if (constraints.NonZero) checks.Add(new NonZeroCheck());
        if (constraints.PowerOfTwo) checks.Add(new PowerOfTwoCheck());
        if (constraints.PageAligned) checks.Add(new PageAlignedCheck());
        // Only an alignment that is the same power of two everywhere is checked.
        if (constraints.Alignment && ArchValues.From(p.Alignment!) is { IsUniform: true, Portable: long align } && align > 0 && (align & (align - 1)) == 0)
        {
            checks.Add(new AlignmentCheck(align - 1));
        }
        return checks.ToEquatableArray();
    }

    /// <summary>
    /// The validation of a wrapper: the checks of each parameter (none when <c>KapiRuntimeValidation</c> is off) and
    /// the EINVAL a rejected argument gets.
    /// </summary>
    /// <param name="parameters">The parameters with their final names and locals.</param>
    /// <param name="checks">The checks of each parameter (same positions as <paramref name="parameters"/>).</param>
    /// <param name="errors">The error enum.</param>
    /// <param name="runtimeValidation">KapiRuntimeValidation.</param>
    public static ValidationPlan Plan(IReadOnlyList<ParamPlan> parameters, IReadOnlyList<EquatableArray<ArgumentCheck>> checks, ErrorEnumPlan errors, bool runtimeValidation)
    {
        var validated = new List<ParamValidation>();
        if (runtimeValidation)
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                if (checks[i].Count > 0) validated.Add(new ParamValidation(parameters[i].Identifier, parameters[i].CheckLocal, checks[i]));
            }
        }
        return new ValidationPlan(Rejection(errors), validated.ToEquatableArray());
    }

    /// <summary>EINVAL in the error enum: its member when the spec lists EINVAL, with the native numbers.</summary>
    private static RejectionPlan Rejection(ErrorEnumPlan errors)
    {
        var einval = UapiConstants.GetValues("EINVAL");
        var native = einval is null
            ? new ArchValues(Enumerable.Repeat<long?>(22, KapiArchitectures.Count).ToEquatableArray())
            : new ArchValues(new EquatableArray<long?>(einval));
        long portable = native.Portable ?? 22;
        string? member = null;
        foreach (var m in errors.Members)
        {
            if (m.Portable == portable)
            {
                member = m.Identifier;
                break;
            }
        }
        return new RejectionPlan(member, portable, native);
    }
}
