using System.Numerics;
using System.Text.Json;
using CollisionModel.Models;

namespace CollisionModel.Tests.Models;

/// <summary>The one JSON reader of complex matrices: row-major rows, real numbers or [re, im] pairs, errors naming the key path.</summary>
public class JsonComplexMatrixTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Rows_are_read_row_major_with_real_and_pair_entries()
    {
        // σy = [[0, −i], [i, 0]] written with both entry forms.
        var m = JsonComplexMatrix.Read(Parse("[[0, [0, -1]], [[0, 1], 0.0]]"), 2, "coupling", "a qubit");
        Assert.Equal(new Complex(0, -1), m[0, 1]);
        Assert.Equal(new Complex(0, 1), m[1, 0]);
        Assert.Equal(Complex.Zero, m[0, 0]);
    }

    [Theory]
    [InlineData("[[1, 0], [0]]", "coupling[1]")]
    [InlineData("[[1, 0], [0, \"x\"]]", "coupling[1][1]")]
    [InlineData("[[1, 0], [0, [1, 2, 3]]]", "coupling[1][1]")]
    [InlineData("[[1, 0]]", "coupling")]
    public void A_malformed_matrix_is_refused_naming_the_key_path(string json, string path)
    {
        var e = Assert.Throws<ModelFileException>(() => JsonComplexMatrix.Read(Parse(json), 2, "coupling", "a qubit"));
        Assert.Equal(path, e.KeyPath);
    }
}
