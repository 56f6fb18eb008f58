"""Every function against the CLI's JSON for the same request (equal to the last digit), bad input, Ctrl-C, the GIL."""

import _thread
import json
import math
import os
import signal
import subprocess
import threading
import time

import numpy as np
import pytest

import collisionmodel as cm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "src", "CollisionModel.Cli", "bin", "Release", "net10.0", "collision.dll")


def cli_json(*args):
    out = subprocess.run(["dotnet", CLI, *args, "--format", "json", "--quiet"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def as_float(value):
    return math.inf if value == "Infinity" else math.nan if value is None else float(value)


def assert_records_equal(result, document):
    for name in document["records"][0]:
        column = [record[name] for record in document["records"]]
        if isinstance(column[0], list) and column[0] and isinstance(column[0][0], list):
            expected = np.array([[[complex(*z) for z in row] for row in m] for m in column])
            np.testing.assert_array_equal(result[name], expected)  # exact: the JSON prints round-trip doubles
        elif not isinstance(column[0], (list, dict, str)):
            np.testing.assert_array_equal(result[name], np.array([as_float(v) for v in column]))


def test_simulate_equals_the_cli_json_to_the_last_digit():
    result = cm.simulate(time=0.4, steps=8, record_every=2)
    assert_records_equal(result, cli_json("simulate", "--time", "0.4", "--steps", "8", "--record-every", "2"))
    np.testing.assert_array_equal(result.times, result["time"])


def test_repeated_and_interleaved_presets_each_equal_the_cli_json():
    # A thread keeps its latest preset model and the step maps of its step 0: a changed parameter or step size in
    # between must build its own, and returning to the first must give the first run's numbers again.
    runs = [("--eta", "0.3", "--steps", "4"), ("--eta", "0.7", "--steps", "4"), ("--eta", "0.3", "--steps", "5"),
            ("--eta", "0.3", "--steps", "4"), ("--model", "decay", "--steps", "4"), ("--eta", "0.3", "--steps", "4")]
    for run in runs:
        options = {run[0].lstrip("-"): run[1], "steps": int(run[3])}
        result = cm.simulate(time=0.4, record_every=1, no_ree=True, **options)
        assert_records_equal(result, cli_json("simulate", "--time", "0.4", "--record-every", "1", "--no-ree", *run))


def test_the_fields_outside_the_arrays_equal_the_cli_json():
    # command, conventions and parameters come from the side document, parsed on first use; format and quiet as the
    # CLI run below has them, so that every parameter is the same.
    result = cm.simulate(time=0.4, steps=8, record_every=4, model="decay", no_ree=True, format="json", quiet=True)
    document = cli_json("simulate", "--time", "0.4", "--steps", "8", "--record-every", "4", "--model", "decay", "--no-ree")
    assert result.command == document["command"]
    assert result.conventions == document["conventions"]
    assert result.parameters == document["parameters"]
    assert result.keys() == list(document["records"][0]) + [k for k in document if k not in
                                                            ("command", "title", "conventions", "parameters", "records")]


def test_calls_from_several_threads_at_once_equal_the_same_calls_made_one_by_one():
    # Each calling thread keeps its own command tree in the library; none may see another's request.
    requests = [dict(time=0.1 * (i + 1), steps=4 + i, record_every=2, model=("decay", "dephasing")[i % 2]) for i in range(4)]
    alone = [cm.simulate(**request) for request in requests]
    together = [None] * len(requests)

    def call(i):
        for _ in range(5):
            together[i] = cm.simulate(**requests[i])

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for one, other in zip(alone, together):
        for name in ("time", "S_AB", "rho_AB", "concurrence"):
            np.testing.assert_array_equal(one[name], other[name])
        assert one.parameters == other.parameters


def test_master_equals_the_cli_json_to_the_last_digit():
    result = cm.master(time=0.4, points=5, gamma=0.3)
    assert_records_equal(result, cli_json("master", "--time", "0.4", "--points", "5", "--gamma", "0.3"))


def test_ree_of_a_numpy_bell_state_equals_the_cli(tmp_path):
    bell = np.zeros((4, 4), dtype=complex)
    bell[0, 0] = bell[0, 3] = bell[3, 0] = bell[3, 3] = 0.5
    path = tmp_path / "bell.json"
    path.write_text(json.dumps([[[z.real, z.imag] for z in row] for row in bell.tolist()]))
    document = cli_json("ree", "--rho", str(path))
    result = cm.ree(bell)
    for name, value in document.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert result[name] == value


def test_an_unknown_keyword_raises_input_error_with_the_cli_message():
    with pytest.raises(cm.InputError, match="tme"):
        cm.simulate(tme=1)


def test_a_nan_option_raises_input_error():
    with pytest.raises(cm.InputError):
        cm.simulate(time=float("nan"), steps=8)


def test_a_non_square_matrix_raises_input_error():
    with pytest.raises(cm.InputError, match="square"):
        cm.ree(np.zeros((4, 3)))


def test_the_gil_is_released_during_a_run():
    ticks = []
    stop = threading.Event()

    def counter():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    thread = threading.Thread(target=counter)
    thread.start()
    started = time.perf_counter()
    cm.simulate(time=1, steps=20000, record_every=20000, no_ree=True)
    elapsed = time.perf_counter() - started
    stop.set()
    thread.join()
    # Ticks at ~1 ms cadence: a held GIL would allow at most a handful during the native call.
    assert len(ticks) > 0.2 * elapsed * 1000


def test_ctrl_c_stops_a_long_run_and_the_interpreter_stays_usable():
    # A shell starting a background job ignores SIGINT, and then interrupt_main does nothing: restore Python's handler.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        threading.Timer(0.5, _thread.interrupt_main).start()
        started = time.perf_counter()
        with pytest.raises(KeyboardInterrupt):
            cm.simulate(time=100, steps=10**8, record_every=10**8, no_ree=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert time.perf_counter() - started < 30
    assert cm.simulate(time=0.4, steps=8, record_every=8)["S_AB"].shape == (2,)


def test_converge_equals_the_cli_json_to_the_last_digit():
    result = cm.converge(time=0.5, steps=[4, 16, 64])
    document = cli_json("converge", "--time", "0.5", "--steps", "4,16,64")
    assert_records_equal(result, document)
    assert result["order"] == document["order"]
    assert result["richardson"] == as_float(document["richardson"])


def test_sweep_writes_the_same_points_as_the_cli(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"command": "master", "fixed": {"time": 0.5, "points": 3},
                                "grid": {"gamma": [0.5, 1]}, "keep": ["sudden_death_time"]}))
    assert cm.sweep(spec=str(spec), out=str(tmp_path / "python")) is None
    subprocess.run(["dotnet", CLI, "sweep", "--spec", str(spec), "--out", str(tmp_path / "cli")], check=True,
                   capture_output=True)
    name = "points-0-of-1.jsonl"
    # A sweep writes each point as it finishes, so the line order follows the threads; each line must match.
    def lines(folder):
        return sorted((tmp_path / folder / name).read_text().splitlines())
    assert lines("python") == lines("cli")


def test_a_qobj_argument_gives_the_same_ree_as_the_numpy_matrix():
    qutip = pytest.importorskip("qutip")
    rho = np.diag([0.4, 0.1, 0.2, 0.3]).astype(complex)
    rho[0, 3] = rho[3, 0] = 0.25
    from_numpy, from_qobj = cm.ree(rho), cm.ree(qutip.Qobj(rho, dims=[[2, 2], [2, 2]]))
    for name in ("E_R", "lower_bound", "concurrence", "negativity"):
        assert from_qobj[name] == from_numpy[name]


def test_qobj_out_has_the_two_qubit_dims_and_the_records_matrices():
    pytest.importorskip("qutip")
    result = cm.simulate(time=0.4, steps=8, record_every=4, no_ree=True)
    states = result.qobj("rho_AB")
    assert len(states) == len(result.times)
    assert all(s.dims == [[2, 2], [2, 2]] for s in states)
    np.testing.assert_array_equal(states[-1].full(), result["rho_AB"][-1])


def test_a_non_hermitian_qobj_raises_input_error_with_the_cli_text(tmp_path):
    qutip = pytest.importorskip("qutip")
    rho = np.zeros((4, 4))
    rho[0, 0] = rho[3, 3] = rho[0, 3] = 0.5
    rho[3, 0] = 0.1
    path = tmp_path / "rho.json"
    path.write_text(json.dumps([[[z, 0] for z in row] for row in rho.tolist()]))
    cli = subprocess.run(["dotnet", CLI, "ree", "--rho", str(path)], capture_output=True, text=True)
    assert cli.returncode == 2 and cli.stdout == ""
    with pytest.raises(cm.InputError) as raised:
        cm.ree(qutip.Qobj(rho, dims=[[2, 2], [2, 2]]))
    # The same message, the input named as the CLI names standard input instead of the file's path.
    expected = cli.stderr.strip().removeprefix("collision: error: ").replace(f"'{path}'", "'standard input'")
    assert str(raised.value) == expected


# A qubit with H_S = diag(0, 1) swapping partially with thermal qubit ancillas (β = 0.7) whose energy is measured at
# every collision: the smallest model that trajectories, counting and nonmarkovianity all take.
MONITORED = {
    "system": {"dims": [2], "b": [0], "ket": [0.6, 0.8], "hamiltonian": [[0, 0], [0, 1]]},
    "baths": [{"name": "hot", "acts_on": [0], "ancilla": {"dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.7},
               "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.0,
               "measure": "energy"}],
}


def monitored_file(tmp_path):
    path = tmp_path / "monitored.json"
    path.write_text(json.dumps(MONITORED))
    return str(path)


def assert_top_level_equal(result, document, names):
    for name in names:
        expected = document[name]
        if isinstance(expected, list):
            np.testing.assert_array_equal(result[name], np.array([as_float(v) for v in expected]))
        else:
            assert result[name] == as_float(expected), name


def test_trajectories_equal_the_cli_json_to_the_last_digit(tmp_path):
    model = monitored_file(tmp_path)
    result = cm.trajectories(model_file=model, time=0.5, steps=6, trajectories=20, seed=3, record_every=3, threads=2)
    document = cli_json("trajectories", "--model-file", model, "--time", "0.5", "--steps", "6", "--trajectories", "20",
                        "--seed", "3", "--record-every", "3")
    assert_records_equal(result, document)
    # The per-bath count arrays: one row per record, one column per measured bath.
    np.testing.assert_array_equal(result["counts_mean"], np.array([r["counts_mean"] for r in document["records"]], float))
    assert result["counts_stderr"].shape == (3, 1)
    assert_top_level_equal(result, document, ["trajectories", "seed", "measured_baths"])
    assert result["measured_baths"].dtype == np.int64


def test_a_model_dict_gives_the_same_trajectories_as_its_file(tmp_path):
    from_dict = cm.trajectories(model=MONITORED, time=0.5, steps=4, trajectories=8)
    from_file = cm.trajectories(model_file=monitored_file(tmp_path), time=0.5, steps=4, trajectories=8)
    np.testing.assert_array_equal(from_dict["mean_rho"], from_file["mean_rho"])
    assert list(from_dict.to_pandas().columns) == ["step", "time", "mean_conditional_entropy"]


def test_counting_equals_the_cli_json_to_the_last_digit(tmp_path):
    model = monitored_file(tmp_path)
    result = cm.counting(model_file=model, time=0.5, steps=5, s=[-0.5, 0.7], bath=0)
    document = cli_json("counting", "--model-file", model, "--time", "0.5", "--steps", "5", "--s", "-0.5,0.7",
                        "--bath", "0")
    assert_records_equal(result, document)
    assert_top_level_equal(result, document, ["values", "probabilities", "cumulants", "scgf", "mean_rate",
                                              "variance_rate", "entropy_production_mean", "ift"])
    assert result["values"].dtype == np.int64
    # An independent check of the arrays' meaning: P(n) sums to 1 and its mean is κ1.
    assert abs(result["probabilities"].sum() - 1) < 1e-12
    assert abs(result["values"] @ result["probabilities"] - result["cumulants"][0]) < 1e-12


def test_nonmarkovianity_equals_the_cli_json_to_the_last_digit(tmp_path):
    model = monitored_file(tmp_path)
    result = cm.nonmarkovianity(model_file=model, time=0.5, steps=5, pairs=3, seed=2)
    document = cli_json("nonmarkovianity", "--model-file", model, "--time", "0.5", "--steps", "5", "--pairs", "3",
                        "--seed", "2")
    assert_records_equal(result, document)
    assert_top_level_equal(result, document, ["blp_basis", "blp", "rhp", "rhp_singular_steps"])
    expected_pair = np.array([[complex(*z) for z in ket] for ket in document["blp_pair"]])
    np.testing.assert_array_equal(result["blp_pair"], expected_pair)
    assert result["blp_pair"].shape == (2, 2)


def test_bad_input_to_the_new_functions_raises_input_error_with_the_cli_text(tmp_path):
    model = monitored_file(tmp_path)
    for function, command, extra in [(cm.trajectories, "trajectories", ["--trajectories", "0"]),
                                     (cm.counting, "counting", ["--bath", "3"]),
                                     (cm.nonmarkovianity, "nonmarkovianity", ["--pairs", "-1"])]:
        cli = subprocess.run(["dotnet", CLI, command, "--model-file", model, *extra], capture_output=True, text=True)
        assert cli.returncode == 2 and cli.stdout == ""
        keywords = {extra[0][2:]: int(extra[1])}
        with pytest.raises(cm.InputError) as raised:
            function(model_file=model, **keywords)
        lines = [line.removeprefix("collision: error: ") for line in cli.stderr.strip().splitlines()]
        assert str(raised.value) == "\n".join(lines), command
    with pytest.raises(cm.InputError, match="trajectory"):
        cm.trajectories(model_file=model, trajectory=5)
