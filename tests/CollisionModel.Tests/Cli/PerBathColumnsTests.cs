using System.Globalization;
using System.Text.Json;
using CollisionModel.Cli.Output;

namespace CollisionModel.Tests.Cli;

public class PerBathColumnsTests
{
    private static string TwoBathsModel() => Path.Combine(Docs.TrackedFiles.Root, "examples", "TwoBaths", "two-baths.json");

    private static CliRun Simulate(string format) => CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--model-file", TwoBathsModel(),
        "--time", "1", "--steps", "5", "--no-ree", "--format", format, "--quiet");

    [Fact]
    public void Csv_has_one_heat_column_per_bath_named_after_the_bath_with_the_json_array_values()
    {
        // Reference: the JSON of the same run keeps heat as an array [hot, cold]; CSV splits it, bit for bit.
        var json = Simulate("json");
        var csv = Simulate("csv");
        Assert.True(csv.ExitCode == 0, csv.Stderr);
        var lines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.DoesNotContain("heat", header);
        int hot = Array.IndexOf(header, "heat_hot"), cold = Array.IndexOf(header, "heat_cold");
        Assert.True(hot >= 0 && cold == hot + 1, lines[0]);
        var records = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("records");
        for (int r = 0; r < records.GetArrayLength(); r++)
        {
            var cells = lines[r + 1].Split(',');
            var heat = records[r].GetProperty("heat");
            Assert.Equal(heat[0].GetDouble(), double.Parse(cells[hot], CultureInfo.InvariantCulture));
            Assert.Equal(heat[1].GetDouble(), double.Parse(cells[cold], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void The_table_shows_the_per_bath_heat_as_named_columns()
    {
        var table = Simulate("table");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("heat_hot", table.Stdout);
        Assert.Contains("heat_cold", table.Stdout);
    }

    [Fact]
    public void Unnamed_or_clashing_baths_are_labelled_by_their_index()
    {
        Assert.Equal(["0", "cold"], PerBathColumns.Labels([null, "cold"], 2));
        Assert.Equal(["0", "1"], PerBathColumns.Labels(["x", "x"], 2));
        Assert.Equal(["0", "1", "2"], PerBathColumns.Labels(null, 3));
    }
}
