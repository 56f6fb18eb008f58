using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace CollisionModel.Monitoring;

/// <summary>The Kraus element of a collision read on its ancilla, shared by the step maps and the trajectory sampler.</summary>
internal static class AncillaKraus
{
    /// <summary>
    /// K = (1⊗⟨e|) W (1⊗|v⟩) on the collision's system part: W on (part ⊗ ancilla of dimension d_E), |v⟩ the ancilla's
    /// incoming vector (a weighted eigenvector of η), ⟨e| its outcome. Zero entries of e are skipped. O(local² d_E²).
    /// </summary>
    public static Matrix<Complex> Element(Matrix<Complex> w, int ancillaDimension, Vector<Complex> outcome, Vector<Complex> incoming)
    {
        int de = ancillaDimension, local = w.RowCount / de;
        var k = Matrix<Complex>.Build.Dense(local, local);
        for (int s2 = 0; s2 < local; s2++)
            for (int s1 = 0; s1 < local; s1++)
            {
                Complex z = Complex.Zero;
                for (int e2 = 0; e2 < de; e2++)
                {
                    var bra = Complex.Conjugate(outcome[e2]);
                    if (bra == Complex.Zero) continue;
                    for (int e1 = 0; e1 < de; e1++) z += bra * w[s2 * de + e2, s1 * de + e1] * incoming[e1];
                }
                k[s2, s1] = z;
            }
        return k;
    }
}
