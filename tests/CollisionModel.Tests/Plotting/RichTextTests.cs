using CollisionModel.Plotting;

namespace CollisionModel.Tests.Plotting;

/// <summary>
/// Plot labels draw subscripts Unicode lacks (every capital: σ_E, E_R, S_AB) as real subscripts, a smaller run below
/// the baseline, instead of a lowercase stand-in (σₑ).
/// </summary>
public class RichTextTests
{
    private static readonly TextRun[] SigmaE = [new("σ", TextScript.Normal), new("E", TextScript.Subscript)];

    [Fact]
    public void SigmaSubEIsASigmaThenASubscriptCapitalE() => Assert.Equal(SigmaE, PlotText.Parse("σ_E"));

    [Fact]
    public void MarkupSplitsIntoRunsOfEachScript() => Assert.Equal(
        [new("ΔS", TextScript.Normal), new("AB", TextScript.Subscript), new(" + e", TextScript.Normal), new("−ηT", TextScript.Superscript), new(" (nats)", TextScript.Normal)],
        PlotText.Parse("ΔS_AB + e^{−ηT} (nats)"));

    [Fact]
    public void TextWithoutMarkupIsOneRun() =>
        Assert.Equal([new TextRun("time t (1/γ), a_ b", TextScript.Normal)], PlotText.Parse("time t (1/γ), a_ b"));

    [Fact]
    public void ASubscriptIsDrawnSmallerAndBelowTheBaselineAfterTheMainText()
    {
        var text = new RichText("σ_E", 16, bold: false, ScottPlot.Colors.Black);
        var (sigma, e) = (text.Lines[0].Runs[0], text.Lines[0].Runs[1]);
        Assert.Equal((TextScript.Normal, 16f, 0f), (sigma.Script, sigma.Size, sigma.Shift));
        Assert.Equal(16 * RichText.ScriptScale, e.Size, 1e-4);
        Assert.Equal(16 * RichText.SubscriptDrop, e.Shift, 1e-4); // y grows downwards
        Assert.True(e.X > 0 && e.X < text.Width, $"the E starts at {e.X} px, within the label's {text.Width} px, after σ");
    }
}
