using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>
/// A Lindblad generator with a time-dependent Hamiltonian H(t) (a driven system) and constant jump operators:
/// L_t(ρ) = −i[H(t), ρ] + Σ_k (L_k ρ L_k† − ½{L_k†L_k, ρ}). Immutable; H(t) is evaluated (and checked to be
/// a finite Hermitian D×D matrix) each time the generator is applied.
/// </summary>
public sealed class TimeDependentLindbladian
{
    private readonly Func<double, Matrix<Complex>> _hamiltonian;
    private readonly Matrix<Complex>[] _jumps;
    private readonly Complex[][] _jumpData;
    private readonly Complex[] _dissipativeK;

    /// <summary>Creates the generator; the jump operators are checked to be D×D.</summary>
    public TimeDependentLindbladian(CompositeSpace space, Func<double, Matrix<Complex>> hamiltonian, IEnumerable<Matrix<Complex>> jumpOperators)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(hamiltonian);
        ArgumentNullException.ThrowIfNull(jumpOperators);
        int d = space.Dimension;
        _jumps = jumpOperators.Select(l =>
        {
            Guard.Dimension(l, d, nameof(jumpOperators));
            return l.Clone();
        }).ToArray();
        Space = space;
        _hamiltonian = hamiltonian;
        _jumpData = _jumps.Select(l => l.ToColumnMajorArray()).ToArray();
        var k = Matrix<Complex>.Build.Dense(d, d);
        foreach (var l in _jumps) k -= 0.5 * (l.ConjugateTranspose() * l);
        _dissipativeK = k.ToColumnMajorArray();
    }

    /// <summary>The generator with a constant Hamiltonian, for cross-checks against the exact propagator.</summary>
    public static TimeDependentLindbladian FromConstant(Lindbladian generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var h = generator.Hamiltonian;
        return new TimeDependentLindbladian(generator.Space, _ => h, generator.JumpOperators);
    }

    /// <summary>The space the generator acts on.</summary>
    public CompositeSpace Space { get; }

    /// <summary>Hilbert-space dimension D.</summary>
    public int Dimension => Space.Dimension;

    /// <summary>The frozen generator L_t at time <paramref name="t"/>.</summary>
    public Lindbladian At(double t) => new(Space, HamiltonianAt(t), _jumps);

    /// <summary>L_t(X) on column-major spans of D² entries (<paramref name="scratch"/>: 2·D² entries); no aliasing.</summary>
    public void Apply(double t, ReadOnlySpan<Complex> x, Span<Complex> destination, Span<Complex> scratch)
    {
        int d = Dimension, dd = d * d;
        if (x.Length < dd || destination.Length < dd || scratch.Length < 2 * dd)
            throw new DimensionMismatchException($"Spans must hold {dd} entries (scratch {2 * dd}) for D = {d}.", nameof(destination));
        var h = HamiltonianAt(t);
        var k = scratch[..dd];
        for (int j = 0; j < d; j++)
            for (int i = 0; i < d; i++)
                k[i + j * d] = _dissipativeK[i + j * d] - Complex.ImaginaryOne * h[i, j];
        Lindbladian.ApplyGenerator(k, _jumpData, d, x, destination, scratch.Slice(dd, dd));
    }

    private Matrix<Complex> HamiltonianAt(double t)
    {
        var h = _hamiltonian(t);
        Guard.Dimension(h, Dimension, "hamiltonian(t)");
        Guard.Hermitian(h, "hamiltonian(t)");
        return h;
    }
}
