#!/usr/bin/env python3
"""Scores `medsift context` output against the NegEx / ConText kit rows (../shared/data/negex/dev.tsv).

Usage (from the repository root):
  tail -n +2 ../shared/data/negex/dev.tsv | cut -f1,4,5,6 | ./medsift context --tsv - > /tmp/context.tsv
  python3 scripts/score_context.py ../shared/data/negex/dev.tsv /tmp/context.tsv

Prints precision / recall / F1 of the negated class, of each temporality class, and experiencer accuracy.
"""
import sys


def prf(gold, pred, cls):
    tp = sum(1 for g, p in zip(gold, pred) if g == cls and p == cls)
    fp = sum(1 for g, p in zip(gold, pred) if g != cls and p == cls)
    fn = sum(1 for g, p in zip(gold, pred) if g == cls and p != cls)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp + fn


def main(gold_path, pred_path):
    gold = {}
    with open(gold_path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            c = line.rstrip("\n").split("\t")
            gold[c[col["row"]]] = (c[col["negation"]], c[col["temporality"]], c[col["experiencer"]])
    pred = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            pred[c[0]] = (c[1], c[2], c[3])
    missing = [k for k in gold if k not in pred]
    if missing:
        sys.exit(f"{len(missing)} gold rows have no prediction, e.g. {missing[:3]}")
    keys = sorted(gold, key=int)
    g = [gold[k] for k in keys]
    p = [pred[k] for k in keys]
    print(f"rows: {len(keys)}")
    print("negated: P %.3f R %.3f F1 %.3f (n=%d)" % prf([x[0] for x in g], [x[0] for x in p], "negated"))
    for cls in ("recent", "historical", "hypothetical"):
        print(f"{cls}: P %.3f R %.3f F1 %.3f (n=%d)" % prf([x[1] for x in g], [x[1] for x in p], cls))
    acc = sum(1 for a, b in zip(g, p) if a[2] == b[2]) / len(keys)
    print(f"experiencer accuracy: {acc:.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
