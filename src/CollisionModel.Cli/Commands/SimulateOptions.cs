using System.Globalization;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision simulate</c> (what the collision-model engine consumes).</summary>
/// <param name="Model">dephasing or decay.</param>
/// <param name="A">Initial state A|00> + √(1−A²)|11>, A ∈ [0, 1].</param>
/// <param name="Rates">η, γ, κ, ω (finite, ≥ 0).</param>
/// <param name="Time">Total time T &gt; 0.</param>
/// <param name="Steps">Number of collisions K ≥ 1 (≤ 10¹²), as parsed; the runner builds the grid δt = T/K from T and K (<c>TimeGrid.Over</c>), nothing here divides.</param>
/// <param name="Environment">pure or mixed ancillas.</param>
/// <param name="Representation">explicit, streaming or mps.</param>
/// <param name="Angle">paper or exact angle convention.</param>
/// <param name="RecordEvery">Emit every N-th step (steps 0 and K always); the bookkeeping runs at every step.</param>
/// <param name="NoRee">Skip E_R (reported as null).</param>
public sealed record SimulateOptions(
    CollisionKind Model,
    double A,
    RateOptions Rates,
    double Time,
    long Steps,
    EnvironmentKind Environment,
    Representation Representation,
    AngleConvention Angle,
    long RecordEvery,
    bool NoRee)
{
    /// <summary><c>--max-bond</c>, <c>--cutoff</c>, <c>--fragments</c> (mps only; defaults: exact, no fragments).</summary>
    public MpsSettings Mps { get; init; } = MpsSettings.Default;

    /// <summary>
    /// Checks the combinations single options cannot: <c>decay</c> with a <c>pure</c> environment needs κ = 0 (an
    /// ancilla in |0> can only absorb). Throws <see cref="CliInputException"/>.
    /// </summary>
    public SimulateOptions Validated()
    {
        if (Model == CollisionKind.Decay && Environment == EnvironmentKind.Pure && Rates.Kappa != 0)
            throw new CliInputException(
                $"--kappa: the decay model with --environment pure needs κ = 0, got {Rates.Kappa.ToString("R", CultureInfo.InvariantCulture)}; " +
                "use --environment mixed for a thermal environment.");
        Mps.Check(Representation);
        return this;
    }

    /// <summary>Every option's value, named as on the command line.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("model", Model.ToString().ToLowerInvariant());
        yield return ("a", A);
        foreach (var p in Rates.ToParameters()) yield return p;
        yield return ("time", Time);
        yield return ("steps", Steps);
        yield return ("environment", Environment.ToString().ToLowerInvariant());
        yield return ("representation", Representation.ToString().ToLowerInvariant());
        yield return ("angle", Angle.ToString().ToLowerInvariant());
        yield return ("record_every", RecordEvery);
        yield return ("no_ree", NoRee);
        foreach (var p in Mps.ToParameters(Representation)) yield return p;
    }
}
