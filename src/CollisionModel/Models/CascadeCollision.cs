using System.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// A cascaded collision: one ancilla meets several system parts in order with nothing in between (a field passing one
/// system, then the next), so the bath's collision is W = W_n⋯W_1 on (the union of the entries' parts ⊗ the ancilla).
/// The union lists the parts in the order they first appear in the entries; each W_i is embedded there as W_i ⊗ 1.
/// Immutable; entries validated on construction (each failure names <c>cascade[i]</c> and its key).
/// </summary>
public sealed class CascadeCollision
{
    private readonly int[][] _positions;
    private readonly CompositeSpace _space;

    /// <summary>Validates the entries against the system's subsystem dimensions and the ancilla's dimension.</summary>
    /// <param name="entries">One or more entries, in collision order.</param>
    /// <param name="systemDimensions">The system's subsystem dimensions (as in <c>dims</c>).</param>
    /// <param name="ancillaDimension">The ancilla's dimension d_E ≥ 2.</param>
    public CascadeCollision(IReadOnlyList<CascadeEntry> entries, IReadOnlyList<int> systemDimensions, int ancillaDimension)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(systemDimensions);
        if (entries.Count == 0) throw new DimensionMismatchException("A cascade needs at least one entry.", "cascade");
        if (ancillaDimension < 2) throw new DimensionMismatchException($"An ancilla has dimension ≥ 2, got {ancillaDimension}.", "ancilla");
        var parts = new List<int>();
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentNullException(nameof(entries));
            string where = $"cascade[{i}]";
            if (entry.ActsOn.Count == 0) throw new DimensionMismatchException($"{where}: an entry must act on at least one system subsystem.", $"{where}.acts_on");
            if (entry.ActsOn.Distinct().Count() != entry.ActsOn.Count)
                throw new DimensionMismatchException($"{where}: the subsystems must be distinct, got [{string.Join(", ", entry.ActsOn)}].", $"{where}.acts_on");
            int local = ancillaDimension;
            foreach (int k in entry.ActsOn)
            {
                if (k < 0 || k >= systemDimensions.Count)
                    throw new DimensionMismatchException($"{where}: subsystem {k} is out of range 0 … {systemDimensions.Count - 1}.", $"{where}.acts_on");
                local *= systemDimensions[k];
                if (!parts.Contains(k)) parts.Add(k);
            }
            if (entry.Collision.Dimension != local)
                throw new DimensionMismatchException(
                    $"{where}: the collision must act on (acts_on subsystems ⊗ ancilla) of dimension {local}, got {entry.Collision.Dimension}.", $"{where}.coupling");
            entry.Collision.CheckFactors(systemDimensions, entry.ActsOn, ancillaDimension, $"{where}.coupling");
            if (entry.Collision.Kind == BathCollisionKind.Cascade)
                throw new ParameterOutOfRangeException($"{where}: an entry cannot itself be a cascade (list its parts as entries).", where);
        }
        Entries = entries.ToArray();
        Parts = parts.ToArray();
        PartDimensions = parts.Select(k => systemDimensions[k]).ToArray();
        _space = new CompositeSpace([.. parts.Select(k => systemDimensions[k]), ancillaDimension]);
        int ancilla = parts.Count;
        _positions = Entries.Select(e => e.ActsOn.Select(k => parts.IndexOf(k)).Append(ancilla).ToArray()).ToArray();
        Dimension = _space.Dimension;
    }

    /// <summary>The entries, in collision order.</summary>
    public IReadOnlyList<CascadeEntry> Entries { get; }

    /// <summary>The union of the entries' subsystems, in order of first appearance: the bath's <c>acts_on</c>.</summary>
    public IReadOnlyList<int> Parts { get; }

    /// <summary>The dimensions of <see cref="Parts"/>, as the system's <c>dims</c> gave them.</summary>
    public IReadOnlyList<int> PartDimensions { get; }

    /// <summary>The dimension of W: the product of the parts' dimensions times d_E.</summary>
    public int Dimension { get; }

    /// <summary>True when no entry's collision depends on the step.</summary>
    public bool IsTimeIndependent => Entries.All(e => e.Collision.IsTimeIndependent);

    /// <summary>
    /// An operator of entry <paramref name="entry"/> (on its subsystems ⊗ ancilla) as the operator on (<see cref="Parts"/>
    /// ⊗ ancilla) that acts as the identity on the other parts. O(D²), D = <see cref="Dimension"/>.
    /// </summary>
    public Matrix<Complex> Embed(int entry, Matrix<Complex> local)
    {
        if (entry < 0 || entry >= Entries.Count) throw new ParameterOutOfRangeException($"No cascade entry {entry} (0 … {Entries.Count - 1}).", nameof(entry));
        return Tensor.Embed(local, _space, _positions[entry]);
    }

    /// <summary>W = W_n⋯W_1 for step <paramref name="stepIndex"/>; an entry's failure names <c>cascade[i]</c> and its key. O(n·D³).</summary>
    public Matrix<Complex> UnitaryFor(int stepIndex, double time, double timeStep)
    {
        Matrix<Complex>? product = null;
        for (int i = 0; i < Entries.Count; i++)
        {
            var w = Embed(i, Named(i, () => Entries[i].Collision.UnitaryFor(stepIndex, time, timeStep)));
            product = product is null ? w : w * product;
        }
        return product!;
    }

    /// <summary>
    /// W − 1 without cancellation, from the entries' W_i − 1 = D_i: P_i − 1 = D_i + (P_{i−1} − 1) + D_i(P_{i−1} − 1)
    /// with P_i = W_i⋯W_1, so no 1 + tiny is ever formed. Null when an entry is given as a unitary. O(n·D³).
    /// </summary>
    public Matrix<Complex>? DeviationFor(double timeStep)
    {
        Matrix<Complex>? deviation = null;
        for (int i = 0; i < Entries.Count; i++)
        {
            var local = Named(i, () => Entries[i].Collision.DeviationFor(timeStep));
            if (local is null) return null;
            var d = Embed(i, local);
            deviation = deviation is null ? d : d + deviation + d * deviation;
        }
        return deviation;
    }

    private static T Named<T>(int entry, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (QuantumInputException e) when (e is not ModelFileException)
        {
            string key = string.IsNullOrEmpty(e.ParamName) ? $"cascade[{entry}]" : $"cascade[{entry}].{e.ParamName}";
            // The key carries the entry; the protocol prefixes the bath when it names the failure.
            throw new ParameterOutOfRangeException(ModelFileElement.WithoutParameterSuffix(e), key);
        }
    }
}
