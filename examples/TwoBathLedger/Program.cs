// Two baths: two coupled qubits (H_S = (ω/2)(σz⊗1 + 1⊗σz) + g(σ⁺σ⁻ + σ⁻σ⁺)) between a hot bath on qubit 0 and a cold
// bath on qubit 1. Each bath's ancillas are Gibbs states of their own H_E = (ω_E/2)σz, detuned from the qubits, so the
// partial swaps also do work. The streaming engine books the thermodynamic ledger at every step: heat per bath, work,
// entropy flow Σ_j β_j Q_j. The run checks the first law (E_S(K) − E_S(0) = Σ_j Q_j + W) and the second law
// (Σ [I(S′:E′) + D(η′‖η)] = ΔS_S − Σ_j β_j Q_j), then compares the late-time heat per collision with the steady state
// computed directly from the step channel, and the collision model's currents with the local master equation's.
//   dotnet run -c Release --project examples/TwoBathLedger -- [collisions]   (default 20000; docs/numerics.md uses 1000000)
using System.Diagnostics;
using System.Globalization;
using CollisionModel.Collisions;
using CollisionModel.Operators;
using CollisionModel.Protocols;
using CollisionModel.Thermodynamics;

int steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
const double dt = 0.05, omega = 1, g = 0.3, betaHot = 0.4, betaCold = 2.5;

CollisionProtocol Protocol(double omegaHot, double omegaCold)
{
    var z = Pauli.Z;
    var one = Pauli.I;
    var hopping = Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
    var hs = 0.5 * omega * (Tensor.Kron(z, one) + Tensor.Kron(one, z)) + g * hopping;
    return new CollisionProtocol([2, 2], [1],
    [
        new Bath([0], AncillaState.Thermal(0.5 * omegaHot * z, betaHot), BathCollision.WithRate(hopping, 0.8), name: "hot"),
        new Bath([1], AncillaState.Thermal(0.5 * omegaCold * z, betaCold), BathCollision.WithRate(hopping, 1.1), name: "cold"),
    ], hs);
}

var protocol = Protocol(omegaHot: 1.4, omegaCold: 0.7);
int recordEvery = Math.Max(1, Math.Min(1000, steps / 2));
var watch = Stopwatch.StartNew();
var records = CollisionSimulation.Run(new CollisionRunOptions
{
    Protocol = protocol,
    InitialSystem = PaperModels.InitialState(0.6).WithSpace(protocol.SystemSpace),
    Steps = steps,
    TimeStep = dt,
    RecordEvery = recordEvery,
}, Representation.Streaming).Records;
watch.Stop();

var first = records[0];
var last = records[^1];
var totals = last.Thermodynamics!;
double production = last.Bookkeeping.EntropyProductionTotal;
double fromFlow = totals.EntropyProduction(last.Bookkeeping.EntropyAB - first.Bookkeeping.EntropyAB)!.Value;
Console.WriteLine($"{steps} steps ({2 * steps} collisions) of δt = {dt} in {watch.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"  heat Q_hot, Q_cold     {totals.Heat[0]:R}  {totals.Heat[1]:R}");
Console.WriteLine($"  work W                 {totals.Work:R}");
Console.WriteLine($"  entropy flow Σ β_j Q_j {totals.EntropyFlow:R}");
Console.WriteLine($"  energy E_S(0) → E_S(K) {totals.InitialEnergySystem:R} → {totals.EnergySystem:R}");
Console.WriteLine($"  first law:  E_S(K) − E_S(0) − Σ Q_j − W = {totals.FirstLawResidual:E2}");
Console.WriteLine($"  second law: Σ [I + D] − (ΔS_S − Σ β_j Q_j) = {production - fromFlow:E2}  (Σ [I + D] = {production:R})");

// Late-time heat per unit time from the ledger vs the steady state of the step channel (no running involved).
var previous = records[^2].Thermodynamics!;
double span = (last.Step - records[^2].Step) * dt;
var steady = SteadyState.OfCollisionModel(protocol, dt);
Console.WriteLine($"  late run J_hot, J_cold  {(totals.Heat[0] - previous.Heat[0]) / span:F10}  {(totals.Heat[1] - previous.Heat[1]) / span:F10}  (over the last {span / dt:F0} steps)");
Console.WriteLine($"  fixed point J_hot, J_cold {steady.HeatCurrents[0]:F10}  {steady.HeatCurrents[1]:F10}, power {steady.Power:F10}, Σ̇ = {steady.EntropyProductionRate:F10}");

// Resonant ancillas: the collision model's currents approach the local master equation's as δt → 0 (first order).
var resonant = Protocol(omegaHot: 1, omegaCold: 1);
var limit = SteadyState.OfLindbladLimit(resonant);
Console.WriteLine($"resonant ancillas, local master equation: J_hot = {limit.HeatCurrents[0]:F8}, J_cold = {limit.HeatCurrents[1]:F8}, Σ̇ = {limit.EntropyProductionRate:F8}");
foreach (double step in new[] { 0.1, 0.05, 0.025, 0.0125 })
{
    var cm = SteadyState.OfCollisionModel(resonant, step);
    Console.WriteLine($"  δt = {step,-6} J_hot = {cm.HeatCurrents[0]:F8}  J_cold = {cm.HeatCurrents[1]:F8}  Σ̇ = {cm.EntropyProductionRate:F8}  |ΔJ_hot| = {Math.Abs(cm.HeatCurrents[0]!.Value - limit.HeatCurrents[0]!.Value):E2}");
}
