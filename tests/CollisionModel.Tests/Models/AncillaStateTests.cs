using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Models;

public class AncillaStateTests
{
    [Fact]
    public void Thermal_qutrit_has_Boltzmann_populations()
    {
        // H = diag(0, 1, 3), β = 0.7: p_k = e^{−βE_k} / Σ e^{−βE}.
        var h = Matrix<Complex>.Build.DenseOfDiagonalArray([0, 1, 3]);
        var eta = AncillaState.Thermal(h, 0.7);
        double z = 1 + Math.Exp(-0.7) + Math.Exp(-2.1);
        Assert.Equal(1 / z, eta.State[0, 0].Real, 14);
        Assert.Equal(Math.Exp(-0.7) / z, eta.State[1, 1].Real, 14);
        Assert.Equal(Math.Exp(-2.1) / z, eta.State[2, 2].Real, 14);
        Assert.Equal(3, eta.Rank);
        Assert.Equal(0.7, eta.Beta);
    }

    [Fact]
    public void Zero_beta_is_maximally_mixed_and_large_beta_does_not_overflow()
    {
        var h = Matrix<Complex>.Build.DenseOfDiagonalArray([5, 6]);
        Assert.Equal(Math.Log(2), AncillaState.Thermal(h, 0).Entropy, 14);
        var cold = AncillaState.Thermal(h, 1e6);
        Assert.Equal(1, cold.State[0, 0].Real, 14);
        Assert.True(cold.IsPure);
    }

    [Fact]
    public void Negative_beta_is_refused_by_name() =>
        Assert.Equal("beta", Assert.Throws<ParameterOutOfRangeException>(() => AncillaState.Thermal(Matrix<Complex>.Build.DenseIdentity(2), -1)).ParamName);
}
