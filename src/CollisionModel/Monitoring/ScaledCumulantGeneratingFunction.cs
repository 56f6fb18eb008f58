using System.Numerics;
using CollisionModel.Models;
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

    /// <summary>
    /// θ at each of <paramref name="values"/> for the count <paramref name="selection"/> of a protocol, per step (per
    /// period with a drive): from the dense tilted map (<see cref="CountResolvedMap.ForPeriod"/>) up to d_S =
    /// <see cref="MonitoredStep.MaxSystemDimension"/>, above it from restarted Arnoldi iterations on the tilted map
    /// applied by its sparse Kraus operators (converged to a relative residual of 1e-13; O(d_S³) per application).
    /// Throws as <see cref="CountResolvedMap.ForPeriod"/>.
    /// </summary>
    public static double[] Theta(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, double timeStep, CountSelection selection,
        IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(values);
        foreach (double s in values) Guard.Finite(s, "s");
        if (protocol.SystemDimension <= MonitoredStep.MaxSystemDimension)
            return Theta(CountResolvedMap.ForPeriod(protocol, measurements, timeStep, selection), values);
        selection.CheckAgainst(measurements);
        var period = KrausStepMap.Period(protocol, measurements, timeStep);
        var workspace = new KrausWorkspace(protocol.SystemDimension);
        return values.Select(s =>
        {
            var (value, _, _) = Krylov.Leading(Tilted(period, workspace, selection, s), IdentityVector(protocol.SystemDimension));
            return Math.Log(value.Magnitude);
        }).ToArray();
    }

    /// <summary>
    /// The mean and variance rates of the count <paramref name="selection"/> of a protocol (see
    /// <see cref="Rates(CountResolvedMap)"/>), per step or period: dense up to d_S = <see cref="MonitoredStep.MaxSystemDimension"/>,
    /// above it the stationary state by Arnoldi and (1 − Φ) y = (Φ⁽¹⁾ − μ) r by GMRES on the sparse Kraus maps. Null
    /// when the stationary state is not unique (the second Ritz value of the channel within
    /// <see cref="UniquenessGap"/> of the unit circle).
    /// </summary>
    public static CountRates? Rates(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, double timeStep, CountSelection selection)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(selection);
        if (protocol.SystemDimension <= MonitoredStep.MaxSystemDimension)
            return Rates(CountResolvedMap.ForPeriod(protocol, measurements, timeStep, selection));
        selection.CheckAgainst(measurements);
        int d = protocol.SystemDimension;
        var period = KrausStepMap.Period(protocol, measurements, timeStep);
        var workspace = new KrausWorkspace(d);
        var channel = Tilted(period, workspace, selection, 0);
        var (value, vector, second) = Krylov.Leading(channel, IdentityVector(d));
        if (second > 1 - UniquenessGap || Math.Abs(value.Magnitude - 1) > 1e-9) return null;
        var trace = TraceOf(vector, d);
        var r = vector.Select(z => z / trace).ToArray();
        var rm = Moments(period, workspace, selection, r, 2);
        double mu = TraceOf(rm[1], d).Real;
        var b = new Complex[r.Length];
        for (int i = 0; i < b.Length; i++) b[i] = rm[1][i] - mu * r[i];
        var image = new Complex[r.Length];
        var y = Krylov.Solve((x, result) =>
        {
            channel(x, image);
            for (int i = 0; i < result.Length; i++) result[i] = x[i] - image[i];
        }, b, 1e-15 * Norm(r));
        var ym = Moments(period, workspace, selection, y, 1);
        double variance = TraceOf(rm[2], d).Real + 2 * TraceOf(ym[1], d).Real - mu * mu;
        return new CountRates(mu, variance);
    }

    // x ↦ Φ_s x over the period's steps, Φ_s = Σ_m e^{−s m} Φ_m.
    private static Action<Complex[], Complex[]> Tilted(IReadOnlyList<KrausStepMap> period, KrausWorkspace workspace, CountSelection selection, double s) =>
        (x, y) =>
        {
            x.CopyTo(y, 0);
            foreach (var step in period) step.Apply(y, y, workspace, (bath, count) => Math.Exp(-s * selection.WeightOf(bath) * count));
        };

    // Φ⁽ᵏ⁾x for k = 0 … order over the period (moments about 0 carried through every stage).
    private static Complex[][] Moments(IReadOnlyList<KrausStepMap> period, KrausWorkspace workspace, CountSelection selection, Complex[] x, int order)
    {
        var moments = Enumerable.Range(0, order + 1).Select(k => k == 0 ? (Complex[])x.Clone() : new Complex[x.Length]).ToArray();
        foreach (var step in period) step.ApplyMoments(moments, selection, workspace);
        return moments;
    }

    private static double Norm(Complex[] v) => Math.Sqrt(v.Sum(z => z.Real * z.Real + z.Imaginary * z.Imaginary));

    private static Complex[] IdentityVector(int d)
    {
        var v = new Complex[d * d];
        for (int i = 0; i < d; i++) v[i + i * d] = 1.0 / d;
        return v;
    }

    private static Complex TraceOf(Complex[] v, int d)
    {
        Complex t = Complex.Zero;
        for (int i = 0; i < d; i++) t += v[i + i * d];
        return t;
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
