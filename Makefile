# One-line entry points (see README): `make demo` runs the main job on the bundled examples,
# `make test` installs the test dependencies and runs every test (Rust, Python, quality gate).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# dev builds for tests (fast to compile); `pip install .` builds release wheels
DEV_BUILD := MATURIN_PEP517_ARGS="--profile dev"

.PHONY: test demo venv develop rust-test py-test quality bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

venv: $(PY)

develop: venv
	$(DEV_BUILD) $(PY) -m pip install -q -e '.[test]'

rust-test:
	cargo test --quiet

py-test: develop
	$(PY) -m pytest -q

quality: develop
	$(PY) bench/quality.py --gate

test: rust-test py-test quality

demo:
	$(PYTHON) -m pip install -q . && broadsheet convert examples/ -o articles.parquet && broadsheet inspect articles.parquet

bench: venv
	$(PY) -m pip install -q .
	$(PY) bench/speed.py

clean:
	rm -rf target $(VENV) articles.parquet
