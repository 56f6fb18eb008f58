using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.States;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// Runs of one protocol object at one δt share its step 0 (<see cref="CollisionProtocol.Step(int, TimeGrid)"/>) and the
/// streaming kernel's precomputed maps built from it; each engine keeps its own scratch, so runs side by side on
/// several threads give exactly the run alone.
/// </summary>
public class SharedStepMapsTests
{
    private static CollisionRunOptions Options(PaperModel model, DensityMatrix initial, int steps) =>
        new() { Protocol = model.Protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.01, steps) };

    [Fact]
    public void Separate_runs_of_one_protocol_and_time_step_share_one_step_0()
    {
        var model = PaperModels.Decay(1, 0.5, 0.3, 0.6, AngleConvention.Paper, mixedEnvironment: true);
        var first = Options(model, model.InitialState, 4);
        var second = Options(model, PaperModels.InitialState(0.2), 9);
        Assert.Same(model.Protocol.Step(0, first.Grid), model.Protocol.Step(0, second.Grid));
    }

    [Fact]
    public void Streaming_runs_of_one_protocol_on_four_threads_at_once_equal_each_run_alone()
    {
        var model = PaperModels.Decay(1, 0.5, 0.3, 0.6, AngleConvention.Paper, mixedEnvironment: true);
        double[] amplitudes = [0.6, 0.2, 0.9, 1.0];
        var alone = amplitudes
            .Select(a => CollisionSimulation.Run(Options(model, PaperModels.InitialState(a), 3000), Representation.Streaming).ToJson())
            .ToArray();
        var together = new string[amplitudes.Length];
        Parallel.For(0, amplitudes.Length, new ParallelOptions { MaxDegreeOfParallelism = amplitudes.Length }, i =>
            together[i] = CollisionSimulation.Run(Options(model, PaperModels.InitialState(amplitudes[i]), 3000), Representation.Streaming).ToJson());
        Assert.Equal(alone, together);
    }
}
