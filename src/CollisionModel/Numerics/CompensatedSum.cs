namespace CollisionModel.Numerics;

/// <summary>
/// A running sum with Neumaier's compensation: the low-order bits each addition loses are kept in a second double,
/// so N terms drift by O(ε·Σ|x|) instead of O(N ε·Σ|x|) — the running totals of 10⁶–10⁹ collisions stay at rounding.
/// Infinite terms are absorbed (the sum becomes ±∞, never NaN from the compensation). A mutable struct: keep it in a
/// field and call <see cref="Add"/> on the field.
/// </summary>
internal struct CompensatedSum
{
    private double _sum, _compensation;

    /// <summary>Adds x. O(1), allocation-free.</summary>
    public void Add(double x)
    {
        double t = _sum + x;
        if (!double.IsFinite(t))
        {
            _sum = t;
            return;
        }
        _compensation += Math.Abs(_sum) >= Math.Abs(x) ? (_sum - t) + x : (x - t) + _sum;
        _sum = t;
    }

    /// <summary>The compensated sum.</summary>
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;
}
