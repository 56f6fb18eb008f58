using System.Numerics;
using System.Text.Json;
using CollisionModel.Cli.Output;
using CollisionModel.States;

namespace CollisionModel.Tests.Cli;

public class WriterTests
{
    private static ResultDocument Document(params (string Name, ResultValue Value)[] fields) =>
        new("test", "conventions", ResultRecord.Of(("a", 0.5)), [ResultRecord.Of(fields)], ResultRecord.Of(("top", 1.0)));

    private static string Render(IResultWriter writer, ResultDocument document)
    {
        var text = new StringWriter();
        writer.Write(document, text);
        return text.ToString();
    }

    private static JsonElement FirstRecord(string json) => JsonDocument.Parse(json).RootElement.GetProperty("records")[0];

    [Fact]
    public void JsonWritesPlusInfinityAsTheStringInfinity()
    {
        var record = FirstRecord(Render(new JsonResultWriter(), Document(("sigma", double.PositiveInfinity))));
        Assert.Equal("Infinity", record.GetProperty("sigma").GetString());
    }

    [Fact]
    public void JsonWritesAbsentValuesAsNull()
    {
        var record = FirstRecord(Render(new JsonResultWriter(), Document(("sigma", (double?)null), ("E_R", (string?)null))));
        Assert.Equal(JsonValueKind.Null, record.GetProperty("sigma").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("E_R").ValueKind);
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(1.0 / 3.0)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-2.2250738585072014E-308)]
    [InlineData(0.7071067811865476)]
    [InlineData(123456789.123456789)]
    public void JsonDoublesRoundTripBitForBit(double x)
    {
        var record = FirstRecord(Render(new JsonResultWriter(), Document(("x", x))));
        Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(record.GetProperty("x").GetDouble()));
    }

    [Fact]
    public void JsonRejectsNaNAsAnInternalError()
    {
        Assert.Throws<NonFiniteOutputException>(() => Render(new JsonResultWriter(), Document(("x", double.NaN))));
        Assert.Throws<NonFiniteOutputException>(() => Render(new CsvResultWriter(), Document(("x", double.NaN))));
        Assert.Throws<NonFiniteOutputException>(() => Render(new TableResultWriter(), Document(("x", double.NaN))));
    }

    [Fact]
    public void JsonMatricesAreRowMajorReImPairs()
    {
        // ρ[0,1] = 0.1 + 0.2i and ρ[1,0] = 0.1 − 0.2i: a column-major dump would swap the signs of the imaginary parts.
        var m = new Complex[4, 4];
        m[0, 0] = 0.5; m[1, 1] = 0.3; m[2, 2] = 0.2;
        m[0, 1] = new Complex(0.1, 0.2);
        m[1, 0] = new Complex(0.1, -0.2);
        var rho = DensityMatrix.Create(m);
        var json = FirstRecord(Render(new JsonResultWriter(), Document(("rho_AB", rho)))).GetProperty("rho_AB");
        Assert.Equal(4, json.GetArrayLength());
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(4, json[i].GetArrayLength());
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(m[i, j].Real, json[i][j][0].GetDouble(), 15);
                Assert.Equal(m[i, j].Imaginary, json[i][j][1].GetDouble(), 15);
            }
        }
        Assert.Equal(0.2, json[0][1][1].GetDouble(), 15);
        Assert.Equal(-0.2, json[1][0][1].GetDouble(), 15);
    }

    [Fact]
    public void JsonDocumentHasTheContractTopLevelKeysInOrder()
    {
        var root = JsonDocument.Parse(Render(new JsonResultWriter(), Document(("x", 1.0)))).RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["command", "conventions", "parameters", "records", "top"], names);
    }

    [Fact]
    public void CsvHasAHeaderAndOneInvariantLinePerRecordWithScalarsOnly()
    {
        var doc = new ResultDocument("t", "c", ResultRecord.Of(),
            [
                ResultRecord.Of(("step", 0L), ("x", 1.5), ("sigma", (double?)null), ("rho", DensityMatrix.Diagonal([1.0, 0]))),
                ResultRecord.Of(("step", 1L), ("x", 1e-20), ("sigma", double.PositiveInfinity), ("rho", DensityMatrix.Diagonal([0.0, 1]))),
            ],
            ResultRecord.Of());
        var lines = Render(new CsvResultWriter(), doc).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["step,x,sigma", "0,1.5,", "1,1E-20,Infinity"], lines);
    }

    [Fact]
    public void TableHasNoEscapeCodesAndShowsEveryScalarColumn()
    {
        string text = Render(new TableResultWriter(), Document(("S_AB", 0.123456789), ("step", 3L)));
        Assert.False(text.Contains('\u001b', StringComparison.Ordinal), "ANSI escape in table output");
        Assert.Contains("S_AB", text);
        Assert.Contains("0.123457", text);
        Assert.Contains("top = 1", text);
    }

    [Fact]
    public void WritersAreDeterministic()
    {
        var doc = Document(("x", 0.1), ("rho", DensityMatrix.Diagonal([0.25, 0.75])));
        foreach (IResultWriter w in new IResultWriter[] { new JsonResultWriter(), new CsvResultWriter(), new TableResultWriter() })
            Assert.Equal(Render(w, doc), Render(w, doc));
    }
}
