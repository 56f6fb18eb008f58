using CollisionModel.Validation;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// Thrown when a matrix-product-state run would need a bond dimension beyond what it may keep exactly
/// (<see cref="CollisionMps.MaxExactBond"/>) and no truncation was permitted: the run stops instead of truncating
/// silently. Permit truncation with <see cref="MpsTruncation.MaxBond"/> or <see cref="MpsTruncation.Cutoff"/>.
/// </summary>
public sealed class TruncationRequiredException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);
