namespace CollisionModel.Thermodynamics;

/// <summary>
/// The thermodynamics shared by every tight-coupled absorption refrigerator between a cold, a room and a hot bath
/// (frequencies ω_c, ω_h and ω_r = ω_c + ω_h; inverse temperatures β_c, β_r, β_h; ħ = k_B = 1): the edge of its
/// cooling window, its coefficient of performance and Carnot's bound. Each model (three qubits, two qubits) takes
/// these from here, so they are written once.
/// </summary>
public static class AbsorptionRefrigeration
{
    /// <summary>
    /// β_h* = (β_r ω_r − β_c ω_c)/ω_h, the hot bath's inverse temperature at the window's edge, where the Boltzmann
    /// factors balance (e^{−β_c ω_c} e^{−β_h* ω_h} = e^{−β_r ω_r}) and the currents vanish; cooling for β_h &lt; β_h*.
    /// </summary>
    public static double EdgeHotBeta(double coldFrequency, double hotFrequency, double coldBeta, double roomBeta) =>
        (roomBeta * (coldFrequency + hotFrequency) - coldBeta * coldFrequency) / hotFrequency;

    /// <summary>The coefficient of performance J_c/J_h = ω_c/ω_h of tight coupling (one quantum of each per cycle).</summary>
    public static double CoefficientOfPerformance(double coldFrequency, double hotFrequency) => coldFrequency / hotFrequency;

    /// <summary>
    /// Carnot's bound on J_c/J_h, (β_r − β_h)/(β_c − β_r), from the second law with J_c + J_h + J_r = 0; null unless
    /// β_c &gt; β_r &gt; β_h (a cold bath below room and a hot one above).
    /// </summary>
    public static double? CarnotCoefficientOfPerformance(double coldBeta, double roomBeta, double hotBeta) =>
        coldBeta > roomBeta && roomBeta > hotBeta ? (roomBeta - hotBeta) / (coldBeta - roomBeta) : null;
}
