"""The Ray runner: a report on Ray Data actors (Ray started here, 2 CPUs) is the report of
the in-process runner, claim for claim."""

import json
from pathlib import Path

import pytest

from factcheck.runners import open_searcher
from factcheck.settings import Settings

CLAIMS = """id,claim,speaker
1,The call is going well and still in progress,Donald Trump
2,Russia and Ukraine will swap 170 prisoners of war,
3,,
4,Putin demanded a stop to weapons deliveries to Ukraine,Vladimir Putin
5,Zelenskyy agreed to give up Crimea,
"""


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _results(path: Path) -> list[dict]:
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    for result in results:
        result.pop("provenance")  # its checked_at is the time of the run
    return results


@pytest.mark.slow  # starts Ray and loads the real model in each actor
def test_ray_report_equals_the_in_process_report(local_ray, seed_index_dir, tmp_path: Path):
    from factcheck.engine import Engine
    from factcheck.report.run import run_report

    claims = tmp_path / "claims.csv"
    claims.write_text(CLAIMS, encoding="utf-8")
    engine = Engine.open(Settings(index_dir=seed_index_dir))
    local = run_report(claims, tmp_path / "local.json", engine)
    on_ray = open_searcher(engine.settings.with_changes(runner="ray", ray_workers=2), engine)
    assert on_ray is not engine
    summary = run_report(claims, tmp_path / "ray.json", on_ray)
    assert (summary.claims, summary.verdicts, summary.bad_rows) == (
        local.claims, local.verdicts, local.bad_rows)
    assert _results(tmp_path / "ray.json") == _results(tmp_path / "local.json")


def test_unknown_runner_lists_the_valid_ones():
    with pytest.raises(ValueError, match="unknown runner 'dask'; valid values: 'local', 'ray'"):
        open_searcher(Settings(runner="dask"), None)
