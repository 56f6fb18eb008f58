using System.Numerics;
using System.Text.Json;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// Reads a collision model from JSON (the format of docs/model-files.md): a system (<c>dims</c>, <c>b</c>,
/// <c>state</c> or <c>ket</c>, optional <c>hamiltonian</c>, <c>splitting</c> and <c>drive</c>, a factor of H_S) and one or more baths (<c>acts_on</c>,
/// <c>ancilla</c> as a state or as a Hamiltonian with β, a Hermitian <c>coupling</c> with a <c>rate</c> or an
/// <c>angle</c>, or a <c>unitary</c>, or instead a <c>cascade</c> of such collisions met by the same ancilla in order;
/// optional <c>memory_angle</c>, <c>name</c>, <c>measure</c>, <c>feedback</c> and <c>drive</c>, a piecewise-linear factor of the rate or angle). Matrices are row-major nested
/// arrays whose entries are a number (real) or an [re, im] pair. Everything is validated while reading; the first
/// problem is thrown as a <see cref="ModelFileException"/> naming its key path. The CLI, the sweep tools and library
/// users share this one reader. O(file size + Σ n³) for the matrix checks.
/// </summary>
public static partial class ModelFile
{
    private static readonly string[] RootKeys = ["system", "baths"];
    private static readonly string[] SystemKeys = ["dims", "b", "state", "ket", "hamiltonian", "splitting", "drive"];
    private static readonly string[] BathKeys = ["acts_on", "ancilla", "coupling", "rate", "angle", "unitary", "memory_angle", "name", "measure", "cascade", "feedback", "drive"];
    private static readonly string[] FeedbackKeys = ["delay", "phase"];
    private static readonly string[] DriveKeys = ["times", "scale", "period"];
    private static readonly string[] AncillaKeys = ["dim", "state", "hamiltonian", "beta"];

    /// <summary>Reads and validates the model file at <paramref name="path"/> (UTF-8 JSON).</summary>
    /// <exception cref="ModelFileException">The file's content is not a valid model (the message names the key).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ModelDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Reads and validates a model from its JSON text.</summary>
    /// <exception cref="ModelFileException">The text is not valid JSON or not a valid model (the message names the line or the key).</exception>
    public static ModelDefinition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = ParseJson(json.TrimStart('\uFEFF')); // a byte-order mark decoded as text is not JSON
        var root = new ModelFileElement(document.RootElement, "");
        var members = root.Object(RootKeys);
        var system = ReadSystem(root.Required(members, "system", "the system: dims, b and its initial state"));
        var bathsElement = root.Required(members, "baths", "an array of one or more baths");
        var bathItems = bathsElement.Array();
        if (bathItems.Length == 0) throw bathsElement.Error("a model needs at least one bath.");
        var baths = new Bath[bathItems.Length];
        for (int j = 0; j < bathItems.Length; j++) baths[j] = ReadBath(bathItems[j], system.Dims);
        var protocol = root.Checked(() => new CollisionProtocol(system.Dims, system.B, baths, system.Hamiltonian, system.Splitting, system.Drive));
        var measurements = baths.Select((bath, j) => ModelFileMeasurement.Read(bathItems[j], bath.Ancilla)).ToArray();
        return new ModelDefinition(protocol, system.State) { Measurements = measurements };
    }

    private static JsonDocument ParseJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            // The reader's message ends with " LineNumber: n | BytePositionInLine: m."; say it once, 1-based.
            string what = e.Message;
            int cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0) what = what[..cut];
            string column = e.BytePositionInLine is { } col ? $" (column {col + 1})" : "";
            throw new ModelFileException(e.LineNumber is { } line ? $"line {line + 1}" : "", $"invalid JSON{column}: {what}");
        }
    }

    private sealed record SystemPart(int[] Dims, int[] B, DensityMatrix State, Matrix<Complex>? Hamiltonian, SplittingOrder Splitting, Drive? Drive);

    private static SystemPart ReadSystem(ModelFileElement element)
    {
        var members = element.Object(SystemKeys);
        var dimsElement = element.Required(members, "dims", "the subsystem dimensions, e.g. [2, 2]");
        var dimItems = dimsElement.Array();
        if (dimItems.Length == 0) throw dimsElement.Error("the system needs at least one subsystem.");
        var dims = new int[dimItems.Length];
        long product = 1;
        for (int k = 0; k < dims.Length; k++)
        {
            dims[k] = dimItems[k].Integer();
            if (dims[k] < 2) throw dimItems[k].Error($"every subsystem dimension must be ≥ 2, got {dims[k]}.");
            product *= dims[k];
            if (product > CollisionProtocol.MaxSystemDimension)
                throw dimsElement.Error($"the system dimension (the product of the dims) exceeds {CollisionProtocol.MaxSystemDimension}.");
        }
        var space = new CompositeSpace(dims);
        int ds = space.Dimension;
        string sizeWhy = dims.Length == 1 ? $"the system dimension {ds}" : $"the system dimension {string.Join("·", dims)} = {ds}";

        var bElement = element.Required(members, "b", "the subsystems forming B, e.g. [1]");
        var b = SubsystemList(bElement, dims.Length, "B");

        bool hasState = members.TryGetValue("state", out var stateElement);
        bool hasKet = members.TryGetValue("ket", out var ketElement);
        if (hasState && hasKet) throw element.Error("both \"state\" and \"ket\" are given; give exactly one initial state.");
        DensityMatrix state;
        if (hasState) state = DensityMatrixAt(stateElement, space, sizeWhy);
        else if (hasKet)
        {
            var amplitudes = ketElement.Vector(ds, sizeWhy);
            state = DensityMatrix.FromKet(ketElement.Checked(() => Ket.Create(amplitudes, space)));
        }
        else throw new ModelFileException(element.ChildPath("state"), "missing required key (the initial state: \"state\", a density matrix, or \"ket\").");

        Matrix<Complex>? hamiltonian = null;
        if (members.TryGetValue("hamiltonian", out var hElement)) hamiltonian = HermitianAt(hElement, ds, sizeWhy, "the Hamiltonian");

        var splitting = SplittingOrder.Strang;
        if (members.TryGetValue("splitting", out var splitElement))
        {
            splitting = splitElement.String() switch
            {
                "strang" => SplittingOrder.Strang,
                "lie" => SplittingOrder.Lie,
                var other => throw splitElement.Error($"expected \"strang\" or \"lie\", got \"{other}\"."),
            };
        }
        Drive? drive = null;
        if (members.TryGetValue("drive", out var driveElement))
        {
            if (hamiltonian is null) throw driveElement.Error("a drive scales the system's Hamiltonian: give \"hamiltonian\".");
            drive = ReadDrive(driveElement);
        }
        return new SystemPart(dims, b, state, hamiltonian, splitting, drive);
    }

    private static Bath ReadBath(ModelFileElement element, int[] dims)
    {
        var members = element.Object(BathKeys);
        if (members.TryGetValue("cascade", out var cascadeElement)) return ReadCascadeBath(element, members, cascadeElement, dims);
        var actsOnElement = element.Required(members, "acts_on", "the system subsystems the collision touches, e.g. [1]");
        var actsOn = SubsystemList(actsOnElement, dims.Length, "acts_on");
        var ancilla = ReadAncilla(element.Required(members, "ancilla", "the ancilla: {\"dim\", \"state\"} or {\"dim\", \"hamiltonian\", \"beta\"}"));
        int local = actsOn.Aggregate(1, (p, k) => p * dims[k]) * ancilla.Dimension;
        string why = $"acts_on [{string.Join(", ", actsOn)}] of dimension {string.Join("·", actsOn.Select(k => dims[k]))} ⊗ ancilla of dimension {ancilla.Dimension} = {local}";

        string? name = members.TryGetValue("name", out var nameElement) ? nameElement.String() : null;
        var given = CollisionKeys(element, members);
        var collision = ReadCollision(element, members, given[0], [.. actsOn.Select(k => dims[k]), ancilla.Dimension], why, name);

        double? memoryAngle = members.TryGetValue("memory_angle", out var memoryElement) ? memoryElement.Number() : null;
        var feedback = members.TryGetValue("feedback", out var feedbackElement) ? ReadFeedback(feedbackElement) : null;
        if (feedback is not null && memoryAngle is not null)
            throw feedbackElement!.Error("a bath with a delay line cannot also have a memory collision (give either \"feedback\" or \"memory_angle\").");
        Drive? drive = null;
        if (members.TryGetValue("drive", out var driveElement))
        {
            if (given[0] == "unitary") throw driveElement.Error("not allowed with \"unitary\" (a drive scales a rate or an angle; a unitary has nothing to scale).");
            if (feedback is not null) throw driveElement.Error("not allowed with \"feedback\" (a delay line's returning collision is not driven).");
            drive = ReadDrive(driveElement);
        }
        return element.Checked(() => new Bath(actsOn, ancilla, collision, memoryAngle, name, feedback, drive));
    }

    // Which of rate / angle / unitary the object gives (exactly one, or the object is refused naming them).
    private static string[] CollisionKeys(ModelFileElement element, Dictionary<string, ModelFileElement> members)
    {
        string[] kinds = ["rate", "angle", "unitary"];
        var given = kinds.Where(members.ContainsKey).ToArray();
        if (given.Length == 0) throw element.Error("missing the collision: give exactly one of \"rate\" or \"angle\" (with \"coupling\") or \"unitary\".");
        if (given.Length > 1)
            throw element.Error($"{string.Join(" and ", given.Select(k => $"\"{k}\""))} are both given; give exactly one of rate, angle, unitary.");
        return given;
    }

    // The collision W on the factors (acts_on subsystems…, ancilla) of a bath or a cascade entry: a coupling with a
    // rate or an angle, or a unitary, as `kind` says. The matrix is read at the factors' total dimension and carried
    // with the factors, so the protocol can check them against the subsystems.
    // A named bath's rate and angle are refused under its name (`baths[1] ("cold").angle: …`), as the protocol names
    // them when a step cannot be built.
    private static BathCollision ReadCollision(ModelFileElement element, Dictionary<string, ModelFileElement> members, string kind, int[] factors, string why,
        string? bathName = null)
    {
        int local = factors.Aggregate(1, (p, d) => p * d);
        BathCollision collision;
        if (kind == "unitary")
        {
            if (members.TryGetValue("coupling", out var extra))
                throw extra.Error("not allowed with \"unitary\" (the unitary is the collision W itself).");
            var uElement = members["unitary"];
            var u = uElement.Matrix(local, why);
            collision = uElement.Checked(() =>
            {
                Guard.Unitary(u, "the matrix");
                return BathCollision.WithUnitary(new SubsystemOperator(u, factors, "unitary"));
            });
        }
        else
        {
            var vElement = element.Required(members, "coupling", $"the Hermitian coupling V that \"{kind}\" applies to");
            var v = new SubsystemOperator(HermitianAt(vElement, local, why, "the coupling"), factors, "coupling");
            if (kind == "rate")
            {
                var rateElement = OfBath(element, members["rate"], "rate", bathName);
                double rate = rateElement.Number();
                if (rate < 0) throw rateElement.Error($"a rate must be ≥ 0, got {Show(rate)}.");
                collision = vElement.Checked(() => BathCollision.WithRate(v, rate));
            }
            else
            {
                var angleElement = OfBath(element, members["angle"], "angle", bathName);
                double angle = angleElement.Number();
                collision = angleElement.Checked(() => BathCollision.WithAngle(v, angle));
            }
        }
        return collision;
    }

    // The value of a bath's key at the path that names the bath (`baths[1] ("cold").angle`), or at its own path when unnamed.
    private static ModelFileElement OfBath(ModelFileElement bath, ModelFileElement key, string keyName, string? bathName) =>
        bathName is null ? key : new ModelFileElement(key.Element, $"{bath.Path} (\"{bathName}\").{keyName}");

    private static DelayedFeedback ReadFeedback(ModelFileElement element)
    {
        var members = element.Object(FeedbackKeys);
        var delayElement = element.Required(members, "delay", "the steps between an ancilla's collision and its return, an integer ≥ 1");
        if (delayElement.Element.ValueKind == JsonValueKind.Number && !delayElement.Element.TryGetInt32(out _))
            throw delayElement.Error($"the delay is a whole number of steps ≥ 1, got {delayElement.Element.GetRawText()}.");
        int delay = delayElement.Integer();
        if (delay < 1) throw delayElement.Error($"the delay is a whole number of steps ≥ 1, got {delay}.");
        double phase = members.TryGetValue("phase", out var phaseElement) ? phaseElement.Number() : 0;
        return new DelayedFeedback(delay, phase);
    }

    // {"times": [0, …], "scale": [f, …], "period": T}: each rule refused at the key that breaks it.
    private static Drive ReadDrive(ModelFileElement element)
    {
        var members = element.Object(DriveKeys);
        var timesElement = element.Required(members, "times", "the drive's times, from 0 and strictly increasing");
        var scaleElement = element.Required(members, "scale", "the factor f ≥ 0 at each time");
        var timeItems = timesElement.Array();
        var scaleItems = scaleElement.Array();
        if (timeItems.Length == 0) throw timesElement.Error("a drive needs at least one point.");
        if (scaleItems.Length != timeItems.Length)
            throw scaleElement.Error($"expected one factor per time ({timeItems.Length}), got {scaleItems.Length}.");
        var times = new double[timeItems.Length];
        var scale = new double[timeItems.Length];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = timeItems[i].Number();
            if (i == 0 && times[0] != 0) throw timeItems[0].Error($"a drive's times start at 0, got {Show(times[0])}.");
            if (i > 0 && !(times[i] > times[i - 1]))
                throw timeItems[i].Error($"a drive's times must increase strictly: {Show(times[i])} follows {Show(times[i - 1])}.");
            scale[i] = scaleItems[i].Number();
            if (scale[i] < 0) throw scaleItems[i].Error($"a drive's factor must be ≥ 0, got {Show(scale[i])}.");
        }
        double? period = null;
        if (members.TryGetValue("period", out var periodElement))
        {
            double p = periodElement.Number();
            if (!(p > 0) || p < times[^1])
                throw periodElement.Error($"the period must be > 0 and ≥ the last time {Show(times[^1])}, got {Show(p)}.");
            period = p;
        }
        return element.Checked(() => new Drive(times, scale, period));
    }

    private static AncillaState ReadAncilla(ModelFileElement element)
    {
        var members = element.Object(AncillaKeys);
        var dimElement = element.Required(members, "dim", $"the ancilla dimension, 2 … {AncillaState.MaxDimension}");
        int d = dimElement.Integer();
        if (d < 2 || d > AncillaState.MaxDimension)
            throw dimElement.Error($"an ancilla has dimension 2 … {AncillaState.MaxDimension}, got {d}.");
        string why = $"the ancilla dimension {d}";
        bool hasState = members.TryGetValue("state", out var stateElement);
        bool hasH = members.TryGetValue("hamiltonian", out var hElement);
        bool hasBeta = members.TryGetValue("beta", out var betaElement);
        if (hasState)
        {
            if (hasH || hasBeta)
                throw element.Error("give either \"state\" or \"hamiltonian\" with \"beta\", not both.");
            var eta = DensityMatrixAt(stateElement, DensityMatrix.DefaultSpace(d), why);
            return stateElement.Checked(() => AncillaState.From(eta));
        }
        if (hasBeta && !hasH) throw betaElement.Error("given without \"hamiltonian\" (a thermal ancilla needs both).");
        if (!hasH) throw new ModelFileException(element.ChildPath("state"), "missing required key (the ancilla's state η: \"state\", or \"hamiltonian\" with \"beta\").");
        var h = HermitianAt(hElement, d, why, "the Hamiltonian");
        if (!hasBeta) throw new ModelFileException(element.ChildPath("beta"), "missing required key (the inverse temperature β ≥ 0 of the thermal ancilla).");
        double beta = betaElement.Number();
        if (beta < 0) throw betaElement.Error($"β must be ≥ 0, got {Show(beta)}.");
        return hElement.Checked(() =>
        {
            try
            {
                return AncillaState.Thermal(h, beta);
            }
            catch (QuantumInputException e) when (e.ParamName == "beta")
            {
                throw betaElement.Error(ModelFileElement.WithoutParameterSuffix(e));
            }
        });
    }

    private static int[] SubsystemList(ModelFileElement element, int count, string what)
    {
        var items = element.Array();
        if (items.Length == 0) throw element.Error($"{what} must name at least one subsystem.");
        var list = new int[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            list[i] = items[i].Integer();
            if (list[i] < 0 || list[i] >= count)
                throw items[i].Error($"subsystem index {list[i]} is out of range: the system has {count} subsystem(s), numbered 0 … {count - 1}.");
            if (System.Array.IndexOf(list, list[i], 0, i) >= 0) throw items[i].Error($"subsystem {list[i]} is listed twice.");
        }
        return list;
    }

    /// <summary>
    /// The largest magnitude of a real or imaginary part of a Hermitian operator's entry. Every engine forms products
    /// of two entries (norms, H², matrix products, H·δt in an eigen-decomposition), which overflow to ∞ beyond
    /// √(double.MaxValue) ≈ 1.3·10¹⁵⁴; refusing here names the entry's key path instead of a NaN deep in a run.
    /// </summary>
    public const double MaxOperatorEntry = 1e150;

    private static Matrix<Complex> HermitianAt(ModelFileElement element, int dimension, string why, string what)
    {
        var m = element.Matrix(dimension, why);
        for (int i = 0; i < dimension; i++)
        {
            for (int j = 0; j < dimension; j++)
            {
                var z = m[i, j];
                if (Math.Abs(z.Real) > MaxOperatorEntry || Math.Abs(z.Imaginary) > MaxOperatorEntry)
                    throw new ModelFileException($"{element.Path}[{i}][{j}]",
                        $"the entry {Show(Math.Max(Math.Abs(z.Real), Math.Abs(z.Imaginary)))} of {what} exceeds {Show(MaxOperatorEntry)} in magnitude (products of two entries would overflow a double).");
            }
        }
        element.Checked(() =>
        {
            Guard.Hermitian(m, what);
            return 0;
        });
        return m;
    }

    private static DensityMatrix DensityMatrixAt(ModelFileElement element, CompositeSpace space, string why)
    {
        var m = HermitianAt(element, space.Dimension, why, "the state");
        return element.Checked(() =>
        {
            Guard.UnitTrace(m, "the state");
            var rho = DensityMatrix.Create(m, space);
            return rho;
        });
    }

    private static string Show(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
