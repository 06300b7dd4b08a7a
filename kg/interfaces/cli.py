"""The ``kg`` command: a thin skin over kg's Python API, one library call per command.

Exit codes: 0 success, 1 user error (one line naming the file and the fix), 2 usage error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import warnings
from pathlib import Path

from kg import api
from kg.errors import KgError, UsageError

EPILOG = {
    "extract": "example: kg extract data/seed-troop-deployment.txt --explain",
    "build": "example: kg build data/ --store kg-store --out out/graph.ttl --out out/graph.trig",
    "sparql": "example: kg sparql 'select (count(*) as ?n) where { ?s ?p ?o }'",
    "query": "example: kg query timeline --format csv ; kg query relations --param type=kg:allied_with ; "
    "kg query ego --param entity=https://w3id.org/kgct/resource/entity/Q159 --endpoint http://127.0.0.1:8890/sparql",
    "view": "example: kg view --out out/network.html --top 200",
    "timeline": "example: kg timeline --out out/timeline.html --lanes source",
    "eval": "example: kg eval gold/   (a folder of <id>.txt beside <id>.gold.json) ; "
    "kg eval --plover plover_gsr_dev.jsonl ; kg eval --polnear polnear/train --limit 150 --jobs 2",
    "demo": "example: kg demo",
    "validate": "example: kg validate --store kg-store",
    "derive": "example: kg derive --store big-store   (after `oxigraph load` of kept shards)",
    "bench": "example: kg bench corpus.jsonl --limit 100 --jobs 2",
    "serve": "example: kg serve --store kg-store --port 7878   (then query http://127.0.0.1:7878/sparql)",
    "push": "example: kg push --endpoint http://127.0.0.1:7879/update --query-endpoint http://127.0.0.1:7879/query",
    "export": "example: kg export --out out/events.parquet --modality asserted --since 2022-02 ; "
    "kg export --out out/graph.gexf --entity Russia",
    "entities": "example: kg entities --merged ; kg entities --entity Kremlin --format json ; "
    "kg entities --overrides kg-overrides.csv",
}


class UserError(KgError):
    """Reported as one line on stderr, exit code 1."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            return args.func(args) or 0
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except (KgError, OSError) as err:  # user errors carry their own message; anything else is a bug
        print(f"kg {args.command}: {printable(str(err))}", file=sys.stderr)
        return getattr(err, "exit_code", 1)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {printable(str(message))}", file=sys.stderr)


# C0 and C1 controls (ANSI escape sequences start with ESC, \x1b) and the bidirectional overrides
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""Text from articles as the terminal shows it, on one line: control characters (an ANSI escape
    sequence in an article would recolour or rewrite the terminal) and bidirectional overrides become
    spaces, bytes a file name could not decode become \x escapes.

    >>> printable("red \x1b[31malert\x1b[0m\nnext")
    'red  [31malert [0m next'
    """
    text = _CONTROL.sub(" ", text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if re.search("[\ud800-\udfff]", text) else text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Conflict news -> a knowledge graph you can trust.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EPILOG[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(func=func)
        return p

    p = command("extract", cmd_extract, "Print one extraction record per article (JSON Lines, input order).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles: .txt, .md, .jsonl files or folders")
    p.add_argument("--format", choices=("json", "ttl"), default="json")
    p.add_argument("--explain", action="store_true", help="show, per event, which lexicon entry and cues fired")
    p.add_argument("--jobs", type=int, default=1, help="parser processes")
    _overrides_option(p)

    p = command("build", cmd_build, "Ingest articles into the store and/or write a serialisation.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _store_option(p)
    p.add_argument(
        "--out",
        action="append",
        default=[],
        metavar="FILE",
        help="write the graph; format by suffix: .ttl .trig .nq .nt .jsonld (repeatable)",
    )
    p.add_argument("--jobs", type=int, default=1, help="parser processes")
    p.add_argument(
        "--max-chars",
        type=int,
        default=api.MAX_CHARS,
        metavar="N",
        help="skip, with a warning, an article longer than N characters (default: %(default)s)",
    )
    p.add_argument(
        "--article-timeout",
        type=float,
        default=api.ARTICLE_TIMEOUT,
        metavar="SECONDS",
        help="with --jobs N > 1: skip, with a warning, an article that takes a worker longer than this "
        "(default: %(default)s)",
    )
    _overrides_option(p)
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a Dask cluster: tcp://HOST:PORT, or local:N for N local worker processes "
        "(pip install 'kg[distributed]')",
    )
    p.add_argument(
        "--shard-dir",
        metavar="DIR",
        help="with --scheduler: keep the N-Quads shards here (a folder the workers share); "
        "default: a temporary folder, deleted",
    )

    p = command(
        "derive",
        cmd_derive,
        "Recompute what depends on many articles (entity labels, plan status, tallies) over the whole store.",
    )
    _store_option(p)

    p = command("sparql", cmd_sparql, "Run a SPARQL query over the store.")
    p.add_argument("query", nargs="?", help="the query text")
    p.add_argument("-f", "--file", help="read the query from FILE.rq")
    _store_option(p)
    _endpoint_option(p)
    _output_option(p)

    p = command(
        "query", cmd_query, "Run a named query (timeline, actors, claims-by-source, coordination, relations...)."
    )
    p.add_argument("name", nargs="?", help="query name; omit to list them")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="bind a parameter (an IRI, a prefixed name like plover:AID, or a literal)",
    )
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows (a page)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N rows (the next page)")
    _store_option(p)
    _endpoint_option(p)
    _output_option(p)

    p = command("view", cmd_view, "Write the interactive network view (self-contained HTML).")
    _store_option(p)
    p.add_argument("--out", default="out/network.html")
    p.add_argument("--top", type=int, default=None, help="keep the N most connected entities")
    p.add_argument("--combined", action="store_true", help="network and timeline in one page, with linked selection")

    p = command("timeline", cmd_timeline, "Write the interactive timeline view (self-contained HTML).")
    _store_option(p)
    p.add_argument("--out", default="out/timeline.html")
    p.add_argument("--lanes", choices=("actor", "source"), default="actor")

    p = command("eval", cmd_eval, "Score the extractor against gold files (their format: docs/records.md).")
    p.add_argument("gold_dir", metavar="GOLD_DIR", nargs="?", help="folder of gold extraction records")
    p.add_argument(
        "--plover",
        metavar="FILE",
        help="also (or only) score PLOVER gold sentences (JSON Lines): type and actor accuracy, every miss listed",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--polnear",
        metavar="DIR",
        help="score attribution on a PolNeAR split folder instead (one holding text/ and attributions/)",
    )
    p.add_argument("--re3d", metavar="FILE", help="score entities and relations on re3d gold (gold_re3d.jsonl)")
    p.add_argument("--split", choices=("all", "tune", "check"), default="all", help="--re3d/--polnear: a fixed half")
    p.add_argument("--limit", type=int, help="with --polnear: this many articles, spread evenly over the split")
    p.add_argument("--jobs", type=int, default=1, help="with --polnear: parser processes")

    p = command(
        "validate",
        cmd_validate,
        "Check the store against the SHACL shapes (kg/graph/ontology/shapes.ttl), a batch of article graphs at a time (bounded memory), and that its derived graphs are current.",
    )
    _store_option(p)

    p = command(
        "serve",
        cmd_serve,
        "Serve the store read-only as a SPARQL 1.1 Protocol endpoint at /sparql, with a query page at /.",
    )
    _store_option(p)
    _serve_options(p)

    p = command("push", cmd_push, "Load the store into an external SPARQL 1.1 server (resumable, in batches).")
    _store_option(p)
    p.add_argument("--endpoint", required=True, help="SPARQL Update endpoint URL")
    p.add_argument("--query-endpoint", help="SPARQL query endpoint, when not the update endpoint (for resuming)")
    p.add_argument("--graph-store", metavar="URL", help="Graph Store HTTP Protocol endpoint (faster on Virtuoso)")
    p.add_argument("--batch-size", type=int, default=5000, help="triples per request")
    p.add_argument("--no-resume", action="store_true", help="reload every graph even if already complete")
    p.add_argument("--user")
    p.add_argument("--password", help="prefer $KG_PUSH_PASSWORD: a password here shows in `ps`")
    p.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS")

    p = command("bench", cmd_bench, "Measure extraction throughput against spaCy's own parse, in the same run.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a corpus (.jsonl) or folders of articles")
    p.add_argument("--limit", type=int, default=100, help="articles to use (default 100)")
    p.add_argument("--jobs", type=int, default=1, help="processes, for both kg and spaCy")
    p.add_argument("--repeat", type=int, default=3, help="runs of each; medians are reported")
    p.add_argument("--json", action="store_true")

    p = command(
        "entities", cmd_entities, "List the entity nodes with their surface forms and the rules that merged them."
    )
    _store_option(p)
    p.add_argument(
        "--merged",
        action="store_true",
        help="only nodes that joined more than one surface form or name: one row per surface form and rule",
    )
    p.add_argument(
        "--entity", metavar="NAME", help="only nodes whose label, a surface form, Wikidata id or IRI matches"
    )
    _overrides_option(p, help_text="also say which entries of this override file the store does not reflect yet")
    _output_option(p)

    p = command(
        "export",
        cmd_export,
        "Write the graph for Gephi, networkx or pandas: GraphML, GEXF, or the events "
        "table as CSV, Parquet, JSON Lines.",
    )
    _store_option(p)
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="the file; format by suffix: .graphml .gexf (graph) .csv .parquet .jsonl (events table)",
    )
    p.add_argument("--format", choices=("graphml", "gexf", "csv", "parquet", "jsonl"), help="when not the suffix's")
    p.add_argument(
        "--type", metavar="TYPE", help="only this PLOVER event type (ASSAULT...) or relation type (allied_with...)"
    )
    p.add_argument("--modality", choices=("asserted", "planned", "possible", "negated"))
    p.add_argument(
        "--since",
        metavar="DATE",
        help="only reports whose time (else publication date) reaches DATE or later: YYYY[-MM[-DD]]",
    )
    p.add_argument("--until", metavar="DATE", help="only reports whose time (else publication date) starts by DATE")
    p.add_argument("--entity", metavar="IRI_OR_LABEL", help="only events and relations this entity takes part in")

    p = command("demo", cmd_demo, "Build the graph from data/ and write out/ (what `make demo` runs).")
    p.add_argument("--data", default="data")
    p.add_argument("--out-dir", default="out")
    _store_option(p)
    return parser


def _serve_options(p: argparse.ArgumentParser) -> None:
    d = api.ServeLimits()
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: %(default)s, loopback)")
    p.add_argument("--port", type=int, default=api.SERVE_PORT, help="(default: %(default)s)")
    p.add_argument(
        "--timeout",
        type=float,
        default=d.timeout_s,
        metavar="SECONDS",
        help="per-query time limit; the query is stopped and its worker replaced (default: %(default)g)",
    )
    p.add_argument(
        "--max-rows", type=int, default=d.max_rows, help="rows (or triples) per result (default: %(default)s)"
    )
    p.add_argument("--max-mb", type=int, default=d.max_mb, help="megabytes per result (default: %(default)s)")
    p.add_argument("--workers", type=int, default=d.workers, help="query worker processes (default: %(default)s)")
    p.add_argument(
        "--worker-memory",
        type=int,
        default=d.memory_mb,
        metavar="MB",
        help="memory cap (heap) of each worker, 0 for none (default: %(default)s)",
    )
    p.add_argument(
        "--queue",
        type=int,
        default=d.queue,
        help="requests that may wait for a worker; more get 503 (default: %(default)s)",
    )
    p.add_argument(
        "--client-share",
        type=int,
        default=d.client_share,
        metavar="N",
        help="workers one client address may hold at once (default: half of --workers)",
    )
    p.add_argument("--allow-remote", action="store_true", help="allow binding to a non-loopback address")
    p.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests whose Host header is NAME (e.g. behind a proxy); repeatable",
    )


def _store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store", default=api.DEFAULT_STORE, metavar="DIR", help=f"the graph store (default: ./{api.DEFAULT_STORE})"
    )


def _overrides_option(p: argparse.ArgumentParser, help_text: str | None = None) -> None:
    p.add_argument(
        "--overrides",
        metavar="FILE",
        help=help_text or "entity resolution overrides: split/merge entries, CSV (see README); default $KG_OVERRIDES",
    )


def _endpoint_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="run it on this SPARQL 1.1 query endpoint instead of --store (e.g. the server kg push "
        "loaded: Oxigraph http://HOST:7878/query, Virtuoso http://HOST:8890/sparql)",
    )


def _output_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def _progress(desc: str = "", unit: str = "article"):
    from tqdm import tqdm

    return tqdm(desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False)


# -- commands -------------------------------------------------------------------------------------


def cmd_extract(args) -> int:
    records = api.extract_articles(args.paths, jobs=args.jobs, overrides=args.overrides)
    with _progress(desc="extract") as bar:
        for record in records:
            bar.update(1)
            if args.format == "json":
                print(json.dumps(record.to_dict(explain=args.explain), ensure_ascii=False), flush=True)
            else:
                print(api.record_turtle(record))
    return 0


def cmd_build(args) -> int:
    with _progress(desc="build") as bar:
        summary = api.build(
            args.paths,
            store=args.store,
            out=args.out,
            jobs=args.jobs,
            overrides=args.overrides,
            progress=bar.update,
            on_problem=lambda problem: bar.write(f"warning: {printable(str(problem))}", file=sys.stderr),
            max_chars=args.max_chars,
            article_timeout=args.article_timeout,
            scheduler=args.scheduler,
            shard_dir=args.shard_dir,
        )
    for warning in summary.notices:
        print(f"warning: {warning}", file=sys.stderr)
    print(summary.to_text())
    return 0


def cmd_derive(args) -> int:
    print(api.derive(store=args.store).to_text())
    return 0


def cmd_sparql(args) -> int:
    if not (args.file or args.query):
        raise UserError("give a query text or -f FILE.rq")
    try:
        text = Path(args.file).read_text(encoding="utf-8") if args.file else args.query
    except UnicodeDecodeError as err:
        raise UserError(f"{args.file}: is not UTF-8 text ({err.reason} at byte {err.start}); save it as UTF-8") from err
    _print_result(api.sparql(text, store=args.store, endpoint=args.endpoint), args.format)
    return 0


def cmd_query(args) -> int:
    if not args.name:
        for q in api.named_queries():
            takes = ", ".join(p.name for p in q.params) or "-"
            print(f"{q.name:18} {q.description}  [params: {takes}]")
        return 0
    params = dict(_split_param(p) for p in args.param)
    result = api.run_query(
        args.name, params, store=args.store, limit=args.limit, offset=args.offset, endpoint=args.endpoint
    )
    _print_result(result, args.format)
    return 0


def _split_param(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise UserError(f"--param {text!r}: write it as KEY=VALUE")
    return key.strip(), value


def cmd_view(args) -> int:
    print(f"wrote {api.write_network(args.out, store=args.store, top=args.top, combined=args.combined)}")
    return 0


def cmd_timeline(args) -> int:
    print(f"wrote {api.write_timeline(args.out, store=args.store, lanes=args.lanes)}")
    return 0


def cmd_eval(args) -> int:
    if args.gold_dir is None and args.plover is None and args.polnear is None and args.re3d is None:
        raise UsageError("kg eval: give a GOLD_DIR, --plover FILE, --polnear DIR, --re3d FILE, or several")
    reports = []
    if args.gold_dir is not None:
        reports.append(api.evaluate_extractor(args.gold_dir))
    if args.plover is not None:
        reports.append(api.evaluate_plover(args.plover))
    if args.polnear is not None:
        reports.append(api.evaluate_attribution(args.polnear, limit=args.limit, split=args.split, jobs=args.jobs))
    if args.re3d is not None:
        reports.append(api.evaluate_re3d(args.re3d, split=args.split))
    for report in reports:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if args.json else report.to_text())
    return 0


def cmd_validate(args) -> int:
    with _progress(desc="validate") as bar:
        report = api.validate(store=args.store, progress=bar.update)
    print("\n".join(printable(line) for line in report.to_text().splitlines()))
    return 0 if report.conforms else 1


def cmd_serve(args) -> int:
    api.serve(
        args.store,
        host=args.host,
        port=args.port,
        allow_remote=args.allow_remote,
        allowed_hosts=tuple(args.allowed_host),
        timeout_s=args.timeout,
        max_rows=args.max_rows,
        max_mb=args.max_mb,
        workers=args.workers,
        memory_mb=args.worker_memory,
        queue=args.queue,
        client_share=args.client_share,
    )
    return 0


def cmd_push(args) -> int:
    with _progress(unit="triple") as bar:
        report = api.push(
            store=args.store,
            endpoint=args.endpoint,
            graph_store=args.graph_store,
            query_endpoint=args.query_endpoint,
            batch_size=args.batch_size,
            resume=not args.no_resume,
            user=args.user,
            password=args.password,
            timeout_s=args.timeout,
            progress=bar.update,
            on_total=lambda n: bar.reset(total=n),
        )
    print(report.to_text())
    return 0


def cmd_bench(args) -> int:
    result = api.bench(args.paths, limit=args.limit, jobs=args.jobs, repeat=args.repeat)
    print(json.dumps(result) if args.json else "\n".join(f"{key:30} {value}" for key, value in result.items()))
    return 0


def cmd_entities(args) -> int:
    pending = api.pending_overrides(args.overrides, store=args.store) if args.overrides else []  # checks the file
    listings = api.list_entities(store=args.store, merged=args.merged, entity=args.entity)
    if args.format == "json":
        print(json.dumps([e.to_dict() for e in listings], indent=2, ensure_ascii=False))
    else:
        _print_rows(*api.entity_rows(listings, merged=args.merged), args.format)
    for entry, articles in pending:
        target = f" {'from' if entry.action == 'split' else 'into'} {entry.entity!r}" if entry.entity else ""
        print(
            f"warning: {args.overrides}:{entry.line}: {entry.action} {entry.surface!r}{target} is not applied in "
            f"this store ({articles} article(s)); rebuild: kg build PATH --store {args.store} "
            f"--overrides {args.overrides}",
            file=sys.stderr,
        )
    return 0


def cmd_export(args) -> int:
    print(
        api.export(
            args.out,
            store=args.store,
            format=args.format,
            type=args.type,
            modality=args.modality,
            since=args.since,
            until=args.until,
            entity=args.entity,
        )
    )
    return 0


def cmd_demo(args) -> int:
    summary = api.demo(data=args.data, out_dir=args.out_dir, store=args.store)
    print(summary.to_text())
    return 0


def _print_result(result, fmt: str) -> None:
    if isinstance(result, bool):
        print("true" if result else "false")
        return
    if not isinstance(result, api.QueryResult):
        print(result.serialize(format="turtle"))
        return
    _print_rows(result.columns, result.to_python(), fmt)


def _print_rows(columns, rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
        print(buf.getvalue(), end="")
    else:
        print(_table(columns, rows))


def _table(columns, rows, width: int = 60) -> str:
    def cell(v) -> str:
        s = "" if v is None else printable(str(v))
        return s if len(s) <= width else s[: width - 1] + "…"

    cells = [[cell(r[c]) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
