# Everyday commands. Each is one line of what CI or a benchmark run does; see README.md,
# tests/README.md and benchmarks/README.md for what they cover and how long they take.

PY ?= .venv/bin/python
OUT := benchmarks/.cache/bench
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

.PHONY: setup test test-fast lint bench bench-figures bench-speed

setup:  ## .venv with factcheck, the test tools (pytest, Playwright, ruff) and Chromium
	bash scripts/setup.sh --test

test:  ## every test, the real model, index and browser included, as CI runs them (minutes)
	$(PY) -m pytest -q

test-fast:  ## the unit tests alone (about 10 s)
	$(PY) -m pytest -q -m "not slow"

lint:  ## ruff with the rules of pyproject.toml
	$(PY) -m ruff check .

bench: bench-figures bench-speed  ## every benchmark that runs in minutes, not hours

bench-figures:  ## the figures a change must not move by accident; output in $(OUT)/
	mkdir -p $(OUT)
	$(PY) benchmarks/attribution_eval.py --split dev | tee $(OUT)/attribution-dev.txt
	$(PY) benchmarks/attribution_eval.py --split train | tee $(OUT)/attribution-train.txt
	$(PY) benchmarks/verdict_eval.py --out $(OUT)/verdicts.txt
	$(PY) benchmarks/checkthat_eval.py | tee $(OUT)/checkthat.txt
	$(PY) benchmarks/fuzz_cli.py --out $(OUT)/fuzz.txt

bench-speed:  ## throughput, latency and memory (the machine's load changes them)
	mkdir -p $(OUT)
	$(PY) benchmarks/engine_bench.py --threads 1 | tee $(OUT)/engine.txt
	$(PY) benchmarks/report_bench.py --sizes 10000 | tee $(OUT)/report.txt
