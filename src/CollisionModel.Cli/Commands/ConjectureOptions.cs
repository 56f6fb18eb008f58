using CollisionModel.Cli.Output;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision conjecture</c>.</summary>
/// <param name="Seed">Seed of the random generator and initial state (0 … 2³¹−1).</param>
/// <param name="Time">Last evaluation time T &gt; 0 (inverse units of H's spectral width).</param>
/// <param name="Points">N ≥ 2 evaluation times T/2^{N−1}, …, T/2, T (doubling).</param>
public sealed record ConjectureOptions(int Seed, double Time, int Points)
{
    /// <summary>The k-th evaluation time T·2^{k−(N−1)} (k = N−1 is T exactly).</summary>
    public double TimeAt(int k) => Math.ScaleB(Time, k - (Points - 1));

    /// <summary>Every option's value, named as on the command line.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("seed", Seed);
        yield return ("time", Time);
        yield return ("points", Points);
    }
}
