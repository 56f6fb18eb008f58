using System.Numerics;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The one reader of complex matrices written in JSON (model files' couplings, Hamiltonians and states, the
/// <c>ree</c> command's density matrix): an array of n rows of n entries, row-major, each entry a finite number (real)
/// or an <c>[re, im]</c> pair. Every problem throws a <see cref="ModelFileException"/> naming the key path and what
/// was expected. O(n²).
/// </summary>
public static class JsonComplexMatrix
{
    /// <summary>
    /// Reads an <paramref name="dimension"/> × <paramref name="dimension"/> matrix from <paramref name="element"/>;
    /// <paramref name="keyPath"/> names it in messages (e.g. <c>baths[0].coupling</c>), <paramref name="why"/> explains
    /// the dimension. Not validated beyond finiteness (Hermiticity, trace and positivity are the caller's checks).
    /// </summary>
    public static Matrix<Complex> Read(JsonElement element, int dimension, string keyPath, string why)
    {
        ArgumentNullException.ThrowIfNull(keyPath);
        ArgumentNullException.ThrowIfNull(why);
        return new ModelFileElement(element, keyPath).Matrix(dimension, why);
    }
}
