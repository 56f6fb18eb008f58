using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

/// <summary>
/// The paper's two-qubit master equation (eq. 5) with the corrections of docs/conventions.md §2 (items 3, 5, 7), and its
/// closed-form solution for the initial state a|00⟩ + b|11⟩ (b = √(1 − a²)) when it acts on qubit B.
/// </summary>
public static class PaperMasterEquation
{
    /// <summary>The two-qubit space A ⊗ B.</summary>
    public static CompositeSpace Space { get; } = CompositeSpace.Qubits(2);

    /// <summary>
    /// The Lindbladian with H = (ω/2)σz and the dissipators of √γ σ⁻, √κ σ⁺, √(η/2) σz on the target qubit(s)
    /// (for <see cref="TargetQubit.Both"/>, a copy on each qubit: H = (ω/2)(σz_A + σz_B)), derived as the Lindblad
    /// limit (<see cref="LindbladLimit"/>) of <see cref="PaperModels.MasterEquationProtocol"/>, so the equation is not
    /// written a second time; the dephasing jump comes out as √(2η)|1⟩⟨1|, the same dissipator as √(η/2)σz.
    /// Zero-rate jump operators are omitted. O(4⁶).
    /// </summary>
    public static Lindbladian Create(PaperMasterEquationParameters parameters, TargetQubit target = TargetQubit.B)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int[] qubits = target switch
        {
            TargetQubit.A => [0],
            TargetQubit.B => [1],
            TargetQubit.Both => [0, 1],
            _ => throw new ParameterOutOfRangeException($"Unknown target {target}.", nameof(target)),
        };
        return LindbladLimit.Of(PaperModels.MasterEquationProtocol(parameters.Omega, parameters.Gamma, parameters.Kappa, parameters.Eta, qubits));
    }

    /// <summary>The paper's initial state a|00⟩ + √(1 − a²)|11⟩, 0 ≤ a ≤ 1 (<see cref="PaperModels.InitialState"/>).</summary>
    public static DensityMatrix InitialState(double a) => PaperModels.InitialState(a);

    /// <summary>
    /// ρ(t) for eq. (5) on B from a|00⟩ + b|11⟩ (docs/conventions.md §2 item 5; G = γ + κ, E = e^{−Gt}): the X state
    /// ρ_{00,00} = a²[1 − (κ/G)(1−E)], ρ_{01,01} = a²(κ/G)(1−E), ρ_{10,10} = b²(γ/G)(1−E),
    /// ρ_{11,11} = b²[κ/G + (γ/G)E], ρ_{00,11} = ab e^{−iωt} e^{−(G/2 + η)t}. (For G = 0 the populations are frozen.)
    /// </summary>
    public static DensityMatrix ClosedForm(double a, PaperMasterEquationParameters parameters, double t)
    {
        double b = CheckedAmplitudeB(a, parameters, t);
        double g = parameters.G;
        double oneMinusE = -ScalarExpm1.Compute(-g * t);
        double pumped = g > 0 ? parameters.Kappa / g * oneMinusE : 0;
        double decayed = g > 0 ? parameters.Gamma / g * oneMinusE : 0;
        var data = new Complex[16];
        data[0] = a * a * (1 - pumped);
        data[5] = a * a * pumped;
        data[10] = b * b * decayed;
        data[15] = b * b * (1 - decayed);
        var coherence = a * b * Complex.FromPolarCoordinates(Math.Exp(-(g / 2 + parameters.Eta) * t), -parameters.Omega * t);
        data[0 + 3 * 4] = coherence;
        data[3 + 0 * 4] = Complex.Conjugate(coherence);
        return DensityMatrix.Trusted(Space, data);
    }

    /// <summary>
    /// ρ_T, the stationary state reached from a|00⟩ + b|11⟩ under eq. (5) on B (docs/conventions.md §1):
    /// diag(a², b²)_A ⊗ diag(γ, κ)/(γ+κ)_B when γ + κ &gt; 0; diag(a², 0, 0, b²) when only ω or η act (the
    /// coherence averages or decays away); the initial state itself when every parameter is zero.
    /// </summary>
    public static DensityMatrix StationaryState(double a, PaperMasterEquationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Guard.InRange(a, 0, 1, nameof(a));
        double a2 = a * a, b2 = Math.Max(0, 1 - a2);
        double g = parameters.G;
        if (g > 0)
            return DensityMatrix.Product(DensityMatrix.Diagonal([a2, b2]), PaperModels.ThermalQubit(parameters.Gamma, parameters.Kappa)).WithSpace(Space);
        if (parameters.Eta > 0 || parameters.Omega != 0) return DensityMatrix.Trusted(Space, Diagonal(a2, 0, 0, b2));
        return InitialState(a);
    }

    /// <summary>C(t) = 2ab max(0, e^{−(G/2+η)t} − (√(γκ)/G)(1 − e^{−Gt})) for eq. (5) on B (docs/conventions.md §7).</summary>
    public static double ClosedFormConcurrence(double a, PaperMasterEquationParameters parameters, double t)
    {
        double b = CheckedAmplitudeB(a, parameters, t);
        return 2 * a * b * Math.Max(0, ConcurrenceEnvelope(parameters, t));
    }

    /// <summary>Checks the arguments of a closed form at time t (0 ≤ a ≤ 1, t ≥ 0, valid parameters) and returns b = √(1 − a²).</summary>
    private static double CheckedAmplitudeB(double a, PaperMasterEquationParameters parameters, double t)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Guard.InRange(a, 0, 1, nameof(a));
        Guard.NonNegative(t, nameof(t));
        return Math.Sqrt(Math.Max(0, 1 - a * a));
    }

    /// <summary>
    /// The sudden-death time of eq. (5) on B (independent of a, b when 0 &lt; a &lt; 1): the root of
    /// e^{−(G/2+η)t} = c(1 − e^{−Gt}), c = √(γκ)/G. For η = 0 in closed form, t = −(2/G) ln x,
    /// x = (√(1+4c²) − 1)/(2c); for η &gt; 0 by bisection of that monotone function to rounding. Null when γκ = 0
    /// (the concurrence only decays asymptotically).
    /// </summary>
    public static double? ClosedFormSuddenDeathTime(PaperMasterEquationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        double g = parameters.G;
        if (parameters.Gamma * parameters.Kappa == 0) return null;
        double c = Math.Sqrt(parameters.Gamma * parameters.Kappa) / g;
        if (parameters.Eta == 0)
        {
            double x = (Math.Sqrt(1 + 4 * c * c) - 1) / (2 * c);
            return -2 / g * Math.Log(x);
        }
        // f(t) = e^{−(G/2+η)t} − c(1 − e^{−Gt}) decreases strictly from 1 to −c: one root, bracketed by doubling.
        double lo = 0, hi = 1 / g;
        while (ConcurrenceEnvelope(parameters, hi) > 0) { lo = hi; hi *= 2; }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (ConcurrenceEnvelope(parameters, mid) > 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double ConcurrenceEnvelope(PaperMasterEquationParameters p, double t)
    {
        double g = p.G;
        double decay = Math.Exp(-(g / 2 + p.Eta) * t);
        if (g == 0) return decay;
        return decay - Math.Sqrt(p.Gamma * p.Kappa) / g * -ScalarExpm1.Compute(-g * t);
    }

    private static Complex[] Diagonal(double p00, double p01, double p10, double p11)
    {
        var data = new Complex[16];
        data[0] = p00;
        data[5] = p01;
        data[10] = p10;
        data[15] = p11;
        return data;
    }
}
