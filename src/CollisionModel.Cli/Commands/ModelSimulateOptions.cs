using CollisionModel.Cli.Output;
using CollisionModel.Engines;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision simulate --model-file</c>.</summary>
/// <param name="ModelFile">The model read from the file.</param>
/// <param name="Time">Total time T &gt; 0.</param>
/// <param name="Steps">Number of steps K ≥ 1 (≤ 10¹²), as parsed; the runner builds the grid δt = T/K from T and K (<c>TimeGrid.Over</c>), nothing here divides.</param>
/// <param name="Representation">explicit, streaming or mps.</param>
/// <param name="RecordEvery">Emit every N-th step (steps 0 and K always); the bookkeeping runs at every step.</param>
/// <param name="NoRee">Skip E_R (reported as null; it is null anyway unless the system is two qubits).</param>
public sealed record ModelSimulateOptions(
    ModelFileInput ModelFile,
    double Time,
    long Steps,
    Representation Representation,
    long RecordEvery,
    bool NoRee)
{
    /// <summary>The mps options (<c>--max-bond</c>, <c>--cutoff</c>, <c>--fragments</c>).</summary>
    public MpsSettings Mps { get; init; } = MpsSettings.Default;

    /// <summary>Every option's value, named as on the command line, and the model file's hash.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        foreach (var p in ModelFile.ToParameters()) yield return p;
        yield return ("time", Time);
        yield return ("steps", Steps);
        yield return ("representation", Representation.ToString().ToLowerInvariant());
        yield return ("record_every", RecordEvery);
        yield return ("no_ree", NoRee);
        foreach (var p in Mps.ToParameters(Representation)) yield return p;
    }
}
