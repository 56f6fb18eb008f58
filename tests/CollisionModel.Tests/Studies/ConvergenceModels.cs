using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Studies;

/// <summary>The paper's models as the convergence tests use them (decay with thermal ancillas), and a driven variant.</summary>
internal static class ConvergenceModels
{
    public const double A = 0.7071067811865476;

    public static PaperModel Dephasing(double eta = 1, double omega = 0, double a = A, AngleConvention angle = AngleConvention.Paper) =>
        PaperModels.Dephasing(eta, omega, a, angle);

    public static PaperModel Decay(double gamma = 1, double kappa = 0, double omega = 0, double a = A, AngleConvention angle = AngleConvention.Paper) =>
        PaperModels.Decay(gamma, kappa, omega, a, angle, mixedEnvironment: true);

    /// <summary>The model's protocol with H_S = (ω/2)σz_B + (Ω/2)σx_B (a drive that does not commute with the collisions) and the given splitting.</summary>
    public static CollisionProtocol Driven(PaperModel model, double omega, double drive, SplittingOrder splitting)
    {
        var p = model.Protocol;
        Matrix<Complex>? h = omega == 0 && drive == 0 ? null : Tensor.Embed(omega / 2 * Pauli.Z + drive / 2 * Pauli.X, CompositeSpace.Qubits(2), 1);
        return new CollisionProtocol(p.SystemSpace.Dimensions, p.SubsystemsB, p.Baths, h, splitting);
    }
}
