"""The attribution stage's word lists, as data files (see README.md in this folder)."""
