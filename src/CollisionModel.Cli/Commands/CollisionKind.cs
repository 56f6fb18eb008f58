namespace CollisionModel.Cli.Commands;

/// <summary><c>--model</c>: which of the library's paper models (<see cref="Models.PaperModels"/>) to run.</summary>
public enum CollisionKind
{
    /// <summary><see cref="Models.PaperModels.Dephasing"/>.</summary>
    Dephasing,

    /// <summary><see cref="Models.PaperModels.Decay"/>.</summary>
    Decay,
}
