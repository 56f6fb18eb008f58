using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.States;

/// <summary>The Gibbs state e^{−βH}/Z against the two-level closed form p₁/p₀ = e^{−βΔ}, p₀ = 1/(1 + e^{−βΔ}).</summary>
public class GibbsStateTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(3.0)]
    public void Two_level_populations_are_the_logistic_closed_form(double beta)
    {
        const double gap = 1.3;
        var p = GibbsState.Populations([0.4 + gap, 0.4], beta); // excited level listed first: order is kept
        double ground = 1 / (1 + Math.Exp(-beta * gap));
        Assert.Equal(ground, p[1], 1e-15);
        Assert.Equal(1 - ground, p[0], 1e-15);
    }

    [Fact]
    public void Huge_beta_gap_underflows_the_excited_population_instead_of_overflowing_Z()
    {
        var p = GibbsState.Populations([0, 1, 2], 1e4);
        Assert.Equal([1.0, 0.0, 0.0], p);
    }

    [Fact]
    public void Matrix_from_a_rotated_spectrum_is_V_diag_p_V_dagger()
    {
        // H = (Δ/2)σx has eigenvectors |±⟩: e^{−βH}/Z = ½[[1, −t], [−t, 1]] with t = tanh(βΔ/2).
        const double beta = 0.9, gap = 2.0;
        var h = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, gap / 2 }, { gap / 2, 0 } });
        var rho = GibbsState.FromSpectrum(HermitianEigen.Decompose(h), beta);
        double t = Math.Tanh(beta * gap / 2);
        Assert.Equal(0.5, rho[0, 0].Real, 15);
        Assert.Equal(-0.5 * t, rho[0, 1].Real, 15);
        Assert.Equal(0, rho[0, 1].Imaginary, 15);
    }

    [Fact]
    public void Negative_beta_is_refused_naming_beta()
    {
        var e = Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => GibbsState.Populations([0, 1], -1));
        Assert.Equal("beta", e.ParamName);
    }
}
