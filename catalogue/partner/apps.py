import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked only for its purchase strategy (strategy.py)."""

    name = "catalogue.partner"
