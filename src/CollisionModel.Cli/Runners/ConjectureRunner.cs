using CollisionModel.Cli.Commands;
using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// <c>collision conjecture</c> backed by <see cref="DetailedBalanceGenerator.Sample"/> and <see cref="NearEquilibriumRatio"/>:
/// the generator and a Haar-random pure initial state come from one <see cref="QuantumRandom"/> seeded with
/// <see cref="SeedMixer.DerivedSeed"/>(--seed).
/// </summary>
public sealed class ConjectureRunner : IConjectureRunner
{
    /// <summary>Times closer than this trace distance to ρ_G get no σ, σ_E (<see cref="ConjectureStudy.EquilibriumResolution"/>).</summary>
    public const double EquilibriumResolution = ConjectureStudy.EquilibriumResolution;

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

        var times = Enumerable.Range(0, options.Points).Select(options.TimeAt).ToArray();
        var study = ConjectureStudy.Run(model, rho0, times, progress);
        var points = study.Points.Select(p => new ConjecturePoint(p.Time, p.TraceDistanceToGibbs, p.RelativeEntropyOfEntanglement,
            p.Rates?.EntropyProduction, p.Rates?.EntanglementProduction, p.Rates?.ConjectureRatio)).ToList();
        double? worst = study.Worst?.Ratio;
        double separableDistance = gibbsRee.Method == ReeMethod.Separable ? 0 : TraceDistance.Compute(model.Gibbs, gibbsRee.ClosestSeparable);
        return new ConjectureResult(points, model.Beta, gibbsRee.Value, Concurrence.Wootters(model.Gibbs), separableDistance,
            coefficient.C, coefficient.DecayRate, coefficient.Frequency, worst);
    }
}
