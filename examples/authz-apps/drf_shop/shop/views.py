from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Order, Product, Profile
from .serializers import OrderSerializer, ProductSerializer, ProfileSerializer


class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]


class OrderViewSet(viewsets.ModelViewSet):
    serializer_class = OrderSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return Order.objects.filter(customer=self.request.user)

    def perform_create(self, serializer):
        serializer.save(customer=self.request.user)

    # expect: VC218
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        order = self.get_object()
        order.refund()
        return Response({"status": "refunded"})

    @action(detail=True, methods=["post"], permission_classes=[IsAdminUser])
    def mark_shipped(self, request, pk=None):
        order = self.get_object()
        order.ship()
        return Response({"status": "shipped"})


# expect: VC214
class ProfileViewSet(viewsets.ModelViewSet):
    queryset = Profile.objects.all()
    serializer_class = ProfileSerializer

    def perform_create(self, serializer):
        serializer.save(user=self.request.user)


class OrderReceiptView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        # expect: VC214
        order = Order.objects.get(pk=pk)
        return Response({"id": order.id, "total": str(order.total), "card_last4": order.card_last4})


class PublicCouponView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        code = request.data.get("code")
        return Response({"valid": is_valid(code)}, status=status.HTTP_200_OK)
