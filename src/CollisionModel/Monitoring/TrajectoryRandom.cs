namespace CollisionModel.Monitoring;

/// <summary>
/// The random stream of one trajectory: SplitMix64 started from a hash of (seed, trajectory index) alone, so a
/// trajectory draws the same numbers whatever thread runs it and whichever trajectories ran before. Not for
/// cryptography. O(1) per draw, allocation-free.
/// </summary>
internal struct TrajectoryRandom
{
    private ulong _state;

    public TrajectoryRandom(long seed, long trajectory)
    {
        _state = Mix(unchecked((ulong)seed) ^ Mix(unchecked((ulong)trajectory) + 0x632BE59BD9B4E019UL));
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
