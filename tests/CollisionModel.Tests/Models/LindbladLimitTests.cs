using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Models;

public class LindbladLimitTests
{
    private static Matrix<Complex> PartialSwapCoupling() =>
        Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    [Fact]
    public void Partial_swap_with_thermal_ancilla_has_the_generalised_amplitude_damping_limit()
    {
        // Reference (written independently): eq. (5) on B with L = √γ σ⁻_B, L = √κ σ⁺_B, the rates of a thermal
        // ancilla diag(γ, κ)/(γ+κ) colliding at total rate γ + κ.
        const double gamma = 0.8, kappa = 0.3;
        var eta = AncillaState.Thermal(gamma / (gamma + kappa), kappa / (gamma + kappa));
        var bath = new Bath([1], eta, BathCollision.WithRate(PartialSwapCoupling(), gamma + kappa));
        var protocol = new CollisionProtocol([2, 2], [1], [bath]);
        var space = CompositeSpace.Qubits(2);
        var reference = new CollisionModel.MasterEquation.Lindbladian(space, Matrix<Complex>.Build.Dense(4, 4),
            [Tensor.Embed(Math.Sqrt(gamma) * Pauli.SigmaMinus, space, 1), Tensor.Embed(Math.Sqrt(kappa) * Pauli.SigmaPlus, space, 1)]);
        var difference = protocol.LindbladLimitGenerator().Superoperator() - reference.Superoperator();
        Assert.True(difference.FrobeniusNorm() < 1e-14, $"‖L − L_ref‖ = {difference.FrobeniusNorm():G3}");
    }

    [Fact]
    public void Jumps_with_a_trace_are_made_traceless_without_changing_the_generator()
    {
        // V = A ⊗ σ⁺ + A† ⊗ σ⁻ with the ancilla |0⟩ has the single jump √r·A (A not normal, tr A ≠ 0). Reference: the
        // generator of that raw jump, D[√r A], written directly; the library returns A − (tr A/2)·1 plus a Hamiltonian.
        const double rate = 0.7;
        var a = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { new(1, 0.4), 2 }, { 0, new(0.5, -0.3) } });
        var coupling = Tensor.Kron(a, Pauli.SigmaPlus) + Tensor.Kron(a.ConjugateTranspose(), Pauli.SigmaMinus);
        var protocol = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Ground, BathCollision.WithRate(coupling, rate))]);
        var limit = protocol.LindbladLimitGenerator();
        var reference = new CollisionModel.MasterEquation.Lindbladian(new CompositeSpace(2), Matrix<Complex>.Build.Dense(2, 2), [Math.Sqrt(rate) * a]);
        var difference = limit.Superoperator() - reference.Superoperator();
        Assert.True(difference.FrobeniusNorm() < 1e-14, $"‖L − L_ref‖ = {difference.FrobeniusNorm():G3}");
        Assert.All(limit.JumpOperators, l => Assert.True(l.Trace().Magnitude < 1e-15));
    }

    [Fact]
    public void A_coupling_with_nonzero_mean_has_no_limit()
    {
        // V = σx ⊗ σz with η = |0⟩⟨0|: tr_E V(1⊗η) = σx ≠ 0, so the first-order term diverges.
        var bath = new Bath([0], AncillaState.Ground, BathCollision.WithRate(Tensor.Kron(Pauli.X, Pauli.Z), 1));
        var protocol = new CollisionProtocol([2], [0], [bath]);
        Assert.Contains("nonzero mean", protocol.WhyNoLindbladLimit());
        Assert.Throws<ParameterOutOfRangeException>(() => protocol.LindbladLimitGenerator());
    }

    [Fact]
    public void Fixed_angle_and_memory_baths_have_no_limit()
    {
        var fixedAngle = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Ground, BathCollision.WithAngle(PartialSwapCoupling(), 0.3))]);
        Assert.Contains("fixed angle", fixedAngle.WhyNoLindbladLimit());
        var memory = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.MaximallyMixed, BathCollision.WithRate(PartialSwapCoupling(), 1), memoryAngle: 0.4)]);
        Assert.Contains("memory", memory.WhyNoLindbladLimit());
    }
}
