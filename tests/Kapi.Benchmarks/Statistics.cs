namespace Kapi.Benchmarks;

/// <summary>Medians and quantiles of measured values (linear interpolation between the closest ranks).</summary>
internal static class Statistics
{
    /// <summary>The median; 0 when there is no value.</summary>
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>The <paramref name="q"/> quantile (0.25, 0.5 …); 0 when there is no value.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : QuantileOfSorted(sorted, q);
    }

    /// <summary>The <paramref name="q"/> quantile of values already sorted (at least one).</summary>
    public static double QuantileOfSorted(IReadOnlyList<double> sorted, double q)
    {
        double rank = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(rank), hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
