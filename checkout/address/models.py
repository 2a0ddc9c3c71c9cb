from oscar.apps.address.abstract_models import AbstractUserAddress

from checkout.address.abstract_models import CodedAddress


class UserAddress(CodedAddress, AbstractUserAddress):
    class Meta(AbstractUserAddress.Meta):
        pass


from oscar.apps.address.models import *  # noqa: E402,F403  Oscar: custom models first
