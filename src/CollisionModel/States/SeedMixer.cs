namespace CollisionModel.States;

/// <summary>
/// Counter-based seeding: SplitMix64's finaliser turns (seed, index) into independent-looking 64-bit words, so the
/// k-th draw of a stream is a function of the seed and k alone (no sequential state), and neighbouring seeds give
/// unrelated streams. System.Random(seed) alone does not: its first outputs for seeds 0, 1, 2, … are nearly equal.
/// </summary>
public static class SeedMixer
{
    /// <summary>SplitMix64's finaliser: a bijection on 64-bit words with full avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The word for (seed, index, lane): independent for every distinct triple.</summary>
    public static ulong Word(ulong seed, ulong index, ulong lane = 0) => Mix(Mix(Mix(seed) ^ index) ^ lane);

    /// <summary>A uniform variate in [0, 1) with 53 random bits from (seed, index, lane).</summary>
    public static double Uniform(ulong seed, ulong index, ulong lane = 0) => (Word(seed, index, lane) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A non-negative 31-bit seed for <see cref="QuantumRandom"/> derived from (seed, index).</summary>
    public static int DerivedSeed(ulong seed, ulong index = 0) => (int)(Word(seed, index) >> 33);
}
