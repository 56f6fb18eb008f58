// Thermalising collisions: qubit B of a|00> + b|11> swaps excitations with thermal ancillas diag(γ, κ)/(γ+κ).
// Every step books the entropies, I(AB:E), the strong-subadditivity slack and the running entropy production
// Σ_j I(AB′:E_j′) + D(η_j′‖η_j), which for an ancilla equal to B's stationary state telescopes to
// S(ρ(0)‖ρ_T) − S(ρ_k‖ρ_T).
using CollisionModel.Engines;
using CollisionModel.Models;

const double gamma = 1, kappa = 0.5, time = 2;
const int steps = 20;
var model = PaperModels.Decay(gamma, kappa, omega: 0, a: 0.8, AngleConvention.Exact, mixedEnvironment: true);
var options = new CollisionRunOptions
{
    Protocol = model.Protocol,
    InitialSystem = model.InitialState,
    Grid = TimeGrid.Over(time, steps),
};
Console.WriteLine(" step   time     S_AB      S_E    I(AB:E)  SSA slack  entropy production");
foreach (var r in CollisionSimulation.Run(options, Representation.Streaming).Records)
{
    var b = r.Bookkeeping;
    Console.WriteLine($"{b.Step,5} {b.Time,6:F2} {b.EntropyAB,8:F5} {b.EntropyE,8:F5} {b.MutualInformationABE,9:F5} {b.SsaSlack,10:F5} {b.EntropyProductionTotal,19:F6}");
}

// Output:
//    step   time     S_AB      S_E    I(AB:E)  SSA slack  entropy production
//       0   0.00  0.00000  0.63651   0.00000    0.00000            0.000000
//       1   0.10  0.28746  0.63906   0.29000    0.28963            0.290033
//       2   0.20  0.46826  0.63871   0.18299    0.18272            0.473050
//       3   0.30  0.60600  0.63840   0.13963    0.13942            0.612698
//       4   0.40  0.71576  0.63814   0.11139    0.11123            0.724099
//       5   0.50  0.80521  0.63792   0.09085    0.09074            0.814962
//       6   0.60  0.87911  0.63772   0.07511    0.07502            0.890078
//       7   0.70  0.94072  0.63756   0.06266    0.06259            0.952739
//       8   0.80  0.99243  0.63741   0.05260    0.05256            1.005347
//       9   0.90  1.03603  0.63729   0.04438    0.04434            1.049725
//      10   1.00  1.07294  0.63718   0.03757    0.03755            1.087299
//      11   1.10  1.10427  0.63709   0.03190    0.03188            1.119204
//      12   1.20  1.13093  0.63701   0.02715    0.02714            1.146356
//      13   1.30  1.15365  0.63694   0.02315    0.02314            1.169506
//      14   1.40  1.17305  0.63688   0.01977    0.01976            1.189274
//      15   1.50  1.18964  0.63683   0.01690    0.01689            1.206175
//      16   1.60  1.20383  0.63679   0.01446    0.01446            1.220639
//      17   1.70  1.21599  0.63675   0.01239    0.01239            1.233029
//      18   1.80  1.22641  0.63672   0.01062    0.01062            1.243650
//      19   1.90  1.23534  0.63669   0.00911    0.00911            1.252759
//      20   2.00  1.24301  0.63666   0.00782    0.00782            1.260577
