using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Reproduction;

/// <summary>Claim 9 (errata) in reduced mode: every row confirms its erratum, with key numbers from closed forms.</summary>
public class ErrataClaimTests
{
    private static readonly ClaimReport Report = new ErrataClaim().Evaluate(new PaperSettings(Reduced: true));

    private static IReadOnlyList<object?> Item(int item) => Report.Rows.First(r => (long)r[0]! == item);

    [Fact]
    public void EveryErratumIsConfirmedByAnIndependentCheck()
    {
        Assert.True(Report.Holds, Report.Finding);
        Assert.Equal(9, Report.Rows.Count); // items 1–8, item 3 with two rows (eq. (5) literal and μ(t))
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }, Report.Rows.Select(r => (long)r[0]!).Distinct());
    }

    [Fact]
    public void PaperSignOfTheEnvironmentEntropyOverstatesDeltaSByTwiceTheAncillaEntropy()
    {
        // Thermal ancilla diag(γ, κ)/(γ+κ) = diag(2/3, 1/3): S(η) = h(1/3).
        double p = 1.0 / 3, sEta = -(p * Math.Log(p) + (1 - p) * Math.Log(1 - p));
        var row = Item(1);
        Assert.Equal(2 * sEta, (double)row[2]! - (double)row[3]!, 1e-12);
    }

    [Fact]
    public void CorrectedDeltaPrimeGivesBsGroundPopulation()
    {
        double a2 = 0.5, g = 1.5, t = 0.5, e = Math.Exp(-g * t);
        Assert.Equal(e * a2 + (1 - e) / g, (double)Item(4)[3]!, 1e-14);
        Assert.Equal(e * a2 + 1 * (1 - 0.5) * t * e / g, (double)Item(4)[2]!, 1e-14);
    }

    [Fact]
    public void ThreeEtasGiveThreeCoherenceFactors()
    {
        double eta = 0.3, t = 0.5;
        var rows = Report.Rows.Where(r => (long)r[0]! == 3).ToList();
        Assert.Equal(Math.Exp(-2 * eta * t), (double)rows[0][2]!, 1e-12);
        Assert.Equal(Math.Exp(-eta * t / 2), (double)rows[1][2]!, 1e-15);
        Assert.Equal(Math.Exp(-eta * t), (double)rows[0][4]!, 1e-12);
    }

    [Fact]
    public void HamiltonianOmegaSigmaZDoublesThePhase()
    {
        var row = Item(7);
        Assert.Equal(-1.0, (double)row[2]!, 1e-12);
        Assert.Equal(-0.5, (double)row[3]!, 1e-12);
    }

    [Fact]
    public void DeletingOffDiagonalsOverestimatesTheEntanglementOfTheCorrectState()
    {
        var row = Item(6);
        Assert.True((double)row[2]! > (double)row[3]! + 1e-4, $"S(ρ‖ρ_diag) = {row[2]}, E_R = {row[3]}");
    }

    [Fact]
    public void KrausCompletenessDefectIsSecondOrderInTheStep()
    {
        var computed = Report.Plots[0].Series[0].Y;
        Assert.Equal(100, computed[1] / computed[2], 1e-6);
        Assert.Equal(100, computed[2] / computed[3], 1e-4);
    }
}
