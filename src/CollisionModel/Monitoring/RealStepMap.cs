namespace CollisionModel.Monitoring;

/// <summary>
/// A <see cref="CountResolvedMap"/> in the real coordinates of <see cref="HermitianCoordinates"/>: the terms Φ_m for
/// m = <see cref="MinCount"/> … as row-major d² × d² real matrices, with the moments Σ_m m^k Φ_m, k = 0 … 4
/// (k = 0: the channel). The kernels of counting and trajectories read these. Immutable. O(|terms| d⁶) to build.
/// </summary>
internal sealed class RealStepMap
{
    private RealStepMap(int size, int minCount, double[][] terms, double[][] moments)
    {
        Size = size;
        MinCount = minCount;
        Terms = terms;
        Moments = moments;
    }

    /// <summary>d².</summary>
    public int Size { get; }

    /// <summary>The count of <see cref="Terms"/>[0].</summary>
    public int MinCount { get; }

    /// <summary>Φ_{MinCount + t}, row-major.</summary>
    public double[][] Terms { get; }

    /// <summary>Σ_m m^k Φ_m for k = 0 … 4 (k = 0: the channel).</summary>
    public double[][] Moments { get; }

    /// <summary>Σ_m Φ_m.</summary>
    public double[] Channel => Moments[0];

    public static RealStepMap Of(CountResolvedMap map)
    {
        int d = map.SystemDimension, size = d * d;
        var terms = map.Terms.Select(t => HermitianCoordinates.Real(t, d)).ToArray();
        RemoveTraceResidual(terms, d);
        var moments = new double[5][];
        for (int k = 0; k < moments.Length; k++)
        {
            moments[k] = new double[size * size];
            for (int t = 0; t < terms.Length; t++)
            {
                double weight = Math.Pow(map.MinCount + t, k);
                for (int i = 0; i < moments[k].Length; i++) moments[k][i] += weight * terms[t][i];
            }
        }
        return new RealStepMap(size, map.MinCount, terms, moments);
    }

    /// <summary>
    /// The built step conserves the trace only to the rounding of its construction (~1e-17 per step), and over K = 10⁵
    /// steps such a residual adds up to ~1e-12 in Σ_n P(n). Its trace functional's residual r = t·Σ_m Φ_m − t is
    /// taken off the largest term's diagonal rows (t·Φ picks the diagonal coordinates), which makes the sum
    /// trace-preserving to the last bit without changing any entry by more than its rounding.
    /// </summary>
    private static void RemoveTraceResidual(double[][] terms, int d)
    {
        int size = d * d;
        var residual = new double[size];
        foreach (var term in terms)
            for (int i = 0; i < d; i++)
                for (int c = 0; c < size; c++) residual[c] += term[(i + i * d) * size + c];
        for (int c = 0; c < size; c++) residual[c] -= c % (d + 1) == 0 ? 1 : 0;
        var largest = terms.MaxBy(t => t.Sum(Math.Abs))!;
        for (int i = 0; i < d; i++)
            for (int c = 0; c < size; c++) largest[(i + i * d) * size + c] -= residual[c] / d;
    }
}
