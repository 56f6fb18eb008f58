using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Operators;

/// <summary>Kronecker products and embeddings of local operators, first factor most significant.</summary>
public static class Tensor
{
    /// <summary>A ⊗ B ⊗ … with the first factor most significant (as QuTiP and MathNet; not QuantumOptics.jl).</summary>
    public static Matrix<Complex> Kron(params Matrix<Complex>[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Length == 0) throw new DimensionMismatchException("Kron needs at least one factor.", nameof(factors));
        var result = factors[0];
        for (int i = 1; i < factors.Length; i++) result = result.KroneckerProduct(factors[i]);
        return factors.Length == 1 ? result.Clone() : result;
    }

    /// <summary>
    /// The operator that acts as <paramref name="op"/> on the listed subsystems (in the listed order) and as the
    /// identity elsewhere. O(D²) for a D-dimensional space.
    /// </summary>
    public static Matrix<Complex> Embed(Matrix<Complex> op, CompositeSpace space, params int[] subsystems)
    {
        ArgumentNullException.ThrowIfNull(space);
        space.CheckSubset(subsystems, nameof(subsystems));
        int local = 1;
        foreach (int k in subsystems) local *= space.Dimensions[k];
        Guard.Dimension(op, local, nameof(op));
        var rest = space.Complement(subsystems);
        int dRest = 1;
        foreach (int k in rest) dRest *= space.Dimensions[k];
        // Build op ⊗ 1 in the order (subsystems, rest), then permute back to the natural order.
        var ordered = op.KroneckerProduct(Matrix<Complex>.Build.DenseIdentity(dRest));
        var order = subsystems.Concat(rest).ToArray();
        var orderedSpace = space.Subspace(order);
        var inverse = new int[order.Length];
        for (int s = 0; s < order.Length; s++) inverse[order[s]] = s;
        var perm = new SubsystemPermutation(orderedSpace, inverse);
        var dest = new Complex[space.Dimension * space.Dimension];
        perm.Apply(ordered.AsColumnMajorArray() ?? ordered.ToColumnMajorArray(), dest);
        return Matrix<Complex>.Build.DenseOfColumnMajor(space.Dimension, space.Dimension, dest);
    }

    /// <summary>[A, B] = AB − BA.</summary>
    public static Matrix<Complex> Commutator(Matrix<Complex> a, Matrix<Complex> b) => a * b - b * a;

    /// <summary>{A, B} = AB + BA.</summary>
    public static Matrix<Complex> Anticommutator(Matrix<Complex> a, Matrix<Complex> b) => a * b + b * a;
}
