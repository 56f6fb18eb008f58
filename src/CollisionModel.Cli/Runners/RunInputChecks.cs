using System.Globalization;
using CollisionModel.Cli.Commands;
using CollisionModel.Validation;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// The rate/step combinations the collision presets reject, checked up front so that the message names the
/// command-line options (the presets' own messages name their C# parameters).
/// </summary>
internal static class RunInputChecks
{
    /// <summary>
    /// Dephasing with the paper's angle needs η δt ≤ 2 (the overlap 1 − η δt stays ≥ −1); decay needs γ + κ &gt; 0
    /// (the thermal ancilla diag(γ, κ)/(γ+κ) must exist; with a pure ancilla γ = κ = 0 would be an idle collision, and
    /// is rejected too for a uniform rule). Throws <see cref="ParameterOutOfRangeException"/>.
    /// </summary>
    public static void RequireRepresentableAngle(CollisionKind model, RateOptions rates, double timeStep, Protocols.AngleConvention angle)
    {
        if (model == CollisionKind.Dephasing)
        {
            if (angle == Protocols.AngleConvention.Paper && rates.Eta * timeStep > 2)
                throw new ParameterOutOfRangeException(
                    $"--steps: with --angle paper the overlap 1 − η δt must stay ≥ −1, but η δt = {F(rates.Eta * timeStep)} > 2; use more steps or --angle exact.");
            return;
        }
        if (rates.Gamma + rates.Kappa <= 0)
            throw new ParameterOutOfRangeException("--gamma, --kappa: the decay model needs γ + κ > 0.");
    }

    private static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
