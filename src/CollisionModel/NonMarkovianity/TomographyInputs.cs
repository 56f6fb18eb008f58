using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.NonMarkovianity;

/// <summary>
/// The d² input states from which a dynamical map is reconstructed: |i⟩⟨i| (i = 0 … d−1), then for every i &lt; j the
/// pure states (|i⟩ + |j⟩)/√2 and (|i⟩ + i|j⟩)/√2. They are linearly independent and every one is a valid state, so
/// a run from each keeps every engine's invariant guard meaningful; since the environment starts in a product state,
/// the system's map Λ is linear in ρ_S(0), and vec(Λ(X)) = Q P⁻¹ vec(X) with P the columns vec(ρ_k) and Q the columns
/// vec(Λ(ρ_k)). Column stacking throughout (vec(X)[i + j·d] = X_ij). Immutable.
/// </summary>
public sealed class TomographyInputs
{
    private readonly Matrix<Complex> _inverse;

    /// <summary>The inputs for the system space <paramref name="system"/> (dimension d ≥ 1). O(d⁶) once (P⁻¹).</summary>
    public TomographyInputs(CompositeSpace system)
    {
        ArgumentNullException.ThrowIfNull(system);
        Space = system;
        int d = system.Dimension;
        var states = new List<DensityMatrix>(d * d);
        for (int i = 0; i < d; i++) states.Add(DensityMatrix.FromKet(Ket.Basis(system, i)));
        double h = 1 / Math.Sqrt(2);
        for (int i = 0; i < d; i++)
        {
            for (int j = i + 1; j < d; j++)
            {
                states.Add(Superposition(system, i, j, new Complex(h, 0), h));
                states.Add(Superposition(system, i, j, new Complex(0, h), h));
            }
        }
        States = states;
        var p = Matrix<Complex>.Build.Dense(d * d, d * d);
        for (int k = 0; k < states.Count; k++) p.SetColumn(k, states[k].ColumnMajor.ToArray());
        _inverse = p.Inverse();
    }

    /// <summary>The system space.</summary>
    public CompositeSpace Space { get; }

    /// <summary>The system dimension d.</summary>
    public int Dimension => Space.Dimension;

    /// <summary>The d² input states, in the order stated on the type.</summary>
    public IReadOnlyList<DensityMatrix> States { get; }

    /// <summary>
    /// The superoperator S (d²×d², column stacking) with S vec(ρ_k) = vec(<paramref name="outputs"/>[k]) for every
    /// input k: the map Λ whose images of the inputs are the given states. O(d⁶).
    /// </summary>
    public Matrix<Complex> Map(IReadOnlyList<DensityMatrix> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        int d = Dimension, d2 = d * d;
        if (outputs.Count != d2)
            throw new DimensionMismatchException($"A map on dimension {d} needs the images of {d2} inputs, got {outputs.Count}.", nameof(outputs));
        var q = Matrix<Complex>.Build.Dense(d2, d2);
        for (int k = 0; k < d2; k++)
        {
            if (outputs[k].Dimension != d)
                throw new DimensionMismatchException($"Output {k} has dimension {outputs[k].Dimension}, the system {d}.", nameof(outputs));
            q.SetColumn(k, outputs[k].ColumnMajor.ToArray());
        }
        return q * _inverse;
    }

    private static DensityMatrix Superposition(CompositeSpace space, int i, int j, Complex bj, double ai)
    {
        var a = new Complex[space.Dimension];
        a[i] = ai;
        a[j] = bj;
        return DensityMatrix.FromKet(Ket.Create(a, space));
    }
}
