using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>
/// An undriven Davies-type Lindbladian: Hamiltonian H = Σ E_i |i⟩⟨i| and jumps |i⟩⟨j| between its eigenstates with
/// rates in detailed balance at inverse temperature β, γ(j→i)/γ(i→j) = e^{−β(E_i − E_j)}, plus optional dephasing
/// |i⟩⟨i| in the eigenbasis. The Gibbs state e^{−βH}/Z is then stationary (every pair of jumps balances and H commutes
/// with it); with all pair rates positive it is the unique stationary state.
/// </summary>
public sealed class DetailedBalanceGenerator
{
    private DetailedBalanceGenerator(Matrix<Complex> hamiltonian, double beta, double[] energies, Matrix<Complex> eigenvectors,
        IReadOnlyList<ThermalJump> jumps, Lindbladian generator, DensityMatrix gibbs)
    {
        Hamiltonian = hamiltonian;
        Beta = beta;
        Energies = energies;
        Eigenvectors = eigenvectors;
        Jumps = jumps;
        Generator = generator;
        Gibbs = gibbs;
    }

    /// <summary>H (energy units; time is in inverse energy units, ħ = 1).</summary>
    public Matrix<Complex> Hamiltonian { get; }

    /// <summary>β ≥ 0 (inverse energy units).</summary>
    public double Beta { get; }

    /// <summary>Eigenvalues E_i of H, ascending.</summary>
    public IReadOnlyList<double> Energies { get; }

    /// <summary>Eigenvectors of H as columns, in the order of <see cref="Energies"/>.</summary>
    public Matrix<Complex> Eigenvectors { get; }

    /// <summary>The jumps with their rates.</summary>
    public IReadOnlyList<ThermalJump> Jumps { get; }

    /// <summary>The Lindbladian.</summary>
    public Lindbladian Generator { get; }

    /// <summary>e^{−βH}/Z.</summary>
    public DensityMatrix Gibbs { get; }

    /// <summary>
    /// Builds the generator. <paramref name="pairRates"/>[i, j] = [j, i] ≥ 0 is the downward rate between eigenstates
    /// i &lt; j (E_i ≤ E_j): γ(j→i) = g_ij, γ(i→j) = g_ij e^{−β(E_j − E_i)}. <paramref name="dephasingRates"/>[i] ≥ 0
    /// adds L = √d_i |i⟩⟨i| (may be null). Throws <see cref="NotHermitianException"/>, <see cref="DimensionMismatchException"/>
    /// or <see cref="ParameterOutOfRangeException"/> for invalid inputs. Cost: one D×D eigendecomposition, D² jumps.
    /// </summary>
    public static DetailedBalanceGenerator Create(CompositeSpace space, Matrix<Complex> hamiltonian, double beta,
        double[,] pairRates, IReadOnlyList<double>? dephasingRates = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(pairRates);
        Guard.Dimension(hamiltonian, space.Dimension, nameof(hamiltonian));
        Guard.Hermitian(hamiltonian, nameof(hamiltonian));
        Guard.NonNegative(beta, nameof(beta));
        int d = space.Dimension;
        if (pairRates.GetLength(0) != d || pairRates.GetLength(1) != d)
            throw new DimensionMismatchException($"pairRates must be {d}×{d}.", nameof(pairRates));
        if (dephasingRates is not null && dephasingRates.Count != d)
            throw new DimensionMismatchException($"dephasingRates must have {d} entries.", nameof(dephasingRates));

        var eigen = HermitianEigen.Decompose(hamiltonian);
        var e = eigen.Values;
        var v = eigen.Vectors;
        var jumps = new List<ThermalJump>();
        var operators = new List<Matrix<Complex>>();
        void Add(int from, int to, double rate)
        {
            Guard.NonNegative(rate, "rate");
            if (rate == 0) return;
            jumps.Add(new ThermalJump(from, to, rate));
            // √γ |to⟩⟨from| in the computational basis: v_to v_from†.
            operators.Add(Math.Sqrt(rate) * v.Column(to).OuterProduct(v.Column(from).Conjugate()));
        }
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
            {
                double g = pairRates[i, j];
                if (!(g == pairRates[j, i])) throw new ParameterOutOfRangeException($"pairRates must be symmetric: [{i},{j}] ≠ [{j},{i}].", nameof(pairRates));
                Add(j, i, g);
                Add(i, j, g * Math.Exp(-beta * (e[j] - e[i])));
            }
        if (dephasingRates is not null)
            for (int i = 0; i < d; i++) Add(i, i, dephasingRates[i]);

        var gibbs = GibbsState.FromSpectrum(eigen, beta);
        return new DetailedBalanceGenerator(hamiltonian.Clone(), beta, e, v, jumps, new Lindbladian(space, hamiltonian, operators),
            DensityMatrix.Create(0.5 * (gibbs + gibbs.ConjugateTranspose()), space));
    }

    /// <summary>
    /// A random instance on two qubits: H from the GUE (generically interacting, so low-temperature Gibbs states are
    /// often entangled) rescaled to unit spectral width, β log-uniform in [0.1, 20], pair rates uniform in [0.1, 1],
    /// eigenbasis dephasing uniform in [0, 0.5] on about half of the samples. Deterministic for a given generator state.
    /// </summary>
    public static DetailedBalanceGenerator Sample(QuantumRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var space = CompositeSpace.Qubits(2);
        var h = random.Hermitian(4);
        var spectrum = HermitianEigen.Eigenvalues(h);
        h /= spectrum[^1] - spectrum[0];
        double beta = 0.1 * Math.Pow(200, random.Uniform());
        var pairs = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++)
                pairs[i, j] = pairs[j, i] = 0.1 + 0.9 * random.Uniform();
        double[]? dephasing = null;
        if (random.Uniform() < 0.5) dephasing = Enumerable.Range(0, 4).Select(_ => 0.5 * random.Uniform()).ToArray();
        return Create(space, h, beta, pairs, dephasing);
    }
}
