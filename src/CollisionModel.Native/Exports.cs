using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CollisionModel.Native;

/// <summary>
/// The C ABI of libcollisionmodel. Every export catches every exception (one escaping an export would end the host
/// process) and uses only blittable parameters. A run returns a handle the caller reads and frees:
/// <c>cm_run</c> → <c>cm_read</c> (everything, one copy) or <c>cm_exit_code</c> / <c>cm_text</c> (one text, e.g. the
/// error message) → <c>cm_free</c>.
/// </summary>
public static unsafe class Exports
{
    /// <summary>Text kinds of <see cref="Text"/>.</summary>
    private enum TextKind
    {
        Message = 0,
        Schema = 1,
        Side = 2,
        Stdout = 3,
    }

    /// <summary>
    /// Writes the library version (UTF-8, no terminator) into <paramref name="buffer"/> when it fits; returns its
    /// length in bytes, or -1 on an internal failure.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "cm_version")]
    public static long Version(byte* buffer, long capacity)
    {
        try
        {
            string version = typeof(Exports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return WriteText(plus < 0 ? version : version[..plus], buffer, capacity);
        }
        catch (Exception)
        {
            return -1;
        }
    }

    /// <summary>
    /// Runs one CLI request in process. <paramref name="request"/> holds the arguments as UTF-8, each ended by a zero
    /// byte; <paramref name="stdin"/> is what the command reads as standard input (<c>--rho -</c>). The run stops at its
    /// next progress report once <c>*cancel</c> becomes non-zero (polled every 10 ms). Returns a handle, never 0
    /// unless memory ran out. Blocks for the run's duration; the caller releases its interpreter lock. Requests on one
    /// thread share that thread's command tree and engines (<see cref="NativeSession"/>), built by its first request.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "cm_run")]
    public static nint Run(byte* request, long requestLength, byte* stdin, long stdinLength, int* cancel)
    {
        try
        {
            EnsureProgramName();
            string[] args = Encoding.UTF8.GetString(request, checked((int)requestLength))
                .Split('\0').SkipLast(1).ToArray();
            string input = stdinLength > 0 ? Encoding.UTF8.GetString(stdin, checked((int)stdinLength)) : "";
            nint flag = (nint)cancel;
            var run = NativeSession.ForThisThread().Execute(args, input, () => flag != 0 && Volatile.Read(ref *(int*)flag) != 0);
            return GCHandle.ToIntPtr(GCHandle.Alloc(run));
        }
        catch (Exception e)
        {
            try
            {
                return GCHandle.ToIntPtr(GCHandle.Alloc(NativeRun.Failed($"collision: error: internal error ({e.GetType().Name}): {e.Message}")));
            }
            catch (Exception)
            {
                return 0;
            }
        }
    }

    /// <summary>
    /// Reads a whole run with one copy. Always writes the six sizes of the run into <paramref name="header"/>: exit
    /// code, then the bytes of the error message, the array schema, the side JSON, the text output (UTF-8 each), and
    /// the total. When <paramref name="buffer"/> is not null and <paramref name="capacity"/> equals that total, also
    /// writes the four texts back to back, then (from the next multiple of 16) every array in schema order, each at
    /// a multiple of 16. Returns 0, or -1 for a bad handle or a wrong capacity.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "cm_read")]
    public static int Read(nint handle, long* header, byte* buffer, long capacity)
    {
        try
        {
            var run = Resolve(handle);
            run.Header.CopyTo(new Span<long>(header, 6));
            if (buffer != null) run.WriteTo(buffer, capacity);
            return 0;
        }
        catch (Exception)
        {
            return -1;
        }
    }

    /// <summary>The run's exit code (0 success, 1 internal error or interrupted, 2 bad input); -1 for a bad handle.</summary>
    [UnmanagedCallersOnly(EntryPoint = "cm_exit_code")]
    public static int ExitCode(nint handle)
    {
        try
        {
            return Resolve(handle).ExitCode;
        }
        catch (Exception)
        {
            return -1;
        }
    }

    /// <summary>
    /// Writes text <paramref name="kind"/> of the run (0 error message, 1 array schema, 2 the rest of the document as
    /// JSON, 3 text output) as UTF-8 when it fits in <paramref name="capacity"/>; returns its length, -1 on failure.
    /// The error message call of the ABI; <c>cm_read</c> takes every text and array at once.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "cm_text")]
    public static long Text(nint handle, int kind, byte* buffer, long capacity)
    {
        try
        {
            var run = Resolve(handle);
            string text = (TextKind)kind switch
            {
                TextKind.Message => run.Message,
                TextKind.Schema => run.Schema,
                TextKind.Side => run.Side,
                TextKind.Stdout => run.Text,
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
            return WriteText(text, buffer, capacity);
        }
        catch (Exception)
        {
            return -1;
        }
    }

    /// <summary>Releases a run's handle (0 is ignored).</summary>
    [UnmanagedCallersOnly(EntryPoint = "cm_free")]
    public static void Free(nint handle)
    {
        try
        {
            if (handle != 0) GCHandle.FromIntPtr(handle).Free();
        }
        catch (Exception)
        {
            // A foreign handle: nothing of ours to free, and nothing may escape an export.
        }
    }

    /// <summary>
    /// A shared library has no command line, and System.CommandLine names its root command after argument 0 of it
    /// (an empty array there fails every parse): give the runtime the CLI's name once, as a process would.
    /// </summary>
    private static void EnsureProgramName()
    {
        if (Environment.GetCommandLineArgs().Length == 0) CommandLineArgs(null) = ["collision"];
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "s_commandLineArgs")]
    private static extern ref string[]? CommandLineArgs([UnsafeAccessorType("System.Environment, System.Private.CoreLib")] object? environment);

    private static NativeRun Resolve(nint handle) =>
        GCHandle.FromIntPtr(handle).Target as NativeRun ?? throw new ArgumentException("not a run handle", nameof(handle));

    private static long WriteText(string text, byte* buffer, long capacity)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (buffer != null && bytes.Length <= capacity) bytes.CopyTo(new Span<byte>(buffer, bytes.Length));
        return bytes.Length;
    }
}
