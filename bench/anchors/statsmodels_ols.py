"""Anchor: statsmodels OLS with the quantities of our OLS result (coefficients, standard errors,
t and p values, confidence intervals, R-squared, adjusted R-squared, F test, log-likelihood, AIC,
BIC) on the bench CSV, timed after the CSV is loaded into a DataFrame.

Usage: python3 bench/anchors/statsmodels_ols.py <csv> <runs> <warmup>
"""
import anchor_common as anchor

try:
    import pandas as pd
    import statsmodels
    import statsmodels.api as sm
except ImportError as error:
    anchor.skip(f"Python module {error.name} is not installed")

csv, runs, warmup = anchor.args()
data = pd.read_csv(csv)
predictors = [c for c in data.columns if c != "overall"]


def fit_and_summarise():
    fit = sm.OLS(data["overall"], sm.add_constant(data[predictors])).fit()
    # Touch every summary quantity: statsmodels computes most of them lazily.
    return (fit.params, fit.bse, fit.tvalues, fit.pvalues, fit.conf_int(), fit.rsquared,
            fit.rsquared_adj, fit.fvalue, fit.f_pvalue, fit.llf, fit.aic, fit.bic, fit.df_resid, fit.scale)


ms, value = anchor.timed(fit_and_summarise, runs, warmup)
anchor.report(ms, f"statsmodels {statsmodels.__version__}",
              {"n": len(data), "k": len(predictors), "rSquared": float(value[5]),
               "residualStdError": float(value[-1]) ** 0.5})
