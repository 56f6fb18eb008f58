using CollisionModel.Engines;
using CollisionModel.NonMarkovianity;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using static CollisionModel.Tests.NonMarkovianity.NonMarkovianityModels;

namespace CollisionModel.Tests.NonMarkovianity;

/// <summary>The tomography runs step without bookkeeping: the maps must not notice, and a broken state must still stop them.</summary>
public sealed class DynamicalMapsPropagationTests
{
    [Theory]
    [InlineData(ThermalQubit)] // memoryless: the precomputed step map
    [InlineData(LadderQutrit)]
    public void UnbookedStreamingRunsGiveTheBookkeptMapsBitForBit(string json) => AssertSameMaps(json);

    [Fact]
    public void UnbookedMemoryRunsGiveTheBookkeptMapsBitForBit() => AssertSameMaps(ExchangeWithMemory(1.3, 0.4, 1.3));

    [Fact]
    public void AStateThatStopsBeingPositiveStopsTheMapsNamingTheStep()
    {
        var qubit = new CompositeSpace(2);
        var maps = DynamicalMaps.Of(rho => new DriftingEngine(rho, qubit), qubit, 10);

        var e = Assert.Throws<InvariantViolationException>(() => maps.ToList());
        Assert.Equal(4, e.Step);
        Assert.Contains("ρ_S ≥ 0", e.Message, StringComparison.Ordinal);
    }

    // The same runs through the engines' own Propagate (streaming: no bookkeeping) and through a wrapper that only
    // has ICollisionEngine's default Propagate, i.e. Advance with every entropy, the ledger and the guard.
    private static void AssertSameMaps(string json)
    {
        var run = Run(json, 30, 0.1);
        var unbooked = DynamicalMaps.Of(run, Representation.Streaming).ToList();
        var booked = DynamicalMaps.Of(rho => new Bookkept(new StreamingCollisionEngine(run with { InitialSystem = rho })),
            run.Protocol.SystemSpace, run.Steps).ToList();

        Assert.Equal(booked.Count, unbooked.Count);
        for (int n = 0; n < booked.Count; n++)
            Assert.True(booked[n].AsColumnMajorArray().SequenceEqual(unbooked[n].AsColumnMajorArray()), $"Λ_{n} differs");
    }

    private sealed class Bookkept(ICollisionEngine inner) : ICollisionEngine
    {
        public int Step => inner.Step;

        public StepBookkeeping Current => inner.Current;

        public void Advance() => inner.Advance();

        public DensityMatrix SystemState() => inner.SystemState();
    }

    // A broken engine: from step 4 on its state is ρ₀ + 2σ_z, of unit trace and Hermitian but with an eigenvalue
    // ≤ −1 for every input ρ₀ (the invariant the propagation no longer books itself).
    private sealed class DriftingEngine(DensityMatrix initial, CompositeSpace space) : ICollisionEngine
    {
        public int Step { get; private set; }

        public StepBookkeeping Current => default;

        public void Advance() => Step++;

        public DensityMatrix SystemState()
        {
            var m = initial.ColumnMajor.ToArray();
            double shift = Step >= 4 ? 2 : 0;
            m[0] += shift;
            m[3] -= shift;
            return DensityMatrix.Trusted(space, m);
        }
    }
}
