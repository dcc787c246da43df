from django.urls import re_path

from support import consumers

websocket_urlpatterns = [
    re_path(r"ws/tickets/(?P<ticket_id>\d+)/$", consumers.TicketConsumer.as_asgi()),
    re_path(r"ws/agents/queue/$", consumers.AgentQueueConsumer.as_asgi()),
    re_path(r"ws/notifications/$", consumers.NotificationConsumer.as_asgi()),
]
