"""Exact least squares for a large integer survey, as the reference for ols's two solvers at scale.

Rows come from MINSTD (x <- 48271 x mod 2^31 - 1, seed 12345), the same few lines the test
(test/regression/ols-exact.test.ts) repeats; every cross-product is summed in Python integers and
the normal equations are solved in exact rational arithmetic (fractions), so the only rounding in
ols-exact.json is the final conversion of each answer to the nearest double (repr).
Run: python3 test/golden/ols-exact/generate.py > test/golden/ols-exact/ols-exact.json
"""
import json
import math
from fractions import Fraction

N, K = 200_000, 8


def rows():
    state = 12345

    def draw():
        nonlocal state
        state = state * 48271 % 2147483647
        return state

    for _ in range(N):
        common = draw() % 5
        x = [1 + (common + draw() % 5) // 2 for _ in range(K)]
        y = 1 + (2 * (x[0] + x[1] + x[2]) + draw() % 10) // 7
        yield x, y


q = K + 1
S = [[0] * q for _ in range(q)]
s = [0] * q
for x, y in rows():
    z = x + [y]
    for a in range(q):
        s[a] += z[a]
        za = z[a]
        Sa = S[a]
        for b in range(a, q):
            Sa[b] += za * z[b]
n = N
# Centred cross-products, exactly: C = S - s s' / n.
C = [[Fraction(S[min(a, b)][max(a, b)]) - Fraction(s[a] * s[b], n) for b in range(q)] for a in range(q)]
# Gauss-Jordan on [Cxx | Cxy | I].
M = [C[i][:K] + [C[i][K]] + [Fraction(int(i == j)) for j in range(K)] for i in range(K)]
for c in range(K):
    pivot = M[c][c]
    M[c] = [v / pivot for v in M[c]]
    for r in range(K):
        if r != c and M[r][c] != 0:
            f = M[r][c]
            M[r] = [a - f * b for a, b in zip(M[r], M[c])]
beta = [M[i][K] for i in range(K)]
inverse = [[M[i][K + 1 + j] for j in range(K)] for i in range(K)]
tss = C[K][K]
rss = tss - sum(b * C[i][K] for i, b in enumerate(beta))
df = n - K - 1
sigma2 = rss / df
mean = [Fraction(v, n) for v in s]
intercept = mean[K] - sum(b * m for b, m in zip(beta, mean[:K]))
# Var(intercept) = sigma^2 (1/n + m' Cxx^-1 m).
m = mean[:K]
v0 = Fraction(1, n) + sum(m[i] * inverse[i][j] * m[j] for i in range(K) for j in range(K))
estimates = [intercept] + beta
variances = [sigma2 * v0] + [sigma2 * inverse[i][i] for i in range(K)]
mss = tss - rss
print(json.dumps({
    "n": N,
    "k": K,
    "estimate": [float(e) for e in estimates],
    "stdError": [math.sqrt(float(v)) for v in variances],
    "rSquared": float(mss / tss),
    "fStatistic": float(mss / K / sigma2),
    "residualStdError": math.sqrt(float(sigma2)),
}, indent=1))
