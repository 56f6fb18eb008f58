namespace CollisionModel.Monitoring;

/// <summary>The count's mean and variance after <paramref name="Step"/> steps (exact, from the count-resolved propagation).</summary>
/// <param name="Step">Steps done (0 … K).</param>
/// <param name="Time">Step·δt.</param>
/// <param name="Mean">E[N].</param>
/// <param name="Variance">Var N.</param>
public readonly record struct CountingRecord(int Step, double Time, double Mean, double Variance);
