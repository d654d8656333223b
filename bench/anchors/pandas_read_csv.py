"""Anchor: pandas read_csv of the bench CSV into a DataFrame (default options), timed whole: here
the loading is the computation. The first, untimed run warms the page cache like ours.

Usage: python3 bench/anchors/pandas_read_csv.py <csv> <runs> <warmup>
"""
import anchor_common as anchor

try:
    import pandas as pd
except ImportError as error:
    anchor.skip(f"Python module {error.name} is not installed")

csv, runs, warmup = anchor.args()
ms, frame = anchor.timed(lambda: pd.read_csv(csv), runs, warmup)
anchor.report(ms, f"pandas {pd.__version__}",
              {"rows": len(frame), "columns": len(frame.columns), "sum": int(frame.to_numpy().sum())})
