using CollisionModel.Cli.Output;

namespace CollisionModel.Cli.Commands;

/// <summary>The options of <c>collision ree</c>.</summary>
/// <param name="RhoPath">The JSON file holding the 4×4 density matrix (read by <see cref="RhoFileReader"/>).</param>
public sealed record ReeOptions(string RhoPath)
{
    /// <summary>Every option's value, named as on the command line.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("rho", RhoPath);
    }
}
