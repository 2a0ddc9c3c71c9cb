"""The demo products' names and descriptions in English, Chinese and Korean, as a producer or a
translator would write them in the dashboard (machine translations, to be reviewed)."""

LANGUAGES = ("en", "zh-hans", "ko")

# Vietnamese name → (name, description) in each of LANGUAGES.
PRODUCTS = {
    "Thanh trà Hương Vân": (
        ("Huong Van pomelo", "Pomelos grown on the alluvial banks of the Perfume River: juicy, sweet and lightly tart."),
        ("香云青柚", "种植在香江沿岸冲积土上的青柚，果肉多汁，清甜微酸。"),
        ("흐엉반 탄짜 자몽", "흐엉강 충적토에서 자란 자몽으로 과즙이 풍부하고 산뜻하게 달콤합니다."),
    ),
    "Tinh dầu trầm Trần Luật": (
        ("Tran Luat agarwood oil", "Essential oil distilled from agarwood the traditional way of Thuy Thanh village."),
        ("陈律沉香精油", "按水清沉香村传统工艺从沉香中蒸馏而成的精油。"),
        ("쩐루엇 침향 오일", "투이타인 침향 마을의 전통 방식으로 침향에서 증류한 에센셜 오일입니다."),
    ),
    "Kiệu Hương Chử": (
        ("Huong Chu pickled shallots", "Small white crunchy shallots, pickled to a family recipe of La Chu village."),
        ("香渚腌荞头", "小巧洁白、爽脆的荞头，按罗渚村的祖传配方腌制。"),
        ("흐엉쯔 락교 절임", "작고 하얀 아삭한 락교를 라쯔 마을의 가전 비법으로 절였습니다."),
    ),
    "Bưởi da xanh Bình Thành": (
        ("Binh Thanh green-skin pomelo", "Green-skin pomelos from the Binh Thanh hills: pink segments, dry and deeply sweet."),
        ("平城青皮柚", "平城丘陵地区的青皮柚，果肉粉红，水分适中，味道浓甜。"),
        ("빈타인 그린 자몽", "빈타인 구릉지의 그린 자몽으로 과육이 분홍빛이고 진하게 달콤합니다."),
    ),
    "Quýt Thanh Bình": (
        ("Thanh Binh mandarins", "Thin-skinned, fragrant mandarins grown to VietGAP practice."),
        ("清平橘子", "皮薄、香气浓郁的橘子，按照VietGAP标准种植。"),
        ("타인빈 귤", "껍질이 얇고 향이 좋은 귤로 VietGAP 기준에 따라 재배했습니다."),
    ),
    "Hương trầm Hương Thảo": (
        ("Huong Thao agarwood incense", "Hand-rolled incense of natural agarwood powder, no chemicals, burning evenly and softly."),
        ("香草沉香", "用天然沉香粉手工搓制的香，不含化学成分，燃烧均匀，香气柔和。"),
        ("흐엉타오 침향", "천연 침향 가루로 손으로 빚은 향으로 화학 성분이 없고 은은하게 탑니다."),
    ),
    "Bún Vân Cù": (
        ("Van Cu rice vermicelli", "Soft, springy white noodles of the 400-year-old Van Cu craft village."),
        ("云衢米线", "拥有四百多年历史的云衢手艺村出产的米线，洁白柔韧。"),
        ("반꾸 쌀국수면", "400년 전통의 반꾸 공예 마을에서 만든 부드럽고 쫄깃한 쌀국수면입니다."),
    ),
    "Muối hạt Cần Giờ": (
        ("Can Gio sea salt", "Sun-dried salt from the Ly Nhon salt fields: large, clean crystals with a mild taste."),
        ("芹椰海盐", "李仁盐田日晒而成的海盐，颗粒大，干净，咸味柔和。"),
        ("껀저 천일염", "리년 염전에서 햇볕에 말린 소금으로 알갱이가 굵고 깨끗하며 짠맛이 부드럽습니다."),
    ),
    "Muối thuốc thảo dược Cần Giờ": (
        ("Can Gio herbal salt", "Salt roasted with herbs, used as a warm compress for aches."),
        ("芹椰草药盐", "与草药一起炒制的盐，可用于热敷缓解酸痛。"),
        ("껀저 약초 소금", "약초와 함께 볶은 소금으로 찜질하여 통증을 덜어 줍니다."),
    ),
    "Khô cá đù Cần Giờ": (
        ("Can Gio dried croaker", "Fresh croaker cleaned, lightly seasoned and dried in the Can Thanh sea sun."),
        ("芹椰黄花鱼干", "新鲜黄花鱼洗净、适度腌制后在芹盛海边晒干。"),
        ("껀저 조기 건어물", "신선한 조기를 손질해 알맞게 양념하고 껀타인 바닷볕에 말렸습니다."),
    ),
    "Khô cá lưỡi trâu Cần Giờ": (
        ("Can Gio dried sole", "Sole dried for one day in the sun; sweet flesh, best grilled over charcoal."),
        ("芹椰舌鳎鱼干", "只晒一天的舌鳎鱼干，肉质鲜甜，炭火烤最好吃。"),
        ("껀저 서대 건어물", "하루 볕에 말린 서대로 살이 달고 숯불에 구우면 가장 맛있습니다."),
    ),
    "Khô mực Cần Giờ": (
        ("Can Gio dried squid", "Line-caught inshore squid, dried naturally: thick and sweet."),
        ("芹椰鱿鱼干", "近海钓捕的鱿鱼，自然晒干，肉厚味甜。"),
        ("껀저 마른 오징어", "연안에서 낚은 오징어를 자연 건조해 살이 두껍고 달콤합니다."),
    ),
    "Mắm cá cơm Cần Giờ": (
        ("Can Gio anchovy fish sauce", "Anchovy fish sauce fermented 12 months in wooden barrels: rich in protein, deeply fragrant."),
        ("芹椰鳀鱼鱼露", "鳀鱼在木桶中发酵十二个月制成的鱼露，蛋白质含量高，香气浓郁。"),
        ("껀저 멸치 액젓", "멸치를 나무통에서 12개월 숙성한 액젓으로 단백질이 풍부하고 향이 진합니다."),
    ),
    "Mắm tôm chua An Thới Đông": (
        ("An Thoi Dong sour shrimp paste", "Fresh river shrimp fermented with galangal, garlic and chilli to a family recipe."),
        ("安泰东酸虾酱", "新鲜河虾与南姜、大蒜和辣椒按家传配方腌制而成。"),
        ("안터이동 새우 젓갈", "신선한 민물새우를 갈랑갈, 마늘, 고추와 함께 가족 비법으로 삭혔습니다."),
    ),
    "Hàu sữa Thạnh An": (
        ("Thanh An milk oysters", "Oysters raised on rafts at the Thanh An estuary: rich and creamy, harvested the same day."),
        ("盛安奶牡蛎", "在盛安河口木筏上养殖的牡蛎，肥美丰腴，当天采收。"),
        ("타인안 우유 굴", "타인안 하구의 뗏목에서 기른 굴로 고소하고 당일 수확합니다."),
    ),
    "Tour sinh thái rừng Sác Cần Giờ": (
        ("Can Gio mangrove eco-tour", "A day in the Can Gio mangroves, a UNESCO world biosphere reserve."),
        ("芹椰红树林生态游", "在世界生物圈保护区芹椰红树林度过一天。"),
        ("껀저 맹그로브 생태 투어", "세계 생물권 보전지역인 껀저 맹그로브 숲을 하루 동안 탐방합니다."),
    ),
    "Gốm Thanh Hà": (
        ("Thanh Ha pottery", "Terracotta from Thanh Ha village, shaped by hand and fired in wood kilns."),
        ("清河陶器", "清河村的陶器，手工拉坯，用传统柴窑烧制。"),
        ("타인하 도자기", "타인하 마을의 테라코타로 손으로 빚어 전통 장작 가마에서 구웠습니다."),
    ),
    "Rau Trà Quế": (
        ("Tra Que herbs", "Herbs grown with De Vong river seaweed, keeping the taste of Hoi An."),
        ("茶桂香草", "用帝望河水草施肥种植的香草，保留会安的独特风味。"),
        ("짜꿰 허브", "데봉강 수초로 키운 허브로 호이안 고유의 맛을 지녔습니다."),
    ),
    "Lụa Mã Châu": (
        ("Ma Chau silk", "Silk woven by hand in Ma Chau village: soft, cool and colourfast."),
        ("马洲丝绸", "马洲村手工织造的蚕丝，柔软凉爽，不易褪色。"),
        ("마쩌우 실크", "마쩌우 마을에서 손으로 짠 실크로 부드럽고 시원하며 색이 바래지 않습니다."),
    ),
    "Sâm Ngọc Linh": (
        ("Ngoc Linh ginseng", "Ginseng grown under primary forest in the Tra My mountains."),
        ("玉灵人参", "生长在茶眉山区原始森林树荫下的人参。"),
        ("응옥린 인삼", "짜미 산간 원시림 아래에서 자란 인삼입니다."),
    ),
    "Bánh tráng Đại Lộc": (
        ("Dai Loc rice paper", "Hand-made rice paper, sun-dried and toasted crisp with sesame."),
        ("大禄米纸", "手工制作的米纸，日晒后烤得香脆，撒满芝麻。"),
        ("다이록 라이스페이퍼", "손으로 만든 라이스페이퍼를 햇볕에 말려 참깨와 함께 바삭하게 구웠습니다."),
    ),
    "Chiếu cói Kim Sơn": (
        ("Kim Son sedge mat", "Mats woven from sedge of the Kim Son coastal flats: durable and cool."),
        ("金山草席", "用金山沿海滩涂的莞草编织的草席，耐用凉爽。"),
        ("낌선 왕골 돗자리", "낌선 해안 간척지의 왕골로 짠 돗자리로 튼튼하고 시원합니다."),
    ),
    "Rượu Kim Sơn": (
        ("Kim Son rice wine", "Glutinous rice wine distilled by hand and aged underground in clay jars."),
        ("金山米酒", "用黄花糯米手工蒸馏，装在陶瓮中埋入地下陈酿。"),
        ("낌선 쌀술", "찹쌀로 손수 증류해 항아리에 담아 땅속에서 숙성한 술입니다."),
    ),
    "Cơm cháy Ninh Bình": (
        ("Ninh Binh crispy rice", "Crunchy scorched rice with pork floss, a speciality of the old capital Hoa Lu."),
        ("宁平锅巴", "香脆的锅巴配肉松，是古都华闾的特产。"),
        ("닌빈 누룽지", "고기 플로스를 얹은 바삭한 누룽지로 옛 수도 호아르의 특산품입니다."),
    ),
    "Thịt dê núi Nho Quan": (
        ("Nho Quan mountain goat meat", "Goats roaming the Nho Quan limestone hills: firm, lean meat, vacuum-packed."),
        ("儒关山羊肉", "散养在儒关石灰岩山上的山羊，肉质紧实少脂，真空包装。"),
        ("뇨꽌 산양고기", "뇨꽌 석회암 산에서 방목한 염소로 살이 단단하고 기름기가 적으며 진공 포장했습니다."),
    ),
    "Bánh tráng phơi sương Trảng Bàng": (
        ("Trang Bang dew-dried rice paper", "Rice paper toasted, then left in the night dew until soft, for rolling with pork and wild greens."),
        ("长滂露晒米纸", "米纸烤过后在夜露中晾软，用来卷白切肉和野菜。"),
        ("짱방 이슬 라이스페이퍼", "구운 뒤 밤이슬에 말려 부드러워진 라이스페이퍼로 삶은 고기와 들나물을 싸 먹습니다."),
    ),
    "Muối tôm Tây Ninh": (
        ("Tay Ninh shrimp salt", "Shrimp salt roasted with chilli, garlic and fried shallots, Tay Ninh style."),
        ("西宁虾盐", "按西宁做法与辣椒、大蒜和油葱一起炒制的虾盐。"),
        ("떠이닌 새우 소금", "떠이닌식으로 고추, 마늘, 튀긴 샬롯과 함께 볶은 새우 소금입니다."),
    ),
    "Mãng cầu Bà Đen": (
        ("Ba Den custard apple", "Custard apples grown at the foot of Ba Den mountain: thick, very sweet flesh."),
        ("黑婆山番荔枝", "种植在黑婆山脚下的番荔枝，果肉厚实，甘甜可口。"),
        ("바덴 커스터드 애플", "바덴산 기슭에서 자란 커스터드 애플로 과육이 두툼하고 매우 달콤합니다."),
    ),
    "Yến sào Cù Lao Chàm": (
        ("Cu Lao Cham bird nest", "Wild edible bird's nest from the Cu Lao Cham islands, cleaned by hand."),
        ("占婆岛燕窝", "采自占婆岛的天然燕窝，人工手挑清洁。"),
        ("꾸라오짬 제비집", "꾸라오짬 섬에서 자연 채취한 식용 제비집으로 손으로 깨끗이 손질했습니다."),
    ),
    "Mật ong quế Trà My": (
        ("Tra My cinnamon honey", "Honey from bees kept under the Tra My cinnamon forest: thick, with a cinnamon scent."),
        ("茶眉肉桂蜂蜜", "在茶眉肉桂林下养蜂所产的蜂蜜，浓稠并带有肉桂香。"),
        ("짜미 계피 꿀", "짜미 계피 숲에서 기른 벌의 꿀로 진하고 계피 향이 납니다."),
    ),
    "Trà cung đình Huế": (
        ("Hue royal herbal tea", "Herbal tea of stevia, chrysanthemum, artichoke and red dates, to a recipe of the Hue court."),
        ("顺化宫廷茶", "按顺化宫廷茶方，以甜叶菊、菊花、洋蓟和红枣调配而成的花草茶。"),
        ("후에 궁중차", "후에 궁중의 차 처방에 따라 스테비아, 국화, 아티초크, 대추를 섞은 허브차입니다."),
    ),
}

# Packagings (catalogue.demo.PACKAGINGS) in each of LANGUAGES.
PACKAGINGS = {
    "hộp quà": ("gift box", "礼盒装", "선물 상자"),
    "túi 500 g": ("500 g bag", "500克袋装", "500g 봉지"),
    "loại đặc biệt": ("premium grade", "特级", "특등급"),
    "bao bì du lịch": ("travel pack", "旅行装", "여행용 포장"),
    "combo gia đình": ("family pack", "家庭装", "가족 세트"),
}

# "Made by …" after a description, in each of LANGUAGES.
MADE_BY = ("Made by {producer}.", "生产者：{producer}。", "생산자: {producer}.")
