namespace Kapi.Generators.Planning;

/// <summary>Decides which user byte buffers get a span in the Span overloads (<see cref="SpanBufferPlan"/>).</summary>
internal static class SpanBufferPlanner
{
    // C types (after CTypes.Normalize) of a pointer to bytes.
    private static readonly HashSet<string> s_bytePointers = new(StringComparer.Ordinal)
    {
        "char *", "signed char *", "unsigned char *", "void *", "u8 *", "__u8 *", "uint8_t *",
    };

    // Length types that hold every Span length (0..int.MaxValue), so the conversion never loses a value.
    private static readonly HashSet<string> s_lengthTypes = new(StringComparer.Ordinal)
    {
        "int", "uint", "nint", "nuint", "long", "ulong",
    };

    /// <summary>
    /// The user byte buffers that get a span in the Span overload: a user pointer to bytes (<c>char __user *</c>,
    /// <c>const void __user *</c> …; no structs, no element size other than 1) whose size parameter index names another
    /// plain integer parameter (no enum, no flags) that is the length of this buffer only. The direction comes from the
    /// parameter flags (<c>KAPI_PARAM_OUT</c>/<c>INOUT</c>: writable; <c>KAPI_PARAM_IN</c> only: read-only), or from the
    /// pointee's <c>const</c> when the flags say neither.
    /// </summary>
    public static EquatableArray<SpanBufferPlan> Plan(List<ParamSpec> specParams, List<ParamPlan> parameters)
    {
        var sizeUses = new Dictionary<long, int>();
        foreach (var p in specParams)
        {
            if (p.SizeParamIndex is long idx) sizeUses[idx] = sizeUses.TryGetValue(idx, out var n) ? n + 1 : 1;
        }

        var buffers = new List<SpanBufferPlan>();
        for (int i = 0; i < specParams.Count; i++)
        {
            var p = specParams[i];
            if (parameters[i].Kind != ParamKind.Pointer || p.SizeParamIndex is not long sizeIndex) continue;
            // PlanSyscall has checked that the indices run 0..n-1, so a spec index is also a position in the lists
            if (sizeIndex < 0 || sizeIndex >= specParams.Count || sizeIndex == i || sizeUses[sizeIndex] != 1) continue;
            int s = (int)sizeIndex;
            if (!SpecPlanner.IsUserPointer(p) || !s_bytePointers.Contains(CTypes.Normalize(p.CTypeName))) continue;
            // one byte per unit of the length on every architecture
            if (p.Size is not null || p.SizeMultiplier is { } m && !(m.IsUniform && m.X64 == 1)) continue;

            var size = parameters[s];
            if (size.Kind != ParamKind.Integer || size.Enum is not null || size.FlagsAttribute is not null) continue;
            if (!s_lengthTypes.Contains(size.NativeType) || specParams[s].SizeParamIndex is not null) continue;

            buffers.Add(new SpanBufferPlan(i, s, SpecPlanner.IsWritable(p)));
        }
        return buffers.ToEquatableArray();
    }
}
