using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Channels;

/// <summary>
/// A linear map on operators of a D-dimensional system stored as its deviation from the identity, Φ = 1 + Δ
/// (Δ a D²×D² superoperator, column stacking). A collision of length δt differs from the identity by O(δt), which at
/// δt = 1e-12 is below what 1 + Δ can hold in a double; keeping Δ alone (as expm1 keeps e^x − 1) keeps every digit,
/// so products and powers stay accurate to k = 10¹² collisions.
/// </summary>
public sealed class NearIdentityChannel
{
    private readonly Matrix<Complex> _deviation;

    /// <summary>Wraps a deviation Δ (copied) for a system of dimension <paramref name="dimension"/>.</summary>
    public NearIdentityChannel(int dimension, Matrix<Complex> deviation)
    {
        ArgumentNullException.ThrowIfNull(deviation);
        if (dimension < 1 || dimension > 4096)
            throw new DimensionMismatchException($"The system dimension must lie in 1..4096, got {dimension}.", nameof(dimension));
        Guard.Dimension(deviation, dimension * dimension, nameof(deviation));
        Dimension = dimension;
        _deviation = deviation.Clone();
    }

    /// <summary>System dimension D.</summary>
    public int Dimension { get; }

    /// <summary>Δ = Φ − 1 (a copy).</summary>
    public Matrix<Complex> Deviation => _deviation.Clone();

    /// <summary>The full superoperator 1 + Δ (loses the digits the deviation form keeps; for inspection).</summary>
    public Matrix<Complex> Superoperator => _deviation + Matrix<Complex>.Build.DenseIdentity(_deviation.RowCount);

    /// <summary>The identity map.</summary>
    public static NearIdentityChannel Identity(int dimension) =>
        new(dimension, Matrix<Complex>.Build.Dense(dimension * dimension, dimension * dimension));

    /// <summary>
    /// The map ρ ↦ tr_E[U (ρ ⊗ η) U†] of a collision with unitary U = 1 + W on (system ⊗ ancilla), where the
    /// collision acts on the listed system subsystems and the ancilla, and W = U − 1 is given exactly (e.g. from
    /// <see cref="MatrixExpm1"/>). Δ(ρ) = tr_E[W(ρ⊗η) + (ρ⊗η)W† + W(ρ⊗η)W†]: no 1 + tiny is ever formed. O(D⁴ e³).
    /// Throws <see cref="DimensionMismatchException"/> for a W of the wrong size and <see cref="NotUnitaryException"/>
    /// unless 1 + W is unitary (checked through W + W† + W†W, to full precision).
    /// </summary>
    /// <param name="system">The system's space (e.g. two qubits A, B).</param>
    /// <param name="targets">System subsystems the collision touches, in the order of W's factors (before the ancilla).</param>
    /// <param name="unitaryDeviation">W = U − 1 on (targets ⊗ ancilla), target factors first, ancilla last.</param>
    /// <param name="ancilla">The ancilla's state η before the collision.</param>
    public static NearIdentityChannel FromCollision(CompositeSpace system, int[] targets, Matrix<Complex> unitaryDeviation, DensityMatrix ancilla)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ancilla);
        ArgumentNullException.ThrowIfNull(targets);
        system.CheckSubset(targets, nameof(targets));
        int d = system.Dimension, e = ancilla.Dimension;
        int collisionDimension = e;
        foreach (int t in targets) collisionDimension *= system.Dimensions[t];
        Guard.Dimension(unitaryDeviation, collisionDimension, nameof(unitaryDeviation));
        CheckUnitaryDeviation(unitaryDeviation);
        var full = new CompositeSpace([.. system.Dimensions, e]);
        var w = Tensor.Embed(unitaryDeviation, full, [.. targets, system.Count]);
        var wAdj = w.ConjugateTranspose();
        var eta = ancilla.ToMatrix();
        var traceOutAncilla = new PartialTraceMap(full, Enumerable.Range(0, system.Count).ToArray());
        var deviation = Operators.Superoperator.FromMap(d, x =>
        {
            var joint = x.KroneckerProduct(eta);
            var change = w * joint + joint * wAdj + w * joint * wAdj;
            var reduced = new Complex[d * d];
            traceOutAncilla.Apply(change.ToColumnMajorArray(), reduced);
            return Matrix<Complex>.Build.DenseOfColumnMajor(d, d, reduced);
        });
        return new NearIdentityChannel(d, deviation);
    }

    /// <summary>ρ ↦ e^{−iHτ} ρ e^{iHτ} for a Hermitian H on the whole system, in deviation form. O(D⁶).</summary>
    public static NearIdentityChannel FromHamiltonian(Matrix<Complex> hamiltonian, double duration)
    {
        Guard.Finite(duration, nameof(duration));
        Guard.Hermitian(hamiltonian, nameof(hamiltonian));
        int d = hamiltonian.RowCount;
        var w = MatrixExpm1.Compute(hamiltonian * new Complex(0, -duration));
        var wAdj = w.ConjugateTranspose();
        var deviation = Operators.Superoperator.FromMap(d, x => w * x + x * wAdj + w * x * wAdj);
        return new NearIdentityChannel(d, deviation);
    }

    /// <summary>The composition "first <paramref name="first"/>, then this": (1 + Δ₂)(1 + Δ₁) = 1 + Δ₁ + Δ₂ + Δ₂Δ₁.</summary>
    public NearIdentityChannel After(NearIdentityChannel first)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (first.Dimension != Dimension) throw new DimensionMismatchException($"Channels act on dimensions {first.Dimension} and {Dimension}.", nameof(first));
        return new NearIdentityChannel(Dimension, first._deviation + _deviation + _deviation * first._deviation);
    }

    /// <summary>
    /// Φ^k by repeated squaring on the deviations, (1 + Δ)² = 1 + (2Δ + Δ²): O(log k) products of D²×D² matrices.
    /// </summary>
    public NearIdentityChannel Power(long k)
    {
        if (k < 0) throw new ParameterOutOfRangeException($"The power must be ≥ 0, got {k}.", nameof(k));
        var result = Identity(Dimension)._deviation;
        var baseDeviation = _deviation.Clone();
        bool any = false;
        while (k > 0)
        {
            if ((k & 1) == 1)
            {
                result = any ? result + baseDeviation + baseDeviation * result : baseDeviation.Clone();
                any = true;
            }
            k >>= 1;
            if (k > 0) baseDeviation = 2 * baseDeviation + baseDeviation * baseDeviation;
        }
        return new NearIdentityChannel(Dimension, result);
    }

    /// <summary>Φ(ρ) = ρ + Δ(ρ), Hermitised. The result is returned as a density matrix without re-validation.</summary>
    public DensityMatrix Apply(DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(rho);
        if (rho.Dimension != Dimension) throw new DimensionMismatchException($"Channel acts on dimension {Dimension}, state has {rho.Dimension}.", nameof(rho));
        var r = rho.ToMatrix();
        var image = r + Operators.Superoperator.Apply(_deviation, r);
        image = 0.5 * (image + image.ConjugateTranspose());
        return DensityMatrix.Trusted(rho.Space, image.ToColumnMajorArray());
    }

    /// <summary>Δ(X) for an operator X (the change one application makes).</summary>
    public Matrix<Complex> ApplyDeviation(Matrix<Complex> x)
    {
        Guard.Dimension(x, Dimension, nameof(x));
        return Operators.Superoperator.Apply(_deviation, x);
    }

    /// <summary>
    /// Throws <see cref="NotUnitaryException"/> unless U = 1 + W is unitary: U†U − 1 = W + W† + W†W, formed from W
    /// alone so a deviation of size 1e-12 is still checked to full precision.
    /// </summary>
    private static void CheckUnitaryDeviation(Matrix<Complex> w)
    {
        var defect = w + w.ConjugateTranspose() + w.ConjugateTranspose() * w;
        double worst = defect.Enumerate().Max(z => z.Magnitude);
        if (worst > Tolerances.Unitarity)
            throw new NotUnitaryException($"1 + unitaryDeviation is not unitary: max |(U†U − 1)_ij| = {worst:G3} > {Tolerances.Unitarity:G3}.", "unitaryDeviation");
    }
}
