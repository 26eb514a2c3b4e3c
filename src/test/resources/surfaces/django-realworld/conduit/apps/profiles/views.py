from rest_framework.exceptions import NotFound
from rest_framework.generics import RetrieveAPIView

from .models import Profile


class ProfileRetrieveAPIView(RetrieveAPIView):
    queryset = Profile.objects.select_related('user')

    def retrieve(self, request, username, *args, **kwargs):
        try:
            profile = self.queryset.get(user__username=username)
        except Profile.DoesNotExist:
            raise NotFound('A profile with this username does not exist.')
        return profile

    def follow(self, request, username=None):
        try:
            followee = Profile.objects.get(user__username=username)
        except Profile.DoesNotExist:
            raise NotFound('A profile with this username was not found.')
        return followee
