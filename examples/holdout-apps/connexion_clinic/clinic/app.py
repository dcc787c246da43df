"""Connexion application."""

from pathlib import Path

import connexion

app = connexion.FlaskApp(__name__, specification_dir=Path(__file__).parent / "spec")
app.add_api("openapi.yaml", strict_validation=True)

if __name__ == "__main__":
    app.run(port=8080)
