import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    """Oscar's shipping app, forked for its repository: delivery by region and pickup at a sales point."""

    name = "checkout.shipping"
