"""The same numbers as survey-report, the way a Python user computes them (pandas, numpy,
statsmodels): alpha with item-total statistics (per construct and overall), KMO and Bartlett,
PCA with varimax, descriptives, correlations of the construct scores, the regression with VIF
and Durbin-Watson, and the profile tables.

Usage: /usr/bin/python3 pipeline.py DATA.csv CONSTRUCTS.txt
"""
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.stats.stattools import durbin_watson


def alpha(frame):
    """Cronbach's alpha with item-total statistics, all from one covariance matrix."""
    k = frame.shape[1]
    cov = frame.cov().to_numpy()
    means = frame.mean().to_numpy()
    total_var = cov.sum()
    trace = np.trace(cov)
    a = k / (k - 1) * (1 - trace / total_var)
    items = {}
    for i, c in enumerate(frame.columns):
        rest_var = total_var - 2 * cov[i].sum() + cov[i, i]
        r_corrected = (cov[i].sum() - cov[i, i]) / np.sqrt(cov[i, i] * rest_var)
        items[c] = dict(scale_mean=means.sum() - means[i], scale_var=rest_var, r_corrected=r_corrected,
                        alpha_deleted=(k - 1) / (k - 2) * (1 - (trace - cov[i, i]) / rest_var) if k > 2 else None)
    return a, items


def kmo_bartlett(r, n):
    inv = np.linalg.inv(r)
    partial = -inv / np.sqrt(np.outer(np.diag(inv), np.diag(inv)))
    np.fill_diagonal(partial, 0)
    r0 = r.copy()
    np.fill_diagonal(r0, 0)
    kmo = (r0 ** 2).sum() / ((r0 ** 2).sum() + (partial ** 2).sum())
    p = r.shape[0]
    chi2 = -(n - 1 - (2 * p + 5) / 6) * np.log(np.linalg.det(r))
    df = p * (p - 1) / 2
    return kmo, chi2, df, stats.chi2.sf(chi2, df)


def varimax(loadings, tol=1e-10, iterations=1000):
    """Varimax with Kaiser normalization."""
    h = np.sqrt((loadings ** 2).sum(axis=1))
    a = loadings / h[:, None]
    p, k = a.shape
    rot = np.eye(k)
    d = 0
    for _ in range(iterations):
        lam = a @ rot
        u, s, vt = np.linalg.svd(a.T @ (lam ** 3 - lam @ np.diag((lam ** 2).sum(axis=0)) / p))
        rot = u @ vt
        d_old, d = d, s.sum()
        if d_old != 0 and d / d_old < 1 + tol:
            break
    return (a @ rot) * h[:, None]


def main():
    data, constructs_file = sys.argv[1], sys.argv[2]
    constructs = {}
    with open(constructs_file, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            constructs[parts[0]] = parts[1:]
    items = [i for cols in constructs.values() for i in cols]
    d = pd.read_csv(data, encoding="utf-8", na_values=["", "NA"], keep_default_na=False)
    d = d.dropna(subset=items)
    n = len(d)
    x = d[items].astype(float)

    reliability = {c: alpha(x[cols]) for c, cols in constructs.items()}
    overall, _ = alpha(x)
    r = x.corr().to_numpy()
    kmo, chi2, df, p = kmo_bartlett(r, n)
    values, vectors = np.linalg.eigh(r)
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    m = len(constructs)
    loadings = vectors[:, :m] * np.sqrt(values[:m])
    rotated = varimax(loadings)
    desc = x.describe()
    skew, kurt = x.skew(), x.kurt()
    scores = pd.DataFrame({c: x[cols].mean(axis=1) for c, cols in constructs.items()})
    score_r = scores.corr()
    names = list(constructs)
    design = sm.add_constant(scores[names[:-1]])
    fit = sm.OLS(scores[names[-1]], design).fit()
    vif = [variance_inflation_factor(design.to_numpy(), i) for i in range(1, design.shape[1])]
    dw = durbin_watson(fit.resid)
    profile = [d["性别"].value_counts(), d["年龄"].value_counts(),
               d["服务平台"].str.split(";").explode().value_counts()]
    print(f"n = {n}, overall alpha = {overall:.6f}, KMO = {kmo:.6f}, Bartlett chi2 = {chi2:.1f}, "
          f"R2 = {fit.rsquared:.6f}, DW = {dw:.6f}, max VIF = {max(vif):.4f}")


if __name__ == "__main__":
    main()
