using CollisionModel.Cli.Output;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision converge --model-file</c>.</summary>
/// <param name="ModelFile">The model read from the file (it must have a Lindblad limit; the runner says why not).</param>
/// <param name="Time">Final time T &gt; 0.</param>
/// <param name="Steps">The step counts k to compare, each in [1, 10¹²], in the order given.</param>
public sealed record ModelConvergeOptions(ModelFileInput ModelFile, double Time, IReadOnlyList<long> Steps)
{
    /// <summary>Every option's value, named as on the command line, and the model file's hash.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        foreach (var p in ModelFile.ToParameters()) yield return p;
        yield return ("time", Time);
        yield return ("steps", new ListValue(Steps.Select(k => (ResultValue)k).ToList()));
    }
}
