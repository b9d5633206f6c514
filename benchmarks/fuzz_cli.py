"""Fuzz the command line with generated hostile input (issue 14, "Measured").

Every case (`fuzz_cases.py`, from a seed) is one `factcheck` command: ingest, search, quotes,
report or stats, on a shared index or a folder of its own. It runs in this process through
`factcheck.cli.main` with the fake encoder (`FACTCHECK_MODEL=hash-test`; the model is never
loaded), under a 30 s alarm; the special-file cases, which could hang or read forever, run as
a subprocess with a 30 s timeout and 8 GiB of address space. stdout and stderr are encoded as
a terminal's are (UTF-8, strict for stdout), so what would fail to print fails here too. A
command given no --index uses a scratch one ($FACTCHECK_INDEX), never ./index.

Each case passes when: no traceback and no exit 1 (an internal error); no hang; exit 2 comes
with a `factcheck:` line (or an argparse error); every `factcheck:` line names the case's
file or folder, the index, or the claim, speaker or -k it refuses; nothing else is printed
(no third-party notes, no warnings); and after it `PRAGMA integrity_check` of the shared index
is ok and every document stored before is still there, unchanged.

    .venv/bin/python benchmarks/fuzz_cli.py [--seed 14] [--cases 1000] [--out FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import logging
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine_lines  # noqa: E402
from fuzz_cases import GOOD, Case, generate  # noqa: E402

import factcheck  # noqa: E402
from factcheck.cli import main  # noqa: E402

TIMEOUT = 30
MEMORY = 8 << 30  # address space of a subprocess case, bytes
_PROGRESS = re.compile(r"^\s*(ingest|report):")
_NAMES_OF_ARGUMENTS = ("claim", "--speaker", "--doc", "-k")


class Hang(BaseException):
    """Raised by the alarm: the case ran past `TIMEOUT` (not caught by the CLI's handlers)."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


class _StderrHandler(logging.Handler):
    """The CLI's log line format, written to whatever `sys.stderr` is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"factcheck: {record.getMessage()}\n")


@dataclass
class Outcome:
    """What one case did, and what was wrong with it."""

    case: Case
    status: int | None
    stderr: str
    seconds: float
    problems: list[str] = field(default_factory=list)


def _paths(case: Case, folder: Path, index: Path) -> list[str]:
    return [a.replace("{case}", str(folder)).replace("{index}", str(index)) for a in case.args]


def _prepare(case: Case, folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, data in case.files.items():
        (folder / name).write_bytes(data)
    for name, target in case.links.items():
        (folder / name).symlink_to(target)
    for name in case.fifos:
        os.mkfifo(folder / name)
    for name in case.folders:
        (folder / name).mkdir()


def _in_process(args: list[str]) -> tuple[int | None, str, list[str]]:
    """(exit status, stderr, escaped exception or warning lines) of `main(args)` here."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    extra: list[str] = []
    signal.alarm(TIMEOUT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                status = main(args)
            except SystemExit as exit_:  # argparse refusing an argument
                status = exit_.code if isinstance(exit_.code, int) else 2
            out.flush()
    except Hang:
        return None, "", ["hang"]
    except Exception as exc:  # noqa: BLE001 - what escaped main is what we count
        return 1, "", [f"traceback: {exc.__class__.__name__}: {exc}"]
    finally:
        signal.alarm(0)
    extra += [f"warning: {w.category.__name__}: {w.message}" for w in caught
              if not issubclass(w.category, DeprecationWarning | PendingDeprecationWarning)]
    err.flush()
    return status, err.buffer.getvalue().decode("utf-8", "replace"), extra


def _subprocess(args: list[str]) -> tuple[int | None, str, list[str]]:
    """The same in a child process (the factcheck imported here), its memory bounded."""
    root = Path(factcheck.__file__).parents[1]  # also its working folder: `-m` looks there first
    env = {**os.environ, "PYTHONPATH": str(root), "FACTCHECK_MODEL": "hash-test"}
    try:
        run = subprocess.run([sys.executable, "-m", "factcheck.cli", *args], env=env, cwd=root,
                             capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
                             check=False, preexec_fn=_bound_memory)
    except subprocess.TimeoutExpired:
        return None, "", ["hang"]
    return run.returncode, run.stderr.decode("utf-8", "replace"), []


def _bound_memory() -> None:
    """A child reading a device for ever fails at `MEMORY` instead of taking the machine's."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _judge(outcome: Outcome, names: list[str]) -> None:
    """Add what is wrong with an outcome to its problems."""
    text, status = outcome.stderr, outcome.status
    if "Traceback (most recent call last)" in text:
        outcome.problems.append("traceback")
    if status == 1 or "internal error" in text:
        outcome.problems.append("exit 1: " + _first(text, "internal error"))
    lines = [s.strip() for s in re.split(r"[\r\n]+", text) if s.strip()]
    ours = [s for s in lines if s.startswith("factcheck:")]
    usage = status == 2 and any(s.startswith("usage:") for s in lines)
    if status == 2 and not ours and not usage:
        outcome.problems.append("exit 2 with no factcheck: line")
    for line in ours:
        if not any(name in line for name in names):
            outcome.problems.append(f"names nothing: {line[:160]}")
    for line in lines:
        if not (line.startswith("factcheck") or _PROGRESS.match(line) or usage):
            outcome.problems.append(f"stray output: {line[:160]}")


def _first(text: str, marker: str) -> str:
    return next((s for s in text.splitlines() if marker in s), text[-160:])[:160]


def _stored(index: Path) -> tuple[str, dict[str, str]]:
    """`PRAGMA integrity_check` of the index's SQLite file and its documents' sha256 by id."""
    with contextlib.closing(sqlite3.connect(index / "factcheck.sqlite3", timeout=30)) as db:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        return check, dict(db.execute("SELECT id, sha256 FROM documents"))


def run_case(number: int, case: Case, work: Path, index: Path) -> Outcome:
    """Run one case in its own folder, then check the shared index."""
    folder = work / f"case-{number:04d}"
    _prepare(case, folder)
    args = _paths(case, folder, index)
    before = _stored(index)[1]
    started = time.perf_counter()
    status, stderr, extra = (_subprocess if case.subprocess else _in_process)(args)
    outcome = Outcome(case, status, stderr, time.perf_counter() - started, list(extra))
    given = [a for a in args if a.startswith("/")]  # paths outside the case's folder too
    _judge(outcome, [str(folder), str(index), *given, *_NAMES_OF_ARGUMENTS])
    check, after = _stored(index)
    if check != "ok":
        outcome.problems.append(f"integrity_check: {check}")
    lost = [i for i, sha in before.items() if after.get(i) != sha]
    if lost:
        outcome.problems.append(f"{len(lost)} stored documents lost or changed")
    shutil.rmtree(folder, ignore_errors=True)
    gc.collect()  # engines opened by the case close their SQLite connections
    return outcome


def _build_index(work: Path) -> Path:
    index = work / "shared-index"
    seed = work / "seed"
    seed.mkdir()
    for n, text in enumerate((GOOD, "“The call is going well,” Dan Scavino wrote on Monday.",
                              "Putin insisted that all arms shipments to Ukraine must stop.")):
        (seed / f"seed{n}.txt").write_text(text, encoding="utf-8")
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        assert main(["ingest", str(seed), "--index", str(index)]) == 0
    return index


def _summary(outcomes: list[Outcome], seed: int, seconds: float) -> list[str]:
    kinds = Counter(p.split(":")[0] for o in outcomes for p in o.problems)
    by_command = Counter(o.case.command for o in outcomes)
    by_family = Counter(o.case.family for o in outcomes)
    statuses = Counter(str(o.status) for o in outcomes)
    failed = [o for o in outcomes if o.problems]
    slowest = max(outcomes, key=lambda o: o.seconds)
    lines = [
        f"cases: {len(outcomes)} (seed {seed}), {seconds:.0f} s; in a subprocess: "
        f"{sum(o.case.subprocess for o in outcomes)}",
        "by command: " + ", ".join(f"{k} {v}" for k, v in sorted(by_command.items())),
        "by family:  " + ", ".join(f"{k} {v}" for k, v in sorted(by_family.items())),
        "exit status: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())),
        f"tracebacks: {kinds['traceback']}  exit 1: {kinds['exit 1']}  hangs over {TIMEOUT} s: "
        f"{kinds['hang']}  exit 2 without a line: {kinds['exit 2 with no factcheck']}",
        f"lines naming no file, row or argument: {kinds['names nothing']}  stray output: "
        f"{kinds['stray output']}  warnings: {kinds['warning']}",
        f"integrity_check not ok: {kinds['integrity_check']}  stored documents lost or changed: "
        f"{sum(1 for o in outcomes for p in o.problems if 'lost' in p)}",
        f"slowest case: {slowest.seconds:.1f} s ({slowest.case.command}, {slowest.case.family})",
        f"cases failed: {len(failed)}",
    ]
    for outcome in failed[:40]:
        shown = " ".join(repr(a[:60]) for a in outcome.case.args[:4])
        lines.append(f"  FAIL [{outcome.case.family}] {shown}: {'; '.join(outcome.problems)[:300]}")
    return lines


def _run_all(cases: list[Case], work: Path, index: Path, verbose: bool) -> list[Outcome]:
    """Every case in turn; progress (and with `verbose` each outcome) on stderr."""
    outcomes = []
    for number, case in enumerate(cases):
        outcome = run_case(number, case, work, index)
        outcomes.append(outcome)
        if verbose:
            print(f"{number} {case.family} {case.args[:2]} -> {outcome.status} "
                  f"{outcome.problems[:1]} {outcome.stderr[-200:]!r}", file=sys.stderr)
        if (number + 1) % 100 == 0:
            failed = sum(bool(o.problems) for o in outcomes)
            print(f"{number + 1} cases, {failed} failed", file=sys.stderr, flush=True)
    return outcomes


def main_fuzz(argv: list[str] | None = None) -> int:
    """Run the fuzz set and print its figures; exit 1 when any case failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--only", default=None, help="run only the cases of this family")
    parser.add_argument("--verbose", action="store_true", help="a line per case on stderr")
    options = parser.parse_args(argv)
    os.environ["FACTCHECK_MODEL"] = "hash-test"  # the fake encoder: no model is loaded
    root = logging.getLogger()
    root.addHandler(_StderrHandler())  # main's basicConfig then adds none of its own
    root.setLevel(logging.WARNING)
    signal.signal(signal.SIGALRM, _alarm)
    header = machine_lines()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="factcheck-fuzz-") as temporary:
        work = Path(temporary)
        os.environ["FACTCHECK_INDEX"] = str(work / "default-index")  # never ./index
        index = _build_index(work)
        chosen = [c for c in generate(options.seed, options.cases)
                  if options.only in (None, c.family)]
        outcomes = _run_all(chosen, work, index, options.verbose)
    lines = [*header, *_summary(outcomes, options.seed, time.perf_counter() - started)]
    print("\n".join(lines))
    if options.out:
        options.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if any(o.problems for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main_fuzz())
