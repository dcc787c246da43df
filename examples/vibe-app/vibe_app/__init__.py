"""vibe-app: notes, weather and billing for small teams."""
