using CollisionModel.Cli.Output;
using CollisionModel.Models;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision converge</c>.</summary>
/// <param name="Model">dephasing or decay.</param>
/// <param name="A">Initial state A|00> + √(1−A²)|11>, A ∈ [0, 1].</param>
/// <param name="Rates">η, γ, κ, ω (finite, ≥ 0).</param>
/// <param name="Time">Final time T &gt; 0.</param>
/// <param name="Steps">The collision counts k to compare, each in [1, 10¹²], in the order given.</param>
/// <param name="Angle">paper or exact angle convention.</param>
public sealed record ConvergeOptions(
    CollisionKind Model,
    double A,
    RateOptions Rates,
    double Time,
    IReadOnlyList<long> Steps,
    AngleConvention Angle)
{
    /// <summary>Every option's value, named as on the command line.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("model", Model.ToString().ToLowerInvariant());
        yield return ("a", A);
        foreach (var p in Rates.ToParameters()) yield return p;
        yield return ("time", Time);
        yield return ("steps", new ListValue(Steps.Select(k => (ResultValue)k).ToList()));
        yield return ("angle", Angle.ToString().ToLowerInvariant());
    }
}
