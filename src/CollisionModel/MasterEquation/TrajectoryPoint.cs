using System.Numerics;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>
/// What an observer sees at one output time: the index, the time, the state ρ(t) and, computed on first request,
/// the time derivative ρ̇ = L(ρ) of the generator at that time (e.g. for σ = −tr[ρ̇(ln ρ − ln ρ_T)] or an
/// entanglement production tr[ρ̇(ln ρ − ln σ*)]).
/// </summary>
public sealed class TrajectoryPoint
{
    private readonly Func<DensityMatrix, Matrix<Complex>> _derivative;
    private Matrix<Complex>? _rhoDot;

    internal TrajectoryPoint(int index, double time, DensityMatrix state, Func<DensityMatrix, Matrix<Complex>> derivative)
    {
        Index = index;
        Time = time;
        State = state;
        _derivative = derivative;
    }

    /// <summary>Position in the list of output times (0 for the initial state).</summary>
    public int Index { get; }

    /// <summary>The output time t.</summary>
    public double Time { get; }

    /// <summary>ρ(t).</summary>
    public DensityMatrix State { get; }

    /// <summary>ρ̇(t) = L_t(ρ(t)), computed once on first use (a copy is returned). O(r·D³).</summary>
    public Matrix<Complex> Derivative => (_rhoDot ??= _derivative(State)).Clone();
}
