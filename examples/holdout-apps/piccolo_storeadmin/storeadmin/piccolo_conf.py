from piccolo.conf.apps import AppRegistry
from piccolo.engine.postgres import PostgresEngine

DB = PostgresEngine(
    config={
        "database": "storeadmin",
        "user": "storeadmin",
        # expect: VC403
        "password": "Pg!store2024",
        "host": "db.internal",
    }
)

APP_REGISTRY = AppRegistry(apps=["storeadmin.piccolo_app"])
