"""Corpus for VC502 unfinished-work-comment: admissions in comments and docstrings versus ordinary notes."""
import time


def authenticate(username, password):
    # expect: VC502
    # In a real implementation, you would check the password hash in the database.
    return username == "admin"


def get_weather(city):
    # expect: VC502
    # For now, just return a fixed forecast
    return {"city": city, "forecast": "sunny"}


def charge(card, amount):
    # expect: VC502
    # Simulate payment processing
    time.sleep(0.5)
    return {"status": "succeeded"}


def send_sms(number, text):
    # expect: VC502
    """Send an SMS. This is a placeholder until we pick a provider."""
    return True


def list_orders():
    # expect: VC502
    return [{"id": 1}, {"id": 2}]  # mock data for the dashboard


def geocode(address):
    # expect: VC502
    # TODO: implement the actual geocoding with the maps API
    return (0.0, 0.0)


def exchange_rate(currency):
    # expect: VC502
    # Hardcoded for the demo; replace with a call to the rates service.
    return 1.1


def risk_score(user):
    # expect: VC502
    # This is a simplified version of the scoring model.
    return 0.5


def store_file(data):
    # expect: VC502
    # In production, you'd upload this to S3
    return "/tmp/upload.bin"


def is_admin(user):
    # expect: VC502
    # Replace with actual role lookup
    return True


class ReportBuilder:
    # expect: VC502
    """Builds monthly reports (mock implementation for demo purposes)."""


def fetch_prices(symbols):
    # expect: VC502
    # Returning static prices for now
    return {symbol: 100.0 for symbol in symbols}


def run_server(app):
    # ok: VC502 -- advice, not an admission
    # Do not enable debug mode when deploying in production.
    app.run()


def legacy_header(headers):
    # ok: VC502 -- a known limitation
    # Ignored for now, see issue #2811.
    return headers


def query(cursor, user_id):
    # ok: VC502 -- a different kind of placeholder
    # %s is the parameter placeholder of the DB-API driver.
    return cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))


def banner():
    # ok: VC502 -- string data is not a comment
    message = "In a real implementation this would be a placeholder"
    return message


def session_proxy(ctx):
    # ok: VC502
    # Use flask.session like you would otherwise in the view function.
    return ctx.session


def default_logger():
    # ok: VC502
    """Behavior was simplified. The logger is always named after the app."""
    return None


def retry_delay(attempt):
    # ok: VC502
    # Exponential backoff; in practice three attempts are enough.
    return 2 ** attempt


def sentinel():
    # ok: VC502
    # Dummy sentinel: it has to be inside the context block.
    return object()


def parse_template(text):
    # ok: VC502
    # Replace every {placeholder} with its value from the context.
    return text.format_map({})


def save_user(user):
    # expect: VC502
    # We'll just store it in memory for now
    USERS[user.id] = user


def process_refund(order):
    # expect: VC502
    # Your implementation goes here
    return None


def send_invoice(invoice):
    # expect: VC502
    # Simulate sending the e-mail
    return True


class DisabledFeature:
    # ok: VC502 -- docs about overriding, not an admission
    """Subclasses replace this with their own storage backend."""


# expect: VC502
API_KEY = "sk-test"  # In production, load this from the environment


def notify(user):
    # expect: VC502
    # This would normally use an SMTP server
    return True


def tokenize(text):
    # ok: VC502 -- honest notes of real code about a known limitation
    # For now we ignore this, but the tokenizer may return bytes.
    return text.split()


def reserve_slots(types):
    # ok: VC502
    types.append(None)  # placeholder
    # ok: VC502
    # Pretend the task just exited with the given outcome
    return types


def bind(sock):
    # ok: VC502 -- a feature TODO, not a fake
    # TODO: implement bind address support
    return sock


def validate_token(token):
    # expect: VC502
    # For now, just accept any non-empty token
    return bool(token)


def send_notification(user, message):
    # expect: VC502
    # Placeholder: integrate with the email service
    return user, message


def save_order(order):
    # expect: VC502
    # TODO: connect to the real database
    return order


def decode(data):
    # ok: VC502 -- a known limitation, not a fake
    # For now, assume the payload is UTF-8
    return data.decode()


def pad(items):
    # ok: VC502
    items.append(None)  # placeholder, filled in by the caller
    return items


def apply_discount(total, code):
    if code == "WELCOME":
        total *= 0.9
    # expect: VC502 -- an elision marker: the edit stood for code it never wrote
    # ... rest of the discount logic here
    return total


class OrderService:
    def create(self, order):
        # expect: VC502
        # ... existing code ...
        return order

    def cancel(self, order):
        # expect: VC502
        # Rest of the method remains unchanged
        return order


def validate_address(address):
    # expect: VC502
    # Implementation goes here
    return bool(address)


# A table is laid out as:
#
#     --- lineabove ---------
#         datarow
# ok: VC502 -- a line of a figure the comment draws, set in: the rows it stands for are data, not code
#     ... (more datarows) ...
#     --- linebelow ---------


def list_rows(rows):
    # expect: VC502 -- the same words as an edit's elision, at the comment's own margin
    # ... (more rows) ...
    return rows


def merge(first, second):
    # ok: VC502 -- an ellipsis that continues a sentence, not an elision
    # ... and the second mapping wins on conflicts
    result = dict(first)
    # ok: VC502
    # ...
    result.update(second)
    # ok: VC502 -- prose about the rest of a request
    # the dependency is cached for the rest of the request
    return result


class DisabledBackend:
    # ok: VC502 -- the class is named as the stand-in its docstring describes
    """Dummy result backend."""


class ResultBackend:
    # expect: VC502 -- a class not named as a stand-in admits it fakes its data
    """Dummy data until the result store exists."""


class ErrorResponse:
    # ok: VC502 -- the stand-in's role, on purpose
    """This is used as a dummy response object when the HTTP client raises an error without a response."""


class OfflineResponse:
    # expect: VC502 -- the same words as an admission
    """Returns a dummy response until the API client is written."""


class DummyCache:
    # ok: VC502
    """Dummy cache: stores nothing."""

    def get(self, key):
        # expect: VC502 -- comments inside a stand-in still count
        # For now, just return nothing
        return None


def validate_frame(frame):
    # expect: VC502
    # For now, just drop fully empty rows; real schema validation comes later.
    return frame.dropna(how="all")


def load_rows(path):
    # expect: VC502
    # Proper error handling will come later.
    return open(path).read().splitlines()


def parse_header(line):
    # ok: VC502 -- the real data comes later in the file: a fact about the format
    # The header is a placeholder line; the real data comes later in the stream.
    return line.split(",")
