using System.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>tr[ρ O] along a list of states, shared by the <see cref="ITimeSeriesResult"/> implementations.</summary>
internal static class TimeSeriesExpectation
{
    /// <summary>Re tr[ρ_k O] for every state; O Hermitian of the states' dimension. O(K · D²).</summary>
    public static IReadOnlyList<double> Of(IReadOnlyList<DensityMatrix> states, Matrix<Complex> observable)
    {
        ArgumentNullException.ThrowIfNull(states);
        Guard.Hermitian(observable, nameof(observable));
        if (states.Count == 0)
            throw new ParameterOutOfRangeException(
                "The run kept no states: keep them (the default) or record the observable with an observer.", nameof(observable));
        int d = states[0].Dimension;
        Guard.Dimension(observable, d, nameof(observable));
        var values = new double[states.Count];
        for (int k = 0; k < states.Count; k++)
        {
            var rho = states[k];
            double sum = 0;
            // tr[ρO] = Σ_ij ρ_ij O_ji; only the real part survives for Hermitian ρ and O.
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    sum += (rho[i, j] * observable[j, i]).Real;
            values[k] = sum;
        }
        return values;
    }
}
