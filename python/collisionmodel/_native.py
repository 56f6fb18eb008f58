"""ctypes bindings of libcollisionmodel's C ABI (cm_run, cm_read, cm_free, cm_version; cm_exit_code and cm_text are
for C callers that want one text only)."""

import _signal
import ctypes
import functools
import os
import signal
import threading

import numpy as np

_LIBRARY = os.environ.get("COLLISIONMODEL_LIBRARY") or os.path.join(os.path.dirname(__file__), "libcollisionmodel.so")
_lib = ctypes.CDLL(_LIBRARY)  # CDLL releases the GIL for the duration of every call
_lib.cm_version.restype = ctypes.c_int64
_lib.cm_version.argtypes = [ctypes.c_char_p, ctypes.c_int64]
_lib.cm_run.restype = ctypes.c_void_p
_lib.cm_run.argtypes = [ctypes.c_char_p, ctypes.c_int64, ctypes.c_char_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_int32)]
_lib.cm_read.restype = ctypes.c_int32
_lib.cm_read.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
_lib.cm_free.restype = None
_lib.cm_free.argtypes = [ctypes.c_void_p]

_DTYPES = {"f8": np.dtype(np.float64), "i8": np.dtype(np.int64), "c16": np.dtype(np.complex128)}
_SIGINT = int(signal.SIGINT)
_Header = ctypes.c_int64 * 6  # cm_read's sizes: exit code, message, schema, side JSON, text output, total (bytes)


class InputError(ValueError):
    """Bad input: the CLI's message (exit code 2), e.g. an unknown keyword, a wrong shape, a NaN."""


class NativeError(RuntimeError):
    """An internal failure reported by the native library (exit code 1); the interpreter stays usable."""


def version():
    """The native library's version."""
    size = _lib.cm_version(None, 0)
    buffer = ctypes.create_string_buffer(size)
    _lib.cm_version(buffer, size)
    return buffer.raw[:size].decode()


def _clean(message):
    return "\n".join(line.removeprefix("collision: error: ") for line in message.strip().splitlines())


class _CtrlC:
    """Ctrl-C during a native call on the main thread, without a thread per call.

    While the main thread is inside the library, Python's own SIGINT handler cannot run; its C part only marks the
    signal pending and writes the signal number to the wakeup fd. For the call's duration the wakeup fd is a pipe read
    by one long-lived watcher thread, which sets the run's cancel flag (the native run polls it and stops), and the
    Python handler is a recorder. Afterwards both are restored, the bytes are passed on to the previous wakeup fd (an
    asyncio loop's), and the previous handler is called, which raises KeyboardInterrupt by default. Costs a few µs per
    call; a thread per call cost ~0.5 ms (0.2 ms to start it, 0.3 ms for the .NET runtime to attach it).
    """

    def __init__(self):
        self._read, self._write = os.pipe()
        os.set_blocking(self._write, False)
        self.cancel = None  # the running call's flag (the main thread makes one call at a time)
        self.bytes = bytearray()
        threading.Thread(target=self._watch, name="collisionmodel-ctrl-c", daemon=True).start()

    def _watch(self):
        while True:
            data = os.read(self._read, 64)
            self.bytes += data
            flag = self.cancel
            if flag is not None and _SIGINT in data:
                flag.value = 1

    def call(self, native, cancel):
        """``native()`` with Ctrl-C wired to ``cancel``; returns (its result, the SIGINT handler call owed, or None)."""
        # The _signal functions are signal's without its per-call enum conversions (a third of this wiring's cost).
        previous = _signal.getsignal(_SIGINT)
        if not callable(previous):  # SIG_IGN, SIG_DFL or not set from Python: nothing Python would raise
            return native(), None
        seen = []
        _signal.signal(_SIGINT, lambda number, frame: seen.append(frame))
        previous_fd = _signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
        self.bytes.clear()
        self.cancel = cancel
        try:
            result = native()
        finally:
            self.cancel = None
            _signal.set_wakeup_fd(previous_fd)
            _signal.signal(_SIGINT, previous)
            if previous_fd >= 0 and self.bytes:
                try:
                    os.write(previous_fd, bytes(self.bytes))
                except OSError:  # a full or closed pipe: its owner drains or left it, as with any wakeup byte
                    pass
        return result, (lambda: previous(_SIGINT, seen[0])) if seen else None


_ctrl_c = None


def _forget_ctrl_c():
    global _ctrl_c
    _ctrl_c = None  # a forked child has no watcher thread: make a new one on its first call


os.register_at_fork(after_in_child=_forget_ctrl_c)


@functools.lru_cache(maxsize=64)
def _schema(text):
    """The schema's lines as (scope, name, dtype, shape, offset) with offsets from the arrays' start (each a multiple of
    16, as cm_read lays them out); repeated requests repeat their schema, so it is parsed once."""
    fields, offset = [], 0
    for line in text.splitlines():
        scope, name, kind, shape = line.split("\t")
        dims = tuple(int(n) for n in shape.split(",")) if shape else ()
        fields.append((scope, name, _DTYPES[kind], dims, offset))
        offset += -(-_DTYPES[kind].itemsize * int(np.prod(dims, dtype=np.int64)) // 16) * 16
    return tuple(fields)


def execute(args, stdin=""):
    """Runs ``collision *args`` in process; returns (schema rows with their arrays, side JSON text, text output).

    The call runs on the calling thread with the interpreter lock released (ctypes.CDLL). On the main thread, Ctrl-C
    sets the cancel flag the native run polls; the run stops and KeyboardInterrupt is raised. The run's texts and
    arrays arrive with one copy into one numpy buffer (cm_read); every array is a view of its slice.
    """
    global _ctrl_c
    request = b"".join(a.encode() + b"\0" for a in args)
    stdin_bytes = stdin.encode()
    cancel = ctypes.c_int32(0)

    def native():
        return _lib.cm_run(request, len(request), stdin_bytes, len(stdin_bytes), ctypes.byref(cancel))

    if threading.current_thread() is not threading.main_thread():
        handle = native()  # signals reach only the main thread
    else:
        if _ctrl_c is None:
            _ctrl_c = _CtrlC()
        handle, owed = _ctrl_c.call(native, cancel)
        if owed is not None:  # Ctrl-C: the run has stopped; the handler (by default: KeyboardInterrupt) runs now
            try:
                owed()
            except BaseException:
                _lib.cm_free(handle)
                raise
    if not handle:
        raise NativeError("the native library could not allocate a result")
    try:
        header = _Header()
        if _lib.cm_read(handle, header, None, 0) != 0:
            raise NativeError("reading the run's sizes failed")
        code, message_size, schema_size, side_size, text_size, total = header
        buffer = np.empty(total, np.uint8)
        if _lib.cm_read(handle, header, buffer.ctypes.data, total) != 0:
            raise NativeError("reading the run failed")
    finally:
        _lib.cm_free(handle)
    raw = buffer.data
    schema_end = message_size + schema_size
    side_end = schema_end + side_size
    if code == 2:
        raise InputError(_clean(bytes(raw[:message_size]).decode()))
    if code != 0:
        raise NativeError(_clean(bytes(raw[:message_size]).decode()) or f"exit code {code}")
    arrays = -(-(side_end + text_size) // 16) * 16
    rows = [(scope, name, np.ndarray(dims, dtype, buffer, arrays + offset))
            for scope, name, dtype, dims, offset in _schema(bytes(raw[message_size:schema_end]).decode())]
    return rows, bytes(raw[schema_end:side_end]).decode(), bytes(raw[side_end:side_end + text_size]).decode()
