using CollisionModel.MasterEquation;
using CollisionModel.Studies;

namespace CollisionModel.Tests.MasterEquation;

/// <summary>
/// σ of <c>master</c> keeps full precision at small t, whatever the number of points: at t = 1e-8 the X state of eq. (5)
/// on B has eigenvalues of order 1e-9, which a 4 × 4 eigen-decomposition resolves only to ~1e-16 absolute (σ was right
/// to ~1e-9 relative and moved with N). The reference is computed here in 28-digit decimal arithmetic from the
/// closed-form populations and coherence: σ = −Σᵢ λ̇ᵢ ln λᵢ + Σ ρ̇_kk ln (ρ_T)_kk with the eigenvalues of the outer
/// block λ± = (p+q)/2 ± √(((p−q)/2)² + |c|²) and their exact time derivatives (no finite difference, no cancellation
/// that 28 digits do not absorb).
/// </summary>
public class MasterEquationSigmaPrecisionTests
{
    private const double A = 0.6;
    private static readonly PaperMasterEquationParameters Parameters = new(Omega: 1.2, Gamma: 1.0, Kappa: 0.5, Eta: 0.3);

    [Theory]
    [InlineData(1e-12)]
    [InlineData(1e-10)]
    [InlineData(1e-8)]
    [InlineData(1e-3)]
    [InlineData(1.0)]
    public void Sigma_on_B_agrees_with_a_28_digit_reference_to_1e_12_relative_for_every_number_of_points(double t)
    {
        double reference = (double)DecimalSigma(t);
        foreach (int points in new[] { 2, 3, 11 })
        {
            double sigma = MasterEquationStudy.Run(A, Parameters, TargetQubit.B, t, points).Points[^1].Rates.EntropyProduction!.Value;
            Assert.True(Math.Abs(sigma - reference) <= 1e-12 * reference, $"N = {points}: σ = {sigma:R}, reference {reference:R}");
        }
    }

    [Theory]
    [InlineData(1e-8, 18.838112369869552995)]
    [InlineData(1e-10, 23.250970889652856438)]
    [InlineData(1e-12, 27.663829171643539633)]
    public void Sigma_on_B_agrees_with_a_60_digit_matrix_exponential(double t, double reference)
    {
        // A second, independent method (mpmath at 60 digits, no closed form): ρ(t) = exp(𝓛t) ρ(0) with 𝓛 the 16 × 16
        // superoperator of H = (ω/2)σz_B, L = √γ σ⁻_B, √κ σ⁺_B, √(η/2) σz_B; ln ρ by its eigen-decomposition; σ =
        // −tr[𝓛(ρ)(ln ρ − ln ρ_T)]. (Issue 23 quoted 18.838112364540486 at t = 1e-8; this computation and the decimal
        // closed form above both give 18.83811236986955, 2.8e-10 relative above it.)
        foreach (int points in new[] { 2, 3, 11 })
        {
            double sigma = MasterEquationStudy.Run(A, Parameters, TargetQubit.B, t, points).Points[^1].Rates.EntropyProduction!.Value;
            Assert.True(Math.Abs(sigma - reference) <= 1e-12 * reference, $"N = {points}: σ = {sigma:R}, reference {reference:R}");
        }
    }

    [Fact]
    public void Sigma_on_A_equals_sigma_on_B_since_the_initial_state_is_swap_symmetric()
    {
        double onA = MasterEquationStudy.Run(A, Parameters, TargetQubit.A, 1e-8, 3).Points[^1].Rates.EntropyProduction!.Value;
        Assert.Equal((double)DecimalSigma(1e-8), onA, 1e-12 * onA);
    }

    [Fact]
    public void Sigma_E_at_t_1e_8_does_not_depend_on_the_number_of_points()
    {
        double Last(int points) => MasterEquationStudy.Run(A, Parameters, TargetQubit.B, 1e-8, points).Points[^1].Rates.EntanglementProduction!.Value;
        double two = Last(2);
        Assert.Equal(two, Last(3), 1e-12 * Math.Abs(two));
        Assert.Equal(two, Last(11), 1e-12 * Math.Abs(two));
    }

    /// <summary>σ(t) for eq. (5) on B from a|00⟩ + b|11⟩ in decimal arithmetic (G = γ + κ, u = 1 − e^{−Gt}).</summary>
    private static decimal DecimalSigma(double time)
    {
        decimal t = (decimal)time, a2 = (decimal)A * (decimal)A, b2 = 1 - a2;
        decimal gamma = (decimal)Parameters.Gamma, kappa = (decimal)Parameters.Kappa, eta = (decimal)Parameters.Eta;
        decimal g = gamma + kappa, k = kappa / g, l = gamma / g;
        decimal e = Exp(-g * t), u = 1 - e, uDot = g * e;
        decimal p = a2 * (1 - k * u), pDot = -a2 * k * uDot;
        decimal q = b2 * (1 - l * u), qDot = -b2 * l * uDot;
        decimal m01 = a2 * k * u, m01Dot = a2 * k * uDot;
        decimal m10 = b2 * l * u, m10Dot = b2 * l * uDot;
        decimal c2 = a2 * b2 * Exp(-(g + 2 * eta) * t), c2Dot = -(g + 2 * eta) * c2;
        decimal h = Sqrt((p - q) * (p - q) / 4 + c2), hDot = ((p - q) * (pDot - qDot) / 2 + c2Dot) / (2 * h);
        decimal plus = (p + q) / 2 + h, plusDot = (pDot + qDot) / 2 + hDot;
        decimal minus = (p + q) / 2 - h, minusDot = (pDot + qDot) / 2 - hDot;
        decimal entropyRate = -(plusDot * Ln(plus) + minusDot * Ln(minus) + m01Dot * Ln(m01) + m10Dot * Ln(m10));
        // ρ_T = diag(a², b²) ⊗ diag(γ, κ)/G, diagonal in the same basis as ρ's populations.
        decimal external = pDot * Ln(a2 * l) + m01Dot * Ln(a2 * k) + m10Dot * Ln(b2 * l) + qDot * Ln(b2 * k);
        return entropyRate + external;
    }

    private static decimal Exp(decimal x)
    {
        decimal term = 1, sum = 1;
        for (int n = 1; n < 60 && term != 0; n++)
        {
            term *= x / n;
            sum += term;
        }
        return sum;
    }

    private const decimal Ln2 = 0.6931471805599453094172321215m;

    /// <summary>ln x = k ln 2 + 2 atanh((m − 1)/(m + 1)), x = 2^k m with m ∈ [1, 2).</summary>
    private static decimal Ln(decimal x)
    {
        int k = 0;
        while (x >= 2) { x /= 2; k++; }
        while (x < 1) { x *= 2; k--; }
        decimal z = (x - 1) / (x + 1), z2 = z * z, power = z, sum = 0;
        for (int n = 1; n < 200 && power != 0; n += 2)
        {
            sum += power / n;
            power *= z2;
        }
        return k * Ln2 + 2 * sum;
    }

    private static decimal Sqrt(decimal x)
    {
        decimal y = (decimal)Math.Sqrt((double)x);
        for (int i = 0; i < 5; i++) y = (y + x / y) / 2;
        return y;
    }
}
