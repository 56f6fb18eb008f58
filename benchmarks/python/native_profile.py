"""Where the native side of a tiny call goes: perf samples of CALLS tiny `cm.simulate` calls, folded into the pieces of
one request (the parser tree, the parse, the model and engine, the run, the document, the split into arrays, the
garbage collector) as shares of the samples inside cm_run. Needs perf (Debian's linux-perf) and the library's symbols
(python/build/native/libcollisionmodel.so.dbg, written by the package build; registered with `perf buildid-cache`).

    python benchmarks/python/native_profile.py [CALLS]
"""

import os
import subprocess
import sys
import tempfile
from collections import Counter

CALLS = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SYMBOLS = os.path.join(ROOT, "python", "build", "native", "libcollisionmodel.so.dbg")
LOOP = ("import collisionmodel as cm\n"
        f"for _ in range({CALLS}): cm.simulate(time=0.01, steps=1, record_every=1, no_ree=True)\n")

# First match wins, so the garbage collector is counted as itself wherever it interrupts, and a piece nested in
# another (the model inside the option mapping) is named before the piece around it.
PIECES = [
    ("garbage collection (triggered by any allocation below)", "GarbageCollectGeneration"),
    ("System.CommandLine: building the command tree (App.CreateRoot)", "App__CreateRoot"),
    ("System.CommandLine: parsing the arguments", "CommandLineParser__Parse"),
    ("options → model: the preset's Hamiltonian and unitary, validation (SimulateRunner.ToRunOptions)",
     "SimulateRunner__ToRunOptions"),
    ("engine construction: kernel, step unitaries, initial bookkeeping (CollisionSimulation.CreateEngine)",
     "CollisionSimulation__CreateEngine"),
    ("the collisions and their records (Advance, Emit)", "CollisionSimulation__Run"),
    ("the result document (records, parameters, notes)", "EngineCommand__Execute"),
    ("the split into typed arrays and the side JSON (NativeRun.Split)", "NativeRun__Split"),
    ("the cancel-flag timer", "Timer"),
    ("rest of the request (the command's option reading, handle, text decoding)", "cm_run"),
]


def main():
    with tempfile.TemporaryDirectory() as scratch:
        if os.path.exists(SYMBOLS):
            subprocess.run(["perf", "buildid-cache", "-a", SYMBOLS], check=False, capture_output=True)
        data = os.path.join(scratch, "perf.data")
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python") + os.pathsep + os.environ.get("PYTHONPATH", ""))
        subprocess.run(["perf", "record", "-q", "-F", "2000", "-g", "-o", data, sys.executable, "-c", LOOP],
                       check=True, env=env)
        script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym"], check=True, capture_output=True,
                                text=True).stdout
    stacks, frames = [], []
    for line in script.splitlines() + [""]:
        if line.strip():
            frames.append(line.split(None, 1)[1] if len(line.split(None, 1)) > 1 else "?")
        elif frames:
            stacks.append(frames)
            frames = []
    inside = [s for s in stacks if any(f == "cm_run" for f in s)]
    counts = Counter()
    for stack in inside:
        counts[next(label for label, key in PIECES if any(key in f for f in stack))] += 1
    print(f"{len(stacks)} samples, {len(inside)} inside cm_run ({100 * len(inside) / max(1, len(stacks)):.1f} %)")
    for label, _ in PIECES:
        print(f"{100 * counts[label] / max(1, len(inside)):6.1f} %  {label}")


if __name__ == "__main__":
    main()
