"""The example notebook and its plain script are the same code (CI executes the notebook; users may run either)."""

import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "python", "quantum_darwinism")


def test_the_notebook_has_the_scripts_code_cell_by_cell():
    with open(EXAMPLE + ".py", encoding="utf-8") as handle:
        blocks = [b for b in re.split(r"^(?=# %%)", handle.read(), flags=re.M) if b.strip()]
    script_code = [b.partition("\n")[2].strip() for b in blocks if not b.startswith("# %% [markdown]")]
    with open(EXAMPLE + ".ipynb", encoding="utf-8") as handle:
        notebook = json.load(handle)
    notebook_code = ["".join(c["source"]).strip() for c in notebook["cells"] if c["cell_type"] == "code"]
    assert notebook_code == script_code, "run examples/python/sync_notebook.py after editing the script"
    assert all(not c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code"), "stored without outputs"
