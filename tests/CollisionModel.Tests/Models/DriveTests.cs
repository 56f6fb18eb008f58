using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Numerics;

namespace CollisionModel.Tests.Models;

public class DriveTests
{
    private const string TwoBaths = """
        {
          "system": { "dims": [2, 2], "b": [1], "ket": [1, 0, 0, 0],
                      "hamiltonian": [[0, 0, 0, 0], [0, 1, 0.5, 0], [0, 0.5, 1, 0], [0, 0, 0, 2]] },
          "baths": [
            { "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.5 },
              "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.0,
              "drive": DRIVE },
            { "acts_on": [1], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 3.0 },
              "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "angle": 0.3,
              "drive": { "times": [0, 0.4], "scale": [2, 0.5], "period": 0.8 } }
          ]
        }
        """;

    private static string WithDrive(string drive) => TwoBaths.Replace("DRIVE", drive, StringComparison.Ordinal);

    [Fact]
    public void The_factor_is_linear_between_the_points_holds_the_last_value_and_repeats_with_the_period()
    {
        var f = new Drive([0, 0.5, 1.0], [1, 0, 3], period: 2.0);
        Assert.Equal(1.0, f.At(0), 15);
        Assert.Equal(0.5, f.At(0.25), 15);   // halfway from 1 to 0
        Assert.Equal(1.5, f.At(0.75), 15);   // halfway from 0 to 3
        Assert.Equal(3.0, f.At(1.5), 15);    // held after the last time
        Assert.Equal(0.5, f.At(4.25), 12);   // two periods later
        Assert.Equal(1.0, f.At(6.0), 15);    // exactly on a period boundary: f(0)
        Assert.Equal(3.0, new Drive([0, 1], [1, 3]).At(100), 15); // no period: held for ever
    }

    [Fact]
    public void A_driven_rate_bath_collides_with_the_angle_of_the_scaled_rate()
    {
        var protocol = ModelFile.Parse(WithDrive("""{ "times": [0, 1], "scale": [0, 4] }""")).Protocol;
        const double dt = 0.1;
        var v = protocol.Baths[0].Collision.Coupling!;
        for (int n = 0; n < 12; n++)
        {
            double f = Math.Min(n * dt, 1) * 4;
            // Independent path: the eigendecomposition propagator, against the engines' scaled series.
            var expected = MatrixFunctions.UnitaryPropagator(v, Math.Sqrt(f * 1.0 * dt));
            var actual = protocol.Step(n, dt).Baths[0].Collision;
            Assert.True((actual - expected).FrobeniusNorm() < 1e-13, $"step {n}");
            double g = n * dt % 0.8 < 0.4 - 1e-12 ? 2 - 1.5 * (n * dt % 0.8) / 0.4 : 0.5;
            var angleBath = MatrixFunctions.UnitaryPropagator(protocol.Baths[1].Collision.Coupling!, 0.3 * g);
            Assert.True((protocol.Step(n, dt).Baths[1].Collision - angleBath).FrobeniusNorm() < 1e-12, $"angle bath, step {n}");
        }
    }

    [Fact]
    public void The_first_law_closes_to_rounding_on_random_bath_drives()
    {
        var random = new Random(24);
        for (int trial = 0; trial < 5; trial++)
        {
            var times = new List<double> { 0 };
            for (int i = 1; i < 4; i++) times.Add(times[^1] + 0.05 + random.NextDouble());
            var scale = times.Select(_ => 3 * random.NextDouble()).ToArray();
            string drive = $"{{ \"times\": [{string.Join(", ", times.Select(t => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}], " +
                $"\"scale\": [{string.Join(", ", scale.Select(s => s.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}] }}";
            var model = ModelFile.Parse(WithDrive(drive));
            var options = new CollisionRunOptions { Protocol = model.Protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(0.1, 40) };
            var engine = new StreamingCollisionEngine(options);
            for (int k = 0; k < options.Steps; k++) engine.Advance();
            var totals = engine.Thermodynamics()!;
            Assert.True(Math.Abs(totals.FirstLawResidual!.Value) < 1e-13, $"trial {trial}: first-law residual {totals.FirstLawResidual:G3}");
        }
    }

    [Theory]
    [InlineData("""{ "times": [0.1, 1], "scale": [1, 1] }""", "baths[0].drive.times[0]", "start at 0")]
    [InlineData("""{ "times": [0, 1, 1], "scale": [1, 1, 1] }""", "baths[0].drive.times[2]", "increase strictly")]
    [InlineData("""{ "times": [0, 1], "scale": [1, -0.5] }""", "baths[0].drive.scale[1]", "≥ 0")]
    [InlineData("""{ "times": [0, 1], "scale": [1] }""", "baths[0].drive.scale", "one factor per time")]
    [InlineData("""{ "times": [0, 1], "scale": [1, 1], "period": 0.5 }""", "baths[0].drive.period", "≥ the last time")]
    [InlineData("""{ "times": [0], "scale": [1], "phase": 1 }""", "baths[0].drive.phase", "unknown key")]
    public void A_bad_drive_is_refused_naming_the_key(string drive, string key, string problem)
    {
        var e = Assert.Throws<ModelFileException>(() => ModelFile.Parse(WithDrive(drive)));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drive_on_a_unitary_bath_is_refused_naming_the_key()
    {
        const string text = """
            { "system": { "dims": [2], "b": [0], "ket": [1, 0] },
              "baths": [ { "acts_on": [0], "ancilla": { "dim": 2, "state": [[1, 0], [0, 0]] },
                           "unitary": [[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]],
                           "drive": { "times": [0], "scale": [1] } } ] }
            """;
        var e = Assert.Throws<ModelFileException>(() => ModelFile.Parse(text));
        Assert.Contains("baths[0].drive", e.Message, StringComparison.Ordinal);
        Assert.Contains("unitary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_driven_protocol_has_no_Lindblad_limit_and_says_so_naming_the_drive()
    {
        var protocol = ModelFile.Parse(WithDrive("""{ "times": [0], "scale": [2] }""")).Protocol;
        Assert.Contains("baths[0].drive", protocol.WhyNoLindbladLimit(), StringComparison.Ordinal);
    }
}
