"""What a tiny call from Python costs, and where it goes: the FFI floor, the bare native request (parse, run,
document), the whole `cm.simulate` (request, Ctrl-C wiring, copying the arrays, the Result). Prints one line per
measurement: the best over REPEATS of the mean over CALLS calls, in µs (the best, since the machine is shared).

    python benchmarks/python/call_overhead.py [CALLS] [REPEATS]
"""

import ctypes
import sys
import time

import collisionmodel as cm
from collisionmodel import _native

CALLS = int(sys.argv[1]) if len(sys.argv) > 1 else 500
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
TINY = dict(time=0.01, steps=1, record_every=1, no_ree=True)


def best_mean_us(call):
    for _ in range(50):
        call()
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in range(CALLS):
            call()
        best = min(best, (time.perf_counter() - started) / CALLS)
    return best * 1e6


def bare(*args):
    request = b"".join(a.encode() + b"\0" for a in args)
    cancel = ctypes.c_int32(0)

    def call():
        _native._lib.cm_free(_native._lib.cm_run(request, len(request), b"", 0, ctypes.byref(cancel)))

    return call


buffer = ctypes.create_string_buffer(64)
rows = [
    ("cm_version (one FFI round trip)", lambda: _native._lib.cm_version(buffer, 64)),
    ("bare cm_run+cm_free: 'simulate --bogus' (parser built, bad input)", bare("simulate", "--bogus")),
    ("bare cm_run+cm_free: tiny simulate (K = 1)", bare("simulate", "--time", "0.01", "--steps", "1", "--record-every", "1", "--no-ree")),
    ("bare cm_run+cm_free: simulate K = 2", bare("simulate", "--time", "0.02", "--steps", "2", "--record-every", "1", "--no-ree")),
    ("cm.simulate(time=0.01, steps=1, record_every=1, no_ree=True)", lambda: cm.simulate(**TINY)),
]
results = {label: best_mean_us(call) for label, call in rows}
for label, us in results.items():
    print(f"{us:10.1f} µs  {label}")
overhead = results[rows[-1][0]] - results[rows[2][0]]
print(f"{overhead:10.1f} µs  Python's share: whole call − bare native request")
