using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Validation;
using CsCheck;

namespace CollisionModel.Tests.Properties;

/// <summary>
/// Random extreme parameters through the model-file path (rates 10⁻⁸–10⁸, β from 0 up to 10⁷, beyond what the ledger resolves, H_S scales 10⁻⁶–10⁶,
/// total times 10⁻¹⁰–10⁴, memory on or off, one or two baths, every representation; the explicit and matrix-product ones with one bath and K ≤ 3 to stay fast): each run is either refused as
/// bad input (a <see cref="QuantumInputException"/>) or completes with every record physical — checked here
/// independently of the engine's guard: unit trace, Hermitian and positive ρ_AB (MathNet's eigen-decomposition),
/// SSA slack ≥ −10⁻⁹, a finite or +∞ production that never decreases for fresh ancillas. The guard itself must never
/// fire on these (an <see cref="InvariantViolationException"/> fails the property).
/// </summary>
public class InvariantGuardProperties
{
    private const double Tolerance = 1e-9;

    private sealed record Case(string Json, int Steps, double Time, Representation Representation, bool Memory)
    {
        public override string ToString() => $"K={Steps} T={Time:G3} {Representation}: {Json}";
    }

    private static readonly Gen<double> LogScale = Gen.Double[-8, 8].Select(x => Math.Pow(10, x));

    private static Gen<string> BathJson(int actsOn) =>
        Gen.Select(LogScale, Gen.OneOf(Gen.Const(0.0), Gen.Double[-3, 7].Select(x => Math.Pow(10, x))), Gen.Double[0.1, 5],
            Gen.OneOf(Gen.Const((double?)null), Gen.Double[0, 3.1].Select(x => (double?)x)),
            (rate, beta, omega, memory) => string.Create(CultureInfo.InvariantCulture,
                $$"""{ "acts_on": [{{actsOn}}], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, {{omega:R}}]], "beta": {{beta:R}} }, "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": {{rate:R}}{{(memory is { } m ? $", \"memory_angle\": {m:R}" : "")}} }"""));

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Double[-6, 6].Select(x => Math.Pow(10, x)), Gen.Double[0, 1].Array[4], Gen.Int[1, 2],
                Gen.Int[1, 5], Gen.Double[-10, 4].Select(x => Math.Pow(10, x)),
                Gen.OneOf(Gen.Const(Representation.Streaming), Gen.Const(Representation.Explicit), Gen.Const(Representation.Mps)))
            .SelectMany(t => Gen.Select(BathJson(1), BathJson(0), (hot, cold) =>
            {
                var (scale, ket, baths, steps, time, representation) = t;
                string h = string.Create(CultureInfo.InvariantCulture, $"[[0,0,0,0],[0,{scale:R},{0.5 * scale:R},0],[0,{0.5 * scale:R},{scale:R},0],[0,0,0,{2 * scale:R}]]");
                double norm = Math.Sqrt(ket.Sum(x => x * x));
                var unit = norm > 1e-3 ? ket.Select(x => x / norm) : [1.0, 0, 0, 0];
                string k = string.Join(", ", unit.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
                // The whole-environment representations grow as (d_E r)^K: keep them to one bath and three collisions.
                if (representation != Representation.Streaming) (baths, steps) = (1, Math.Min(steps, 3));
                string bathList = baths == 1 ? hot : hot + ", " + cold;
                string json = $$"""{ "system": { "dims": [2, 2], "b": [1], "ket": [{{k}}], "hamiltonian": {{h}} }, "baths": [{{bathList}}] }""";
                return new Case(json, steps, time, representation, json.Contains("memory_angle", StringComparison.Ordinal));
            }));

    [Fact]
    public void Every_run_is_refused_as_bad_input_or_satisfies_the_invariants_at_every_step()
    {
        int completed = 0, refused = 0;
        var reasons = new HashSet<string>();
        DeterministicCheck.ForAll(Cases, c =>
        {
            IReadOnlyList<StepRecord> records;
            try
            {
                var model = ModelFile.Parse(c.Json);
                var grid = TimeGrid.Over(c.Time, c.Steps);
                records = CollisionSimulation.Run(new CollisionRunOptions
                {
                    Protocol = model.Protocol,
                    InitialSystem = model.InitialState,
                    Grid = TimeGrid.OfStep(grid.TimeStep, c.Steps),
                }, c.Representation).Records;
            }
            catch (QuantumInputException e)
            {
                refused++;
                reasons.Add(e.Message.Split('\n')[0][..Math.Min(80, e.Message.Split('\n')[0].Length)]);
                return;
            }
            completed++;
            double previous = 0;
            foreach (var r in records)
            {
                var rho = r.RhoAB.ToMatrix();
                Assert.True(Math.Abs(rho.Trace().Real - 1) <= Tolerance, $"step {r.Step}: tr ρ = {rho.Trace()}");
                Assert.True((rho - rho.ConjugateTranspose()).Enumerate().Max(z => z.Magnitude) <= Tolerance, $"step {r.Step}: ρ not Hermitian");
                double lowest = rho.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian).EigenValues.Min(z => z.Real);
                Assert.True(lowest >= -Tolerance, $"step {r.Step}: λ_min = {lowest}");
                if (r.Bookkeeping.MinSsaSlack is { } slack) Assert.True(slack >= -Tolerance, $"step {r.Step}: SSA slack {slack}");
                double production = r.Bookkeeping.EntropyProductionTotal;
                Assert.False(double.IsNaN(production), $"step {r.Step}: production NaN");
                if (!c.Memory) Assert.True(production >= previous - Tolerance, $"step {r.Step}: production fell from {previous} to {production}");
                previous = production;
            }
        }, cases: 80, stream: 23);
        // Both outcomes must occur, or the generator would not be testing what it claims.
        Assert.True(completed > 15, $"only {completed} runs completed; refusals: {string.Join(" | ", reasons.Take(5))}");
        Assert.True(refused > 0, "no run was refused");
    }
}
