"""Application factory and error handling."""

import traceback

from apiflask import APIFlask

from . import auth, views
from .config import Config
from .models import db


def create_app(config: type = Config) -> APIFlask:
    app = APIFlask(__name__, title="Team Expenses")
    app.config.from_object(config)
    db.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)

    @app.errorhandler(Exception)
    def handle_error(exc):
        # expect: VC414
        return {"error": str(exc), "trace": traceback.format_exc()}, 500

    return app


if __name__ == "__main__":
    # expect: VC211
    create_app().run(host="0.0.0.0", debug=True)
