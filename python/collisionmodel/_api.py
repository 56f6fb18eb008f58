"""The contract's functions: keyword arguments → the CLI's request → :class:`Result`."""

import json
import math
import os
import sys
import tempfile

import numpy as np

from ._native import InputError, execute


def _loaded_qutip():
    """QuTiP if the caller has imported it, else None: a Qobj argument implies it is loaded, so ``import collisionmodel``
    never pays QuTiP's import (about a second) and works without it."""
    return sys.modules.get("qutip")


def _is_qobj(value):
    qutip = _loaded_qutip()
    return qutip is not None and isinstance(value, qutip.Qobj)


def _matrix(value, name):
    """A numpy array or Qobj as the CLI's JSON matrix: rows of [re, im] pairs."""
    if _is_qobj(value):
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

    def __init__(self, rows, side, complex_fields=()):
        self._complex_fields = frozenset(complex_fields)
        self._records = {}
        self._top = {}
        for scope, name, array in rows:
            if scope == "r":
                self._records[name] = array
            else:
                self._top[name] = float(array) if array.ndim == 0 else array
        self._side = side
        self._document = None

    def _read_side(self):
        """The side document (command, conventions, parameters, fields that are no arrays), parsed on first use: a
        caller reading only arrays never pays for the JSON."""
        if self._document is None:
            self._document = json.loads(self._side) if self._side else {}
            side_records = self._document.get("records", [])
            for name in dict.fromkeys(k for record in side_records for k in record):
                self._records[name] = [_json_value(record.get(name)) for record in side_records]
            for name, value in self._document.items():
                if name in self._complex_fields and value is not None:
                    self._top[name] = _complex_array(value)
                elif name not in ("command", "title", "conventions", "parameters", "records"):
                    self._top[name] = _json_value(value)
        return self._document

    @property
    def command(self):
        """The command's name (the JSON's ``command``)."""
        return self._read_side().get("command")

    @property
    def conventions(self):
        """The units and conventions text of the JSON."""
        return self._read_side().get("conventions")

    @property
    def parameters(self):
        """The JSON's ``parameters`` object as a dict."""
        return self._read_side().get("parameters", {})

    def __getitem__(self, name):
        if name not in self._records and name not in self._top:
            self._read_side()
        if name in self._records:
            return self._records[name]
        if name in self._top:
            return self._top[name]
        raise KeyError(f"{name!r}: this result has {', '.join(self.keys())}")

    def __contains__(self, name):
        if name not in self._records and name not in self._top:
            self._read_side()
        return name in self._records or name in self._top

    def keys(self):
        """The field names: per-record fields first, then top-level fields."""
        self._read_side()
        return list(self._records) + list(self._top)

    @property
    def times(self):
        """The record times (the JSON field ``time``)."""
        return self["time"]

    def to_pandas(self):
        """The per-record scalar fields as a pandas DataFrame, one row per record."""
        import pandas as pd

        self._read_side()
        columns = {k: v for k, v in self._records.items() if isinstance(v, np.ndarray) and v.ndim == 1}
        return pd.DataFrame(columns)

    def qobj(self, name):
        """One ``qutip.Qobj`` per record of a matrix field, with two-qubit dims [[2, 2], [2, 2]] for 4×4 matrices."""
        try:
            import qutip
        except ImportError:
            raise ImportError("qobj() needs QuTiP") from None
        matrices = self[name]
        d = matrices.shape[-1]
        dims = [[2, 2], [2, 2]] if d == 4 else [[d], [d]]
        return [qutip.Qobj(m, dims=dims) for m in matrices]

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


def _complex_array(value):
    """A JSON array whose innermost entries are [re, im] pairs (e.g. ``blp_pair``'s kets) as a complex numpy array."""
    pairs = np.asarray(value, dtype=np.float64)
    return pairs[..., 0] + 1j * pairs[..., 1]


def run(command, *positional, _complex_fields=(), **options):
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
            elif isinstance(value, np.ndarray) and value.ndim == 2 or _is_qobj(value):
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
    return Result(rows, side, _complex_fields) if side else None


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
    return run("ree", rho=rho if isinstance(rho, np.ndarray) or _is_qobj(rho) else np.asarray(rho), **options)


def trajectories(**options):
    """``collision trajectories``: monitored runs (``model=`` or ``model_file=`` with a ``measure`` key, ``time=``,
    ``steps=``, ``trajectories=``, ``seed=``, ``record_every=``, ``threads=``). Per record ``r["mean_rho"]`` (records,
    d, d) complex, ``r["counts_mean"]``, ``r["counts_variance"]``, ``r["counts_stderr"]`` (records, measured baths),
    ``r["mean_conditional_entropy"]`` (nats); top level ``trajectories``, ``seed``, ``measured_baths`` (int64)."""
    return run("trajectories", **options)


def counting(**options):
    """``collision counting``: exact full counting statistics (``model=``/``model_file=``, ``time=``, ``steps=``,
    ``bath=``, ``weights=``, ``s=`` as numbers or lists, ``record_every=``). Top level ``r["values"]`` (int64, the counts
    n), ``r["probabilities"]``, ``r["cumulants"]``, ``r["scgf"]`` (θ(s) in the order of ``s``), ``mean_rate``,
    ``variance_rate``, ``entropy_production_mean``, ``ift`` (NaN where the JSON has null); per record ``mean``,
    ``variance``."""
    return run("counting", **options)


def nonmarkovianity(**options):
    """``collision nonmarkovianity``: BLP and RHP measures of the system's reduced dynamics (``model=``/``model_file=``,
    ``time=``, ``steps=``, ``pairs=``, ``seed=``, ``record_every=``, ``representation=``, ``max_bond=``, ``cutoff=``).
    Top level ``blp_basis``, ``blp``, ``rhp``, ``rhp_singular_steps`` (numbers), ``r["blp_pair"]`` (the two kets, a
    complex (2, d) array); per record ``trace_distance``, ``rhp_increment``."""
    return run("nonmarkovianity", _complex_fields=("blp_pair",), **options)


def sweep(**options):
    """``collision sweep``: a grid/random sweep written to its folder (returns None; read it with ``merge``)."""
    return run("sweep", **options)
