using CollisionModel.MasterEquation;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Tests.Studies;

/// <summary>The conjecture study loop: rates only away from equilibrium, the worst ratio the largest one sampled.</summary>
public class ConjectureStudyTests
{
    [Fact]
    public void Rates_stop_at_equilibrium_and_the_worst_ratio_is_the_largest_sampled()
    {
        var random = new QuantumRandom(11);
        var model = DetailedBalanceGenerator.Sample(random);
        var rho0 = DensityMatrix.FromKet(random.Ket(model.Gibbs.Space));
        // Pair rates ≥ 0.1 relax every mode at least that fast: by t = 400 the distance is below e^{−40}, far inside 1e-4.
        double[] times = [0.1, 0.5, 1.5, 400];
        var study = ConjectureStudy.Run(model, rho0, times);
        Assert.Equal(times, study.Points.Select(p => p.Time));
        Assert.Null(study.Points[^1].Rates);
        Assert.True(study.Points[^1].TraceDistanceToGibbs < ConjectureStudy.EquilibriumResolution);
        var ratios = study.Points.Select(p => p.Rates?.ConjectureRatio).OfType<double>().ToArray();
        Assert.NotEmpty(ratios);
        Assert.Equal(ratios.Max(), study.Worst!.Ratio);
        Assert.Equal(study.Points[study.Worst.Index].Time, study.Worst.Time);
    }
}
