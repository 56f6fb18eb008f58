using CollisionModel.Engines;
using CollisionModel.Models;
using CsCheck;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Properties;

/// <summary>
/// The first law with drives on the random protocols of <see cref="ThermodynamicLawProperties"/>: H_S(t) = f(t)·H_S
/// with a random piecewise-linear f (one to four points, half the cases periodic) and, in half the cases, a random
/// drive on bath 0's rate; eight steps on the streaming engine, and on the engines that keep every ancilla (explicit,
/// mps) two steps of at most two baths.
/// </summary>
public class DrivenFirstLawProperties
{
    private static readonly Gen<Drive> Drives =
        Gen.Int[1, 4].SelectMany(points => Gen.Select(Gen.Double[0.05, 0.6].Array[points - 1], Gen.Double[0, 3].Array[points], Gen.Bool,
            Gen.Double[0, 0.5], (gaps, scale, periodic, extra) =>
            {
                var times = new double[points];
                for (int i = 1; i < points; i++) times[i] = times[i - 1] + gaps[i - 1];
                return new Drive(times, scale, periodic ? times[^1] + extra + 0.05 : null);
            }));

    private static readonly Gen<(ThermodynamicLawProperties.Case Case, Drive System)> DrivenCases =
        Gen.Select(ThermodynamicLawProperties.Cases, Drives, Drives, Gen.Bool, (c, systemDrive, bathDrive, driveBath) =>
        {
            var p = c.Protocol;
            var b0 = p.Baths[0];
            var baths = driveBath ? p.Baths.Skip(1).Prepend(new Bath(b0.ActsOn, b0.Ancilla, b0.Collision, drive: bathDrive)).ToArray() : p.Baths.ToArray();
            var driven = new CollisionProtocol(p.SystemSpace.Dimensions, p.SubsystemsB, baths, c.SystemHamiltonian, p.Splitting, systemDrive);
            return (c with { Protocol = driven }, systemDrive);
        });

    [Theory]
    [InlineData(Representation.Streaming)]
    [InlineData(Representation.Explicit)]
    [InlineData(Representation.Mps)]
    public void The_first_law_with_drive_work_closes_to_rounding_on_random_drives(Representation representation)
    {
        // The test measures E_S(n) = f(t_n)·tr ρ_S(n) H_S on the engine's states and sums its own drive work
        // Σ_n [f(t_{n+1}) − f(t_n)]·tr ρ_S(n+1) H_S; the ledger's drive_work equals that sum to 1e-12 and
        // E_S(K) − E_S(0) = Σ_j Q_j + W + drive_work to 1e-12 (relative to the terms' size).
        // The explicit vector and the exact mps keep every ancilla (a mixed one with its purifying partner), and the mps
        // computes the whole-E entropies of mixed ancillas from the dense vector (O(amplitudes^1.5) per step, minutes
        // near its 2²² limit): both run 2 steps of at most two baths, at most 36·9⁴ amplitudes.
        int steps = representation == Representation.Streaming ? 8 : 2;
        var cases = representation == Representation.Streaming ? DrivenCases : DrivenCases.Where(t => t.Case.Protocol.Baths.Count <= 2);
        DeterministicCheck.ForAll(cases, t =>
        {
            var (c, drive) = t;
            var options = new CollisionRunOptions { Protocol = c.Protocol, InitialSystem = c.Initial, Grid = TimeGrid.OfStep(c.TimeStep, steps) };
            ICollisionEngine engine = representation switch
            {
                Representation.Streaming => new StreamingCollisionEngine(options),
                Representation.Explicit => new ExplicitCollisionEngine(options),
                _ => new MpsCollisionEngine(options),
            };
            double Bare() => Expectation(c.SystemHamiltonian, engine.SystemState().ToMatrix());
            double f(int n) => drive.At(n * c.TimeStep);
            double energy0 = f(0) * Bare();
            double driveWork = 0, driveScale = 0;
            for (int n = 0; n < steps; n++)
            {
                engine.Advance();
                double term = (f(n + 1) - f(n)) * Bare();
                driveWork += term;
                driveScale += Math.Abs(term);
            }
            double energyK = f(steps) * Bare();
            var totals = engine.Thermodynamics()!;
            Assert.True(Math.Abs(totals.DriveWork!.Value - driveWork) <= 1e-12 * (1 + driveScale),
                $"drive work: ledger {totals.DriveWork:R}, test {driveWork:R}");
            double heat = totals.Heat.Sum(q => q!.Value);
            double scale = 1 + Math.Abs(heat) + Math.Abs(totals.Work!.Value) + driveScale;
            double residual = energyK - energy0 - heat - totals.Work!.Value - totals.DriveWork!.Value;
            Assert.True(Math.Abs(residual) <= 1e-12 * scale, $"ΔE_S − ΣQ − W − W_drive = {residual:G3}");
            Assert.True(Math.Abs(totals.FirstLawResidual!.Value) <= 1e-12 * scale, $"ledger's own residual {totals.FirstLawResidual:G3}");
        }, cases: representation == Representation.Streaming ? 60 : 25, stream: 24);
    }
}
