import psycopg2
import psycopg2.extras

from .config import Config


def connect():
    return psycopg2.connect(host="db.internal", dbname="filedrop", user="filedrop",
                            # expect: VC403
                            password="Pg_filedrop_2024!")


def get_user_by_email(email: str) -> dict | None:
    with connect() as conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute("SELECT * FROM users WHERE email = %s", (email,))
        return cur.fetchone()


def save_user(user: dict) -> None:
    with connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE users SET password_hash = %s, reset_token = %s WHERE id = %s",
                    (user["password_hash"], user.get("reset_token"), user["id"]))


def upload_dir() -> str:
    return Config.UPLOAD_DIR
