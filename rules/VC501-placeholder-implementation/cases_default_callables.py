"""VC501 corpus: an empty function that the module gives a parameter as its default does nothing on purpose."""


# ok: VC501 -- the post-processing step used when the caller brings none
def default_postprocess(parsed_config: dict) -> None:
    pass


# ok: VC501 -- a keyword-only parameter's default, given inside a class
def keep_as_is(row):
    pass


# expect: VC501 -- named like a default, but no parameter takes it
def default_validate(parsed_config: dict) -> None:
    pass


# expect: VC501 -- raising is no default behaviour
def default_transform(row):
    raise NotImplementedError


def parse(url: str, postprocess=default_postprocess, transform=default_transform) -> dict:
    config = {"url": url}
    postprocess(config)
    return transform(config)


class Loader:
    def load(self, rows, *, on_row=keep_as_is):
        for row in rows:
            on_row(row)
        return rows


# expect: VC501 -- called by the module, not handed on as a default
def send_welcome_mail(user):
    pass


def register(user, notify=None):
    send_welcome_mail(user)
    return notify
