using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Validation;

namespace CollisionModel.Monitoring;

/// <summary>
/// One step of a memoryless monitored protocol as stages of sparse Kraus operators on the system (the H_S factors as
/// one-outcome stages, each bath's outcomes in collision order), applied to d × d matrices directly: the
/// count-resolved maps of systems too large for dense d² × d² superoperators (d_S above
/// <see cref="MonitoredStep.MaxSystemDimension"/>, up to the models' 64), where one application costs
/// O(Σ nnz(K) · d) against the dense map's d⁴ and nothing of size d⁴ is ever stored. The Kraus elements are those of
/// the trajectory sampler (<see cref="CarriedTrajectoryStep"/>, whose carried register is the system when no bath has
/// memory). Matrices are column-major spans of d² entries. Immutable.
/// </summary>
internal sealed class KrausStepMap
{
    private KrausStepMap(int dimension, KrausStage[] stages)
    {
        Dimension = dimension;
        Stages = stages;
    }

    /// <summary>d_S.</summary>
    public int Dimension { get; }

    /// <summary>The stages in order: H_S before, each bath, H_S after.</summary>
    public IReadOnlyList<KrausStage> Stages { get; }

    /// <summary>Step <paramref name="stepIndex"/> of length δt (memoryless baths only; see <see cref="MonitoredStep.CheckMonitorable"/>).</summary>
    public static KrausStepMap Of(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, int stepIndex, double timeStep)
    {
        MonitoredStep.CheckMonitorable(protocol, measurements);
        int d = protocol.SystemDimension;
        var stages = CarriedTrajectoryStep.Of(protocol, measurements, stepIndex, timeStep).Stages
            .Select(s => new KrausStage(s.Bath, s.Outcomes.Select(o => new KrausOutcome(o.Count, o.Kraus.Select(k => SparseKraus.FromColumnMajor(k, d)).ToArray())).ToArray()))
            .ToArray();
        return new KrausStepMap(d, stages);
    }

    /// <summary>
    /// The M steps of one period (<see cref="CollisionProtocol.StepsPerPeriod"/>; one step without drives), step 0
    /// first. Throws naming "baths" for a collision that depends on the step other than through a drive.
    /// </summary>
    public static IReadOnlyList<KrausStepMap> Period(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        for (int j = 0; j < protocol.Baths.Count; j++)
            if (!protocol.Baths[j].Collision.IsTimeIndependent)
                throw new ParameterOutOfRangeException($"baths[{j}] has a time-dependent collision: its steps have no period.", "baths");
        int m = protocol.StepsPerPeriod(timeStep);
        return Enumerable.Range(0, m).Select(n => Of(protocol, measurements, n, timeStep)).ToArray();
    }

    /// <summary>The increment a stage's outcome adds to the selected count: w_j · n (0 for the H_S stages).</summary>
    public static int Increment(KrausStage stage, KrausOutcome outcome, CountSelection selection) =>
        stage.Bath < 0 ? 0 : selection.WeightOf(stage.Bath) * outcome.Count;

    /// <summary>
    /// y = Π_stages Σ_o weight(bath, count_o) Φ_o (x) (the H_S stages with weight 1): the channel (weight 1), the
    /// tilted map (e^{−s w_j n}), the entropy tilt (e^{β_j ω_j n}). x and y may alias. O(Σ nnz · d).
    /// </summary>
    public void Apply(ReadOnlySpan<Complex> x, Span<Complex> y, KrausWorkspace workspace, Func<int, int, double> weight)
    {
        var current = workspace.A;
        var next = workspace.B;
        x.CopyTo(current);
        foreach (var stage in Stages)
        {
            Array.Clear(next);
            foreach (var outcome in stage.Outcomes)
            {
                double w = stage.Bath < 0 ? 1 : weight(stage.Bath, outcome.Count);
                if (w == 0) continue;
                foreach (var k in outcome.Kraus) k.AddConjugation(current, next, workspace.Scratch, w);
            }
            (current, next) = (next, current);
        }
        current.CopyTo(y);
    }

    /// <summary>
    /// The moments through the step: X_k (k = 0 … order) about a fixed centre become X′_k = Σ_o Φ_o(Σ_j C(k, j) m_o^j
    /// X_{k−j}) stage by stage, m_o the outcome's increment; from (x, 0, 0, …) this gives Φ⁽ᵏ⁾x = Σ_m m^k Φ_m x.
    /// In place. O((order + 1)² Σ nnz · d).
    /// </summary>
    public void ApplyMoments(Complex[][] moments, CountSelection selection, KrausWorkspace workspace)
    {
        int order = moments.Length - 1, n = Dimension * Dimension;
        var next = workspace.Moments(order + 1);
        var combined = workspace.A;
        foreach (var stage in Stages)
        {
            foreach (var target in next) Array.Clear(target);
            foreach (var outcome in stage.Outcomes)
            {
                double m = Increment(stage, outcome, selection);
                for (int k = 0; k <= order; k++)
                {
                    ReadOnlySpan<Complex> input = moments[k];
                    if (m != 0 && k > 0)
                    {
                        moments[k].CopyTo(combined, 0);
                        double power = 1;
                        for (int j = 1; j <= k; j++)
                        {
                            power *= m;
                            double factor = Binomial(k, j) * power;
                            var lower = moments[k - j];
                            for (int i = 0; i < n; i++) combined[i] += factor * lower[i];
                        }
                        input = combined;
                    }
                    foreach (var kraus in outcome.Kraus) kraus.AddConjugation(input, next[k], workspace.Scratch, 1);
                }
            }
            for (int k = 0; k <= order; k++) next[k].CopyTo(moments[k], 0);
        }
    }

    private static double Binomial(int k, int j)
    {
        double c = 1;
        for (int i = 1; i <= j; i++) c = c * (k - j + i) / i;
        return c;
    }
}

/// <summary>A stage of a <see cref="KrausStepMap"/>: bath index (−1 for an H_S factor) and its outcomes (one for an unmeasured bath).</summary>
internal sealed record KrausStage(int Bath, KrausOutcome[] Outcomes);

/// <summary>An outcome's count (0 for an unmeasured bath or an H_S factor) and its Kraus operators.</summary>
internal sealed record KrausOutcome(int Count, SparseKraus[] Kraus);

/// <summary>Scratch matrices of d² entries for <see cref="KrausStepMap"/> (one per thread).</summary>
internal sealed class KrausWorkspace(int dimension)
{
    private Complex[][] _moments = [];

    public Complex[] A { get; } = new Complex[dimension * dimension];

    public Complex[] B { get; } = new Complex[dimension * dimension];

    public Complex[] Scratch { get; } = new Complex[dimension * dimension];

    public Complex[][] Moments(int count)
    {
        if (_moments.Length < count) _moments = Enumerable.Range(0, count).Select(_ => new Complex[dimension * dimension]).ToArray();
        return _moments[..count];
    }
}
