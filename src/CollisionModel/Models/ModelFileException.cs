using CollisionModel.Validation;

namespace CollisionModel.Models;

/// <summary>
/// A model file that cannot describe a collision model: invalid JSON, a missing or unknown key, a value of the wrong
/// kind or size, or physics the protocol rejects (a non-Hermitian coupling, a state with trace ≠ 1, …). The message is
/// one line of the form "<c>key.path: problem</c>" (for invalid JSON: "line N: problem"), fit to show a user unchanged.
/// </summary>
public sealed class ModelFileException : QuantumInputException
{
    /// <summary>Creates the exception for the value at <paramref name="keyPath"/> (e.g. <c>baths[1].coupling</c>).</summary>
    /// <param name="keyPath">Where in the file the problem is; "" for the document itself.</param>
    /// <param name="problem">What is wrong, without the key path.</param>
    public ModelFileException(string keyPath, string problem)
        : base(string.IsNullOrEmpty(keyPath) ? problem : $"{keyPath}: {problem}", keyPath)
    {
        KeyPath = keyPath;
        Problem = problem;
    }

    /// <summary>The key path of the offending value (<c>system.dims</c>, <c>baths[0].ancilla.beta</c>, …), or "line N" for invalid JSON.</summary>
    public string KeyPath { get; }

    /// <summary>The problem, without the key path.</summary>
    public string Problem { get; }

    /// <summary>"key.path: problem", without the " (Parameter …)" suffix <see cref="ArgumentException"/> would add.</summary>
    public override string Message => string.IsNullOrEmpty(KeyPath) ? Problem : $"{KeyPath}: {Problem}";
}
