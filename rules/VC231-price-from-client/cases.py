"""VC231 corpus: prices, totals and amounts from the client reaching a payment or an order row fire; prices the server
looks up, counts, ids, capped or checked amounts and donations do not."""
import braintree
import razorpay
import stripe
from flask import Flask, abort, jsonify, request
from stripe import PaymentIntent as Intent

from shop.db import db, get_db
from shop.models import Order, OrderItem, Payout, Product, Review

app = Flask(__name__)
gateway = braintree.BraintreeGateway(braintree.Configuration.instantiate())
razor = razorpay.Client(auth=("key", "secret"))
PLAN_PRICES = {"starter": 900, "team": 4900}


@app.post("/pay")
def pay():
    body = request.get_json()
    # expect: VC231
    intent = stripe.PaymentIntent.create(amount=body["amount"], currency="usd")
    return jsonify(client_secret=intent.client_secret)


@app.post("/pay/alias")
def pay_alias():
    data = request.json
    amount = int(data.get("amount_cents"))
    # expect: VC231
    return jsonify(id=Intent.create(amount=amount, currency="eur").id)


@app.post("/checkout")
def checkout():
    cart = request.get_json()
    total = sum(item["price"] * item["quantity"] for item in cart["items"])
    # expect: VC231
    order = Order.objects.create(user=request.user, total_cents=total)
    stripe.PaymentIntent.create(amount=total, currency="usd", metadata={"order": order.pk})
    return jsonify(order=order.pk)


@app.post("/checkout/session")
def checkout_session():
    items = request.json["items"]
    session = stripe.checkout.Session.create(
        mode="payment",
        line_items=[{
            "price_data": {
                "currency": "usd",
                # expect: VC231
                "unit_amount": items[0]["unit_price"],
                "product_data": {"name": items[0]["name"]},
            },
            # ok: VC231
            "quantity": items[0]["quantity"],
        }],
        success_url="https://shop.example.com/done",
    )
    return jsonify(url=session.url)


@app.post("/refund")
def refund():
    form = request.form
    # expect: VC231
    stripe.Refund.create(payment_intent=form["intent"], amount=int(form["amount"]))
    return "", 204


@app.post("/braintree")
def braintree_sale():
    nonce, total = request.form["nonce"], request.form["total"]
    # expect: VC231
    result = gateway.transaction.sale({"amount": total, "payment_method_nonce": nonce})
    return jsonify(ok=result.is_success)


@app.post("/razorpay")
def razorpay_order():
    payload = request.get_json()
    # expect: VC231
    order = razor.order.create({"amount": payload["amount"], "currency": "INR"})
    return jsonify(order)


@app.post("/orders")
def create_order():
    payload = request.get_json()
    order = Order(user_id=payload["user_id"])
    # expect: VC231
    order.total = payload["total"]
    db.session.add(order)
    # expect: VC231
    db.session.add(OrderItem(order=order, product_id=payload["product_id"], unit_price=payload["unit_price"]))
    db.session.commit()
    return jsonify(id=order.id)


@app.post("/orders/sql")
def create_order_sql():
    body = request.get_json()
    conn = get_db()
    # expect: VC231
    conn.execute("INSERT INTO orders (user_id, product_id, total) VALUES (?, ?, ?)", (1, body["product_id"], body["total"]))
    return "", 201


@app.post("/payouts")
def payout():
    amount = int(request.form["amount_cents"])
    if amount <= 0:
        abort(400)
    # expect: VC231
    Payout.objects.create(user=request.user, amount_cents=amount)
    return "", 201


ORDERS = {}


@app.post("/orders/memory")
def create_order_in_memory():
    body = request.get_json()
    order_id = len(ORDERS) + 1
    ORDERS[order_id] = {
        "items": body["items"],
        # expect: VC231
        "total": body["total"],
    }
    order = {"items": body["items"]}
    # expect: VC231
    order["discount"] = body["discount"]
    # ok: VC231
    ORDERS[order_id]["note"] = body["note"]
    return jsonify(id=order_id)


@app.post("/pay/catalogue")
def pay_from_catalogue():
    body = request.get_json()
    product = Product.query.get_or_404(body["product_id"])
    quantity = int(body["quantity"])
    # ok: VC231
    stripe.PaymentIntent.create(amount=product.price_cents * quantity, currency="usd")
    # ok: VC231
    stripe.PaymentIntent.create(amount=PLAN_PRICES[body["plan"]], currency="usd")
    # ok: VC231
    stripe.checkout.Session.create(mode="subscription", line_items=[{"price": body["price_id"], "quantity": 1}])
    return "", 201


@app.post("/refund/checked")
def refund_checked():
    order = Order.query.get_or_404(request.form["order_id"])
    amount = int(request.form["amount"])
    if amount > order.total_cents:
        abort(400)
    # ok: VC231
    stripe.Refund.create(payment_intent=order.intent_id, amount=amount)
    return "", 204


@app.post("/refund/assert")
def refund_asserted():
    body = request.get_json()
    order = Order.query.get_or_404(body["order_id"])
    if body["amount"] != order.total_cents:
        abort(409)
    # ok: VC231
    stripe.Refund.create(payment_intent=order.intent_id, amount=body["amount"])
    return "", 204


@app.post("/payouts/capped")
def payout_capped():
    balance = request.user.balance_cents
    amount = min(int(request.form["amount_cents"]), balance)
    # ok: VC231
    Payout.objects.create(user=request.user, amount_cents=amount)
    return "", 201


@app.post("/donate")
def donate():
    body = request.get_json()
    # ok: VC231
    intent = stripe.PaymentIntent.create(amount=body["amount"], currency="usd")
    return jsonify(client_secret=intent.client_secret)


@app.post("/reviews")
def review():
    body = request.get_json()
    # ok: VC231
    Review.objects.create(product_id=body["product_id"], rating=body["rating"], text=body["text"])
    # ok: VC231
    Order.objects.create(user=request.user, quantity=body["quantity"], product_id=body["product_id"])
    return "", 201


@app.get("/quote")
def quote():
    amount = request.args.get("amount", type=int)
    # ok: VC231
    return jsonify(total=amount * 2)


def charge_saved_order(order_id):
    order = Order.query.get(order_id)
    # ok: VC231
    stripe.PaymentIntent.create(amount=order.total_cents, currency="usd")
