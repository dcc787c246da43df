"""VC206 corpus: ids that admit their holder (an invitation's), drawn from `random`, and ids that only name rows."""
import random
import secrets
import string


def create_invitation(db, email):
    # expect: VC206 -- the invitee signs up with this id: whoever guesses it gets an account
    invite_id = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(16))
    db.insert("invitations", invite_id=invite_id, email=email)
    return invite_id


def invitation_link(base_url):
    # expect: VC206
    invitation_id = random.getrandbits(64)
    return f"{base_url}/join/{invitation_id}"


def create_invitation_safely(db, email):
    # ok: VC206
    invite_id = secrets.token_urlsafe(16)
    db.insert("invitations", invite_id=invite_id, email=email)
    return invite_id


def place_order(db, cart_id):
    # ok: VC206 -- a row's id, looked up by staff: nothing admits whoever guesses it
    order_id = random.randint(100_000, 999_999)
    db.insert("orders", order_id=order_id, cart_id=cart_id)
    return order_id


def sample_invites(invite_ids):
    # ok: VC206 -- a sample of existing ids, for a report
    sampled_invite_ids = random.sample(invite_ids, 3)
    return sampled_invite_ids
