using CollisionModel.Channels;

namespace CollisionModel.Tests.Studies;

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
        var model = CollisionModel.Models.PaperModels.Dephasing(eta, 0, 0.6);
        var state = CollisionStepChannel.Build(model.Protocol, time / k).Power(k).Apply(model.InitialState);
        decimal x = (decimal)eta * (decimal)time / k;
        double expected = 0.6 * 0.8 * (double)DecimalPower(x, k);
        Assert.Equal(expected, state[0, 3].Real, 1e-14 * expected);
    }
}
