namespace CollisionModel.Reproduction;

/// <summary>Every claim of the seed paper, in the paper's order, evaluated one after another.</summary>
public static class PaperReproduction
{
    /// <summary>The claims, in order.</summary>
    public static IReadOnlyList<IPaperClaim> Claims { get; } =
    [
        new Claim1EntropyProduction(),
        new Claim2EntanglementProduction(),
        new Claim3SeparableIsStationary(),
        new Claim4SuddenDeath(),
        new SsaBookkeepingClaim(),
        new DephasingConvergenceClaim(),
        new PureVersusMixedEnvironmentClaim(),
        new Claim8Conjecture(),
        new ErrataClaim(),
        new SecondLawPerCollisionClaim(),
    ];

    /// <summary>Evaluates every claim; progress (0…1) is reported over all claims.</summary>
    public static IReadOnlyList<ClaimReport> Run(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var reports = new List<ClaimReport>(Claims.Count);
        for (int i = 0; i < Claims.Count; i++)
        {
            int index = i;
            var claimProgress = progress is null ? null : new ScaledProgress(progress, index, Claims.Count);
            reports.Add(Claims[i].Evaluate(settings, claimProgress));
            progress?.Report((double)(i + 1) / Claims.Count);
        }
        return reports;
    }

    // Progress<T> would post to the thread pool and reorder reports; this forwards synchronously.
    private sealed class ScaledProgress(IProgress<double> inner, int index, int count) : IProgress<double>
    {
        public void Report(double value) => inner.Report((index + Math.Clamp(value, 0, 1)) / count);
    }
}
