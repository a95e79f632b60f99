# kg: two commands do everything on a fresh machine (Python 3.11+, make; Java for HermiT).
#   make demo   installs, extracts the bundled example into the embedded store, prints the answers
#   make test   installs with test extras, runs ruff and mypy (on kg/) and the whole suite

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg
STAMP := $(VENV)/.kg-installed
DEMO_DIR := demo-out
EXAMPLE := examples/border-talks.txt
EXAMPLE_DATE := 2024-03-16

.PHONY: demo test install lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q kg  # bytecode now, as pip makes for an installed package
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO_DIR)
	$(KG) extract $(EXAMPLE) --published $(EXAMPLE_DATE) -o $(DEMO_DIR)/border-talks.trig --store $(DEMO_DIR)/store
	@echo; echo "== Who mediated between which parties?"
	$(KG) query mediations --store $(DEMO_DIR)/store --format table
	@echo; echo "== Who holds which role?"
	$(KG) query roles --store $(DEMO_DIR)/store --format table
	@echo; echo "== Meetings, talks, calls and visits"
	$(KG) query meetings --store $(DEMO_DIR)/store --format table
	$(KG) validate $(DEMO_DIR)/border-talks.trig
	@echo; echo "kg is installed in $(VENV): run $(KG) --help, or 'source $(VENV)/bin/activate' to type kg alone."

test: $(STAMP)
	$(BIN)/ruff check kg tests bench tools
	$(BIN)/mypy
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check kg tests bench tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m compileall -q kg
	OMP_NUM_THREADS=1 $(BIN)/python bench/extract_speed.py

clean:
	rm -rf $(DEMO_DIR) kg-store .pytest_cache
