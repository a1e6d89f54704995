"""The quickstart notebook runs top to bottom and its plots render."""

import nbformat
import pytest

nbclient = pytest.importorskip("nbclient")


def test_quickstart_runs_and_plots(root, tmp_path):
    path = root / "notebooks" / "quickstart.ipynb"
    nb = nbformat.read(path, as_version=4)
    # outputs are stripped in the repository
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "every plot cell renders a figure"
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    (path.parent / "articles.parquet").unlink(missing_ok=True)
