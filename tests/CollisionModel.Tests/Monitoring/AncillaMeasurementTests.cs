using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Monitoring;

public class AncillaMeasurementTests
{
    [Fact]
    public void A_two_qubit_ancilla_has_levels_0_w_w_2w_with_a_two_dimensional_middle_eigenspace()
    {
        // H_E = ω(n_1 + n_2), ω = 0.7: levels 0, ω (twice), 2ω; 3 × 3 (E_in, E_out) pairs, count k_in − k_out.
        const double omega = 0.7;
        var n = Pauli.Projector1;
        var h = omega * (Kron(n, Identity(2)) + Kron(Identity(2), n));
        var m = AncillaMeasurement.Energy(h);
        Assert.Equal(omega, m.EnergyQuantum!.Value, 1e-15);
        Assert.Equal(9, m.Outcomes.Count);
        // The outgoing projectors of E_in = 0 are ranks 1, 2, 1 and sum to the identity.
        var fromGround = m.Outcomes.Take(3).ToArray();
        Assert.Equal([1, 2, 1], fromGround.Select(o => o.Outgoing.ColumnCount).ToArray());
        Assert.Equal([0, -1, -2], fromGround.Select(o => o.Count).ToArray());
        var sum = fromGround.Aggregate(Matrix<Complex>.Build.Dense(4, 4), (acc, o) => acc + o.Outgoing * o.Outgoing.ConjugateTranspose());
        Assert.True((sum - Identity(4)).FrobeniusNorm() < 1e-14);
        // The middle projector is n_1 + n_2 − 2 n_1 n_2 (the one-excitation subspace).
        var middle = fromGround[1].Outgoing * fromGround[1].Outgoing.ConjugateTranspose();
        var expected = Kron(n, Identity(2)) + Kron(Identity(2), n) - 2 * Kron(n, n);
        Assert.True((middle - expected).FrobeniusNorm() < 1e-13);
    }

    [Fact]
    public void Levels_0_1_3_are_integer_multiples_of_the_smallest_gap()
    {
        var m = AncillaMeasurement.Energy(Matrix<Complex>.Build.DenseDiagonal(3, 3, i => new[] { 0.0, 1.0, 3.0 }[i]));
        Assert.Equal(1, m.EnergyQuantum!.Value, 1e-15);
        Assert.Equal(3, m.Outcomes.Single(o => o.Label.StartsWith("E_in = 3", StringComparison.Ordinal) && o.Label.EndsWith("E_out = 0", StringComparison.Ordinal)).Count);
    }

    [Fact]
    public void Levels_0_1_2_5_are_refused_naming_measure()
    {
        var e = Assert.ThrowsAny<QuantumInputException>(() => AncillaMeasurement.Energy(Matrix<Complex>.Build.DenseDiagonal(3, 3, i => new[] { 0.0, 1.0, 2.5 }[i])));
        Assert.Equal("measure", e.ParamName);
        Assert.Contains("2.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Energy_on_an_ancilla_without_a_hamiltonian_is_refused()
    {
        var e = Assert.ThrowsAny<QuantumInputException>(() => AncillaMeasurement.Energy(AncillaState.Ground));
        Assert.Equal("measure", e.ParamName);
    }

    [Fact]
    public void A_basis_that_is_not_orthonormal_or_has_the_wrong_values_is_refused()
    {
        var bad = Assert.ThrowsAny<QuantumInputException>(() => AncillaMeasurement.InBasis([[1, 0], [Math.Sqrt(0.5), Math.Sqrt(0.5)]]));
        Assert.Equal("measure.basis", bad.ParamName);
        var values = Assert.ThrowsAny<QuantumInputException>(() => AncillaMeasurement.InBasis([[1, 0], [0, 1]], [0, 1, 2]));
        Assert.Equal("measure.values", values.ParamName);
    }

    [Fact]
    public void A_basis_measurement_counts_its_values()
    {
        var m = AncillaMeasurement.InBasis([[Math.Sqrt(0.5), Math.Sqrt(0.5)], [Math.Sqrt(0.5), -Math.Sqrt(0.5)]], [5, -2]);
        Assert.Equal([5, -2], m.Outcomes.Select(o => o.Count).ToArray());
        Assert.All(m.Outcomes, o => Assert.Null(o.Incoming));
        Assert.False(m.IsEnergy);
    }
}
