using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;

namespace CollisionModel.States;

/// <summary>
/// A normalised pure state |ψ⟩ on a <see cref="CompositeSpace"/>. Immutable: the amplitudes are copied in.
/// Amplitude index = flat index of the composite basis, subsystem 0 most significant (|00⟩, |01⟩, |10⟩, |11⟩).
/// </summary>
public sealed class Ket
{
    private readonly Complex[] _amplitudes;

    private Ket(CompositeSpace space, Complex[] amplitudes)
    {
        Space = space;
        _amplitudes = amplitudes;
    }

    /// <summary>The space the state lives in.</summary>
    public CompositeSpace Space { get; }

    /// <summary>The amplitudes ⟨i|ψ⟩.</summary>
    public ReadOnlySpan<Complex> Amplitudes => _amplitudes;

    /// <summary>Amplitude ⟨i|ψ⟩.</summary>
    public Complex this[int i] => _amplitudes[i];

    /// <summary>
    /// A few-digit summary: the dimension, the subsystems and the first amplitudes, e.g.
    /// <c>Ket of dimension 4 on 2⊗2: [0.7071, 0, 0, 0.7071]</c>. O(min(D, 8)).
    /// </summary>
    public override string ToString() =>
        $"Ket of dimension {_amplitudes.Length} on {Space}: {ReadableText.List(_amplitudes, ReadableText.Complex)}";

    /// <summary>
    /// Validates and wraps amplitudes: throws when the length is not the space dimension, an entry is not finite,
    /// or |‖ψ‖² − 1| exceeds <paramref name="normTolerance"/>.
    /// </summary>
    public static Ket Create(ReadOnlySpan<Complex> amplitudes, CompositeSpace space, double normTolerance = Tolerances.Trace)
    {
        double norm2 = CheckedNormSquared(amplitudes, space);
        if (Math.Abs(norm2 - 1) > normTolerance)
            throw new TraceNotOneException($"A ket must have norm 1, got ‖ψ‖² = {norm2:G17}.", nameof(amplitudes));
        return new Ket(space, amplitudes.ToArray());
    }

    /// <summary>Normalises the amplitudes (throws when they are all zero or not finite).</summary>
    public static Ket Normalized(ReadOnlySpan<Complex> amplitudes, CompositeSpace space)
    {
        double norm2 = CheckedNormSquared(amplitudes, space);
        if (norm2 == 0) throw new TraceNotOneException("Cannot normalise the zero vector.", nameof(amplitudes));
        var a = amplitudes.ToArray();
        double inv = 1 / Math.Sqrt(norm2);
        for (int i = 0; i < a.Length; i++) a[i] *= inv;
        return new Ket(space, a);
    }

    /// <summary>‖ψ‖² of amplitudes checked to be finite and as many as the space's dimension.</summary>
    private static double CheckedNormSquared(ReadOnlySpan<Complex> amplitudes, CompositeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (amplitudes.Length != space.Dimension)
            throw new DimensionMismatchException($"A ket on {space} needs {space.Dimension} amplitudes, got {amplitudes.Length}.", nameof(amplitudes));
        Guard.FiniteEntries(amplitudes, nameof(amplitudes));
        double norm2 = 0;
        foreach (var z in amplitudes) norm2 += z.Real * z.Real + z.Imaginary * z.Imaginary;
        return norm2;
    }

    /// <summary>The basis state |index⟩.</summary>
    public static Ket Basis(CompositeSpace space, int index)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (index < 0 || index >= space.Dimension)
            throw new DimensionMismatchException($"Basis index {index} is outside 0..{space.Dimension - 1}.", nameof(index));
        var a = new Complex[space.Dimension];
        a[index] = 1;
        return new Ket(space, a);
    }

    /// <summary>|Φ⁺⟩ = (|00⟩ + |11⟩)/√2.</summary>
    public static Ket PhiPlus
    {
        get
        {
            // Both amplitudes are √½ exactly (the paper's a|00⟩ + √(1 − a²)|11⟩ at a = √½ would give √(1 − ½) one ulp below it).
            var amps = new Complex[4];
            amps[0] = Math.Sqrt(0.5);
            amps[3] = Math.Sqrt(0.5);
            return new Ket(CompositeSpace.Qubits(2), amps);
        }
    }

    /// <summary>|Ψ⁻⟩ = (|01⟩ − |10⟩)/√2, the singlet.</summary>
    public static Ket Singlet
    {
        get
        {
            var amps = new Complex[4];
            amps[1] = Math.Sqrt(0.5);
            amps[2] = -Math.Sqrt(0.5);
            return new Ket(CompositeSpace.Qubits(2), amps);
        }
    }

    /// <summary>|ψ⟩ ⊗ |φ⟩ ⊗ …, first factor most significant.</summary>
    public static Ket Product(params Ket[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Length == 0) throw new DimensionMismatchException("A product needs at least one factor.", nameof(factors));
        var amps = factors[0]._amplitudes;
        var dims = new List<int>(factors[0].Space.Dimensions);
        for (int f = 1; f < factors.Length; f++)
        {
            var b = factors[f]._amplitudes;
            var next = new Complex[amps.Length * b.Length];
            for (int i = 0; i < amps.Length; i++)
                for (int j = 0; j < b.Length; j++) next[i * b.Length + j] = amps[i] * b[j];
            amps = next;
            dims.AddRange(factors[f].Space.Dimensions);
        }
        return new Ket(new CompositeSpace(dims.ToArray()), factors.Length == 1 ? (Complex[])amps.Clone() : amps);
    }

    /// <summary>⟨this|other⟩.</summary>
    public Complex Inner(Ket other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Space.Equals(Space)) throw new DimensionMismatchException($"Kets live on {Space} and {other.Space}.", nameof(other));
        Complex s = 0;
        for (int i = 0; i < _amplitudes.Length; i++) s += Complex.Conjugate(_amplitudes[i]) * other._amplitudes[i];
        return s;
    }

    internal static Ket Trusted(CompositeSpace space, Complex[] amplitudes) => new(space, amplitudes);
}
