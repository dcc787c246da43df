"""Background workers that turn customer feedback into insights with an LLM."""
