using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.MasterEquation.DynamicsTestHelpers;

namespace CollisionModel.Tests.MasterEquation;

public class LindbladianTests
{
    [Fact]
    public void Apply_equals_the_textbook_Lindblad_form_on_a_qubit_qutrit_space()
    {
        var rng = new QuantumRandom(11);
        var space = new CompositeSpace(2, 3);
        var gen = RandomLindbladian(rng, space, jumps: 3);
        var x = rng.Ginibre(6, 6); // L is linear: any operator, not only states
        double diff = MaxDiff(gen.Apply(x), TextbookLindblad(gen.Hamiltonian, gen.JumpOperators, x));
        Assert.True(diff < 1e-13, $"max |L(X) − textbook| = {diff:G3}");
    }

    [Fact]
    public void Superoperator_acts_on_column_stacked_vec_like_direct_application()
    {
        var rng = new QuantumRandom(12);
        var space = new CompositeSpace(2, 3);
        var gen = RandomLindbladian(rng, space, jumps: 2);
        var x = rng.Ginibre(6, 6);
        // Column stacking: vec(X)[i + 6j] = X_ij, MathNet's column-major storage.
        var vec = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(x.ToColumnMajorArray());
        var viaSuper = Matrix<Complex>.Build.DenseOfColumnMajor(6, 6, (gen.Superoperator() * vec).ToArray());
        double diff = MaxDiff(viaSuper, gen.Apply(x));
        Assert.True(diff < 1e-13, $"max |unvec(𝓛 vec X) − L(X)| = {diff:G3}");
    }

    [Fact]
    public void Row_stacked_vectorisation_disagrees_with_the_superoperator()
    {
        // Guards the convention: applying 𝓛 to the row-stacked vector (vec of Xᵀ) must NOT reproduce L(X).
        var rng = new QuantumRandom(13);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 2);
        var x = rng.MixedState(CompositeSpace.Qubits(2)).ToMatrix();
        var rowVec = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(x.Transpose().ToColumnMajorArray());
        var wrong = Matrix<Complex>.Build.DenseOfColumnMajor(4, 4, (gen.Superoperator() * rowVec).ToArray()).Transpose();
        double diff = MaxDiff(wrong, gen.Apply(x));
        Assert.True(diff > 1e-3, $"row stacking gave the same result (diff {diff:G3}); the test could not catch the bug");
    }

    [Fact]
    public void Span_kernel_equals_matrix_application()
    {
        var rng = new QuantumRandom(14);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 3);
        var rho = rng.MixedState(CompositeSpace.Qubits(2));
        var dest = new Complex[16];
        gen.Apply(rho.ColumnMajor, dest, new Complex[16]);
        double diff = MaxDiff(Matrix<Complex>.Build.DenseOfColumnMajor(4, 4, dest), gen.Apply(rho));
        Assert.True(diff < 1e-15, $"span vs matrix: {diff:G3}");
    }

    [Fact]
    public void Random_Lindbladian_evolution_preserves_trace_Hermiticity_and_positivity()
    {
        var rng = new QuantumRandom(15);
        var space = CompositeSpace.Qubits(2);
        for (int trial = 0; trial < 5; trial++)
        {
            var gen = RandomLindbladian(rng, space, jumps: 1 + trial % 3);
            var rho0 = DensityMatrix.FromKet(rng.Ket(space)); // pure: the boundary is the hardest case for positivity
            var traj = new ExactPropagator(gen, 0.05).Run(rho0, 200);
            foreach (var rho in traj.States)
            {
                var m = rho.ToMatrix();
                Assert.True(Math.Abs(m.Trace().Real - 1) < 1e-12 && Math.Abs(m.Trace().Imaginary) < 1e-12, $"trace {m.Trace()}");
                Assert.True(MaxDiff(m, m.ConjugateTranspose()) < 1e-13, "not Hermitian");
                double minEig = HermitianEigen.Eigenvalues(m)[0];
                Assert.True(minEig > -1e-12, $"negative eigenvalue {minEig:G3}");
            }
        }
    }

    [Fact]
    public void Propagator_semigroup_exp_L_s_times_exp_L_t_equals_exp_L_s_plus_t()
    {
        var rng = new QuantumRandom(16);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 2);
        double diff = MaxDiff(gen.Propagator(0.3) * gen.Propagator(1.1), gen.Propagator(1.4));
        Assert.True(diff < 1e-12, $"semigroup defect {diff:G3}");
    }

    [Fact]
    public void Repeated_step_propagation_equals_single_exponential_at_final_time()
    {
        var rng = new QuantumRandom(17);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 2);
        var rho0 = rng.MixedState(CompositeSpace.Qubits(2));
        var traj = new ExactPropagator(gen, 0.01).Run(rho0, 1000);
        double diff = MaxDiff(traj.FinalState, gen.Evolve(rho0, 10.0));
        Assert.True(diff < 1e-12, $"1000 steps of exp(𝓛·0.01) vs exp(𝓛·10): {diff:G3}");
    }

    [Fact]
    public void Allocation_free_Propagate_matches_Run()
    {
        var rng = new QuantumRandom(18);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 2);
        var rho0 = rng.MixedState(CompositeSpace.Qubits(2));
        var p = new ExactPropagator(gen, 0.02);
        var buffer = new Complex[11 * 16];
        p.Propagate(rho0.ColumnMajor, 10, buffer);
        var traj = p.Run(rho0, 10);
        double diff = 0;
        for (int s = 0; s <= 10; s++)
            for (int i = 0; i < 16; i++)
                diff = Math.Max(diff, (buffer[s * 16 + i] - traj.States[s].ColumnMajor[i]).Magnitude);
        Assert.True(diff < 1e-15, $"buffer vs trajectory: {diff:G3}");
    }

    [Fact]
    public void Non_Hermitian_Hamiltonian_is_rejected()
    {
        var h = Matrix<Complex>.Build.Dense(2, 2);
        h[0, 1] = 1;
        Assert.Throws<CollisionModel.Validation.NotHermitianException>(() => new Lindbladian(new CompositeSpace(2), h, []));
    }

    [Fact]
    public void Jump_operator_of_wrong_size_is_rejected()
    {
        var h = Matrix<Complex>.Build.Dense(2, 2);
        Assert.Throws<CollisionModel.Validation.DimensionMismatchException>(
            () => new Lindbladian(new CompositeSpace(2), h, [Matrix<Complex>.Build.Dense(3, 3)]));
    }
}
