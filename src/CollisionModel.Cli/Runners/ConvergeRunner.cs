using CollisionModel.Cli.Commands;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Models;
using CollisionModel.Studies;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// <c>collision converge</c> on <see cref="ConvergenceStudy.Run(Models.PaperModel, double, IReadOnlyList{long}, Func{States.DensityMatrix, double}?, IProgress{double}?)"/>: k collisions as the k-th power of the one-step
/// channel (O(log k) per k, up to 10¹²) against the master equation at T, with the E_R error from the certified
/// relative-entropy-of-entanglement solver (nats).
/// </summary>
public sealed class ConvergeRunner : IConvergeRunner
{
    /// <inheritdoc />
    public ConvergeResult Run(ConvergeOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = ToModel(options);
        // Each k's grid and step 0 before any work: the angle law's refusal of a δt (the paper's dephasing needs η δt ≤ 2)
        // belongs to --steps and --angle, and the study then runs the steps the protocol kept from this check.
        _ = OptionErrors.Named("--steps (or --angle exact)",
            () => options.Steps.Select(k => model.Protocol.Step(0, TimeGrid.Over(options.Time, k))).ToList());
        var study = ConvergenceStudy.Run(model, options.Time, options.Steps, rho => RelativeEntropyOfEntanglement.Compute(rho).Value, progress);
        var points = study.Records.Select(r => new ConvergePoint(r.Steps, r.TraceDistance, r.CoherenceError,
            r.EntanglementError ?? throw new InvalidOperationException("The study was given an entanglement measure."))).ToList();
        return new ConvergeResult(points, study.Order, study.Richardson);
    }

    /// <summary>The paper model of the options (<see cref="PaperModels"/>; decay with thermal ancillas, whose limit has both γ and κ).</summary>
    public static PaperModel ToModel(ConvergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var angle = options.Angle;
        var r = options.Rates;
        var model = OptionErrors.Named(options.Model == CollisionKind.Decay ? "--gamma, --kappa" : "--eta", () => options.Model == CollisionKind.Decay
            ? PaperModels.Decay(r.Gamma, r.Kappa, r.Omega, options.A, angle, mixedEnvironment: true)
            : PaperModels.Dephasing(r.Eta, r.Omega, options.A, angle));
        return model;
    }
}
