using System.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Channels;

/// <summary>
/// A completely positive map ρ ↦ Σ_k K_k ρ K_k† given by Kraus operators. Validated as trace preserving
/// (Σ K†K = 1 within tolerance) unless created as trace non-increasing.
/// </summary>
public sealed class KrausChannel
{
    private readonly Matrix<Complex>[] _kraus;

    /// <summary>Creates the channel; throws <see cref="NotUnitaryException"/> when Σ K†K ≠ 1 beyond the tolerance.</summary>
    public KrausChannel(IReadOnlyList<Matrix<Complex>> kraus, double tolerance = Tolerances.Unitarity)
    {
        ArgumentNullException.ThrowIfNull(kraus);
        if (kraus.Count == 0) throw new DimensionMismatchException("A channel needs at least one Kraus operator.", nameof(kraus));
        int n = kraus[0].ColumnCount;
        var sum = Matrix<Complex>.Build.Dense(n, n);
        foreach (var k in kraus)
        {
            Guard.Dimension(k, n, nameof(kraus));
            sum += k.ConjugateTranspose() * k;
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if ((sum[i, j] - (i == j ? 1 : 0)).Magnitude > tolerance)
                    throw new NotUnitaryException($"Kraus operators are not trace preserving: |(Σ K†K − 1)[{i},{j}]| = {(sum[i, j] - (i == j ? 1 : 0)).Magnitude:G3}.", nameof(kraus));
        _kraus = kraus.Select(k => k.Clone()).ToArray();
        Dimension = n;
    }

    /// <summary>Dimension of the input and output space.</summary>
    public int Dimension { get; }

    /// <summary>The Kraus operators (copies).</summary>
    public IReadOnlyList<Matrix<Complex>> Kraus => _kraus.Select(k => k.Clone()).ToArray();

    /// <summary>Σ K ρ K†. O(r·D³).</summary>
    public DensityMatrix Apply(DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(rho);
        if (rho.Dimension != Dimension) throw new DimensionMismatchException($"Channel acts on dimension {Dimension}, state has {rho.Dimension}.", nameof(rho));
        var r = rho.ToMatrix();
        var result = Matrix<Complex>.Build.Dense(Dimension, Dimension);
        foreach (var k in _kraus) result += k * r * k.ConjugateTranspose();
        result = 0.5 * (result + result.ConjugateTranspose());
        return DensityMatrix.Trusted(rho.Space, result.ToColumnMajorArray());
    }
}
