using CollisionModel.Cli.Parsing;
using CollisionModel.Monitoring;
using CollisionModel.Validation;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The model-file checks the monitoring commands share: every bath memoryless (the key table: memory_angle is not
/// taken) and at least one bath with a <c>measure</c> key. Failures name the file, the key and the command.
/// </summary>
internal static class MonitoredModel
{
    /// <summary>Throws <see cref="CliInputException"/> unless <paramref name="input"/> can be monitored by <paramref name="command"/>.</summary>
    public static void Check(ModelFileInput input, string command)
    {
        var model = input.Model;
        try
        {
            MonitoredStep.CheckMonitorable(model.Protocol, model.Measurements);
        }
        catch (QuantumInputException e)
        {
            throw new CliInputException($"{ModelFileInput.OptionName} {input.Path}: {Message(e)} (collision {command})");
        }
        if (model.Measurements.All(m => m is null))
            throw new CliInputException(
                $"{ModelFileInput.OptionName} {input.Path}: collision {command} needs a \"measure\" key on at least one bath (\"energy\" or {{\"basis\", \"values\"}}).");
    }

    private static string Message(ArgumentException e)
    {
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }
}
