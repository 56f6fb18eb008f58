using CollisionModel.Models;

namespace CollisionModel.Monitoring;

/// <summary>
/// Builds a per-step object (a step map) once per distinct step of a protocol and hands out the same instance for
/// every step that has the same unitaries. A step's unitaries depend on n only through the drive factors of H_S and
/// of every bath when every collision is otherwise time-independent, so those factors are the key: an Otto cycle of
/// 100 steps has two. A time-independent protocol builds one object; a collision that depends on the step other than
/// through a drive builds one per step (no cache). At most <see cref="Capacity"/> keys are kept (a drive without
/// plateaus has a new key every step; past the capacity further steps are built and not kept). The cached objects
/// must be immutable. O(baths · log drive points) per lookup besides the builds.
/// </summary>
internal sealed class DistinctStepCache<T>
    where T : class
{
    /// <summary>The most distinct steps kept.</summary>
    public const int Capacity = 256;

    private readonly CollisionProtocol _protocol;
    private readonly double _timeStep;
    private readonly Func<int, T> _build;
    private readonly bool _keyed;
    private readonly Dictionary<Key, T> _byKey = [];
    private T? _only;

    public DistinctStepCache(CollisionProtocol protocol, double timeStep, Func<int, T> build)
    {
        _protocol = protocol;
        _timeStep = timeStep;
        _build = build;
        _keyed = protocol.IsTimeDependent && protocol.Baths.All(b => b.Collision.IsTimeIndependent);
    }

    /// <summary>The object of step n (0-based), built by the builder for the first step with its key.</summary>
    public T Of(int stepIndex)
    {
        if (!_protocol.IsTimeDependent) return _only ??= _build(0);
        if (!_keyed) return _build(stepIndex);
        var factors = new double[_protocol.Baths.Count + 1];
        for (int j = 0; j < _protocol.Baths.Count; j++) factors[j] = _protocol.Baths[j].Drive?.AtStep(stepIndex, _timeStep) ?? 1;
        factors[^1] = _protocol.SystemDriveFactor(stepIndex, _timeStep);
        var key = new Key(factors);
        if (_byKey.TryGetValue(key, out var cached)) return cached;
        var built = _build(stepIndex);
        if (_byKey.Count < Capacity) _byKey.Add(key, built);
        return built;
    }

    /// <summary>Drive factors compared bit for bit (equal factors give bit-identical unitaries).</summary>
    private readonly struct Key(double[] factors) : IEquatable<Key>
    {
        private readonly double[] _factors = factors;

        public bool Equals(Key other) => _factors.AsSpan().SequenceEqual(other._factors);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (double f in _factors) hash.Add(f);
            return hash.ToHashCode();
        }
    }
}
