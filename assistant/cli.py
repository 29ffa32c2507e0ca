"""`bundlewise` command line: serve, catalog, search and eval, per the DESIGN.md contract."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from assistant.errors import BundlewiseError, InvalidInputError
from assistant.settings import get_settings

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `bundlewise` console script; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except BundlewiseError as error:
        print(f"error: {error.detail}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bundlewise", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="start the HTTP API (and UI) on the embedded defaults")
    serve.add_argument("--catalog", help="catalog file (default: the bundled demo catalog)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(handler=_serve)

    catalog = commands.add_parser("catalog", help="validate, import or convert catalog files")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", required=True)
    validate = catalog_commands.add_parser("validate", help="check a catalog file (exit 0 valid, 2 invalid)")
    validate.add_argument("file")
    validate.set_defaults(handler=_catalog_validate)
    load = catalog_commands.add_parser("import", help="validate a catalog and make it the served one")
    load.add_argument("file")
    load.set_defaults(handler=_catalog_import)
    convert = catalog_commands.add_parser("convert", help="convert a third-party catalog to JSONL")
    convert.add_argument("source_format", choices=["dummyjson", "sephora"])
    convert.add_argument("source")
    convert.add_argument("output")
    convert.set_defaults(handler=_catalog_convert)

    search = commands.add_parser("search", help="hybrid product search")
    search.add_argument("query", help="the query, or - to read one query per line from stdin")
    search.add_argument("--catalog")
    search.add_argument("--top-k", type=int, default=10)
    search.add_argument("--max-price", type=_decimal)
    search.add_argument("--min-price", type=_decimal)
    search.add_argument("--category", action="append", default=[], help="repeatable; any of them matches")
    search.add_argument("--brand", action="append", default=[], help="repeatable; any of them matches")
    search.add_argument("--exclude-brand", action="append", default=[])
    search.add_argument("--in-stock", action="store_true", help="only products with stock")
    search.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    search.add_argument("--json", action="store_true", help="print JSON (one object per query)")
    search.set_defaults(handler=_search)

    evaluate = commands.add_parser("eval", help="evaluations that print figures")
    eval_commands = evaluate.add_subparsers(dest="eval_command", required=True)
    retrieval_eval = eval_commands.add_parser("retrieval", help="nDCG@10/Recall@10 on real labelled queries")
    retrieval_eval.add_argument("--data-dir", default="../shared/data")
    retrieval_eval.add_argument("--json", action="store_true")
    retrieval_eval.set_defaults(handler=_eval_retrieval)
    return parser


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _serve(args: argparse.Namespace) -> int:
    from assistant.api.server import serve

    serve(get_settings(), catalog=args.catalog, host=args.host, port=args.port)
    return 0


def _warn_unknown_fields(path: str) -> None:
    from retrieval.catalog.loader import unknown_fields

    extra = sorted(unknown_fields(path))
    if extra:
        print(f"warning: {path}: ignoring fields not in the contract: {', '.join(extra)}", file=sys.stderr)


def _catalog_validate(args: argparse.Namespace) -> int:
    from retrieval.catalog import load_catalog

    catalog = load_catalog(args.file)
    _warn_unknown_fields(args.file)
    print(f"{args.file}: valid, {len(catalog)} products, content hash {catalog.content_hash[:16]}")
    return 0


def _catalog_import(args: argparse.Namespace) -> int:
    from assistant.components import catalog_store

    catalog = catalog_store(get_settings()).import_file(args.file)
    _warn_unknown_fields(args.file)
    print(f"imported {len(catalog)} products from {args.file} (content hash {catalog.content_hash[:16]})")
    return 0


def _catalog_convert(args: argparse.Namespace) -> int:
    from retrieval.catalog.converters import CONVERTERS

    source = Path(args.source)
    if not source.is_file():
        raise InvalidInputError(f"no such file: {source}")
    records = list(CONVERTERS[args.source_format](source))
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    Path(args.output).write_text(lines, encoding="utf-8")
    print(f"wrote {len(records)} products to {args.output}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from assistant.components import build_retriever, open_catalog
    from retrieval.filters import SearchFilters
    from retrieval.search import MAX_TOP_K

    if not 1 <= args.top_k <= MAX_TOP_K:  # checked once, before the model loads
        raise InvalidInputError(f"top_k must be between 1 and {MAX_TOP_K}, got {args.top_k}")
    settings = get_settings()
    filters = SearchFilters(
        max_price=args.max_price,
        min_price=args.min_price,
        categories=tuple(args.category),
        brands=tuple(args.brand),
        exclude_brands=tuple(args.exclude_brand),
        in_stock=args.in_stock,
    )
    retriever = build_retriever(settings, open_catalog(settings, args.catalog))
    retriever.warm_up(show_progress=sys.stderr.isatty())
    for query in _queries(args.query):
        try:
            hits = retriever.search(query, top_k=args.top_k, filters=filters, mode=args.mode)
        except InvalidInputError as error:
            if args.query != "-":
                raise
            _emit({"query": query, "error": error.to_problem()}, as_json=True)
            continue
        _emit(_search_payload(query, hits), as_json=args.json)
    return 0


def _search_payload(query: str, hits: list[Any]) -> dict[str, Any]:
    return {
        "query": query,
        "results": [
            {
                "product_id": hit.product.id,
                "title": hit.product.title,
                "brand": hit.product.brand,
                "category": hit.product.category,
                "price": str(hit.product.price),
                "currency": hit.product.currency,
                "score": round(hit.score, 6),
            }
            for hit in hits
        ],
    }


def _eval_retrieval(args: argparse.Namespace) -> int:
    from retrieval.evaluation.run import evaluate_retrieval

    report = evaluate_retrieval(Path(args.data_dir), settings=get_settings())
    _emit(report, as_json=True)
    return 0


def _queries(argument: str) -> Iterator[str]:
    if argument != "-":
        yield argument
        return
    for line in sys.stdin:
        if line.strip():
            yield line.rstrip("\n")


def _emit(payload: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(payload, ensure_ascii=False), flush=True)
        return
    print(f"# {payload['query']}")
    for rank, result in enumerate(payload.get("results", []), start=1):
        price = f"{result['price']:>10} {result['currency']}"
        print(f"{rank:>3}. {price}  {result['title']}  ({result['score']:.3f})")
