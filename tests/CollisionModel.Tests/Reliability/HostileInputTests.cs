using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Engines;
using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Studies;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Reliability;

/// <summary>
/// Hostile input at the public entry points of Engines/, MasterEquation/, Measures/Entanglement/, Channels/ and
/// Studies/: every class of bad input is rejected with the library's own exception type, and the message names the
/// offending argument.
/// </summary>
public class HostileInputTests
{
    private static readonly CompositeSpace TwoQubits = CompositeSpace.Qubits(2);
    private static Matrix<Complex> Zero(int d) => Matrix<Complex>.Build.Dense(d, d);
    private static Matrix<Complex> Identity(int d) => Matrix<Complex>.Build.DenseIdentity(d);

    private static CollisionRunOptions ValidRun() => new()
    {
        Protocol = PaperModels.Decay(1, 0.5, 0, 0.6, AngleConvention.Exact, mixedEnvironment: true).Protocol,
        InitialSystem = PaperMasterEquation.InitialState(0.6),
        Grid = TimeGrid.OfStep(1e-2, 10),
    };

    private static void Rejects<TException>(Action call, string named) where TException : QuantumInputException
    {
        var e = Assert.Throws<TException>(call);
        Assert.Contains(named, e.Message + " " + e.ParamName, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, Action> NonFiniteParameters => new()
    {
        { "angle", () => BathCollision.WithAngle(PaperModels.DecayCoupling(), double.NaN) },
        { "rate", () => BathCollision.WithRate(PaperModels.DecayCoupling(), double.PositiveInfinity) },
        { "eta", () => PaperModels.Dephasing(double.NaN, 0, 0.5) },
        { "omega", () => PaperModels.Decay(1, 0, double.NaN, 0.5) },
        { "timeStep", () => PaperModels.Decay(1, 0, 0, 0.5).Protocol.Step(0, double.PositiveInfinity) },
        { "p0", () => AncillaState.Thermal(double.NaN, 0.5) },
        { "time_step", () => new StreamingCollisionEngine(ValidRun() with { Grid = TimeGrid.OfStep(double.NaN, 10) }) },
        { "duration", () => NearIdentityChannel.FromHamiltonian(Identity(2), double.NaN) },
        { "unitaryDeviation", () => { var w = Zero(4); w[0, 0] = double.NaN; NearIdentityChannel.FromCollision(CompositeSpace.Qubits(1), [0], w, DensityMatrix.Diagonal([1.0, 0.0])); } },
        { "time", () => ConvergenceStudy.Run(PaperModels.Dephasing(1, 0, 0.5), double.PositiveInfinity, [10]) },
        { "t", () => PaperMasterEquation.Create(new PaperMasterEquationParameters(0, 1, 0, 0)).Propagator(double.NaN) },
        { "horizon", () => SuddenDeath.Time(PaperMasterEquation.Create(new PaperMasterEquationParameters(0, 1, 0.5, 0)), PaperMasterEquation.InitialState(0.6), double.NaN) },
        { "hamiltonian", () => { var h = Zero(4); h[1, 1] = double.PositiveInfinity; new Lindbladian(TwoQubits, h, []); } },
        { "rhoDot", () => { var r = Zero(4); r[0, 0] = double.NaN; EntropyProduction.Compute(PaperMasterEquation.InitialState(0.6), r, DensityMatrix.MaximallyMixed(TwoQubits)); } },
        { "zeroTolerance", () => EntropyProduction.Compute(PaperMasterEquation.InitialState(0.6), Zero(4), DensityMatrix.MaximallyMixed(TwoQubits), zeroTolerance: double.NaN) },
        { "GapTolerance", () => RelativeEntropyOfEntanglement.Compute(PaperMasterEquation.InitialState(0.6), new ReeOptions { GapTolerance = double.NaN }) },
        { "tolerance", () => BathCollision.WithUnitary(Zero(4), tolerance: double.NaN) },
    };

    [Theory]
    [MemberData(nameof(NonFiniteParameters))]
    public void NonFiniteParametersAreRejectedByName(string name, Action call) => Rejects<NonFiniteValueException>(call, name);

    public static TheoryData<string, Action> OutOfRangeParameters => new()
    {
        { "a", () => PaperModels.Dephasing(1, 0, 1.5) },
        { "gamma", () => PaperModels.Decay(-1, 0, 0, 0.5) },
        { "timeStep", () => new StreamingCollisionEngine(ValidRun() with { Protocol = PaperModels.Dephasing(30, 0, 0.5, AngleConvention.Paper).Protocol, Grid = TimeGrid.OfStep(0.1, 10) }) },
        { "steps", () => new StreamingCollisionEngine(ValidRun() with { Grid = TimeGrid.OfStep(0.01, 0) }) },
        { "Grid", () => new StreamingCollisionEngine(ValidRun() with { Grid = default }) },
        { "RecordEvery", () => CollisionSimulation.Run(ValidRun() with { RecordEvery = 0 }, Representation.Streaming) },
        { "representation", () => CollisionSimulation.CreateEngine(ValidRun(), (Representation)42) },
        { "k", () => NearIdentityChannel.Identity(2).Power(-1) },
        { "steps", () => ConvergenceStudy.Run(PaperModels.Dephasing(1, 0, 0.5), 1, [0]) },
        { "a", () => PaperModels.Dephasing(1, 0, 2) },
        { "MaxIterations", () => RelativeEntropyOfEntanglement.Compute(PaperMasterEquation.InitialState(0.6), new ReeOptions { MaxIterations = 0 }) },
        { "tolerance", () => BathCollision.WithUnitary(Identity(4), tolerance: -1) },
        { "AbsoluteTolerance", () => DormandPrinceIntegrator.Run(TimeDependentLindbladian.FromConstant(PaperMasterEquation.Create(new PaperMasterEquationParameters(0, 1, 0, 0))), PaperMasterEquation.InitialState(0.6), [0, 1], new IntegratorOptions(AbsoluteTolerance: 0)) },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeParameters))]
    public void OutOfRangeParametersAreRejectedByName(string name, Action call) => Rejects<ParameterOutOfRangeException>(call, name);

    public static TheoryData<string, Action> WrongDimensions => new()
    {
        { "coupling", () => new CollisionProtocol([2, 2], [1], [new Bath([1], AncillaState.Ground, BathCollision.WithUnitary(Identity(8)))]) },
        { "acts_on", () => new CollisionProtocol([2, 2], [1], [new Bath([5], AncillaState.Ground, BathCollision.WithUnitary(Identity(4)))]) },
        { "ancilla", () => AncillaState.From(DensityMatrix.MaximallyMixed(CompositeSpace.Qubits(4))) },
        { "InitialSystem", () => new StreamingCollisionEngine(ValidRun() with { InitialSystem = DensityMatrix.MaximallyMixed(CompositeSpace.Qubits(1)) }) },
        { "hamiltonian", () => new CollisionProtocol([2, 2], [1], PaperModels.Decay(1, 0, 0, 0.5).Protocol.Baths, Identity(2)) },
        { "rho", () => RelativeEntropyOfEntanglement.Compute(DensityMatrix.MaximallyMixed(new CompositeSpace(2, 3))) },
        { "rho", () => PaperMasterEquation.Create(new PaperMasterEquationParameters(0, 1, 0, 0)).Evolve(DensityMatrix.MaximallyMixed(CompositeSpace.Qubits(3)), 1) },
        { "jumpOperators", () => new Lindbladian(TwoQubits, Zero(4), [Pauli.SigmaMinus]) },
        { "rhoT", () => EntropyProduction.Compute(DensityMatrix.MaximallyMixed(TwoQubits), Zero(4), DensityMatrix.MaximallyMixed(CompositeSpace.Qubits(1))) },
        { "unitaryDeviation", () => NearIdentityChannel.FromCollision(CompositeSpace.Qubits(1), [0], Zero(8), DensityMatrix.Diagonal([1.0, 0.0])) },
        { "dimension", () => new NearIdentityChannel(-2, Zero(4)) },
        { "x", () => NearIdentityChannel.Identity(2).ApplyDeviation(Zero(3)) },
        { "rho", () => NearIdentityChannel.Identity(2).Apply(DensityMatrix.MaximallyMixed(TwoQubits)) },
        { "first", () => NearIdentityChannel.Identity(2).After(NearIdentityChannel.Identity(4)) },
    };

    [Theory]
    [MemberData(nameof(WrongDimensions))]
    public void WrongDimensionsAreRejectedByName(string name, Action call) => Rejects<DimensionMismatchException>(call, name);

    [Fact]
    public void NonUnitaryCollisionMatricesAreRejected()
    {
        // A contraction (0.9·1), a projector and a near-identity W with U†U − 1 = 1e-8 (above the 1e-10 tolerance).
        Rejects<NotUnitaryException>(() => BathCollision.WithUnitary(0.9 * Identity(4)), "unitary");
        Rejects<NotUnitaryException>(() => BathCollision.WithUnitary(Tensor.Kron(Pauli.Projector1, Identity(2))), "unitary");
        var w = Zero(4);
        w[0, 0] = 5e-9; // (1 + w)†(1 + w) − 1 = 2w + w² ≈ 1e-8 on the diagonal
        Rejects<NotUnitaryException>(() => NearIdentityChannel.FromCollision(CompositeSpace.Qubits(1), [0], w, DensityMatrix.Diagonal([1.0, 0.0])), "unitaryDeviation");
    }

    [Fact]
    public void NonHermitianOperatorsAreRejected()
    {
        var h = Zero(4);
        h[0, 1] = 1; // h[1, 0] = 0: not Hermitian
        Rejects<NotHermitianException>(() => BathCollision.WithAngle(h, 0.1), "coupling");
        Rejects<NotHermitianException>(() => new Lindbladian(TwoQubits, h, []), "hamiltonian");
        Rejects<NotHermitianException>(() => new CollisionProtocol([2, 2], [1], PaperModels.Decay(1, 0, 0, 0.5).Protocol.Baths, h), "hamiltonian");
        Rejects<NotHermitianException>(() => NearIdentityChannel.FromHamiltonian(h, 0.1), "hamiltonian");
        Rejects<NotHermitianException>(() => EntropyProduction.Compute(DensityMatrix.MaximallyMixed(TwoQubits), h, DensityMatrix.MaximallyMixed(TwoQubits)), "rhoDot");
    }

    [Fact]
    public void StatesWithTraceOtherThanOneAreRejected()
    {
        // Every state enters the library as a DensityMatrix, validated once at construction.
        Rejects<TraceNotOneException>(() => DensityMatrix.Create(0.5 * Identity(4)), "trace");
        Rejects<TraceNotOneException>(() => AncillaState.Thermal(0.3, 0.3), "sum");
        var rhoDot = Zero(4);
        rhoDot[0, 0] = 1; // trace 1, but ρ̇ must be traceless
        var rho = PaperMasterEquation.InitialState(0.6);
        Rejects<TraceNotOneException>(() => CollisionModel.MasterEquation.EntanglementProduction.Rate(rho, rhoDot, RelativeEntropyOfEntanglement.Compute(rho)), "rhoDot");
    }

    [Fact]
    public void StatesWithNegativeEigenvaluesAreRejected()
    {
        // diag(1.1, −0.1): Hermitian, trace 1, one eigenvalue −0.1.
        var m = Zero(2);
        m[0, 0] = 1.1;
        m[1, 1] = -0.1;
        Rejects<NegativeEigenvalueException>(() => DensityMatrix.Create(m), "eigenvalue");
        Rejects<NegativeEigenvalueException>(() => DensityMatrix.Diagonal([0.5, 0.6, -0.1, 0.0]), "negative");
        // A thermal ancilla takes probabilities: a negative one is out of range before it is an eigenvalue.
        Rejects<ParameterOutOfRangeException>(() => AncillaState.Thermal(1.1, -0.1), "p0");
    }
}
