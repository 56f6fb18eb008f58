using System.Globalization;
using System.Text;
using CollisionModel.Cli;
using CollisionModel.Cli.Commands;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Tests.Cli;

namespace CollisionModel.Tests.Reliability;

/// <summary>
/// The whole <c>collision ree</c> path (file → reader → validation → the library's E_R solver → JSON) on hostile
/// files: byte-level corruptions of a valid file and well-formed JSON holding matrices that are not states. Each run
/// must end with exit 0 (a state, with a finite certified E_R) or exit 2 (one short message, empty stdout), never
/// with an internal error or a stack trace. The Cli/ tests fuzz the argument vectors and the reader alone.
/// </summary>
public class ReeFileFuzzTests
{
    private static readonly CliServices Services = CollisionModel.Cli.Engines.Create() with
    {
        Ree = new DelegateReeSolver(rho =>
        {
            var r = RelativeEntropyOfEntanglement.Compute(rho);
            return new ReeEstimate(r.Value, r.LowerBound, r.ClosestSeparable);
        }),
    };

    private const string Valid =
        "[[[0.4,0],[0,0.1],[0,0],[0.3,0]],[[0,-0.1],[0.1,0],[0,0],[0,0]],[[0,0],[0,0],[0.1,0],[0,0]],[[0.3,0],[0,0],[0,0],[0.4,0]]]";

    private static (int Ok, int Bad) RunAll(IEnumerable<string> contents, string folder)
    {
        int ok = 0, bad = 0, n = 0;
        foreach (string text in contents)
        {
            string file = Path.Combine(folder, $"rho{n++}.json");
            File.WriteAllText(file, text, new UTF8Encoding(false));
            var run = CliHarness.RunWith(Services, "ree", "--rho", file, "--format", "json");
            Assert.True(run.ExitCode is 0 or 2, $"exit {run.ExitCode} for {text}: {run.Stderr}");
            Assert.DoesNotContain("   at ", run.Stderr);
            Assert.DoesNotContain("internal error", run.Stderr);
            if (run.ExitCode == 0)
            {
                Assert.DoesNotContain("NaN", run.Stdout);
                ok++;
            }
            else
            {
                Assert.Equal("", run.Stdout);
                Assert.InRange(run.StderrLines.Length, 1, 3);
                bad++;
            }
        }
        return (ok, bad);
    }

    [Fact]
    public void TwoThousandByteCorruptedFilesEndWithExitZeroOrTwo()
    {
        const string alphabet = "[]{},:.-+eE0123456789\"\" nulltrueNaInfity\u0000\u00ff\\";
        var random = new Random(20261125);
        var contents = new List<string>();
        for (int n = 0; n < 2000; n++)
        {
            var chars = Valid.ToCharArray().ToList();
            int edits = 1 + random.Next(6);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(4))
                {
                    case 0: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: chars.RemoveAt(at); break;
                    case 2: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars.RemoveRange(at, Math.Min(chars.Count - at, random.Next(1, 12))); break;
                }
            }
            contents.Add(new string(chars.ToArray()));
        }
        var (ok, bad) = RunAll(contents, CliHarness.TempFolder());
        Assert.Equal(2000, ok + bad);
        Assert.True(bad > 1000, $"only {bad} of 2000 corrupted files were rejected");
    }

    [Fact]
    public void AThousandWellFormedNonStatesAndEdgeStatesEndWithExitZeroOrTwo()
    {
        // Valid JSON, hostile content: non-Hermitian, trace ≠ 1, negative eigenvalues, wrong shapes, huge and tiny
        // numbers, and near-boundary states (rank deficient, tiny negative eigenvalues within tolerance).
        var random = new Random(77);
        var contents = new List<string>();
        for (int n = 0; n < 1000; n++)
        {
            int rows = random.Next(10) == 0 ? random.Next(0, 7) : 4;
            int cols = random.Next(10) == 0 ? random.Next(0, 7) : 4;
            var m = new double[rows, cols, 2];
            int kind = random.Next(6);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                {
                    m[i, j, 0] = random.NextDouble() - 0.5;
                    m[i, j, 1] = kind == 5 ? 0 : random.NextDouble() - 0.5;
                }
            if (rows == 4 && cols == 4 && kind is 0 or 1 or 2)
            {
                // A Hermitian positive matrix G G† with trace 1, perturbed per kind.
                var g = new System.Numerics.Complex[4, 4];
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) g[i, j] = new(m[i, j, 0], m[i, j, 1]);
                int rank = 1 + random.Next(4);
                double tr = 0;
                var p = new System.Numerics.Complex[4, 4];
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++)
                    {
                        for (int r = 0; r < rank; r++) p[i, j] += g[i, r] * System.Numerics.Complex.Conjugate(g[j, r]);
                        if (i == j) tr += p[i, i].Real;
                    }
                double scale = kind == 1 ? 1.0 + Math.Pow(10, -random.Next(1, 15)) : 1.0;
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++)
                    {
                        var z = p[i, j] * scale / tr;
                        m[i, j, 0] = z.Real;
                        m[i, j, 1] = i == j ? 0 : z.Imaginary;
                    }
                if (kind == 2) m[0, 0, 0] -= Math.Pow(10, -random.Next(6, 16)); // trace below 1; a negative eigenvalue when rank deficient
            }
            if (kind == 3 && rows > 0 && cols > 0) m[0, 0, 0] = random.Next(2) == 0 ? 1e300 : 1e-320;
            contents.Add(Json(m, rows, cols, random.Next(2) == 0));
        }
        contents.Add("");
        contents.Add("{}");
        contents.Add("{\"rho\": null}");
        contents.Add("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
        contents.Add(new string('[', 100_000));
        var (ok, bad) = RunAll(contents, CliHarness.TempFolder());
        Assert.True(ok > 50 && bad > 500, $"ok {ok}, bad {bad}");
    }

    [Fact]
    public void MissingOrUnreadableFilesEndWithExitTwo()
    {
        string folder = CliHarness.TempFolder();
        foreach (string path in new[] { Path.Combine(folder, "absent.json"), folder, "", Path.Combine(folder, "no", "such", "dir.json") })
        {
            var run = CliHarness.RunWith(Services, "ree", "--rho", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Stdout);
            Assert.DoesNotContain("   at ", run.Stderr);
        }
    }

    private static string Json(double[,,] m, int rows, int cols, bool pairs)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++)
        {
            sb.Append(i > 0 ? ",[" : "[");
            for (int j = 0; j < cols; j++)
            {
                if (j > 0) sb.Append(',');
                string re = m[i, j, 0].ToString("R", CultureInfo.InvariantCulture);
                string im = m[i, j, 1].ToString("R", CultureInfo.InvariantCulture);
                sb.Append(pairs ? $"[{re},{im}]" : re);
            }
            sb.Append(']');
        }
        return sb.Append(']').ToString();
    }
}
