import reflex as rx

config = rx.Config(
    app_name="admin_console",
    # expect: VC403
    db_url="postgresql://console:Console!2024@db.internal:5432/shop",
    cors_allowed_origins=["*"],
)
