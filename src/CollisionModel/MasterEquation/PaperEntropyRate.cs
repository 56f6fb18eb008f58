using System.Numerics;
using CollisionModel.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>
/// dS/dt (nats per unit time) of the closed-form ρ(t) of eq. (5) on B (<see cref="PaperMasterEquation.ClosedForm"/>)
/// with every eigenvalue to full relative precision. At small t the X state has eigenvalues of order t and t²
/// (≈ 1e-17 at t = 1e-8); an eigen-decomposition of the 4 × 4 matrix resolves them only to ~1e-16 absolute, which
/// moved σ and σ_E by ~1e-9 relative and made them depend on the time grid. Here the inner block is diagonal
/// (ρ_{01,01} = a²(κ/G)(1−E), ρ_{10,10} = b²(γ/G)(1−E)), and the outer block [[p, c], [c̄, q]] has
/// λ₊ = (p+q)/2 + √(((p−q)/2)² + |c|²) and λ₋ = det/λ₊ with the determinant in the cancellation-free form
/// det = a²b²[E(1 − e^{−2ηt}) + (γκ/G²)(1−E)²], E = e^{−Gt} (1 − e^{−x} by an accurate expm1).
/// </summary>
public static class PaperEntropyRate
{
    /// <summary>
    /// dS/dt = −Σᵢ ⟨i|ρ̇|i⟩ ln λᵢ for ρ = <see cref="PaperMasterEquation.ClosedForm"/>(a, parameters, t) and its derivative
    /// <paramref name="rhoDot"/> (4 × 4, the generator of eq. (5) on B applied to that ρ). Null when an eigenvalue is
    /// exactly 0 or the outer block is degenerate (then the general kernel analysis of <see cref="EntropyProduction"/>
    /// applies). O(1).
    /// </summary>
    public static double? OnB(double a, PaperMasterEquationParameters parameters, double t, Matrix<Complex> rhoDot)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(rhoDot);
        var rho = PaperMasterEquation.ClosedForm(a, parameters, t);
        double a2 = a * a, b2 = Math.Max(0, 1 - a2);
        double g = parameters.G;
        double oneMinusE = -ScalarExpm1.Compute(-g * t);
        double det = a2 * b2 * (Math.Exp(-g * t) * -ScalarExpm1.Compute(-2 * parameters.Eta * t)
            + (g > 0 ? parameters.Gamma * parameters.Kappa / (g * g) * oneMinusE * oneMinusE : 0));

        double p = rho[0, 0].Real, q = rho[3, 3].Real;
        Complex c = rho[0, 3];
        double half = Math.Sqrt(0.25 * (p - q) * (p - q) + c.Magnitude * c.Magnitude);
        double plus = 0.5 * (p + q) + half;
        double minus = det / plus;
        double inner01 = rho[1, 1].Real, inner10 = rho[2, 2].Real;
        if (half == 0 || !(minus > 0) || !(inner01 > 0) || !(inner10 > 0)) return null;

        // The λ₊ eigenvector from the row without cancellation: (λ₊ − q, c̄) when p ≥ q, else (c, λ₊ − p).
        Complex x, y;
        if (p >= q) { x = plus - q; y = Complex.Conjugate(c); }
        else { x = c; y = plus - p; }
        double norm = Math.Sqrt(x.Magnitude * x.Magnitude + y.Magnitude * y.Magnitude);
        x /= norm;
        y /= norm;
        double wPlus = Weight(rhoDot, x, y);
        double wMinus = Weight(rhoDot, -Complex.Conjugate(y), Complex.Conjugate(x));
        return -(wPlus * Math.Log(plus) + wMinus * Math.Log(minus)
            + rhoDot[1, 1].Real * Math.Log(inner01) + rhoDot[2, 2].Real * Math.Log(inner10));
    }

    /// <summary>⟨v|ρ̇|v⟩ for v = x|00⟩ + y|11⟩.</summary>
    private static double Weight(Matrix<Complex> rhoDot, Complex x, Complex y) =>
        (Complex.Conjugate(x) * (rhoDot[0, 0] * x + rhoDot[0, 3] * y) + Complex.Conjugate(y) * (rhoDot[3, 0] * x + rhoDot[3, 3] * y)).Real;
}
