using System.Numerics;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The four-stroke quantum Otto cycle as a driven collision protocol: a qubit working medium H_S = ω_h |1⟩⟨1|, its
/// splitting held at ω_h for <see cref="HotSteps"/> steps in which it meets the hot bath, then compressed to ω_c
/// (H_S(t) = (ω_c/ω_h)·H_S) for <see cref="ColdSteps"/> steps in which it meets the cold bath, then expanded back; the
/// compression and expansion are the jumps of the system drive at the stroke boundaries (the adiabatic strokes, which
/// keep the populations). Each bath is a stream of qubits resonant with the medium on its stroke (H_E = ω_j |1⟩⟨1|,
/// thermal at β_j) colliding through the partial swap W = exp(−iθ_j (σ⁺σ⁻ + σ⁻σ⁺)), which moves a fraction sin²θ_j of
/// the population difference per collision; a bath's drive switches its angle off outside its stroke. Both drives have
/// the period τ = (N_h + N_c)·δt. Immutable; validated on construction (each failure names its parameter).
/// </summary>
public sealed class OttoCycle
{
    /// <summary>Builds the cycle: ω_h, ω_c &gt; 0 (either order), β ≥ 0, finite angles, strokes of ≥ 1 step, δt &gt; 0.</summary>
    /// <param name="hotFrequency">ω_h, the medium's splitting on the hot stroke and the hot ancillas' gap.</param>
    /// <param name="coldFrequency">ω_c, the splitting on the cold stroke and the cold ancillas' gap.</param>
    /// <param name="hotBeta">β_h ≥ 0 of the hot ancillas.</param>
    /// <param name="coldBeta">β_c ≥ 0 of the cold ancillas.</param>
    /// <param name="hotAngle">θ_h of the hot partial swap.</param>
    /// <param name="coldAngle">θ_c of the cold partial swap.</param>
    /// <param name="hotSteps">N_h ≥ 1, collisions on the hot stroke.</param>
    /// <param name="coldSteps">N_c ≥ 1, collisions on the cold stroke.</param>
    /// <param name="timeStep">δt &gt; 0, the length of a step (the cycle time is (N_h + N_c)·δt).</param>
    public OttoCycle(double hotFrequency, double coldFrequency, double hotBeta, double coldBeta, double hotAngle, double coldAngle,
        int hotSteps, int coldSteps, double timeStep)
    {
        // Positive and NonNegative refuse NaN and ±∞ themselves.
        Guard.Positive(hotFrequency, "hot_frequency");
        Guard.Positive(coldFrequency, "cold_frequency");
        Guard.NonNegative(hotBeta, "hot_beta");
        Guard.NonNegative(coldBeta, "cold_beta");
        Guard.Finite(hotAngle, "hot_angle");
        Guard.Finite(coldAngle, "cold_angle");
        if (hotSteps < 1) throw new ParameterOutOfRangeException($"The hot stroke needs at least one step, got {hotSteps}.", "hot_steps");
        if (coldSteps < 1) throw new ParameterOutOfRangeException($"The cold stroke needs at least one step, got {coldSteps}.", "cold_steps");
        Guard.Positive(timeStep, "time_step");
        HotFrequency = hotFrequency;
        ColdFrequency = coldFrequency;
        HotBeta = hotBeta;
        ColdBeta = coldBeta;
        HotAngle = hotAngle;
        ColdAngle = coldAngle;
        HotSteps = hotSteps;
        ColdSteps = coldSteps;
        TimeStep = timeStep;
        Protocol = Build();
    }

    /// <summary>ω_h.</summary>
    public double HotFrequency { get; }

    /// <summary>ω_c.</summary>
    public double ColdFrequency { get; }

    /// <summary>β_h.</summary>
    public double HotBeta { get; }

    /// <summary>β_c.</summary>
    public double ColdBeta { get; }

    /// <summary>θ_h.</summary>
    public double HotAngle { get; }

    /// <summary>θ_c.</summary>
    public double ColdAngle { get; }

    /// <summary>N_h.</summary>
    public int HotSteps { get; }

    /// <summary>N_c.</summary>
    public int ColdSteps { get; }

    /// <summary>δt.</summary>
    public double TimeStep { get; }

    /// <summary>M = N_h + N_c, the steps of one cycle.</summary>
    public int StepsPerCycle => HotSteps + ColdSteps;

    /// <summary>τ = M·δt.</summary>
    public double CycleTime => StepsPerCycle * TimeStep;

    /// <summary>The driven protocol: bath 0 "hot", bath 1 "cold", H_S = ω_h |1⟩⟨1| with the compression drive.</summary>
    public CollisionProtocol Protocol { get; }

    private CollisionProtocol Build()
    {
        var excited = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, 0 }, { 0, 1 } });
        var swap = new SubsystemOperator(Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus), [2, 2], "swap coupling");
        // The strokes as plateaus of a piecewise-linear factor: steps 0 … N_h − 1 read the first plateau, steps
        // N_h … M − 1 the second; no step reads the ramp between them, so the factor jumps at the stroke boundary.
        var times = new List<double> { 0 };
        if (HotSteps > 1) times.Add((HotSteps - 1) * TimeStep);
        int hotPoints = times.Count;
        times.Add(HotSteps * TimeStep);
        if (ColdSteps > 1) times.Add((StepsPerCycle - 1) * TimeStep);
        Drive Plateaus(double hot, double cold) =>
            new(times, times.Select((_, i) => i < hotPoints ? hot : cold).ToArray(), CycleTime);
        var hot = new Bath([0], AncillaState.Thermal(HotFrequency * excited, HotBeta), BathCollision.WithAngle(swap, HotAngle),
            name: "hot", drive: Plateaus(1, 0));
        var cold = new Bath([0], AncillaState.Thermal(ColdFrequency * excited, ColdBeta), BathCollision.WithAngle(swap, ColdAngle),
            name: "cold", drive: Plateaus(0, 1));
        return new CollisionProtocol([2], [0], [hot, cold], HotFrequency * excited, SplittingOrder.Strang,
            Plateaus(1, ColdFrequency / HotFrequency));
    }
}
