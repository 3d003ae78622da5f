# zhaoyin — two commands matter: `make demo` and `make test`. Both set up .venv by themselves.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ZHAOYIN_CACHE_DIR ?= $(CURDIR)/.zhaoyin-cache
export PREFECT_HOME ?= $(ZHAOYIN_CACHE_DIR)/prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
SHARED ?= ../shared

.PHONY: demo test lint eval bench stress clean install

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11) on PATH, or PYTHON=..."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,spacy,dask]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/zhaoyin import samples/ --db zhaoyin.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

eval: $(STAMP)
	$(BIN)/zhaoyin eval $(SHARED)/gold --corpus $(SHARED)/corpus

bench: $(STAMP)
	$(BIN)/python -m bench.run

stress: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -m stress --run-stress

clean:
	rm -rf $(VENV) .zhaoyin-cache .pytest_cache zhaoyin.duckdb
