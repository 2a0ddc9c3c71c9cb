"""The relevance set: what shoppers and tourists type, and what they must find in the top five.

Each entry: the query, the products (demo titles, any packaging of them) that must all be among
the first five results, and others that are also right answers. Run on both backends against the
demo catalogue by test_relevance.py, which reports precision@5 and recall@5 per backend.
"""

RELEVANCE_SET = [
    # With and without diacritics.
    ("nuoc mam", ["Mắm cá cơm Cần Giờ", "Mắm tôm chua An Thới Đông"], []),
    ("nước mắm", ["Mắm cá cơm Cần Giờ", "Mắm tôm chua An Thới Đông"], []),
    ("mắm cá cơm", ["Mắm cá cơm Cần Giờ"], ["Mắm tôm chua An Thới Đông"]),
    ("thanh tra", ["Thanh trà Hương Vân"], []),
    ("Thanh trà Hương Vân", ["Thanh trà Hương Vân"], []),
    ("bưởi da xanh", ["Bưởi da xanh Bình Thành"], []),
    ("sam ngoc linh", ["Sâm Ngọc Linh"], []),
    ("lua ma chau", ["Lụa Mã Châu"], []),
    ("gốm", ["Gốm Thanh Hà"], []),
    ("muoi hat", ["Muối hạt Cần Giờ"], ["Muối thuốc thảo dược Cần Giờ", "Muối tôm Tây Ninh"]),
    ("muối tôm", ["Muối tôm Tây Ninh"], ["Mắm tôm chua An Thới Đông", "Muối hạt Cần Giờ"]),
    ("rượu nếp", ["Rượu Kim Sơn"], []),
    ("khô mực", ["Khô mực Cần Giờ"], ["Khô cá đù Cần Giờ", "Khô cá lưỡi trâu Cần Giờ"]),
    # Partial words, as typed.
    ("ca kh", ["Khô cá đù Cần Giờ", "Khô cá lưỡi trâu Cần Giờ"], ["Mắm cá cơm Cần Giờ"]),
    ("banh tr", ["Bánh tráng Đại Lộc", "Bánh tráng phơi sương Trảng Bàng"], []),
    ("mang c", ["Mãng cầu Bà Đen"], []),
    ("com ch", ["Cơm cháy Ninh Bình"], []),
    ("chieu co", ["Chiếu cói Kim Sơn"], []),
    # One typo per word (a swap, a missing, extra or wrong letter).
    ("buoi da xnah", ["Bưởi da xanh Bình Thành"], []),
    ("mang cua ba den", ["Mãng cầu Bà Đen"], []),
    ("tinh dau tramm", ["Tinh dầu trầm Trần Luật"], ["Hương trầm Hương Thảo"]),
    ("khoo muc", ["Khô mực Cần Giờ"], ["Khô cá đù Cần Giờ", "Khô cá lưỡi trâu Cần Giờ"]),
    ("ruou kim sonn", ["Rượu Kim Sơn"], ["Chiếu cói Kim Sơn"]),
    ("hau thnah an", ["Hàu sữa Thạnh An"], []),
    # Synonyms of OCOP words.
    ("chè", ["Trà cung đình Huế"], []),
    ("tổ yến", ["Yến sào Cù Lao Chàm"], []),
    ("yen", ["Yến sào Cù Lao Chàm"], []),
    ("mắm", ["Mắm cá cơm Cần Giờ", "Mắm tôm chua An Thới Đông"], []),
    # Producers and places.
    ("htx nn huong van", ["Thanh trà Hương Vân"], []),
    ("La Chử", ["Kiệu Hương Chử"], []),
    ("diêm nghiệp lý nhơn", ["Muối hạt Cần Giờ", "Muối thuốc thảo dược Cần Giờ"], []),
    ("hoi an", ["Gốm Thanh Hà", "Rau Trà Quế"], ["Yến sào Cù Lao Chàm"]),
    ("nho quan", ["Thịt dê núi Nho Quan"], []),
    ("trang bang", ["Bánh tráng phơi sương Trảng Bàng"], []),
    ("tra my", ["Sâm Ngọc Linh", "Mật ong quế Trà My"], []),
    # English, for tourists.
    ("fish sauce", ["Mắm cá cơm Cần Giờ", "Mắm tôm chua An Thới Đông"], []),
    ("tea", ["Trà cung đình Huế"], []),
    ("honey", ["Mật ong quế Trà My"], []),
    ("bird nest", ["Yến sào Cù Lao Chàm"], []),
    ("ginseng", ["Sâm Ngọc Linh"], []),
    ("silk", ["Lụa Mã Châu"], []),
    ("pottery", ["Gốm Thanh Hà"], []),
    ("rice paper", ["Bánh tráng Đại Lộc", "Bánh tráng phơi sương Trảng Bàng"], []),
    ("dried squid", ["Khô mực Cần Giờ"], ["Khô cá đù Cần Giờ", "Khô cá lưỡi trâu Cần Giờ"]),
    ("oysters", ["Hàu sữa Thạnh An"], []),
    ("goat meat", ["Thịt dê núi Nho Quan"], []),
    ("salt", ["Muối hạt Cần Giờ"], ["Muối thuốc thảo dược Cần Giờ", "Muối tôm Tây Ninh"]),
    # Chinese and Korean tourists, in the products' translated names (catalogue/demo_translations.py).
    ("海盐", ["Muối hạt Cần Giờ"], []),
    ("燕窝", ["Yến sào Cù Lao Chàm"], []),
    ("丝绸", ["Lụa Mã Châu"], []),
    ("자몽", ["Thanh trà Hương Vân", "Bưởi da xanh Bình Thành"], []),
    ("인삼", ["Sâm Ngọc Linh"], []),
    ("계피 꿀", ["Mật ong quế Trà My"], []),
]
