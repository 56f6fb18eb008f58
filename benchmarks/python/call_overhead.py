"""What a tiny call from Python costs, piece by piece: the FFI floor, the request, the Ctrl-C wiring, the bare native
request (parse, run, document), the transfers out of the library, the Result, and the whole `cm.simulate`.

Each line is one piece timed alone in a loop: the best over REPEATS of the mean over CALLS calls, as wall time and as
the calling thread's CPU time (time.thread_time: on a shared, loaded machine the CPU time is the steadier of the two;
the native request runs on the calling thread, so it is in there too). Pieces run on a kept run handle where they
need one. The native request's own split (parser, run, document) comes from perf: benchmarks/python/native_profile.sh.

    python benchmarks/python/call_overhead.py [CALLS] [REPEATS]
"""

import ctypes
import sys
import threading
import time

import collisionmodel as cm
from collisionmodel import _api, _native

CALLS = int(sys.argv[1]) if len(sys.argv) > 1 else 500
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
TINY = dict(time=0.01, steps=1, record_every=1, no_ree=True)
TINY_ARGS = ["simulate", "--time", "0.01", "--steps", "1", "--record-every", "1", "--no-ree"]


def best_mean_us(call, calls=CALLS):
    for _ in range(min(50, calls)):
        call()
    wall = cpu = float("inf")
    for _ in range(REPEATS):
        started, started_cpu = time.perf_counter(), time.thread_time()
        for _ in range(calls):
            call()
        cpu = min(cpu, (time.thread_time() - started_cpu) / calls)
        wall = min(wall, (time.perf_counter() - started) / calls)
    return wall * 1e6, cpu * 1e6


def request(args):
    return b"".join(a.encode() + b"\0" for a in args)


def bare(args):
    data = request(args)
    cancel = ctypes.c_int32(0)

    def call():
        _native._lib.cm_free(_native._lib.cm_run(data, len(data), b"", 0, ctypes.byref(cancel)))

    return call


rows = []


def measure(label, call, calls=CALLS):
    wall, cpu = best_mean_us(call, calls)
    rows.append((label, wall, cpu))
    print(f"{wall:9.1f} µs wall {cpu:9.1f} µs cpu  {label}", flush=True)
    return wall, cpu


# The kept handle of one tiny run, for the pieces that read a finished run.
_tiny = request(TINY_ARGS)
handle = _native._lib.cm_run(_tiny, len(_tiny), b"", 0, ctypes.byref(ctypes.c_int32(0)))
header = _native._Header()
_native._lib.cm_read(handle, header, None, 0)
code, message_size, schema_size, side_size, text_size, total = header


def read_run():
    import numpy as np

    sizes = _native._Header()
    _native._lib.cm_read(handle, sizes, None, 0)
    buffer = np.empty(sizes[5], np.uint8)
    _native._lib.cm_read(handle, sizes, buffer.ctypes.data, sizes[5])
    return buffer


buffer = read_run()
schema_text = bytes(buffer.data[message_size:message_size + schema_size]).decode()
side_text = bytes(buffer.data[message_size + schema_size:message_size + schema_size + side_size]).decode()
arrays_start = -(-(message_size + schema_size + side_size + text_size) // 16) * 16
fields = _native._schema(schema_text)


def views():
    import numpy as np

    return [(scope, name, np.ndarray(dims, dtype, buffer, arrays_start + offset))
            for scope, name, dtype, dims, offset in _native._schema(bytes(buffer.data[message_size:message_size + schema_size]).decode())]


kept_rows = views()
cancel_flag = ctypes.c_int32(0)
if _native._ctrl_c is None:
    _native._ctrl_c = _native._CtrlC()


def thread_start_join():
    thread = threading.Thread(target=lambda: None)
    thread.start()
    thread.join()


def thread_attaching_the_runtime():
    thread = threading.Thread(target=lambda: _native._lib.cm_free(None))
    thread.start()
    thread.join()


def thread_first_request():
    thread = threading.Thread(target=bare(TINY_ARGS))
    thread.start()
    thread.join()


measure("FFI floor: cm_free(NULL), a trivial export", lambda: _native._lib.cm_free(None))
measure("request: the arguments as one NUL-separated byte string", lambda: request(TINY_ARGS))
measure("Ctrl-C wiring around a call (handler + wakeup fd swapped and restored)",
        lambda: _native._ctrl_c.call(lambda: 0, cancel_flag))
measure("native: cm_run+cm_free 'simulate --bogus' (parser built, bad input)", bare(["simulate", "--bogus"]))
measure("native: cm_run+cm_free tiny simulate (K = 1)", bare(TINY_ARGS))
measure("native: cm_run+cm_free simulate K = 2", bare(["simulate", "--time", "0.02", "--steps", "2", "--record-every", "1", "--no-ree"]))
measure(f"transfer: cm_read twice (sizes; then {total} bytes into one new numpy buffer)", read_run)
measure(f"arrays: schema text decoded (parse cached), {len(fields)} ndarray views", views)
measure("Result: the constructor (the side JSON is parsed on first use)", lambda: _api.Result(kept_rows, side_text))
measure("Result: json.loads of the side document (on first r.parameters)", lambda: _api.json.loads(side_text))
measure("execute(): request + Ctrl-C + cm_run + transfers + arrays", lambda: _native.execute(TINY_ARGS))
whole = measure("cm.simulate(time=0.01, steps=1, record_every=1, no_ree=True), the whole call", lambda: cm.simulate(**TINY))
measure("for comparison: a new Python thread per call (start + join)", thread_start_join, max(1, CALLS // 5))
measure("for comparison: the same thread making one call into the library (runtime attach)",
        thread_attaching_the_runtime, max(1, CALLS // 5))
measure("for comparison: a new thread's first request (the runtime attaches it, its command tree is built)",
        thread_first_request, max(1, CALLS // 5))
_native._lib.cm_free(handle)
native = next(r for r in rows if r[0].startswith("native: cm_run+cm_free tiny"))
print(f"{whole[0] - native[1]:9.1f} µs wall {whole[1] - native[2]:9.1f} µs cpu  Python's share: whole call − bare native request")
