using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Sweeps;

/// <summary>The sweep folder: <c>spec.json</c> (the spec every shard of the folder runs) and the shard files.</summary>
public static class SweepFolder
{
    /// <summary>The spec copy's file name.</summary>
    public const string SpecFileName = "spec.json";

    /// <summary>
    /// Creates <paramref name="folder"/> if needed and records the spec in it, or checks that the spec already recorded
    /// there is the same (comments and layout aside). A different spec is refused: its points would not merge.
    /// </summary>
    public static void Prepare(string folder, SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(spec);
        string full = Path.GetFullPath(folder);
        if (File.Exists(full)) throw new CliInputException($"--out: '{folder}' is a file; give a folder.");
        string? parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent)) throw new CliInputException($"--out: folder '{parent}' does not exist.");
        Directory.CreateDirectory(full);
        string specPath = Path.Combine(full, SpecFileName);
        if (File.Exists(specPath))
        {
            var recorded = ReadSpec(folder);
            if (recorded.CanonicalText != spec.CanonicalText)
                throw new CliInputException($"--out: {specPath} holds a different spec; its points would not merge with these. " +
                    "Use a new folder (nothing was changed).");
            return;
        }
        // Atomic: array tasks starting together all write the same bytes; a reader never sees half a spec.
        AtomicFile.WriteAllText(specPath, spec.CanonicalText);
    }

    /// <summary>The spec recorded in <paramref name="folder"/>.</summary>
    public static SweepSpec ReadSpec(string folder)
    {
        string specPath = Path.Combine(folder, SpecFileName);
        if (!File.Exists(specPath)) throw new CliInputException($"{folder}: no {SpecFileName}; not a sweep folder.");
        try
        {
            return SweepSpec.Parse(File.ReadAllText(specPath));
        }
        catch (CliInputException e)
        {
            throw new CliInputException($"{specPath}: {e.Message.Replace("--spec: ", "", StringComparison.Ordinal)}");
        }
    }
}
