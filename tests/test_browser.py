"""End to end in a real browser: `streamlit run app.py` driven by Debian's Chromium.

Chromium comes from apt (`scripts/setup.sh --test`); Playwright's own browser download is
never used. Screenshots of each screen are written to docs/.
"""

from __future__ import annotations

import csv
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update"]
SCAVINO = "The call is going well and still in progress"
PAYLOAD_TITLE = "Payload <img src=x onerror=alert(1)>"
PAYLOAD_TEXT = ("The mayor said that <script>alert('owned')</script> was a typo in the "
                "statement about the harbour tunnel budget.")
DOCS = ROOT / "docs"
WAIT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("streamlit did not become healthy")


@pytest.fixture(scope="module")
def app_url(seed_index_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    from factcheck.engine import Engine
    from factcheck.records import Document
    from factcheck.settings import Settings
    from factcheck.sources.read import content_sha256

    index = tmp_path_factory.mktemp("browser") / "index"
    shutil.copytree(seed_index_dir, index)
    Engine.open(Settings(index_dir=index)).ingest_documents([Document(
        id="payload", text=PAYLOAD_TEXT, sha256=content_sha256(PAYLOAD_TEXT),
        title=PAYLOAD_TITLE, published="2025-03-19")])
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
         "true", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
         "--", "--index", str(index)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def _search(page, url: str, claim: str, speaker: str = "") -> None:
    page.goto(f"{url}/")
    page.get_by_role("textbox", name="Claim", exact=True).fill(claim)
    if speaker:
        page.get_by_label("Credited to (optional)").fill(speaker)
    page.get_by_role("button", name="Check claim").click()
    page.locator(".verdict-badge").first.wait_for()


def _screenshot(page, name: str) -> None:
    DOCS.mkdir(exist_ok=True)
    page.wait_for_timeout(500)
    page.screenshot(path=str(DOCS / f"{name}.png"), full_page=True)


def test_verbatim_search_shows_the_scavino_attribution(page, app_url):
    _search(page, app_url, SCAVINO)
    assert page.locator(".verdict-badge").first.get_attribute("data-verdict") == "verbatim"
    main = page.locator("section.main, [data-testid='stMain']").first
    assert "Dan Scavino" in main.inner_text()
    _screenshot(page, "search")


def test_altered_claim_shows_the_diff(page, app_url):
    _search(page, app_url, "The call is going badly and still in progress")
    assert page.locator(".verdict-badge").first.get_attribute("data-verdict") == "altered"
    assert "well" in page.locator("del").first.inner_text()
    assert "badly" in page.locator("ins").first.inner_text()
    _screenshot(page, "search-altered")


def _settle(page) -> None:
    """Wait until Streamlit has finished the rerun an interaction started."""
    page.wait_for_timeout(400)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden")


def _choose(page, label: str, option_text: str) -> None:
    page.get_by_label(label).click()
    page.keyboard.type(option_text)
    page.get_by_role("option").filter(has_text=option_text).first.click()
    _settle(page)


def _open_statement(page, url: str, text: str) -> None:
    page.goto(f"{url}/review")
    page.get_by_label("Your name (reviewer)").fill("Test Editor")
    page.get_by_label("Your name (reviewer)").press("Enter")
    _settle(page)
    page.get_by_role("button", name="Correct speaker").wait_for()
    _choose(page, "Statement to review", text)
    page.locator("mark.fc-quote", has_text=text).first.wait_for()


def test_review_correction_persists_and_changes_search(page, app_url):
    _open_statement(page, app_url, SCAVINO)
    page.get_by_label("New speaker name").fill("Jane Doe")
    page.get_by_label("New speaker name").press("Enter")
    _settle(page)
    page.get_by_role("button", name="Correct speaker").click()
    _settle(page)
    page.locator(".fc-card", has_text="Jane Doe").first.wait_for()
    _screenshot(page, "review")
    page.reload()
    _open_statement(page, app_url, SCAVINO)
    card = page.locator(".fc-card", has_text="Jane Doe").first
    card.wait_for()
    assert "correct" in card.inner_text()
    _search(page, app_url, SCAVINO)
    assert "Jane Doe" in page.locator("[data-testid='stMain']").inner_text()


def test_batch_upload_gives_a_downloadable_csv(page, app_url, tmp_path: Path):
    claims = tmp_path / "claims.csv"
    # No speaker on c1: another test in this module corrects the Scavino quote's speaker.
    claims.write_text(f'id,claim,speaker\nc1,"{SCAVINO}",\n'
                      "c2,Zelenskyy agreed to give up Crimea,\nc3,,\n", encoding="utf-8")
    page.goto(f"{app_url}/batch")
    page.locator("input[type=file]").set_input_files(str(claims))
    page.get_by_role("button", name="Run report").click()
    download_button = page.get_by_role("button", name="Download CSV", exact=True)
    download_button.wait_for()
    _screenshot(page, "batch")
    with page.expect_download() as info:
        download_button.click()
    rows = list(csv.DictReader(info.value.path().open(encoding="utf-8")))
    verdicts = {row["id"]: row["verdict"] for row in rows}
    assert verdicts["c1"] == "verbatim" and verdicts["c2"] == "unsupported"


def test_script_payload_renders_as_text(page, app_url):
    _search(page, app_url, "a typo in the statement about the harbour tunnel budget")
    main = page.locator("[data-testid='stMain']")
    assert "<script>alert('owned')</script>" in main.inner_text()
    page.goto(f"{app_url}/sources")
    cell = page.locator("[role=gridcell]", has_text=PAYLOAD_TITLE).first
    cell.wait_for(state="attached")
    assert cell.text_content() == PAYLOAD_TITLE
    _screenshot(page, "sources")
    assert page.dialogs == []
    assert page.locator("img[src=x]").count() == 0
