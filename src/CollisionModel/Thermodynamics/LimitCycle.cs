using CollisionModel.States;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// The limit cycle (periodic steady state) of a periodically driven protocol and its energetics over one period
/// (immutable; energy units with ħ = k_B = 1, times in the protocol's units). Signs as in the ledger: heat Q_j &gt; 0
/// when bath j's ancillas give energy to the system, work &gt; 0 when done on the system, so over a period
/// Σ_j Q_j + W + W_drive = 0 (E_S returns to its value). A heat engine has W + W_drive &lt; 0. Absent quantities are
/// null, never NaN.
/// </summary>
/// <param name="StepsPerPeriod">M, the steps of one period.</param>
/// <param name="Period">τ = M·δt.</param>
/// <param name="States">ρ_S at the step boundaries t_0 … t_M of the cycle (M + 1 states; the first is the fixed point of the one-period map, the last equals it to rounding).</param>
/// <param name="Heat">Q_j over one period, per bath; an entry is null when that bath's ancilla has no H_E.</param>
/// <param name="Work">W over one period, the work of switching the couplings; null without H_S or with a bath without H_E.</param>
/// <param name="DriveWork">W_drive over one period, Σ_n tr ρ_S[H_S(t_{n+1}) − H_S(t_n)]; null unless H_S is driven.</param>
public sealed record LimitCycle(int StepsPerPeriod, double Period, IReadOnlyList<DensityMatrix> States, IReadOnlyList<double?> Heat,
    double? Work, double? DriveWork)
{
    /// <summary>The fixed point of the one-period map: ρ_S at the start of every period of the limit cycle.</summary>
    public DensityMatrix State => States[0];

    /// <summary>
    /// The total work done on the system per period, W + W_drive (W_drive counted 0 without a system drive); null
    /// when W is absent. Negative for an engine: −(W + W_drive) is the work it delivers.
    /// </summary>
    public double? TotalWork => Work is { } w ? w + (DriveWork ?? 0) : null;

    /// <summary>The work the machine delivers per unit time, −(W + W_drive)/τ (&gt; 0 for an engine); null when W is absent.</summary>
    public double? PowerOutput => TotalWork is { } w ? -w / Period : null;

    /// <summary>Heat currents Q_j/τ per bath (null entries as in <see cref="Heat"/>).</summary>
    public IReadOnlyList<double?> HeatCurrents => Heat.Select(q => q / Period).ToArray();
}
