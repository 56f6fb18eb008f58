namespace CollisionModel.Cli.Commands;

/// <summary><c>--environment</c>: the paper models' <c>mixedEnvironment</c> switch (<see cref="Models.PaperModels"/>).</summary>
public enum EnvironmentKind
{
    /// <summary>Every ancilla starts in |0>.</summary>
    Pure,

    /// <summary>The model's mixed ancilla (maximally mixed for dephasing, thermal for decay).</summary>
    Mixed,
}
