using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Studies;

/// <summary>
/// The conjecture ratio |σ_E|/σ to leading order near the Gibbs state ρ_G of a detailed-balance generator. Writing
/// ρ = ρ_G + δ with ρ̇ = 𝓛(δ):
/// σ = −tr[𝓛(δ)(ln ρ − ln ρ_G)] = −tr[𝓛(δ) D ln_{ρ_G}[δ]] + O(δ³) (second order: the Kubo–Mori form), while
/// σ_E = tr[𝓛(δ)(ln ρ − ln σ*)] = tr[𝓛(δ)(ln ρ_G − ln σ*_G)] + O(δ²) (first order when E_R(ρ_G) &gt; 0).
/// Hence |σ_E|/σ ≈ c(δ̂)/ε with ε = ½‖δ‖₁ and c homogeneous of degree 0 in δ. A generic relaxation ends along the
/// slowest decay mode of 𝓛, so <see cref="Coefficient"/> evaluates c there (its maximum over the mode's phase).
/// </summary>
public static class NearEquilibriumRatio
{
    /// <summary>Phases of an oscillating slow mode scanned for the maximum (the result is then refined by golden section).</summary>
    public const int PhaseGrid = 64;

    /// <summary>
    /// The leading-order entropy production −tr[𝓛(δ) D ln_{ρ_G}[δ]] for a traceless Hermitian δ (nats per unit time, ≥ 0
    /// for detailed balance). D ln_ρ is the derivative of the matrix logarithm at the full-rank ρ_G: in ρ_G's eigenbasis
    /// (D ln[δ])_ij = δ_ij (ln p_i − ln p_j)/(p_i − p_j), or δ_ii/p_i. O(D³).
    /// </summary>
    public static double LinearEntropyProduction(DetailedBalanceGenerator model, Matrix<Complex> delta)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.Dimension(delta, model.Gibbs.Dimension, nameof(delta));
        var v = model.Eigenvectors;
        var p = GibbsPopulations(model);
        var deltaE = v.ConjugateTranspose() * delta * v;
        var flowE = v.ConjugateTranspose() * model.Generator.Apply(delta) * v;
        int d = p.Length;
        double sum = 0;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double w = Math.Abs(p[i] - p[j]) <= 1e-14 * Math.Max(p[i], p[j])
                    ? 1 / p[i]
                    : (Math.Log(p[i]) - Math.Log(p[j])) / (p[i] - p[j]);
                // tr[A B] = Σ_ij A_ji B_ij with B = D ln[δ] = w_ij δ_ij.
                sum += (flowE[j, i] * deltaE[i, j] * w).Real;
            }
        return -sum;
    }

    /// <summary>
    /// The leading-order entanglement production tr[𝓛(δ)(ln ρ_G − ln σ*_G)] (nats per unit time; 0 if ρ_G is separable),
    /// with σ*_G = <paramref name="gibbsRee"/>.ClosestSeparable. O(D³).
    /// </summary>
    public static double LinearEntanglementProduction(DetailedBalanceGenerator model, ReeResult gibbsRee, Matrix<Complex> delta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gibbsRee);
        Guard.Dimension(delta, model.Gibbs.Dimension, nameof(delta));
        var flow = model.Generator.Apply(delta);
        return EntanglementProduction.Rate(model.Gibbs, 0.5 * (flow + flow.ConjugateTranspose()), gibbsRee);
    }

    /// <summary>c(δ) = ε |σ_E| / σ to leading order, ε = ½‖δ‖₁ (dimensionless; independent of the scale of δ).</summary>
    public static double CoefficientAlong(DetailedBalanceGenerator model, ReeResult gibbsRee, Matrix<Complex> delta)
    {
        double sigma = LinearEntropyProduction(model, delta);
        if (!(sigma > 0)) return 0;
        double epsilon = TraceDistance.OfHermitianDifference(delta, 1e-9);
        return epsilon * Math.Abs(LinearEntanglementProduction(model, gibbsRee, delta)) / sigma;
    }

    /// <summary>
    /// c on the slowest decay mode of the generator: λ = the non-zero Liouvillian eigenvalue of largest real part,
    /// R its eigenvector, δ(θ) = e^{iθ}R + e^{−iθ}R† (θ ∈ [0, π): a real mode gives one direction, an oscillating pair
    /// sweeps its plane), c = max_θ c(δ(θ)). <paramref name="gibbsRee"/> must be E_R of <see cref="DetailedBalanceGenerator.Gibbs"/>.
    /// The Gibbs state must be the unique stationary state (all pair rates positive). Cost: one D²×D² non-Hermitian
    /// eigendecomposition and ~100 evaluations of c(δ), each O(D³).
    /// </summary>
    public static NearEquilibriumCoefficient Coefficient(DetailedBalanceGenerator model, ReeResult gibbsRee)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gibbsRee);
        int d = model.Gibbs.Dimension;
        var evd = model.Generator.Superoperator().Evd();
        var values = evd.EigenValues;
        double scale = values.Enumerate().Max(z => z.Magnitude);
        int slow = -1;
        for (int k = 0; k < values.Count; k++)
        {
            if (values[k].Magnitude <= 1e-9 * Math.Max(scale, 1e-300)) continue; // the stationary state
            if (slow < 0 || values[k].Real > values[slow].Real) slow = k;
        }
        if (slow < 0) throw new ParameterOutOfRangeException("The generator has no decaying mode (𝓛 = 0).", nameof(model));
        var lambda = values[slow];
        var column = evd.EigenVectors.Column(slow);
        var r = Matrix<Complex>.Build.DenseOfColumnMajor(d, d, column.ToArray());
        Matrix<Complex> DirectionAt(double theta)
        {
            var phase = Complex.FromPolarCoordinates(1, theta);
            var delta = phase * r + Complex.Conjugate(phase) * r.ConjugateTranspose();
            // Remove rounding-level trace and anti-Hermitian parts before use.
            delta = 0.5 * (delta + delta.ConjugateTranspose());
            var trace = delta.Trace() / d;
            for (int i = 0; i < d; i++) delta[i, i] -= trace;
            return delta;
        }
        double Value(double theta)
        {
            var delta = DirectionAt(theta);
            return delta.L1Norm() <= 1e-12 * r.L1Norm() ? 0 : CoefficientAlong(model, gibbsRee, delta);
        }

        int best = 0;
        var grid = new double[PhaseGrid];
        for (int k = 0; k < PhaseGrid; k++)
        {
            grid[k] = Value(Math.PI * k / PhaseGrid);
            if (grid[k] > grid[best]) best = k;
        }
        // Golden-section refinement on the bracket around the best grid phase (c(θ) is smooth in θ).
        double step = Math.PI / PhaseGrid, lo = (best - 1) * step, hi = (best + 1) * step;
        double g = (Math.Sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo), f1 = Value(x1), f2 = Value(x2);
        for (int it = 0; it < 40; it++)
        {
            if (f1 >= f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = Value(x1); }
            else { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = Value(x2); }
        }
        double thetaBest = f1 >= f2 ? x1 : x2;
        double c = Math.Max(grid[best], Math.Max(f1, f2));
        if (grid[best] >= Math.Max(f1, f2)) thetaBest = Math.PI * best / PhaseGrid;
        var direction = DirectionAt(thetaBest);
        direction /= 2 * TraceDistance.OfHermitianDifference(direction, 1e-9);
        return new NearEquilibriumCoefficient(c, -lambda.Real, Math.Abs(lambda.Imaginary), direction);
    }

    private static double[] GibbsPopulations(DetailedBalanceGenerator model) => GibbsState.Populations(model.Energies, model.Beta);

    /// <summary>ρ_G + <paramref name="epsilon"/>·δ̂ for a direction with ½‖δ̂‖₁ = 1 (a state when ε is below ρ_G's smallest eigenvalue).</summary>
    public static DensityMatrix Displaced(DetailedBalanceGenerator model, Matrix<Complex> direction, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(model);
        var m = model.Gibbs.ToMatrix() + epsilon * direction;
        return DensityMatrix.Create(0.5 * (m + m.ConjugateTranspose()), model.Gibbs.Space);
    }
}
