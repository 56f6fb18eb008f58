using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Operators;

/// <summary>
/// A square operator together with the dimensions of the subsystems it acts on (first factor most significant, the
/// order of <see cref="Tensor.Kron"/>), as QuantumOpticsBase.jl's operators carry
/// their basis. A collision coupling built as <c>new SubsystemOperator(v, [2, 3], "V")</c> knows it acts on a qubit
/// ⊗ a qutrit, so a matrix of the wrong shape is refused here, naming the operator, and a protocol refuses it when its
/// factors do not match the subsystems and the ancilla it is put on, even where the total dimension would agree.
/// Immutable (the matrix is copied in and out).
/// </summary>
public sealed class SubsystemOperator
{
    private readonly Matrix<Complex> _matrix;

    /// <summary>Checks that <paramref name="matrix"/> is square and of dimension Π <paramref name="dimensions"/>. O(D²) for the copy.</summary>
    /// <param name="matrix">The operator, column-major, on the product space in the factors' order.</param>
    /// <param name="dimensions">The factors' dimensions, each ≥ 1, first most significant.</param>
    /// <param name="name">What the operator is, for messages (e.g. "coupling", "baths[0].coupling").</param>
    /// <exception cref="DimensionMismatchException">The matrix is not square or not of the factors' total dimension; the parameter name is <paramref name="name"/>.</exception>
    public SubsystemOperator(Matrix<Complex> matrix, IReadOnlyList<int> dimensions, string name)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(matrix, name);
        var space = new CompositeSpace([.. dimensions]);
        if (matrix.RowCount != matrix.ColumnCount || matrix.RowCount != space.Dimension)
            throw new DimensionMismatchException(
                $"{name}: a {matrix.RowCount}×{matrix.ColumnCount} matrix cannot act on {space} (dimension {space.Dimension}).", name);
        _matrix = matrix.Clone();
        Space = space;
        Name = name;
    }

    /// <summary>The factors the operator acts on (their dimensions, first most significant).</summary>
    public CompositeSpace Space { get; }

    /// <summary>The total dimension D = Π d_k.</summary>
    public int Dimension => Space.Dimension;

    /// <summary>What the operator is, as given; the parameter name of every exception raised about it.</summary>
    public string Name { get; }

    /// <summary>The D×D matrix (a fresh copy).</summary>
    public Matrix<Complex> Matrix => _matrix.Clone();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} on {Space}";
}
