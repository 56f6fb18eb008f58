using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.States;

namespace CollisionModel.Measures;

/// <summary>Entanglement monotones from the partial transpose ρ^Γ.</summary>
public static class Negativity
{
    /// <summary>Negativity N = (‖ρ^Γ‖₁ − 1)/2 = Σ |negative eigenvalues of ρ^Γ|, Γ on the listed subsystems (default: the last).</summary>
    public static double Compute(DensityMatrix rho, params int[] transposed)
    {
        ArgumentNullException.ThrowIfNull(rho);
        double n = 0;
        foreach (double x in PartialTransposeEigenvalues(rho, transposed)) if (x < 0) n -= x;
        return n;
    }

    /// <summary>Log-negativity E_N = ln ‖ρ^Γ‖₁ = ln(1 + 2N) (nats).</summary>
    public static double Logarithmic(DensityMatrix rho, params int[] transposed) => Math.Log(1 + 2 * Compute(rho, transposed));

    /// <summary>Eigenvalues of ρ^Γ, ascending; for two qubits a negative one is equivalent to entanglement (PPT criterion).</summary>
    public static double[] PartialTransposeEigenvalues(DensityMatrix rho, params int[] transposed)
    {
        ArgumentNullException.ThrowIfNull(rho);
        if (transposed is null || transposed.Length == 0) transposed = [rho.Space.Count - 1];
        return HermitianEigen.Eigenvalues(PartialTranspose.Apply(rho.ToMatrix(), rho.Space, transposed));
    }
}
