namespace CollisionModel.Cli.Commands;

/// <summary><c>--model</c>: which of the library's paper models (<see cref="Protocols.PaperModels"/>) to run.</summary>
public enum CollisionKind
{
    /// <summary><see cref="Protocols.PaperModels.Dephasing"/>.</summary>
    Dephasing,

    /// <summary><see cref="Protocols.PaperModels.Decay"/>.</summary>
    Decay,
}
