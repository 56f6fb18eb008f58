using System.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The paper's two collision models as protocols on two qubits A, B (subsystem 1 = B), each with one memoryless bath
/// on B, the system Hamiltonian H_S = (ω/2)σz_B and the initial state a|00⟩ + √(1 − a²)|11⟩. Every piece of the two
/// models is written here once: the couplings, rates and angle laws (their formulas in <see cref="BathCollision"/>), H_S, the ancillas
/// and the initial state; the engines, the convergence study, the paper's claims and the CLI all build from here.
/// Rates in inverse time units, ω in energy units (ħ = 1). Construction O(1) (the limit O(4⁶) once).
/// </summary>
public static class PaperModels
{
    /// <summary>The system's subsystem dimensions: two qubits A, B.</summary>
    public static IReadOnlyList<int> SystemDimensions { get; } = [2, 2];

    /// <summary>The subsystems forming B (and the one the bath touches): [1].</summary>
    public static IReadOnlyList<int> SubsystemsB { get; } = [1];

    /// <summary>
    /// Pure dephasing of B at coherence decay rate η ≥ 0: V = |1⟩⟨1|_B ⊗ σy_E (exp(−iθV) rotates the ancilla |0⟩ to
    /// cos θ|0⟩ + sin θ|1⟩ when B is |1⟩, so B's coherence is multiplied by cos θ for the |0⟩ ancilla and for the
    /// maximally mixed one alike), rate 2η (θ²/δt → 2η), angle law of <see cref="BathCollision.WithDephasingRate"/>; ancilla |0⟩,
    /// or maximally mixed when <paramref name="mixedEnvironment"/>. Limit: coherence decay e^{−ηt} on B.
    /// </summary>
    /// <param name="eta">Coherence decay rate η ≥ 0.</param>
    /// <param name="omega">Level splitting ω of H_S = (ω/2)σz_B (finite).</param>
    /// <param name="a">Initial amplitude a ∈ [0, 1].</param>
    /// <param name="angle">The angle law.</param>
    /// <param name="mixedEnvironment">Maximally mixed ancillas instead of |0⟩.</param>
    public static PaperModel Dephasing(double eta, double omega, double a, AngleConvention angle = AngleConvention.Paper, bool mixedEnvironment = false)
    {
        var key = new ModelKey(0, Bits(eta), 0, Bits(omega), Bits(a), angle, mixedEnvironment);
        if (t_last is { } last && last.Key == key) return last.Model;
        // η is checked (finite, ≥ 0, named "eta") by the collision that owns its law.
        var collision = BathCollision.WithDephasingRate(OnQubitAndAncilla(DephasingCoupling(), "dephasing coupling"), eta, angle,
            $"dephasing, η = {eta:G6}, {angle.ToString().ToLowerInvariant()} angle");
        var ancilla = mixedEnvironment ? AncillaState.MaximallyMixed : AncillaState.Ground;
        return Keep(key, Build(new Bath(SubsystemsB, ancilla, collision, name: "dephasing"), omega, a));
    }

    /// <summary>
    /// Decay and pumping of B at rates γ, κ ≥ 0 (γ + κ &gt; 0): the partial swap V = σ⁺_B σ⁻_E + σ⁻_B σ⁺_E, rate γ + κ,
    /// angle law of <see cref="BathCollision.WithDecayRate"/>; ancilla thermal diag(γ, κ)/(γ+κ) (B's stationary state, so the limit
    /// has jumps √γσ⁻, √κσ⁺) when <paramref name="mixedEnvironment"/>, else |0⟩, which only describes pumping-free
    /// decay and so requires κ = 0 (<see cref="ParameterOutOfRangeException"/> naming kappa otherwise).
    /// </summary>
    /// <param name="gamma">Decay rate γ ≥ 0.</param>
    /// <param name="kappa">Pumping rate κ ≥ 0.</param>
    /// <param name="omega">Level splitting ω of H_S = (ω/2)σz_B (finite).</param>
    /// <param name="a">Initial amplitude a ∈ [0, 1].</param>
    /// <param name="angle">The angle law.</param>
    /// <param name="mixedEnvironment">Thermal ancillas instead of |0⟩.</param>
    public static PaperModel Decay(double gamma, double kappa, double omega, double a, AngleConvention angle = AngleConvention.Paper, bool mixedEnvironment = false)
    {
        var key = new ModelKey(1, Bits(gamma), Bits(kappa), Bits(omega), Bits(a), angle, mixedEnvironment);
        if (t_last is { } last && last.Key == key) return last.Model;
        Guard.Finite(gamma, "gamma");
        Guard.NonNegative(gamma, "gamma");
        Guard.Finite(kappa, "kappa");
        Guard.NonNegative(kappa, "kappa");
        double rate = gamma + kappa;
        if (rate <= 0) throw new ParameterOutOfRangeException("The decay model needs γ + κ > 0.", "gamma");
        AncillaState ancilla;
        if (mixedEnvironment) ancilla = AncillaState.From(ThermalQubit(gamma, kappa));
        else if (kappa != 0)
            throw new ParameterOutOfRangeException(
                $"A pure |0⟩ ancilla cannot pump (κ = {kappa:G6}); the decay model with a pure environment requires κ = 0.", "kappa");
        else ancilla = AncillaState.Ground;
        var collision = BathCollision.WithDecayRate(OnQubitAndAncilla(DecayCoupling(), "partial swap"), rate, angle,
            $"partial swap, γ = {gamma:G6}, κ = {kappa:G6}, {angle.ToString().ToLowerInvariant()} angle");
        return Keep(key, Build(new Bath(SubsystemsB, ancilla, collision, name: "decay"), omega, a));
    }

    // The calling thread's latest model, keyed by the exact bits of its parameters (−0 is not 0: the notes print the
    // sign). A PaperModel is immutable (its protocol, limit and state copy out on every read), so repeated runs of one
    // preset share it and what it caches (its step 0 and step maps): a tiny run from Python paid ~20 % of its time
    // for the model's expm and Lindblad limit. One entry per thread: nothing to evict, nothing shared across threads.
    [ThreadStatic]
    private static (ModelKey Key, PaperModel Model)? t_last;

    private readonly record struct ModelKey(int Kind, long First, long Second, long Omega, long A, AngleConvention Angle, bool Mixed);

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static PaperModel Keep(ModelKey key, PaperModel model)
    {
        t_last = (key, model);
        return model;
    }

    // Both paper couplings act on one system qubit ⊗ one ancilla qubit, and say so.
    private static SubsystemOperator OnQubitAndAncilla(Matrix<Complex> coupling, string name) => new(coupling, [2, 2], name);

    /// <summary>The dephasing coupling V = |1⟩⟨1|_B ⊗ σy_E on (B, ancilla). A fresh 4×4 matrix.</summary>
    public static Matrix<Complex> DephasingCoupling() => Tensor.Kron(Pauli.Projector1, Pauli.Y);

    /// <summary>The partial-swap coupling V = σ⁺_B σ⁻_E + σ⁻_B σ⁺_E on (B, ancilla). A fresh 4×4 matrix.</summary>
    public static Matrix<Complex> DecayCoupling() =>
        Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    /// <summary>H_S = (ω/2)σz_B on A ⊗ B (ω finite). A fresh 4×4 matrix.</summary>
    public static Matrix<Complex> SystemHamiltonian(double omega) => SystemHamiltonian(omega, SubsystemsB);

    /// <summary>H_S = (ω/2)Σ_q σz_q over the listed qubits q ∈ {0 = A, 1 = B} of A ⊗ B (ω finite). A fresh 4×4 matrix.</summary>
    public static Matrix<Complex> SystemHamiltonian(double omega, IReadOnlyList<int> qubits)
    {
        Guard.Finite(omega, "omega");
        ArgumentNullException.ThrowIfNull(qubits);
        var space = CompositeSpace.Qubits(2);
        space.CheckSubset(qubits, nameof(qubits));
        var h = Matrix<Complex>.Build.Dense(4, 4);
        foreach (int q in qubits) h += Tensor.Embed(omega / 2 * Pauli.Z, space, q);
        return h;
    }

    /// <summary>
    /// The thermal qubit diag(γ, κ)/(γ + κ) (γ, κ ≥ 0 finite, γ + κ &gt; 0): the stationary state of decay at rate γ and
    /// pumping at rate κ, so the ancilla state whose partial swap has the jumps √γσ⁻, √κσ⁺. A validated 2×2 state.
    /// </summary>
    public static DensityMatrix ThermalQubit(double gamma, double kappa)
    {
        Guard.Finite(gamma, "gamma");
        Guard.NonNegative(gamma, "gamma");
        Guard.Finite(kappa, "kappa");
        Guard.NonNegative(kappa, "kappa");
        double rate = gamma + kappa;
        if (rate <= 0) throw new ParameterOutOfRangeException("A thermal qubit needs γ + κ > 0.", "gamma");
        return DensityMatrix.Diagonal([gamma / rate, kappa / rate]);
    }

    /// <summary>
    /// The collision protocol whose Lindblad limit is the paper's master equation (eq. 5) on the listed qubits of
    /// A ⊗ B: H_S = (ω/2)Σ_q σz_q and, on each qubit q, a thermal partial swap (rate γ + κ, ancillas
    /// <see cref="ThermalQubit"/>; omitted when γ + κ = 0) followed by a dephasing collision (rate 2η, ancilla |0⟩).
    /// Its limit has the jumps √γσ⁻_q, √κσ⁺_q and √(2η)|1⟩⟨1|_q, whose dissipator is that of √(η/2)σz_q. O(1).
    /// </summary>
    public static CollisionProtocol MasterEquationProtocol(double omega, double gamma, double kappa, double eta, IReadOnlyList<int> qubits)
    {
        Guard.Finite(omega, "omega");
        Guard.Finite(eta, "eta");
        Guard.NonNegative(eta, "eta");
        ArgumentNullException.ThrowIfNull(qubits);
        if (qubits.Count == 0) throw new DimensionMismatchException("The master equation acts on at least one qubit.", nameof(qubits));
        var baths = new List<Bath>();
        foreach (int q in qubits)
        {
            if (gamma + kappa > 0)
            {
                double rate = gamma + kappa;
                baths.Add(new Bath([q], AncillaState.From(ThermalQubit(gamma, kappa)),
                    BathCollision.WithDecayRate(OnQubitAndAncilla(DecayCoupling(), "partial swap"), rate, AngleConvention.Exact, "thermal partial swap"),
                    name: "decay"));
            }
            baths.Add(new Bath([q], AncillaState.Ground,
                BathCollision.WithDephasingRate(OnQubitAndAncilla(DephasingCoupling(), "dephasing coupling"), eta, AngleConvention.Exact, "dephasing"),
                name: "dephasing"));
        }
        var h = omega == 0 ? null : SystemHamiltonian(omega, qubits);
        return new CollisionProtocol(SystemDimensions, SubsystemsB, baths, h);
    }

    /// <summary>The paper's initial state a|00⟩ + √(1 − a²)|11⟩ on A ⊗ B, 0 ≤ a ≤ 1, as a ket.</summary>
    public static Ket InitialKet(double a)
    {
        Guard.InRange(a, 0, 1, "a");
        var amplitudes = new Complex[4];
        amplitudes[0] = a;
        amplitudes[3] = Math.Sqrt(Math.Max(0, 1 - a * a));
        return Ket.Create(amplitudes, CompositeSpace.Qubits(2));
    }

    /// <summary>The paper's initial state a|00⟩ + √(1 − a²)|11⟩ as a density matrix.</summary>
    public static DensityMatrix InitialState(double a) => DensityMatrix.FromKet(InitialKet(a));

    private static PaperModel Build(Bath bath, double omega, double a)
    {
        Guard.Finite(omega, "omega");
        var h = omega == 0 ? null : SystemHamiltonian(omega);
        // H_S commutes with both collisions, so the splitting order does not matter; Strang is the default.
        var protocol = new CollisionProtocol(SystemDimensions, SubsystemsB, [bath], h);
        return new PaperModel(protocol, protocol.LindbladLimitGenerator(), InitialState(a));
    }
}
