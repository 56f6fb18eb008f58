"""ctypes bindings of libcollisionmodel's C ABI (cm_run, cm_exit_code, cm_text, cm_copy, cm_free, cm_version)."""

import ctypes
import os
import threading

import numpy as np

_LIBRARY = os.environ.get("COLLISIONMODEL_LIBRARY") or os.path.join(os.path.dirname(__file__), "libcollisionmodel.so")
_lib = ctypes.CDLL(_LIBRARY)  # CDLL releases the GIL for the duration of every call
_lib.cm_version.restype = ctypes.c_int64
_lib.cm_version.argtypes = [ctypes.c_char_p, ctypes.c_int64]
_lib.cm_run.restype = ctypes.c_void_p
_lib.cm_run.argtypes = [ctypes.c_char_p, ctypes.c_int64, ctypes.c_char_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_int32)]
_lib.cm_exit_code.restype = ctypes.c_int32
_lib.cm_exit_code.argtypes = [ctypes.c_void_p]
_lib.cm_text.restype = ctypes.c_int64
_lib.cm_text.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int64]
_lib.cm_copy.restype = ctypes.c_int32
_lib.cm_copy.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int64]
_lib.cm_free.restype = None
_lib.cm_free.argtypes = [ctypes.c_void_p]

_DTYPES = {"f8": np.float64, "i8": np.int64, "c16": np.complex128}
MESSAGE, SCHEMA, SIDE, STDOUT = 0, 1, 2, 3


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


def _text(handle, kind):
    size = _lib.cm_text(handle, kind, None, 0)
    if size <= 0:
        return ""
    buffer = ctypes.create_string_buffer(size)
    _lib.cm_text(handle, kind, buffer, size)
    return buffer.raw[:size].decode()


def _clean(message):
    return "\n".join(line.removeprefix("collision: error: ") for line in message.strip().splitlines())


def execute(args, stdin=""):
    """Runs ``collision *args`` in process; returns (schema rows with their arrays, side JSON text, text output).

    The call runs on a worker thread so that the main thread keeps handling signals: Ctrl-C sets the cancel flag the
    native run polls, waits for it to stop, and raises KeyboardInterrupt.
    """
    request = b"".join(a.encode() + b"\0" for a in args)
    stdin_bytes = stdin.encode()
    cancel = ctypes.c_int32(0)
    box = {}

    def work():
        box["handle"] = _lib.cm_run(request, len(request), stdin_bytes, len(stdin_bytes), ctypes.byref(cancel))

    worker = threading.Thread(target=work, name="collisionmodel-run", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.05)
    except KeyboardInterrupt:
        cancel.value = 1
        worker.join()
        _lib.cm_free(box.get("handle"))
        raise
    handle = box.get("handle")
    if not handle:
        raise NativeError("the native library could not allocate a result")
    try:
        code = _lib.cm_exit_code(handle)
        if code == 2:
            raise InputError(_clean(_text(handle, MESSAGE)))
        if code != 0:
            raise NativeError(_clean(_text(handle, MESSAGE)) or f"exit code {code}")
        rows = []
        for index, line in enumerate(_text(handle, SCHEMA).splitlines()):
            scope, name, kind, shape = line.split("\t")
            dims = tuple(int(n) for n in shape.split(",")) if shape else ()
            array = np.empty(dims, dtype=_DTYPES[kind])
            if _lib.cm_copy(handle, index, array.ctypes.data, array.nbytes) != 0:
                raise NativeError(f"copying field {name} failed")
            rows.append((scope, name, array))
        return rows, _text(handle, SIDE), _text(handle, STDOUT)
    finally:
        _lib.cm_free(handle)
