"""VC205 corpus, Django settings: the first of `PASSWORD_HASHERS` hashes every new password."""

PASSWORD_HASHERS = [
    # expect: VC205
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LEGACY_PASSWORD_HASHERS = (
    # ok: VC205 -- not the setting Django reads
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
)


class Settings:
    # expect: VC205
    PASSWORD_HASHERS = ("django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",)


class UpgradingSettings:
    PASSWORD_HASHERS = [
        # ok: VC205 -- new passwords get Argon2; the MD5 hasher only verifies old hashes until they are upgraded
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
