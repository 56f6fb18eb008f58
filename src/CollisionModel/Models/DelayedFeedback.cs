using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// A bath's delay line: every ancilla comes back once, <see cref="Delay"/> steps after its collision with the system,
/// through the phase e^{iφN} (N = diag(0, 1, …, d_E − 1)) of the loop. Step n first collides the system with the
/// returning ancilla — the fresh one of step n − delay, or for n &lt; delay a fresh ancilla of the bath (the line starts
/// filled) — and then with a fresh ancilla, both through the bath's collision W. Immutable.
/// </summary>
public sealed record DelayedFeedback
{
    /// <summary>A delay line of <paramref name="delay"/> ≥ 1 steps and loop phase <paramref name="phase"/> φ (finite, radians).</summary>
    public DelayedFeedback(int delay, double phase)
    {
        if (delay < 1) throw new ParameterOutOfRangeException($"the delay must be an integer ≥ 1 steps, got {delay}.", "delay");
        Guard.Finite(phase, "phase");
        Delay = delay;
        Phase = phase;
    }

    /// <summary>Steps between an ancilla's collision and its return (≥ 1); τ = delay · δt.</summary>
    public int Delay { get; }

    /// <summary>The loop phase φ (radians): the returning ancilla's level k picks up e^{iφk}.</summary>
    public double Phase { get; }

    /// <summary>The loop's unitary e^{iφN} on a <paramref name="dimension"/>-level ancilla, as its diagonal. O(d).</summary>
    public Complex[] PhaseDiagonal(int dimension)
    {
        var p = new Complex[dimension];
        for (int k = 0; k < dimension; k++) p[k] = Complex.FromPolarCoordinates(1, Phase * k);
        return p;
    }

    /// <summary>
    /// The returning collision W (1 ⊗ e^{iφN}) on (the bath's subsystems, ancilla least significant): the loop's phase
    /// and then the collision, as one unitary of dimension <c>collision.RowCount</c>. O(n²).
    /// </summary>
    public Matrix<Complex> ReturningCollision(Matrix<Complex> collision, int ancillaDimension)
    {
        ArgumentNullException.ThrowIfNull(collision);
        var p = PhaseDiagonal(ancillaDimension);
        var u = collision.Clone();
        // Column c is the basis state with ancilla level c mod d_E: right-multiplying by a diagonal scales columns.
        for (int c = 0; c < u.ColumnCount; c++)
        {
            var z = p[c % ancillaDimension];
            for (int r = 0; r < u.RowCount; r++) u[r, c] *= z;
        }
        return u;
    }
}
