using System.Globalization;
using CollisionModel.Cli.Commands;
using CollisionModel.Engines;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// <c>collision simulate</c> on the library's collision engines (<see cref="CollisionSimulation.Run"/>): maps the
/// command's options to a <see cref="CollisionRunOptions"/> on the library's <see cref="PaperModels"/> (protocol and
/// initial state) and E_R by the warm-started relative-entropy-of-entanglement solver unless <c>--no-ree</c>. The bookkeeping runs at
/// every collision; only the emitted steps are returned.
/// </summary>
public sealed class SimulateRunner : ISimulateRunner
{
    /// <inheritdoc />
    public SimulateResult Run(SimulateOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runOptions = ToRunOptions(options);
        return new SimulateResult(CollisionSimulation.Run(runOptions, options.Representation, progress));
    }

    /// <summary>
    /// The engine configuration of <paramref name="options"/>. Throws <see cref="ParameterOutOfRangeException"/> naming
    /// the option for runs the engines cannot hold (more than int.MaxValue collisions; the explicit representation's
    /// memory bound; the paper's dephasing overlap below −1).
    /// </summary>
    public static CollisionRunOptions ToRunOptions(SimulateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Steps > int.MaxValue)
            throw new ParameterOutOfRangeException(
                $"--steps: simulate performs every collision one by one, at most {int.MaxValue} (got {Format(options.Steps)}); " +
                "use `collision converge` for larger k.");
        bool mixed = options.Environment == EnvironmentKind.Mixed;
        var rates = options.Rates;
        var angle = options.Angle;
        // The CLI's one grid: δt = T/K formed once, by the library; everything after takes this grid unchanged.
        var grid = TimeGrid.Over(options.Time, options.Steps);
        var model = OptionErrors.Named(options.Model == CollisionKind.Dephasing ? "--eta" : "--gamma, --kappa", () => options.Model == CollisionKind.Dephasing
            ? PaperModels.Dephasing(rates.Eta, rates.Omega, options.A, angle, mixed)
            : PaperModels.Decay(rates.Gamma, rates.Kappa, rates.Omega, options.A, angle, mixed));
        // The protocol's own angle law decides whether this δt is representable (the paper's dephasing needs η δt ≤ 2);
        // the step 0 built here is kept by the protocol and is the one the run's checks and the engine reuse.
        OptionErrors.Named("--steps (or --angle exact)", () => model.Protocol.Step(0, grid));
        var runOptions = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = grid,
            RecordEvery = (int)Math.Min(options.RecordEvery, int.MaxValue),
            EntanglementMeasure = options.NoRee ? null : WarmStartedRee,
            Truncation = options.Mps.Truncation,
            Fragments = options.Mps.Fragments,
        };
        if (options.Representation == Representation.Explicit)
        {
            OptionErrors.Named("--steps with --representation explicit", () =>
            {
                ExplicitCollisionEngine.EnsureCapacity(model.Protocol, options.Steps);
                return true;
            });
        }
        return runOptions;
    }

    /// <summary>E_R(ρ_AB) by the certified solver, warm-started from the previous emitted step's closest separable state.</summary>
    public static EntanglementEstimate WarmStartedRee(DensityMatrix rhoAB, DensityMatrix? previousClosestSeparable)
    {
        var r = RelativeEntropyOfEntanglement.Compute(rhoAB, warmStart: previousClosestSeparable);
        return new EntanglementEstimate(r.Value, r.ClosestSeparable);
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
