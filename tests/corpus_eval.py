"""Score stratlint against the evaluation corpus (tests/corpus).

``tests/corpus/expected.yaml`` lists, for each plan, the findings a
strategist who has read the five seed articles expects: ``{code, line,
why}``. stratlint is run on the corpus as a user runs it (``check
--isolated``: the built-in rules with their default settings), and a
finding agrees with an expected one when its file, code and line are the
same. Precision is the share of reported findings that were expected;
recall the share of expected findings that were reported.

    python -m tests.corpus_eval          # print the score
    python -m tests.corpus_eval --write  # write src/stratlint/evaluation.json (docs/rules.md shows it)

``DISAGREEMENTS`` lists the few findings where stratlint and the corpus
knowingly differ, each with its reason; tests/test_corpus.py holds
stratlint to the corpus except for these, and the evaluation file to the
score computed here.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
EVALUATION = ROOT / "src" / "stratlint" / "evaluation.json"

#: (file, code, line, kind, reason); kind is "missed" (expected, not
#: reported) or "extra" (reported, not expected)
DISAGREEMENTS: list[tuple[str, str, int, str, str]] = [
    ("gelateria-it.strategy.yaml", "SL206", 57, "missed",
     "stratlint ships no Italian vocabularies, so an Italian plan is read with the English ones and 'Mi piace' "
     "(likes) is not seen as vanity; a team writing in Italian extends 'vanity' for it in config"),
]

Key = tuple  # (file, code, line)


def expected() -> Counter:
    data = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    return Counter((name, item["code"], item["line"]) for name, items in data.items() for item in items or [])


def reported() -> Counter:
    from click.testing import CliRunner

    from stratlint.cli import cli

    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", "--fail-on", "never", str(CORPUS)])
    if result.exit_code != 0:
        raise RuntimeError(f"stratlint failed on the corpus: {result.output}")
    report = json.loads(result.stdout)
    return Counter((Path(f["path"]).name, f["code"], f["line"]) for f in report["findings"])


def score(want: Counter, got: Counter) -> dict:
    matched = want & got
    codes = sorted({k[1] for k in (*want, *got)})

    def numbers(keys_want: Counter, keys_got: Counter) -> dict:
        m = sum((keys_want & keys_got).values())
        e, r = sum(keys_want.values()), sum(keys_got.values())
        return {"expected": e, "reported": r, "matched": m,
                "precision": round(m / r, 4) if r else 1.0, "recall": round(m / e, 4) if e else 1.0}

    return {
        "files": len(list(CORPUS.glob("*.strategy.yaml"))),
        "total": numbers(want, got),
        "rules": {code: {k: v for k, v in numbers(
            Counter({k: n for k, n in want.items() if k[1] == code}),
            Counter({k: n for k, n in got.items() if k[1] == code})).items() if k in ("expected", "reported", "matched")}
            for code in codes},
        "disagreements": [{"file": f, "code": c, "line": line, "kind": kind, "reason": why}
                          for f, c, line, kind, why in DISAGREEMENTS],
        "_matched": sum(matched.values()),
    }


def evaluation() -> dict:
    data = score(expected(), reported())
    data.pop("_matched")
    return data


def main(argv: list[str]) -> int:
    data = evaluation()
    total = data["total"]
    print(f"{data['files']} plans, {total['expected']} expected, {total['reported']} reported, "
          f"{total['matched']} matched: precision {total['precision']:.1%}, recall {total['recall']:.1%}")
    if "--write" in argv:
        EVALUATION.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {EVALUATION.relative_to(ROOT)}; now run: stratlint rules --format markdown > docs/rules.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
