using CollisionModel.Engines;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Models;

namespace CollisionModel.Reproduction;

/// <summary>
/// Claim 7 (the paper's closing remark on dephasing): with pure ancillas (global state pure, E = all ancillas)
/// I(AB:E) = 2 S_AB = 2|ΔE_R|; with maximally mixed ancillas ΔS_E = 0 and I(AB:E) = S_AB = |ΔE_R|. The explicit
/// representation keeps every ancilla; E_R comes from the certified relative-entropy-of-entanglement solver
/// (warm-started), not from the maximally-correlated closed form. Nats.
/// </summary>
public sealed class PureVersusMixedEnvironmentClaim : IPaperClaim
{
    /// <summary>Tolerance on the entropy identities (nats).</summary>
    public const double EntropyTolerance = 1e-10;

    /// <summary>Tolerance on identities involving E_R (nats): the solver's certified gap is far below it.</summary>
    public const double EntanglementTolerance = 1e-7;

    /// <inheritdoc />
    public string Id => "7-pure-vs-mixed-environment";

    /// <inheritdoc />
    public ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        // Mixed ancillas are purified and E-side entropies need eigenvalues of 2^(K+1)-dimensional reduced states: K ≤ 7 stays fast.
        int pureSteps = settings.Reduced ? 8 : 20, mixedSteps = settings.Reduced ? 5 : 7;
        const double a = 0.7071067811865476, eta = 1, time = 1;
        var rows = new List<IReadOnlyList<object?>>();
        var series = new List<PlotSeries>();
        double worstPure = 0, worstMixed = 0, worstEntropyChange = 0;
        foreach (var (mixed, steps) in new[] { (false, pureSteps), (true, mixedSteps) })
        {
            var model = PaperModels.Dephasing(eta, 0, a, AngleConvention.Exact, mixed);
            var options = new CollisionRunOptions
            {
                Protocol = model.Protocol,
                InitialSystem = model.InitialState,
                Grid = TimeGrid.Over(time, steps),
                EntanglementMeasure = (rho, previous) =>
                {
                    var r = RelativeEntropyOfEntanglement.Compute(rho, warmStart: previous);
                    return new EntanglementEstimate(r.Value, r.ClosestSeparable);
                },
            };
            var records = CollisionSimulation.Run(options, Representation.Explicit).Records;
            double er0 = records[0].RelativeEntropyOfEntanglement!.Value;
            string env = mixed ? "mixed" : "pure";
            var t = new List<double>();
            var iabe = new List<double>();
            var dEr = new List<double>();
            foreach (var r in records.Skip(1))
            {
                var b = r.Bookkeeping;
                double drop = Math.Abs(r.RelativeEntropyOfEntanglement!.Value - er0);
                double dSe = b.EntropyE - b.Step * model.Protocol.Baths[0].Ancilla.Entropy;
                double i = b.MutualInformationABE;
                double factor = mixed ? 1 : 2;
                double deviation = Math.Max(Math.Abs(i - factor * b.EntropyAB) / EntropyTolerance, Math.Abs(i - factor * drop) / EntanglementTolerance);
                if (mixed) { worstMixed = Math.Max(worstMixed, deviation); worstEntropyChange = Math.Max(worstEntropyChange, Math.Abs(dSe)); }
                else worstPure = Math.Max(worstPure, deviation);
                rows.Add([env, (long)b.Step, b.Time, b.EntropyAB, b.EntropyE, dSe, i, r.RelativeEntropyOfEntanglement, drop, i / b.EntropyAB, i / drop]);
                t.Add(b.Time);
                iabe.Add(i);
                dEr.Add(drop);
            }
            series.Add(new PlotSeries($"{env}: I(AB:E)", t, iabe));
            series.Add(new PlotSeries($"{env}: |ΔE_R|", t, dEr));
            progress?.Report(mixed ? 1 : 0.5);
        }
        bool holds = worstPure <= 1 && worstMixed <= 1 && worstEntropyChange <= EntropyTolerance;
        return new ClaimReport(
            Id,
            "Dephasing: pure ancillas give I(AB:E) = 2 S_AB = 2|ΔE_R|; maximally mixed ancillas give I(AB:E) = S_AB = |ΔE_R| and ΔS_E = 0",
            [new("a", a), new("eta", eta), new("time", time), new("pure_steps", (long)pureSteps), new("mixed_steps", (long)mixedSteps),
             new("angle", "exact"), new("representation", "explicit (E = every ancilla so far)")],
            ["environment", "step", "time", "S_AB", "S_E", "dS_E", "I_AB_E", "E_R", "abs_dE_R", "I_over_S_AB", "I_over_abs_dE_R"],
            rows,
            [new("worst_pure_deviation_in_tolerances", worstPure), new("worst_mixed_deviation_in_tolerances", worstMixed),
             new("max_abs_dS_E_mixed", worstEntropyChange), new("entropy_tolerance", EntropyTolerance), new("entanglement_tolerance", EntanglementTolerance)],
            [new ClaimPlot("mutual-information", "I(AB:E) against the loss of entanglement |ΔE_R|", "time t (1/η)", "information (nats)", false, series)],
            holds,
            holds
                ? $"I(AB:E)/|ΔE_R| = 2 with pure and 1 with maximally mixed ancillas at every collision (max |ΔS_E| mixed = {worstEntropyChange:E1} nats), as the paper remarks."
                : "The pure/mixed environment identities FAIL beyond tolerance.");
    }
}
