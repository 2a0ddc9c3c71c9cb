"""Two sides of every role boundary, built once per test module.

Side A (Thành phố Hồ Chí Minh) owns the objects: a producer with its page, a pending draft, a
product, stock, a lot with stamps, a sales point, a fair, orders. Side B (Huế) holds one user per
role, each with objects of its own, so every B role is a real, working role that must not reach A.
Secrets are strings planted in A's objects: a refused answer (or a report scoped to B) must not
contain any of them.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model

from access import grants
from access.models import TradeOfficer
from catalogue.certification import local_today
from onboarding import services
from onboarding.models import Invitation
from tests.checkout import add_to_basket, fill_guest_checkout, place_order
from tests.factories import (
    ExhibitorFactory,
    LotFactory,
    ProducerFactory,
    ProductFactory,
    RawMaterialAreaFactory,
    SalesPointFactory,
    SalesPointStockFactory,
    StampFactory,
    TradeFairFactory,
    producer_page,
)
from traceability.models import AreaStandard, TraceEvent
from tradefairs.services import fair_listing_add

Order = get_model("order", "Order")

HCM, HUE = 79, 46
HUE_COMMUNE = 19960
DRAFT_SECRET = "Bản nháp bí mật của HTX A"
ADDRESS_SECRET = "99 hẻm bí mật Lý Nhơn"
SALES_POINT_PHONE_SECRET = "0909 000 111"

# The roles on side B, in the words; "owner" roles on side A are the positive controls.
ROLES = ("anonymous", "customer", "producer", "operator", "trade officer", "certification officer", "staff")


def user(username, *permissions, **extra):
    """A user holding the given permission codenames (``app_label.codename``)."""
    made = get_user_model().objects.create_user(username, f"{username}@example.vn", "pw", **extra)
    for permission in permissions:
        app_label, codename = permission.split(".")
        made.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return made


def trade_officer(username, province):
    officer = user(username)
    grants.add_officer(officer, province)
    return officer


def certification_officer(username, province):
    officer = user(username)
    grants.add_certification_officer(officer, province)
    return officer


@dataclass
class Side:
    producer: object
    product: object
    page: object
    producer_user: object
    lot: object
    area: object
    standard: object
    event: object
    stamps: list
    sales_point: object
    stock: object
    operator: object
    fair: object
    exhibitor: object
    officer: object
    certification_officer: object
    invited: object  # an accepted invitation (a colleague's account) and a pending one
    pending: object
    customer: object
    order: object
    guest_order: object


@dataclass
class World:
    a: Side
    b: Side
    users: dict  # role → a user of side B (None: anonymous)
    superuser: object

    def client(self, role):
        client = Client()
        if self.users.get(role) is not None:
            client.force_login(self.users[role])
        return client

    def owner_client(self, who):
        """A client signed in as one of side A's own users (the positive controls)."""
        client = Client()
        client.force_login(who if not isinstance(who, str) else getattr(self.a, who))
        return client


def _order(customer, product):
    client = Client()
    if customer is not None:
        client.force_login(customer)
    add_to_basket(client, product)
    fill_guest_checkout(client, email=customer.email if customer else "khach-vang-lai@example.vn")
    place_order(client)
    return Order.objects.order_by("-pk").first()


def _side(name, province, commune=None):
    place = {"province_code": province, **({"commune_code": commune} if commune else {})}
    producer = ProducerFactory(name=f"HTX {name}", slug=f"htx-{name.lower()}", **place)
    product = ProductFactory(
        producer=producer, title=f"Sản phẩm của HTX {name}", upc=f"OCOP-{name}",
        origin_province_code=province, **({"origin_commune_code": commune} if commune else {}),
    )
    # Orders first: once a sales point stocks the product, checkout asks how to ship.
    customer = user(f"customer-{name.lower()}")
    order = _order(customer, product)
    guest_order = _order(None, product)
    page = producer_page(producer, intro=f"Giới thiệu HTX {name}.")
    producer_user = user(f"producer-{name.lower()}")
    grants.add_producer_user(producer_user, producer)
    lot = LotFactory(product=product, code=f"LOT-{name}")
    area = RawMaterialAreaFactory(producer=producer, name=f"Vùng {name}", **place)
    lot.areas.add(area)
    standard = AreaStandard.objects.create(
        area=area, standard="vietgap", certificate_number=f"VG-{name}", issuer="Tổ chức chứng nhận",
        valid_from=local_today(), valid_until=local_today() + timedelta(days=365),
    )
    event = TraceEvent.objects.create(
        lot=lot, step="packing", occurred_at=timezone.now(), place=f"Xưởng đóng gói {name}", area=area,
    )
    stamps = [StampFactory(lot=lot), StampFactory(lot=lot)]
    sales_point = SalesPointFactory(name=f"Điểm bán {name}", slug=f"diem-ban-{name.lower()}", **place)
    stock = SalesPointStockFactory(sales_point=sales_point, product=product)
    operator = user(f"operator-{name.lower()}")
    sales_point.operators.add(operator)
    fair = TradeFairFactory(name=f"Hội chợ {name}", slug=f"hoi-cho-{name.lower()}", province_code=province)
    exhibitor = ExhibitorFactory(fair=fair, producer=producer, booth=f"{name}-01")
    fair_listing_add(exhibitor=exhibitor, product=product)
    officer = trade_officer(f"officer-{name.lower()}", province)
    invited = Invitation.create(email=f"nhan-vien-{name.lower()}@example.vn", role="producer",
                                producer=producer, inviter=officer, sent=timezone.now())
    services.accept(invited.key, password="pw-nhan-vien", name=f"Nhân viên {name}")
    pending = Invitation.create(email=f"cho-{name.lower()}@example.vn", role="producer", producer=producer,
                                inviter=officer, sent=timezone.now())
    # A's certificate lapses within the officers' 90-day list: another province must not see it there.
    product.certificates.update(valid_until=local_today() + timedelta(days=40))
    return Side(
        producer=producer, product=product, page=page, producer_user=producer_user, lot=lot, stamps=stamps,
        area=area, standard=standard, event=event,
        sales_point=sales_point, stock=stock, operator=operator, fair=fair, exhibitor=exhibitor,
        officer=officer, invited=invited, pending=pending,
        certification_officer=certification_officer(f"cert-officer-{name.lower()}", province),
        customer=customer, order=order, guest_order=guest_order,
    )


def build_world() -> World:
    a = _side("A", HCM)
    b = _side("B", HUE, HUE_COMMUNE)
    # Secrets of A that only A's own people may read.
    a.page.intro = DRAFT_SECRET
    a.page.save_revision(user=a.producer_user)  # a draft: saved, not submitted, not live
    a.sales_point.phone = SALES_POINT_PHONE_SECRET
    a.sales_point.save()
    a.order.shipping_address.line1 = ADDRESS_SECRET
    a.order.shipping_address.save()
    users = {
        "anonymous": None,
        "customer": b.customer,
        "producer": b.producer_user,
        "operator": b.operator,
        "trade officer": b.officer,
        "certification officer": b.certification_officer,
        "staff": user("staff", "wagtailadmin.access_admin", is_staff=True),
    }
    superuser = get_user_model().objects.create_superuser("admin", "admin@example.vn", "pw")
    assert not TradeOfficer.objects.filter(user=users["staff"]).exists()
    return World(a=a, b=b, users=users, superuser=superuser)
