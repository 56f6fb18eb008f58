using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The k → ∞ limit of a rate-only protocol: with W = exp(−iθV), θ²/δt → rate and a zero-mean coupling
/// (tr_E V(1⊗η) = 0), one collision maps ρ to ρ + rate·δt·tr_E(V(ρ⊗η)V − ½{V², ρ⊗η}) + o(δt), so
/// L = −i[H_S,·] + Σ_j rate_j 𝒟_j. Written in Lindblad form with jump operators L_{kl} = √(rate·p_k) ⟨l|_E V |k⟩_E
/// (η = Σ_k p_k |k⟩⟨k|): Σ L ρ L† = tr_E V(ρ⊗η)V and Σ L†L = tr_E V²(1⊗η). Each jump operator is then put in the
/// traceless (canonical) form L₀ = L − c·1, c = tr L / d_S, moving ½[c̄L₀ − cL₀†, ·] into H as (i/2)(c̄L₀ − cL₀†), which
/// leaves the generator unchanged; so the dephasing jump √(2η)|1⟩⟨1| comes out as the textbook √(η/2)σz (up to a
/// phase) and Σ L†L, which Kraus forms read, is the conventional one. A cascade (one ancilla meeting entries
/// i = 1 … n in order) adds the cross terms Σ_{i&lt;j} √(r_i r_j) tr_E(V_i X V_j + V_j X V_i − V_j V_i X − X V_i V_j),
/// X = ρ⊗η: the cascaded master equation, written as the collective coupling Σ_i √r_i V_i plus an ordering
/// Hamiltonian (<see cref="CascadeTerms"/>). O(Σ_j d_E² n_j³ + d_S²) per bath.
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
            if (bath.Collision.Cascade is { } cascade)
            {
                // The ancilla meets the entries in order: one collective jump family from Σ_i √r_i V_i and the
                // ordering Hamiltonian (Gardiner–Carmichael); see CascadeTerms.
                var (collective, ordering) = CascadeTerms(cascade, bath.Ancilla.State.ToMatrix());
                var hCascade = Tensor.Embed(ordering, space, bath.ActsOn.ToArray());
                h = 0.5 * (h + hCascade + (h + hCascade).ConjugateTranspose());
                AddJumps(collective, 1, bath, space, jumps, ref h);
                continue;
            }
            double rate = bath.Collision.Rate!.Value;
            if (rate == 0) continue;
            AddJumps(bath.Collision.Coupling!, rate, bath, space, jumps, ref h);
        }
        return new Lindbladian(space, h, jumps);
    }

    // The jumps L_kl = √(rate·p_k) ⟨l|_E V |k⟩_E of a coupling V on (bath.ActsOn ⊗ ancilla), each made traceless.
    private static void AddJumps(Matrix<Complex> v, double rate, Bath bath, Spaces.CompositeSpace space, List<Matrix<Complex>> jumps, ref Matrix<Complex> h)
    {
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

    /// <summary>
    /// The two pieces of a cascade's limit, on (the cascade's parts ⊗ ancilla) and on its parts: the collective
    /// coupling V = Σ_i √r_i Ṽ_i (Ṽ_i entry i's coupling embedded there) and the ordering Hamiltonian
    /// H_casc = (i/2) Σ_{i&lt;j} √(r_i r_j) tr_E([Ṽ_i, Ṽ_j](1⊗η)). To second order W_n⋯W_1 gives
    /// Σ_{ij} √(r_i r_j) tr_E(Ṽ_i X Ṽ_j) − Σ_i (r_i/2) tr_E{Ṽ_i², X} − Σ_{i&lt;j} √(r_i r_j) tr_E(Ṽ_j Ṽ_i X + X Ṽ_i Ṽ_j)
    /// per unit time (X = ρ⊗η); the collective dissipator 𝒟[V] has the symmetric ½{Ṽ_iṼ_j + Ṽ_jṼ_i, X} instead, and
    /// the difference, −½[Σ_{i&lt;j} √(r_i r_j)[Ṽ_j, Ṽ_i], X], is −i[H_casc, ρ] after the trace over E. For
    /// Ṽ_i = L_i⊗b† + h.c. and a vacuum ancilla, H_casc = (i/2)√(r₁r₂)(L₁†L₂ − L₂†L₁). O(n²·D³).
    /// </summary>
    private static (Matrix<Complex> Collective, Matrix<Complex> Ordering) CascadeTerms(CascadeCollision cascade, Matrix<Complex> eta)
    {
        var weighted = cascade.Entries.Select((e, i) => Math.Sqrt(e.Collision.Rate!.Value) * cascade.Embed(i, e.Collision.Coupling!)).ToArray();
        var collective = weighted.Aggregate((x, y) => x + y);
        var commutators = Matrix<Complex>.Build.Dense(collective.RowCount, collective.ColumnCount);
        for (int i = 0; i < weighted.Length; i++)
            for (int j = i + 1; j < weighted.Length; j++) commutators += Tensor.Commutator(weighted[i], weighted[j]);
        var ordering = new Complex(0, 0.5) * MeanOf(commutators, eta);
        return (collective, 0.5 * (ordering + ordering.ConjugateTranspose()));
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
            if (bath.HasFeedback)
                return $"{where}.feedback: the returning ancilla feeds the system's past back after a delay, so the reduced dynamics is not Markovian and there is no Lindblad limit.";
            if (bath.Drive is not null) return $"{where}.drive: a driven bath has no fixed Lindblad limit (drives are not supported here).";
            if (bath.HasMemory) return $"{where} has a memory collision: the reduced dynamics is not Markovian, so there is no Lindblad limit.";
            if (bath.Collision.Cascade is { } cascade)
            {
                for (int i = 0; i < cascade.Entries.Count; i++)
                    if (WhyNone(cascade.Entries[i].Collision, bath.Ancilla, $"{where}.cascade[{i}]") is { } entryWhy) return entryWhy;
                continue;
            }
            if (WhyNone(bath.Collision, bath.Ancilla, where) is { } why) return why;
        }
        return null;
    }

    // Why one collision (a bath's, or a cascade entry's) has no limit: it does not shrink with δt, or its first-order
    // term tr_E V(1⊗η) does not vanish.
    private static string? WhyNone(BathCollision collision, AncillaState ancilla, string where)
    {
        switch (collision.Kind)
        {
            case BathCollisionKind.Angle: return $"{where} has a fixed angle: its collision does not shrink with δt, so there is no Lindblad limit (give a rate).";
            case BathCollisionKind.Unitary: return $"{where} is given as a unitary: it does not shrink with δt, so there is no Lindblad limit (give a coupling and a rate).";
            case BathCollisionKind.TimeDependent: return $"{where} has a time-dependent collision: no fixed Lindblad limit.";
        }
        var v = collision.Coupling!;
        var mean = MeanOf(v, ancilla.State.ToMatrix());
        double scale = Math.Max(1, v.FrobeniusNorm());
        if (mean.FrobeniusNorm() > MeanTolerance * scale)
            return $"{where}: the coupling has a nonzero mean tr_E V(1⊗η) (norm {mean.FrobeniusNorm():G3}); its first-order term grows as 1/√δt, so the limit diverges.";
        return null;
    }

    /// <summary>tr_E V(1⊗η) on the bath's subsystems (dimension n/d_E). O(n² d_E).</summary>
    public static Matrix<Complex> MeanCoupling(Bath bath)
    {
        ArgumentNullException.ThrowIfNull(bath);
        var v = bath.Collision.Coupling ?? throw new ParameterOutOfRangeException("The bath's collision has no coupling.", nameof(bath));
        return MeanOf(v, bath.Ancilla.State.ToMatrix());
    }

    // tr_E X(1⊗η) for an operator X on (part ⊗ E), E least significant. O(n² d_E).
    private static Matrix<Complex> MeanOf(Matrix<Complex> x, Matrix<Complex> eta)
    {
        int de = eta.RowCount, dl = x.RowCount / de;
        var mean = Matrix<Complex>.Build.Dense(dl, dl);
        for (int a = 0; a < dl; a++)
            for (int b = 0; b < dl; b++)
            {
                Complex sum = 0;
                for (int l = 0; l < de; l++)
                    for (int k = 0; k < de; k++)
                        sum += x[a * de + l, b * de + k] * eta[k, l];
                mean[a, b] = sum;
            }
        return mean;
    }
}
