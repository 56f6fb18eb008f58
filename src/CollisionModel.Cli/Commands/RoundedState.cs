using System.Numerics;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>ree --normalize</c>: the library's <see cref="NearestState"/> of entries rounded to a few digits, its refusals
/// turned into <c>--rho</c> messages and its report into output fields.
/// </summary>
public static class RoundedState
{
    /// <summary>The state used and what normalising changed; <paramref name="entries"/> is row-major 4×4.</summary>
    public static (DensityMatrix State, ResultRecord Report) Normalize(Complex[,] entries, string source)
    {
        ArgumentNullException.ThrowIfNull(entries);
        NearestState nearest;
        try
        {
            nearest = NearestState.Of(entries);
        }
        catch (QuantumInputException e)
        {
            // The library names its parameter ("rho"); the user named the file.
            string suffix = $" (Parameter '{e.ParamName}')";
            string why = e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
            throw new CliInputException($"--rho: '{source}' {why}");
        }
        var report = ResultRecord.Of(
            ("input_trace", nearest.InputTrace),
            ("hermiticity_defect", nearest.HermiticityDefect),
            ("clipped_negative_weight", nearest.ClippedNegativeWeight),
            ("trace_distance_to_input", nearest.TraceDistanceToInput));
        return (nearest.State, report);
    }
}
