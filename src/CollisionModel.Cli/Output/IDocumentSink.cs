namespace CollisionModel.Cli.Output;

/// <summary>
/// A standard output that takes the finished <see cref="ResultDocument"/> itself instead of its text: the native
/// library behind the Python package receives the values as they are (typed arrays, no JSON round trip) while every
/// command keeps writing through <see cref="ResultOutput.Emit"/> as usual.
/// </summary>
public interface IDocumentSink
{
    /// <summary>Receives the document a command would have written to standard output.</summary>
    void Accept(ResultDocument document);
}
