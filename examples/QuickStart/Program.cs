// Quick start: entropies and correlations of the paper's initial state a|00> + b|11>.
using CollisionModel.Information;
using CollisionModel.States;

var rho = DensityMatrix.FromKet(Ket.PaperState(Math.Cos(Math.PI / 8)));
Console.WriteLine($"S_AB       = {Entropy.VonNeumann(rho):F8} nats");
Console.WriteLine($"S_A        = {Entropy.VonNeumann(rho.Reduced(0)):F8} nats");
Console.WriteLine($"I(A:B)     = {Correlations.MutualInformation(rho, [0], [1]):F8} nats");
Console.WriteLine($"C          = {Concurrence.Wootters(rho):F8}");
Console.WriteLine($"negativity = {Negativity.Compute(rho):F8}");
// Output:
// S_AB       = 0.00000000 nats
// S_A        = 0.41649553 nats
// I(A:B)     = 0.83299107 nats
// C          = 0.70710678
// negativity = 0.35355339
