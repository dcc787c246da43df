"""VC415 corpus: URLs and hosts checked by text against a domain, and the exact or anchored look-alikes."""
import re
from urllib.parse import urlparse

import requests

from flask import Flask, abort, redirect, request

app = Flask(__name__)
ALLOWED_HOSTS = {"example.com", "www.example.com"}


def host_endswith(url):
    host = urlparse(url).hostname or ""
    # expect: VC415
    return host.endswith("example.com")


def netloc_endswith(url):
    # expect: VC415
    return urlparse(url).netloc.endswith("example.com")


@app.get("/login/done")
def substring_before_redirect():
    next_url = request.args.get("next", "/")
    # expect: VC415
    if "example.com" in next_url:
        return redirect(next_url)
    return redirect("/")


def scheme_and_host_prefix(callback_url):
    # expect: VC415
    if not callback_url.startswith("https://example.com"):
        raise ValueError("untrusted callback")
    return callback_url


@app.after_request
def cors(response):
    origin = request.headers.get("Origin", "")
    # expect: VC415
    if origin.endswith("example.com"):
        response.headers["Access-Control-Allow-Origin"] = origin
    return response


def webhook_allowed(webhook):
    # expect: VC415
    return webhook.startswith(("https://hooks.example.com", "https://api.example.com"))


def referer_check():
    # expect: VC415
    return "example.com" in request.headers.get("Referer", "")


def redirect_target(redirect_to):
    # expect: VC415
    assert redirect_to.startswith("example.com"), "bad target"
    return redirect_to


def exact_allow_list(url):
    # ok: VC415
    return urlparse(url).hostname in ALLOWED_HOSTS


def dotted_suffix(url):
    host = urlparse(url).hostname or ""
    # ok: VC415
    return host == "example.com" or host.endswith(".example.com")


def prefix_with_path(url):
    # ok: VC415
    return url.startswith("https://example.com/")


def file_name_suffix(filename):
    # ok: VC415
    return filename.endswith(".tar.gz")


def relative_path(next_url):
    # ok: VC415
    return next_url.startswith("/") and not next_url.startswith("//")


def email_domain(email):
    # ok: VC415
    return email.endswith("@example.com")


def scheme_only(url):
    # ok: VC415
    return url.startswith("https://")


def membership_in_collection(host):
    # ok: VC415
    return host in {"example.com", "api.example.com"}


def domain_listed(url):
    # ok: VC415
    return "example.com" in ALLOWED_HOSTS and url is not None


def github_remote(url):
    # ok: VC415 -- the test only says the cut will work: the code parses the remote, it allows nothing
    if "github.com/" in url:
        host, path = url.split("github.com/", 1)
    # ok: VC415
    elif url.startswith("git@github.com:"):
        host, path = url.split("git@github.com:", 1)
    else:
        return None, None
    return host, path


def mobile_page(url):
    # ok: VC415 -- the test picks the text to rewrite: the mobile site is fetched whichever host the URL names
    if "www.example.com" in url:
        url = url.replace("https://www.example.com", "https://m.example.com")
    # ok: VC415
    if url.startswith("http://example.com"):
        url = url.replace("http://example.com", "https://example.com", 1)
    return url


def fix_base_url(base_url):
    if base_url is not None:
        # ok: VC415 -- the URL goes back either way, only edited where it names the vendor (cohere 7.3.1, sample 22)
        if "example.com" in base_url or "example.ai" in base_url:
            return base_url.replace("/v1", "")
        return base_url
    return None


def upgraded_or_home(next_url):
    # expect: VC415 -- only a URL that passes the test comes back: the test decides what is allowed
    if "example.com" in next_url:
        return next_url.replace("http://", "https://")
    return "/"


def rewrite_then_fetch(next_url):
    # expect: VC415 -- the rewrite is of another text: the test decides the redirect
    if "example.com" in next_url:
        next_url = next_url.replace("http://", "https://")
        return redirect(next_url)
    return redirect("/")


def allowed_redirect(next_url):
    # expect: VC415 -- the cut is on another text: the test decides the redirect
    if "example.com" in next_url:
        target = next_url.split("?", 1)[0]
        return redirect(target)
    return redirect("/")


def log_section(lines, i):
    next_lines = "\n".join(lines[i:i + 10])
    # ok: VC415 -- the next lines of a text, not a URL
    return "asyncio.run" in next_lines


def login_redirect(next):
    # expect: VC415
    return "example.com" in next


def serve_static(request):
    # ok: VC415 -- the path of the URL names a file; the host is not what is tested
    if request.url.path.endswith("sitemap.xml"):
        return "sitemap"
    # ok: VC415 -- the query string, lower-cased, names a resource too
    if urlparse(request.url).query.lower().startswith("feed.xml"):
        return "feed"
    # expect: VC415 -- the URL's host is what the test reads
    return urlparse(request.url).hostname.endswith("example.com")


@app.get("/continue")
def regex_with_unescaped_host():
    target = request.args.get("target", "/")
    # expect: VC415 -- each `.` matches any character: `www.example-com.evil.net/` passes
    if re.match(r"(www|shop).example.com/", target):
        return redirect(target)
    return redirect("/")


TRUSTED_CALLBACK = re.compile(r"^https://(www\.)?example\.com")


def compiled_regex_open_after_host(callback_url):
    # expect: VC415 -- the pattern stops at the host: `https://example.com.evil.net` passes
    return TRUSTED_CALLBACK.match(callback_url) is not None


def searched_partner_origin(origin):
    # expect: VC415
    return re.search(r"https://partner\.example\.org", origin) is not None


def regex_host_ended(callback_url):
    # ok: VC415 -- escaped, and the host ends at `/`, `:` or the end of the text
    return re.match(r"^https://(www\.)?example\.com(/|:|$)", callback_url) is not None


def regex_whole_host(hostname):
    # ok: VC415 -- the whole value must be the escaped host
    return re.fullmatch(r"(www\.)?example\.com", hostname) is not None


def static_page(path):
    # ok: VC415 -- a file name, not a host
    return re.search(r"/index.html", path) is not None


def release_version(release_url):
    # ok: VC415 -- no host in the pattern
    return re.search(r"v\d+.\d+", release_url)


def regex_host_then_anything(target_url):
    # expect: VC415 -- `.*` after the host lets `https://a.example.com.evil.net` through
    return re.match(r"^https?://[^/]+\.example\.com.*", target_url) is not None


def regex_host_then_path(target_url):
    # ok: VC415 -- the host ends at the `/` of the path
    return re.match(r"^https?://([a-z0-9-]+\.)?example\.com/.*", target_url) is not None


def host_endswith_configured_domain(target, allowed_domain):
    parsed = urlparse(target)
    # expect: VC415
    return parsed.netloc.endswith(allowed_domain)


def configured_domain_in_netloc(target, site):
    # expect: VC415
    if site.domain.lower() in urlparse(target).netloc.lower():
        return target
    return "/"


def host_equals_or_subdomain(target, domain):
    host = urlparse(target).hostname or ""
    # ok: VC415 -- exact match or a subdomain after a dot
    return host == domain or host.endswith("." + domain)


def host_endswith_dotted_domain(target, domain):
    host = urlparse(target).hostname or ""
    dot_domain = "." + domain
    # ok: VC415 -- the variable holds the domain with its leading dot
    return host.endswith(dot_domain)


def host_in_allowed_hosts(target, allowed_hosts):
    # ok: VC415 -- membership in a collection of hosts, not a substring test
    return urlparse(target).hostname in allowed_hosts


def path_endswith_suffix(url, suffix):
    # ok: VC415 -- neither side is a host
    return url.endswith(suffix)


def url_endswith_host_and_slash(target_url):
    # expect: VC415
    return target_url.endswith("example.com/")


def url_endswith_dotted_host_and_slash(target_url):
    # ok: VC415 -- the leading dot ends the label before it
    return target_url.endswith(".example.com/")


@app.get("/go")
def substring_of_a_redirect_target():
    target = request.args.get("target", "/")
    # expect: VC415 -- not named like a URL, but the body redirects to it
    if "example.com" in target:
        return redirect(target)
    return redirect("/")


def prefix_of_a_fetched_name(dest):
    # expect: VC415
    if dest.startswith("https://example.com"):
        return requests.get(dest, timeout=5).text
    return ""


def file_name_in_a_path(target):
    # ok: VC415 -- a file name, opened, not fetched
    if "settings.py" in target:
        return open(target).read()
    return ""


def substring_of_a_label_before_a_fixed_fetch(label):
    # ok: VC415 -- the body fetches a fixed URL, not the tested text
    if "example.com" in label:
        return requests.get("https://example.com/status", timeout=5).text
    return label


def storage_account_name(account_url):
    # ok: VC415 -- the match's group is read at once: it extracts the account name, it allows nothing
    return re.search(r"(?:https?://)?(.+?).blob.core.windows.net", account_url).group(1)


def storage_account_allowed(account_url):
    # expect: VC415 -- the same pattern, tested: `evil-blob.core.windows-net.evil.net` passes
    if re.search(r"(?:https?://)?(.+?).blob.core.windows.net", account_url):
        return requests.get(account_url, timeout=10)
    return None


class UploadRefused(Exception):
    pass


def explain_refused_upload(response):
    # ok: VC415 -- a match only picks the error to raise: it lets nothing through
    if response.status_code == 410 and "pypi.python.org" in response.url:
        raise UploadRefused("pypi.python.org no longer accepts uploads: use pypi.org.")
    # ok: VC415 -- the same for a prefix test
    elif response.status_code == 405 and response.url.startswith("https://pypi.org"):
        raise UploadRefused("Upload to https://upload.pypi.org/legacy/ instead.")
    return response


def upload_target(url):
    # expect: VC415 -- the raise is for a mismatch: `https://evil.net/?upload.example.com` gets past it
    if not ("upload.example.com" in url):
        raise UploadRefused("Uploads go to upload.example.com only.")
    # expect: VC415 -- negated prefix test: `https://upload.example.com.evil.net` gets past it
    if not url.startswith("https://upload.example.com"):
        raise UploadRefused("Uploads go to upload.example.com only.")
    return requests.post(url, timeout=10)


def public_host(host):
    # ok: VC415 -- the body strips the same suffix: it rewrites the host, it allows nothing
    if host.endswith("-direct.example.com") and len(host) > len("-direct.example.com"):
        host = host.removesuffix("-direct.example.com") + ".example.com"
    return host


def trusted_host_rewritten(host):
    # expect: VC415 -- the body trusts the host, beside a rewrite of another suffix
    if host.endswith("example.com") and len(host) > 11:
        session_headers = {"Authorization": TOKEN}
        return host.removesuffix(".internal"), session_headers
    return host, {}


PARTNER_DOMAINS = ("news.example.com", "blog.example.com")
PARTNER_SUFFIXES = frozenset({".news.example.com", ".blog.example.com"})


def is_partner_link(url):
    # expect: VC415 -- each domain of the list is tested as a substring of the whole URL
    return any(domain in url for domain in PARTNER_DOMAINS)


def is_partner_host(url):
    # expect: VC415 -- `evil-news.example.com` ends with the first one
    return any(urlparse(url).hostname.endswith(d) for d in PARTNER_DOMAINS)


def partner_of(url):
    for domain in PARTNER_DOMAINS:
        # expect: VC415
        if domain in url:
            return domain
    return None


def is_partner_host_exactly(url):
    # ok: VC415 -- the host is looked up in the list
    return urlparse(url).hostname in PARTNER_DOMAINS


def is_partner_subdomain(url):
    host = urlparse(url).hostname or ""
    # ok: VC415 -- the suffixes start with a dot
    return any(host.endswith(d) for d in PARTNER_SUFFIXES)


def mentioned_words(words, url):
    # ok: VC415 -- the list holds no domains
    return [word for word in words if word in url]


def close_extension_page(target_url, redirect_url):
    # ok: VC415 -- file names in the URL's path pick a page: no host is trusted by them
    if "chrome-extension://" in target_url and ("options.html" in target_url or "welcome.html" in target_url):
        return "close"
    # ok: VC415 -- a download link, by the name of its file
    if redirect_url.endswith("report.pdf"):
        return "download"
    # expect: VC415 -- with its scheme, the literal is a host
    if "https://docs.html" in redirect_url:
        return "docs"
    # expect: VC415 -- a host whose last label is no file extension
    return "partner.example.com" in redirect_url
