using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Operators;

/// <summary>
/// Superoperators in the column-stacking convention vec(X)[i + jD] = X_ij (MathNet's column-major storage, so
/// the storage array of X already is vec(X)). Then vec(A X B) = (Bᵀ ⊗ A) vec(X).
/// </summary>
public static class Superoperator
{
    /// <summary>The superoperator of X ↦ A X B: Bᵀ ⊗ A. O(D⁴).</summary>
    public static Matrix<Complex> LeftRight(Matrix<Complex> a, Matrix<Complex> b) => b.Transpose().KroneckerProduct(a);

    /// <summary>The superoperator of a linear map given as a function, built column by column from |i⟩⟨j|. O(D² · cost(map)).</summary>
    public static Matrix<Complex> FromMap(int dimension, Func<Matrix<Complex>, Matrix<Complex>> map)
    {
        int d = dimension, d2 = d * d;
        var s = Matrix<Complex>.Build.Dense(d2, d2);
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < d; i++)
            {
                var unit = Matrix<Complex>.Build.Dense(d, d);
                unit[i, j] = Complex.One;
                var image = map(unit);
                s.SetColumn(i + j * d, image.ToColumnMajorArray());
            }
        }
        return s;
    }

    /// <summary>Applies a superoperator to an operator: unvec(S vec(X)).</summary>
    public static Matrix<Complex> Apply(Matrix<Complex> superoperator, Matrix<Complex> x)
    {
        int d = x.RowCount;
        var v = superoperator * MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(x.ToColumnMajorArray());
        return Matrix<Complex>.Build.DenseOfColumnMajor(d, d, v.ToArray());
    }
}
