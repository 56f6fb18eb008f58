using System.Numerics;
using CollisionModel.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.NonMarkovianity;

/// <summary>
/// The intermediate map V = Λ_to Λ_from⁻¹ of two dynamical maps (d²×d² superoperators, column stacking) and its
/// departure from complete positivity, ‖(V ⊗ 1)|Φ⟩⟨Φ|‖₁ − 1 with |Φ⟩ = Σ_i |ii⟩/√d (0 exactly when V is CP and trace
/// preserving, since then the Choi matrix is a state).
/// </summary>
public static class IntermediateMap
{
    /// <summary>
    /// V = <paramref name="to"/> · <paramref name="from"/>⁻¹, or null when <paramref name="from"/>'s condition number
    /// (largest over smallest singular value) exceeds <paramref name="conditionLimit"/>. O(d⁶) (one SVD).
    /// </summary>
    public static Matrix<Complex>? Between(Matrix<Complex> from, Matrix<Complex> to, double conditionLimit = NonMarkovianityOptions.ConditionLimit)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var svd = from.Svd(computeVectors: true);
        int n = svd.S.Count;
        double largest = svd.S[0].Real, smallest = svd.S[n - 1].Real;
        if (!(smallest > 0) || largest / smallest > conditionLimit) return null;
        // from⁻¹ = W Σ⁻¹ U†, with from = U Σ W†.
        var w = svd.VT.ConjugateTranspose();
        for (int j = 0; j < n; j++) w.SetColumn(j, w.Column(j) / svd.S[j]);
        return to * (w * svd.U.ConjugateTranspose());
    }

    /// <summary>
    /// The Choi matrix (V ⊗ 1)|Φ⟩⟨Φ| of a superoperator V on dimension d, system factor first:
    /// C[(a,i),(b,j)] = ⟨a|V(|i⟩⟨j|)|b⟩ / d. Trace 1 when V preserves the trace. O(d⁴).
    /// </summary>
    public static Matrix<Complex> Choi(Matrix<Complex> superoperator, int dimension)
    {
        ArgumentNullException.ThrowIfNull(superoperator);
        int d = dimension;
        return Matrix<Complex>.Build.Dense(d * d, d * d,
            (r, c) => superoperator[r / d + d * (c / d), r % d + d * (c % d)] / d);
    }

    /// <summary>
    /// max(0, ‖(V ⊗ 1)|Φ⟩⟨Φ|‖₁ − 1): the trace norm is taken of the Choi matrix's Hermitian part (V preserves
    /// Hermiticity because every Λ_n does; the anti-Hermitian part is rounding). O(d⁶).
    /// </summary>
    public static double CompletePositivityDefect(Matrix<Complex> superoperator, int dimension)
    {
        var choi = Choi(superoperator, dimension);
        var hermitian = 0.5 * (choi + choi.ConjugateTranspose());
        int m = dimension * dimension;
        var values = new double[m];
        HermitianEigen.Eigenvalues(hermitian.ToColumnMajorArray(), m, values, new Complex[m * m]);
        double norm = 0;
        foreach (double v in values) norm += Math.Abs(v);
        return Math.Max(0, norm - 1);
    }
}
