namespace CollisionModel.Bookkeeping;

/// <summary>
/// The entropies (nats) an engine gives at the end of a step, E as in its <see cref="EnvironmentScope"/>. A whole-E
/// entry the engine cannot give is NaN (reported as null); S_A is 0 when the system has no A part.
/// </summary>
/// <param name="A">S_A.</param>
/// <param name="B">S_B.</param>
/// <param name="AB">S_AB.</param>
/// <param name="E">S_E.</param>
/// <param name="AE">S_AE.</param>
/// <param name="BE">S_BE.</param>
/// <param name="ABE">S_ABE.</param>
public readonly record struct StepEntropies(double A, double B, double AB, double E, double AE, double BE, double ABE);
