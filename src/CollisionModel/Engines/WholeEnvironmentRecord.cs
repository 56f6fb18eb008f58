using CollisionModel.Engines.Mps;

namespace CollisionModel.Engines;

/// <summary>What the matrix-product representation adds to an emitted step (immutable).</summary>
/// <param name="MaxBond">The largest bond dimension so far.</param>
/// <param name="TruncationError">The discarded weight summed over all splits so far (0 when nothing was truncated).</param>
/// <param name="Fragments">I(AB : oldest/newest m ancillas), when requested; else null.</param>
public sealed record WholeEnvironmentRecord(int MaxBond, double TruncationError, FragmentCurves? Fragments);
