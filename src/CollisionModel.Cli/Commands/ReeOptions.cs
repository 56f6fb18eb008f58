using CollisionModel.Cli.Output;

namespace CollisionModel.Cli.Commands;

/// <summary>The options of <c>collision ree</c>.</summary>
/// <param name="RhoPath">The JSON file holding the 4×4 density matrix (read by <see cref="RhoFileReader"/>), or "-" for standard input.</param>
/// <param name="Normalize">Use the state nearest to rounded entries (<see cref="RoundedState"/>) instead of refusing them.</param>
public sealed record ReeOptions(string RhoPath, bool Normalize = false)
{
    /// <summary>Every option's value, named as on the command line.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("rho", RhoPath);
        yield return ("normalize", Normalize);
    }
}
