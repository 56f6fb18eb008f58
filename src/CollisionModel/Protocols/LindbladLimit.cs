using System.Numerics;
using CollisionModel.Dynamics;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Protocols;

/// <summary>
/// The k → ∞ limit of a rate-only protocol: with W = exp(−iθV), θ²/δt → rate and a zero-mean coupling
/// (tr_E V(1⊗η) = 0), one collision maps ρ to ρ + rate·δt·tr_E(V(ρ⊗η)V − ½{V², ρ⊗η}) + o(δt), so
/// L = −i[H_S,·] + Σ_j rate_j 𝒟_j. Written in Lindblad form with jump operators L_{kl} = √(rate·p_k) ⟨l|_E V |k⟩_E
/// (η = Σ_k p_k |k⟩⟨k|): Σ L ρ L† = tr_E V(ρ⊗η)V and Σ L†L = tr_E V²(1⊗η). Each jump operator is then put in the
/// traceless (canonical) form L₀ = L − c·1, c = tr L / d_S, moving ½[c̄L₀ − cL₀†, ·] into H as (i/2)(c̄L₀ − cL₀†), which
/// leaves the generator unchanged; so the dephasing jump √(2η)|1⟩⟨1| comes out as the textbook √(η/2)σz (up to a
/// phase) and Σ L†L, which Kraus forms read, is the conventional one. O(Σ_j d_E² n_j³ + d_S²) per bath.
/// </summary>
public static class LindbladLimit
{
    /// <summary>Relative tolerance on ‖tr_E V(1⊗η)‖ / max(1, ‖V‖) for a coupling to count as zero-mean.</summary>
    public const double MeanTolerance = 1e-12;

    /// <summary>The limit generator; throws <see cref="ParameterOutOfRangeException"/> naming the bath when there is none.</summary>
    public static Lindbladian Of(CollisionProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (WhyNone(protocol) is { } why) throw new ParameterOutOfRangeException(why, "baths");
        var space = protocol.SystemSpace;
        var jumps = new List<Matrix<Complex>>();
        var h = protocol.SystemHamiltonian ?? Matrix<Complex>.Build.Dense(space.Dimension, space.Dimension);
        foreach (var bath in protocol.Baths)
        {
            double rate = bath.Collision.Rate!.Value;
            if (rate == 0) continue;
            var v = bath.Collision.Coupling!;
            int de = bath.Ancilla.Dimension, dl = v.RowCount / de;
            var dec = Numerics.HermitianEigen.Decompose(bath.Ancilla.State.ToMatrix());
            for (int k = 0; k < de; k++)
            {
                double p = dec.Values[k];
                if (p <= Tolerances.ZeroEigenvalue) continue;
                var ket = dec.Vectors.Column(k);
                for (int l = 0; l < de; l++)
                {
                    // ⟨l|_E V |k⟩_E with |k⟩ the eigenvector of η (E least significant in V's factors).
                    var op = Matrix<Complex>.Build.Dense(dl, dl);
                    for (int a = 0; a < dl; a++)
                        for (int b = 0; b < dl; b++)
                        {
                            Complex sum = 0;
                            for (int m = 0; m < de; m++) sum += v[a * de + l, b * de + m] * ket[m];
                            op[a, b] = sum;
                        }
                    if (op.FrobeniusNorm() == 0) continue;
                    var jump = Tensor.Embed(Math.Sqrt(rate * p) * op, space, bath.ActsOn.ToArray());
                    h = Traceless(jump, h);
                    jumps.Add(jump);
                }
            }
        }
        return new Lindbladian(space, h, jumps);
    }

    /// <summary>
    /// Makes <paramref name="jump"/> traceless in place (L₀ = L − c·1, c = tr L / d) and returns H plus the
    /// Hamiltonian (i/2)(c̄L₀ − cL₀†) that keeps 𝒟[L] = 𝒟[L₀] − i[(i/2)(c̄L₀ − cL₀†), ·]. H unchanged when c = 0. O(d²).
    /// </summary>
    private static Matrix<Complex> Traceless(Matrix<Complex> jump, Matrix<Complex> h)
    {
        var c = jump.Trace() / jump.RowCount;
        if (c == Complex.Zero) return h;
        for (int i = 0; i < jump.RowCount; i++) jump[i, i] -= c;
        var correction = new Complex(0, 0.5) * (Complex.Conjugate(c) * jump - c * jump.ConjugateTranspose());
        if (correction.FrobeniusNorm() == 0) return h;
        var shifted = h + correction;
        return 0.5 * (shifted + shifted.ConjugateTranspose());
    }

    /// <summary>The reason the protocol has no Lindblad limit, naming the bath, or null when it has one.</summary>
    public static string? WhyNone(CollisionProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.SystemDrive is not null) return "system.drive: a driven Hamiltonian has no fixed Lindblad limit (drives are not supported here).";
        for (int j = 0; j < protocol.Baths.Count; j++)
        {
            var bath = protocol.Baths[j];
            string where = $"baths[{j}]";
            if (bath.Drive is not null) return $"{where}.drive: a driven bath has no fixed Lindblad limit (drives are not supported here).";
            switch (bath.Collision.Kind)
            {
                case BathCollisionKind.Angle: return $"{where} has a fixed angle: its collision does not shrink with δt, so there is no Lindblad limit (give a rate).";
                case BathCollisionKind.Unitary: return $"{where} is given as a unitary: it does not shrink with δt, so there is no Lindblad limit (give a coupling and a rate).";
                case BathCollisionKind.TimeDependent: return $"{where} has a time-dependent collision: no fixed Lindblad limit.";
            }
            if (bath.HasMemory) return $"{where} has a memory collision: the reduced dynamics is not Markovian, so there is no Lindblad limit.";
            var mean = MeanCoupling(bath);
            var v = bath.Collision.Coupling!;
            double scale = Math.Max(1, v.FrobeniusNorm());
            if (mean.FrobeniusNorm() > MeanTolerance * scale)
                return $"{where}: the coupling has a nonzero mean tr_E V(1⊗η) (norm {mean.FrobeniusNorm():G3}); its first-order term grows as 1/√δt, so the limit diverges.";
        }
        return null;
    }

    /// <summary>tr_E V(1⊗η) on the bath's subsystems (dimension n/d_E). O(n² d_E).</summary>
    public static Matrix<Complex> MeanCoupling(Bath bath)
    {
        ArgumentNullException.ThrowIfNull(bath);
        var v = bath.Collision.Coupling ?? throw new ParameterOutOfRangeException("The bath's collision has no coupling.", nameof(bath));
        var eta = bath.Ancilla.State;
        int de = eta.Dimension, dl = v.RowCount / de;
        var mean = Matrix<Complex>.Build.Dense(dl, dl);
        for (int a = 0; a < dl; a++)
            for (int b = 0; b < dl; b++)
            {
                Complex sum = 0;
                for (int l = 0; l < de; l++)
                    for (int k = 0; k < de; k++)
                        sum += v[a * de + l, b * de + k] * eta[k, l];
                mean[a, b] = sum;
            }
        return mean;
    }
}
