using CollisionModel.Cli.Output;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision master --model-file</c>.</summary>
/// <param name="ModelFile">The model read from the file (it must have a Lindblad limit; the runner says why not).</param>
/// <param name="Time">Final time T &gt; 0.</param>
/// <param name="Points">N ≥ 2 equally spaced times from 0 to T inclusive.</param>
public sealed record ModelMasterOptions(ModelFileInput ModelFile, double Time, int Points)
{
    /// <summary>Every option's value, named as on the command line, and the model file's hash.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        foreach (var p in ModelFile.ToParameters()) yield return p;
        yield return ("time", Time);
        yield return ("points", Points);
    }
}
