"""Settings of the notes project (the parts VC201 cares about)."""

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
LOGIN_URL = "login"
