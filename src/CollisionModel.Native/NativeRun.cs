using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using CollisionModel.Cli.Output;

namespace CollisionModel.Native;

/// <summary>
/// One finished request: the exit code, the CLI's error text, and the result document split into typed arrays
/// (numbers as float64 with NaN for null, integers as int64, matrices as complex128) plus a small JSON document for
/// what is no array (parameters, text, nested records). Not changed once built; the caller takes it all with one copy
/// (<see cref="WriteTo"/>).
/// </summary>
internal sealed class NativeRun
{
    private readonly List<Array> _arrays = [];
    private readonly StringBuilder _schema = new();
    private long[]? _header;
    private byte[][]? _texts;

    private NativeRun(int exitCode, string message, string text)
    {
        ExitCode = exitCode;
        Message = message;
        Text = text;
    }

    /// <summary>The CLI's exit code (0 success, 1 internal error or interrupted, 2 bad input).</summary>
    public int ExitCode { get; }

    /// <summary>What the CLI wrote to standard error (the message of <c>cm.InputError</c>).</summary>
    public string Message { get; }

    /// <summary>What the command wrote to standard output as text (e.g. help), when it produced no document.</summary>
    public string Text { get; }

    /// <summary>One line per array: <c>scope\tname\tkind\tshape</c> (scope r = over records, x = top level; kind f8, i8, c16).</summary>
    public string Schema => _schema.ToString();

    /// <summary>The rest of the document as the CLI's JSON (command, parameters, non-array fields); empty without a document.</summary>
    public string Side { get; private set; } = "";

    /// <summary>The arrays in schema order: <see cref="double"/>[], <see cref="long"/>[] or <see cref="Complex"/>[].</summary>
    public IReadOnlyList<Array> Arrays => _arrays;

    /// <summary>A run that failed before the CLI could report (exit 1 with <paramref name="message"/>).</summary>
    public static NativeRun Failed(string message) => new(1, message, "");

    /// <summary>
    /// A finished request: its exit code, what it wrote to standard error and (as text) to standard output, and its
    /// document (null when it produced none), split into typed arrays and the side JSON.
    /// </summary>
    public static NativeRun Of(int exitCode, string message, string text, ResultDocument? document)
    {
        var run = new NativeRun(exitCode, message, text);
        if (document is not null) run.Split(document);
        return run;
    }

    /// <summary>
    /// The sizes <see cref="WriteTo"/> needs, in bytes: [exit code, message, schema, side JSON, text output, total].
    /// The total holds the four texts (UTF-8, back to back), zero padding to a multiple of 16, then every array in
    /// schema order, each starting at a multiple of 16 from there.
    /// </summary>
    public ReadOnlySpan<long> Header => _header ??= BuildHeader();

    /// <summary>
    /// Writes the layout of <see cref="Header"/> to <paramref name="destination"/>, which must hold exactly its total
    /// size (<paramref name="capacity"/>); the padding bytes are left as they are. One copy per text and array.
    /// </summary>
    public unsafe void WriteTo(byte* destination, long capacity)
    {
        var header = Header;
        if (capacity != header[5]) throw new ArgumentException("the buffer does not have the run's total size", nameof(capacity));
        long offset = 0;
        foreach (byte[] text in _texts!)
        {
            text.CopyTo(new Span<byte>(destination + offset, text.Length));
            offset += text.Length;
        }
        offset = Aligned(offset);
        foreach (var array in _arrays)
        {
            var bytes = Bytes(array);
            bytes.CopyTo(new Span<byte>(destination + offset, bytes.Length));
            offset += Aligned(bytes.Length);
        }
    }

    private long[] BuildHeader()
    {
        _texts = [Encoding.UTF8.GetBytes(Message), Encoding.UTF8.GetBytes(Schema), Encoding.UTF8.GetBytes(Side), Encoding.UTF8.GetBytes(Text)];
        long total = Aligned(_texts.Sum(t => (long)t.Length));
        foreach (var array in _arrays) total += Aligned(Bytes(array).Length);
        return [ExitCode, _texts[0].Length, _texts[1].Length, _texts[2].Length, _texts[3].Length, total];
    }

    private static long Aligned(long bytes) => checked((bytes + 15) & ~15L);

    private static ReadOnlySpan<byte> Bytes(Array array) => array switch
    {
        double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
        long[] l => MemoryMarshal.AsBytes(l.AsSpan()),
        Complex[] z => MemoryMarshal.AsBytes(z.AsSpan()),
        _ => throw new InvalidOperationException("unknown array kind"),
    };

    private void Split(ResultDocument document)
    {
        var sideRecords = new List<ResultRecord>();
        var names = new List<string>();
        foreach (var record in document.Records)
            foreach (var field in record.Fields)
                if (!names.Contains(field.Name)) names.Add(field.Name);

        var sideNames = new List<string>();
        foreach (string name in names)
        {
            var values = document.Records.Select(r => r[name] ?? ResultValue.Null).ToArray();
            if (!TryAddColumn("r", name, values)) sideNames.Add(name);
        }
        if (sideNames.Count > 0)
            sideRecords.AddRange(document.Records.Select(r =>
                new ResultRecord(r.Fields.Where(f => sideNames.Contains(f.Name)))));

        var sideExtras = new List<ResultField>();
        foreach (var field in document.Extras.Fields)
            if (!TryAddTopLevel(field.Name, field.Value)) sideExtras.Add(field);

        var side = new ResultDocument(document.Command, document.Conventions, document.Parameters, sideRecords,
            new ResultRecord(sideExtras))
        { Title = document.Title };
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new JsonResultWriter().Write(side, text);
        Side = text.ToString();
    }

    private bool TryAddColumn(string scope, string name, ResultValue[] values)
    {
        if (values.All(v => v is NumberValue or IntegerValue or NullValue))
        {
            if (values.All(v => v is IntegerValue))
            {
                Add(scope, name, "i8", [values.Length], values.Select(v => ((IntegerValue)v).Value).ToArray());
                return true;
            }
            Add(scope, name, "f8", [values.Length], values.Select(AsDouble).ToArray());
            return true;
        }
        if (values.All(v => v is MatrixValue or NullValue) && values.OfType<MatrixValue>().Select(m => (m.Rows, m.Columns)).Distinct().Count() == 1)
        {
            var shape = values.OfType<MatrixValue>().First();
            int size = shape.Rows * shape.Columns;
            var data = new Complex[values.Length * size];
            for (int k = 0; k < values.Length; k++)
                WriteMatrix(values[k] as MatrixValue, data.AsSpan(k * size, size), shape.Columns);
            Add(scope, name, "c16", [values.Length, shape.Rows, shape.Columns], data);
            return true;
        }
        if (values.All(v => v is ListValue l && l.Items.All(i => i is NumberValue or IntegerValue or NullValue))
            && values.Select(v => ((ListValue)v).Items.Count).Distinct().Count() == 1)
        {
            int width = ((ListValue)values[0]).Items.Count;
            var data = values.SelectMany(v => ((ListValue)v).Items.Select(AsDouble)).ToArray();
            Add(scope, name, "f8", [values.Length, width], data);
            return true;
        }
        return false;
    }

    private bool TryAddTopLevel(string name, ResultValue value)
    {
        switch (value)
        {
            case NumberValue or IntegerValue:
                Add("x", name, "f8", [], new[] { AsDouble(value) });
                return true;
            case MatrixValue m:
                var data = new Complex[m.Rows * m.Columns];
                WriteMatrix(m, data, m.Columns);
                Add("x", name, "c16", [m.Rows, m.Columns], data);
                return true;
            case ListValue l when l.Items.Count > 0 && l.Items.All(i => i is NumberValue or IntegerValue or NullValue):
                Add("x", name, "f8", [l.Items.Count], l.Items.Select(AsDouble).ToArray());
                return true;
            default:
                return false;
        }
    }

    private static double AsDouble(ResultValue value) => value switch
    {
        NumberValue n => n.Value,
        IntegerValue i => i.Value,
        _ => double.NaN,
    };

    private static void WriteMatrix(MatrixValue? m, Span<Complex> destination, int columns)
    {
        if (m is null)
        {
            destination.Fill(new Complex(double.NaN, double.NaN));
            return;
        }
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < columns; j++)
                destination[i * columns + j] = m[i, j];
    }

    private void Add(string scope, string name, string kind, int[] shape, Array data)
    {
        _schema.Append(scope).Append('\t').Append(name).Append('\t').Append(kind).Append('\t')
            .Append(string.Join(',', shape)).Append('\n');
        _arrays.Add(data);
    }
}
