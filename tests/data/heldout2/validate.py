"""Consistency check for the heldout2 gold set (run: .venv/bin/python tests/data/heldout2/validate.py).

Checks, per document:
  - corpus/gold pairing, JSON parses, "doc" == txt filename, stem == index + "_" + sha256(bytes)[:16]
  - every text / mention / name / evidence / amount_text is an exact substring of the document
  - amounts: value parsed from the text (Arabic or Chinese numerals, 万/亿 scale) equals `value`, currency
    matches the unit (a bare range bound such as "5亿" takes the currency of the next amount);
    the amount texts occur in the document in the listed order, and the listed sequence equals the
    sequence of amount spans found by a regex scan of the document (so no occurrence is missing)
  - projects: amount_yuan equals the value of a CNY amount with the same text; company / district
    refer to annotated canonicals; status in the README enum
  - companies: canonical is among mentions; districts: kind enum, admin_code 6 digits for
    district/county/county_city, null for zones
  - metrics: subject is a district canonical or a city named in the doc; the value is written in the text;
    period format
Exit status 1 on any error.
"""

import glob
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CURRENCY = {"元": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "日元": "JPY"}
SCALE = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
CN_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
STATUS = {"signed", "landed", "started", "completed", "operating", "planned", None}
QUAL = {"over", "about", "under", None}
KINDS = {"district", "county_city", "county", "new_area", "zone"}
PERIOD = re.compile(r"^\d{4}(Q[1-4]|-\d{2}(/\d{4}-\d{2})?)?$")
AMOUNT_RE = re.compile(
    r"^(?P<num>[0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十百千]+)?(?P<scale>万亿|亿|万)?(?P<cur>美元|欧元|港元|日元|元)?$"
)
# scan: full amounts, plus bare lower bounds of ranges ("5亿—10亿元")
SCAN_RE = re.compile(
    r"(?:[0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十百千]+)?(?:万亿|亿|万)(?:美元|欧元|港元|日元|元)"
    r"|[0-9]+(?:\.[0-9]+)?(?:万亿|亿|万)(?=[—\-～~至到])"
)


def cn_number(s):
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIGIT:
            cur = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            total += (cur or 1) * CN_UNIT[ch]
            cur = 0
        else:
            raise ValueError(s)
    return total + cur


def parse_amount(text):
    m = AMOUNT_RE.match(text)
    if not m or not m.group("scale") and not m.group("cur"):
        raise ValueError(f"unparseable amount {text!r}")
    num = m.group("num")
    if num is None:
        n = 1
    elif num[0].isdigit():
        n = float(num)
    else:
        n = cn_number(num)
    value = round(n * SCALE[m.group("scale") or ""], 6)
    cur = CURRENCY[m.group("cur")] if m.group("cur") else None
    return value, cur


def number_in_text(value, text):
    """Is the metric value written in the metric text (Arabic or Chinese numerals)?"""
    for tok in re.findall(r"[0-9]+(?:\.[0-9]+)?", text):
        if abs(float(tok) - value) < 1e-9:
            return True
    for tok in re.findall(r"[零一二两三四五六七八九十百千]+", text):
        try:
            if cn_number(tok) == value:
                return True
        except ValueError:
            pass
    return False


def check(gold_path, errors):
    def err(msg):
        errors.append(f"{os.path.basename(gold_path)}: {msg}")

    try:
        g = json.load(open(gold_path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        err(f"JSON does not parse: {e}")
        return None
    stem = os.path.basename(gold_path)[:-5]
    txt_path = os.path.join(HERE, "corpus", stem + ".txt")
    if not os.path.exists(txt_path):
        err("no corpus file")
        return None
    raw = open(txt_path, "rb").read()
    text = raw.decode("utf-8")
    idx, _, h = stem.partition("_")
    if not (re.fullmatch(r"\d{3}", idx) and h == hashlib.sha256(raw).hexdigest()[:16]):
        err(f"filename does not match hash (expected {idx}_{hashlib.sha256(raw).hexdigest()[:16]})")
    if g.get("doc") != stem + ".txt":
        err(f"doc field {g.get('doc')!r} != {stem}.txt")
    for key in ("published", "projects", "companies", "districts", "amounts", "metrics"):
        if key not in g:
            err(f"missing key {key}")
    if g.get("published") is not None and not re.fullmatch(r"\d{4}-\d{2}", g["published"]):
        err(f"bad published {g['published']!r}")

    def sub(s, where):
        if s is not None and s not in text:
            err(f"{where}: {s!r} is not a substring of the document")

    # companies / districts
    comp = set()
    for c in g["companies"]:
        comp.add(c["canonical"])
        if c["canonical"] not in c["mentions"]:
            err(f"company {c['canonical']!r}: canonical not among mentions")
        for m in c["mentions"]:
            sub(m, f"company {c['canonical']} mention")
    dist = set()
    cities = set()
    for d in g["districts"]:
        dist.add(d["canonical"])
        cities.add(d.get("city"))
        for m in d["mentions"]:
            sub(m, f"district {d['canonical']} mention")
        if d["kind"] not in KINDS:
            err(f"district {d['canonical']}: bad kind {d['kind']!r}")
        code = d["admin_code"]
        if d["kind"] in ("district", "county", "county_city"):
            if not (isinstance(code, str) and re.fullmatch(r"\d{6}", code)):
                err(f"district {d['canonical']}: admin_code must be 6 digits, got {code!r}")
        elif d["kind"] == "zone" and code is not None:
            err(f"zone {d['canonical']}: admin_code must be null")
    if len(comp) != len(g["companies"]):
        err("duplicate company canonical")
    if len(dist) != len(g["districts"]):
        err("duplicate district canonical")

    # amounts
    amounts = g["amounts"]
    parsed = []
    for i, a in enumerate(amounts):
        sub(a["text"], f"amount[{i}]")
        if a["qualifier"] not in QUAL:
            err(f"amount[{i}] bad qualifier {a['qualifier']!r}")
        try:
            parsed.append(parse_amount(a["text"]))
        except ValueError as e:
            err(f"amount[{i}]: {e}")
            parsed.append((None, None))
    for i, (a, (val, cur)) in enumerate(zip(amounts, parsed, strict=True)):
        if cur is None:  # bare range bound: currency of the next amount
            cur = next((c for _, c in parsed[i + 1 :] if c), None)
        if val is not None and abs(val - a["value"]) > 1e-6 * max(1, val):
            err(f"amount[{i}] {a['text']!r}: value {a['value']} != parsed {val}")
        if cur != a["currency"]:
            err(f"amount[{i}] {a['text']!r}: currency {a['currency']} != {cur}")
    pos = 0
    for i, a in enumerate(amounts):
        j = text.find(a["text"], pos)
        if j < 0:
            err(f"amount[{i}] {a['text']!r} not found after offset {pos} (order)")
            break
        pos = j + len(a["text"])
    scanned = [m.group(0) for m in SCAN_RE.finditer(text)]
    listed = [a["text"] for a in amounts]
    if scanned != listed:
        err(f"amount sequence differs from document scan:\n    scan  {scanned}\n    gold  {listed}")

    # projects
    cny = {}
    for a in amounts:
        if a["currency"] == "CNY":
            cny.setdefault(a["text"], set()).add(a["value"])
    for i, p in enumerate(g["projects"]):
        w = f"project[{i}] {p['name'] or p['company']}"
        sub(p["name"], w + " name")
        sub(p["evidence"], w + " evidence")
        sub(p["amount_text"], w + " amount_text")
        if p["name"] is None and p["company"] is None:
            err(w + ": needs a name or a company")
        if p["company"] is not None and p["company"] not in comp:
            err(w + f": company {p['company']!r} not a company canonical")
        if p["district"] is not None and p["district"] not in dist:
            err(w + f": district {p['district']!r} not a district canonical")
        if p["status"] not in STATUS:
            err(w + f": bad status {p['status']!r}")
        if (p["amount_text"] is None) != (p["amount_yuan"] is None):
            err(w + ": amount_text and amount_yuan must both be set or both null")
        if p["amount_text"] is not None:
            if p["amount_text"] not in cny:
                err(w + f": amount_text {p['amount_text']!r} is not a CNY amount entry")
            elif p["amount_yuan"] not in cny[p["amount_text"]]:
                err(w + f": amount_yuan {p['amount_yuan']} != CNY amount value {cny[p['amount_text']]}")
            if p["amount_text"] not in p["evidence"]:
                err(w + ": amount_text not inside evidence")
        if p["name"] is not None and p["name"] not in p["evidence"]:
            err(w + ": name not inside evidence")

    # metrics
    for i, m in enumerate(g["metrics"]):
        w = f"metric[{i}] {m['text']!r}"
        sub(m["text"], w)
        if m["subject"] not in dist and m["subject"] not in cities:
            err(w + f": subject {m['subject']!r} is neither a district canonical nor a city")
        if not number_in_text(m["value"], m["text"]):
            err(w + f": value {m['value']} not written in text")
        if m["unit"] not in m["text"]:
            err(w + f": unit {m['unit']!r} not in text")
        if m["period"] is not None and not PERIOD.match(m["period"]):
            err(w + f": bad period {m['period']!r}")
    return g


def main():
    errors = []
    golds = sorted(glob.glob(os.path.join(HERE, "gold", "*.json")))
    txts = sorted(glob.glob(os.path.join(HERE, "corpus", "*.txt")))
    if [os.path.basename(p)[:-5] for p in golds] != [os.path.basename(p)[:-4] for p in txts]:
        errors.append("corpus/ and gold/ stems differ")
    print(f"{'doc':24} {'chars':>5} {'han':>4} proj comp dist amt  metr")
    for p in golds:
        g = check(p, errors)
        if g:
            t = open(os.path.join(HERE, "corpus", g["doc"]), encoding="utf-8").read()
            han = len(re.findall(r"[\u4e00-\u9fff]", t))
            if not 900 <= han <= 1800:
                errors.append(f"{g['doc']}: {han} Chinese characters, outside 900–1800")
            print(
                f"{g['doc'][:-4]:24} {len(t):5} {han:4} {len(g['projects']):4} {len(g['companies']):4} "
                f"{len(g['districts']):4} {len(g['amounts']):4} {len(g['metrics']):5}"
            )
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
