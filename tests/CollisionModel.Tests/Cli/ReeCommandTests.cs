using System.Text.Json;
using CollisionModel.Cli.Commands;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Tests.Cli;

public class ReeCommandTests
{
    private static string WriteFile(string text) => CliHarness.WriteTemp(text, "rho.json");

    [Fact]
    public void BellStateFromPairsHasConcurrenceOneAndNegativityOneHalf()
    {
        string file = WriteFile("""
            [[[0.5,0],[0,0],[0,0],[0.5,0]],
             [[0,0],[0,0],[0,0],[0,0]],
             [[0,0],[0,0],[0,0],[0,0]],
             [[0.5,0],[0,0],[0,0],[0.5,0]]]
            """);
        var run = CliHarness.Run("ree", "--rho", file, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(1.0, root.GetProperty("concurrence").GetDouble(), 12);
        Assert.Equal(0.5, root.GetProperty("negativity").GetDouble(), 12);
        // the solver's numbers are passed through unchanged
        Assert.Equal(Math.Log(2), root.GetProperty("E_R").GetDouble(), 15);
    }

    [Fact]
    public void ComplexEntriesAreReadRowMajor()
    {
        // |ψ> = (|00> + i|11>)/√2: ρ[0,3] = −i/2, ρ[3,0] = +i/2 (row-major); swapping would still be a state,
        // so check the parsed entry directly.
        var rho = RhoFileReader.Parse("[[0.5,0,0,[0,-0.5]],[0,0,0,0],[0,0,0,0],[[0,0.5],0,0,0.5]]", "test");
        Assert.Equal(-0.5, rho[0, 3].Imaginary, 15);
        Assert.Equal(0.5, rho[3, 0].Imaginary, 15);
    }

    [Fact]
    public void AMatrixUnderARhoKeyIsAccepted()
    {
        var rho = RhoFileReader.Parse("{\"rho\": [[0.25,0,0,0],[0,0.25,0,0],[0,0,0.25,0],[0,0,0,0.25]]}", "test");
        Assert.Equal(0.25, rho[2, 2].Real, 15);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "not json", "not valid JSON" },
        { "", "not valid JSON" },
        { "[[1,0],[0,0]]", "4×4" },
        { "[[1,0,0,0],[0,0,0,0],[0,0,0,0]]", "4×4" },
        { "[[1,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0]]", "rho[3]: expected a row of 4" },
        { "[[1,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,\"x\"]]", "rho[3][3]" },
        { "[[1,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,[1,2,3]]]", "rho[3][3]" },
        { "[[1,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,1e999]]", "finite" },
        { "{\"x\": 1}", "\"rho\"" },
        { "[[0.5,0.5,0,0],[0,0.5,0,0],[0,0,0,0],[0,0,0,0]]", "Hermitian" },
        { "[[0.5,0,0,0],[0,0.6,0,0],[0,0,0,0],[0,0,0,0]]", "trace" },
        { "[[1.5,0,0,0],[0,-0.5,0,0],[0,0,0,0],[0,0,0,0]]", "positive" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void MalformedOrInvalidFilesExitTwoNamingTheProblem(string content, string expected)
    {
        var run = CliHarness.Run("ree", "--rho", WriteFile(content), "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.InRange(run.StderrLines.Length, 1, 3);
        Assert.Contains("--rho", run.StderrLines[0]);
        Assert.Contains(expected, run.Stderr);
    }

    [Fact]
    public void MissingFileAndFolderExitTwo()
    {
        string folder = CliHarness.TempFolder();
        Assert.Equal(2, CliHarness.Run("ree", "--rho", Path.Combine(folder, "absent.json")).ExitCode);
        Assert.Equal(2, CliHarness.Run("ree", "--rho", folder).ExitCode);
    }

    [Fact]
    public void RandomlyCorruptedFilesNeverEscapeAsAnythingButInputErrors()
    {
        const string valid = "[[[0.5,0],[0,0],[0,0],[0.5,0]],[[0,0],[0,0],[0,0],[0,0]],[[0,0],[0,0],[0,0],[0,0]],[[0.5,0],[0,0],[0,0],[0.5,0]]]";
        const string alphabet = "[]{},:.-+eE0123456789\" \"nulltrue";
        var random = new Random(9);
        int accepted = 0, rejected = 0;
        for (int n = 0; n < 3000; n++)
        {
            var chars = valid.ToCharArray().ToList();
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: chars.RemoveAt(at); break;
                    default: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }
            try
            {
                RhoFileReader.Parse(new string(chars.ToArray()), "fuzz");
                accepted++;
            }
            catch (CliInputException)
            {
                rejected++;
            }
        }
        Assert.Equal(3000, accepted + rejected);
        Assert.True(rejected > 1000, $"only {rejected} of 3000 corrupted files were rejected");
    }
}
