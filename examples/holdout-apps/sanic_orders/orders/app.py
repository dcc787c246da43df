from sanic import Sanic

from .db import setup_db
from .routes import bp as orders_bp
from .admin import bp as admin_bp

app = Sanic("orders")
# expect: VC203
app.config.SECRET = "s3cr3t-orders-signing-key-2024"
app.config.FALLBACK_ERROR_FORMAT = "json"

app.blueprint(orders_bp)
app.blueprint(admin_bp)
app.register_listener(setup_db, "before_server_start")


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", port=8000, debug=True)
