using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Operators;

/// <summary>Partial transpose ρ^Γ with respect to a set of subsystems (in the computational basis).</summary>
public static class PartialTranspose
{
    /// <summary>Transposes the listed subsystems' indices: ⟨i_k j_rest|ρ^Γ|i'_k j'_rest⟩ = ⟨i'_k j_rest|ρ|i_k j'_rest⟩. O(D²).</summary>
    public static Matrix<Complex> Apply(Matrix<Complex> op, CompositeSpace space, params int[] subsystems)
    {
        ArgumentNullException.ThrowIfNull(space);
        Guard.Dimension(op, space.Dimension, nameof(op));
        space.CheckSubset(subsystems, nameof(subsystems));
        int n = space.Dimension;
        var result = Matrix<Complex>.Build.Dense(n, n);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                int r2 = r, c2 = c;
                foreach (int k in subsystems)
                {
                    int stride = space.Stride(k), d = space.Dimensions[k];
                    int dr = (r / stride) % d, dc = (c / stride) % d;
                    r2 += (dc - dr) * stride;
                    c2 += (dr - dc) * stride;
                }
                result[r2, c2] = op[r, c];
            }
        }
        return result;
    }
}
