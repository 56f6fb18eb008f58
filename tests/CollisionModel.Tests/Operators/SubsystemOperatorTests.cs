using System.Numerics;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Operators;

/// <summary>
/// SubsystemOperator: a matrix that carries the dimensions of its factors is refused where it is built when its size
/// is not their product, naming the operator; it is immutable.
/// </summary>
public class SubsystemOperatorTests
{
    private static Matrix<Complex> Identity(int d) => Matrix<Complex>.Build.DenseIdentity(d);

    [Fact]
    public void A_matrix_of_another_size_than_the_factors_product_is_refused_naming_the_operator()
    {
        // 8 ≠ 2·2: a three-qubit matrix offered as a qubit ⊗ ancilla coupling.
        var e = Assert.Throws<DimensionMismatchException>(() => new SubsystemOperator(Identity(8), [2, 2], "V"));
        Assert.Equal("V", e.ParamName);
        Assert.Contains("8×8", e.Message);
        Assert.Contains("2⊗2", e.Message);
    }

    [Fact]
    public void A_rectangular_matrix_is_refused_naming_the_operator()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => new SubsystemOperator(Matrix<Complex>.Build.Dense(6, 4), [2, 3], "coupling"));
        Assert.Equal("coupling", e.ParamName);
        Assert.Contains("6×4", e.Message);
    }

    [Fact]
    public void The_factors_are_kept_in_the_given_order_with_their_product()
    {
        var op = new SubsystemOperator(Identity(6), [3, 2], "V");
        Assert.Equal(new[] { 3, 2 }, op.Space.Dimensions);
        Assert.Equal(6, op.Dimension);
        Assert.Equal("V on 3⊗2", op.ToString());
    }

    [Fact]
    public void The_matrix_is_copied_in_and_out()
    {
        var m = Identity(4);
        var op = new SubsystemOperator(m, [2, 2], "V");
        m[0, 0] = 7;
        op.Matrix[1, 1] = 7;
        Assert.Equal(Identity(4), op.Matrix);
    }
}
