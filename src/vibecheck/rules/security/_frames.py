"""DataFrames whose `query`/`eval` methods evaluate an expression (VC401's and VC413's sinks).

pandas evaluates the text of `df.query(expr)`, `df.eval(expr)` and `pd.eval(expr)` with access to Python objects (`@`
names, attributes and calls with the Python engine), so text a client or a model wrote runs as code there. A
`.query()` elsewhere is a search (`index.query(question)`), so the receiver must be a frame: named for one (`df`,
`sales_df`, `df_clean`, `frame`), or bound in the file to a pandas reader or constructor (`sales = pd.read_parquet(...)`).
"""

from __future__ import annotations

import re

from vibecheck.analysis.bound_names import names_bound_to_calls
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import RuleContext

FRAME_METHODS = {"query": "expr", "eval": "expr"}
FRAME_NAME = lazy_pattern(r"^df(?:_|$)|_df$|frame$", re.IGNORECASE)
FRAME_MAKERS = frozenset({"pandas.DataFrame", "pandas.concat", "pandas.merge", "pandas.json_normalize",
                          "pandas.pivot_table", "pandas.crosstab"})
FRAME_READER_PREFIX = "pandas.read_"


def is_frame(receiver: str, context: RuleContext) -> bool:
    """A receiver named for a frame (`df`, `sales_df`), or bound in this file to a pandas reader or constructor."""
    if FRAME_NAME.search(receiver.rpartition(".")[2]):
        return True
    frames: frozenset[str] | None = context.shared.get(FRAME_MAKERS)
    if frames is None:
        frames = context.shared[FRAME_MAKERS] = names_bound_to_calls(
            context.module, context.imports, lambda name: name in FRAME_MAKERS or name.startswith(FRAME_READER_PREFIX)) \
            if context.imports.imports_any(("pandas",)) else frozenset()
    return receiver in frames
