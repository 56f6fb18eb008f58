using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.States;

namespace CollisionModel.Tests.MasterEquation;

public class EntanglementProductionTests
{
    /// <summary>
    /// For a maximally correlated state (support on |00⟩, |11⟩) the closest separable state is the dephased state
    /// (docs/conventions.md §2 item 6) and E_R = S(diag ρ) − S(ρ) (docs/conventions.md §4).
    /// </summary>
    private static DensityMatrix Dephased(DensityMatrix rho) =>
        DensityMatrix.Trusted(rho.Space, [rho[0, 0], 0, 0, 0, 0, rho[1, 1], 0, 0, 0, 0, rho[2, 2], 0, 0, 0, 0, rho[3, 3]]);

    private static double ClosedFormRelativeEntropyOfEntanglement(DensityMatrix rho) =>
        Entropy.VonNeumann(Dephased(rho)) - Entropy.VonNeumann(rho);

    [Fact]
    public void Pure_dephasing_entanglement_production_is_dER_dt_and_equals_minus_sigma()
    {
        // docs/conventions.md §6: σ_E = −σ when σ* = ρ_T (pure dephasing of a|00⟩ + b|11⟩).
        var p = new PaperMasterEquationParameters(0.4, 0, 0, 0.7);
        var gen = PaperMasterEquation.Create(p);
        var rho0 = PaperMasterEquation.InitialState(0.6);
        var sigmaE = EntanglementProduction.Observer(Dephased);
        var sigma = EntropyProduction.Observer(StationaryStates.ReachedFrom(gen, rho0));
        var traj = ExactPropagator.ForGrid(gen, 2.0, 21).Run(rho0, 20, [sigmaE, sigma]);
        Assert.Null(traj.Values(sigmaE)[0]); // pure ρ(0): no derivative at t = 0
        double h = 1e-5;
        for (int k = 1; k < traj.Times.Count; k++)
        {
            double t = traj.Times[k];
            double dER = (ClosedFormRelativeEntropyOfEntanglement(gen.Evolve(rho0, t + h))
                        - ClosedFormRelativeEntropyOfEntanglement(gen.Evolve(rho0, t - h))) / (2 * h);
            double e = traj.Values(sigmaE)[k]!.Value;
            Assert.True(Math.Abs(e - dER) < 1e-7, $"t = {t}: σ_E = {e:R}, dE_R/dt = {dER:R}");
            Assert.True(Math.Abs(e + traj.Values(sigma)[k].Sigma!.Value) < 1e-12, $"t = {t}: σ_E + σ ≠ 0");
        }
    }
}
