namespace CollisionModel.Engines.Mps;

/// <summary>
/// The mutual information I(AB : F) (nats) between the system and the fragments F of the m oldest
/// (<see cref="Oldest"/>[m]) and the m newest (<see cref="Newest"/>[m]) ancillas, m = 0 … (length − 1). For pure
/// ancillas both arrays run to m = K (every ancilla so far) and Oldest[m] + Newest[K − m] = 2·S_AB (the global
/// state is pure); with mixed ancillas they may stop earlier (the dense reduced states grow as d_E^m).
/// </summary>
/// <param name="Oldest">I(AB : E_1 … E_m), m = 0, 1, ….</param>
/// <param name="Newest">I(AB : E_{K−m+1} … E_K), m = 0, 1, ….</param>
/// <param name="SystemEntropy">S_AB (nats).</param>
/// <param name="AncillaCount">K, the number of ancillas so far.</param>
public sealed record FragmentCurves(double[] Oldest, double[] Newest, double SystemEntropy, int AncillaCount);
