using CollisionModel.Models;

namespace CollisionModel.Benchmarks;

/// <summary>The monitored models the counting and trajectory benchmarks run (model-file JSON, as a user writes them).</summary>
public static class MonitoringModels
{
    /// <summary>
    /// The resonant machine: a qubit (H_S = |1⟩⟨1|, ρ_S(0) = diag(0.6, 0.4)) between a hot (β = 0.3) and a cold (β = 1.5)
    /// bath of resonant qubits, partial swaps at rate 1, both energy-measured.
    /// </summary>
    public static ModelDefinition Machine() => ModelFile.Parse("""
        {
          "system": { "dims": [2], "b": [0], "state": [[0.6, 0], [0, 0.4]], "hamiltonian": [[0, 0], [0, 1]] },
          "baths": [
            { "name": "hot", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.3 },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1, "measure": "energy" },
            { "name": "cold", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 1.5 },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1, "measure": "energy" }
          ]
        }
        """);

    /// <summary>
    /// The decay model of the trajectory benchmark: a resonantly driven qubit (H_S = ½σx, from |0⟩) emitting into vacuum
    /// ancillas through partial swaps at rate γ = 1, the outgoing ancilla read in |0⟩, |1⟩ (a click counts 1): the
    /// collision form of resonance fluorescence, whose Lindblad limit has L = σ⁻.
    /// </summary>
    public static ModelDefinition Fluorescence() => ModelFile.Parse("""
        {
          "system": { "dims": [2], "b": [0], "state": [[1, 0], [0, 0]], "hamiltonian": [[0, 0.5], [0.5, 0]] },
          "baths": [
            { "name": "detector", "acts_on": [0], "ancilla": { "dim": 2, "state": [[1, 0], [0, 0]] },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1,
              "measure": { "basis": [[1, 0], [0, 1]], "values": [0, 1] } }
          ]
        }
        """);
}
