using System.Text.Json;
using CollisionModel.Cli;
using CollisionModel.Cli.Output;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// The two seams an in-process caller (the native library of the Python package) relies on: a standard output that
/// takes the result document itself, and a cancellation token the long computations stop at.
/// </summary>
public sealed class InProcessSeamTests
{
    private sealed class CapturingOut : StringWriter, IDocumentSink
    {
        public ResultDocument? Document { get; private set; }

        public void Accept(ResultDocument document) => Document = document;
    }

    [Fact]
    public void A_document_sink_receives_the_values_the_json_output_prints_and_no_text()
    {
        string[] args = ["simulate", "--time", "0.4", "--steps", "8", "--record-every", "2", "--format", "json", "--quiet"];
        var json = CliHarness.RunWith(Engines.Create(), args);
        using var sink = new CapturingOut();
        int code = App.Run(args, sink, new StringWriter(), Engines.CreateAotSafe());

        Assert.Equal(0, code);
        Assert.Equal("", sink.ToString());
        var records = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("records");
        var document = sink.Document!;
        Assert.Equal(records.GetArrayLength(), document.Records.Count);
        for (int k = 0; k < document.Records.Count; k++)
        {
            // Round-trip formatting ("R") makes the printed number the double itself: equal to the last digit.
            double printed = records[k].GetProperty("S_AB").GetDouble();
            Assert.Equal(printed, ((NumberValue)document.Records[k]["S_AB"]!).Value);
        }
    }

    [Fact]
    public void A_cancelled_token_ends_the_run_as_interrupted_with_nothing_on_stdout()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new CliEnvironment(stdout, stderr, false, Engines.CreateAotSafe()) { Cancellation = cancel.Token };

        int code = App.Run(["simulate", "--time", "1", "--steps", "100000", "--quiet"], environment);

        Assert.Equal(App.InternalError, code);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("interrupted.", stderr.ToString(), StringComparison.Ordinal);
    }
}
