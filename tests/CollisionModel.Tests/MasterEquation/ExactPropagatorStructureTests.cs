using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.MasterEquation;

public class ExactPropagatorStructureTests
{
    [Fact]
    public void Eq5_propagator_is_block_sparse_and_sparse_steps_equal_the_dense_product()
    {
        var gen = PaperMasterEquation.Create(new(1.0, 1.0, 0.5, 0.2));
        var p = new ExactPropagator(gen, 0.01);
        Assert.True(p.NonZeroCount < 64, $"nonzeros: {p.NonZeroCount}");
        var rho = new QuantumRandom(19).MixedState(CollisionModel.Spaces.CompositeSpace.Qubits(2));
        var dest = new Complex[16];
        p.Step(rho.ColumnMajor, dest);
        var dense = Matrix<Complex>.Build.DenseOfColumnMajor(16, 16, p.Matrix.ToArray())
                    * MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(rho.ColumnMajor.ToArray());
        double diff = Enumerable.Range(0, 16).Max(i => (dest[i] - dense[i]).Magnitude);
        Assert.True(diff < 1e-15, $"sparse vs dense step: {diff:G3}");
    }
}
