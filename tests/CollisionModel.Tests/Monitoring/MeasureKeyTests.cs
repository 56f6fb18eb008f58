using System.Text.RegularExpressions;
using CollisionModel.Models;
using CollisionModel.Tests.Docs;

namespace CollisionModel.Tests.Monitoring;

public class MeasureKeyTests
{
    private const string Head = """
        { "system": { "dims": [2], "b": [0], "ket": [0, 1], "hamiltonian": [[0, 0], [0, 1]] },
          "baths": [ { "acts_on": [0], "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1,
        """;

    private static ModelDefinition Parse(string ancilla, string measure) => ModelFile.Parse(Head + ancilla + measure + " } ] }");

    private const string Thermal = """ "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 1 } """;
    private const string Pure = """ "ancilla": { "dim": 2, "state": [[1, 0], [0, 0]] } """;

    [Fact]
    public void Energy_reads_the_ancillas_hamiltonian()
    {
        var m = Parse(Thermal, """, "measure": "energy" """).Measurements.Single();
        Assert.True(m!.IsEnergy);
        Assert.Equal(1, m.EnergyQuantum!.Value, 1e-15);
    }

    [Fact]
    public void A_basis_with_values_is_read()
    {
        var m = Parse(Pure, """, "measure": { "basis": [[0.6, 0.8], [0.8, -0.6]], "values": [2, -1] } """).Measurements.Single();
        Assert.Equal([2, -1], m!.Outcomes.Select(o => o.Count).ToArray());
    }

    [Fact]
    public void Without_the_key_no_bath_is_measured()
    {
        Assert.Null(Parse(Pure, "").Measurements.Single());
    }

    [Theory]
    [InlineData(Pure, """, "measure": "energy" """, "baths[0].measure")]
    [InlineData(Pure, """, "measure": "heat" """, "baths[0].measure")]
    [InlineData(Pure, """, "measure": { "basis": [[1, 0], [1, 0]] } """, "baths[0].measure.basis")]
    [InlineData(Pure, """, "measure": { "basis": [[1, 0]] } """, "baths[0].measure.basis")]
    [InlineData(Pure, """, "measure": { "basis": [[1, 0], [0, 1]], "values": [0, 1.5] } """, "baths[0].measure.values[1]")]
    [InlineData(Pure, """, "measure": { "basis": [[1, 0], [0, 1]], "values": [0] } """, "baths[0].measure.values")]
    [InlineData(Pure, """, "measure": { "basis": [[1, 0], [0, 1]], "extra": 1 } """, "baths[0].measure.extra")]
    public void Bad_measurements_are_refused_naming_the_key(string ancilla, string measure, string key)
    {
        var e = Assert.Throws<ModelFileException>(() => Parse(ancilla, measure));
        Assert.StartsWith(key + ":", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_monitoring_guides_example_reads_with_an_energy_and_a_basis_measurement()
    {
        string text = File.ReadAllText(Path.Combine(TrackedFiles.Root, "docs", "monitoring.md"));
        var block = Regex.Match(text, "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var m = ModelFile.Parse(block).Measurements;
        Assert.True(m[0]!.IsEnergy);
        Assert.False(m[1]!.IsEnergy);
    }
}
