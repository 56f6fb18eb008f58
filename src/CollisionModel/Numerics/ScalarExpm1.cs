namespace CollisionModel.Numerics;

/// <summary>
/// e^x − 1 without cancellation for small |x| (.NET's <c>double.ExpM1</c> is exp(x) − 1, which loses every digit at
/// x = 1e-12). The collision angles use it so that a step of rate·δt = 1e-12 keeps full relative precision.
/// </summary>
public static class ScalarExpm1
{
    /// <summary>e^x − 1 to a few ulps of relative precision for every finite x. O(1).</summary>
    public static double Compute(double x)
    {
        if (Math.Abs(x) < 1e-5) return x + x * x / 2 + x * x * x / 6;
        if (Math.Abs(x) < 0.5)
        {
            // e^x − 1 = 2 tanh(x/2) / (1 − tanh(x/2)): no cancellation.
            double t = Math.Tanh(x / 2);
            return 2 * t / (1 - t);
        }
        return Math.Exp(x) - 1;
    }
}
