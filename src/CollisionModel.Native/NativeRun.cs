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

    /// <summary>The kinds of per-record column that become one typed array.</summary>
    private enum ColumnKind
    {
        /// <summary>Not one array: the values go to the side JSON.</summary>
        None,

        /// <summary>Every value an integer: int64.</summary>
        Integers,

        /// <summary>Numbers, integers and nulls: float64 with NaN for null.</summary>
        Numbers,

        /// <summary>Matrices of one shape, nulls allowed: complex128 (records, rows, columns), NaN for null.</summary>
        Matrices,

        /// <summary>Lists of numbers, all of one length: float64 (records, length).</summary>
        NumberLists,
    }

    /// <summary>
    /// Splits the document in one pass per field (O(records × fields); a record whose fields come in the union's
    /// order, the usual case, is read by position): typed arrays for the columns that are one, the side JSON for the rest.
    /// </summary>
    private void Split(ResultDocument document)
    {
        var records = document.Records;
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
            foreach (var field in record.Fields)
                if (seen.Add(field.Name)) names.Add(field.Name);

        var column = new ResultValue[records.Count];
        var sideNames = new HashSet<string>(StringComparer.Ordinal);
        for (int position = 0; position < names.Count; position++)
        {
            string name = names[position];
            for (int k = 0; k < records.Count; k++) column[k] = FieldAt(records[k], position, name);
            if (!TryAddColumn(name, column)) sideNames.Add(name);
        }
        var sideRecords = new List<ResultRecord>();
        if (sideNames.Count > 0)
            foreach (var record in records)
                sideRecords.Add(new ResultRecord(record.Fields.Where(f => sideNames.Contains(f.Name))));

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

    private static ResultValue FieldAt(ResultRecord record, int position, string name)
    {
        var fields = record.Fields;
        if (position < fields.Count && fields[position].Name == name) return fields[position].Value;
        return record[name] ?? ResultValue.Null;
    }

    private bool TryAddColumn(string name, ResultValue[] values)
    {
        int n = values.Length;
        switch (Classify(values, out int rows, out int columns))
        {
            case ColumnKind.Integers:
                var integers = new long[n];
                for (int k = 0; k < n; k++) integers[k] = ((IntegerValue)values[k]).Value;
                Add("r", name, "i8", [n], integers);
                return true;
            case ColumnKind.Numbers:
                var numbers = new double[n];
                for (int k = 0; k < n; k++) numbers[k] = AsDouble(values[k]);
                Add("r", name, "f8", [n], numbers);
                return true;
            case ColumnKind.Matrices:
                int size = rows * columns;
                var matrices = new Complex[n * size];
                for (int k = 0; k < n; k++) WriteMatrix(values[k] as MatrixValue, matrices.AsSpan(k * size, size), columns);
                Add("r", name, "c16", [n, rows, columns], matrices);
                return true;
            case ColumnKind.NumberLists:
                var lists = new double[n * columns];
                for (int k = 0; k < n; k++)
                {
                    var items = ((ListValue)values[k]).Items;
                    for (int i = 0; i < columns; i++) lists[k * columns + i] = AsDouble(items[i]);
                }
                Add("r", name, "f8", [n, columns], lists);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// What one array <paramref name="values"/> (at least one) can be, checked in this order: integers, numbers (with
    /// nulls), matrices of one shape (with nulls; at least one matrix), lists of numbers of one length. The matrix shape
    /// or the list length comes back in <paramref name="rows"/> × <paramref name="columns"/>.
    /// </summary>
    private static ColumnKind Classify(ResultValue[] values, out int rows, out int columns)
    {
        bool integers = true, numbers = true, matrices = true, lists = true;
        rows = columns = -1;
        int width = -1;
        foreach (var value in values)
        {
            integers &= value is IntegerValue;
            numbers &= value is NumberValue or IntegerValue or NullValue;
            if (value is MatrixValue m)
            {
                if (rows < 0) (rows, columns) = (m.Rows, m.Columns);
                else if (m.Rows != rows || m.Columns != columns) matrices = false;
            }
            else if (value is not NullValue)
            {
                matrices = false;
            }
            if (lists && value is ListValue list && IsNumberList(list) && (width < 0 || width == list.Items.Count)) width = list.Items.Count;
            else lists = false;
        }
        if (integers) return ColumnKind.Integers;
        if (numbers) return ColumnKind.Numbers;
        if (matrices && rows >= 0) return ColumnKind.Matrices;
        if (lists)
        {
            (rows, columns) = (1, width);
            return ColumnKind.NumberLists;
        }
        return ColumnKind.None;
    }

    private static bool IsNumberList(ListValue list)
    {
        foreach (var item in list.Items)
            if (item is not (NumberValue or IntegerValue or NullValue)) return false;
        return true;
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
            case ListValue l when l.Items.Count > 0 && l.Items.All(i => i is IntegerValue):
                // Counts and indices (counting's values, trajectories' measured_baths) stay integers.
                Add("x", name, "i8", [l.Items.Count], l.Items.Select(i => ((IntegerValue)i).Value).ToArray());
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
