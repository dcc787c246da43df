from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255))
    github_token = db.Column(db.String(255))
    oidc_refresh_token = db.Column(db.Text)


class Identity(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    provider = db.Column(db.String(32), nullable=False)
    subject = db.Column(db.String(255), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)


def upsert_user(provider: str, subject: str, email: str) -> User:
    identity = Identity.query.filter_by(provider=provider, subject=subject).first()
    if identity is not None:
        return db.session.get(User, identity.user_id)
    user = User.query.filter_by(email=email).first() or User(email=email)
    db.session.add(user)
    db.session.flush()
    db.session.add(Identity(provider=provider, subject=subject, user_id=user.id))
    db.session.commit()
    return user
