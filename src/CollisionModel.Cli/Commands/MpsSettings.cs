using System.Globalization;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Engines;
using CollisionModel.Engines.Mps;

namespace CollisionModel.Cli.Commands;

/// <summary>The whole-environment options of <c>collision simulate</c>: <c>--max-bond</c>, <c>--cutoff</c>, <c>--fragments</c>.</summary>
/// <param name="MaxBond">The largest bond kept (≥ 1), or null: no limit.</param>
/// <param name="Cutoff">The relative weight that may be discarded per split, in [0, 1) (0: none).</param>
/// <param name="Fragments">Emit I(AB : oldest/newest m ancillas) in every record.</param>
public sealed record MpsSettings(long? MaxBond, double Cutoff, bool Fragments)
{
    /// <summary>Exact, no fragments.</summary>
    public static MpsSettings Default { get; } = new(null, 0, false);

    /// <summary>Throws <see cref="CliInputException"/> naming the option when it needs <c>--representation mps</c> or is out of range.</summary>
    public void Check(Representation representation)
    {
        if (Cutoff is < 0 or >= 1)
            throw new CliInputException($"--cutoff: must lie in [0, 1), got {Cutoff.ToString("R", CultureInfo.InvariantCulture)}.");
        if (representation == Representation.Mps) return;
        string? option = Fragments ? "--fragments" : MaxBond is not null ? "--max-bond" : Cutoff > 0 ? "--cutoff" : null;
        if (option is not null)
            throw new CliInputException(
                $"{option}: needs --representation mps (the only representation that keeps every ancilla and has bonds to truncate).");
    }

    /// <summary>The library's truncation settings (exact when neither limit is given).</summary>
    public MpsTruncation Truncation => new()
    {
        MaxBond = MaxBond is { } bond ? (int)Math.Min(bond, int.MaxValue) : null,
        Cutoff = Cutoff > 0 ? Cutoff : null,
    };

    /// <summary>The options' values for the document's parameters (only for mps runs).</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters(Representation representation)
    {
        if (representation != Representation.Mps) yield break;
        yield return ("max_bond", MaxBond is { } bond ? bond : ResultValue.Null);
        yield return ("cutoff", Cutoff);
        yield return ("fragments", Fragments);
    }
}
