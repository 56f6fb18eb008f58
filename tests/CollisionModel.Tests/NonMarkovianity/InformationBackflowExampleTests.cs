using System.Text.Json;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.NonMarkovianity;
using CollisionModel.Tests.Docs;

namespace CollisionModel.Tests.NonMarkovianity;

/// <summary>The trace distance examples/InformationBackflow plots, against the closed form of its model.</summary>
public sealed class InformationBackflowExampleTests
{
    /// <summary>The example's step (its plot runs 400 of them).</summary>
    private const double TimeStep = 0.05;

    [Fact]
    public void PlottedTraceDistanceIsTheExcitedAmplitudeOfTheOneExcitationRecursion()
    {
        // H_S = 0, vacuum ancillas, W = exp(−iθ(σ⁺σ⁻ + σ⁻σ⁺)) with θ = √(rate·δt), then U = cos φ + i sin φ·SWAP between
        // the used ancilla and the (vacuum) next one. U gives the two-ancilla vacuum the phase e^{iφ}, the same for the
        // system's ground branch |0⟩|vac⟩ and its excited one; relative to the ground branch, one excitation — c in the
        // system, b in the carried ancilla — obeys c′ = cos θ c − i sin θ b, b′ = −i sin θ c + cos θ b, then
        // b ← i sin φ e^{−iφ} b′ (the rest leaves with the used ancilla). So ρ_01 of (|0⟩ + |1⟩)/√2 is c̄_n/2 and
        // D_n(|+⟩, |−⟩) = |c_n|, while ρ_11 of |1⟩ is |c_n|², so D_n(|0⟩, |1⟩) = |c_n|². Over the example's 400 steps
        // the first pair has the larger backflow.
        string path = Path.Combine(TrackedFiles.Root, "examples", "InformationBackflow", "memory-qubit.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var bath = json.RootElement.GetProperty("baths")[0];
        double theta = Math.Sqrt(bath.GetProperty("rate").GetDouble() * TimeStep), phi = bath.GetProperty("memory_angle").GetDouble();
        const int k = 400;
        var model = ModelFile.Load(path);
        var run = new CollisionRunOptions { Protocol = model.Protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(TimeStep, k) };

        var result = NonMarkovianityMeasures.Measure(run, Representation.Streaming, new NonMarkovianityOptions { Pairs = 16 });

        var c = new System.Numerics.Complex[k + 1];
        System.Numerics.Complex b = 0, i = System.Numerics.Complex.ImaginaryOne;
        c[0] = 1;
        for (int n = 0; n < k; n++)
        {
            var cNext = Math.Cos(theta) * c[n] - i * Math.Sin(theta) * b;
            b = i * Math.Sin(phi) * System.Numerics.Complex.Exp(-i * phi) * (-i * Math.Sin(theta) * c[n] + Math.Cos(theta) * b);
            c[n + 1] = cNext;
        }
        double backflow = 0, populationBackflow = 0;
        for (int n = 0; n < k; n++)
        {
            backflow += Math.Max(0, c[n + 1].Magnitude - c[n].Magnitude);
            populationBackflow += Math.Max(0, Math.Pow(c[n + 1].Magnitude, 2) - Math.Pow(c[n].Magnitude, 2));
        }
        Assert.True(backflow > 1 && backflow > populationBackflow, $"the closed form revives (backflow {backflow}, {populationBackflow})");
        double h = Math.Sqrt(0.5); // the optimal pair is (|0⟩ ± |1⟩)/√2, whose records the plot draws
        var (first, second) = (result.BlpPair.First, result.BlpPair.Second);
        Assert.True(Near(first[0], h) && Near(first[1], h) && Near(second[0], h) && Near(second[1], -h), $"optimal pair {first} / {second}");
        Assert.Equal(k + 1, result.Records.Count);
        foreach (var r in result.Records) Assert.Equal(c[r.Step].Magnitude, r.TraceDistance, 1e-12);
        Assert.Equal(backflow, result.BlpBasis, 1e-10);
        Assert.Equal(backflow, result.Blp, 1e-10);
    }

    private static bool Near(System.Numerics.Complex a, double b) => (a - b).Magnitude < 1e-15;
}
