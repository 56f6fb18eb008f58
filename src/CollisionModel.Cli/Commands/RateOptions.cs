using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Commands;

/// <summary>The rates of eq. (5) in the project's convention (docs/conventions.md); all finite and ≥ 0.</summary>
/// <param name="Eta">η, the coherence decay rate of pure dephasing.</param>
/// <param name="Gamma">γ, the decay rate (L = √γ σ⁻).</param>
/// <param name="Kappa">κ, the pumping rate (L = √κ σ⁺).</param>
/// <param name="Omega">ω, the level splitting (H = (ω/2)σz).</param>
public sealed record RateOptions(double Eta, double Gamma, double Kappa, double Omega)
{
    /// <summary>The rates as document parameters.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("eta", Eta);
        yield return ("gamma", Gamma);
        yield return ("kappa", Kappa);
        yield return ("omega", Omega);
    }
}

/// <summary>The System.CommandLine options behind <see cref="RateOptions"/> and <c>--a</c>.</summary>
internal sealed class RateOptionSet
{
    /// <summary>1/√2: the Bell state (|00> + |11>)/√2.</summary>
    public const double DefaultA = 0.7071067811865476;

    public Option<double> A { get; } = CliOptions.FiniteDouble("--a",
        "Initial state A|00> + √(1−A²)|11>, 0 ≤ A ≤ 1.", DefaultA, min: 0, max: 1, helpName: "A");

    public Option<double> Eta { get; } = CliOptions.Rate("--eta", "η: coherence decay rate of pure dephasing (≥ 0).", 1);

    public Option<double> Gamma { get; } = CliOptions.Rate("--gamma", "γ: decay rate, L = √γ σ⁻ (≥ 0).", 1);

    public Option<double> Kappa { get; } = CliOptions.Rate("--kappa", "κ: pumping rate, L = √κ σ⁺ (≥ 0).", 0);

    public Option<double> Omega { get; } = CliOptions.Rate("--omega", "ω: level splitting, H = (ω/2)σz (≥ 0).", 0);

    /// <summary>Every option of the set (<c>--a</c> and the rates).</summary>
    public IEnumerable<Option> All => [A, Eta, Gamma, Kappa, Omega];

    public void AddTo(Command command)
    {
        command.Options.Add(A);
        command.Options.Add(Eta);
        command.Options.Add(Gamma);
        command.Options.Add(Kappa);
        command.Options.Add(Omega);
    }

    /// <summary>
    /// Refuses (exit 2, naming the option) a rate given explicitly that <paramref name="model"/> does not use:
    /// dephasing collisions use η and ω only, decay collisions γ, κ and ω only. A default value is never refused.
    /// </summary>
    public void RefuseIgnored(ParseResult parse, CollisionKind model)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var ignored = model == CollisionKind.Dephasing ? new[] { Gamma, Kappa } : [Eta];
        foreach (var option in ignored)
            if (parse.GetResult(option) is { Implicit: false })
                throw new CliInputException(
                    $"{option.Name}: the {model.ToString().ToLowerInvariant()} model does not use this rate " +
                    $"({(model == CollisionKind.Dephasing ? "it uses --eta and --omega" : "it uses --gamma, --kappa and --omega")}); leave it out.");
    }

    public RateOptions ReadRates(ParseResult parse) =>
        new(parse.GetValue(Eta), parse.GetValue(Gamma), parse.GetValue(Kappa), parse.GetValue(Omega));
}
