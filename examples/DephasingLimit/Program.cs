// The dephasing limit: k collisions of length T/k against the master equation at T, for k = 10 … 10^12.
// The paper's angle (cos θ = 1 − η δt) converges at first order; the exact angle (cos θ = e^{−η δt}) at every k.
using CollisionModel.Models;
using CollisionModel.Studies;

long[] ks = [10, 100, 1_000, 10_000, 100_000, 1_000_000, 1_000_000_000, 1_000_000_000_000];
foreach (var angle in new[] { AngleConvention.Paper, AngleConvention.Exact })
{
    var result = ConvergenceStudy.Run(PaperModels.Dephasing(eta: 1, omega: 0, a: 0.7071067811865476, angle), time: 1, ks);
    Console.WriteLine($"angle = {angle}");
    Console.WriteLine("            k   trace distance   coherence error");
    foreach (var r in result.Records)
        Console.WriteLine($"{r.Steps,13}   {r.TraceDistance,14:E3}   {r.CoherenceError,15:E3}");
    Console.WriteLine($"fitted order = {result.Order?.ToString("F4") ?? "n/a (all distances zero)"}, Richardson from the two largest k = {result.Richardson:E3}");
    Console.WriteLine();
}

// Output:
//   angle = Paper
//               k   trace distance   coherence error
//              10       9.601E-003        9.601E-003
//             100       9.235E-004        9.235E-004
//            1000       9.201E-005        9.201E-005
//           10000       9.197E-006        9.197E-006
//          100000       9.197E-007        9.197E-007
//         1000000       9.197E-008        9.197E-008
//      1000000000       9.197E-011        9.197E-011
//   1000000000000       9.195E-014        9.195E-014
//   fitted order = 1.0009, Richardson from the two largest k = 2.776E-017
//   
//   angle = Exact
//               k   trace distance   coherence error
//              10       6.206E-017        2.776E-017
//             100       1.618E-016        1.388E-016
//            1000       1.144E-016        2.776E-017
//           10000       2.776E-017        2.776E-017
//          100000       2.168E-016        1.388E-016
//         1000000       1.144E-016        2.776E-017
//      1000000000       1.388E-016        8.327E-017
//   1000000000000       2.776E-017        2.776E-017
//   fitted order = 0.0262, Richardson from the two largest k = 2.776E-017
