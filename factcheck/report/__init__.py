"""The report stage: a claims file (.csv or .jsonl) in; one row per claim out, as CSV, JSON,
HTML or schema.org ClaimReview JSON-LD.

`input` reads claims and lists bad rows, `run` checks them chunk by chunk into `item`s,
`formats` writes each output, `html` and `claimreview` render the HTML page and the JSON-LD,
and `rewrite` writes a JSON report again in the other formats.
"""

from factcheck._exports import lazy_exports

__all__ = ["FORMATS", "BadRow", "ClaimRow", "JsonReport", "ReportItem", "ReportSummary",
           "read_claims", "read_json_report", "report_frame", "rewrite_report", "run_report"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "ReportSummary": "run", "run_report": "run", "report_frame": "run", "FORMATS": "formats",
    "BadRow": "input", "ClaimRow": "input", "read_claims": "input", "ReportItem": "item",
    "JsonReport": "rewrite", "read_json_report": "rewrite", "rewrite_report": "rewrite",
})
