using CollisionModel.Cli.Commands;
using CollisionModel.Dynamics;
using CollisionModel.Entanglement;
using CollisionModel.Information;
using CollisionModel.States;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// <c>collision conjecture</c> backed by <see cref="DetailedBalanceGenerator.Sample"/> and <see cref="NearEquilibriumRatio"/>:
/// the generator and a Haar-random pure initial state come from one <see cref="QuantumRandom"/> seeded with
/// <see cref="SeedMixer.DerivedSeed"/>(--seed).
/// </summary>
public sealed class ConjectureRunner : IConjectureRunner
{
    /// <summary>
    /// Times closer than this trace distance to ρ_G get no σ, σ_E: σ = O(ε²) is a difference of O(ε) terms, so rounding
    /// reaches it near ε ≈ 10⁻⁸; 10⁻⁴ keeps a wide margin. Below it the coefficient c describes the ratio.
    /// </summary>
    public const double EquilibriumResolution = 1e-4;

    /// <inheritdoc />
    public ConjectureResult Run(ConjectureOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        // Mixed first: System.Random streams of neighbouring seeds are nearly identical at the start.
        var random = new QuantumRandom(SeedMixer.DerivedSeed((ulong)options.Seed));
        var model = DetailedBalanceGenerator.Sample(random);
        var rho0 = DensityMatrix.FromKet(random.Ket(model.Gibbs.Space));
        var gibbsRee = RelativeEntropyOfEntanglement.Compute(model.Gibbs);
        var coefficient = NearEquilibriumRatio.Coefficient(model, gibbsRee);

        var points = new List<ConjecturePoint>(options.Points);
        double? worst = null;
        DensityMatrix? warm = null;
        for (int k = 0; k < options.Points; k++)
        {
            double t = options.TimeAt(k);
            var rho = model.Generator.Evolve(rho0, t);
            double distance = TraceDistance.Compute(rho, model.Gibbs);
            var ree = RelativeEntropyOfEntanglement.Compute(rho, null, warm);
            if (ree.Method != ReeMethod.Separable) warm = ree.ClosestSeparable;
            ProductionRates? rates = distance >= EquilibriumResolution ? ProductionRates.Evaluate(model.Generator, rho, model.Gibbs, ree) : null;
            if (rates?.ConjectureRatio is double r && (worst is null || r > worst)) worst = r;
            points.Add(new ConjecturePoint(t, distance, ree.Value, rates?.EntropyProduction, rates?.EntanglementProduction, rates?.ConjectureRatio));
            progress.Report((k + 1.0) / options.Points);
        }
        double separableDistance = gibbsRee.Method == ReeMethod.Separable ? 0 : TraceDistance.Compute(model.Gibbs, gibbsRee.ClosestSeparable);
        return new ConjectureResult(points, model.Beta, gibbsRee.Value, Concurrence.Wootters(model.Gibbs), separableDistance,
            coefficient.C, coefficient.DecayRate, coefficient.Frequency, worst);
    }
}
