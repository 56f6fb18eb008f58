using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Numerics;

/// <summary>
/// exp(A) of a general complex square matrix by scaling and squaring with the degree-13 Padé approximant
/// (Higham 2005, "The scaling and squaring method for the matrix exponential revisited", Algorithm 2.3).
/// Backward error at most unit roundoff; cost ≈ 6 + ⌈log₂(‖A‖₁/θ₁₃)⌉ matrix products, O(n³) each.
/// </summary>
public static class MatrixExponential
{
    private static readonly double[] B13 =
    [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
        10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ];
    private static readonly double[] Theta = [1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068];
    private static readonly int[] LowDegrees = [3, 5, 7, 9];
    private const double Theta13 = 5.371920351148152;

    /// <summary>exp(A). Throws for non-square or non-finite input.</summary>
    public static Matrix<Complex> Exp(Matrix<Complex> a)
    {
        Guard.SquareFinite(a, nameof(a));
        int n = a.RowCount;
        var id = Matrix<Complex>.Build.DenseIdentity(n);
        double norm = a.L1Norm();
        for (int k = 0; k < LowDegrees.Length; k++)
        {
            if (norm <= Theta[k]) return Pade(a, id, LowDegrees[k]);
        }
        int s = Math.Max(0, (int)Math.Ceiling(Math.Log2(norm / Theta13)));
        var scaled = a / Math.Pow(2, s);
        var r = Pade13(scaled, id);
        for (int i = 0; i < s; i++) r *= r;
        return r;
    }

    private static Matrix<Complex> Pade(Matrix<Complex> a, Matrix<Complex> id, int m)
    {
        double[] c = m switch
        {
            3 => [120, 60, 12, 1],
            5 => [30240, 15120, 3360, 420, 30, 1],
            7 => [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1],
            _ => [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1],
        };
        var a2 = a * a;
        var powers = new List<Matrix<Complex>> { id, a2 };
        for (int k = 2; k <= m / 2; k++) powers.Add(powers[^1] * a2);
        var u = id * Complex.Zero;
        var v = id * Complex.Zero;
        for (int k = 0; k <= m / 2; k++)
        {
            u += powers[k] * c[2 * k + 1];
            v += powers[k] * c[2 * k];
        }
        u = a * u;
        return (v - u).Solve(v + u);
    }

    private static Matrix<Complex> Pade13(Matrix<Complex> a, Matrix<Complex> id)
    {
        var b = B13;
        var a2 = a * a;
        var a4 = a2 * a2;
        var a6 = a4 * a2;
        var u = a * (a6 * (b[13] * a6 + b[11] * a4 + b[9] * a2) + b[7] * a6 + b[5] * a4 + b[3] * a2 + b[1] * id);
        var v = a6 * (b[12] * a6 + b[10] * a4 + b[8] * a2) + b[6] * a6 + b[4] * a4 + b[2] * a2 + b[0] * id;
        return (v - u).Solve(v + u);
    }
}
