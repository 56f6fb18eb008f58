"""CollisionModel from Python: the CLI's commands run in process through the native library libcollisionmodel.

Every function takes the CLI's options as keyword arguments (dashes become underscores, ``True`` is a flag, ``None``
and ``False`` are left out) and returns a :class:`Result` whose fields carry the JSON names. Bad input raises
:class:`InputError` with the CLI's message; Ctrl-C stops a run with ``KeyboardInterrupt``.
"""

from ._native import InputError, NativeError, version
from ._api import Result, run, simulate, master, converge, ree, trajectories, counting, nonmarkovianity, sweep

__all__ = ["InputError", "NativeError", "Result", "run", "simulate", "master", "converge", "ree", "trajectories", "counting",
           "nonmarkovianity", "sweep", "version"]
__version__ = version()
