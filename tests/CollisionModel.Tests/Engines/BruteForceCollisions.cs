using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Measures;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// An independent reference for collision runs, written for the tests with MathNet matrices only: the full density
/// matrix of the system and the ancillas, every unitary embedded as a D×D matrix (Tensor.Embed) and applied as U ρ U†.
/// Each bath is given by its own matrices (not read from the engines). With <c>keepAll</c> nothing is ever traced out
/// (the register grows by one ancilla per bath and step, plus the next ancilla of each memory bath); otherwise the
/// ancillas of earlier steps, which never interact again, are traced out after each step. The running production is
/// Σ over collisions of I(S:E_j) + D(ρ_{E_j}‖η_j), each taken right after bath j's collision with the system. A bath
/// with a delay line (keepAll only) first collides the system with the fresh ancilla of step n − delay (for n &lt; delay
/// a new fresh one, which joins E now) after diag(e^{iφk}), then with a fresh one; the production sums the fresh
/// collisions only.
/// </summary>
internal static class BruteForceCollisions
{
    /// <summary>One bath: the subsystems it acts on, its fresh state, its collision W on (acts_on, ancilla) at step n, and U_mem (or null).</summary>
    public sealed record BathSpec(int[] ActsOn, Matrix<Complex> Eta, Func<int, Matrix<Complex>> Collision, Matrix<Complex>? Memory = null,
        (int Delay, double Phase)? Feedback = null);

    /// <summary>Everything the engines book at one step, computed from the reference state.</summary>
    public sealed record Point(DensityMatrix System, double SA, double SB, double SAB, double SE, double SAE, double SBE, double SABE, double DE, double Production)
    {
        /// <summary>With keepAll: the same E-fields for E = every ancilla that has collided so far (the explicit representation's E).</summary>
        public (double SE, double SAE, double SBE, double SABE, double DE)? AllAncillas { get; init; }
    }

    /// <summary>Runs K steps: H_S by Strang halves (or none), then every bath in order. Returns steps 1..K.</summary>
    public static List<Point> Run(int[] systemDims, int[] a, int[] b, Matrix<Complex>? hamiltonian, double dt, BathSpec[] baths,
        DensityMatrix initial, int steps, bool keepAll)
    {
        int ns = systemDims.Length;
        var dims = systemDims.ToList();
        var rho = initial.ToMatrix();
        var carried = new int[baths.Length];
        for (int j = 0; j < baths.Length; j++)
        {
            if (baths[j].Memory is null) continue;
            rho = rho.KroneckerProduct(baths[j].Eta); // the first ancilla of a memory bath is fresh
            carried[j] = dims.Count;
            dims.Add(baths[j].Eta.RowCount);
        }
        var half = hamiltonian is null ? null : CollisionModel.Numerics.MatrixFunctions.UnitaryPropagator(hamiltonian, dt / 2);
        var sys = Enumerable.Range(0, ns).ToArray();
        var points = new List<Point>();
        var collided = new List<int>();
        var collidedEta = new List<Matrix<Complex>>();
        var line = baths.Select(_ => new List<int>()).ToArray(); // each feedback bath's fresh ancillas, by step
        Assert.True(keepAll || baths.All(x => x.Feedback is null), "a delay line needs every ancilla kept");
        double production = 0;
        for (int n = 0; n < steps; n++)
        {
            if (half is not null) rho = Conjugate(rho, half, dims, sys);
            var used = new int[baths.Length];
            for (int j = 0; j < baths.Length; j++)
            {
                var bath = baths[j];
                if (bath.Feedback is { } fb)
                {
                    int back;
                    if (n < fb.Delay)
                    {
                        rho = rho.KroneckerProduct(bath.Eta);
                        back = dims.Count;
                        dims.Add(bath.Eta.RowCount);
                        collided.Add(back);
                        collidedEta.Add(bath.Eta);
                    }
                    else back = line[j][n - fb.Delay];
                    int d = bath.Eta.RowCount;
                    var phase = Matrix<Complex>.Build.DenseOfDiagonalArray(Enumerable.Range(0, d).Select(k => Complex.FromPolarCoordinates(1, fb.Phase * k)).ToArray());
                    rho = Conjugate(rho, phase, dims, [back]);
                    rho = Conjugate(rho, bath.Collision(n), dims, [.. bath.ActsOn, back]);
                }
                if (bath.Memory is null)
                {
                    rho = rho.KroneckerProduct(bath.Eta);
                    used[j] = dims.Count;
                    dims.Add(bath.Eta.RowCount);
                    rho = Conjugate(rho, bath.Collision(n), dims, [.. bath.ActsOn, used[j]]);
                    production += CollisionProduction(rho, dims, sys, used[j], bath.Eta);
                }
                else
                {
                    used[j] = carried[j];
                    rho = Conjugate(rho, bath.Collision(n), dims, [.. bath.ActsOn, used[j]]);
                    production += CollisionProduction(rho, dims, sys, used[j], bath.Eta);
                    rho = rho.KroneckerProduct(bath.Eta);
                    carried[j] = dims.Count;
                    dims.Add(bath.Eta.RowCount);
                    rho = Conjugate(rho, bath.Memory, dims, [used[j], carried[j]]);
                }
            }
            if (half is not null) rho = Conjugate(rho, half, dims, sys);
            for (int j = 0; j < baths.Length; j++) line[j].Add(used[j]);
            collided.AddRange(used);
            collidedEta.AddRange(baths.Select(x => x.Eta));
            var state = DensityMatrix.Create(0.5 * (rho + rho.ConjugateTranspose()), new CompositeSpace(dims.ToArray()));
            double S(IEnumerable<int> k) => k.Any() ? Entropy.VonNeumann(state, k.ToArray()) : 0;
            var eta = DensityMatrix.Create(baths.Select(x => x.Eta).Aggregate((x, y) => x.KroneckerProduct(y)));
            double sab = S(sys), se = S(used), sabe = S(sys.Concat(used));
            double de = RelativeEntropy.Compute(state.Reduced(used), eta.WithSpace(state.Reduced(used).Space));
            var point = new Point(state.Reduced(sys), S(a), S(b), sab, se, S(a.Concat(used)), S(b.Concat(used)), sabe, de, production);
            if (keepAll)
            {
                var rhoE = state.Reduced(collided.ToArray());
                var etaAll = DensityMatrix.Create(collidedEta.Aggregate((x, y) => x.KroneckerProduct(y)), rhoE.Space);
                point = point with { AllAncillas = (S(collided), S(a.Concat(collided)), S(b.Concat(collided)), S(sys.Concat(collided)), RelativeEntropy.Compute(rhoE, etaAll)) };
            }
            points.Add(point);
            if (!keepAll)
            {
                // Drop every ancilla except the carried next ones: S, then the carried in bath order.
                var keep = sys.Concat(carried.Where((c, j) => baths[j].Memory is not null)).ToArray();
                var reduced = state.Reduced(keep);
                rho = reduced.ToMatrix();
                dims = reduced.Space.Dimensions.ToList();
                int at = ns;
                for (int j = 0; j < baths.Length; j++) if (baths[j].Memory is not null) carried[j] = at++;
            }
        }
        return points;
    }

    /// <summary>I(S:E_j) + D(ρ_{E_j}‖η_j) of the state right after bath j's collision with the system (ancilla at <paramref name="ancilla"/>).</summary>
    private static double CollisionProduction(Matrix<Complex> rho, List<int> dims, int[] sys, int ancilla, Matrix<Complex> eta)
    {
        var state = DensityMatrix.Create(0.5 * (rho + rho.ConjugateTranspose()), new CompositeSpace(dims.ToArray()));
        var rhoE = state.Reduced([ancilla]);
        double mutual = Entropy.VonNeumann(state, sys) + Entropy.VonNeumann(state, [ancilla]) - Entropy.VonNeumann(state, [.. sys, ancilla]);
        return mutual + RelativeEntropy.Compute(rhoE, DensityMatrix.Create(eta, rhoE.Space));
    }

    private static Matrix<Complex> Conjugate(Matrix<Complex> rho, Matrix<Complex> u, List<int> dims, int[] targets)
    {
        var full = Tensor.Embed(u, new CompositeSpace(dims.ToArray()), targets);
        return full * rho * full.ConjugateTranspose();
    }

    /// <summary>
    /// Every booked field of the engine's records (after step 0) against the reference to <paramref name="tolerance"/>;
    /// E is the latest step's ancillas (streaming) or, with <paramref name="allAncillas"/>, every ancilla so far (explicit).
    /// </summary>
    public static void AssertMatches(IReadOnlyList<StepRecord> records, List<Point> reference, bool allAncillas, double tolerance)
    {
        Assert.Equal(reference.Count + 1, records.Count);
        for (int n = 0; n < reference.Count; n++)
        {
            var (b, r) = (records[n + 1].Bookkeeping, reference[n]);
            var e = allAncillas ? r.AllAncillas!.Value : (r.SE, r.SAE, r.SBE, r.SABE, r.DE);
            double rho = (records[n + 1].RhoAB.ToMatrix() - r.System.ToMatrix()).Enumerate().Max(z => z.Magnitude);
            Assert.True(rho < tolerance, $"step {n + 1}: max |Δρ_S| = {rho:E2}");
            Assert.Equal(r.SA, b.EntropyA, tolerance);
            Assert.Equal(r.SB, b.EntropyB, tolerance);
            Assert.Equal(r.SAB, b.EntropyAB, tolerance);
            Assert.Equal(e.SE, b.EntropyE, tolerance);
            Assert.Equal(e.SAE, b.EntropyAE, tolerance);
            Assert.Equal(e.SBE, b.EntropyBE, tolerance);
            Assert.Equal(e.SABE, b.EntropyABE, tolerance);
            Assert.Equal(e.DE, b.RelativeEntropyE, tolerance);
            Assert.Equal(r.Production, b.EntropyProductionTotal, tolerance);
        }
    }
}
