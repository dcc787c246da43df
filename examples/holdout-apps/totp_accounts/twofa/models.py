from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True)
    password_hash: str
    totp_secret: str | None = None
    totp_enabled: bool = False
    backup_codes: str = ""
