using CollisionModel.Cli;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// <c>collision counting</c> on a driven model file: an Otto cycle of period τ = 0.5 = 5 steps of δt = 0.1. A qubit
/// H_S = f(t)·2|1⟩⟨1| (f = 1 on the hot stroke, ½ on the cold one) meets a hot bath of resonant qubits (ω_h = 2,
/// β_h = 0.25, partial swap θ_h = 0.4, switched on for steps 0–2 of each period) and a cold one (ω_c = 1, β_c = 2,
/// θ_c = 0.6, steps 3–4); both energy-measured, the work output 2N_h + N_c counted (--bath 0,1 --weights 2,1).
/// From the ground state the qubit stays diagonal, so the references below are the test's own classical algebra of
/// the populations: a resonant partial swap with an ancilla of excited population q moves the qubit up with
/// probability q·sin²θ (the bath gives up a quantum, count +1) and down with (1 − q)·sin²θ (count −1).
/// </summary>
public class DrivenCountingCommandTests
{
    private const double BetaHot = 0.25, BetaCold = 2, OmegaHot = 2, OmegaCold = 1, ThetaHot = 0.4, ThetaCold = 0.6;
    private const int HotSteps = 3, ColdSteps = 2, WeightHot = 2, WeightCold = 1;
    private const string Swap = "[[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]]";

    private static string Otto(string systemPeriod = ", \"period\": 0.5", string coldPeriod = ", \"period\": 0.5") => $$"""
        { "system": { "dims": [2], "b": [0], "ket": [1, 0], "hamiltonian": [[0, 0], [0, 2]],
                      "drive": { "times": [0, 0.2, 0.3], "scale": [1, 1, 0.5]{{systemPeriod}} } },
          "baths": [
            { "name": "hot", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 2]], "beta": 0.25 },
              "coupling": {{Swap}}, "angle": 0.4, "measure": "energy",
              "drive": { "times": [0, 0.2, 0.3], "scale": [1, 1, 0], "period": 0.5 } },
            { "name": "cold", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 2 },
              "coupling": {{Swap}}, "angle": 0.6, "measure": "energy",
              "drive": { "times": [0, 0.2, 0.3], "scale": [0, 0, 1]{{coldPeriod}} } } ] }
        """;

    private static string Write(string text) => CliHarness.WriteTemp(text, "otto.json");

    private static double Excited(double beta, double omega) => 1 / (1 + Math.Exp(beta * omega));

    private static readonly double QHot = Excited(BetaHot, OmegaHot), QCold = Excited(BetaCold, OmegaCold);

    // One collision on the populations (p₀, p₁), split by the weighted count it adds: (to, from, count) → probability.
    private static (int To, int From, int Count, double P)[] Collision(double q, double theta, int weight)
    {
        double sin2 = Math.Pow(Math.Sin(theta), 2);
        return [(0, 0, 0, 1 - q * sin2), (1, 0, weight, q * sin2), (0, 1, -weight, (1 - q) * sin2), (1, 1, 0, 1 - (1 - q) * sin2)];
    }

    private static bool IsHotStep(int n) => n % (HotSteps + ColdSteps) < HotSteps;

    private static (int To, int From, int Count, double P)[] StepAt(int n) =>
        IsHotStep(n) ? Collision(QHot, ThetaHot, WeightHot) : Collision(QCold, ThetaCold, WeightCold);

    private static string[] Args(string file, params string[] more) =>
        ["counting", "--model-file", file, "--time", "1", "--steps", "10", "--bath", "0,1", "--weights", "2,1", .. more];

    [Fact]
    public void The_mean_work_output_per_period_is_the_limit_cycle_swing_of_the_closed_form()
    {
        // Over the limit cycle the hot bath gives up Δ quanta of ω_h per period and the cold bath takes Δ quanta of
        // ω_c, so ⟨2N_h + N_c⟩ per period = Δ = (1 − a_h)(1 − a_c)(q_h − q_c)/(1 − a_h a_c), a_j = cos^{2N_j}θ_j; 1e-12.
        double ah = Math.Pow(Math.Cos(ThetaHot), 2 * HotSteps), ac = Math.Pow(Math.Cos(ThetaCold), 2 * ColdSteps);
        double delta = (1 - ah) * (1 - ac) * (QHot - QCold) / (1 - ah * ac);
        var doc = CliHarness.RunJson(Args(Write(Otto())));
        Assert.Equal(delta, doc.GetProperty("mean_rate").GetDouble(), 1e-12);
        Assert.True(doc.GetProperty("variance_rate").GetDouble() > 0);
    }

    [Theory]
    [InlineData(-0.8)]
    [InlineData(0.5)]
    [InlineData(1.2)]
    public void Theta_is_per_period_the_log_perron_root_of_the_tilted_population_maps(double s)
    {
        // The tilted period map splits into populations — the product of the steps' 2 × 2 matrices
        // T_{to,from} = Σ e^{−s·count} P, whose Perron root is (tr + √(tr² − 4 det))/2 — and coherences, each collision
        // multiplying them by cos θ whatever the outcome (so their radius is cos³θ_h cos²θ_c); θ(s) = ln of the larger, 1e-12.
        double[,] period = { { 1, 0 }, { 0, 1 } };
        for (int n = 0; n < HotSteps + ColdSteps; n++)
        {
            var t = new double[2, 2];
            foreach (var (to, from, count, p) in StepAt(n)) t[to, from] += Math.Exp(-s * count) * p;
            period = new[,]
            {
                { t[0, 0] * period[0, 0] + t[0, 1] * period[1, 0], t[0, 0] * period[0, 1] + t[0, 1] * period[1, 1] },
                { t[1, 0] * period[0, 0] + t[1, 1] * period[1, 0], t[1, 0] * period[0, 1] + t[1, 1] * period[1, 1] },
            };
        }
        double trace = period[0, 0] + period[1, 1], det = period[0, 0] * period[1, 1] - period[0, 1] * period[1, 0];
        double perron = (trace + Math.Sqrt(trace * trace - 4 * det)) / 2;
        double coherence = Math.Pow(Math.Cos(ThetaHot), HotSteps) * Math.Pow(Math.Cos(ThetaCold), ColdSteps);
        var doc = CliHarness.RunJson(Args(Write(Otto()), "--s", s.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Math.Log(Math.Max(perron, coherence)), doc.GetProperty("scgf")[0].GetDouble(), 1e-12);
    }

    [Fact]
    public void The_distribution_of_the_work_output_after_two_periods_is_the_sum_over_every_jump_history()
    {
        // Brute force: every history of up and down jumps over K = 10 collisions (2^K level strings, each with the
        // product of its collisions' probabilities and the sum of their weighted counts), P(n) for every n; 1e-12.
        // The mean and variance of the last record follow from the same P(n).
        var reference = new Dictionary<long, double>();
        void Visit(int n, int level, long count, double weight)
        {
            if (n == 10)
            {
                reference[count] = reference.GetValueOrDefault(count) + weight;
                return;
            }
            foreach (var (to, from, c, p) in StepAt(n))
                if (from == level) Visit(n + 1, to, count + c, weight * p);
        }
        Visit(0, 0, 0, 1);
        var doc = CliHarness.RunJson(Args(Write(Otto()), "--record-every", "5"));
        var values = doc.GetProperty("values").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var probabilities = doc.GetProperty("probabilities").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var emitted = values.Zip(probabilities).ToDictionary(x => x.First, x => x.Second);
        foreach (long n in reference.Keys.Union(values)) Assert.Equal(reference.GetValueOrDefault(n), emitted.GetValueOrDefault(n), 1e-12);
        double mean = reference.Sum(x => x.Key * x.Value), variance = reference.Sum(x => (x.Key - mean) * (x.Key - mean) * x.Value);
        var last = doc.GetProperty("records")[2];
        Assert.Equal(10, last.GetProperty("step").GetInt32());
        Assert.Equal(mean, last.GetProperty("mean").GetDouble(), 1e-12);
        Assert.Equal(variance, last.GetProperty("variance").GetDouble(), 1e-12);
    }

    private static void AssertBadInput(CliRun run, params string[] named)
    {
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.InRange(run.StderrLines.Length, 1, App.MaxErrorLines);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        foreach (string name in named) Assert.Contains(name, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_that_is_not_a_whole_number_of_steps_exits_2_naming_the_drive_and_the_options()
    {
        // δt = 1/7: the period 0.5 is 3.5 steps.
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "counting", "--model-file", Write(Otto()), "--time", "1", "--steps", "7");
        AssertBadInput(run, "system.drive.period", "--steps");
    }

    [Theory]
    [InlineData("", ", \"period\": 0.5", "system.drive.period")]
    [InlineData(", \"period\": 0.5", "", "baths[1].drive.period")]
    public void A_drive_without_a_period_exits_2_naming_that_drive(string systemPeriod, string coldPeriod, string key)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), Args(Write(Otto(systemPeriod, coldPeriod))));
        AssertBadInput(run, key, "\"period\"");
    }

    [Theory]
    [InlineData("2.5,1")]
    [InlineData("2,one")]
    [InlineData("2147483647,1")]
    [InlineData("4096,1")]
    public void Weights_that_are_not_integers_or_too_large_for_a_dense_count_exit_2_naming_the_option(string weights)
    {
        string[] args = ["counting", "--model-file", Write(Otto()), "--time", "1", "--steps", "10", "--bath", "0,1", "--weights", weights];
        AssertBadInput(CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), args), "--weights");
    }

    [Fact]
    public void A_drive_on_a_unitary_bath_exits_2_naming_the_key()
    {
        string text = Otto().Replace("\"coupling\": " + Swap + ", \"angle\": 0.6",
            "\"unitary\": [[1,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,1]]", StringComparison.Ordinal);
        Assert.Contains("unitary", text, StringComparison.Ordinal);
        AssertBadInput(CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), Args(Write(text))), "baths[1].drive");
    }

    [Fact]
    public void Master_refuses_a_driven_model_naming_the_drive()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "master", "--model-file", Write(Otto()), "--time", "1", "--points", "3");
        AssertBadInput(run, "drive");
    }
}
