using System.Numerics;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

/// <summary>
/// An independent brute-force reference for the matrix-product engine: the global state vector of the system
/// subsystems, every ancilla and its purifying partner (each a labelled factor, appended at the end when it
/// appears), evolved by applying each unitary of <see cref="CollisionProtocol.Step(int, double)"/> to its factors by explicit
/// digit loops. Reduced states by the explicit sum ρ_K[k, k′] = Σ_t ψ[k, t] ψ*[k′, t]. Exponential; small K only.
/// </summary>
internal sealed class DenseCollisionReference
{
    private readonly CollisionProtocol _protocol;
    private readonly List<Factor> _factors = [];
    private readonly int[] _carried; // per bath: the factor index of the carried ancilla (memory), else −1
    private Complex[] _psi;

    /// <summary>A factor: system subsystem (Label = subsystem), ancilla or partner (Label = collision index; −1 while carried).</summary>
    internal sealed record Factor(int Dimension, char Kind, int Bath)
    {
        public int Label { get; set; } = -1;
    }

    public DenseCollisionReference(CollisionProtocol protocol, Complex[] systemKet)
    {
        _protocol = protocol;
        _psi = (Complex[])systemKet.Clone();
        var dims = protocol.SystemSpace.Dimensions;
        for (int q = 0; q < dims.Count; q++) _factors.Add(new Factor(dims[q], 'S', -1) { Label = q });
        _carried = Enumerable.Repeat(-1, protocol.Baths.Count).ToArray();
        for (int j = 0; j < protocol.Baths.Count; j++)
            if (protocol.Baths[j].HasMemory) _carried[j] = AddFresh(j);
    }

    public int Collisions { get; private set; }

    public IReadOnlyList<Factor> Factors => _factors;

    /// <summary>
    /// One step of the protocol. <paramref name="afterCollision"/> (if given) sees the state right after each bath's
    /// collision with the system, before its memory collision and the later baths' collisions, with (the ancilla's
    /// factor index, the bath).
    /// </summary>
    public void Advance(double timeStep, int stepIndex, Action<int, int>? afterCollision = null)
    {
        var step = _protocol.Step(stepIndex, timeStep);
        var sys = Enumerable.Range(0, _protocol.SystemSpace.Dimensions.Count).ToArray();
        if (step.SystemBefore is not null) Apply(step.SystemBefore, sys);
        for (int j = 0; j < step.Baths.Count; j++)
        {
            var bath = _protocol.Baths[j];
            int e = bath.HasMemory ? _carried[j] : AddFresh(j);
            Apply(step.Baths[j].Collision, [.. bath.ActsOn, e]);
            _factors[e].Label = Collisions;
            _factors[e + 1].Label = Collisions;
            Collisions++;
            afterCollision?.Invoke(e, j);
            if (step.Baths[j].Memory is { } mem)
            {
                int next = AddFresh(j);
                Apply(mem, [e, next]);
                _carried[j] = next;
            }
        }
        if (step.SystemAfter is not null) Apply(step.SystemAfter, sys);
    }

    /// <summary>Factor indices of the ancillas (not partners) with collision labels in the set.</summary>
    public int[] Ancillas(IEnumerable<int> labels)
    {
        var set = labels.ToHashSet();
        return Enumerable.Range(0, _factors.Count).Where(f => _factors[f].Kind == 'E' && set.Contains(_factors[f].Label)).ToArray();
    }

    /// <summary>Factor indices of the system subsystems in the list.</summary>
    public int[] System(params int[] subsystems) => subsystems.ToArray();

    /// <summary>Factor indices of the carried (not yet collided) ancillas.</summary>
    public int[] CarriedAncillas() => Enumerable.Range(0, _factors.Count).Where(f => _factors[f].Kind == 'E' && _factors[f].Label < 0).ToArray();

    /// <summary>The reduced state of the listed factors (in that order) by the explicit sum.</summary>
    public Matrix<Complex> Reduced(int[] keep)
    {
        var dims = _factors.Select(f => f.Dimension).ToArray();
        int dk = keep.Aggregate(1, (a, k) => a * dims[k]);
        var traced = Enumerable.Range(0, dims.Length).Where(k => !keep.Contains(k)).ToArray();
        int dt = traced.Aggregate(1, (a, k) => a * dims[k]);
        var m = Matrix<Complex>.Build.Dense(dk, dt);
        for (int i = 0; i < _psi.Length; i++)
        {
            var digits = BruteForce.Digits(i, dims);
            m[BruteForce.Flat(digits, dims, keep), BruteForce.Flat(digits, dims, traced)] = _psi[i];
        }
        return m * m.ConjugateTranspose();
    }

    /// <summary>S (nats) of the listed factors, from the smaller side (the global state is pure: S(X) = S(X^c)).</summary>
    public double Entropy(int[] keep)
    {
        var complement = Enumerable.Range(0, _factors.Count).Where(f => !keep.Contains(f)).ToArray();
        long dk = keep.Aggregate(1L, (a, k) => a * _factors[k].Dimension);
        if (dk * dk > _psi.Length) keep = complement;
        return keep.Length == 0 ? 0 : Reference.Entropy(Reduced(keep));
    }

    /// <summary>The state vector reordered as (system, ancilla ⊗ partner in collision order, carried in bath order).</summary>
    public Complex[] InMpsOrder()
    {
        var order = new List<int>();
        order.AddRange(Enumerable.Range(0, _factors.Count).Where(f => _factors[f].Kind == 'S'));
        order.AddRange(Enumerable.Range(0, _factors.Count).Where(f => _factors[f].Kind != 'S' && _factors[f].Label >= 0)
            .OrderBy(f => _factors[f].Label).ThenBy(f => _factors[f].Kind == 'E' ? 0 : 1));
        order.AddRange(Enumerable.Range(0, _factors.Count).Where(f => _factors[f].Kind != 'S' && _factors[f].Label < 0)
            .OrderBy(f => _factors[f].Bath).ThenBy(f => _factors[f].Kind == 'E' ? 0 : 1));
        var dims = _factors.Select(f => f.Dimension).ToArray();
        var result = new Complex[_psi.Length];
        for (int i = 0; i < _psi.Length; i++)
            result[BruteForce.Flat(BruteForce.Digits(i, dims), dims, order)] = _psi[i];
        return result;
    }

    private int AddFresh(int bath)
    {
        var eta = _protocol.Baths[bath].Ancilla.State.ToMatrix();
        var evd = eta.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian);
        int d = eta.RowCount;
        var comps = Enumerable.Range(0, d).Where(i => evd.EigenValues[i].Real > 1e-14).ToArray();
        int r = comps.Length;
        // Σ_ρ √λ_ρ |v_ρ⟩_E |ρ⟩_R, a purification written here from MathNet's eigenvectors.
        var phi = new Complex[d * r];
        for (int q = 0; q < r; q++)
            for (int e = 0; e < d; e++) phi[e * r + q] = Math.Sqrt(evd.EigenValues[comps[q]].Real) * evd.EigenVectors[e, comps[q]];
        var next = new Complex[_psi.Length * phi.Length];
        for (int i = 0; i < _psi.Length; i++)
            for (int a = 0; a < phi.Length; a++) next[i * phi.Length + a] = _psi[i] * phi[a];
        _psi = next;
        _factors.Add(new Factor(d, 'E', bath));
        _factors.Add(new Factor(r, 'R', bath));
        return _factors.Count - 2;
    }

    /// <summary>Applies U (first listed factor most significant) by the explicit sum over the factors' digits.</summary>
    private void Apply(Matrix<Complex> u, int[] on)
    {
        var dims = _factors.Select(f => f.Dimension).ToArray();
        var result = new Complex[_psi.Length];
        for (int i = 0; i < _psi.Length; i++)
        {
            if (_psi[i] == Complex.Zero) continue;
            var digits = BruteForce.Digits(i, dims);
            int col = BruteForce.Flat(digits, dims, on);
            for (int row = 0; row < u.RowCount; row++)
            {
                var z = u[row, col];
                if (z == Complex.Zero) continue;
                var target = (int[])digits.Clone();
                int rem = row;
                for (int k = on.Length - 1; k >= 0; k--) { target[on[k]] = rem % dims[on[k]]; rem /= dims[on[k]]; }
                int flat = 0;
                for (int k = 0; k < dims.Length; k++) flat = flat * dims[k] + target[k];
                result[flat] += z * _psi[i];
            }
        }
        _psi = result;
    }

    public static DensityMatrix Pure(Complex[] ket, CollisionModel.Spaces.CompositeSpace space) =>
        DensityMatrix.FromKet(Ket.Create(ket, space));
}
