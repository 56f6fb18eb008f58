using System.Numerics;
using CollisionModel.Monitoring;

namespace CollisionModel.Tests.Monitoring;

public class KrylovTests
{
    // y = A x for A = diag(values): the claims are about the stopping rule, not the convergence rate.
    private static Action<Complex[], Complex[]> Diagonal(Complex[] values) => (x, y) =>
    {
        for (int i = 0; i < x.Length; i++) y[i] = values[i] * x[i];
    };

    // y = P x for the cyclic shift P: its n eigenvalues are the n-th roots of unity, all of modulus 1, so no Krylov
    // space smaller than n singles out a leading eigenvector.
    private static void Shift(Complex[] x, Complex[] y)
    {
        for (int i = 0; i < x.Length; i++) y[(i + 1) % x.Length] = x[i];
    }

    private static Complex[] Generic(int n) => [.. Enumerable.Range(0, n).Select(i => new Complex(1 + Math.Sin(1.7 * i), Math.Cos(0.9 * i)))];

    [Fact]
    public void A_leading_eigenvalue_separated_from_the_rest_is_found_to_the_tolerance()
    {
        // Reference: the diagonal map's largest entry 1.5; n = 100 > the basis size, so restarts are needed.
        const int n = 100;
        var values = Enumerable.Range(0, n).Select(i => new Complex(i == 37 ? 1.5 : 1.4 * Math.Cos(0.3 * i), 0)).ToArray();
        var (value, vector, _) = Krylov.Leading(Diagonal(values), Generic(n));
        Assert.Equal(1.5, value.Real, 1e-12);
        Assert.Equal(0, value.Imaginary, 1e-12);
        double norm = Math.Sqrt(vector.Sum(z => z.Magnitude * z.Magnitude));
        Assert.Equal(1, vector[37].Magnitude / norm, 1e-10);
    }

    [Fact]
    public void An_iteration_that_cannot_converge_throws_naming_the_problem_instead_of_returning_its_last_guess()
    {
        // The cyclic shift on n = 97 > the basis size: 97 eigenvalues of modulus 1, none leading, so three cycles leave
        // the residual far above 1e-13 (left its 200 cycles, the thick restarts do settle on one of them) and
        // the iteration must say so rather than return its last Ritz value.
        const int n = 97, cycles = 3;
        var e = Assert.Throws<KrylovConvergenceException>(() => Krylov.Leading(Shift, Generic(n), cycles));
        Assert.Equal(cycles, e.Cycles);
        Assert.True(e.RelativeResidual > Krylov.Tolerance);
        Assert.Contains("did not converge", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solve_reaches_the_residual_target()
    {
        // Reference: A = diag(a_i) with a_i in [1, 2], so x_i = b_i / a_i; n = 100 > the basis size.
        const int n = 100;
        var values = Enumerable.Range(0, n).Select(i => new Complex(1.5 + 0.5 * Math.Sin(0.7 * i), 0)).ToArray();
        var b = Generic(n);
        var x = Krylov.Solve(Diagonal(values), b, 0);
        for (int i = 0; i < n; i++) Assert.True((x[i] - b[i] / values[i]).Magnitude < 1e-11, $"x[{i}] = {x[i]}");
    }

    [Fact]
    public void A_solve_that_stalls_above_its_target_throws_instead_of_returning_its_last_iterate()
    {
        // A = diag(0, 1, …, 1) and b with a component along the null direction e_0: no x brings ‖b − A x‖ below |b_0| = 1,
        // so GMRES stalls at a relative residual of at least |b_0| / ‖b‖ = 1/√n, far above 1e-13 (the Krylov space of b is
        // invariant with a singular H there, so the iterate it returns is worse still).
        const int n = 60;
        var values = Enumerable.Range(0, n).Select(i => new Complex(i == 0 ? 0 : 1, 0)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => Complex.One).ToArray();
        var e = Assert.Throws<KrylovConvergenceException>(() => Krylov.Solve(Diagonal(values), b, 0));
        Assert.True(e.RelativeResidual >= 1 / Math.Sqrt(n) - 1e-12, $"relative residual {e.RelativeResidual}");
        Assert.Contains("GMRES", e.Message, StringComparison.Ordinal);
    }
}
