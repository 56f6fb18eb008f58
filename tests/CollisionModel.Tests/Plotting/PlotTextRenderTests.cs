using CollisionModel.Plotting;

namespace CollisionModel.Tests.Plotting;

/// <summary>Text ScottPlot draws itself (tick labels) shows symbols, not markup, where Unicode has them.</summary>
public class PlotTextRenderTests
{
    // Render is what ScottPlot draws itself (tick labels): Unicode scripts where they exist, never a lowercase stand-in.
    [Theory]
    [InlineData("|σ_E|/σ", "|σ_E|/σ")]
    [InlineData("ΔS_int = S(ρ_T) − S(ρ)", "ΔSᵢₙₜ = S(ρ_T) − S(ρ)")]
    [InlineData("W_0 = 1 − iH̃Δt, W_k", "W₀ = 1 − iH̃Δt, Wₖ")]
    [InlineData("closed form e^{−ηT}η²T²/(4k)", "closed form e^(−ηT)η²T²/(4k)")]
    [InlineData("x^{2n}", "x²ⁿ")]
    [InlineData("S_AB (nats)", "S_AB (nats)")] // no subscript b in Unicode: left readable as is
    [InlineData("time t (1/γ)", "time t (1/γ)")]
    public void MarkupBecomesUnicodeOrBrackets(string label, string drawn) => Assert.Equal(drawn, PlotText.Render(label));
}
