"""Every error factcheck raises on purpose. The CLI prints them as one line and exits 2."""


class FactcheckError(Exception):
    """Base class: a problem the user can fix (bad input, wrong index, wrong settings)."""


class BadInputError(FactcheckError, ValueError):
    """A file, row, field or claim that cannot be used. The message names it."""


class IndexMismatchError(FactcheckError):
    """The index was built with another embedding model than the one configured."""


class EmptyIndexError(FactcheckError):
    """The index holds no documents yet."""


class BackendUnavailableError(FactcheckError):
    """A search engine outside the process (a Milvus server, a Ray cluster) cannot be used.

    The message names its address and what to check."""


def bad_file(path: object, problem: str) -> BadInputError:
    """An error naming a file and what is wrong with it."""
    return BadInputError(f"{path}: {problem}")


def bad_row(path: object, row: int, problem: str) -> BadInputError:
    """An error naming a file, a row (1-based, header not counted for CSV) and the problem."""
    return BadInputError(f"{path}: row {row}: {problem}")
