"""newslint on Dask (newslint.dask and --scheduler), on a real LocalCluster of two worker processes.

Every result is compared with the single-process one on the same records, in the same order: the
command line's `--format jsonl` for the Python API, a local run (`-j 1`) for `--scheduler`, byte for
byte in every format. The corpus: 40 records written for these tests (findings of several rules,
dates in three styles, clean ones) with broken records among them.
"""
import csv
import json
import socket
import subprocess
import sys

import pytest

from conftest import rule_file, run_subprocess

pytest.importorskip("distributed")

from distributed import Client, LocalCluster  # noqa: E402

import newslint.dask as nd  # noqa: E402
from newslint.errors import ConfigError, NewslintError  # noqa: E402

PARTS = [
    "Menteri luar negeri kedua negara menekan perjanjian itu di Jakarta.",  # Indonesian.Meneken
    "Baca Juga: Harga Beras Naik Lagi",  # Indonesian.BacaJuga
    "Rapat digelar di di gedung parlemen pada pagi hari.",  # Indonesian.DoubledWord
    "Kata Presiden Korea Utara Kim Jong Un singkat.",  # Indonesian.TitleOfOffice
    "Advertisement",  # Indonesian.Advertisement
    "Pada Rabu (17/6) lalu, rapat berlangsung di Jakarta.",  # Indonesian.WeekdayMismatch (published 16 June 2025)
]
CLEAN = "Para analis menilai kesepakatan tersebut memperkuat posisi kedua negara di kawasan."
DATES = ["Senin, 16 Jun 2025 12:40 WIB", "2025-06-16", "16/6/2025"]
N = 40
BROKEN = {7: "no text", 13: "a date that does not parse", 21: "not an object", 30: "not JSON"}


def record(n: int) -> dict:
    """Record n has the problems whose bits are set in n (some have none)."""
    text = "\n\n".join([f"Berita nomor {n}"] + [p for bit, p in enumerate(PARTS) if (n * 7 % 64) >> bit & 1] + [CLEAN])
    return {"id": f"k-{n}", "judul": f"Berita Nomor {n}", "terbit": DATES[n % 3], "media": ["Kompas", "Detik"][n % 2], "text": text}


def lines() -> list[str]:
    """The corpus as JSON Lines, one record a line."""
    out = []
    for n in range(1, N + 1):
        row = record(n)
        if BROKEN.get(n) == "no text":
            row["isi"] = row.pop("text")
        elif BROKEN.get(n) == "a date that does not parse":
            row["terbit"] = "kemarin sore"
        out.append({"not an object": "[1, 2]", "not JSON": '{"id": "k-30", "text": '}.get(BROKEN.get(n), None) or json.dumps(row, ensure_ascii=False))
    return out


def rows() -> list:
    """The corpus as Python values: a dict per record, the line itself where it is not an object."""
    out = []
    for line in lines():
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            value = line
        out.append(value if isinstance(value, dict) else line)
    return out


FIELDS = dict(date="terbit", title="judul", source="media")
OPTIONS = ["--date-field", "terbit", "--title-field", "judul", "--source-field", "media"]


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A folder with the corpus as korpus.jsonl, and a folder with its own configuration (a house
    rule pack, its *-field keys, a per-file ignore whose glob holds a folder: matched from the
    configuration's folder, not from a worker's) holding a CSV corpus with quoted newlines."""
    root = tmp_path_factory.mktemp("dask")
    (root / "korpus.jsonl").write_text("\n".join(lines()) + "\n", encoding="utf-8")
    lokal = root / "lokal"
    lokal.mkdir()
    rule_file(root / "gaya", "Redaksi", "Korut", "extends: existence\ncategory: consistency\nmessage: \"Write 'Korea Utara', not '%s'.\"\ntokens: [Korut]\n")
    (lokal / ".newslint.yaml").write_text(
        "rule-paths: [../gaya]\ndate-field: tanggal\ntext-field: isi\nper-file-ignores:\n  'data/*.csv': [boilerplate]\n", encoding="utf-8")
    (lokal / "data").mkdir()
    with open(lokal / "data" / "berita.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "isi", "tanggal"])
        for n in range(1, 13):
            out.writerow([f"c-{n}", record(n)["text"] + ("\n\nPemimpin Korut itu tiba." if n % 2 else ""), DATES[n % 3]])
    (root / "artikel.txt").write_text("Jakarta, Selasa (12/11/2024)\n\n" + PARTS[0] + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def single_process(corpus):
    """The command line's --format jsonl on korpus.jsonl, in one process: (findings, stderr)."""
    run = run_subprocess("--format", "jsonl", "-j", "1", *OPTIONS, "korpus.jsonl", cwd=corpus)
    assert run.code == 2  # findings, and broken records
    return [json.loads(line) for line in run.out.splitlines()], run.err


def findings(items):
    return [item for item in items if "error" not in item]


def errors(items):
    return [item for item in items if "error" in item]


def test_the_corpus_has_findings_of_several_rules_and_broken_records(single_process):
    found, err = single_process
    assert len(found) > 40 and len({f["rule"] for f in found}) >= 5
    assert len({f["record"] for f in found}) > 25
    assert [line.split(":")[3] for line in err.splitlines()] == [str(n) for n in sorted(BROKEN)]


def test_lint_records_on_the_cluster_gives_the_command_lines_findings_in_order(client, single_process):
    found, err = single_process
    items = nd.lint_records(rows(), client, name="korpus.jsonl", batch_size=3, **FIELDS)
    assert findings(items) == found
    # Each broken record in its place, told as the command line tells it (the bad JSON is a str here).
    assert [(e["line"], e["record"]) for e in errors(items)] == [(7, "k-7"), (13, "k-13"), (21, None), (30, None)]
    assert errors(items)[:2] == [
        {"path": "korpus.jsonl", "record": "k-7", "line": 7, "error": "record k-7 skipped: no text in the field 'text'"},
        {"path": "korpus.jsonl", "record": "k-13", "line": 13, "error": "record k-13 skipped: the date 'kemarin sore' in the field 'terbit' does not parse"},
    ]
    assert err.splitlines()[:2] == [f"newslint: error: {e['path']}:{e['line']}: {e['error']}" for e in errors(items)[:2]]
    positions = [i for i, item in enumerate(items) if "error" in item]
    before = {item["record"] for item in items[: positions[1]] if "error" not in item}
    assert "k-12" in before and "k-14" not in before  # in place, not at the end


def test_lint_records_without_a_client_lints_in_this_process(single_process, monkeypatch):
    monkeypatch.setattr(nd, "_default_client", lambda: None)  # the module's cluster may be up
    monkeypatch.setattr(nd, "_in_order", None)  # nothing is sent anywhere
    items = nd.lint_records(rows()[:12], name="korpus.jsonl", **FIELDS)
    assert findings(items) == [f for f in single_process[0] if int(f["record"][2:]) <= 12]


def test_lint_records_uses_the_default_client(client, single_process):
    # The module's client is the default one (a distributed.Client made last is).
    assert nd._default_client() is client
    assert findings(nd.lint_records(rows(), name="korpus.jsonl", **FIELDS)) == single_process[0]


def test_lint_bag_gives_the_same_findings_partition_by_partition(client, single_process):
    import dask.bag as db

    bag = nd.lint_bag(db.from_sequence(rows(), npartitions=4), name="korpus.jsonl", **FIELDS)
    assert bag.npartitions == 4
    items = bag.compute()
    assert findings(items) == single_process[0]
    # An error item: its position in its partition, and the partition (4 partitions of 10).
    assert [(e["record"], e["partition"], e["line"]) for e in errors(items)] == [("k-7", 0, 7), ("k-13", 1, 3), (None, 2, 1), (None, 2, 10)]


def test_lint_dataframe_gives_a_finding_a_row(client, single_process):
    import dask.dataframe as dd
    import pandas as pd

    table = pd.DataFrame([r for r in rows() if isinstance(r, dict)])
    frame = nd.lint_dataframe(dd.from_pandas(table, npartitions=3), text_column="text", id_column="id", title_column="judul",
                              date_column="terbit", source_column="media", name="korpus.jsonl")
    assert list(frame.columns) == list(nd.COLUMNS)
    result = frame.compute()
    rows_found = result[result["error"].isna()]
    expected = [f for f in single_process[0]]
    assert len(rows_found) == len(expected)
    for (_, row), f in zip(rows_found.iterrows(), expected):
        fix = f.get("fix") or {}
        assert {k: row[k] for k in ("path", "record", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "match")} == \
            {k: f[k] for k in ("path", "record", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "match")}
        assert list(row["suggestions"]) == f["suggestions"]
        assert (None if pd.isna(row["fix"]) else row["fix"], None if pd.isna(row["applicability"]) else row["applicability"]) == \
            (fix.get("replacement"), fix.get("applicability"))
    broken = result[result["error"].notna()]
    assert list(broken["record"]) == ["k-7", "k-13"] and broken["rule"].isna().all()
    assert list(broken["error"])[0] == "record k-7 skipped: no text in the field 'text'"


def test_lint_dataframe_takes_timestamps_and_numbers(client):
    import dask.dataframe as dd
    import pandas as pd

    table = pd.DataFrame({"nomor": [1, 2], "isi": [PARTS[5], PARTS[5]], "terbit": pd.to_datetime(["2025-06-16 12:40", "2025-06-17 00:00"])})
    result = nd.lint_dataframe(dd.from_pandas(table, npartitions=1), text_column="isi", id_column="nomor", date_column="terbit").compute()
    # As the same dates written as ISO strings: the year comes from them (17/6/2025 is a Selasa).
    same = nd.lint_records([{"nomor": 1, "isi": PARTS[5], "terbit": "2025-06-16"}, {"nomor": 2, "isi": PARTS[5], "terbit": "2025-06-17"}],
                           text="isi", id="nomor", date="terbit")
    assert list(result["record"]) == ["1", "2"] and result["error"].isna().all()
    assert list(result["message"]) == [f["message"] for f in same] and len({f["message"] for f in same}) == 2


def test_lint_dataframe_names_a_missing_column():
    import dask.dataframe as dd
    import pandas as pd

    with pytest.raises(ValueError, match="no column 'body' \\(columns: id, text\\)"):
        nd.lint_dataframe(dd.from_pandas(pd.DataFrame({"id": [1], "text": ["a"]}), npartitions=1), text_column="body")


def test_an_unknown_field_keyword_is_a_type_error():
    with pytest.raises(TypeError, match="'body'.*fields: text, id, title, date, source"):
        nd.lint_records([], body="isi")


def test_a_configuration_that_cannot_be_used_raises(tmp_path):
    (tmp_path / "rusak.yaml").write_text("select: [Indonesian.TidakAda]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="TidakAda"):
        nd.lint_records([{"id": 1, "text": "Isi."}], config=tmp_path / "rusak.yaml")


def test_each_worker_builds_its_linter_once(client, tmp_path):
    """200 records in 50 tasks: each worker process builds one Linter for these options, not one
    per record or per task."""
    config = tmp_path / ".newslint.yaml"
    config.write_text("min-level: warning\n", encoding="utf-8")
    many = [dict(record(n % N + 1), id=f"m-{n}") for n in range(200)]
    before = client.run(nd.linters_built)
    items = nd.lint_records(many, client, config=config, batch_size=4, **FIELDS)
    assert len({i["record"] for i in items}) > 100
    built = {worker: {key: n for key, n in counts.items() if key[1].file == str(config)} for worker, counts in client.run(nd.linters_built).items()}
    assert all(sum(counts.values()) <= 1 for counts in built.values()), built
    assert sum(n for counts in built.values() for n in counts.values()) >= 1
    assert all(not any(getattr(k[1], "file", None) == str(config) for k in counts) for counts in before.values())


# -- --scheduler ------------------------------------------------------------------------------------
FORMATS = ["text", "json", "jsonl", "sarif", "github", "gitlab", "junit"]


def run_cli(*args, cwd):
    proc = subprocess.run([sys.executable, "-m", "newslint", *map(str, args)], capture_output=True, cwd=cwd, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_scheduler_output_is_a_local_runs_byte_for_byte(client, corpus, fmt):
    """A JSON Lines corpus, a CSV corpus under its own configuration, and an article file."""
    paths = ["korpus.jsonl", "lokal/data/berita.csv", "artikel.txt"]
    local = run_cli("--format", fmt, "-j", "1", *OPTIONS, *paths, cwd=corpus)
    remote = run_cli("--format", fmt, "--scheduler", client.scheduler.address, *OPTIONS, *paths, cwd=corpus)
    assert remote == local
    assert local[0] == 2 and local[1].strip()
    if fmt == "jsonl":  # the configuration's house rule and per-file ignore were applied
        rules = [json.loads(line)["rule"] for line in local[1].splitlines() if b"berita.csv" in line]
        assert "Redaksi.Korut" in rules and "Indonesian.BacaJuga" not in rules
        assert b"Indonesian.BacaJuga" in local[1]  # in korpus.jsonl's records, the same texts


def test_scheduler_reads_standard_input(client, corpus):
    data = (corpus / "korpus.jsonl").read_bytes()
    args = ["--format", "jsonl", "--stdin-format", "jsonl", *OPTIONS, "-"]
    local = subprocess.run([sys.executable, "-m", "newslint", "-j", "1", *args], input=data, capture_output=True, cwd=corpus)
    remote = subprocess.run([sys.executable, "-m", "newslint", "--scheduler", client.scheduler.address, *args], input=data, capture_output=True, cwd=corpus)
    assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)
    assert local.stdout.count(b"\n") > 40


def test_an_unreachable_scheduler_is_one_line_and_exit_2(corpus):
    run = run_subprocess("--scheduler", "tcp://127.0.0.1", "korpus.jsonl", cwd=corpus)
    assert (run.code, run.out) == (2, "")
    assert run.err == "newslint: error: cannot reach the Dask scheduler at tcp://127.0.0.1: missing port number in address '127.0.0.1'\n"


def test_connect_gives_up_after_its_timeout():
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(NewslintError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: Timed out"):
        nd.connect(f"tcp://127.0.0.1:{port}", timeout=0.5)


def test_a_cluster_without_workers_is_one_line_and_exit_2(corpus):
    with LocalCluster(n_workers=0, processes=True, dashboard_address=None) as empty:
        run = run_subprocess("--scheduler", empty.scheduler_address, "korpus.jsonl", cwd=corpus)
    assert (run.code, run.out) == (2, "")
    assert run.err == f"newslint: error: the Dask scheduler at {empty.scheduler_address} has no workers (waited 5 s)\n"


def test_newslint_does_not_import_dask_unless_asked(corpus):
    code = (
        "import sys, newslint, newslint.dask\n"
        "from newslint.cli import main\n"
        "newslint.lint_text('Isi berita.')\n"
        "main(['--format', 'jsonl', '-j', '1', 'korpus.jsonl'])\n"
        "sys.stdout.flush()\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pandas', 'numpy', 'pyarrow'})\n"
        "sys.stderr.write(f'loaded: {loaded}\\n')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=corpus)
    assert proc.stderr.splitlines()[-1] == "loaded: []"
