from oscar.apps.address.abstract_models import AbstractBillingAddress, AbstractShippingAddress

from checkout.address.abstract_models import CodedAddress


class ShippingAddress(CodedAddress, AbstractShippingAddress):
    class Meta(AbstractShippingAddress.Meta):
        pass


class BillingAddress(CodedAddress, AbstractBillingAddress):
    class Meta(AbstractBillingAddress.Meta):
        pass


from oscar.apps.order.models import *  # noqa: E402,F403  Oscar: custom models first
