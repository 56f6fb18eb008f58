using CollisionModel.Cli.Output;
using CollisionModel.MasterEquation;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision master</c> (eq. (5) integrated from a|00> + b|11>).</summary>
/// <param name="A">Initial state A|00> + √(1−A²)|11>, A ∈ [0, 1].</param>
/// <param name="Rates">η, γ, κ, ω (finite, ≥ 0).</param>
/// <param name="Qubit">A, B or both.</param>
/// <param name="Time">Final time T &gt; 0.</param>
/// <param name="Points">N ≥ 2 equally spaced times from 0 to T inclusive.</param>
public sealed record MasterOptions(double A, RateOptions Rates, TargetQubit Qubit, double Time, int Points)
{
    /// <summary>The i-th output time, i·T/(N − 1) (the last one is T exactly).</summary>
    public double TimeAt(int i) => i == Points - 1 ? Time : i * (Time / (Points - 1));

    /// <summary>Every option's value, named as on the command line.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("a", A);
        foreach (var p in Rates.ToParameters()) yield return p;
        yield return ("qubit", Qubit == TargetQubit.Both ? "both" : Qubit.ToString());
        yield return ("time", Time);
        yield return ("points", Points);
    }
}
