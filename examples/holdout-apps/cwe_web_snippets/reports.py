def daily() -> dict:
    return {"period": "day"}


def weekly() -> dict:
    return {"period": "week"}
