using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using CollisionModel.Bookkeeping;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;

namespace CollisionModel.Engines;

/// <summary>
/// The explicit representation's fast path for the paper's shape: a qubit system and one memoryless,
/// time-independent qubit bath. The global pure state of the system and every ancilla so far is ONE state vector
/// (mixed ancillas purified by one reference qubit R_j each), E = all ancillas so far. Storage layout: the system's n
/// qubits are the least significant bits (qubit 0 = A most significant among them), each collision j appends E_j (and
/// R_j above it) as new most significant bits, so a collision grows the vector in place in one pass: every system
/// block of d amplitudes is read once and its 2 (or 4) images are written, O(state size), parallel over blocks (AVX
/// when every image is diagonal). Entropies: S_A, S_B, S_AB from ρ_S′ = tr_E W(ρ_S ⊗ η)W† (the ancilla is fresh, so
/// the system's marginal follows from the kernel's d²-sized map without a pass over the vector); with pure ancillas
/// S_E = S_AB, S_AE = S_B, S_BE = S_A, S_ABE = 0 by purity; with mixed ancillas the E-parts are computed from the
/// smaller side of a Gram matrix. Validation and capacity are the caller's (<see cref="ExplicitCollisionEngine"/>).
/// </summary>
internal sealed class QubitExplicitPath : ICollisionEngine
{
    private const long ParallelThreshold = 1 << 15;

    private readonly CollisionRunOptions _options;
    private readonly CollisionKernel _kernel;
    private readonly StepBookkeeper _books;
    private readonly Complex[] _psi;
    private readonly Complex[][] _isometries; // per reference value r: (2d × d) row-major, K_r = W (1 ⊗ φ_r)
    // The nonzeros of each K_r row by row (K = 1_A ⊗ K_B for the paper's collisions, so most entries are exact zeros).
    private readonly int[] _rowStart, _column;
    private readonly double[] _re, _im;
    // When every image is diagonal in the system index (dephasing-type couplings: the system only controls the
    // ancilla), image g is y = D_g ⊙ x; per image, interleaved per amplitude: (Re, Re) and (−Im, Im) of D_g[s].
    private readonly double[]? _diagonalRe, _diagonalIm;
    private readonly Complex[] _rhoS;
    private readonly int _n, _d, _width;
    private readonly long _aMask, _bMask;
    private long _length;
    private double _entropySystem;

    /// <summary>Allocates the final capacity for validated <paramref name="options"/> and books step 0 (E = none).</summary>
    public QubitExplicitPath(CollisionRunOptions options)
    {
        var protocol = options.Protocol;
        var ancilla = protocol.Baths[0].Ancilla;
        _options = options;
        _n = protocol.SystemSpace.Count;
        _d = 1 << _n;
        _width = ancilla.IsPure ? 1 : 2;
        long finalQubits = _n + (long)_width * options.Steps;
        var dec = HermitianEigen.Decompose(options.InitialSystem.ToMatrix());
        // Final capacity up front, huge pages pre-faulted by all cores (LargeBuffer): the first touch of 8 GiB of fresh
        // 4 KiB pages would otherwise cost more than all the collisions.
        _psi = LargeBuffer.Allocate<Complex>(checked((int)(1L << (int)finalQubits)));
        // The eigenvector's global phase is irrelevant.
        for (int s = 0; s < _d; s++) _psi[s] = dec.Vectors[s, _d - 1];
        _length = _d;
        _kernel = CollisionKernel.Shared(protocol, protocol.Step(0, options.Grid));
        _isometries = BuildIsometries(_kernel.StepUnitary, ancilla, _d);
        (_rowStart, _column, _re, _im) = Sparsify(_isometries, _d);
        (_diagonalRe, _diagonalIm) = DiagonalImages(_rowStart, _column, _re, _im, 2 * _isometries.Length, _d);
        _rhoS = new Complex[_d * _d];
        foreach (int q in protocol.SubsystemsA) _aMask |= 1L << (_n - 1 - q);
        foreach (int q in protocol.SubsystemsB) _bMask |= 1L << (_n - 1 - q);
        // ρ_S of the initial pure state; afterwards ρ_S comes from the kernel's map, never from a pass over ψ.
        AccumulateSystem(0, 1, _rhoS, clear: true);
        _entropySystem = _kernel.SystemEntropy(_rhoS);
        var (sa, sb) = _kernel.MarginalEntropies(_rhoS);
        // Memoryless and time-independent by construction: the ledger reads each collided ancilla's state.
        _books = new StepBookkeeper(protocol, options.Grid, EnvironmentScope.AllSoFar, _rhoS, keepLedger: true, options.GuardInvariants);
        _books.Initial(new StepEntropies(sa, sb, _entropySystem, 0, sa, sb, _entropySystem));
    }

    /// <inheritdoc />
    public int Step { get; private set; }

    /// <inheritdoc />
    public StepBookkeeping Current => _books.Current;

    /// <summary>Number of qubits of the global vector now (system + ancillas + references).</summary>
    public int Qubits => _n + _width * Step;

    /// <summary>The amplitudes in the storage layout (system least significant, latest collision most significant).</summary>
    public ReadOnlySpan<Complex> Amplitudes => _psi.AsSpan(0, (int)_length);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">All <see cref="CollisionRunOptions.Steps"/> collisions the vector was sized for are done.</exception>
    public void Advance()
    {
        if (Step >= _options.Steps)
            throw new InvalidOperationException($"The explicit state was sized for {_options.Steps} collisions; all are done.");
        // Per-collision ELV term and the ancilla's final marginal from ρ_S before the collision: ancilla j is never
        // touched again, so its reduced state after collision j is its reduced state forever.
        _kernel.Collide(_rhoS);
        var post = _kernel.Book(_rhoS, _entropySystem, false);
        _books.StepAncillas(_kernel.AncillaAfter);
        _books.JointStep(post.Entropies.AB, post.Entropies.E, post.Entropies.ABE);

        GrowAndCollide();
        _kernel.SystemAfter.CopyTo(_rhoS);
        Step++;
        _entropySystem = _kernel.SystemEntropy(_rhoS);
        var (sa, sb) = _kernel.MarginalEntropies(_rhoS);
        double se, sae, sbe, sabe;
        if (_width == 1)
        {
            se = _entropySystem; sae = sb; sbe = sa; sabe = 0;
        }
        else
        {
            int q = Qubits;
            long eMask = 0, rMask = 0;
            for (int j = 0; j < Step; j++)
            {
                eMask |= 1L << (_n + 2 * j);
                rMask |= 1L << (_n + 2 * j + 1);
            }
            se = PureStateEntropy.OfBits(_psi, q, eMask);
            sae = _aMask == 0 ? se : PureStateEntropy.OfBits(_psi, q, _aMask | eMask);
            sbe = PureStateEntropy.OfBits(_psi, q, _bMask | eMask);
            sabe = PureStateEntropy.OfBits(_psi, q, rMask);
        }
        _books.Close(new StepEntropies(sa, sb, _entropySystem, se, sae, sbe, sabe), _rhoS, post.LowestSystemEigenvalue);
    }

    /// <inheritdoc />
    public Thermodynamics.LedgerTotals? Thermodynamics() => _books.Thermodynamics(_rhoS);

    /// <inheritdoc />
    public DensityMatrix SystemState() => DensityMatrix.Trusted(CompositeSpace.Qubits(_n), (Complex[])_rhoS.Clone());

    /// <summary>The global pure state in the project's order: system qubits, then E_1 (R_1), E_2 (R_2), … O(N).</summary>
    public Ket GlobalState()
    {
        int k = Step, w = _width;
        var result = new Complex[_length];
        int groupMask = (1 << w) - 1;
        for (long i = 0; i < _length; i++)
        {
            long s = i & (_d - 1);
            long conv = s << (w * k);
            for (int j = 0; j < k; j++)
            {
                long g = (i >> (_n + w * j)) & groupMask;
                long convGroup = w == 1 ? g : ((g & 1) << 1) | (g >> 1); // E before R
                conv |= convGroup << (w * (k - 1 - j));
            }
            result[conv] = _psi[i];
        }
        return Ket.Trusted(CompositeSpace.Qubits(Qubits), result);
    }

    private static Complex[][] BuildIsometries(ReadOnlySpan<Complex> w, AncillaState ancilla, int d)
    {
        int big = 2 * d;
        var comps = ancilla.PurificationComponents;
        var result = new Complex[comps.Count][];
        for (int r = 0; r < comps.Count; r++)
        {
            var phi = comps[r];
            var k = new Complex[big * d];
            for (int row = 0; row < big; row++)
                for (int s = 0; s < d; s++)
                    k[row * d + s] = w[row + (2 * s) * big] * phi[0] + w[row + (2 * s + 1) * big] * phi[1];
            result[r] = k;
        }
        return result;
    }

    // The nonzeros of the 2·R images (e′, r): image g = e′ + 2r has rows s′ = 0..d−1 with entries K_r[(s′ e′), s],
    // flattened (CSR over g·d + s′) with split real/imaginary parts for the pointer loop of CollideBlocks.
    private static (int[] RowStart, int[] Column, double[] Re, double[] Im) Sparsify(Complex[][] isometries, int d)
    {
        int images = 2 * isometries.Length;
        var starts = new int[images * d + 1];
        var cols = new List<int>();
        var re = new List<double>();
        var im = new List<double>();
        for (int g = 0; g < images; g++)
        {
            int r = g / 2, e = g % 2;
            for (int sp = 0; sp < d; sp++)
            {
                starts[g * d + sp] = cols.Count;
                int row = 2 * sp + e;
                for (int s = 0; s < d; s++)
                {
                    var z = isometries[r][row * d + s];
                    if (z == Complex.Zero) continue;
                    cols.Add(s);
                    re.Add(z.Real);
                    im.Add(z.Imaginary);
                }
            }
        }
        starts[images * d] = cols.Count;
        return (starts, cols.ToArray(), re.ToArray(), im.ToArray());
    }

    // (Re, Re) and (−Im, Im) pairs of every image's diagonal, or nulls when some image has an off-diagonal entry.
    private static (double[]? Re, double[]? Im) DiagonalImages(int[] starts, int[] cols, double[] re, double[] im, int images, int d)
    {
        var dr = new double[2 * images * d];
        var di = new double[2 * images * d];
        for (int row = 0; row < images * d; row++)
        {
            int sp = row % d;
            for (int t = starts[row]; t < starts[row + 1]; t++)
            {
                if (cols[t] != sp) return (null, null);
                dr[2 * row] = dr[2 * row + 1] = re[t];
                di[2 * row] = -im[t];
                di[2 * row + 1] = im[t];
            }
        }
        return (dr, di);
    }

    // One pass over the vector: grow it in place and apply the collision. ρ_S′ is not accumulated here: it is
    // tr_E W(ρ_S ⊗ η)W†, which the kernel's map already gave from ρ_S (the ancilla is fresh), so the pass is pure
    // streaming — read each system block once, write its 2 (or 4) images — and runs at memory bandwidth on all cores.
    private void GrowAndCollide()
    {
        long n = _length;
        long blocks = n / _d;
        if (n < ParallelThreshold)
        {
            Collide(0, blocks, n);
        }
        else
        {
            int chunks = Environment.ProcessorCount * 8;
            long per = (blocks + chunks - 1) / chunks;
            Parallel.For(0, chunks, c =>
            {
                long start = c * per, end = Math.Min(blocks, start + per);
                if (start < end) Collide(start, end, n);
            });
        }
        _length = n * (2L * _isometries.Length);
    }

    private void Collide(long startBlock, long endBlock, long n)
    {
        if (_diagonalRe != null && Avx.IsSupported && _d % 2 == 0) CollideDiagonalBlocks(startBlock, endBlock, n);
        else CollideBlocks(startBlock, endBlock, n);
    }

    // Blocks per tile (16 KiB at d = 4): the images are written tile by tile, image by image, the in-place image 0
    // last. Interleaving the in-place store and the store N amplitudes away block by block runs at a third of the
    // copy bandwidth (the two store streams are a large power of two apart and alias in the caches / store buffer);
    // tile by tile the tile is re-read from L1 and the pass runs near the copy rate.
    private const int TileBlocks = 256;

    // The diagonal case with AVX: two amplitudes per 256-bit vector, y = x·(Re, Re) + swap(x)·(−Im, Im) per image.
    // Memory-bound. Called a few times per step only: without AggressiveOptimization the tier-0 (unoptimised) code
    // would run the first big steps.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void CollideDiagonalBlocks(long startBlock, long endBlock, long n)
    {
        int perBlock = 2 * _d; // doubles per block
        int images = 2 * _isometries.Length;
        fixed (Complex* psiComplex = _psi)
        fixed (double* dre = _diagonalRe)
        fixed (double* dim = _diagonalIm)
        {
            double* psi = (double*)psiComplex;
            double* end = psi + endBlock * perBlock;
            long imageStride = 2 * n;
            for (double* tile = psi + startBlock * perBlock; tile < end; tile += TileBlocks * perBlock)
            {
                double* tileEnd = Math.Min((long)(end - tile), (long)TileBlocks * perBlock) + tile;
                for (int g = images - 1; g >= 0; g--)
                {
                    double* kre = dre + g * perBlock, kim = dim + g * perBlock;
                    long offset = g * imageStride;
                    for (double* block = tile; block < tileEnd; block += perBlock)
                    {
                        for (int v = 0; v < perBlock; v += 4)
                        {
                            var x = Avx.LoadVector256(block + v);
                            var swapped = Avx.Permute(x, 0b0101);
                            var kr = Avx.LoadVector256(kre + v);
                            var ki = Avx.LoadVector256(kim + v);
                            var y = Fma.IsSupported
                                ? Fma.MultiplyAdd(x, kr, Avx.Multiply(swapped, ki))
                                : Avx.Add(Avx.Multiply(x, kr), Avx.Multiply(swapped, ki));
                            Avx.Store(block + offset + v, y);
                        }
                    }
                }
            }
        }
    }

    // Block b holds the d system amplitudes x_s = ψ[b d + s]; its image g = e′ + 2r is y_s′ = Σ_s K_r[(s′ e′), s] x_s
    // at ψ[g N + b d + s′]. Image 0 overwrites the block itself, so it is written last for each tile (see
    // TileBlocks); blocks are independent, so the update is in place. Pointer arithmetic on interleaved doubles.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void CollideBlocks(long startBlock, long endBlock, long n)
    {
        int d = _d;
        int images = 2 * _isometries.Length;
        double* y = stackalloc double[2 * 16];
        fixed (Complex* psiComplex = _psi)
        fixed (int* starts = _rowStart)
        fixed (int* cols = _column)
        fixed (double* re = _re)
        fixed (double* im = _im)
        {
            double* psi = (double*)psiComplex;
            for (long tile = startBlock; tile < endBlock; tile += TileBlocks)
            {
                long tileEnd = Math.Min(endBlock, tile + TileBlocks);
                for (int g = images - 1; g >= 0; g--)
                {
                    int* rowStart = starts + g * d;
                    for (long b = tile; b < tileEnd; b++)
                    {
                        double* x = psi + 2 * b * d;
                        for (int sp = 0; sp < d; sp++)
                        {
                            double sr = 0, si = 0;
                            for (int t = rowStart[sp], tEnd = rowStart[sp + 1]; t < tEnd; t++)
                            {
                                double kr = re[t], ki = im[t];
                                double xr = x[2 * cols[t]], xi = x[2 * cols[t] + 1];
                                sr += kr * xr - ki * xi;
                                si += kr * xi + ki * xr;
                            }
                            y[2 * sp] = sr;
                            y[2 * sp + 1] = si;
                        }
                        // Image 0 is the block itself: y is complete before it is stored over x.
                        double* target = x + 2 * g * n;
                        for (int s = 0; s < 2 * d; s++) target[s] = y[s];
                    }
                }
            }
        }
    }

    // ρ_S[s, s′] = Σ_b ψ[b d + s] conj(ψ[b d + s′]), column-major.
    private void AccumulateSystem(long startBlock, long endBlock, Complex[] dest, bool clear)
    {
        int d = _d;
        if (clear) Array.Clear(dest);
        var psi = _psi;
        for (long b = startBlock; b < endBlock; b++)
        {
            long o = b * d;
            for (int j = 0; j < d; j++)
            {
                Complex cj = Complex.Conjugate(psi[o + j]);
                if (cj == Complex.Zero) continue;
                for (int i = 0; i < d; i++) dest[i + j * d] += psi[o + i] * cj;
            }
        }
    }
}
