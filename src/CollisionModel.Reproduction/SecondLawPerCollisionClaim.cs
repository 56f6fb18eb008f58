using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Reproduction;

/// <summary>
/// Claim 10 (the paper's subject, entropy production, seen one collision at a time): along the thermal partial swap
/// of the decay model (qubit B of a|00⟩ + b|11⟩, exact angle sin²θ = 1 − e^{−(γ+κ)δt}, ancillas diag(γ, κ)/(γ+κ)),
/// every collision satisfies ΔS_AB − β·Q = I(AB′:E′) + D(η′‖η) ≥ 0. The ancilla state is the Gibbs state of
/// H_E = −(ω_E/2)σz (|0⟩, where decay leads, is its ground level) at β = ln(γ/κ)/ω_E, so Q (the energy the ancilla
/// gives up) and the entropy flow β·Q are defined. Entropies in nats, per collision.
/// </summary>
public sealed class SecondLawPerCollisionClaim : IPaperClaim
{
    /// <summary>Largest |ΔS_AB − βQ − I(AB′:E′) − D(η′‖η)| accepted (nats): roundoff of 8×8 eigenvalues.</summary>
    public const double IdentityTolerance = 1e-10;

    /// <inheritdoc />
    public string Id => "10-second-law-per-collision";

    /// <inheritdoc />
    public ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int steps = settings.Reduced ? 40 : 400;
        const double a = 0.6, time = 2, gamma = 1, kappa = 0.5, omega = 1, omegaE = 1;
        var grid = TimeGrid.Over(time, steps);
        double dt = grid.TimeStep, beta = Math.Log(gamma / kappa) / omegaE, g = gamma + kappa;
        // The decay model's partial swap and H_S, with a thermal ancilla that carries its Hamiltonian H_E so Q is defined.
        var bath = new Bath(PaperModels.SubsystemsB, AncillaState.Thermal(-omegaE / 2 * Pauli.Z, beta),
            BathCollision.WithDecayRate(new SubsystemOperator(PaperModels.DecayCoupling(), [2, 2], "partial swap"), g, AngleConvention.Exact, "exact partial swap"));
        var protocol = new CollisionProtocol(PaperModels.SystemDimensions, PaperModels.SubsystemsB, [bath], PaperModels.SystemHamiltonian(omega));
        var rho = PaperModels.InitialState(a).WithSpace(protocol.SystemSpace);
        var rows = new List<IReadOnlyList<object?>>();
        var t = new List<double>();
        var ds = new List<double>();
        var flow = new List<double>();
        var mutual = new List<double>();
        var relative = new List<double>();
        double maxResidual = 0, minProduction = double.PositiveInfinity, total = 0, totalFlow = 0;
        int rowEvery = Math.Max(1, steps / 40);
        for (int n = 0; n < steps; n++)
        {
            var step = protocol.Step(n, grid);
            rho = Evolve(step.SystemBefore, rho);
            var terms = EntropyProductionTerms.Of(protocol, 0, rho, dt, n);
            double lhs = terms.ProductionFromFlow!.Value, rhs = terms.Production;
            double residual = lhs - rhs;
            maxResidual = Math.Max(maxResidual, Math.Abs(residual));
            minProduction = Math.Min(minProduction, rhs);
            total += rhs;
            totalFlow += terms.EntropyFlow!.Value;
            rho = Evolve(step.SystemAfter, terms.SystemAfter);
            double tn = grid.TimeAt(n + 1);
            t.Add(tn);
            ds.Add(terms.SystemEntropyChange);
            flow.Add(terms.EntropyFlow!.Value);
            mutual.Add(terms.MutualInformation);
            relative.Add(terms.AncillaRelativeEntropy);
            if ((n + 1) % rowEvery == 0 || n == steps - 1)
                rows.Add([(long)(n + 1), tn, terms.SystemEntropyChange, terms.EntropyFlow, terms.MutualInformation, terms.AncillaRelativeEntropy, terms.Heat, residual]);
            progress?.Report((n + 1.0) / steps);
        }
        bool holds = maxResidual <= IdentityTolerance && minProduction >= -IdentityTolerance;
        return new ClaimReport(
            Id,
            "Per collision ΔS_AB − β·Q = I(AB′:E′) + D(η′‖η) ≥ 0 for the thermal partial swap (the second law as an identity)",
            [new("a", a), new("time", time), new("steps", (long)steps), new("gamma", gamma), new("kappa", kappa), new("omega", omega),
             new("omega_E", omegaE), new("beta", beta),
             new("model", "exact partial swap on B, ancillas e^{−βH_E}/Z = diag(γ, κ)/(γ+κ), H_E = −(ω_E/2)σz, H = (ω/2)σz_B")],
            ["step", "time", "dS_AB", "beta_Q", "I_AB_E", "D_E", "Q", "identity_residual"],
            rows,
            [new("max_abs_identity_residual", maxResidual), new("min_production_per_collision", minProduction),
             new("entropy_production_total", total), new("entropy_flow_total", totalFlow), new("tolerance", IdentityTolerance)],
            [new ClaimPlot("terms", "Second law per collision: ΔS_AB − βQ = I(AB′:E′) + D(η′‖η)", "time t (1/γ)",
                "nats per collision", false,
                [new PlotSeries("ΔS_AB", t, ds), new PlotSeries("β·Q", t, flow), new PlotSeries("I(AB′:E′)", t, mutual),
                 new PlotSeries("D(η′‖η)", t, relative)])],
            holds,
            $"Over {steps} collisions max |ΔS_AB − βQ − I(AB′:E′) − D(η′‖η)| = {maxResidual:E2} nats and the production per collision is ≥ {minProduction:E2}: "
            + (holds ? "the second law holds collision by collision as an identity." : "the identity FAILS."));
    }

    private static DensityMatrix Evolve(Matrix<Complex>? u, DensityMatrix rho)
    {
        if (u is null) return rho;
        var m = u * rho.ToMatrix() * u.ConjugateTranspose();
        return DensityMatrix.Create(0.5 * (m + m.ConjugateTranspose()), rho.Space);
    }
}
