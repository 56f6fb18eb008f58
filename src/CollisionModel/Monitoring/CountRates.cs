namespace CollisionModel.Monitoring;

/// <summary>The long-time rates of a count per step (or per period): mean −θ′(0) and variance θ″(0).</summary>
/// <param name="Mean">lim E[N_K]/K.</param>
/// <param name="Variance">lim Var N_K / K.</param>
public readonly record struct CountRates(double Mean, double Variance);
