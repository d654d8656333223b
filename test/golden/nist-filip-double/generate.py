#!/usr/bin/env python3
"""Exact least squares for NIST's Filip model on the design a double-precision program can hold.

NIST certifies Filip for the exact powers x, x^2, ..., x^10 of the decimal x values. A program
that receives the design as doubles receives each power rounded (relative error up to 2^-53), and
Filip's design is so ill-conditioned that this rounding alone moves the least-squares answer in
its 8th digit. This script builds the design as the correctly rounded powers of each double x
(platform-independent: exact rational power, then one rounding), solves that least-squares
problem exactly (Python `fractions`), and reports the answer and its agreement (log relative
error) with NIST's certified values: the best any solver can do on that input.

Usage: python3 test/golden/nist-filip-double/generate.py > test/golden/nist-filip-double/filip-double.json
       python3 test/golden/nist-filip-double/generate.py --spread   (the bound over 20 designs whose
       powers are rounded up or down at random: every faithful rounding of the design)
"""
import random
import json
import math
import sys
from decimal import Decimal, getcontext
from fractions import Fraction
from pathlib import Path

getcontext().prec = 60
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / 'fixtures' / 'nist'))
from build import solve  # noqa: E402  (exact Gauss-Jordan elimination over the rationals)


def nearest_double(q):
    return float(Decimal(q.numerator) / Decimal(q.denominator))


def lre(value, certified):
    if value == certified:
        return 15.0
    return min(15.0, -math.log10(abs(value - certified) / abs(certified)))


def faithful(q, rng):
    """One of the two doubles around q, chosen at random (q itself when it is a double)."""
    v = nearest_double(q)
    if Fraction(v) == q:
        return v
    other = math.nextafter(v, math.inf if Fraction(v) < q else -math.inf)
    return v if rng.random() < 0.5 else other


def exact_fit(design, d):
    rows = [[Fraction(1)] + [Fraction(v) for v in r] for r in design]
    ys = [Fraction(float(v)) for v in d['y']]
    n, p = len(rows), len(rows[0])
    xtx = [[sum(r[i] * r[j] for r in rows) for j in range(p)] for i in range(p)]
    xty = [sum(r[i] * y for r, y in zip(rows, ys)) for i in range(p)]
    beta, diag = solve(xtx, xty)
    rss = sum((y - sum(b * v for b, v in zip(beta, r))) ** 2 for r, y in zip(rows, ys))
    s2 = rss / (n - p)
    se = [float((Decimal((s2 * g).numerator) / Decimal((s2 * g).denominator)).sqrt()) for g in diag]
    coefficients = [float(b) for b in beta]
    residual_sd = float((Decimal(s2.numerator) / Decimal(s2.denominator)).sqrt())
    return coefficients, se, residual_sd


def main():
    d = json.loads((ROOT / 'fixtures' / 'nist' / 'Filip.json').read_text())
    xs = [float(v[0]) for v in d['x']]
    c = d['certified']
    if '--spread' in sys.argv:
        rng = random.Random(20)
        for _ in range(20):
            design = [[faithful(Fraction(x) ** k, rng) for k in range(1, 11)] for x in xs]
            coefficients, se, _ = exact_fit(design, d)
            print(f"coefficients {min(lre(a, b) for a, b in zip(coefficients, c['coefficients'])):.2f}"
                  f"  stdErrors {min(lre(a, b) for a, b in zip(se, c['stdErrors'])):.2f}")
        return
    design = [[nearest_double(Fraction(x) ** k) for k in range(1, 11)] for x in xs]
    coefficients, se, residual_sd = exact_fit(design, d)
    out = {
        'description': 'Filip: exact least squares on the design of correctly rounded double powers of the double x',
        'generator': 'test/golden/nist-filip-double/generate.py (Python 3, fractions)',
        'design': [[repr(v) for v in r] for r in design],
        'y': d['y'],
        'coefficients': coefficients,
        'stdErrors': se,
        'residualSD': residual_sd,
        'lreAgainstCertified': {
            'coefficients': min(lre(a, b) for a, b in zip(coefficients, c['coefficients'])),
            'stdErrors': min(lre(a, b) for a, b in zip(se, c['stdErrors'])),
            'residualSD': lre(residual_sd, c['residualSD']),
        },
    }
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
