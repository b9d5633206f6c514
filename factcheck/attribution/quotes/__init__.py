"""Quotes found without a model: quote marks paired by a character scanner (`scan`), the
attribution written right next to a quote (`adjacent`, `tags`), the kind of each quote
(`kinds`) and quotes joined into statements (`chains`)."""
