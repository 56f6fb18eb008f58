using CollisionModel.Cli.Commands;
using CollisionModel.Convergence;
using CollisionModel.Entanglement;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// <c>collision converge</c> on <see cref="ConvergenceStudy.Run"/>: k collisions as the k-th power of the one-step
/// channel (O(log k) per k, up to 10¹²) against the master equation at T, with the E_R error from the certified
/// relative-entropy-of-entanglement solver (nats).
/// </summary>
public sealed class ConvergeRunner : IConvergeRunner
{
    /// <inheritdoc />
    public ConvergeResult Run(ConvergeOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var setup = ToSetup(options);
        var study = ConvergenceStudy.Run(setup, options.Steps, rho => RelativeEntropyOfEntanglement.Compute(rho).Value, progress);
        var points = study.Records.Select(r => new ConvergePoint(r.Steps, r.TraceDistance, r.CoherenceError,
            r.EntanglementError ?? throw new InvalidOperationException("The study was given an entanglement measure."))).ToList();
        return new ConvergeResult(points, study.Order, study.Richardson);
    }

    /// <summary>The study's setup: the model's own rates, ω as H = (ω/2)σz_B, the chosen angle convention.</summary>
    public static ConvergenceSetup ToSetup(ConvergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var angle = options.Angle == Commands.AngleConvention.Exact ? Protocols.AngleConvention.Exact : Protocols.AngleConvention.Paper;
        foreach (long k in options.Steps) RunInputChecks.RequireRepresentableAngle(options.Model, options.Rates, options.Time / k, angle);
        return new ConvergenceSetup(
            Model: options.Model == CollisionKind.Decay ? CollisionModelKind.Decay : CollisionModelKind.Dephasing,
            A: options.A,
            Gamma: options.Rates.Gamma,
            Kappa: options.Rates.Kappa,
            Eta: options.Rates.Eta,
            Omega: options.Rates.Omega,
            Time: options.Time,
            Angle: angle);
    }
}
