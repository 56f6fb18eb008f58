using System.CommandLine;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The options <c>--max-bond</c>, <c>--cutoff</c> and (unless <paramref name="fragments"/> is false: commands that
/// keep no records of the environment) <c>--fragments</c> of <c>--representation mps</c>.
/// </summary>
internal sealed class MpsOptionSet(bool fragments = true)
{
    private readonly Option<long> _maxBond = Unbounded(CliOptions.Integer("--max-bond",
        "mps: keep at most N ≥ 1 singular values per bond (truncation; the discarded weight is reported). Without it: exact.", 0, 1, int.MaxValue));

    private readonly Option<double> _cutoff = CliOptions.FiniteDouble("--cutoff",
        "mps: drop the smallest singular values while their relative weight stays ≤ EPS, 0 ≤ EPS < 1 (reported).", 0, min: 0, helpName: "EPS");

    private readonly Option<bool> _fragments = new("--fragments")
    {
        Description = "mps: every record carries I(AB : F) for the m oldest and the m newest ancillas (I_AB_F_oldest, I_AB_F_newest).",
    };

    // No default shown: absent means exact (GetValue then gives 0, which the parser never produces).
    private static Option<long> Unbounded(Option<long> option)
    {
        option.DefaultValueFactory = null;
        return option;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_maxBond);
        command.Options.Add(_cutoff);
        if (fragments) command.Options.Add(_fragments);
    }

    public MpsSettings Read(ParseResult parse)
    {
        // 0 is the unset default: an explicit value below 1 fails the parser with the option's name.
        long bond = parse.GetValue(_maxBond);
        return new MpsSettings(bond == 0 ? null : bond, parse.GetValue(_cutoff), fragments && parse.GetValue(_fragments));
    }
}
