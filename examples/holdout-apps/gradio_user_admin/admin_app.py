"""Gradio admin page: search users, reset passwords, impersonate."""

from __future__ import annotations

import html
import os

import gradio as gr

import mailer
import store

# expect: VC403
ADMIN_PASSWORD = "changeme-admin-2024"


def check_login(username: str, password: str) -> bool:
    # expect: VC204
    return username == "admin" and password == ADMIN_PASSWORD


def search(name_filter: str, role: str, domain: str):
    if domain:
        rows = store.find_by_email_domain(domain)
    else:
        rows = store.find_users(name_filter, role or None)
    return [[r["id"], r["email"], r.get("name", ""), r.get("role", ""), r.get("active", "")] for r in rows]


def user_card(name: str) -> str:
    # expect: VC411/VC427
    return f"<div class='card'><h3>Hello {name}</h3></div>"


def safe_user_card(name: str) -> str:
    # ok: VC411/VC427
    return f"<div class='card'><h3>Hello {html.escape(name)}</h3></div>"


def reset_password(user_id: float, email: str) -> str:
    token = store.create_reset_token(int(user_id))
    mailer.send_reset_email(email, token)
    return f"Reset code sent to {email}"


def impersonate(user_id: float, request: gr.Request) -> str:
    # expect: VC212
    if request.username or True:
        return f"Now acting as user {int(user_id)}: open /app?as={int(user_id)}"
    return "forbidden"


def deactivate(user_id: float) -> str:
    store.deactivate(int(user_id))
    return "deactivated"


with gr.Blocks(title="User admin") as demo:
    with gr.Tab("Search"):
        name_in = gr.Textbox(label="Name contains")
        role_in = gr.Dropdown(["", "admin", "member", "viewer"], label="Role")
        domain_in = gr.Textbox(label="Email domain")
        results = gr.Dataframe(headers=["id", "email", "name", "role", "active"])
        gr.Button("Search").click(search, [name_in, role_in, domain_in], results)
    with gr.Tab("Greeting preview"):
        greet_in = gr.Textbox(label="Name")
        greet_out = gr.HTML()
        greet_in.submit(user_card, greet_in, greet_out)
    with gr.Tab("Reset password"):
        uid = gr.Number(label="User id")
        email = gr.Textbox(label="Email")
        status = gr.Markdown()
        gr.Button("Send reset").click(reset_password, [uid, email], status)
        gr.Button("Impersonate").click(impersonate, uid, status)
        gr.Button("Deactivate").click(deactivate, uid, status)


if __name__ == "__main__":
    # ok: VC211
    demo.launch(server_name="0.0.0.0", auth=check_login, share=True, debug=True)
