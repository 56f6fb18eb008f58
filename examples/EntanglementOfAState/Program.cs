// E_R of a two-qubit state you type in: 16 real numbers (row-major, basis |00>, |01>, |10>, |11>) as arguments or on
// standard input, e.g. the Werner state of singlet fidelity 0.8:
//   dotnet run --project examples/EntanglementOfAState -- \
//     .0666667 0 0 0  0 .4333333 -.3666667 0  0 -.3666667 .4333333 0  0 0 0 .0666667
// Prints E_R (nats) with its certified lower bound, the closest separable state, the concurrence and the negativity.
using System.Globalization;
using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

// Waiting silently on a keyboard looks like a hang: say what is expected, but only to a person (not to a pipe).
if (args.Length == 0 && !Console.IsInputRedirected)
    Console.Error.WriteLine("Type the 16 real entries of ρ (row-major, basis |00>, |01>, |10>, |11>), then Ctrl-D (Ctrl-Z Enter on Windows):");
var tokens = args.Length > 0 ? args : Console.In.ReadToEnd().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
if (tokens.Length != 16)
{
    Console.Error.WriteLine($"need 16 numbers (a 4×4 real density matrix, row-major), got {tokens.Length}.");
    return 2;
}
var entries = new Complex[4, 4];
for (int i = 0; i < 16; i++)
{
    if (!double.TryParse(tokens[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
    {
        Console.Error.WriteLine($"entry {i + 1} ('{tokens[i]}') is not a number.");
        return 2;
    }
    entries[i / 4, i % 4] = x;
}
try
{
    var rho = DensityMatrix.Create(Matrix<Complex>.Build.DenseOfArray(entries), traceTolerance: 1e-6, hermiticityTolerance: 1e-6);
    var ree = RelativeEntropyOfEntanglement.Compute(rho);
    Console.WriteLine($"E_R          = {ree.Value:F8} nats (certified lower bound {ree.LowerBound:F8}, method {ree.Method})");
    Console.WriteLine($"concurrence  = {Concurrence.Wootters(rho):F8}");
    Console.WriteLine($"negativity   = {Negativity.Compute(rho):F8}");
    Console.WriteLine("closest separable state (real parts):");
    for (int i = 0; i < 4; i++)
        Console.WriteLine("  " + string.Join("  ", Enumerable.Range(0, 4).Select(j => ree.ClosestSeparable[i, j].Real.ToString("F6", CultureInfo.InvariantCulture).PadLeft(10))));
    return 0;
}
catch (QuantumInputException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// Output (Werner state above):
//   E_R          = 0.19274476 nats (certified lower bound 0.19274476, method BellDiagonal)
//   concurrence  = 0.60000000
//   negativity   = 0.30000000
//   closest separable state (real parts):
//       0.166667    0.000000    0.000000    0.000000
//       0.000000    0.333333   -0.166667    0.000000
//       0.000000   -0.166667    0.333333    0.000000
//       0.000000    0.000000    0.000000    0.166667
