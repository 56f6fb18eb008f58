using System.Globalization;
using System.Numerics;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.TestSupport;

/// <summary>One bath of a <see cref="CollisionReference"/> model: W = exp(−iθV) with θ = √(rate·δt) or a fixed angle, or W given.</summary>
internal sealed record ReferenceBath(int[] ActsOn, Matrix<Complex> Eta, Matrix<Complex>? Coupling = null, double? Rate = null,
    double? Angle = null, Matrix<Complex>? Unitary = null, Matrix<Complex>? AncillaHamiltonian = null, double? Beta = null,
    double? MemoryAngle = null);

/// <summary>A collision model written as plain matrices (system dims, B, ρ_S(0), optional H_S, baths).</summary>
internal sealed record ReferenceModel(int[] Dims, int[] B, Matrix<Complex> Rho0, Matrix<Complex>? Hamiltonian, IReadOnlyList<ReferenceBath> Baths);

/// <summary>What a streaming record holds, computed by brute force (E = the ancillas of the latest step, jointly).</summary>
internal sealed record ReferenceRecord(int Step, Matrix<Complex> RhoS, double SA, double SB, double SAB, double SE, double SAE,
    double SBE, double SABE, double DE, double EntropyProductionTotal);

/// <summary>
/// An independent brute-force collision model for the tests: the whole state of the system and the step's fresh
/// ancillas as one dense MathNet matrix, every unitary embedded by explicit digit loops, W = exp(−iθV) and
/// e^{−iH δt/2} from MathNet's Hermitian EVD, partial traces by explicit sums (<see cref="BruteForce"/>), entropies
/// from MathNet eigenvalues. One step: e^{−iH δt/2}, each bath's W in order, each bath's memory collision between its
/// used ancilla and its next one, e^{−iH δt/2}; then the used ancillas are traced out and the next ones are carried.
/// E is the used ancillas at the end of the step. Nothing of the library is used. Also writes the same model as a
/// model-file JSON text.
/// </summary>
internal static class CollisionReference
{
    public static IReadOnlyList<ReferenceRecord> Run(ReferenceModel model, int steps, double dt)
    {
        // Subsystems: the system (0 … n−1), each bath's ancilla C_j that collides this step (n + j), and each bath's next
        // ancilla N_j (n + m + j), fresh. A memoryless bath is a memory bath with φ = 0 (U = 1: N_j stays fresh).
        int n = model.Dims.Length, m = model.Baths.Count;
        int[] ancillaDims = model.Baths.Select(b => b.Eta.RowCount).ToArray();
        int[] dims = [.. model.Dims, .. ancillaDims, .. ancillaDims];
        int[] carriedDims = [.. model.Dims, .. ancillaDims];
        int[] system = Enumerable.Range(0, n).ToArray();
        int[] a = system.Except(model.B).ToArray();
        int[] e = Enumerable.Range(n, m).ToArray();
        int[] next = Enumerable.Range(n + m, m).ToArray();
        var etaAll = model.Baths.Select(b => b.Eta).Aggregate((x, y) => x.KroneckerProduct(y));
        var half = model.Hamiltonian is null ? null : Reference.HermitianFunction(model.Hamiltonian, x => Complex.Exp(new Complex(0, -x * dt / 2)));
        var halfFull = half is null ? null : Embed(half, dims, system);
        var collisions = model.Baths.Select((b, j) => Embed(Collision(b, dt), dims, [.. b.ActsOn, n + j])).ToArray();
        var memories = model.Baths.Select((b, j) => Embed(Memory(b.Eta.RowCount, b.MemoryAngle ?? 0), dims, [n + j, n + m + j])).ToArray();

        var records = new List<ReferenceRecord>();
        var carried = model.Rho0.KroneckerProduct(etaAll); // on (system, C_1 … C_m)
        double production = 0;
        records.Add(Book(0, carried, carriedDims, system, a, model.B, e, etaAll, production));
        for (int step = 1; step <= steps; step++)
        {
            var joint = carried.KroneckerProduct(etaAll);
            if (halfFull is not null) joint = halfFull * joint * halfFull.ConjugateTranspose();
            for (int j = 0; j < m; j++)
            {
                joint = collisions[j] * joint * collisions[j].ConjugateTranspose();
                // Per-collision production I(S′:E_j′) + D(η_j′‖η_j), right after collision j.
                var ej = BruteForce.PartialTrace(joint, dims, [n + j]);
                double mutual = S(joint, dims, system) + Reference.Entropy(ej) - S(joint, dims, [.. system, n + j]);
                production += mutual + RelativeEntropy(ej, model.Baths[j].Eta);
            }
            for (int j = 0; j < m; j++) joint = memories[j] * joint * memories[j].ConjugateTranspose();
            if (halfFull is not null) joint = halfFull * joint * halfFull.ConjugateTranspose();
            records.Add(Book(step, BruteForce.PartialTrace(joint, dims, [.. system, .. e]), carriedDims, system, a, model.B, e, etaAll, production));
            // The used ancillas leave; the next ones (correlated by the memory collision) collide at the next step.
            carried = BruteForce.PartialTrace(joint, dims, [.. system, .. next]);
        }
        return records;
    }

    /// <summary>
    /// The explicit representation by brute force: nothing is ever traced out. Subsystems: the system, every ancilla
    /// that has collided so far (in the order they collided), then the m ancillas that collide at the next step. A
    /// step appends each bath's next ancilla, applies e^{−iH δt/2}, each W and memory collision, e^{−iH δt/2}; E is
    /// every ancilla that has collided (none at step 0), never the next ones.
    /// </summary>
    public static IReadOnlyList<ReferenceRecord> RunExplicit(ReferenceModel model, int steps, double dt)
    {
        int n = model.Dims.Length, m = model.Baths.Count;
        int[] ancillaDims = model.Baths.Select(b => b.Eta.RowCount).ToArray();
        int[] system = Enumerable.Range(0, n).ToArray();
        int[] a = system.Except(model.B).ToArray();
        var etaAll = model.Baths.Select(b => b.Eta).Aggregate((x, y) => x.KroneckerProduct(y));
        var half = model.Hamiltonian is null ? null : Reference.HermitianFunction(model.Hamiltonian, x => Complex.Exp(new Complex(0, -x * dt / 2)));
        var local = model.Baths.Select(b => Collision(b, dt)).ToArray();
        var memory = model.Baths.Select(b => Memory(b.Eta.RowCount, b.MemoryAngle ?? 0)).ToArray();

        var records = new List<ReferenceRecord>();
        var joint = model.Rho0.KroneckerProduct(etaAll);
        int[] dims = [.. model.Dims, .. ancillaDims];
        var etaUsed = Matrix<Complex>.Build.DenseIdentity(1);
        double production = 0;
        records.Add(new ReferenceRecord(0, model.Rho0, S(joint, dims, a), S(joint, dims, model.B), S(joint, dims, system), 0,
            S(joint, dims, a), S(joint, dims, model.B), S(joint, dims, system), 0, 0));
        for (int step = 1; step <= steps; step++)
        {
            int used = dims.Length - n - m; // ancillas already used before this step
            int c0 = n + used, n0 = c0 + m;
            joint = joint.KroneckerProduct(etaAll);
            dims = [.. dims, .. ancillaDims];
            if (half is not null) joint = Conjugate(Embed(half, dims, system), joint);
            for (int j = 0; j < m; j++)
            {
                joint = Conjugate(Embed(local[j], dims, [.. model.Baths[j].ActsOn, c0 + j]), joint);
                var ej = BruteForce.PartialTrace(joint, dims, [c0 + j]);
                double mutual = S(joint, dims, system) + Reference.Entropy(ej) - S(joint, dims, [.. system, c0 + j]);
                production += mutual + RelativeEntropy(ej, model.Baths[j].Eta);
            }
            for (int j = 0; j < m; j++) joint = Conjugate(Embed(memory[j], dims, [c0 + j, n0 + j]), joint);
            if (half is not null) joint = Conjugate(Embed(half, dims, system), joint);
            etaUsed = etaUsed.KroneckerProduct(etaAll);
            int[] e = Enumerable.Range(n, used + m).ToArray();
            var withoutNext = BruteForce.PartialTrace(joint, dims, [.. system, .. e]);
            int[] bookDims = dims[..n0];
            records.Add(new ReferenceRecord(step, BruteForce.PartialTrace(joint, dims, system), S(withoutNext, bookDims, a),
                S(withoutNext, bookDims, model.B), S(withoutNext, bookDims, system), S(withoutNext, bookDims, e),
                S(withoutNext, bookDims, [.. a, .. e]), S(withoutNext, bookDims, [.. model.B, .. e]), Reference.Entropy(withoutNext),
                RelativeEntropy(BruteForce.PartialTrace(withoutNext, bookDims, e), etaUsed), production));
        }
        return records;
    }

    private static Matrix<Complex> Conjugate(Matrix<Complex> u, Matrix<Complex> rho) => u * rho * u.ConjugateTranspose();

    /// <summary>U = cos φ·1 + i sin φ·SWAP on two d-level ancillas, written out.</summary>
    private static Matrix<Complex> Memory(int d, double phi)
    {
        var u = Matrix<Complex>.Build.Dense(d * d, d * d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                u[i * d + j, i * d + j] += Math.Cos(phi);
                u[j * d + i, i * d + j] += new Complex(0, Math.Sin(phi));
            }
        return u;
    }

    private static ReferenceRecord Book(int step, Matrix<Complex> joint, int[] dims, int[] system, int[] a, int[] b, int[] e,
        Matrix<Complex> etaAll, double production)
    {
        var rhoE = BruteForce.PartialTrace(joint, dims, e);
        return new ReferenceRecord(step, BruteForce.PartialTrace(joint, dims, system), S(joint, dims, a), S(joint, dims, b),
            S(joint, dims, system), Reference.Entropy(rhoE), S(joint, dims, [.. a, .. e]), S(joint, dims, [.. b, .. e]),
            Reference.Entropy(joint), RelativeEntropy(rhoE, etaAll), production);
    }

    private static double S(Matrix<Complex> joint, int[] dims, int[] keep) =>
        keep.Length == 0 ? 0 : Reference.Entropy(BruteForce.PartialTrace(joint, dims, keep));

    /// <summary>tr ρ(ln ρ − ln σ) on supp σ; +∞ when ρ has weight above 1e-12 on ker σ (a pure ancilla that was moved).</summary>
    public static double RelativeEntropy(Matrix<Complex> rho, Matrix<Complex> sigma)
    {
        Complex Log(double x) => x > 1e-14 ? Math.Log(x) : 0;
        var kernel = Reference.HermitianFunction(sigma, x => x > 1e-14 ? 0 : 1);
        if ((rho * kernel).Trace().Real > 1e-12) return double.PositiveInfinity;
        return (rho * (Reference.HermitianFunction(rho, Log) - Reference.HermitianFunction(sigma, Log))).Trace().Real;
    }

    private static Matrix<Complex> Collision(ReferenceBath b, double dt)
    {
        if (b.Unitary is not null) return b.Unitary;
        double theta = b.Angle ?? Math.Sqrt(b.Rate!.Value * dt);
        return Reference.HermitianFunction(b.Coupling!, x => Complex.Exp(new Complex(0, -theta * x)));
    }

    /// <summary>The operator <paramref name="local"/> on the listed subsystems (first listed most significant) ⊗ identity elsewhere, by digits.</summary>
    public static Matrix<Complex> Embed(Matrix<Complex> local, int[] dims, int[] targets)
    {
        int size = dims.Aggregate(1, (x, y) => x * y);
        var others = Enumerable.Range(0, dims.Length).Except(targets).ToArray();
        var result = Matrix<Complex>.Build.Dense(size, size);
        for (int r = 0; r < size; r++)
        {
            var dr = BruteForce.Digits(r, dims);
            for (int c = 0; c < size; c++)
            {
                var dc = BruteForce.Digits(c, dims);
                if (others.All(k => dr[k] == dc[k])) result[r, c] = local[BruteForce.Flat(dr, dims, targets), BruteForce.Flat(dc, dims, targets)];
            }
        }
        return result;
    }

    /// <summary>The model as a model-file JSON text (matrices as [re, im] pairs, full round-trip precision).</summary>
    public static string ToJson(ReferenceModel model)
    {
        var sb = new StringBuilder();
        sb.Append("{\"system\": {\"dims\": ").Append(Ints(model.Dims)).Append(", \"b\": ").Append(Ints(model.B))
            .Append(", \"state\": ").Append(Matrix(model.Rho0));
        if (model.Hamiltonian is not null) sb.Append(", \"hamiltonian\": ").Append(Matrix(model.Hamiltonian));
        sb.Append("}, \"baths\": [");
        for (int j = 0; j < model.Baths.Count; j++)
        {
            var b = model.Baths[j];
            if (j > 0) sb.Append(", ");
            sb.Append("{\"acts_on\": ").Append(Ints(b.ActsOn)).Append(", \"ancilla\": {\"dim\": ").Append(b.Eta.RowCount);
            if (b.AncillaHamiltonian is not null) sb.Append(", \"hamiltonian\": ").Append(Matrix(b.AncillaHamiltonian)).Append(", \"beta\": ").Append(Num(b.Beta!.Value));
            else sb.Append(", \"state\": ").Append(Matrix(b.Eta));
            sb.Append('}');
            if (b.Unitary is not null) sb.Append(", \"unitary\": ").Append(Matrix(b.Unitary));
            else
            {
                sb.Append(", \"coupling\": ").Append(Matrix(b.Coupling!));
                if (b.Rate is { } rate) sb.Append(", \"rate\": ").Append(Num(rate));
                else sb.Append(", \"angle\": ").Append(Num(b.Angle!.Value));
            }
            if (b.MemoryAngle is { } phi) sb.Append(", \"memory_angle\": ").Append(Num(phi));
            sb.Append('}');
        }
        return sb.Append("]}").ToString();
    }

    private static string Ints(int[] xs) => "[" + string.Join(", ", xs) + "]";

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Matrix(Matrix<Complex> mat) =>
        "[" + string.Join(", ", Enumerable.Range(0, mat.RowCount).Select(i =>
            "[" + string.Join(", ", Enumerable.Range(0, mat.ColumnCount).Select(j => $"[{Num(mat[i, j].Real)}, {Num(mat[i, j].Imaginary)}]")) + "]")) + "]";
}
