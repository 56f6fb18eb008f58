// Two qubits between a hot and a cold bath. A and B are resonant qubits (H_S = |1><1|_A + |1><1|_B +
// g(σ⁺_A σ⁻_B + σ⁻_A σ⁺_B), g = 1/2); every step, A meets a fresh hot ancilla (β = 0.5) and B a fresh cold one (β = 3),
// each through the partial swap V = σ⁺σ⁻ + σ⁻σ⁺ at rate 1, with H_E = |1><1|. The protocol is built here in code and
// is also the model file two-baths.json (which `collision simulate --model-file` runs); the program checks that the
// two agree. It prints the per-step bookkeeping and the thermodynamic ledger the streaming engine keeps (heat per
// bath, work, entropy flow Σ_j β_j Q_j, entropy production), the heat currents from the ledger, from the fixed point
// of one step and from the local master equation, and the residuals of the first and second laws.
//   dotnet run -c Release --project examples/TwoBaths -- [steps]   (default 200 steps of δt = 0.05; 1000000 closes
//   the laws over 2·10⁶ collisions, docs/numerics.md)
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;

int steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
const double dt = 0.05, betaHot = 0.5, betaCold = 3.0;
int printEvery = Math.Max(1, steps / 10);

// The model in code.
var excited = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, 0 }, { 0, 1 } }); // |1><1|, also H_E
var hopping = Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
var space = CompositeSpace.Qubits(2);
var hamiltonian = Tensor.Embed(excited, space, 0) + Tensor.Embed(excited, space, 1) + 0.5 * hopping;
Bath Thermal(string name, int qubit, double beta) =>
    new([qubit], AncillaState.Thermal(excited, beta), BathCollision.WithRate(hopping, 1.0), name: name);
var protocol = new CollisionProtocol([2, 2], [1], [Thermal("hot", 0, betaHot), Thermal("cold", 1, betaCold)], hamiltonian);
var initial = DensityMatrix.FromKet(Ket.Basis(space, 0));

// The same model as a file.
var file = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "two-baths.json"));
Console.WriteLine($"two-baths.json describes this model: {(SameModel(protocol, file.Protocol) && Close(initial.ToMatrix(), file.InitialState.ToMatrix()) ? "yes" : "NO")}");

var watch = Stopwatch.StartNew();
var records = CollisionSimulation.Run(new CollisionRunOptions
{
    Protocol = protocol,
    InitialSystem = initial,
    Grid = TimeGrid.OfStep(dt, steps),
    RecordEvery = printEvery,
}, Representation.Streaming).Records;
watch.Stop();
Console.WriteLine($"{steps} steps ({2 * steps} collisions) of δt = {dt} in {watch.Elapsed.TotalSeconds:F2} s (streaming, bookkeeping and ledger at every step)");

// Per record: the entropy bookkeeping (E = the two ancillas of the latest step) and the ledger's running totals.
// Σ = entropy_production_total, the running sum of I(AB′:E′) + D(η′‖η) over the steps.
Console.WriteLine("    step      time    S_AB     S_E  I(AB:E)  SSA slack    Σ (I+D)      E_S      Q_hot     Q_cold       work   Σ β_j Q_j");
foreach (var r in records)
{
    var b = r.Bookkeeping;
    var t = r.Thermodynamics!;
    Console.WriteLine($"{b.Step,8} {b.Time,9:F2} {b.EntropyAB,7:F4} {b.EntropyE,7:F4} {b.MutualInformationABE,8:F5} {b.SsaSlack,10:F5} " +
        $"{b.EntropyProductionTotal,10:F4} {t.EnergySystem,8:F5} {t.Heat[0],10:F4} {t.Heat[1],10:F4} {t.Work,10:0.0E+00} {t.EntropyFlow,11:F5}");
}

// The laws over the whole run. First: E_S(K) − E_S(0) = Σ_j Q_j + W. Second (collision by collision for fresh
// ancillas, so also summed): ΔS_S − Σ_j β_j Q_j = Σ [I(S′:E′) + D(η′‖η)] ≥ 0.
var first = records[0];
var last = records[^1];
var totals = last.Thermodynamics!;
double production = last.Bookkeeping.EntropyProductionTotal;
double fromFlow = totals.EntropyProduction(last.Bookkeeping.EntropyAB - first.Bookkeeping.EntropyAB)!.Value;
Console.WriteLine($"first law:  E_S(K) − E_S(0) − Σ Q_j − W = {totals.FirstLawResidual:0.0E+00}");
Console.WriteLine($"second law: Σ [I + D] − (ΔS_S − Σ β_j Q_j) = {production - fromFlow:0.0E+00}   (Σ [I + D] = {production:F6} nats)");

// Heat currents J_j (> 0: into the system). From the ledger: the heat of the last recorded stretch per unit time.
// From the fixed point of one step's channel (no run involved), and from the local master equation (the Lindblad
// limit δt → 0), which the collision model's fixed point approaches as δt shrinks.
var previous = records[^2].Thermodynamics!;
double span = (last.Step - records[^2].Step) * dt;
var limit = SteadyState.OfLindbladLimit(protocol);
void Currents(string label, double? hot, double? cold, double? production) =>
    Console.WriteLine($"  {label,-44}{hot,12:F8} {cold,12:F8} {production,12:F8}");
Console.WriteLine($"heat currents (> 0: into the system){"",10}J_hot       J_cold   −Σ β_j J_j");
Currents($"ledger, steps {records[^2].Step}…{last.Step}", (totals.Heat[0] - previous.Heat[0]) / span,
    (totals.Heat[1] - previous.Heat[1]) / span, -(betaHot * (totals.Heat[0] - previous.Heat[0]) + betaCold * (totals.Heat[1] - previous.Heat[1])) / span);
foreach (double step in new[] { dt, dt / 2, dt / 4 })
{
    var cm = SteadyState.OfCollisionModel(protocol, step);
    Currents($"collision model, fixed point, δt = {step}", cm.HeatCurrents[0], cm.HeatCurrents[1], cm.EntropyProductionRate);
}
Currents("local master equation (δt → 0)", limit.HeatCurrents[0], limit.HeatCurrents[1], limit.EntropyProductionRate);

static bool Close(Matrix<Complex>? a, Matrix<Complex>? b) =>
    a is null ? b is null : b is not null && (a - b).FrobeniusNorm() < 1e-12;

static bool SameModel(CollisionProtocol a, CollisionProtocol b) =>
    a.SystemSpace.Equals(b.SystemSpace) && a.SubsystemsB.SequenceEqual(b.SubsystemsB) && a.Splitting == b.Splitting &&
    Close(a.SystemHamiltonian, b.SystemHamiltonian) && a.Baths.Count == b.Baths.Count &&
    a.Baths.Zip(b.Baths).All(p => p.First.ActsOn.SequenceEqual(p.Second.ActsOn) && p.First.Name == p.Second.Name &&
        p.First.Collision.Kind == p.Second.Collision.Kind && p.First.Collision.Rate == p.Second.Collision.Rate &&
        Close(p.First.Collision.Coupling, p.Second.Collision.Coupling) && p.First.Ancilla.Beta == p.Second.Ancilla.Beta &&
        Close(p.First.Ancilla.State.ToMatrix(), p.Second.Ancilla.State.ToMatrix()) &&
        Close(p.First.Ancilla.Hamiltonian, p.Second.Ancilla.Hamiltonian));

// Output (default run):
//   two-baths.json describes this model: yes
//   200 steps (400 collisions) of δt = 0.05 in 0.05 s (streaming, bookkeeping and ledger at every step)
//       step      time    S_AB     S_E  I(AB:E)  SSA slack    Σ (I+D)      E_S      Q_hot     Q_cold       work   Σ β_j Q_j
//          0      0.00  0.0000  0.8537  0.00000    0.00000     0.0000  0.00000     0.0000     0.0000    0.0E+00     0.00000
//         20      1.00  0.6952  0.8489  0.00771    0.00765     0.4944  0.26994     0.2436     0.0263    6.5E-16     0.20083
//         40      2.00  0.8442  0.8569  0.00790    0.00658     0.6391  0.36842     0.3601     0.0083    9.7E-17     0.20508
//         60      3.00  0.9077  0.8614  0.00980    0.00655     0.8223  0.40434     0.4511    -0.0467   -4.0E-16     0.08535
//         80      4.00  0.9351  0.8631  0.01027    0.00608     1.0289  0.41744     0.5385    -0.1210   -1.0E-15    -0.09380
//        100      5.00  0.9448  0.8636  0.01018    0.00574     1.2380  0.42222     0.6240    -0.2018   -1.6E-15    -0.29327
//        120      6.00  0.9474  0.8637  0.01010    0.00561     1.4452  0.42397     0.7079    -0.2839   -1.7E-15    -0.49773
//        140      7.00  0.9481  0.8638  0.01008    0.00559     1.6513  0.42460     0.7908    -0.3662   -2.7E-15    -0.70323
//        160      8.00  0.9483  0.8638  0.01008    0.00559     1.8575  0.42483     0.8735    -0.4486   -3.5E-15    -0.90913
//        180      9.00  0.9484  0.8638  0.01009    0.00559     2.0637  0.42492     0.9560    -0.5311   -4.0E-15    -1.11529
//        200     10.00  0.9485  0.8638  0.01009    0.00559     2.2701  0.42495     1.0386    -0.6136   -5.1E-15    -1.32158
//   first law:  E_S(K) − E_S(0) − Σ Q_j − W = 0.0E+00
//   second law: Σ [I + D] − (ΔS_S − Σ β_j Q_j) = -1.9E-14   (Σ [I + D] = 2.270071 nats)
//   heat currents (> 0: into the system)          J_hot       J_cold   −Σ β_j J_j
//     ledger, steps 180…200                         0.08255284  -0.08252196   0.20628947
//     collision model, fixed point, δt = 0.05       0.08254326  -0.08254326   0.20635815
//     collision model, fixed point, δt = 0.025      0.08253231  -0.08253231   0.20633078
//     collision model, fixed point, δt = 0.0125     0.08252960  -0.08252960   0.20632400
//     local master equation (δt → 0)                0.08252870  -0.08252870   0.20632175
