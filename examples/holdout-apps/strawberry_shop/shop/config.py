"""Settings for the shop API."""
import os

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./shop.db")
# expect: VC203 -- signing key in the source
JWT_SECRET = "strawberry-shop-jwt-secret-2024"
JWT_ALGORITHM = "HS256"
# ok: VC203/VC403 -- read from the environment
STRIPE_API_KEY = os.environ["STRIPE_API_KEY"]
ALLOWED_IMAGE_HOSTS = {"images.unsplash.com", "cdn.shopify.com"}
