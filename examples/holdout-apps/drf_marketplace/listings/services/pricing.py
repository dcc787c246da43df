from django.conf import settings


def order_total(listing, quantity: int) -> int:
    """Total in cents for `quantity` units of `listing`, at the price stored for it."""
    if quantity < 1 or quantity > listing.stock:
        raise ValueError("quantity out of range")
    return listing.price_cents * quantity


def apply_percent(total_cents: int, percent_off: int) -> int:
    return max(0, total_cents - total_cents * percent_off // 100)


def platform_fee(total_cents: int) -> int:
    return total_cents * settings.PLATFORM_FEE_PERCENT // 100
