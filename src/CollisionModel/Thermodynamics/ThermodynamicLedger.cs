using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Validation;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// The per-collision energy ledger of a <see cref="CollisionProtocol"/>: heat per bath, work and entropy flow,
/// accumulated over a run (energy units with ħ = k_B = 1, entropies in nats). The engines feed it through one path,
/// the bookkeeper (<see cref="Bookkeeping.StepBookkeeper"/>), which measures each bath's heat from the ancilla states
/// and calls <see cref="BookStep(ReadOnlySpan{Complex}, ReadOnlySpan{double})"/> once per step; a caller stepping by
/// hand may instead book single collisions
/// (<see cref="Collision(int, ReadOnlySpan{Complex}, ReadOnlySpan{Complex}, ReadOnlySpan{Complex})"/>). Every call is
/// allocation-free (O(nonzeros of H_S and H_E) for one bath), and the totals are compensated (Neumaier) sums, so 10⁶
/// steps close the first law to rounding.
/// <para>
/// Definitions, per collision of bath j: Q_j = −tr[H_Ej(ρ_Ej′ − ρ_Ej)] (the energy the ancilla gives up, measured by
/// its Hamiltonian H_E); W = ΔE_S + ΔE_Ej with E_S = tr ρ_S H_S measured right before and right after the collision;
/// entropy flow β_j Q_j. Free evolution under H_S conserves E_S, so the system states may be taken anywhere between
/// the neighbouring collisions (the engines pass the states at the start and end of a step for a single bath), and
/// E_S(K) − E_S(0) = Σ_j Q_j + W. For a fresh thermal ancilla, ΔS_S − β_j Q_j = I(S′:E′) + D(η′‖η) ≥ 0.
/// </para>
/// <para>
/// A drive of the system, H_S(t) = f(t)·H_S, holds H_S(t_n) for the whole of step n: that step's E_S (and so its work)
/// is measured with H_S(t_n), and at its end H_S jumps to H_S(t_{n+1}), booking the drive work
/// tr ρ_S(t_{n+1})[H_S(t_{n+1}) − H_S(t_n)]; then E_S(K) − E_S(0) = Σ_j Q_j + W + drive work, with E_S(n) = tr ρ_S H_S(t_n).
/// A driven ledger is fed whole steps (the step count is the clock), never single collisions.
/// </para>
/// <para>
/// Absent quantities: heat of a bath without H_E, work without H_S (or with a bath without H_E) and the entropy flow
/// unless every ancilla is thermal (H_E and β) are null; β = 0 gives entropy flow 0 whatever the heat. Not thread safe.
/// </para>
/// </summary>
public sealed class ThermodynamicLedger
{
    private readonly int _systemDimension;
    private readonly SparseObservable? _systemHamiltonian;
    private readonly SparseObservable?[] _ancillaHamiltonian;
    private readonly int[] _ancillaDimension;
    private readonly double[] _freshAncillaEnergy;
    private readonly double[] _beta;
    private readonly bool[] _thermal;
    private readonly bool _allHaveHamiltonian, _anyHasHamiltonian, _allThermal;
    private readonly CompensatedSum[] _heat;
    private CompensatedSum _work, _flow, _driveWork;
    private readonly Drive? _systemDrive;
    private readonly double _timeStep;
    // The latest f(t_n) looked up, and its n (−1: none yet).
    private int _factorStep = -1;
    private double _factor;
    // Whole steps booked so far: step n is measured with H_S(t_n) = f(t_n)·H_S.
    private int _steps;
    private readonly double? _initialEnergy;
    // tr ρ_S H_S (the undriven H_S) where the latest booking ended (at ρ_S(0) before the first): the start of a continuing step.
    private double _lastSystemEnergy;
    private readonly int[] _jointStride;
    private readonly int _jointAncillaDimension;
    // Collisions of one whole step: one per bath, plus the returning ancilla of every bath with a delay line (the line
    // starts filled, so it returns from step 0 on).
    private readonly int _collisionsPerStep;

    /// <summary>
    /// Starts an empty ledger for <paramref name="protocol"/> at the system state ρ_S(0) (column-major, d_S²); a
    /// protocol whose H_S is driven needs the step length δt &gt; 0 (<paramref name="timeStep"/>), which places t_n = n·δt.
    /// </summary>
    public ThermodynamicLedger(CollisionProtocol protocol, ReadOnlySpan<Complex> initialSystem, double? timeStep = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.SystemDrive is { } drive)
        {
            if (timeStep is not { } dt) throw new ParameterOutOfRangeException("A driven system's ledger needs the step length δt.", nameof(timeStep));
            Guard.Finite(dt, nameof(timeStep));
            Guard.Positive(dt, nameof(timeStep));
            _systemDrive = drive;
            _timeStep = dt;
        }
        _systemDimension = protocol.SystemDimension;
        CheckLength(initialSystem, _systemDimension, "initialSystem");
        _systemHamiltonian = protocol.SystemHamiltonian is { } hs ? new SparseObservable(hs.ToColumnMajorArray()) : null;
        int baths = protocol.Baths.Count;
        _ancillaHamiltonian = new SparseObservable?[baths];
        _ancillaDimension = new int[baths];
        _freshAncillaEnergy = new double[baths];
        _beta = new double[baths];
        _thermal = new bool[baths];
        _heat = new CompensatedSum[baths];
        _allHaveHamiltonian = true;
        _allThermal = true;
        for (int j = 0; j < baths; j++)
        {
            var ancilla = protocol.Baths[j].Ancilla;
            _ancillaDimension[j] = ancilla.Dimension;
            if (ancilla.Hamiltonian is { } he)
            {
                var h = new SparseObservable(he.ToColumnMajorArray());
                _ancillaHamiltonian[j] = h;
                _freshAncillaEnergy[j] = Energy(ancilla.ColumnMajor, h);
                if (ancilla.Beta is { } beta)
                {
                    _beta[j] = beta;
                    _thermal[j] = true;
                }
            }
            _allHaveHamiltonian &= _ancillaHamiltonian[j] is not null;
            _anyHasHamiltonian |= _ancillaHamiltonian[j] is not null;
            _allThermal &= _thermal[j];
        }
        _initialEnergy = EnergySystem(initialSystem);
        _lastSystemEnergy = _systemHamiltonian is { } h0 ? Energy(initialSystem, h0) : 0;
        _jointStride = new int[baths];
        long joint = 1;
        for (int j = baths - 1; j >= 0; j--)
        {
            _jointStride[j] = (int)Math.Min(joint, int.MaxValue);
            joint *= _ancillaDimension[j];
        }
        _jointAncillaDimension = (int)Math.Min(joint, int.MaxValue);
        _collisionsPerStep = baths + protocol.Baths.Count(b => b.HasFeedback);
    }

    /// <summary>
    /// System–ancilla collisions booked so far: a whole step counts every collision it made, one per bath plus one per
    /// bath with a delay line (its returning ancilla, from step 0 on since the line starts filled); a single booked
    /// collision counts one. Memory collisions (ancilla–ancilla) are not system collisions and do not count.
    /// </summary>
    public int Collisions { get; private set; }

    /// <summary>The balance of the latest booked collision (default before the first).</summary>
    public CollisionEnergetics Last { get; private set; }

    /// <summary>True when the protocol has a system Hamiltonian (energy_S and work can exist).</summary>
    public bool HasSystemHamiltonian => _systemHamiltonian is not null;

    /// <summary>True when some bath's ancilla has a Hamiltonian (the ledger has something to book).</summary>
    public bool HasAnyAncillaHamiltonian => _anyHasHamiltonian;

    /// <summary>
    /// Books one collision of bath <paramref name="bath"/> with a fresh ancilla (η before the collision): ρ_S right
    /// before and right after it (d_S² column-major each) and the ancilla's state right after it (d_E², before any
    /// memory collision). O(d_S² + d_E²), allocation-free.
    /// </summary>
    public void Collision(int bath, ReadOnlySpan<Complex> systemBefore, ReadOnlySpan<Complex> systemAfter, ReadOnlySpan<Complex> ancillaAfter)
    {
        CheckBath(bath);
        Book(bath, systemBefore, systemAfter, _freshAncillaEnergy[bath], ancillaAfter);
    }

    /// <summary>
    /// Each bath's heat Q_j = tr η_j H_Ej − tr ρ_{E_j}′ H_Ej of a memoryless step's fresh ancillas, from their joint state
    /// E_1 ⊗ … ⊗ E_m after the step (bath order, first most significant; (Π d_Ej)² entries) into
    /// <paramref name="heat"/> (entries of baths without H_E untouched). Each ancilla is untouched after its own
    /// collision, so its marginal of the joint state is its state right after that collision. O(Σ_j d_Ej Π_k d_Ek),
    /// O(nonzeros of H_E) for one bath; allocation-free.
    /// </summary>
    public void FreshAncillaHeat(ReadOnlySpan<Complex> ancillasAfter, Span<double> heat)
    {
        int m = _heat.Length;
        CheckLength(ancillasAfter, _jointAncillaDimension, nameof(ancillasAfter));
        if (heat.Length != m)
            throw new DimensionMismatchException($"heat must have one entry per bath ({m}), got {heat.Length}.", nameof(heat));
        for (int j = 0; j < m; j++)
        {
            if (_ancillaHamiltonian[j] is not { } he) continue;
            // One bath: the joint state is that ancilla's state.
            heat[j] = _freshAncillaEnergy[j] - (m == 1 ? Energy(ancillasAfter, he) : MarginalEnergy(ancillasAfter, j, he.Interleaved));
        }
    }

    /// <summary>
    /// Books one whole step from the heat each bath's ancillas gave up in it (Q_j = −ΔE of all of bath j's ancillas
    /// the step touched, measured with <see cref="AncillaEnergy"/>; entries of baths without H_E are ignored) and ρ_S at
    /// the step's end; the step starts exactly where the previous booking ended (the initial state before the first),
    /// so E_S before it is the ledger's own last value. The step's work is ΔE_S − Σ_j Q_j (free evolution and the
    /// telescoping of E_S make it the sum of the per-collision works); <see cref="Last"/> is the step's balance
    /// (<see cref="CollisionEnergetics.Bath"/> = −1 with several baths). O(d_S² + m), allocation-free.
    /// </summary>
    public void BookStep(ReadOnlySpan<Complex> systemAfter, ReadOnlySpan<double> heat) => BookStep(_lastSystemEnergy, systemAfter, heat);

    private void BookStep(double systemEnergyBefore, ReadOnlySpan<Complex> systemAfter, ReadOnlySpan<double> heat)
    {
        int m = _heat.Length;
        CheckLength(systemAfter, _systemDimension, nameof(systemAfter));
        if (heat.Length != m)
            throw new DimensionMismatchException($"heat must have one entry per bath ({m}), got {heat.Length}.", nameof(heat));
        double heatSum = 0, flowSum = 0;
        for (int j = 0; j < m; j++)
        {
            if (_ancillaHamiltonian[j] is null) continue;
            double q = heat[j];
            heatSum += q;
            _heat[j].Add(q);
            if (_thermal[j])
            {
                double f = _beta[j] == 0 ? 0 : _beta[j] * q;
                flowSum += f;
                _flow.Add(f);
            }
        }
        double? dES = null, work = null;
        if (_systemHamiltonian is { } hs)
        {
            double after = Energy(systemAfter, hs);
            // Energies are booked undriven (f = 1) and scaled by f(t_n) here; without a drive the factor is exactly 1.
            double factor = DriveFactor(_steps);
            double d = factor * (after - systemEnergyBefore);
            _lastSystemEnergy = after;
            dES = d;
            if (_allHaveHamiltonian)
            {
                work = d - heatSum;
                _work.Add(d - heatSum);
            }
            if (_systemDrive is not null) _driveWork.Add((DriveFactor(_steps + 1) - factor) * after);
        }
        _steps++;
        Collisions += _collisionsPerStep;
        Last = new CollisionEnergetics(m == 1 ? 0 : -1, _anyHasHamiltonian ? heatSum : null, dES, work, _allThermal ? flowSum : null);
    }

    /// <summary>tr ρ H_E of one of bath <paramref name="bath"/>'s ancillas (column-major, d_E²); 0 when the bath has no H_E. O(d_E²).</summary>
    public double AncillaEnergy(int bath, ReadOnlySpan<Complex> state)
    {
        CheckBath(bath);
        CheckLength(state, _ancillaDimension[bath], nameof(state));
        return _ancillaHamiltonian[bath] is { } h ? Energy(state, h) : 0;
    }

    /// <summary>tr η H_E of bath <paramref name="bath"/>'s fresh ancilla; 0 when the bath has no H_E.</summary>
    public double FreshAncillaEnergy(int bath)
    {
        CheckBath(bath);
        return _freshAncillaEnergy[bath];
    }

    /// <summary>
    /// tr ρ_S H_S(t_n) of a system state (column-major, d_S²) at the current step boundary n (the steps booked so far;
    /// H_S itself without a drive), or null without H_S. O(d_S²).
    /// </summary>
    public double? EnergySystem(ReadOnlySpan<Complex> system)
    {
        CheckLength(system, _systemDimension, nameof(system));
        return _systemHamiltonian is { } h ? DriveFactor(_steps) * Energy(system, h) : null;
    }

    /// <summary>
    /// Σ over step boundaries of tr ρ_S[H_S(t_{n+1}) − H_S(t_n)] so far (energy units): the work the drive of H_S did
    /// on the system; null without a system drive.
    /// </summary>
    public double? DriveWork => _systemDrive is not null ? _driveWork.Value : null;

    // f(t_n) of the system drive; exactly 1 without one. A booked step asks for f(t_n) and f(t_{n+1}) and the next
    // step for f(t_{n+1}) again, so the latest value is kept (a binary search over the drive's points saved per step).
    private double DriveFactor(int step)
    {
        if (_systemDrive is null) return 1;
        if (step != _factorStep)
        {
            _factor = _systemDrive.AtStep(step, _timeStep);
            _factorStep = step;
        }
        return _factor;
    }

    /// <summary>Heat Q_j given up by bath j's ancillas so far, or null when its ancilla has no H_E.</summary>
    public double? Heat(int bath)
    {
        CheckBath(bath);
        return _ancillaHamiltonian[bath] is null ? null : _heat[bath].Value;
    }

    /// <summary>The work so far, or null without H_S or when some bath has no H_E.</summary>
    public double? Work => _systemHamiltonian is not null && _allHaveHamiltonian ? _work.Value : null;

    /// <summary>Σ_j β_j Q_j so far (nats), or null unless every bath's ancilla is thermal.</summary>
    public double? EntropyFlow => _allThermal ? _flow.Value : null;

    /// <summary>The running totals with E_S measured on <paramref name="systemNow"/> (column-major, d_S²). Allocates the record.</summary>
    public LedgerTotals Totals(ReadOnlySpan<Complex> systemNow)
    {
        var heat = new double?[_heat.Length];
        for (int j = 0; j < heat.Length; j++) heat[j] = Heat(j);
        return new LedgerTotals(Collisions, EnergySystem(systemNow), _initialEnergy, heat, Work, EntropyFlow, DriveWork);
    }

    private void Book(int bath, ReadOnlySpan<Complex> systemBefore, ReadOnlySpan<Complex> systemAfter, double ancillaBefore,
        ReadOnlySpan<Complex> ancillaAfter)
    {
        // A single collision does not say where the step ends, which is where a driven H_S changes.
        if (_systemDrive is not null)
            throw new ParameterOutOfRangeException("A driven system's ledger books whole steps (Step or BookStep), not single collisions.", "drive");
        CheckLength(systemBefore, _systemDimension, nameof(systemBefore));
        CheckLength(systemAfter, _systemDimension, nameof(systemAfter));
        CheckLength(ancillaAfter, _ancillaDimension[bath], nameof(ancillaAfter));
        double? heat = null, dES = null, work = null, flow = null;
        if (_ancillaHamiltonian[bath] is { } he)
        {
            double q = ancillaBefore - Energy(ancillaAfter, he);
            heat = q;
            _heat[bath].Add(q);
            if (_thermal[bath])
            {
                // β = 0 gives exactly 0 here; β is finite by construction of a thermal ancilla, so never NaN.
                double f = _beta[bath] == 0 ? 0 : _beta[bath] * q;
                flow = f;
                _flow.Add(f);
            }
        }
        if (_systemHamiltonian is { } hs)
        {
            double after = Energy(systemAfter, hs);
            double d = after - Energy(systemBefore, hs);
            _lastSystemEnergy = after;
            dES = d;
            if (heat is { } q)
            {
                // W = ΔE_S + ΔE_E = ΔE_S − Q.
                work = d - q;
                _work.Add(d - q);
            }
        }
        Collisions++;
        Last = new CollisionEnergetics(bath, heat, dES, work, flow);
    }

    private static double Energy(ReadOnlySpan<Complex> rho, SparseObservable h) => h.Expectation(rho);

    // tr[ρ_E (1 ⊗ H_Ej ⊗ 1)] on the joint ancilla space without forming the marginal: Σ_I Σ_b ρ_E[I, I_b] H[b, a(I)],
    // I_b = I with bath j's digit a(I) replaced by b. I runs in order as (higher digits, a, lower digits), so a(I) and
    // the base index need no division (this is per step). O(D_E d_j).
    private double MarginalEnergy(ReadOnlySpan<Complex> joint, int bath, ReadOnlySpan<double> h)
    {
        int dim = _jointAncillaDimension, d = _ancillaDimension[bath], stride = _jointStride[bath], block = d * stride;
        double e = 0;
        for (int high = 0; high < dim; high += block)
        {
            for (int a = 0; a < d; a++)
            {
                for (int low = 0; low < stride; low++)
                {
                    int i = high + a * stride + low, baseIndex = high + low;
                    for (int b = 0; b < d; b++)
                    {
                        var r = joint[i + (baseIndex + b * stride) * dim];
                        int hk = 2 * (b + a * d);
                        // Re(ρ[I, I_b] · H[b, a]).
                        e += r.Real * h[hk] - r.Imaginary * h[hk + 1];
                    }
                }
            }
        }
        return e;
    }

    private void CheckBath(int bath)
    {
        if ((uint)bath >= (uint)_heat.Length)
            throw new ParameterOutOfRangeException($"The protocol has {_heat.Length} bath(s); got bath index {bath}.", nameof(bath));
    }

    private static void CheckLength(ReadOnlySpan<Complex> state, int dimension, string name)
    {
        if (state.Length != dimension * dimension)
            throw new DimensionMismatchException($"{name} must have {dimension}² = {dimension * dimension} entries (column-major), got {state.Length}.", name);
    }
}
