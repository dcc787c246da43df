"""VC203 corpus: a lazy import table maps exported names to the modules that define them, not to keys."""

# ok: VC203 -- every value is a module named relative to the package (mistralai 3.8.0's models/__init__.py)
_dynamic_imports: dict[str, str] = {
    "ClientSecret": ".clientsecret",
    "ClientSecretTypedDict": ".clientsecret",
    "WebhookSigningSecret": ".webhooksigningsecret",
    "DeploymentSecretBinding": "..deployments.secretbinding",
}

# expect: VC203 -- one value is no module: the table holds a key
MIXED = {"Model": ".model", "client_secret": "s3cr3t-Value!"}

# expect: VC203 -- one entry is no table of modules
SINGLE = {"webhook_secret": ".hidden"}
