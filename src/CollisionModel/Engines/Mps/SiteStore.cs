using System.Numerics;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// The left-canonical ancilla tensors A_k[α, p, β] (row-major, p = the ancilla ⊗ partner index) of a
/// <see cref="CollisionMps"/>, packed into 1 MiB chunks so that 10⁶ sites are a few hundred arrays, not 10⁶ objects.
/// Appended at the end; a delay line also takes its newest sites back off the end (<see cref="RemoveLast"/>).
/// </summary>
internal sealed class SiteStore
{
    private const int ChunkLength = 1 << 16;
    private readonly List<Complex[]> _chunks = [];
    private readonly List<int> _chunk = [], _offset = [], _left = [], _phys = [], _right = [], _bath = [];
    private int _used, _current;

    public int Count => _chunk.Count;

    public long ComplexCount { get; private set; }

    /// <summary>Appends a site with the given shape; returns its storage to fill.</summary>
    public Span<Complex> Add(int left, int phys, int right, int bath)
    {
        int length = left * phys * right;
        if (_chunks.Count == 0 || _used + length > _chunks[_current].Length)
        {
            // The next chunk, kept from before a RemoveLast when it is large enough: a delay line that takes sites back
            // and re-adds them across a chunk boundary allocates nothing.
            _current = _chunks.Count == 0 ? 0 : _current + 1;
            if (_current == _chunks.Count) _chunks.Add(new Complex[Math.Max(ChunkLength, length)]);
            else if (_chunks[_current].Length < length) _chunks[_current] = new Complex[Math.Max(ChunkLength, length)];
            _used = 0;
        }
        _chunk.Add(_current);
        _offset.Add(_used);
        _left.Add(left); _phys.Add(phys); _right.Add(right); _bath.Add(bath);
        var span = _chunks[_current].AsSpan(_used, length);
        _used += length;
        ComplexCount += length;
        return span;
    }

    /// <summary>Drops the newest site; its storage is reused by the next <see cref="Add"/>. O(1).</summary>
    public void RemoveLast()
    {
        int k = _chunk.Count - 1;
        ComplexCount -= (long)_left[k] * _phys[k] * _right[k];
        _current = _chunk[k];
        _used = _offset[k];
        _chunk.RemoveAt(k); _offset.RemoveAt(k); _left.RemoveAt(k); _phys.RemoveAt(k); _right.RemoveAt(k); _bath.RemoveAt(k);
    }

    public ReadOnlySpan<Complex> Data(int k) => _chunks[_chunk[k]].AsSpan(_offset[k], _left[k] * _phys[k] * _right[k]);

    public int Left(int k) => _left[k];

    public int Physical(int k) => _phys[k];

    public int Right(int k) => _right[k];

    public int Bath(int k) => _bath[k];
}
