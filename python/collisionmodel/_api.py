"""The contract's functions: keyword arguments → the CLI's request → :class:`Result`."""

import json
import math
import os
import tempfile

import numpy as np

from ._native import InputError, execute

try:  # QuTiP is optional: Qobj in and out only where it is installed
    import qutip as _qutip
except ImportError:  # pragma: no cover - depends on the environment
    _qutip = None


def _matrix(value, name):
    """A numpy array or Qobj as the CLI's JSON matrix: rows of [re, im] pairs."""
    if _qutip is not None and isinstance(value, _qutip.Qobj):
        value = value.full()
    m = np.asarray(value, dtype=np.complex128)
    if m.ndim != 2 or m.shape[0] != m.shape[1]:
        raise InputError(f"--{name.replace('_', '-')}: a square matrix is needed, got shape {m.shape}.")
    return json.dumps([[[z.real, z.imag] for z in row] for row in m.tolist()], allow_nan=True)


def _option_text(value):
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return ",".join(_option_text(v) for v in value)
    return str(value)


class Result:
    """One command's result: ``r["S_AB"]`` (float64 over records, NaN for null), ``r["rho_AB"]`` (complex (records, d, d)),
    top-level fields as numbers or arrays, ``r.parameters``, ``r.times``, ``r.to_pandas()``, ``r.qobj(name)``."""

    def __init__(self, rows, side):
        document = json.loads(side) if side else {}
        self.command = document.get("command")
        self.conventions = document.get("conventions")
        self.parameters = document.get("parameters", {})
        self._records = {}
        self._top = {}
        for scope, name, array in rows:
            if scope == "r":
                self._records[name] = array
            else:
                self._top[name] = float(array) if array.ndim == 0 else array
        side_records = document.get("records", [])
        for name in dict.fromkeys(k for record in side_records for k in record):
            self._records[name] = [_json_value(record.get(name)) for record in side_records]
        for name, value in document.items():
            if name not in ("command", "title", "conventions", "parameters", "records"):
                self._top[name] = _json_value(value)

    def __getitem__(self, name):
        if name in self._records:
            return self._records[name]
        if name in self._top:
            return self._top[name]
        raise KeyError(f"{name!r}: this result has {', '.join(self.keys())}")

    def __contains__(self, name):
        return name in self._records or name in self._top

    def keys(self):
        """The field names: per-record fields first, then top-level fields."""
        return list(self._records) + list(self._top)

    @property
    def times(self):
        """The record times (the JSON field ``time``)."""
        return self["time"]

    def to_pandas(self):
        """The per-record scalar fields as a pandas DataFrame, one row per record."""
        import pandas as pd

        columns = {k: v for k, v in self._records.items() if isinstance(v, np.ndarray) and v.ndim == 1}
        return pd.DataFrame(columns)

    def qobj(self, name):
        """One ``qutip.Qobj`` per record of a matrix field, with two-qubit dims [[2, 2], [2, 2]] for 4×4 matrices."""
        if _qutip is None:
            raise ImportError("qobj() needs QuTiP")
        matrices = self[name]
        d = matrices.shape[-1]
        dims = [[2, 2], [2, 2]] if d == 4 else [[d], [d]]
        return [_qutip.Qobj(m, dims=dims) for m in matrices]

    def __repr__(self):
        return f"<collisionmodel.Result {self.command}: {', '.join(self.keys())}>"


def _json_value(value):
    if value == "Infinity":
        return math.inf
    if value == "-Infinity":
        return -math.inf
    if value is None:
        return math.nan
    return value


def run(command, *positional, **options):
    """Runs any CLI command in process with ``options`` as its keyword arguments; returns a :class:`Result`
    (None when the command wrote files instead, e.g. ``output=``)."""
    args = [command, *(str(p) for p in positional)]
    stdin = ""
    temporary = []
    try:
        for key, value in options.items():
            if value is None or value is False:
                continue
            option = "--" + key.replace("_", "-")
            if key == "model" and isinstance(value, dict):
                handle = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
                with handle:
                    json.dump(value, handle)
                temporary.append(handle.name)
                args += ["--model-file", handle.name]
            elif value is True:
                args.append(option)
            elif isinstance(value, np.ndarray) and value.ndim == 2 or (_qutip is not None and isinstance(value, _qutip.Qobj)):
                if stdin:
                    raise InputError(f"{option}: only one matrix argument per call can be passed in memory.")
                stdin = _matrix(value, key)
                args += [option, "-"]
            else:
                args += [option, _option_text(value)]
        rows, side, _ = execute(args, stdin)
    finally:
        for path in temporary:
            os.unlink(path)
    return Result(rows, side) if side else None


def simulate(**options):
    """``collision simulate``: the collision-model dynamics (e.g. ``time=10, steps=1000, model="dephasing"``)."""
    return run("simulate", **options)


def master(**options):
    """``collision master``: the Lindblad master equation of the same model."""
    return run("master", **options)


def converge(**options):
    """``collision converge``: the collision model against the master equation over step counts."""
    return run("converge", **options)


def ree(rho, **options):
    """``collision ree``: the relative entropy of entanglement of a 4×4 ``rho`` (numpy array or Qobj), in nats."""
    return run("ree", rho=rho if isinstance(rho, np.ndarray) or _qutip is not None and isinstance(rho, _qutip.Qobj)
               else np.asarray(rho), **options)


def sweep(**options):
    """``collision sweep``: a grid/random sweep written to its folder (returns None; read it with ``merge``)."""
    return run("sweep", **options)
