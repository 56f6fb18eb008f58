using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.States;

/// <summary>
/// The Gibbs (thermal) state e^{−βH}/Z, written once for every caller (thermal ancillas, detailed-balance generators
/// and their near-equilibrium expansion). The Boltzmann weights are taken relative to the lowest energy, so a large
/// β·ΔE only underflows excited populations to 0 and never overflows Z. β in inverse energy units (ħ = k_B = 1).
/// </summary>
public static class GibbsState
{
    /// <summary>
    /// The populations p_i = e^{−β(E_i − E_min)} / Σ_j e^{−β(E_j − E_min)} of the levels E_i (any order, finite), β ≥ 0
    /// finite (β = 0 gives the uniform distribution). A fresh array in the order of <paramref name="energies"/>. O(d).
    /// </summary>
    public static double[] Populations(IReadOnlyList<double> energies, double beta)
    {
        ArgumentNullException.ThrowIfNull(energies);
        Guard.Finite(beta, nameof(beta));
        Guard.NonNegative(beta, nameof(beta));
        if (energies.Count == 0) throw new DimensionMismatchException("A Gibbs state needs at least one energy level.", nameof(energies));
        double e0 = energies.Min();
        var weights = new double[energies.Count];
        double z = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = Math.Exp(-beta * (energies[i] - e0));
            z += weights[i];
        }
        for (int i = 0; i < weights.Length; i++) weights[i] /= z;
        return weights;
    }

    /// <summary>e^{−βH}/Z = V diag(p) V† from H's eigendecomposition (a fresh d × d matrix, Hermitian to rounding). O(d³).</summary>
    public static Matrix<Complex> FromSpectrum(HermitianEigenDecomposition spectrum, double beta)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        return spectrum.WithValues(Populations(spectrum.Values, beta));
    }
}
