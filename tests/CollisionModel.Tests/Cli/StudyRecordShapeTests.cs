using System.Text.Json;
using CollisionModel.Studies;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// One shape per study result: the CLI's JSON names a result's fields from the library's list (next to the result
/// type), so a record's keys and the summary keys after <c>records</c> agree one for one and in order.
/// </summary>
public class StudyRecordShapeTests
{
    private const string TwoQubitsOneBath = """
        {
          "system": { "dims": [2, 2], "b": [1], "ket": [1, 0, 0, 0],
                      "hamiltonian": [[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 2]] },
          "baths": [ { "acts_on": [1], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 1.0 },
                       "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.0 } ]
        }
        """;

    private static string[] RecordKeys(JsonElement root) =>
        root.GetProperty("records")[0].EnumerateObject().Select(p => p.Name).ToArray();

    private static string[] SummaryKeys(JsonElement root) =>
        root.EnumerateObject().Select(p => p.Name).SkipWhile(n => n != "records").Skip(1).ToArray();

    [Fact]
    public void Converge_writes_the_convergence_result_fields_in_order()
    {
        var root = CliHarness.RunJson("converge", "--steps", "10,20");
        Assert.Equal(ConvergenceFields.Record, RecordKeys(root));
        Assert.Equal(ConvergenceFields.Summary, SummaryKeys(root));
    }

    [Fact]
    public void Master_writes_the_master_equation_study_fields_in_order()
    {
        var root = CliHarness.RunJson("master", "--points", "2");
        Assert.Equal(MasterEquationStudyFields.Record, RecordKeys(root));
        Assert.Equal(MasterEquationStudyFields.Summary, SummaryKeys(root));
    }

    [Fact]
    public void Master_of_a_model_file_writes_the_lindblad_limit_study_fields_in_order()
    {
        var root = CliHarness.RunJson("master", "--model-file", CliHarness.WriteTemp(TwoQubitsOneBath, "model.json"), "--points", "2");
        Assert.Equal(LindbladLimitStudyFields.Record, RecordKeys(root));
        Assert.Equal(LindbladLimitStudyFields.Summary, SummaryKeys(root));
    }

    [Fact]
    public void Conjecture_writes_the_conjecture_study_fields_in_order()
    {
        var root = CliHarness.RunJson("conjecture", "--points", "2");
        Assert.Equal(ConjectureStudyFields.Record, RecordKeys(root));
        Assert.Equal(ConjectureStudyFields.Summary, SummaryKeys(root));
    }
}
