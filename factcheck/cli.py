"""The `factcheck` command: parse arguments, call one library function, print the result.

Exit status: 0 success, 2 bad input (one line on stderr), 1 internal error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.presentation import describe
from factcheck.settings import settings_from_env

log = logging.getLogger("factcheck")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="factcheck: %(message)s")
    try:
        _check_arguments(args)
        return args.run(args)
    except FactcheckError as err:
        print(f"factcheck: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 1
    except Exception as err:
        log.debug("internal error", exc_info=True)
        print(f"factcheck: internal error: {err.__class__.__name__}: {err}", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="factcheck", description="Claim and quote provenance: who said it, where, when, "
        "in which words.", formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for name, add in (("ingest", _ingest_parser), ("search", _search_parser),
                      ("quotes", _quotes_parser), ("report", _report_parser),
                      ("stats", _stats_parser)):
        add(commands, name)
    return parser


def _command(commands, name: str, help_text: str, example: str,
             run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=help_text,
                              epilog=f"example:\n  {example}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.add_argument("--index", type=Path, default=None,
                     help="index folder (default: $FACTCHECK_INDEX, else ./index)")
    sub.add_argument("--milvus-uri", default=None,
                     help="vectors and words in Milvus: a milvus-lite file (index/milvus.db) "
                     "or http://host:19530 (default: $FACTCHECK_MILVUS_URI, else embedded)")
    sub.set_defaults(run=run)
    return sub


def _check_arguments(args: argparse.Namespace) -> None:
    """Rules for arguments wherever they are given: `-k` (search, report) is a count of at
    least 1; a text (claim, speaker, document id) is UTF-8 (the shell hands undecodable bytes
    over as lone surrogates, which cannot be searched, stored or printed)."""
    k = getattr(args, "k", None)
    if k is not None and k < 1:
        raise FactcheckError(f"-k must be a whole number of at least 1 (got {k})")
    for name, value in vars(args).items():
        if isinstance(value, str) and not _is_utf8(value):
            shown = value.encode("utf-8", "backslashreplace").decode("utf-8")[:60]
            flag = name if name == "claim" else f"--{name}"
            raise FactcheckError(f"{flag} {shown!r}: holds bytes that are not UTF-8 text; "
                                 "give it as UTF-8")


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _engine(args: argparse.Namespace, **settings):
    from factcheck.engine import Engine  # heavy imports only once arguments are fine

    chosen = settings_from_env(index_dir=args.index, milvus_uri=args.milvus_uri, **settings)
    _check_index_folder(chosen.index_dir)
    return Engine.open(chosen)


def _check_index_folder(folder: Path) -> None:
    """Refuse an index path that is a file or that the system cannot make a folder of."""
    try:
        if folder.exists() and not folder.is_dir():
            raise FactcheckError(f"{folder}: the index must be a folder, and this is a file; "
                                 "give --index a folder (new or existing)")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise FactcheckError(f"{folder}: cannot be used as the index folder "
                             f"({err.strerror or err})") from None


# --- ingest --------------------------------------------------------------------------------
def _ingest_parser(commands, name: str) -> None:
    sub = _command(commands, name, "Add documents (.txt .md .html .jsonl .csv, or folders).",
                   "factcheck ingest seeds/ --index index", _run_ingest)
    sub.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _run_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    engine = _engine(args)
    with tqdm(total=0, unit="doc", desc="ingest", file=sys.stderr, leave=False) as bar:
        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        result = engine.ingest(args.paths, progress)
    for problem in result.problems:
        print(f"factcheck: {problem}", file=sys.stderr)
    print(f"documents: {result.documents}  passages: {result.passages}  "
          f"statements: {result.statements}  skipped: {result.skipped}")
    return 2 if result.problems else 0


# --- search --------------------------------------------------------------------------------
def _search_parser(commands, name: str) -> None:
    sub = _command(commands, name, "Check a claim: verdict, speaker, sources.",
                   'factcheck search "The call is going well" --speaker "Dan Scavino"',
                   _run_search)
    sub.add_argument("claim")
    sub.add_argument("--speaker", default=None, help="who the claim is credited to")
    sub.add_argument("-k", type=int, default=None, help="documents to list (default 5)")
    sub.add_argument("--json", action="store_true", help="print the result as JSON")


def _run_search(args: argparse.Namespace) -> int:
    result = _engine(args).search(args.claim, args.speaker, args.k)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json
          else describe(result))
    return 0


# --- quotes --------------------------------------------------------------------------------
def _quotes_parser(commands, name: str) -> None:
    sub = _command(commands, name, "List extracted quotes and reported statements.",
                   'factcheck quotes --speaker Putin --json', _run_quotes)
    sub.add_argument("--doc", default=None, help="only this document id")
    sub.add_argument("--speaker", default=None, help="only this speaker (aliases count)")
    sub.add_argument("--json", action="store_true", help="print a JSON list")


def _run_quotes(args: argparse.Namespace) -> int:
    statements = _engine(args).quotes(args.doc, args.speaker)
    if args.json:
        print(json.dumps([s.to_dict() for s in statements], ensure_ascii=False, indent=2))
    for s in [] if args.json else statements:
        print(f"[{s.kind}] {s.speaker or 'unknown'}: “{s.text}”  ({s.doc_id})")
    return 0


# --- report --------------------------------------------------------------------------------
def _report_parser(commands, name: str) -> None:
    sub = _command(commands, name, "Write a provenance report for a CSV/JSONL file of claims.",
                   "factcheck report claims.csv --out report.html", _run_report)
    sub.add_argument("claims", type=Path, metavar="CLAIMS")
    sub.add_argument("--out", type=Path, required=True, help=".csv .json .html or .jsonld")
    sub.add_argument("-k", type=int, default=5, help="matches kept per claim")
    sub.add_argument("--runner", choices=["local", "ray"], default=None,
                     help="where claims are searched: this process (default) or Ray")
    sub.add_argument("--ray-address", default=None,
                     help="Ray cluster to join (default: $FACTCHECK_RAY_ADDRESS, else Ray on "
                     "this machine)")
    sub.add_argument("--workers", type=int, default=None,
                     help="Ray actors at a time, each with its own model (default 1)")


def _run_report(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from factcheck.report.run import CHUNK_CLAIMS, run_report
    from factcheck.runners import open_searcher

    if args.workers is not None and args.workers < 1:
        raise FactcheckError("--workers must be at least 1")
    engine = _engine(args, runner=args.runner, ray_address=args.ray_address,
                     ray_workers=args.workers)
    searcher = open_searcher(engine.settings, engine)
    chunk = getattr(searcher, "chunk_claims", CHUNK_CLAIMS)
    with tqdm(unit="claim", desc="report", file=sys.stderr) as bar:
        def progress(done: int, total: int | None) -> None:
            bar.total = total
            bar.update(done - bar.n)

        # Bad rows are logged (one line each on stderr) by the report as it meets them.
        summary = run_report(args.claims, args.out, searcher, args.k, chunk, progress=progress)
    counts = "  ".join(f"{verdict}: {n}" for verdict, n in summary.verdicts.items())
    print(f"claims: {summary.claims}  {counts}  bad rows: {len(summary.bad_rows)}  "
          f"time: {summary.seconds:.1f}s  -> {args.out}")
    return 0


# --- stats ---------------------------------------------------------------------------------
def _stats_parser(commands, name: str) -> None:
    sub = _command(commands, name, "Show what the index holds.", "factcheck stats --json",
                   _run_stats)
    sub.add_argument("--json", action="store_true", help="print as JSON")


def _run_stats(args: argparse.Namespace) -> int:
    stats = _engine(args).stats()
    print(json.dumps(stats, indent=2) if args.json else
          "\n".join(f"{key}: {value}" for key, value in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
