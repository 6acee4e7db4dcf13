namespace Kapi.Generators.Emitting;

/// <summary>Writes the checks of a <see cref="ValidationPlan"/> at the top of a wrapper: one <c>if</c> per parameter.</summary>
internal static class ValidationEmitter
{
    /// <summary>Reads the argument into its local and returns <paramref name="rejection"/> when any check fails.</summary>
    public static void Emit(SourceWriter w, ParamValidation p, string rejection)
    {
        string x = p.Local;
        var conditions = p.Checks.Select(c => Condition(c, x)).ToList();
        w.Line($"long {x} = unchecked((long){p.Identifier});");
        if (conditions.Count == 1)
        {
            w.Line($"if ({conditions[0]}) return {rejection};");
            return;
        }
        w.Line($"if ({conditions[0]} ||");
        for (int i = 1; i < conditions.Count; i++)
        {
            w.Line($"    {conditions[i]}{(i == conditions.Count - 1 ? ")" : " ||")}");
        }
        w.Line($"    return {rejection};");
    }

    /// <summary>The condition under which <paramref name="x"/> breaks <paramref name="check"/>. Masks are written in hex.</summary>
    private static string Condition(ArgumentCheck check, string x)
    {
        switch (check)
        {
            case EnumFieldCheck c:
                string field = Hex(c.FieldMask);
                return "(" + string.Join(" && ", c.Allowed.Select(v => $"({x} & {field}) != {Hex(v)}")) + ")";
            case ValidBitsCheck { FieldMask: { } fieldMask } c:
                return $"({x} & ~{Hex(fieldMask)} & ~{Hex(c.ValidMask)}) != 0";
            case ValidBitsCheck c:
                return $"({x} & ~{Hex(c.ValidMask)}) != 0";
            case RequiredBitsCheck c when c.Mask.Values.Any(static v => v == 0):
                // 0 on some architectures: nothing is required there (the guard folds to a constant at JIT time).
                string required = Hex(c.Mask);
                return $"({required} != 0 && ({x} & {required}) == 0)";
            case RequiredBitsCheck c:
                return $"({x} & {Hex(c.Mask)}) == 0";
            case ValueSetCheck c:
                return "(" + string.Join(" && ", c.Allowed.Select(v => $"{x} != {Decimal(v)}")) + ")";
            case MinimumCheck c:
                return $"{x} < {Decimal(c.Minimum)}";
            case MaximumCheck c:
                return $"{x} > {CSharp.Long(c.Maximum)}";
            case BoundedMaximumCheck c:
                string max = Decimal(c.Maximum);
                return $"({max} >= 0 && {x} > {max})";
            case NonZeroCheck:
                return $"{x} == 0";
            case PowerOfTwoCheck:
                return $"({x} == 0 || ({x} & ({x} - 1)) != 0)";
            case PageAlignedCheck:
                return $"({x} & (global::System.Environment.SystemPageSize - 1)) != 0";
            case AlignmentCheck c:
                return $"({x} & {CSharp.Long(c.LowBits, true)}) != 0";
            default:
                // Unreachable: SpecEmitter turns an exception into an #error line rather than a wrong check.
                throw new System.ArgumentOutOfRangeException(nameof(check), check.GetType().Name);
        }
    }

    // The planner has filled in every architecture's value, so `missing` is never used.
    private static string Hex(ArchValues values) => ArchitectureExpressions.Long(values, 0, hex: true);

    private static string Decimal(ArchValues values) => ArchitectureExpressions.Long(values, 0, hex: false);
}
