namespace CollisionModel.Tests.Cli;

public class FuzzTests
{
    [Fact]
    public void TenThousandRandomArgumentVectorsExitZeroOrTwoAndNeverThrow()
    {
        string folder = CliHarness.TempFolder();
        string[] commands = ["simulate", "master", "converge", "ree", "paper", "bogus", "--help", "--version", "", "-"];
        string[] options =
        [
            "--model", "--a", "--eta", "--gamma", "--kappa", "--omega", "--time", "--steps", "--environment", "--representation",
            "--angle", "--record-every", "--no-ree", "--qubit", "--points", "--rho", "--out", "--seed", "--samples", "--reduced",
            "--format", "--output", "--quiet", "--help", "-h", "--", "--a=0.3", "--steps:5", "--bogus", "-x",
        ];
        string[] values =
        [
            "0", "1", "-1", "0.5", "2", "1e3", "1e13", "1,2,3", "0,1", ",", "NaN", "Infinity", "-Infinity", "1e400", "abc", "",
            " ", "dephasing", "decay", "pure", "mixed", "explicit", "streaming", "paper", "exact", "A", "B", "both", "json",
            "csv", "table", "xml", "@file", "\u03b7", "0x10", "9223372036854775808", "3.", ".5", "+1",
            Path.Combine(folder, "o.json"), Path.Combine(folder, "sub"), Path.Combine(folder, "none", "o.json"), folder,
        ];
        var random = new Random(20260101);
        // Few records per run: the fuzz is about parsing and validation, not about rendering long tables.
        var services = CliHarness.PlumbingServices(maxRecords: 2);
        var counts = new int[3];
        for (int n = 0; n < 10_000; n++)
        {
            var args = new List<string>();
            string command = commands[random.Next(commands.Length)];
            if (command.Length > 0) args.Add(command);
            int tokens = random.Next(7);
            for (int t = 0; t < tokens; t++)
                args.Add(random.Next(2) == 0 ? options[random.Next(options.Length)] : values[random.Next(values.Length)]);
            // A valid paper run would render plots; keep the fuzz on parsing and validation.
            if (args.Contains("paper") && !args.Contains("--help") && !args.Contains("-h")) args.Add("--samples=0");

            var run = CliHarness.RunWith(services, [.. args]);
            Assert.True(run.ExitCode is 0 or 2, $"exit {run.ExitCode} for [{string.Join(' ', args)}]: {run.Stderr}");
            Assert.DoesNotContain("   at ", run.Stderr);
            if (run.ExitCode == 2)
            {
                Assert.Equal("", run.Stdout);
                Assert.InRange(run.StderrLines.Length, 1, 3);
            }
            counts[run.ExitCode]++;
        }
        // Both outcomes occur: the generator reaches valid runs as well as every kind of rejection.
        Assert.True(counts[0] > 100 && counts[2] > 100, $"ok {counts[0]}, bad {counts[2]}");
    }
}
