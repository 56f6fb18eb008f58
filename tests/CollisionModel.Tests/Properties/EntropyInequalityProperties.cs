using CollisionModel.Channels;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CsCheck;

namespace CollisionModel.Tests.Properties;

/// <summary>The entropy inequalities every state and channel must satisfy, over random states and channels.</summary>
public class EntropyInequalityProperties
{
    private static readonly CompositeSpace ThreeQubits = CompositeSpace.Qubits(3);
    private static readonly CompositeSpace QubitQutrit = new(2, 3, 2);

    [Fact]
    public void StrongSubadditivityHoldsForRandomTripartiteStates()
    {
        // S(AB) + S(BC) ≥ S(B) + S(ABC), i.e. I(A:C|B) ≥ 0; tolerance 1e-10 nats (rounding of the eigensolvers).
        const double tolerance = 1e-10;
        var gen = Gen.OneOf(QuantumGen.State(ThreeQubits), QuantumGen.State(QubitQutrit));
        DeterministicCheck.ForAll(gen, rho =>
        {
            double sab = Entropy.VonNeumann(rho, [0, 1]);
            double sbc = Entropy.VonNeumann(rho, [1, 2]);
            double sb = Entropy.VonNeumann(rho, [1]);
            double sabc = Entropy.VonNeumann(rho);
            Assert.True(sab + sbc - sb - sabc >= -tolerance, $"I(A:C|B) = {sab + sbc - sb - sabc:G6}");
        }, cases: 2500, stream: 1);
    }

    [Fact]
    public void KleinsInequalityAndPinskerBoundHoldForRandomPairsOfStates()
    {
        // Klein: S(ρ‖σ) ≥ 0, = 0 for σ = ρ; Pinsker (nats): S(ρ‖σ) ≥ 2 T(ρ, σ)² with T the trace distance.
        const double tolerance = 1e-10;
        var gen = Gen.Int[1, 3].SelectMany(n =>
        {
            var space = CompositeSpace.Qubits(n);
            return Gen.Select(QuantumGen.State(space), QuantumGen.State(space));
        });
        DeterministicCheck.ForAll(gen, pair =>
        {
            var (rho, sigma) = pair;
            double d = RelativeEntropy.Compute(rho, sigma);
            double t = TraceDistance.Compute(rho, sigma);
            Assert.False(double.IsNaN(d));
            Assert.True(d >= 2 * t * t - tolerance, $"S(ρ‖σ) = {d:G6} < 2T² = {2 * t * t:G6}");
            Assert.InRange(RelativeEntropy.Compute(rho, rho), -tolerance, 1e-8);
        }, cases: 2500, stream: 2);
    }

    [Fact]
    public void RelativeEntropyDoesNotIncreaseUnderRandomChannels()
    {
        // Data processing: S(Φρ‖Φσ) ≤ S(ρ‖σ) for every CPTP Φ; σ full rank so the right side is finite.
        const double tolerance = 1e-9;
        var gen = Gen.Int[1, 2].SelectMany(n =>
        {
            var space = CompositeSpace.Qubits(n);
            int d = space.Dimension;
            return Gen.Select(QuantumGen.State(space), QuantumGen.FullRankState(space), QuantumGen.Channel(d, 4));
        });
        DeterministicCheck.ForAll(gen, input =>
        {
            var (rho, sigma, kraus) = input;
            var channel = new KrausChannel(kraus, 1e-9);
            double before = RelativeEntropy.Compute(rho, sigma);
            double after = RelativeEntropy.Compute(channel.Apply(rho), channel.Apply(sigma));
            Assert.True(double.IsFinite(before));
            Assert.True(after <= before + tolerance * Math.Max(1, before), $"S(Φρ‖Φσ) = {after:G10} > S(ρ‖σ) = {before:G10}");
        }, cases: 2500, stream: 3);
    }
}
