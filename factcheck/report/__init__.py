"""The report stage: a claims file (.csv or .jsonl) in; one row per claim out, as CSV, JSON,
HTML or schema.org ClaimReview JSON-LD.

`input` reads claims and lists bad rows, `run` checks them chunk by chunk, `formats` writes
each output, `html` and `claimreview` render the HTML page and the JSON-LD.
"""

from factcheck._exports import lazy_exports

__all__ = ["FORMATS", "BadRow", "ClaimRow", "ReportSummary", "read_claims", "report_frame",
           "run_report"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "ReportSummary": "run", "run_report": "run", "report_frame": "run", "FORMATS": "formats",
    "BadRow": "input", "ClaimRow": "input", "read_claims": "input",
})
