using System.Globalization;
using System.Numerics;
using System.Text;
using CollisionModel.Cli;
using CollisionModel.Cli.Output;

namespace CollisionModel.Native;

/// <summary>
/// One finished request: the exit code, the CLI's error text, and the result document split into typed arrays
/// (numbers as float64 with NaN for null, integers as int64, matrices as complex128) plus a small JSON document for
/// what is no array (parameters, text, nested records). Immutable once built; the caller copies each array once.
/// </summary>
internal sealed class NativeRun
{
    private readonly List<Array> _arrays = [];
    private readonly StringBuilder _schema = new();

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

    /// <summary>Runs <paramref name="args"/> as the CLI would, in process; <paramref name="cancellation"/> stops it.</summary>
    public static NativeRun Execute(string[] args, string stdin, CancellationToken cancellation)
    {
        using var stdout = new DocumentOut();
        using var stderr = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var environment = new CliEnvironment(stdout, stderr, false, Engines.CreateAotSafe())
        {
            In = new StringReader(stdin),
            Cancellation = cancellation,
        };
        int code = App.Run(args, environment);
        var run = new NativeRun(code, stderr.ToString(), stdout.ToString());
        if (code == App.Success && stdout.Document is { } document) run.Split(document);
        return run;
    }

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

    /// <summary>Standard output that keeps the document (and any text, e.g. help).</summary>
    private sealed class DocumentOut() : StringWriter(CultureInfo.InvariantCulture), IDocumentSink
    {
        public ResultDocument? Document { get; private set; }

        public void Accept(ResultDocument document) => Document = document;
    }
}
