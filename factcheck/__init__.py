"""factcheck: claim and quote provenance."""
