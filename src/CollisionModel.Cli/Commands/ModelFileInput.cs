using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Models;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// A model file given with <c>--model-file</c>: its path, the SHA-256 of its bytes (so a document says exactly which
/// model produced it) and the model the library's <see cref="ModelFile"/> reader made of it.
/// </summary>
/// <param name="Path">The path as given on the command line.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Model">The protocol and initial state.</param>
public sealed record ModelFileInput(string Path, string Sha256, ModelDefinition Model)
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--model-file";

    /// <summary>Files larger than this are refused unread (a 64-dimensional model with several baths needs a few MB at most).</summary>
    public const long MaxBytes = 32L << 20;

    /// <summary><c>--model-file</c> for a command that runs nothing else (required; no default).</summary>
    public static Option<string> RequiredOption(string description)
    {
        var option = CliOptions.Path(OptionName, description, null);
        option.Required = true;
        return option;
    }

    /// <summary>
    /// Reads and validates the file. Every problem throws <see cref="CliInputException"/> naming <c>--model-file</c>,
    /// the file and, for a malformed model, the key path (<c>baths[1].coupling: …</c>) or the line of invalid JSON.
    /// </summary>
    public static ModelFileInput Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = InputFile.Read(OptionName, path, "JSON model file", MaxBytes,
            $", more than the {MaxBytes >> 20} MiB a model file may have.", File.ReadAllBytes);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CliInputException($"{OptionName}: '{path}' is not UTF-8 text.");
        }
        try
        {
            var model = ModelFile.Parse(text);
            return new ModelFileInput(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), model);
        }
        catch (ModelFileException e)
        {
            throw new CliInputException($"{OptionName} {path}: {e.Message}");
        }
    }

    /// <summary>The file as document parameters: <c>model_file</c> and <c>model_file_sha256</c>.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("model_file", Path);
        yield return ("model_file_sha256", Sha256);
    }
}
