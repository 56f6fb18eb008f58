namespace CollisionModel.Engines;

/// <summary>
/// An optional capability of a <see cref="ICollisionEngine"/> that keeps the whole environment (every ancilla so far)
/// as a tensor network: the extras of an emitted step (bond dimension, truncation, fragment curves). The driver asks
/// for them generically, so a new engine with such a state plugs in by implementing this.
/// </summary>
public interface IWholeEnvironmentEngine
{
    /// <summary>The extras at the current step; with <paramref name="fragments"/> also I(AB : oldest/newest m ancillas).</summary>
    WholeEnvironmentRecord WholeEnvironment(bool fragments);
}
