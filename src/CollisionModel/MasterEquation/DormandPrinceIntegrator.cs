using System.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Adaptive explicit Runge–Kutta integration of ρ̇ = L_t(ρ) with the Dormand–Prince 5(4) pair (Dormand &amp; Prince
/// 1980; FSAL; local extrapolation, i.e. the 5th-order solution is propagated). Steps are shortened to land exactly
/// on every output time. Step-size control: h ← h · clamp(0.9 · err^(−1/5), 0.2, 5). For constant generators the
/// <see cref="ExactPropagator"/> is exact and faster; this integrator is for driven (time-dependent) systems.
/// </summary>
public static class DormandPrinceIntegrator
{
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;

    /// <summary>
    /// Integrates from ρ(times[0]) = <paramref name="rho0"/> and records the state at each of the ascending
    /// <paramref name="times"/> (observers see ρ̇ = L_t(ρ) on request). Throws <see cref="ParameterOutOfRangeException"/>
    /// for unsorted times or when <see cref="IntegratorOptions.MaxSteps"/> is exceeded.
    /// </summary>
    public static Trajectory Run(TimeDependentLindbladian generator, DensityMatrix rho0, IReadOnlyList<double> times,
        IntegratorOptions? options = null, IEnumerable<TrajectoryObserver>? observers = null, bool storeStates = true)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(rho0);
        ArgumentNullException.ThrowIfNull(times);
        options ??= new IntegratorOptions();
        options.Validate();
        if (rho0.Dimension != generator.Dimension)
            throw new DimensionMismatchException($"The generator acts on {generator.Space}, the state lives on {rho0.Space}.", nameof(rho0));
        if (times.Count == 0) throw new ParameterOutOfRangeException("Need at least one output time.", nameof(times));
        for (int i = 0; i < times.Count; i++)
        {
            Guard.Finite(times[i], nameof(times));
            if (i > 0 && times[i] <= times[i - 1])
                throw new ParameterOutOfRangeException($"Output times must increase strictly; times[{i}] = {times[i]} ≤ {times[i - 1]}.", nameof(times));
        }

        int d = generator.Dimension, n = d * d;
        var recorder = new TrajectoryRecorder(times.Count, observers, storeStates, (t, rho) => generator.At(t).Apply(rho));
        var y = rho0.ColumnMajor.ToArray();
        var k = new Complex[7][];
        for (int s = 0; s < 7; s++) k[s] = new Complex[n];
        var stage = new Complex[n];
        var yNew = new Complex[n];
        var scratch = new Complex[2 * n];

        double t = times[0];
        recorder.Record(t, rho0);
        generator.Apply(t, y, k[0], scratch);
        double h = options.InitialStep ?? InitialStep(y, k[0], options, times[^1] - t);
        int attempts = 0;
        for (int o = 1; o < times.Count; o++)
        {
            double target = times[o];
            while (t < target)
            {
                if (++attempts > options.MaxSteps)
                    throw new ParameterOutOfRangeException($"Dormand–Prince exceeded {options.MaxSteps} steps before t = {target}.", nameof(options));
                if (options.MaxStep is double hm) h = Math.Min(h, hm);
                // Within rounding of the target counts as landing, so no sliver step follows.
                bool lands = t + h >= target - 1e-12 * Math.Max(1, Math.Abs(target));
                double step = lands ? target - t : h;
                if (!lands && step <= 1e-14 * Math.Max(1, Math.Abs(t)))
                    throw new ParameterOutOfRangeException($"Dormand–Prince step size underflow at t = {t} (stiff or non-finite generator?).", nameof(options));

                Combine(y, step, stage, k, A21);
                generator.Apply(t + C2 * step, stage, k[1], scratch);
                Combine(y, step, stage, k, A31, A32);
                generator.Apply(t + C3 * step, stage, k[2], scratch);
                Combine(y, step, stage, k, A41, A42, A43);
                generator.Apply(t + C4 * step, stage, k[3], scratch);
                Combine(y, step, stage, k, A51, A52, A53, A54);
                generator.Apply(t + C5 * step, stage, k[4], scratch);
                Combine(y, step, stage, k, A61, A62, A63, A64, A65);
                generator.Apply(t + step, stage, k[5], scratch);
                Combine(y, step, yNew, k, B1, 0, B3, B4, B5, B6);
                generator.Apply(t + step, yNew, k[6], scratch);

                double err = 0;
                for (int i = 0; i < n; i++)
                {
                    var e = step * (E1 * k[0][i] + E3 * k[2][i] + E4 * k[3][i] + E5 * k[4][i] + E6 * k[5][i] + E7 * k[6][i]);
                    double scale = options.AbsoluteTolerance + options.RelativeTolerance * Math.Max(y[i].Magnitude, yNew[i].Magnitude);
                    double r = e.Magnitude / scale;
                    err += r * r;
                }
                err = Math.Sqrt(err / n);
                if (!double.IsFinite(err))
                    throw new NonFiniteValueException($"The integration produced a non-finite state at t = {t}.", nameof(generator));
                double factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5);
                if (err <= 1)
                {
                    t = lands ? target : t + step;
                    (y, yNew) = (yNew, y);
                    (k[0], k[6]) = (k[6], k[0]); // FSAL: the last stage is the next first stage.
                    // A step shortened to land on an output time says nothing about the natural step size.
                    if (!lands || step >= h) h = step * factor;
                }
                else
                {
                    h = step * Math.Max(factor, 0.2);
                }
            }
            recorder.Record(target, Lindbladian.StateFromVector(rho0.Space, (Complex[])y.Clone()));
        }
        return recorder.Build();
    }

    private static void Combine(Complex[] y, double h, Complex[] dest, Complex[][] k, params ReadOnlySpan<double> a)
    {
        int n = y.Length;
        for (int i = 0; i < n; i++)
        {
            Complex s = Complex.Zero;
            for (int j = 0; j < a.Length; j++)
                if (a[j] != 0) s += a[j] * k[j][i];
            dest[i] = y[i] + h * s;
        }
    }

    /// <summary>Hairer–Nørsett–Wanner's simple starting step: 0.01 · ‖y‖/‖f‖ in the tolerance norm, capped by the span.</summary>
    private static double InitialStep(Complex[] y, Complex[] f, IntegratorOptions o, double span)
    {
        double d0 = 0, d1 = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double sc = o.AbsoluteTolerance + o.RelativeTolerance * y[i].Magnitude;
            d0 += Math.Pow(y[i].Magnitude / sc, 2);
            d1 += Math.Pow(f[i].Magnitude / sc, 2);
        }
        double h = d0 < 1e-10 || d1 < 1e-10 ? 1e-6 : 0.01 * Math.Sqrt(d0 / d1);
        return span > 0 ? Math.Min(h, span) : h;
    }
}
