"""Writes quantum_darwinism.ipynb from its script twin quantum_darwinism.py (cells split at `# %%` lines, markdown
cells at `# %% [markdown]`), so the two are the same code: edit the script, then run this. Outputs are not stored;
CI executes the notebook with `jupyter nbconvert --to notebook --execute`."""

import re
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent


def cells(script_text):
    """(kind, source) per cell of a `# %%` script: kind "markdown" or "code"."""
    for block in re.split(r"^(?=# %%)", script_text, flags=re.M):
        if not block.strip():
            continue
        header, _, body = block.partition("\n")
        if header.startswith("# %% [markdown]"):
            yield "markdown", "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in body.strip().splitlines())
        else:
            yield "code", body.strip()


def notebook(script_text):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "markdown" else nbformat.v4.new_code_cell(src)
                for kind, src in cells(script_text)]
    return nb


if __name__ == "__main__":
    name = sys.argv[1] if len(sys.argv) > 1 else "quantum_darwinism"
    nb = notebook((HERE / f"{name}.py").read_text())
    for cell in nb.cells:  # stable ids, so regenerating an unchanged script gives the same bytes
        cell.pop("id", None)
    nb.nbformat_minor = 4
    nbformat.write(nb, HERE / f"{name}.ipynb")
