namespace CollisionModel.Numerics;

/// <summary>
/// e^x − 1 without cancellation for small |x| (.NET's built-in expm1 subtracts 1 from exp(x), which keeps only
/// four digits at x = 1e-12). The collision angles and the master equation's closed forms use it so that
/// rate·δt = 1e-12 keeps full relative precision; nothing in the library forms exp(x) minus one any other way.
/// </summary>
public static class ScalarExpm1
{
    /// <summary>e^x − 1 to a few ulps of relative precision for every finite x. O(1).</summary>
    public static double Compute(double x)
    {
        if (Math.Abs(x) < 1e-5) return x + x * x / 2 + x * x * x / 6;
        if (x < 0.5)
        {
            // e^x − 1 = 2 tanh(x/2) / (1 − tanh(x/2)): no cancellation (1 − tanh ∈ (0.75, 2) for x < 0.5).
            double t = Math.Tanh(x / 2);
            return 2 * t / (1 - t);
        }
        // e^x − 1 = 2 e^{x/2} sinh(x/2): a product of two accurate factors (overflows only where e^x does).
        return 2 * Math.Exp(x / 2) * Math.Sinh(x / 2);
    }
}
