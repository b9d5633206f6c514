"""Ray runner: a report's claims searched by Ray Data actors, each loading the model once.

`RaySearcher.search_many` puts the claims in a Ray dataset and maps its batches over an actor
class (`_SearchActor`) that opens the engine (index and model) once in its constructor;
`Settings.ray_workers` actors run at a time (`concurrency`), one CPU each. Results come back
as JSON text with each claim's position and are put back in the claims' order, so a report is
the same as with the in-process runner. `Settings.ray_address` None starts Ray on this machine
(`ray.init(num_cpus=...)`); else it joins that cluster, whose workers must reach the same
index (a shared folder, or Milvus with the folder's SQLite store on shared storage).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from factcheck.errors import BackendUnavailableError
from factcheck.report.run import CHUNK_CLAIMS

if TYPE_CHECKING:
    from factcheck.settings import Settings

log = logging.getLogger(__name__)



class _SearchActor:
    """One Ray actor: an engine on the index, opened once, searching batches of claims."""

    def __init__(self, settings: Settings) -> None:
        from factcheck.engine import Engine

        self.engine = Engine.open(settings)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        found = [json.dumps([result.to_dict() for result in self.engine.search_many(
            [(text, speaker) for text, speaker in json.loads(str(group))], k=int(k))])
            for group, k in zip(batch["claims"], batch["k"], strict=True)]
        return {"rows": batch["rows"], "results": np.array(found)}


class RaySearcher:
    """The report's `Searcher` on Ray: `settings` and `search_many`, as the engine has."""

    # Claims a report hands over at a time: the in-process runner's chunks, so that claims are
    # encoded in the same batches (see `_groups`); each chunk is one Ray dataset, whose
    # actors load the model anew (seconds, against minutes of searching per chunk).
    chunk_claims = CHUNK_CLAIMS

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        _start_ray(settings)

    def search_many(self, claims: Sequence[tuple[str, str | None]], k: int = 5) -> list:
        """Search claims (text, claimed speaker) on the Ray actors; results in claim order."""
        import ray.data

        _quiet(ray.data.DataContext.get_current())
        if not claims:
            return []
        groups = _groups(claims, self.settings.max_claim_chars)
        items = [{"rows": json.dumps(group), "claims": json.dumps([claims[n] for n in group]),
                  "k": k} for group in groups]
        dataset = ray.data.from_items(items).map_batches(
            _SearchActor, fn_constructor_kwargs={"settings": self.settings}, batch_size=1,
            batch_format="numpy", concurrency=self.settings.ray_workers, num_cpus=1)
        from factcheck.verdict.result import result_from_dict

        results: list = [None] * len(claims)
        for row in dataset.iter_rows():
            for n, result in zip(json.loads(row["rows"]), json.loads(row["results"]),
                                 strict=True):
                results[n] = result_from_dict(result)
        return results


def _groups(claims: Sequence[tuple[str, str | None]], max_chars: int) -> list[list[int]]:
    """Claim positions in the groups the in-process search encodes together (by length,
    `search.BATCH_CLAIMS` at a time), so that each actor computes the very same vectors
    (a batch's padding changes the last bits of its vectors); unreadable claims apart."""
    from factcheck.errors import FactcheckError
    from factcheck.verdict.claims import read_claim
    from factcheck.verdict.search import BATCH_CLAIMS

    lengths, unreadable = {}, []
    for n, (text, speaker) in enumerate(claims):
        try:
            lengths[n] = len(read_claim(text, speaker, max_chars).words)
        except FactcheckError:
            unreadable.append(n)
    order = sorted(lengths, key=lengths.__getitem__)
    groups = [order[start:start + BATCH_CLAIMS] for start in range(0, len(order), BATCH_CLAIMS)]
    return groups + ([unreadable] if unreadable else [])


def _start_ray(settings: Settings) -> None:
    import ray

    if ray.is_initialized():
        return
    address = settings.ray_address
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(settings.ray_workers, os.cpu_count() or 1),
                     include_dashboard=False, log_to_driver=False,
                     runtime_env={"env_vars": _worker_environment()})
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise BackendUnavailableError(
            f"cannot start or join Ray at {address or 'this machine'}: {err}; check "
            "--ray-address / FACTCHECK_RAY_ADDRESS") from err
    logging.getLogger("ray").setLevel(logging.WARNING)


def _quiet(context) -> None:
    """No progress bars or per-operator log lines from Ray Data (the CLI has its own bar)."""
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def _worker_environment() -> dict[str, str]:
    """What local workers need of this process's environment to import factcheck alike."""
    return {name: os.environ[name] for name in ("PYTHONPATH",) if name in os.environ}
