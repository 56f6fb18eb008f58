using System.Text;

namespace CollisionModel.Cli.Output;

/// <summary>
/// Writes a file so that a reader never sees it half-written: the content goes to a temporary file in the same folder
/// (same file system, so the rename is atomic), which is then renamed over the final name. On any failure the
/// temporary file is deleted and the final name is left untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string content) =>
        Write(path, temp => File.WriteAllText(temp, content, new UTF8Encoding(false)));

    /// <summary>Lets <paramref name="writeTo"/> create the content at a temporary path, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(writeTo);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        // Keep the extension last: some writers (image encoders) pick the format from it.
        string temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            writeTo(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
