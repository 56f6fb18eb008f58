namespace CollisionModel.Cli.Output;

/// <summary>Renders a <see cref="ResultDocument"/> as text. Output depends on the document only (bit-identical on reruns).</summary>
public interface IResultWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>; throws <see cref="NonFiniteOutputException"/> on NaN.</summary>
    void Write(ResultDocument document, TextWriter output);
}
