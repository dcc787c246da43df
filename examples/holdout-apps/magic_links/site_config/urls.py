from django.urls import path

from accounts import views

urlpatterns = [
    path("reset/", views.request_reset, name="request-reset"),
    path("reset/<int:uid>/<str:token>/", views.reset_password, name="reset-password"),
    path("reset-django/<uidb64>/<token>/", views.reset_password_builtin, name="reset-password-builtin"),
    path("magic/", views.request_magic_link, name="magic-request"),
    path("magic/login/", views.magic_login, name="magic-login"),
    path("magic/signed/", views.magic_login_signed, name="magic-login-signed"),
    path("magic/signed-timed/", views.magic_login_signed_timed, name="magic-login-signed-timed"),
    path("confirm/<int:uid>/<str:token>/", views.confirm_email, name="confirm-email"),
    path("confirm-safe/<int:uid>/<str:token>/", views.confirm_email_safe, name="confirm-email-safe"),
    path("invites/", views.send_invite, name="send-invite"),
    path("invites/<str:token>/", views.accept_invite, name="accept-invite"),
    path("team-invites/<str:token>/", views.accept_team_invite, name="accept-team-invite"),
]
