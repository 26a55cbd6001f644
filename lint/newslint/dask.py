"""newslint on Dask: corpus records linted on a cluster (``pip install 'newslint[dask]'``).

Three ways in, for a data team's pipelines, and one for the command line:

- :func:`lint_records` lints an iterable of dicts and returns the findings as a list, in input
  order: on a ``dask.distributed`` cluster (``client``, else the default client if one exists),
  else in this process.
- :func:`lint_bag` maps a ``dask.bag`` of dicts to a bag of findings, lazily.
- :func:`lint_dataframe` maps a Dask DataFrame (one article per row) to a Dask DataFrame of
  findings, one per row, lazily.
- ``newslint --scheduler ADDRESS corpus.jsonl`` (:func:`connect`, :func:`map_units`): the corpus
  is read here and its records linted on the cluster, in batches; the output is the same as a
  local run's, in the same order.

A finding is the dict ``--format jsonl`` writes (``Finding.to_json()``). A record that cannot be
linted (not a dict, no text, a date that does not parse) gives an *error item* in its place, in
the same order: ``{"path", "record", "line", "error"}`` (``line``: the record's position, from 1,
in the input or, for a bag or a dataframe, in its partition, then named by ``partition``). A
configuration or a rule that cannot be used raises NewslintError instead: no record could be
linted right.

The records are linted as the command line lints them with its defaults: the built-in rules (and
the plugins installed on the workers), no configuration file unless ``config=`` names one (a
worker's working folder says nothing about the corpus). Each worker thread builds its Linter once,
the first time it is given records with those options, and keeps it for every record after.

Nothing here imports Dask until it is used: ``import newslint`` never does.
"""
from __future__ import annotations

import hashlib
import math
import pickle
import threading
from collections import Counter, OrderedDict, deque
from dataclasses import replace
from pathlib import Path

from newslint.errors import ConfigError, NewslintError

# Records sent to a worker in one task. A record takes a worker some 20 ms and a task costs the
# scheduler about 1 ms, so a batch of this size keeps the scheduler's share small while the first
# results still come back quickly.
BATCH = 16
# Batches in flight per worker thread: enough to keep each one busy while the head of the queue
# is slow, few enough that memory does not grow with the corpus (as parallel.IN_FLIGHT_PER_WORKER).
IN_FLIGHT_PER_THREAD = 4
# How long --scheduler waits for the scheduler to answer, in seconds.
CONNECT_TIMEOUT = 5
# Linters kept per worker thread (one per set of options; a long-lived worker serves many runs).
KEPT_LINTERS = 4

FIELD_NAMES = ("text", "id", "title", "date", "source")
# lint_dataframe's columns, in order, with their dtypes: a finding's fields (``fix`` split into
# the replacement and its applicability), the partition, and ``error`` for an error item.
COLUMNS = {
    "path": "string", "record": "string", "line": "Int64", "column": "Int64", "end_line": "Int64",
    "end_column": "Int64", "rule": "string", "category": "string", "severity": "string",
    "message": "string", "match": "string", "suggestions": "object", "fix": "string",
    "applicability": "string", "partition": "Int64", "error": "string",
}

_DASK_MISSING = "Dask is not installed: pip install 'newslint[dask]'"


# -- in a worker: one Linter per set of options ------------------------------------------------------
_local = threading.local()
_built_lock = threading.Lock()
_built: Counter = Counter()  # Linters this process built, per options key (see linters_built)


def _linter(key, make):
    """This thread's Linter for ``key``, built by ``make()`` the first time."""
    kept = getattr(_local, "linters", None)
    if kept is None:
        kept = _local.linters = OrderedDict()
    linter = kept.get(key)
    if linter is None:
        linter = kept[key] = make()
        with _built_lock:
            _built[key] += 1
        while len(kept) > KEPT_LINTERS:
            kept.popitem(last=False)
    else:
        kept.move_to_end(key)
    return linter


def linters_built() -> dict:
    """How many Linters this process has built, per options key: ``("api", Config)`` for the Python
    API, ``(run token, Config)`` for --scheduler (on the workers: ``client.run(linters_built)``)."""
    with _built_lock:
        return dict(_built)


# -- the Python API ----------------------------------------------------------------------------------
def _spec(config, name: str, fields: dict, caller: str) -> tuple:
    """What a worker needs to lint dicts: (configuration, Fields, name). Raises NewslintError for
    a configuration file that cannot be used, TypeError for an unknown field keyword."""
    from newslint.config import Config, load_config_file
    from newslint.records import Fields

    unknown = sorted(set(fields) - set(FIELD_NAMES))
    if unknown:
        raise TypeError(f"{caller}() got an unexpected keyword argument {unknown[0]!r} (fields: {', '.join(FIELD_NAMES)})")
    loaded = load_config_file(Path(config)) if config is not None else Config(root=Path.cwd().resolve())
    named = dict(loaded.fields)  # the configuration's *-field keys, under the keywords given here
    named.update(fields)
    return loaded, Fields(**named), name


def _lint_rows(spec: tuple, rows, start: int = 1, partition: int | None = None) -> list[dict]:
    """Lint dicts in this process: the findings as dicts, an error item in place of a record
    that cannot be linted, in order. ``start``: the first row's position."""
    from newslint.api import Linter
    from newslint.records import RecordError, _record

    config, fields, name = spec
    linter = _linter(("api", config), lambda: Linter(config=config))
    months = linter.registry.month_names
    out: list[dict] = []
    for n, row in enumerate(rows, start):
        ident = None
        if isinstance(row, dict) and fields.id and row.get(fields.id) not in (None, ""):
            ident = str(row[fields.id])
        if not isinstance(row, dict):
            unit = RecordError(f"record skipped: a {type(row).__name__}, not a dict", name, n)
        else:
            unit = _record(row, n, name, fields, months, False)
        if isinstance(unit, RecordError):
            out.append(_error_item(unit, ident, n, partition))
            continue
        result = linter.lint_unit(unit)
        if result.stop:  # the configuration cannot be used: no record can be linted
            raise result.errors[0]
        if result.rule_errors:  # a rule that does not load (a configuration's rule-paths)
            raise result.rule_errors[0]
        out.extend(_error_item(error, ident, n, partition) for error in result.errors)  # a check failed
        out.extend(f.to_json() for f in result.findings)
    return out


def _error_item(error: NewslintError, ident: str | None, position: int, partition: int | None) -> dict:
    item = {"path": error.path, "record": ident, "line": position, "error": error.message}
    if partition is not None:
        item["partition"] = partition
    return item


def lint_records(records, client=None, *, config=None, name: str = "<records>", batch_size: int = BATCH, **fields) -> list[dict]:
    """Lint an iterable of dicts, one article each, and return the findings as dicts (those
    ``--format jsonl`` writes) in input order, an error item in place of each record that cannot be
    linted. ``fields`` (``text=``, ``id=``, ``title=``, ``date=``, ``source=``) name the dicts'
    keys as ``--text-field`` and the others do; ``name`` is the findings' ``path``; ``config`` a
    configuration file (default: none). On ``client``'s cluster (a ``distributed.Client``; None:
    the default client if there is one), ``batch_size`` records a task, else in this process."""
    spec = _spec(config, name, fields, "lint_records")
    if client is None:
        client = _default_client()
    if client is None:
        return _lint_rows(spec, records)
    out: list[dict] = []
    for items in _in_order(client, _batches(spec, records, batch_size), _in_flight(client)):
        out.extend(items)
    return out


def _batches(spec, records, size: int):
    batch: list = []
    start = 1
    for row in records:
        batch.append(row)
        if len(batch) >= size:
            yield _lint_rows, spec, batch, start
            start += len(batch)
            batch = []
    if batch:
        yield _lint_rows, spec, batch, start


def _default_client():
    import sys

    if "distributed" not in sys.modules:  # no client can exist: do not import it for nothing
        return None
    from distributed import default_client

    try:
        return default_client()
    except ValueError:  # no client
        return None


def lint_bag(bag, *, config=None, name: str = "<records>", **fields):
    """A ``dask.bag`` of dicts (one article each) -> a bag of findings (the dicts ``--format jsonl``
    writes), lazily, in the input's order: each partition's findings in the same partition. A
    record that cannot be linted gives an error item (``line`` its position in its partition,
    ``partition`` the partition's number). The keywords are :func:`lint_records`'s."""
    try:
        import dask
        import dask.bag as db
    except ImportError:
        raise ImportError(_DASK_MISSING) from None

    spec = _spec(config, name, fields, "lint_bag")
    lint = dask.delayed(_lint_rows, pure=True, traverse=False)
    return db.from_delayed([lint(spec, part, 1, i) for i, part in enumerate(bag.to_delayed())])


def lint_dataframe(ddf, text_column: str = "text", id_column: str | None = "id", title_column: str | None = None,
                   date_column: str | None = None, source_column: str | None = None, *, config=None, name: str = "<records>"):
    """A Dask DataFrame with one article per row -> a Dask DataFrame with one finding per row
    (columns: :data:`COLUMNS`, a finding's fields with ``fix`` split into ``fix``, the replacement,
    and ``applicability``; ``partition``; ``error``), lazily, in the rows' order. A row that cannot
    be linted (no text, a date that does not parse) gives a row with ``error`` set, ``line`` its
    position in its partition and no rule. ``id_column=None``: the records are known by position.
    A date column may hold dates, timestamps or strings (parsed as ``--date-field`` does)."""
    try:
        import dask.dataframe  # noqa: F401
    except ImportError:
        raise ImportError(_DASK_MISSING) from None

    named = {"text": text_column, "id": id_column, "title": title_column, "date": date_column, "source": source_column}
    named = {field: column for field, column in named.items() if column is not None}
    missing = [column for column in named.values() if column not in ddf.columns]
    if missing:
        raise ValueError(f"lint_dataframe(): no column {missing[0]!r} (columns: {', '.join(map(str, ddf.columns))})")
    spec = _spec(config, name, {**{f: None for f in ("id", "title", "date", "source")}, **named}, "lint_dataframe")
    columns = list(dict.fromkeys(named.values()))
    return ddf[columns].map_partitions(_lint_frame, spec, meta=_frame([]), align_dataframes=False)


def _lint_frame(part, spec, partition_info=None):
    rows = [{k: _plain(v) for k, v in row.items()} for row in part.to_dict(orient="records")]
    number = partition_info["number"] if partition_info else None
    return _frame(_lint_rows(spec, rows, 1, number), number)


def _plain(value):
    """A dataframe cell as JSON Lines would have it: None for a missing value, a date for a
    timestamp, a Python number for a NumPy one."""
    import datetime as dt

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, dt.datetime):  # pandas.Timestamp too
        return value.date()
    item = getattr(value, "item", None)  # a NumPy scalar
    if item is not None and not isinstance(value, (str, bytes)) and getattr(value, "ndim", None) == 0:
        return item()
    return value


def _frame(items: list[dict], partition: int | None = None):
    import pandas as pd

    rows = []
    for item in items:
        fix = item.get("fix") or {}
        row = {column: item.get(column) for column in COLUMNS}
        row["fix"], row["applicability"] = fix.get("replacement"), fix.get("applicability")
        row["partition"] = partition
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype(COLUMNS)


# -- the command line: --scheduler ------------------------------------------------------------------
def connect(address: str, timeout: float = CONNECT_TIMEOUT):
    """A ``distributed.Client`` on the scheduler at ``address`` (``tcp://host:8786``); NewslintError
    when Dask is not installed, or the scheduler does not answer or has no worker within ``timeout``
    seconds."""
    try:
        from distributed import Client
        from distributed.comm import get_address_host_port
    except ImportError:
        raise NewslintError("--scheduler needs Dask, which is not installed: pip install 'newslint[dask]'") from None
    try:
        get_address_host_port(address)  # checked first: a Client made on a bad address hangs when it is freed
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:  # refused, timed out, not an address
        raise NewslintError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=timeout)  # else the run would wait for one for ever
    except (OSError, TimeoutError):
        client.close()
        raise NewslintError(f"the Dask scheduler at {address} has no workers (waited {timeout:g} s)") from None
    return client


def map_units(linter, units, client):
    """Each unit's result (a FileResult), in order, as ``Linter._lint_units`` gives them: the
    corpus records are linted on ``client``'s cluster in batches, with the linter's options; an
    article file, or an error read in a record's place, in this process (its file is here). At
    most a few batches per worker thread are in flight, so memory does not grow with the corpus."""
    from newslint.records import Record

    options = (linter.overrides, linter._cache, linter.fix, linter.baseline)
    token = hashlib.sha1(pickle.dumps(options)).hexdigest()  # the run's options, as a worker keeps its Linter
    shared = client.scatter([(token, *options)], broadcast=True, hash=False)[0]  # sent once, not per batch
    configs: dict = {}

    def jobs():
        batch: list = []
        config = None
        for unit in units:
            wanted = _config_for(linter, unit, configs) if isinstance(unit, Record) else None
            if batch and (wanted is None or wanted != config or len(batch) >= BATCH):
                yield _lint_batch, shared, config, batch
                batch = []
            if wanted is None:
                yield _Done([linter.lint_unit(unit)])
            else:
                batch.append(unit)
                config = wanted
        if batch:
            yield _lint_batch, shared, config, batch

    for results in _in_order(client, jobs(), _in_flight(client)):
        yield from results


def _config_for(linter, record, configs: dict):
    """The configuration a record is linted with, found here from its file as a local run finds
    it (a worker's folder is not the corpus's), with its per-file ignores applied, since a worker
    would match their globs from its own folder. None: lint it here (its configuration cannot be
    used, and a local run tells why)."""
    if record.path not in configs:
        location = Path(record.path)
        try:
            found = linter.configs.for_path(location)
            if found.per_file_ignores:  # each entry's selectors are checked, as a local run does
                linter.checks_for(found, location, [])
            configs[record.path] = replace(found, ignore=found.ignore + found.ignored_for(location), per_file_ignores=())
        except ConfigError:
            configs[record.path] = None
    return configs[record.path]


def _lint_batch(shared: tuple, config, records: list) -> list:
    """In a worker: lint records with the run's options and the configuration of their file."""
    from newslint.api import Linter

    token, overrides, cache, fix, baseline = shared
    linter = _linter((token, config), lambda: Linter(overrides=overrides, config=config, cache=cache, fix=fix, baseline=baseline))
    return [linter.lint_unit(record) for record in records]


# -- in order, bounded ------------------------------------------------------------------------------
class _Done:
    """A result computed here, queued among the futures so that the order holds."""

    def __init__(self, value):
        self.value = value


def _in_flight(client) -> int:
    threads = sum(client.nthreads().values()) or 1
    return max(2, threads * IN_FLIGHT_PER_THREAD)


def _in_order(client, jobs, limit: int):
    """Each job's result in the jobs' order: a job is ``(function, *args)``, submitted to the
    cluster, or a _Done. At most ``limit`` are pending at once. Closing the iterator early cancels
    what is still pending."""
    pending: deque = deque()
    finished = False
    try:
        for job in jobs:
            pending.append(job if isinstance(job, _Done) else client.submit(*job, pure=False))
            while len(pending) >= limit:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
        finished = True
    finally:
        if not finished:
            futures = [p for p in pending if not isinstance(p, _Done)]
            if futures:
                client.cancel(futures)


def _result(job):
    return job.value if isinstance(job, _Done) else job.result()
