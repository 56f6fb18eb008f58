using CollisionModel.Cli.Commands;
using CollisionModel.MasterEquation;
using CollisionModel.Studies;

namespace CollisionModel.Cli.Runners;

/// <summary><c>collision master</c> backed by <see cref="MasterEquationStudy.Run"/>: translates options and results only.</summary>
public sealed class MasterRunner : IMasterRunner
{
    /// <inheritdoc />
    public MasterResult Run(MasterOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rates = options.Rates;
        var parameters = new PaperMasterEquationParameters(rates.Omega, rates.Gamma, rates.Kappa, rates.Eta);
        var study = MasterEquationStudy.Run(options.A, parameters, options.Qubit, options.Time, options.Points, progress);
        var points = study.Points.Select(p => new MasterPoint(p.Time, p.State, p.Entropy,
            p.RelativeEntropyOfEntanglement, p.RelativeEntropyOfEntanglementLower, p.Concurrence,
            p.Rates.EntropyProduction, p.Rates.EntanglementProduction, p.Rates.ConjectureRatio)).ToList();
        return new MasterResult(points, study.SuddenDeathTime, study.StationaryState, study.MaxConjectureRatio);
    }
}
