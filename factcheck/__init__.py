"""factcheck: claim and quote provenance for fact-checkers.

    read → split → attribute → embed → index → retrieve → judge → report

`sources` reads and splits documents, `attribution` finds who said what, `index` stores and
searches them, `verdict` judges a claim against them, `report` writes batch reports and `ui`
is the Streamlit app. A notebook needs only the names below:

    from factcheck import Engine, Settings, run_report
    engine = Engine.open(Settings(index_dir="index"))
    engine.search("The call is going well", speaker="Dan Scavino").verdict   # 'verbatim'
"""

from factcheck._exports import lazy_exports

__all__ = [
    "BadInputError", "EmptyIndexError", "Engine", "FactcheckError", "IndexMismatchError",
    "ReportSummary", "SearchResult", "Settings", "Verdict", "report_frame", "run_report",
    "settings_from_env",
]
__getattr__, __dir__ = lazy_exports(__name__, {
    "Engine": "engine", "Settings": "settings", "settings_from_env": "settings",
    "SearchResult": "verdict.result", "Verdict": "records",
    "ReportSummary": "report.run", "run_report": "report.run", "report_frame": "report.run",
    "FactcheckError": "errors", "BadInputError": "errors", "EmptyIndexError": "errors",
    "IndexMismatchError": "errors",
})
