using CollisionModel.Numerics;

namespace CollisionModel.Tests.Numerics;

public class ScalarExpm1Tests
{
    [Theory]
    [InlineData(1e-12)]
    [InlineData(3e-6)]
    [InlineData(0.2)]
    [InlineData(-0.2)]
    [InlineData(2)]
    public void Expm1IsAccurateAcrossScales(double x)
    {
        double reference = (double)DecimalExp((decimal)x) - 1;
        double series = x + x * x / 2 + x * x * x / 6 + x * x * x * x / 24;
        double expected = Math.Abs(x) < 1e-3 ? series : reference;
        Assert.Equal(expected, ScalarExpm1.Compute(x), 1e-15 * Math.Max(Math.Abs(expected), 1e-300) + 1e-30);
    }

    [Theory]
    // e^x − 1 to 40 digits (decimal arithmetic, outside the code under test).
    [InlineData(0.5, "0.648721270700128146848650787814163571654")]
    [InlineData(0.75, "1.117000016612674668545369819837095610134")]
    [InlineData(2.0, "6.389056098930650227230427460575007813180")]
    [InlineData(10.0, "22025.46579480671651695790064528424436635")]
    [InlineData(-2.0, "-0.8646647167633873081060005050275155965924")]
    [InlineData(-10.0, "-0.9999546000702375151484644084844394493898")]
    [InlineData(-40.0, "-0.9999999999999999957516457447084110046708")]
    public void Expm1AwayFromZeroIsWithinTwoUlpsOfTheFortyDigitValue(double x, string reference)
    {
        double expected = double.Parse(reference, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, ScalarExpm1.Compute(x), 4.5e-16 * Math.Abs(expected));
    }

    [Fact]
    public void Expm1AtOneInATrillionKeepsEveryDigitWhereExpMinusOneKeepsFour()
    {
        // e^{1e-12} − 1 = 1e-12 + 5e-25 + …: the series to 1 ulp; double.ExpM1 (exp(x) − 1) gives 1.0000889e-12.
        Assert.Equal(1.0000000000005e-12, ScalarExpm1.Compute(1e-12), 2.5e-28);
        Assert.True(Math.Abs(double.ExpM1(1e-12) - 1e-12) > 1e-17, "the cancelling form should be visibly off here");
    }

    private static decimal DecimalExp(decimal x)
    {
        decimal sum = 1, term = 1;
        for (int n = 1; n < 60; n++)
        {
            term *= x / n;
            sum += term;
        }
        return sum;
    }
}
