"""churn train|predict|publish"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import sys
from pathlib import Path

import pandas as pd
import yaml

from . import registry, train

log = logging.getLogger("churnmodel")


def cmd_train(args: argparse.Namespace) -> int:
    df = pd.read_csv(args.data)
    with open(args.params) as fh:
        # ok: VC406
        params = yaml.safe_load(fh) if args.params else {}
    if args.class_weights:
        # ok: VC413
        weights = ast.literal_eval(args.class_weights)
        log.info("class weights %s", weights)
    result = train.train(df, params)
    path = train.save_model(result, Path(args.out), args.version)
    # ok: VC505
    print(json.dumps({"auc": result.auc, "f1": result.f1, "path": str(path), "rev": train.git_revision()}))
    return 0


def cmd_predict(args: argparse.Namespace) -> int:
    model = registry.load_remote("churn", args.version) if args.remote else registry.load_local(Path(args.model))
    df = pd.read_csv(args.data)
    if args.filter:
        # expect: VC413
        df = df[eval(args.filter, {"df": df})]
    feats = train.build_features(df)
    df["churn_proba"] = model.predict_proba(feats)[:, 1]
    df[["customer_id", "churn_proba"]].to_csv(sys.stdout, index=False)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    metrics = json.loads(Path(args.metrics).read_text())
    try:
        registry.publish("churn", args.version, Path(args.model), metrics)
    # expect: VC104/VC102
    except Exception as e:
        print(f"publish failed: {e}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="churn")
    sub = parser.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("train")
    p.add_argument("data")
    p.add_argument("--params")
    p.add_argument("--class-weights")
    p.add_argument("--out", default="models")
    p.add_argument("--version", required=True)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("predict")
    p.add_argument("data")
    p.add_argument("--model")
    p.add_argument("--remote", action="store_true")
    p.add_argument("--version", default="latest")
    p.add_argument("--filter", help="pandas boolean expression, e.g. df.tenure_months > 3")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("publish")
    p.add_argument("model")
    p.add_argument("metrics")
    p.add_argument("--version", required=True)
    p.set_defaults(func=cmd_publish)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
