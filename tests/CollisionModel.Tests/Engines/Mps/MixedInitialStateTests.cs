using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

/// <summary>
/// A mixed ρ_S(0) under the matrix-product engine (purified by a reference R_S that is neither A, B nor E) against a
/// brute-force density-matrix run written here: ρ over (A, B, every ancilla so far, the carried next ancilla), each
/// unitary embedded by digit loops, every reduced state by the explicit partial trace. No purification anywhere.
/// </summary>
public class MixedInitialStateTests
{
    private sealed class DensityReference
    {
        private readonly CollisionProtocol _protocol;
        private readonly List<int> _dims = [];
        private readonly List<int> _bath = [], _label = []; // per factor: bath (−1 system), collision label (−1 not yet)
        private readonly int[] _carried;
        private Matrix<Complex> _rho;

        public DensityReference(CollisionProtocol protocol, Matrix<Complex> rho0)
        {
            _protocol = protocol;
            _rho = rho0;
            foreach (int d in protocol.SystemSpace.Dimensions) { _dims.Add(d); _bath.Add(-1); _label.Add(-1); }
            _carried = Enumerable.Repeat(-1, protocol.Baths.Count).ToArray();
            for (int j = 0; j < protocol.Baths.Count; j++)
                if (protocol.Baths[j].HasMemory) _carried[j] = AddFresh(j);
        }

        public int Collisions { get; private set; }

        /// <summary>One step; <paramref name="afterCollision"/> sees (ancilla factor, bath) right after each system collision.</summary>
        public void Advance(double dt, int n, Action<int, int>? afterCollision = null)
        {
            var step = _protocol.Step(n, dt);
            int[] sys = [0, 1];
            if (step.SystemBefore is not null) Apply(step.SystemBefore, sys);
            for (int j = 0; j < step.Baths.Count; j++)
            {
                var bath = _protocol.Baths[j];
                int e = bath.HasMemory ? _carried[j] : AddFresh(j);
                Apply(step.Baths[j].Collision, [.. bath.ActsOn, e]);
                _label[e] = Collisions++;
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

        /// <summary>Factor indices of the ancillas with collision labels in [from, to).</summary>
        public int[] Ancillas(int from, int to) =>
            Enumerable.Range(0, _dims.Count).Where(f => _bath[f] >= 0 && _label[f] >= from && _label[f] < to).OrderBy(f => _label[f]).ToArray();

        public Matrix<Complex> Reduced(int[] keep) => BruteForce.PartialTrace(_rho, [.. _dims], keep);

        public double S(int[] keep) => keep.Length == 0 ? 0 : Reference.Entropy(Reduced(keep));

        /// <summary>D(ρ_X ‖ ⊗η) for ancilla factors X: −S_X − Σ tr ρ_k ln η_k, +∞ when some ρ_k has weight on ker η_k.</summary>
        public double RelativeEntropy(int[] ancillas)
        {
            double cross = 0;
            foreach (int f in ancillas)
            {
                var eta = _protocol.Baths[_bath[f]].Ancilla.State.ToMatrix();
                var rho = Reduced([f]);
                var ln = Reference.HermitianFunction(eta, x => x > 1e-14 ? Math.Log(x) : 0);
                var ker = Reference.HermitianFunction(eta, x => x > 1e-14 ? 0 : 1);
                if ((rho * ker).Trace().Real > 1e-10) return double.PositiveInfinity;
                cross += (rho * ln).Trace().Real;
            }
            return -S(ancillas) - cross;
        }

        private int AddFresh(int bath)
        {
            var eta = _protocol.Baths[bath].Ancilla.State.ToMatrix();
            _rho = _rho.KroneckerProduct(eta);
            _dims.Add(eta.RowCount); _bath.Add(bath); _label.Add(-1);
            return _dims.Count - 1;
        }

        // U ρ U† with U embedded on the listed factors (first most significant) by digit loops.
        private void Apply(Matrix<Complex> u, int[] on)
        {
            int[] dims = [.. _dims];
            int n = _rho.RowCount;
            var full = Matrix<Complex>.Build.Dense(n, n);
            for (int col = 0; col < n; col++)
            {
                var dc = BruteForce.Digits(col, dims);
                int sub = BruteForce.Flat(dc, dims, on);
                for (int row = 0; row < u.RowCount; row++)
                {
                    var z = u[row, sub];
                    if (z == Complex.Zero) continue;
                    var dr = (int[])dc.Clone();
                    int rem = row;
                    for (int k = on.Length - 1; k >= 0; k--) { dr[on[k]] = rem % dims[on[k]]; rem /= dims[on[k]]; }
                    full[BruteForce.Flat(dr, dims, Enumerable.Range(0, dims.Length).ToArray()), col] = z;
                }
            }
            _rho = full * _rho * full.ConjugateTranspose();
        }
    }

    /// <summary>A rank-3 two-qubit state with coherences.</summary>
    private static Matrix<Complex> MixedInitial()
    {
        var a = CollisionMpsTests.RandomKet(4, 31);
        var b = CollisionMpsTests.RandomKet(4, 32);
        var c = CollisionMpsTests.RandomKet(4, 33);
        return 0.6 * Reference.Projector(a) + 0.3 * Reference.Projector(b) + 0.1 * Reference.Projector(c);
    }

    public static TheoryData<string, int> Models => new() { { "mixed ancillas, two baths", 3 }, { "pure ancillas, memory + time-dependent", 3 }, { "pure ancillas, no memory", 5 } };

    private static CollisionProtocol Model(string name) => name switch
    {
        "mixed ancillas, two baths" => new([2, 2], [1],
        [
            new Bath([1], AncillaState.Thermal(0.75, 0.25), BathCollision.WithRate(CollisionMpsTests.PartialSwapCoupling(), 1.1)),
            new Bath([0], AncillaState.Thermal(0.6, 0.4), BathCollision.WithAngle(CollisionMpsTests.RandomHermitian(4, 3), 0.4)),
        ], 0.3 * Tensor.Kron(Pauli.X, Pauli.X)),
        "pure ancillas, no memory" => CollisionMpsTests.DecayWithHamiltonian(),
        _ => CollisionMpsTests.MemoryAndTimeDependent(),
    };

    private static void Close(double expected, double actual, string what)
    {
        if (double.IsPositiveInfinity(expected)) { Assert.True(double.IsPositiveInfinity(actual), $"{what}: expected +∞, got {actual}"); return; }
        Assert.True(Math.Abs(expected - actual) < 1e-10, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_field_and_fragment_equals_a_brute_force_density_matrix_run(string model, int steps)
    {
        var protocol = Model(model);
        var rho0 = MixedInitial();
        const double dt = 0.3;
        var o = new CollisionRunOptions { Protocol = protocol, InitialSystem = DensityMatrix.Create(rho0, protocol.SystemSpace), Grid = TimeGrid.OfStep(dt, steps) };
        var engine = new MpsCollisionEngine(o);
        Assert.Equal(3, engine.State.ReferenceDimension);
        var reference = new DensityReference(protocol, rho0);
        int[] a = [0], b = [1], ab = [0, 1];
        Close(Reference.Entropy(rho0), engine.Current.EntropyAB, "step 0 S_AB");
        double production = 0, minSlack = double.PositiveInfinity;
        // The production term I(AB′:E_j′) + D(ρ_{E_j′}‖η_j), right after collision j (before its memory collision).
        void Book(int e, int _) => production += reference.S(ab) + reference.S([e]) - reference.S([.. ab, e]) + reference.RelativeEntropy([e]);
        for (int n = 0; n < steps; n++)
        {
            engine.Advance();
            reference.Advance(dt, n, Book);
            var e = reference.Ancillas(0, reference.Collisions);
            var bk = engine.Current;
            string at = $"{model}, step {n + 1}";
            double sE = reference.S(e), sAE = reference.S([.. a, .. e]), sBE = reference.S([.. b, .. e]), sABE = reference.S([.. ab, .. e]);
            Close(reference.S(a), bk.EntropyA, $"{at} S_A");
            Close(reference.S(b), bk.EntropyB, $"{at} S_B");
            Close(reference.S(ab), bk.EntropyAB, $"{at} S_AB");
            Close(sE, bk.EntropyE, $"{at} S_E");
            Close(sAE, bk.EntropyAE, $"{at} S_AE");
            Close(sBE, bk.EntropyBE, $"{at} S_BE");
            Close(sABE, bk.EntropyABE, $"{at} S_ABE");
            Close(reference.RelativeEntropy(e), bk.RelativeEntropyE, $"{at} D_E");
            Close(production, bk.EntropyProductionTotal, $"{at} production");
            // SSA slack I(A:E|B) = S_AB + S_BE − S_ABE − S_B, minimised over the collisions.
            minSlack = Math.Min(minSlack, reference.S(ab) + sBE - sABE - reference.S(b));
            Close(minSlack, bk.MinSsaSlack!.Value, $"{at} min SSA slack");
            Reference.AssertClose(reference.Reduced(ab), engine.SystemState().ToMatrix(), 1e-10, $"{at} ρ_AB");
        }
        // Fragments: I(AB : F) = S_AB + S_F − S_ABF for the m oldest and the m newest ancillas.
        var curves = engine.Fragments();
        int k = reference.Collisions;
        Assert.Equal(k + 1, curves.Oldest.Length);
        Assert.Equal(k + 1, curves.Newest.Length);
        double sab = reference.S(ab);
        for (int m = 0; m <= k; m++)
        {
            var oldest = reference.Ancillas(0, m);
            var newest = reference.Ancillas(k - m, k);
            Close(sab + reference.S(oldest) - reference.S([.. ab, .. oldest]), curves.Oldest[m], $"{model}: oldest m = {m}");
            Close(sab + reference.S(newest) - reference.S([.. ab, .. newest]), curves.Newest[m], $"{model}: newest m = {m}");
        }
    }
}
