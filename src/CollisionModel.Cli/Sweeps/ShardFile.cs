using System.Text;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// A shard's <c>points-I-of-N.jsonl</c>, opened for appending: one line per finished point, flushed to the operating
/// system as it is written (a killed process loses only the points it was computing). Opening reads the points already
/// done; a torn last line (no newline, or not a complete record) is cut off so that point is redone. The file is held
/// with an exclusive lock, so a second process on the same shard is refused instead of interleaving lines.
/// </summary>
public sealed class ShardFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly object _gate = new();

    private ShardFile(FileStream stream, string path, IReadOnlySet<long> done, bool truncated)
    {
        _stream = stream;
        Path = path;
        Done = done;
        DroppedTornLine = truncated;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Points already in the file when it was opened.</summary>
    public IReadOnlySet<long> Done { get; }

    /// <summary>Whether a torn last line was cut off on opening.</summary>
    public bool DroppedTornLine { get; }

    /// <summary>
    /// Opens (or creates) the shard's file in <paramref name="folder"/>. Refuses (<see cref="CliInputException"/>) a
    /// file with a broken line before its end, or with a point that this shard of <paramref name="spec"/> does not own.
    /// </summary>
    public static ShardFile Open(string folder, ShardId shard, SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(spec);
        string path = System.IO.Path.Combine(folder, shard.FileName);
        FileStream stream;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix: a second process on this shard is refused.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new CliInputException($"{path}: cannot open for writing ({e.Message.Split('\n')[0]}); is this shard already running?");
        }
        try
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            var done = new HashSet<long>();
            long good = 0;
            int start = 0, lineNumber = 0;
            while (start < bytes.Length)
            {
                int end = Array.IndexOf(bytes, (byte)'\n', start);
                lineNumber++;
                var line = end < 0 ? null : PointLine.TryParse(Encoding.UTF8.GetString(bytes, start, end - start));
                if (line is null)
                {
                    bool last = end < 0 || end == bytes.Length - 1;
                    if (!last) throw new CliInputException($"{path}: line {lineNumber} is not a point record; fix or remove the file.");
                    break; // torn by a kill: cut off and redo that point
                }
                if (line.Point >= spec.PointCount || !shard.Owns(line.Point))
                    throw new CliInputException($"{path}: line {lineNumber} holds point {line.Point}, which is not a point of shard {shard.Index} of {shard.Count} of this spec.");
                done.Add(line.Point);
                good = end + 1;
                start = end + 1;
            }
            bool truncated = good < bytes.Length;
            if (truncated) stream.SetLength(good);
            stream.Seek(good, SeekOrigin.Begin);
            return new ShardFile(stream, path, done, truncated);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends one line and flushes it (thread-safe; lines never interleave).</summary>
    public void Append(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
