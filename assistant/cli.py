"""`bundlewise` command line: serve, catalog, search and eval, per the DESIGN.md contract."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from assistant.errors import BundlewiseError, InvalidInputError
from assistant.experiments.commands import add_experiments_command, add_hard_examples_command
from assistant.explain.commands import add_eval_command as add_explainer_eval_command
from assistant.explain.commands import add_train_command as add_explainer_train_command
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

    intent = commands.add_parser("intent", help="understand a message: intent, confidence, slots")
    intent.add_argument("text", help="the message, or - to read one message per line from stdin")
    intent.add_argument("--catalog")
    intent.add_argument("--rules", action="store_true", help="use the rules baseline instead of the model")
    intent.add_argument("--json", action="store_true")
    intent.set_defaults(handler=_intent)

    train = commands.add_parser("train-intent", help="fine-tune the intent + slot model (LoRA on MiniLM)")
    train.add_argument("--catalog", help="catalog whose vocabulary the generated utterances use")
    train.add_argument("--extra", action="append", default=[], help="extra annotated JSONL (repeatable)")
    train.add_argument("--epochs", type=int, help="passes over the data (default 4)")
    train.add_argument("--max-steps", type=int, help="stop after this many steps (smoke runs)")
    train.add_argument("--output", help="artefact directory (default: the configured or shipped one)")
    train.add_argument(
        "--validation",
        action="store_true",
        help="hold back the validation split and report the model's scores on it (needs --output)",
    )
    train.set_defaults(handler=_train_intent)
    add_explainer_train_command(commands)

    bundle = commands.add_parser("bundle", help="one turn: priced, explained bundles for a request")
    bundle.add_argument("text", help="the request, or - to read one request per line from stdin")
    bundle.add_argument("--catalog")
    bundle.add_argument("--json", action="store_true")
    bundle.set_defaults(handler=_bundle)

    chat = commands.add_parser("chat", help="chat interactively, or run scripted conversations")
    chat.add_argument("--catalog")
    chat.add_argument("--script", action="append", default=[], help="YAML script (repeatable)")
    chat.add_argument("--url", help="run the scripts against a running server instead of in-process")
    chat.add_argument("--site-key", default="pk_demo")
    chat.set_defaults(handler=_chat)

    evaluate = commands.add_parser("eval", help="evaluations that print figures")
    eval_commands = evaluate.add_subparsers(dest="eval_command", required=True)
    retrieval_eval = eval_commands.add_parser("retrieval", help="nDCG@10/Recall@10 on real labelled queries")
    retrieval_eval.add_argument("--data-dir", default="../shared/data")
    retrieval_eval.add_argument("--json", action="store_true")
    retrieval_eval.set_defaults(handler=_eval_retrieval)
    intent_eval = eval_commands.add_parser("intent", help="intent accuracy and slot F1, model vs rules")
    intent_eval.add_argument(
        "--data", help="JSONL of {text, intent, slots} or markup (default: held-out set)"
    )
    intent_eval.add_argument(
        "--against", help="score a second annotation of the same texts instead of the model (agreement)"
    )
    intent_eval.add_argument("--catalog")
    intent_eval.add_argument("--json", action="store_true")
    intent_eval.set_defaults(handler=_eval_intent)
    bundles_eval = eval_commands.add_parser("bundles", help="real BundleRec bundles: ours vs retrieval-only")
    bundles_eval.add_argument("--data", default="../shared/data/bundlerec_sigir22", help="root or one domain")
    bundles_eval.add_argument("--seed", type=int, default=13)
    bundles_eval.add_argument("--test-share", type=float, default=0.3)
    bundles_eval.add_argument("--max-test", type=int, help="at most this many test bundles per domain")
    bundles_eval.add_argument("--json", action="store_true")
    bundles_eval.set_defaults(handler=_eval_bundles)
    pricing_eval = eval_commands.add_parser("pricing", help="market simulator: ours vs baselines and oracle")
    pricing_eval.add_argument("--steam", help="bundles in the Steam bundle_data.json format")
    pricing_eval.add_argument("--data-dir", default="../shared/data", help="UCI / Steam data sets if present")
    pricing_eval.add_argument("--seed", type=int, default=0)
    pricing_eval.add_argument("--shoppers", type=int, default=200, help="per bundle, in each of fit and test")
    pricing_eval.add_argument("--json", action="store_true")
    pricing_eval.set_defaults(handler=_eval_pricing)
    add_explainer_eval_command(eval_commands)
    add_experiments_command(commands)
    add_hard_examples_command(commands)
    return parser


def _engine(args: argparse.Namespace) -> Any:
    from assistant.components import build_chat_engine, open_catalog

    settings = get_settings()
    engine = build_chat_engine(settings, open_catalog(settings, args.catalog))
    engine.warm_up()
    return engine


def _bundle(args: argparse.Namespace) -> int:
    engine = _engine(args)
    texts = sys.stdin if args.text == "-" else [args.text]
    for line in texts:
        text = line.rstrip("\n")
        if args.text == "-" and not text.strip():
            continue
        result = engine.turn(text)
        body = result.to_json()
        output = {"intent": body["intent"], "bundles": body["bundles"], "reply": body["reply"]}
        if args.json:
            print(json.dumps(output, ensure_ascii=False), flush=True)
        else:
            print(result.reply)
            for view in result.bundles:
                items = ", ".join(item.title for item in view.items)
                print(
                    f"  [{view.label}] {view.bundle_price} {view.currency} (list {view.list_price}): {items}"
                )
                print(f"    {view.explanation}")
    return 0


def _chat(args: argparse.Namespace) -> int:
    from assistant.conversations.runner import engine_sender, format_report, http_sender, run_script
    from assistant.conversations.script import load_script

    if not args.script:
        return _chat_interactive(_engine(args))
    scripts = [load_script(Path(path)) for path in args.script]
    send = http_sender(args.url, site_key=args.site_key) if args.url else engine_sender(_engine(args))
    passed = failed = 0
    for script in scripts:
        report = run_script(script, send)
        print(format_report(report))
        passed, failed = passed + report.passed, failed + report.failed
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def _chat_interactive(engine: Any) -> int:
    conversation_id = None
    print("Bundlewise chat: type a message, empty line or Ctrl-D to quit.")
    while True:
        try:
            message = input("you> ")
        except EOFError:
            return 0
        if not message.strip():
            return 0
        try:
            result = engine.turn(message, conversation_id=conversation_id)
        except BundlewiseError as error:
            print(f"! {error}")
            continue
        conversation_id = result.conversation_id
        print(f"bundlewise> {result.reply}")
        for number, view in enumerate(result.bundles, start=1):
            print(f"  {number}. [{view.label}] {view.bundle_price} {view.currency} (save {view.savings})")
            for item in view.items:
                print(f"     - {item.title} ({item.unit_price})")
            print(f"     {view.explanation}")


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


def _intent(args: argparse.Namespace) -> int:
    from assistant.components import build_intent_parser, open_catalog
    from assistant.intent.parser import MessageParser
    from assistant.intent.rules import RulesParser
    from assistant.intent.vocabulary import SlotVocabulary

    settings = get_settings()
    catalog = open_catalog(settings, args.catalog)
    parser: MessageParser = (
        RulesParser(vocabulary=SlotVocabulary.from_catalog(catalog))
        if args.rules
        else build_intent_parser(settings, catalog)
    )
    parser.warm_up()
    for text in _queries(args.text):
        try:
            payload = parser.parse_many([text])[0].to_json()
        except InvalidInputError as error:
            if args.text != "-":
                raise
            payload = {"error": error.to_problem()}
        print(
            json.dumps({"text": text, **payload} if args.text == "-" else payload, ensure_ascii=False),
            flush=True,
        )
    return 0


def _train_intent(args: argparse.Namespace) -> int:
    from assistant.components import open_catalog, train_intent
    from assistant.intent.artifact import shipped_artifact_dir
    from assistant.intent.training.train import TrainingOptions

    settings = get_settings()
    extra = [Path(path) for path in args.extra]
    for path in extra:
        if not path.is_file():
            raise InvalidInputError(f"no such file: {path}")
    if args.validation and not args.output:  # a model trained on less data must not replace the shipped one
        raise InvalidInputError("--validation trains on less than the full data: give --output DIR")
    output = Path(args.output) if args.output else settings.intent.artifact_dir or shipped_artifact_dir()
    options = TrainingOptions(max_steps=args.max_steps)
    if args.epochs is not None:
        options = dataclasses.replace(options, epochs=args.epochs)
    figures = train_intent(
        settings,
        open_catalog(settings, args.catalog),
        output_dir=output,
        extra_files=extra,
        options=options,
        validation=args.validation,
    )
    print(json.dumps({"output": str(output), **figures}, ensure_ascii=False, default=str))
    return 0


def _eval_intent(args: argparse.Namespace) -> int:
    from assistant.components import build_intent_parser, open_catalog
    from assistant.intent.evaluation import AnnotationParser, evaluate_parser, read_gold
    from assistant.intent.rules import RulesParser
    from assistant.intent.training.data import data_file
    from assistant.intent.training.dataset import HELD_OUT

    settings = get_settings()
    catalog = open_catalog(settings, args.catalog)
    parser = build_intent_parser(settings, catalog)
    data = Path(args.data) if args.data else data_file(HELD_OUT)
    if not data.is_file():
        raise InvalidInputError(f"no such file: {data}")
    gold = read_gold(data, parser.vocabulary)
    if args.against:
        other = Path(args.against)
        if not other.is_file():
            raise InvalidInputError(f"no such file: {other}")
        agreement = evaluate_parser(AnnotationParser(read_gold(other, parser.vocabulary)), gold)
        _emit({"data": str(data), "against": str(other), "agreement": agreement}, as_json=True)
        return 0
    report = {
        "data": str(data),
        "model": evaluate_parser(parser, gold),
        "rules_baseline": evaluate_parser(RulesParser(vocabulary=parser.vocabulary), gold),
    }
    _emit(report, as_json=True)
    return 0


def _eval_pricing(args: argparse.Namespace) -> int:
    from assistant.evaluation.pricing import evaluate_pricing

    if args.shoppers < 20:
        raise InvalidInputError(f"shoppers: need at least 20 per bundle to fit, got {args.shoppers}")
    steam = Path(args.steam) if args.steam else None
    if steam is not None and not steam.is_file():
        raise InvalidInputError(f"no such file: {steam}")
    report = evaluate_pricing(
        get_settings(), data_dir=Path(args.data_dir), steam_file=steam, seed=args.seed, shoppers=args.shoppers
    )
    _emit(report, as_json=True)
    return 0


def _eval_bundles(args: argparse.Namespace) -> int:
    from assistant.evaluation.bundles import EvaluationOptions, evaluate_bundles

    if not 0 < args.test_share < 1:
        raise InvalidInputError(f"--test-share must be between 0 and 1, got {args.test_share}")
    options = EvaluationOptions(seed=args.seed, test_share=args.test_share, max_test_bundles=args.max_test)
    report = evaluate_bundles(Path(args.data), settings=get_settings(), options=options)
    _emit(report, as_json=True)
    return 0


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
