using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.MasterEquation;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.States;

namespace CollisionModel.Tests.Reliability;

/// <summary>
/// The long-run scenario: the paper's decay model on B (γ = 1, κ = 0.5, ω = 1, η = 0) from a|00⟩ + b|11⟩, a = 0.6,
/// run to T = 1 with exact angles (cos²θ = e^{−(γ+κ)δt}) and Strang splitting. The partial swap with a thermal
/// ancilla is exactly a generalised amplitude-damping channel and commutes with H = (ω/2)σz_B, so every step equals
/// exp(𝓛δt) exactly: any difference from eq. (5)'s closed form at T is accumulated rounding, nothing else.
/// </summary>
internal static class LongRunScenario
{
    public const double Gamma = 1, Kappa = 0.5, Omega = 1, A = 0.6, Time = 1;

    public static CollisionRunOptions Options(int steps, int recordEvery)
    {
        double dt = Time / steps;
        return new CollisionRunOptions
        {
            Protocol = PaperModels.Decay(Gamma, Kappa, Omega, A, AngleConvention.Exact, mixedEnvironment: true).Protocol,
            InitialSystem = PaperMasterEquation.InitialState(A),
            Grid = TimeGrid.OfStep(dt, steps),
            RecordEvery = recordEvery,
        };
    }

    /// <summary>ρ_AB(T) of the master equation (closed form of eq. 5 on B).</summary>
    public static DensityMatrix MasterState() =>
        PaperMasterEquation.ClosedForm(A, new PaperMasterEquationParameters(Omega, Gamma, Kappa, 0), Time);

    /// <summary>(max |ρ − ρ†|, |tr ρ − 1|, λ_min of the Hermitian part, max |ρ − ρ_master|).</summary>
    public static (double Hermiticity, double Trace, double MinEigenvalue, double Distance) Diagnose(DensityMatrix state)
    {
        var rho = state.ToMatrix();
        double herm = (rho - rho.ConjugateTranspose()).Enumerate().Max(z => z.Magnitude);
        double trace = (rho.Trace() - Complex.One).Magnitude;
        double min = HermitianEigen.Decompose(0.5 * (rho + rho.ConjugateTranspose())).Values[0];
        double distance = (rho - MasterState().ToMatrix()).Enumerate().Max(z => z.Magnitude);
        return (herm, trace, min, distance);
    }
}
