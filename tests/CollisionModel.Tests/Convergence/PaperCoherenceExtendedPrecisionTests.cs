using CollisionModel.Convergence;

namespace CollisionModel.Tests.Convergence;

public class PaperCoherenceExtendedPrecisionTests
{
    /// <summary>(1 − x)^k in decimal (28 significant digits) by repeated squaring: the extended-precision reference.</summary>
    private static decimal DecimalPower(decimal x, long k)
    {
        decimal result = 1, b = 1 - x;
        while (k > 0)
        {
            if ((k & 1) == 1) result *= b;
            b *= b;
            k >>= 1;
        }
        return result;
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(10L)]
    [InlineData(1_000L)]
    [InlineData(1_000_000L)]
    [InlineData(1_000_000_000L)]
    [InlineData(1_000_000_000_000L)]
    public void CoherenceAfterKPaperCollisionsIsAbTimesOneMinusEtaTOverKToTheK(long k)
    {
        const double eta = 0.5, time = 1;
        var setup = new ConvergenceSetup(Eta: eta, Time: time, A: 0.6);
        var state = CollisionStepChannel.Build(setup, k).Power(k).Apply(MasterReference.InitialState(setup));
        decimal x = (decimal)eta * (decimal)time / k;
        double expected = 0.6 * 0.8 * (double)DecimalPower(x, k);
        Assert.Equal(expected, state[0, 3].Real, 1e-14 * expected);
    }
}
