using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.NonMarkovianity;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.NonMarkovianity.NonMarkovianityModels;

namespace CollisionModel.Tests.NonMarkovianity;

public sealed class NonMarkovianityMeasuresTests
{
    private static readonly CompositeSpace Qubit = new(2);

    [Theory]
    [InlineData(ThermalQubit, Representation.Streaming)]
    [InlineData(LadderQutrit, Representation.Streaming)]
    [InlineData(LadderQutrit, Representation.Mps)]
    public void MemorylessProtocolIsMarkovianByBothMeasures(string json, Representation representation)
    {
        // Every step is the same CPTP map Φ, so V_n = Φ is CP and D_n cannot grow: both measures are 0 up to rounding.
        var result = NonMarkovianityMeasures.Measure(Run(json, 40, 0.05), representation, new NonMarkovianityOptions { Pairs = 16 });

        Assert.InRange(result.BlpBasis, 0, 1e-8);
        Assert.InRange(result.Blp, 0, 1e-8);
        Assert.InRange(result.Rhp, 0, 1e-8);
        Assert.Equal(0, result.RhpSingularSteps);
    }

    [Fact]
    public void PersistentAncillaDephasingMatchesTheCosineClosedForm()
    {
        // One ancilla that never leaves (memory angle π/2) dephases the qubit by c_n = cos(2nθ): Λ_n multiplies ρ_01 by
        // c_n. D_n of (|+⟩, |−⟩) is |c_n| (the optimal pair: the Bloch ball shrinks in the x–y plane only), so
        // BLP = Σ max(0, |c_{n+1}| − |c_n|); the Choi matrix of V_n has eigenvalues (1 ± c_{n+1}/c_n)/2, so the RHP term is
        // max(0, |c_{n+1}/c_n| − 1).
        const double theta = 0.05;
        const int k = 60;
        var result = NonMarkovianityMeasures.Measure(Run(PersistentDephasing(theta), k, 0.1), Representation.Streaming,
            new NonMarkovianityOptions { Pairs = 32, Seed = 5 });

        double c(int n) => Math.Cos(2 * n * theta);
        double blp = 0, rhp = 0;
        for (int n = 0; n < k; n++)
        {
            blp += Math.Max(0, Math.Abs(c(n + 1)) - Math.Abs(c(n)));
            rhp += Math.Max(0, Math.Abs(c(n + 1) / c(n)) - 1);
        }
        Assert.True(blp > 1, "the closed form has revivals over 2Kθ = 6 rad");
        Assert.Equal(blp, result.BlpBasis, 1e-10);
        Assert.InRange(result.Blp, result.BlpBasis, blp + 1e-10);
        Assert.Equal(rhp, result.Rhp, 1e-8);
        Assert.Equal(0, result.RhpSingularSteps);
        Assert.Equal(k + 1, result.Records.Count);
        foreach (var r in result.Records)
        {
            Assert.Equal(Math.Abs(c((int)r.Step)), r.TraceDistance, 1e-10);
            double term = r.Step == 0 ? 0 : Math.Max(0, Math.Abs(c((int)r.Step) / c((int)r.Step - 1)) - 1);
            Assert.Equal(term, r.RhpIncrement, 1e-8);
        }
    }

    [Fact]
    public void MonotoneDecoherenceFromAMemoryIsDivisible()
    {
        // Same persistent ancilla, but 2Kθ = 1.5 < π/2: c_n decreases monotonically, every V_n is a dephasing with
        // 0 < c_{n+1}/c_n ≤ 1, hence CP — a memory that leaves no trace in either measure.
        var run = Run(PersistentDephasing(0.05), 15, 0.1);
        var result = NonMarkovianityMeasures.Measure(run, Representation.Mps, new NonMarkovianityOptions { Pairs = 8 });

        Assert.InRange(result.Rhp, 0, 1e-10);
        Assert.InRange(result.Blp, 0, 1e-10);
        // The environment does remember: Λ_K's coherence factor (vec index 0 + 1·2 of ρ_01) is cos(2Kθ), not a power of c_1.
        var last = DynamicalMaps.Of(run, Representation.Mps).Last();
        Assert.Equal(Math.Cos(1.5), last[2, 2].Real, 1e-10);
        Assert.True(Math.Abs(Math.Cos(1.5) - Math.Pow(Math.Cos(0.1), 15)) > 0.01);
    }

    [Theory]
    [InlineData(Representation.Streaming)]
    [InlineData(Representation.Explicit)]
    [InlineData(Representation.Mps)]
    public void MemoryModelMapsAndTraceDistanceMatchAStateVectorOfEveryAncilla(Representation representation)
    {
        const double omega = 1.3, theta = 0.4, phi = 1.3, dt = 0.2;
        const int k = 10;
        var run = Run(ExchangeWithMemory(omega, theta, phi), k, dt);
        var maps = DynamicalMaps.Of(run, representation).ToList();
        var random = new QuantumRandom(11);
        var kets = new[] { random.Ket(Qubit), random.Ket(Qubit) };
        var references = kets.Select(psi => MemoryStateVector.Systems(psi, omega, theta, phi, dt, k)).ToArray();

        Assert.Equal(k + 1, maps.Count);
        for (int n = 0; n <= k; n++)
        {
            for (int s = 0; s < kets.Length; s++)
            {
                var mapped = Superoperator.Apply(maps[n], DensityMatrix.FromKet(kets[s]).ToMatrix());
                Assert.True((mapped - references[s][n]).FrobeniusNorm() < 1e-10, $"Λ_{n} on ket {s}");
            }
        }

        var result = NonMarkovianityMeasures.Measure(run, representation, new NonMarkovianityOptions { Pairs = 8 });
        var first = MemoryStateVector.Systems(result.BlpPair.First, omega, theta, phi, dt, k);
        var second = MemoryStateVector.Systems(result.BlpPair.Second, omega, theta, phi, dt, k);
        double backflow = 0;
        for (int n = 0; n <= k; n++)
        {
            double distance = TraceDistance.OfHermitianDifference(first[n] - second[n]);
            Assert.Equal(distance, result.Records[n].TraceDistance, 1e-10);
            if (n > 0) backflow += Math.Max(0, distance - TraceDistance.OfHermitianDifference(first[n - 1] - second[n - 1]));
        }
        Assert.Equal(backflow, result.Blp, 1e-10);
        Assert.True(result.Blp > 1e-3, $"the memory makes the trace distance revive (BLP {result.Blp})");
    }

    [Fact]
    public void ClosedFormMapsGiveTheirBackflowAndSkipTheSingularStep()
    {
        // Hand-made dephasing maps diag(1, c_n, c_n, 1) with one exact zero: the step from it has no V_n (skipped,
        // counted), the others give max(0, |c_{n+1}/c_n| − 1); BLP is Σ max(0, |c_{n+1}| − |c_n|).
        double[] c = [1, 0.6, 0.8, 0, -0.5, 0.25, 0.9];
        var maps = c.Select(x => Matrix<Complex>.Build.DenseOfDiagonalArray([1, x, x, 1]));
        var result = NonMarkovianityMeasures.Measure(maps, Qubit, TimeGrid.OfStep(0.5, c.Length - 1), new NonMarkovianityOptions { Pairs = 4, RecordEvery = 4 });

        double blp = (0.8 - 0.6) + 0.5 + (0.9 - 0.25);
        double rhp = (0.8 / 0.6 - 1) + 0 + 0 + (0.9 / 0.25 - 1); // from n = 3 skipped; 0.5 → 0.25 contracts
        Assert.Equal(blp, result.BlpBasis, 1e-14);
        Assert.Equal(rhp, result.Rhp, 1e-12);
        Assert.Equal(1, result.RhpSingularSteps);
        Assert.Equal([0L, 4, 6], result.Records.Select(r => r.Step));
        Assert.Equal([0.0, 2.0, 3.0], result.Records.Select(r => r.Time));
        Assert.Equal(0.5, result.Records[1].TraceDistance, 1e-14);
        Assert.Equal(0.9 / 0.25 - 1, result.Records[2].RhpIncrement, 1e-12);
    }

    [Fact]
    public void RandomPairsAreOrthonormalAndReproducibleForASeed()
    {
        var space = new CompositeSpace(3, 2);
        for (int i = 0; i < 20; i++)
        {
            var pair = StatePair.Random(space, 42, i);
            Assert.True(pair.First.Inner(pair.Second).Magnitude < 1e-14);
            Assert.Equal(pair.First.Amplitudes.ToArray(), StatePair.Random(space, 42, i).First.Amplitudes.ToArray());
            Assert.NotEqual(pair.First.Amplitudes.ToArray(), StatePair.Random(space, 43, i).First.Amplitudes.ToArray());
        }
        Assert.Equal(3 * 6 * 5 / 2, StatePair.Basis(space).Count);
    }

    [Fact]
    public void SystemAboveDimensionEightIsRefusedByName()
    {
        var maps = new[] { Matrix<Complex>.Build.DenseIdentity(81), Matrix<Complex>.Build.DenseIdentity(81) };
        var e = Assert.Throws<ParameterOutOfRangeException>(() =>
            NonMarkovianityMeasures.Measure(maps, new CompositeSpace(3, 3), TimeGrid.OfStep(1, 1), new NonMarkovianityOptions()));
        Assert.Equal("system.dims", e.ParamName);
        var negative = Assert.Throws<ParameterOutOfRangeException>(() => new NonMarkovianityOptions { Pairs = -1 }.Validate());
        Assert.Equal("pairs", negative.ParamName);
    }
}
