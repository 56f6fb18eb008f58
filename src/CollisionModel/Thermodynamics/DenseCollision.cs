using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// One bath's collision with a fresh ancilla in dense algebra, the reference path of the thermodynamic analyses (not
/// the engines' hot loop): ρ_SE′ = W (X ⊗ η) W† on the system's subsystems then the ancilla (least significant), W
/// embedded on (acts_on…, ancilla). X need not be a state (the step superoperator is built from |i⟩⟨j|). O((d_S d_E)³).
/// </summary>
internal sealed class DenseCollision
{
    private readonly Matrix<Complex> _w, _eta;
    private readonly PartialTraceMap _toSystem, _toAncilla;
    private readonly int _systemDimension, _ancillaDimension;

    public DenseCollision(CollisionProtocol protocol, BathStep step)
    {
        var dims = protocol.SystemSpace.Dimensions;
        int n = dims.Count;
        JointSpace = new CompositeSpace([.. dims, step.Bath.Ancilla.Dimension]);
        _w = Tensor.Embed(step.Collision, JointSpace, [.. step.Bath.ActsOn, n]);
        _eta = step.Bath.Ancilla.State.ToMatrix();
        _toSystem = new PartialTraceMap(JointSpace, Enumerable.Range(0, n).ToArray());
        _toAncilla = new PartialTraceMap(JointSpace, [n]);
        _systemDimension = protocol.SystemDimension;
        _ancillaDimension = step.Bath.Ancilla.Dimension;
    }

    /// <summary>W embedded on the joint space.</summary>
    public Matrix<Complex> Unitary => _w;

    /// <summary>The system's subsystems followed by the ancilla.</summary>
    public CompositeSpace JointSpace { get; }

    /// <summary>W (X ⊗ η) W†.</summary>
    public Matrix<Complex> Joint(Matrix<Complex> x) => _w * x.KroneckerProduct(_eta) * _w.ConjugateTranspose();

    /// <summary>tr_E of a joint operator.</summary>
    public Matrix<Complex> System(Matrix<Complex> joint) => Reduce(_toSystem, joint, _systemDimension);

    /// <summary>tr_S of a joint operator.</summary>
    public Matrix<Complex> Ancilla(Matrix<Complex> joint) => Reduce(_toAncilla, joint, _ancillaDimension);

    private static Matrix<Complex> Reduce(PartialTraceMap map, Matrix<Complex> joint, int d)
    {
        var result = new Complex[d * d];
        map.Apply(joint.ToColumnMajorArray(), result);
        return Matrix<Complex>.Build.DenseOfColumnMajor(d, d, result);
    }
}
