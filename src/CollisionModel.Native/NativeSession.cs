using System.CommandLine;
using System.Globalization;
using CollisionModel.Cli;
using CollisionModel.Cli.Output;

namespace CollisionModel.Native;

/// <summary>
/// What one calling thread keeps between requests: the CLI's command tree and engines, built once, and the writers,
/// reader and cancellation source the tree was built over, emptied for every request. Building the tree of eleven
/// commands cost more than parsing a request and was most of a tiny call's non-physics time. One session per thread
/// (so concurrent callers share nothing, as separate CLI processes would); a cancelled request spends the session's
/// token, and that thread's next request builds a fresh session.
/// </summary>
internal sealed class NativeSession
{
    [ThreadStatic]
    private static NativeSession? t_session;

    /// <summary>Output buffers larger than this are dropped after a request instead of being kept for the next.</summary>
    private const int KeptCapacity = 1 << 16;

    private readonly DocumentOut _out = new();
    private readonly StringWriter _error = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly RequestInput _in = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Lock _gate = new();
    private readonly CliEnvironment _environment;
    private readonly RootCommand _root;
    private long _request;
    private long _active;

    private NativeSession()
    {
        _environment = new CliEnvironment(_out, _error, false, CollisionModel.Cli.Engines.CreateAotSafe())
        {
            In = _in,
            Cancellation = _cancellation.Token,
        };
        _root = App.CreateRoot(_environment);
    }

    /// <summary>The calling thread's session: the kept one, or a new one when there is none or its token is spent.</summary>
    public static NativeSession ForThisThread()
    {
        if (t_session is not { } session || session._cancellation.IsCancellationRequested)
            t_session = session = new NativeSession();
        return session;
    }

    /// <summary>
    /// Runs <paramref name="args"/> as the CLI would, with <paramref name="stdin"/> as standard input. While it runs,
    /// <paramref name="cancelRequested"/> (called from the poll timer's thread) stops it at its next progress report;
    /// it is never called once this method has returned.
    /// </summary>
    public NativeRun Execute(string[] args, string stdin, Func<bool> cancelRequested)
    {
        long request;
        lock (_gate) request = _active = ++_request;
        using var poll = new Timer(_ => PollCancel(request, cancelRequested), null, 10, 10);
        try
        {
            _in.Reset(stdin);
            int code = App.Run(_root, args, _environment);
            return NativeRun.Of(code, _error.ToString(), _out.ToString(), code == App.Success ? _out.Document : null);
        }
        finally
        {
            lock (_gate) _active = 0;
            _in.Reset("");
            _out.Clear();
            Clear(_error);
        }
    }

    private void PollCancel(long request, Func<bool> cancelRequested)
    {
        // Under the gate, so that a late tick of a finished request neither reads its caller's flag (gone by then)
        // nor cancels the next request's token.
        lock (_gate)
        {
            if (_active == request && cancelRequested()) _cancellation.Cancel();
        }
    }

    private static void Clear(StringWriter writer)
    {
        var text = writer.GetStringBuilder().Clear();
        if (text.Capacity > KeptCapacity) text.Capacity = 0;
    }

    /// <summary>Standard output that keeps the document (and any text, e.g. help).</summary>
    private sealed class DocumentOut() : StringWriter(CultureInfo.InvariantCulture), IDocumentSink
    {
        public ResultDocument? Document { get; private set; }

        public void Accept(ResultDocument document) => Document = document;

        public void Clear()
        {
            Document = null;
            NativeSession.Clear(this);
        }
    }

    /// <summary>Standard input of the current request (<c>--rho -</c>): a string reader replaced per request.</summary>
    private sealed class RequestInput : TextReader
    {
        private StringReader _text = new("");

        public void Reset(string text) => _text = new StringReader(text);

        public override int Peek() => _text.Peek();

        public override int Read() => _text.Read();

        public override int Read(char[] buffer, int index, int count) => _text.Read(buffer, index, count);

        public override int Read(Span<char> buffer) => _text.Read(buffer);

        public override string? ReadLine() => _text.ReadLine();

        public override string ReadToEnd() => _text.ReadToEnd();
    }
}
