using System.Text.Json;
using CollisionModel.Cli;
using CollisionModel.Cli.Output;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// The seams an in-process caller (the native library of the Python package) relies on: a standard output that
/// takes the result document itself, a cancellation token the long computations stop at, and one command tree kept
/// across requests.
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
        var json = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), args);
        using var sink = new CapturingOut();
        int code = App.Run(args, sink, new StringWriter(), CollisionModel.Cli.Engines.CreateAotSafe());

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
        var environment = new CliEnvironment(stdout, stderr, false, CollisionModel.Cli.Engines.CreateAotSafe()) { Cancellation = cancel.Token };

        int code = App.Run(["simulate", "--time", "1", "--steps", "100000", "--quiet"], environment);

        Assert.Equal(App.InternalError, code);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("interrupted.", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_tree_kept_across_requests_answers_each_as_a_fresh_tree_does()
    {
        // Different commands, option values that differ from the previous request's, a bad request and help in
        // between: nothing of one request may leak into the next (the reference is a fresh tree per request).
        string[][] requests =
        [
            ["simulate", "--time", "0.4", "--steps", "8", "--record-every", "2", "--format", "json", "--quiet"],
            ["master", "--time", "0.5", "--points", "3", "--gamma", "0.5", "--format", "json", "--quiet"],
            ["simulate", "--bogus"],
            ["simulate", "--help"],
            ["simulate", "--time", "0.2", "--steps", "3", "--model", "decay", "--format", "json", "--quiet"],
            ["simulate", "--time", "0.4", "--steps", "8", "--record-every", "2", "--format", "json", "--quiet"],
        ];
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var kept = new CliEnvironment(stdout, stderr, false, CollisionModel.Cli.Engines.CreateAotSafe());
        var root = App.CreateRoot(kept);

        foreach (string[] args in requests)
        {
            var fresh = CliHarness.RunWith(CollisionModel.Cli.Engines.CreateAotSafe(), args);
            stdout.GetStringBuilder().Clear();
            stderr.GetStringBuilder().Clear();

            int code = App.Run(root, args, kept);

            Assert.Equal(fresh.ExitCode, code);
            Assert.Equal(fresh.Stdout, stdout.ToString());
            Assert.Equal(fresh.Stderr, stderr.ToString());
        }
    }
}
