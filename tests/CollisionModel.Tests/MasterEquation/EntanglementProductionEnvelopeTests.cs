using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Measures.Entanglement.ReeTestStates;

namespace CollisionModel.Tests.MasterEquation;

/// <summary>σ_E = tr[ρ̇(ln ρ − ln σ*)] against finite differences of E_R along the eq. (5) trajectory.</summary>
public class EntanglementProductionEnvelopeTests
{
    /// <summary>ρ̇ of the closed form by a central difference of the closed form itself (h = 1e-6, error ~1e-12).</summary>
    private static Matrix<Complex> RhoDot(double a, double gamma, double kappa, double eta, double omega, double t)
    {
        const double h = 1e-6;
        return (Eq5Matrix(a, gamma, kappa, eta, omega, t + h) - Eq5Matrix(a, gamma, kappa, eta, omega, t - h)) / (2 * h);
    }

    private static double CentralDifferenceOfER(double a, double gamma, double kappa, double eta, double omega, double t, double h)
    {
        var center = RelativeEntropyOfEntanglement.Compute(Eq5(a, gamma, kappa, eta, omega, t));
        double plus = RelativeEntropyOfEntanglement.Compute(Eq5(a, gamma, kappa, eta, omega, t + h), null, center.ClosestSeparable).Value;
        double minus = RelativeEntropyOfEntanglement.Compute(Eq5(a, gamma, kappa, eta, omega, t - h), null, center.ClosestSeparable).Value;
        return (plus - minus) / (2 * h);
    }

    [Fact]
    public void Rate_MatchesCentralDifferenceOfER_Gamma1_Kappa0_5_Eta0_3_T0_4()
    {
        double a = Math.Sqrt(0.5), gamma = 1, kappa = 0.5, eta = 0.3, t = 0.4;
        var rho = Eq5(a, gamma, kappa, eta, 0, t);
        var ree = RelativeEntropyOfEntanglement.Compute(rho);
        double rate = EntanglementProduction.Rate(rho, RhoDot(a, gamma, kappa, eta, 0, t), ree);
        double finiteDifference = CentralDifferenceOfER(a, gamma, kappa, eta, 0, t, 1e-4);
        Assert.True(rate < 0, "entanglement decays");
        Assert.Equal(finiteDifference, rate, 1e-6);
    }

    [Fact]
    public void Rate_MatchesCentralDifference_ForRankDeficientZeroTemperatureTrajectory()
    {
        // κ = 0, η = 0: ρ(t) has rank 2 for all t, yet σ* is full rank; ρ̇ stays tangent to the rank-2 set.
        double a = 0.6, gamma = 1, t = 0.5;
        var rho = Eq5(a, gamma, 0, 0, 0.7, t);
        var ree = RelativeEntropyOfEntanglement.Compute(rho);
        double rate = EntanglementProduction.Rate(rho, RhoDot(a, gamma, 0, 0, 0.7, t), ree);
        double finiteDifference = CentralDifferenceOfER(a, gamma, 0, 0, 0.7, t, 1e-4);
        Assert.Equal(finiteDifference, rate, 1e-5);
    }

    [Fact]
    public void Rate_IsZero_WhenStateIsSeparable()
    {
        var rho = Eq5(Math.Sqrt(0.5), 1, 0.5, 0, 0, 2.0);
        var ree = RelativeEntropyOfEntanglement.Compute(rho);
        Assert.Equal(0.0, EntanglementProduction.Rate(rho, RhoDot(Math.Sqrt(0.5), 1, 0.5, 0, 0, 2.0), ree));
    }

    [Fact]
    public void Rate_IsMinusInfinity_WhenRhoDotFeedsTheKernelOfRho()
    {
        // Depolarising direction 1/4 − ρ from a rank-2 state: S(ρ) grows like −t ln t, so E_R drops infinitely fast.
        var rho = Eq5(0.6, 1, 0, 0, 0, 0.5);
        var ree = RelativeEntropyOfEntanglement.Compute(rho);
        var rhoDot = Matrix<Complex>.Build.DenseIdentity(4) / 4 - rho.ToMatrix();
        Assert.Equal(double.NegativeInfinity, EntanglementProduction.Rate(rho, rhoDot, ree));
    }

    [Fact]
    public void Rate_RejectsRhoDotWithTrace()
    {
        var rho = Eq5(0.6, 1, 0.5, 0, 0, 0.5);
        var ree = RelativeEntropyOfEntanglement.Compute(rho);
        var bad = Matrix<Complex>.Build.DenseIdentity(4);
        Assert.Throws<CollisionModel.Validation.TraceNotOneException>(() => EntanglementProduction.Rate(rho, bad, ree));
    }
}
