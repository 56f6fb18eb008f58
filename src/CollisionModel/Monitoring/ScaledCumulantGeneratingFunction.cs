using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace CollisionModel.Monitoring;

/// <summary>
/// The scaled cumulant generating function θ(s) = lim (1/K) ln E[e^{−sN}] of a count, per application of a
/// <see cref="CountResolvedMap"/> (a step, or a period's product of steps): θ(s) = ln of the spectral radius of the tilted
/// map Φ_s = Σ_m e^{−s m} Φ_m. The rates −θ′(0) and θ″(0) come from perturbation theory of the leading eigenvalue
/// at s = 0 (no finite differences). O(d_S⁶) per evaluation.
/// </summary>
public static class ScaledCumulantGeneratingFunction
{
    /// <summary>How close to the unit circle a second eigenvalue of the channel makes the stationary state not unique.</summary>
    public const double UniquenessGap = 1e-9;

    /// <summary>θ(s) (finite s): ln ρ(Φ_s), per application of the map.</summary>
    public static double Theta(CountResolvedMap map, double s)
    {
        ArgumentNullException.ThrowIfNull(map);
        Guard.Finite(s, "s");
        return Math.Log(SpectralRadius(map.Tilted(s)));
    }

    /// <summary>θ at each of <paramref name="values"/>, in order.</summary>
    public static double[] Theta(CountResolvedMap map, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(s => Theta(map, s)).ToArray();
    }

    /// <summary>
    /// The mean rate μ = −θ′(0) = tr Φ^{(1)}(r) and the variance rate θ″(0) = tr Φ^{(2)}(r) + 2 tr Φ^{(1)}(y) − μ², with r
    /// the stationary state of the channel Φ = Σ_m Φ_m, Φ^{(k)} = Σ_m m^k Φ_m and y the traceless solution of
    /// (1 − Φ) y = (Φ^{(1)} − μ) r. Null when the stationary state is not unique (a second eigenvalue of Φ within
    /// <see cref="UniquenessGap"/> of the unit circle): the rates then depend on the initial state.
    /// </summary>
    public static CountRates? Rates(CountResolvedMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var phi = map.Moment(0);
        int peripheral = phi.Evd(Symmetricity.Asymmetric).EigenValues.Count(z => z.Magnitude > 1 - UniquenessGap);
        if (peripheral != 1) return null;
        int d = map.SystemDimension, d2 = d * d;
        var r = SolveTraced(phi, Vector.Build.Dense(d2), 1);
        var m1 = map.Moment(1);
        double mu = TraceOf(m1 * r, d);
        var y = SolveTraced(phi, m1 * r - mu * r, 0);
        double variance = TraceOf(map.Moment(2) * r, d) + 2 * TraceOf(m1 * y, d) - mu * mu;
        return new CountRates(mu, variance);
    }

    /// <summary>The largest |λ| of a square matrix. O(n³).</summary>
    public static double SpectralRadius(Matrix<Complex> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Evd(Symmetricity.Asymmetric).EigenValues.Max(z => z.Magnitude);
    }

    // (1 − Φ) x = b with tr x = t: the augmented system has full column rank when the stationary state is unique.
    private static Vector SolveTraced(Matrix<Complex> phi, Vector b, double trace)
    {
        int n = phi.RowCount, d = (int)Math.Round(Math.Sqrt(n));
        var a = Matrix<Complex>.Build.Dense(n + 1, n);
        a.SetSubMatrix(0, 0, Matrix<Complex>.Build.DenseIdentity(n) - phi);
        for (int i = 0; i < d; i++) a[n, i + i * d] = 1;
        var rhs = Vector.Build.Dense(n + 1);
        rhs.SetSubVector(0, n, b);
        rhs[n] = trace;
        return a.QR().Solve(rhs);
    }

    private static double TraceOf(Vector v, int d)
    {
        double t = 0;
        for (int i = 0; i < d; i++) t += v[i + i * d].Real;
        return t;
    }
}
