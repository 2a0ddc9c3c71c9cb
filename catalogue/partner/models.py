from oscar.apps.partner.abstract_models import AbstractStockRecord


class StockRecord(AbstractStockRecord):
    """Oscar's stock record; its price and stock changes are audited (settings: AUDITLOG_*)."""

    def get_additional_data(self):
        return {"province_code": self.product.producer.province_code if self.product.producer_id else None}


from oscar.apps.partner.models import *  # noqa: E402,F403  Oscar: custom models first
