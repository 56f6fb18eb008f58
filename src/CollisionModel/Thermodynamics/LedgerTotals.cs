using CollisionModel.States;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// The running totals of a <see cref="ThermodynamicLedger"/> since step 0 (immutable; energy units with
/// ħ = k_B = 1, entropies in nats): the record fields <c>energy_S</c>, <c>heat</c>, <c>work</c>, <c>entropy_flow</c>.
/// Signs as in <see cref="CollisionEnergetics"/>: heat is the energy the ancillas gave up, so the first law reads
/// E_S(now) − E_S(0) = Σ_j heat_j + work (+ drive work when H_S is driven). Absent quantities are null, never NaN.
/// </summary>
/// <param name="Collisions">System–ancilla collisions booked so far (all baths; a bath with delayed feedback collides twice per step, once with its fresh and once with its returning ancilla).</param>
/// <param name="EnergySystem">tr ρ_S H_S(t) now (H_S(t) = f(t)·H_S with a drive); null without H_S.</param>
/// <param name="InitialEnergySystem">tr ρ_S(0) H_S(0); null without H_S.</param>
/// <param name="Heat">Per bath, Q_j = −Σ ΔE_E over its collisions; an entry is null when that bath has no H_E.</param>
/// <param name="Work">Σ over collisions of ΔE_S + ΔE_E; null without H_S or when some bath has no H_E.</param>
/// <param name="EntropyFlow">Σ_j β_j Q_j (nats); null unless every bath's ancilla is thermal (H_E and β).</param>
/// <param name="DriveWork">Σ over step boundaries of tr ρ_S[H_S(t_{n+1}) − H_S(t_n)]; null unless H_S is driven.</param>
public sealed record LedgerTotals(int Collisions, double? EnergySystem, double? InitialEnergySystem, IReadOnlyList<double?> Heat,
    double? Work, double? EntropyFlow, double? DriveWork = null)
{
    /// <summary>
    /// E_S(now) − E_S(0) − Σ_j Q_j − W (− the drive work when H_S is driven): zero to rounding (the first law); null
    /// when any of its terms is absent.
    /// </summary>
    public double? FirstLawResidual
    {
        get
        {
            if (EnergySystem is not { } e || InitialEnergySystem is not { } e0 || Work is not { } w) return null;
            double residual = e - e0 - w - (DriveWork ?? 0);
            foreach (var q in Heat)
            {
                if (q is not { } heat) return null;
                residual -= heat;
            }
            return residual;
        }
    }

    /// <summary>
    /// The entropy production since step 0 from the system's entropy change: ΔS_S − Σ_j β_j Q_j (nats); for fresh
    /// thermal ancillas it equals the running sum of I(S′:E′) + D(η′‖η). Null when the entropy flow is.
    /// </summary>
    public double? EntropyProduction(double systemEntropyChange) => EntropyFlow is { } flow ? systemEntropyChange - flow : null;

    /// <summary>
    /// A few-digit summary (the record's default would print the heat list's type name), e.g.
    /// <c>LedgerTotals after 80 collisions: energy_S = 0.25 (from 0.5), heat [-0.1, -0.15], work 0, entropy_flow -0.3</c>;
    /// the drive work is added when H_S is driven.
    /// </summary>
    public override string ToString() =>
        $"LedgerTotals after {Collisions} collisions: energy_S = {ReadableText.Number(EnergySystem)} (from {ReadableText.Number(InitialEnergySystem)}), "
        + $"heat {ReadableText.List(Heat, ReadableText.Number)}, work {ReadableText.Number(Work)}, entropy_flow {ReadableText.Number(EntropyFlow)}"
        + (DriveWork is { } drive ? $", drive work {ReadableText.Number(drive)}" : "");
}
