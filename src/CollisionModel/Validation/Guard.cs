using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Validation;

/// <summary>Input checks shared by every public entry point; each throws a named <see cref="QuantumInputException"/>.</summary>
public static class Guard
{
    /// <summary>Throws <see cref="NonFiniteValueException"/> when <paramref name="value"/> is NaN or infinite.</summary>
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new NonFiniteValueException($"{name} must be a finite number, got {value}.", name);
    }

    /// <summary>Throws when <paramref name="value"/> is not finite or is negative.</summary>
    public static void NonNegative(double value, string name)
    {
        Finite(value, name);
        if (value < 0) throw new ParameterOutOfRangeException($"{name} must be ≥ 0, got {value}.", name);
    }

    /// <summary>Throws when <paramref name="value"/> is not finite or not strictly positive.</summary>
    public static void Positive(double value, string name)
    {
        Finite(value, name);
        if (value <= 0) throw new ParameterOutOfRangeException($"{name} must be > 0, got {value}.", name);
    }

    /// <summary>Throws when <paramref name="value"/> is outside [lo, hi] or not finite.</summary>
    public static void InRange(double value, double lo, double hi, string name)
    {
        Finite(value, name);
        if (value < lo || value > hi)
            throw new ParameterOutOfRangeException($"{name} must lie in [{lo}, {hi}], got {value}.", name);
    }

    /// <summary>Throws <see cref="NonFiniteValueException"/> when any entry is NaN or infinite.</summary>
    public static void FiniteEntries(ReadOnlySpan<Complex> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i].Real) || !double.IsFinite(values[i].Imaginary))
                throw new NonFiniteValueException($"{name} has a NaN or infinite entry at flat index {i}.", name);
        }
    }

    /// <summary>Throws unless <paramref name="m"/> is square with every entry finite.</summary>
    public static void SquareFinite(Matrix<Complex> m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.RowCount != m.ColumnCount)
            throw new DimensionMismatchException($"{name} must be square, got {m.RowCount}×{m.ColumnCount}.", name);
        FiniteEntries(m.AsColumnMajorArray() ?? m.ToColumnMajorArray(), name);
    }

    /// <summary>Throws unless <paramref name="m"/> is square of size <paramref name="dimension"/>.</summary>
    public static void Dimension(Matrix<Complex> m, int dimension, string name)
    {
        SquareFinite(m, name);
        if (m.RowCount != dimension)
            throw new DimensionMismatchException(
                $"{name} must be {dimension}×{dimension}, got {m.RowCount}×{m.ColumnCount}.", name);
    }

    /// <summary>Throws <see cref="NotHermitianException"/> when max |A_ij − conj(A_ji)| exceeds the tolerance.</summary>
    public static void Hermitian(Matrix<Complex> m, string name, double tolerance = Tolerances.Hermiticity)
    {
        Tolerance(tolerance);
        SquareFinite(m, name);
        int n = m.RowCount;
        double scale = 1;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                scale = Math.Max(scale, m[i, j].Magnitude);
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double dev = (m[i, j] - Complex.Conjugate(m[j, i])).Magnitude;
                if (dev > tolerance * scale)
                    throw new NotHermitianException(
                        $"{name} is not Hermitian: |A[{i},{j}] − conj(A[{j},{i}])| = {dev:G3} > {tolerance:G3}.", name);
            }
        }
    }

    /// <summary>Throws <see cref="TraceNotOneException"/> when |tr m − 1| exceeds the tolerance.</summary>
    public static void UnitTrace(Matrix<Complex> m, string name, double tolerance = Tolerances.Trace)
    {
        Tolerance(tolerance);
        Complex tr = m.Trace();
        if (Math.Abs(tr.Real - 1) > tolerance || Math.Abs(tr.Imaginary) > tolerance)
            throw new TraceNotOneException($"{name} must have trace 1, got {tr.Real:G17}{(tr.Imaginary == 0 ? "" : $" + {tr.Imaginary:G3}i")}.", name);
    }

    /// <summary>Throws <see cref="NotUnitaryException"/> when max |U†U − 1| exceeds the tolerance.</summary>
    public static void Unitary(Matrix<Complex> u, string name, double tolerance = Tolerances.Unitarity)
    {
        Tolerance(tolerance);
        SquareFinite(u, name);
        var d = u.ConjugateTranspose() * u;
        for (int i = 0; i < d.RowCount; i++)
        {
            for (int j = 0; j < d.ColumnCount; j++)
            {
                double dev = (d[i, j] - (i == j ? Complex.One : Complex.Zero)).Magnitude;
                if (dev > tolerance)
                    throw new NotUnitaryException($"{name} is not unitary: |(U†U − 1)[{i},{j}]| = {dev:G3} > {tolerance:G3}.", name);
            }
        }
    }

    /// <summary>
    /// Throws unless a tolerance is finite and ≥ 0: a NaN tolerance would make every "deviation &gt; tolerance"
    /// comparison false and silently switch the check off.
    /// </summary>
    public static void Tolerance(double tolerance, string name = "tolerance") => NonNegative(tolerance, name);
}
