using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Tests.NonMarkovianity;

/// <summary>Small model files for the non-Markovianity tests, as JSON text (the format users write).</summary>
internal static class NonMarkovianityModels
{
    /// <summary>σ_z ⊗ σ_x on (system qubit, ancilla qubit).</summary>
    public const string ZX = "[[0,1,0,0],[1,0,0,0],[0,0,0,-1],[0,0,-1,0]]";

    /// <summary>σ⁺σ⁻ + σ⁻σ⁺ (exchange) on (system qubit, ancilla qubit).</summary>
    public const string Exchange = "[[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]]";

    /// <summary>
    /// A qubit dephased by one ancilla that never leaves: W = exp(−iθ σ_z⊗σ_x) with a vacuum ancilla and memory angle
    /// π/2 (U = i·SWAP hands the collided ancilla on whole), so after n steps the coherence is multiplied by cos(2nθ).
    /// </summary>
    public static string PersistentDephasing(double theta) => $$"""
        {"system": {"dims": [2], "b": [0], "ket": [1, 0]},
         "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]}, "coupling": {{ZX}},
                    "angle": {{R(theta)}}, "memory_angle": {{R(Math.PI / 2)}}}]}
        """;

    /// <summary>A qubit with H_S = ω σ_x/2 exchanging with vacuum ancillas at angle θ, memory angle φ.</summary>
    public static string ExchangeWithMemory(double omega, double theta, double phi) => $$"""
        {"system": {"dims": [2], "b": [0], "ket": [1, 0], "hamiltonian": [[0, {{R(omega / 2)}}], [{{R(omega / 2)}}, 0]]},
         "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]}, "coupling": {{Exchange}},
                    "angle": {{R(theta)}}, "memory_angle": {{R(phi)}}}]}
        """;

    /// <summary>Memoryless: a driven qubit thermalised by a thermal qubit bath at rate 1 and dephased at rate 0.5.</summary>
    public const string ThermalQubit = """
        {"system": {"dims": [2], "b": [0], "ket": [0.6, 0.8], "hamiltonian": [[0.5, 0.3], [0.3, -0.5]]},
         "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.7},
                    "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1.0},
                   {"acts_on": [0], "ancilla": {"dim": 2, "state": [[0.5, 0], [0, 0.5]]}, "coupling": [[1,0,0,0],[0,1,0,0],[0,0,-1,0],[0,0,0,-1]], "rate": 0.5}]}
        """;

    /// <summary>Memoryless: a qutrit with a ladder Hamiltonian exchanging its lowest gap with vacuum qubits.</summary>
    public const string LadderQutrit = """
        {"system": {"dims": [3], "b": [0], "ket": [0, 0, 1], "hamiltonian": [[0, 0.4, 0], [0.4, 1, 0.4], [0, 0.4, 2]]},
         "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]},
                    "coupling": [[0,0,0,0,0,0],[0,0,1,0,0,0],[0,1,0,0,0,0],[0,0,0,0,1,0],[0,0,0,1,0,0],[0,0,0,0,0,0]], "rate": 2.0}]}
        """;

    /// <summary>The run settings of a model file over K steps of δt.</summary>
    public static CollisionRunOptions Run(string json, int steps, double timeStep)
    {
        var model = ModelFile.Parse(json);
        return new CollisionRunOptions { Protocol = model.Protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(timeStep, steps) };
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
