namespace CollisionModel.Monitoring;

/// <summary>
/// One step of a <see cref="MonitoredStep"/> as the trajectory sampler runs it: one stage per measured bath, in
/// collision order, each with its outcomes' maps in real coordinates (<see cref="HermitianCoordinates"/>) and the
/// row vectors t·M_o that give an outcome's probability tr M_o(ρ) in d² multiply-adds. The unmeasured parts are folded
/// into the stages: the H_S factor and unmeasured baths before the first measured bath into the first stage's maps
/// (applied before), everything after a measured bath up to the next one into that bath's maps (applied after; they
/// conserve the trace, so the probabilities are unchanged). Per step and trajectory: Σ_stages (|outcomes| d² + d⁴)
/// multiply-adds. Immutable.
/// </summary>
internal sealed class TrajectoryStep
{
    private TrajectoryStep(int size, Stage[] stages)
    {
        Size = size;
        Stages = stages;
    }

    /// <summary>d².</summary>
    public int Size { get; }

    /// <summary>The measured baths' stages in collision order.</summary>
    public Stage[] Stages { get; }

    /// <summary>One measured bath's outcomes.</summary>
    /// <param name="Bath">The bath's index in the protocol.</param>
    /// <param name="Maps">Row-major d² × d² real maps M_o, the unmeasured parts folded in.</param>
    /// <param name="Probability">t·M_o, length d².</param>
    /// <param name="Counts">The count of each outcome.</param>
    internal sealed record Stage(int Bath, double[][] Maps, double[][] Probability, int[] Counts);

    /// <summary>Builds the stages of <paramref name="step"/> (it has at least one measured bath). O(Σ |outcomes| d⁶).</summary>
    public static TrajectoryStep Of(MonitoredStep step)
    {
        int d = step.SystemDimension, size = d * d;
        double[]? pending = step.Before is null ? null : HermitianCoordinates.Real(step.Before, d);
        var stages = new List<(int Bath, double[][] Maps, int[] Counts)>();
        foreach (var bath in step.Baths)
        {
            if (!bath.Measured)
            {
                var channel = HermitianCoordinates.Real(bath.Outcomes[0].Superoperator, d);
                if (stages.Count == 0) pending = pending is null ? channel : Multiply(channel, pending, size);
                else AfterStage(stages[^1].Maps, channel, size);
                continue;
            }
            var maps = bath.Outcomes.Select(o => HermitianCoordinates.Real(o.Superoperator, d)).ToArray();
            if (stages.Count == 0 && pending is not null)
                for (int o = 0; o < maps.Length; o++) maps[o] = Multiply(maps[o], pending, size);
            stages.Add((bath.BathIndex, maps, bath.Outcomes.Select(o => o.Count).ToArray()));
        }
        if (stages.Count == 0) throw new InvalidOperationException("a trajectory step needs a measured bath.");
        if (step.After is not null) AfterStage(stages[^1].Maps, HermitianCoordinates.Real(step.After, d), size);
        var trace = HermitianCoordinates.TraceFunctional(d);
        return new TrajectoryStep(size, stages.Select(s => new Stage(s.Bath, s.Maps, s.Maps.Select(m => RowTimes(trace, m, size)).ToArray(), s.Counts)).ToArray());
    }

    private static void AfterStage(double[][] maps, double[] later, int size)
    {
        for (int o = 0; o < maps.Length; o++) maps[o] = Multiply(later, maps[o], size);
    }

    private static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        for (int r = 0; r < n; r++)
            for (int k = 0; k < n; k++)
            {
                double x = a[r * n + k];
                if (x == 0) continue;
                for (int col = 0; col < n; col++) c[r * n + col] += x * b[k * n + col];
            }
        return c;
    }

    private static double[] RowTimes(double[] row, double[] m, int n)
    {
        var result = new double[n];
        for (int k = 0; k < n; k++)
            if (row[k] != 0)
                for (int c = 0; c < n; c++) result[c] += row[k] * m[k * n + c];
        return result;
    }
}
