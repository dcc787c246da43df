import logging

from django.contrib.auth import get_user_model
from rest_framework import generics, permissions, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import action
from rest_framework.response import Response

from ..models import Order, Ticket
from ..tasks import notify_assignee, refund_order
from .serializers import OrderSerializer, ProfileSerializer, SignupSerializer, TicketSerializer

logger = logging.getLogger(__name__)
User = get_user_model()


class CsrfExemptSessionAuthentication(SessionAuthentication):
    # expect: VC208
    def enforce_csrf(self, request):
        return


# expect: VC214
class TicketViewSet(viewsets.ModelViewSet):
    serializer_class = TicketSerializer
    permission_classes = [permissions.IsAuthenticated]
    authentication_classes = [CsrfExemptSessionAuthentication]
    queryset = Ticket.objects.all()

    def perform_create(self, serializer):
        ticket = serializer.save(requester=self.request.user)
        notify_assignee.delay(ticket.id)

    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        ticket = self.get_object()
        assignee_id = request.data.get("assignee_id")
        # expect: VC230
        assert request.user.is_staff, "only staff can assign tickets"
        ticket.assignee_id = assignee_id
        ticket.save(update_fields=["assignee"])
        return Response(TicketSerializer(ticket).data)


class MyTicketViewSet(viewsets.ModelViewSet):
    serializer_class = TicketSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        # ok: VC214
        return Ticket.objects.filter(requester=self.request.user).select_related("assignee")


class OrderViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrderSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Order.objects.filter(customer=self.request.user)

    # expect: VC218
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        order = self.get_object()
        refund_order.delay(order.id)
        return Response({"queued": True}, status=status.HTTP_202_ACCEPTED)

    # ok: VC218
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAdminUser])
    def force_refund(self, request, pk=None):
        order = Order.objects.get(pk=pk)
        refund_order.delay(order.id)
        return Response({"queued": True}, status=status.HTTP_202_ACCEPTED)


class ProfileUpdateView(generics.RetrieveUpdateAPIView):
    serializer_class = ProfileSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_object(self):
        return self.request.user


class SignupView(generics.CreateAPIView):
    serializer_class = SignupSerializer
    # ok: VC201
    permission_classes = [permissions.AllowAny]

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        user = User.objects.get(username=request.data["username"])
        # expect: VC207/VC217
        if request.data.get("is_staff"):
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        return response


class PasswordChangeView(generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request):
        user = request.user
        # expect: VC410
        user.password = request.data["new_password"]
        user.save()
        return Response({"changed": True})
