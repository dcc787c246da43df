"""VC203 corpus: a field's name written in words and a table renaming keyword arguments hold no key."""

# ok: VC203 -- which new keyword argument each old one became
_DEPRECATIONS = {
    "ssh_address": "ssh_address_or_host",
    "ssh_private_key": "ssh_pkey",
    "raise_exception_if_any_forwarder_have_a_problem": "mute_exceptions",
}

# expect: VC203 -- a secret that happens to be lower-case words beside a renamed argument
CREDENTIALS = {"ssh_host": "ssh_address_or_host", "ssh_private_key": "correct_horse_battery_staple7"}

# expect: VC203 -- one entry is no table of names
SINGLE = {"client_secret": "tiger_lily"}


def create_example(entity):
    # ok: VC203 -- a placeholder entry shows the field's name in words
    entity.consumer_secret = "Consumer secret"
    # expect: VC203 -- other words are a value
    entity.client_secret = "Client passphrase"
    return entity


class DefaultConfig:
    # expect: VC203 -- the setting's name in lower-case words is the key the app signs with
    SECRET_KEY = "secret key"
    # expect: VC203 -- the same weak key in a mapping
    JWT_SETTINGS = {"jwt_secret": "jwt secret"}


def configure(app):
    # expect: VC203 -- the same weak key in the app's config
    app.config["SECRET_KEY"] = "secret key"
    # ok: VC203 -- a label capitalised word by word
    app.labels.client_secret = "Client Secret"
