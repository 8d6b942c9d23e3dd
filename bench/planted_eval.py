"""Planted-mistake evaluation: generate a realistic data set in format v1 with known mistakes, audit it with
the real CLI, and measure recall and precision per mistake.

Written from ../shared/CONTRACT.md and issue 2 only, on purpose in another style than the bundled demo and
the rule fixtures: a bicycle shop (Velo Lane Cycles / 骑行巷单车) instead of a coffee chain, timezone
America/New_York (the data span the end of daylight saving time on 2026-11-01) or Asia/Shanghai, timestamps
written with offsets, in UTC or without offset at random, some tables as CSV, English and Chinese texts
phrased differently from the demo.

Every planted mistake is recorded in ``ground_truth.json`` next to the data set as the evidence item the
contract says a finding must name (post, message, like, account, employee, campaign, follower
{account_id, id=user_id}, day {account_id, date}). Background data follow good practice and include
look-alikes that are *not* mistakes (a recent complaint still inside the one-day window, a closed Weibo
topic, a former employee who never signed, an embargo that has ended, a night-time auto-responder, ...).
Only what the contract and issue 2 define is planted.

The checker then takes, per mistake, the evidence of the findings with severity low/medium/high:
recall = planted items found / planted items; precision = flagged items that were planted / flagged items.

    .venv/bin/python bench/planted_eval.py                      # size 1, seed 1, America/New_York
    .venv/bin/python bench/planted_eval.py --tz Asia/Shanghai --seed 7 --size 3 --keep /tmp/ds
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
SMGUARD = ROOT / ".venv" / "bin" / "smguard"

START = date(2026, 9, 14)  # a Monday
END = date(2026, 11, 20)  # a Friday; America/New_York leaves daylight saving time on 2026-11-01
AS_OF_LOCAL = datetime(2026, 11, 20, 17, 0)

MISTAKES = (1, 2, 3, 4, 5, 6)

# ------------------------------------------------------------------------------------------------ texts

PRODUCTS_EN = ["Commuter 3", "Gravel X2", "Metro Fold 20", "Trailhead Jr", "Ridgeline 29"]
PRODUCTS_ZH = ["城市通勤3代", "碎石X2", "都市折叠20", "小小探路者", "山脊29"]
ACCESSORIES_EN = ["helmet", "pair of lights", "U-lock", "set of fenders", "saddle bag", "floor pump"]
ACCESSORIES_ZH = ["头盔", "车灯", "U型锁", "挡泥板", "座包", "打气筒"]
ROUTES_EN = [
    "the Hudson River Greenway",
    "Prospect Park loop",
    "the Palisades",
    "Central Park",
    "Bear Mountain",
]
ROUTES_ZH = ["滨江绿道", "世纪公园", "淀山湖", "佘山", "崇明岛环岛路"]

BRAND_EN = {
    "x": [
        "Rain tomorrow? Fenders on the {p} are free this week at both stores. Come by before the storm.",
        "Group ride Saturday 8am: {r}, no-drop pace, coffee after. Reply if you're in!",
        "Shop tip #{n}: check tire pressure weekly. Most flats we fix start with soft tires.",
        "Just in: the {p} in sage green. Test rides all weekend.",
        "Our mechanics fixed {n} flats this week. Tubes are on us if you bring your receipt.",
    ],
    "facebook": [
        "This week at Velo Lane: free safety checks every weekday 4–7pm. Bring your bike, we'll check brakes, "
        "chain and tires in 15 minutes. ({n} riders came last week!)",
        "Customer story: Maria has ridden her {p} to work {n} days in a row. What's your streak?",
        "Family ride on {r} this Sunday. Kids' helmets available to borrow at the start.",
        "We're hiring a weekend mechanic. Know someone who loves bikes? Tag them below. (Opening #{n})",
    ],
    "instagram": [
        "Golden hour on {r} with the {p} ✨ #bikelife #velolane",
        "Fresh build on the stand today: {p}, custom bar tape. Swipe for details. Ride #{n}",
        "Workshop Wednesday: truing wheel number {n} of the week. #bikemechanic",
        "New colors just landed. Which one are you riding home? Link in bio. #{p0}",
    ],
    "youtube": [
        "How to adjust your brakes in 5 minutes (episode {n}) | Velo Lane Workshop",
        "{p} long-term review: {n} miles later",
        "Fixing a flat on the road: the fastest method (part {n})",
    ],
    "linkedin": [
        "Velo Lane Cycles is partnering with {n} local employers on bike-to-work programs. Fewer cars, healthier "
        "teams. Interested? Message our B2B desk.",
        "Our service team completed {n} fleet tune-ups for delivery riders this month. Reliable bikes keep "
        "couriers earning.",
        "What we learned from {n} corporate bike-fleet pilots: maintenance schedules matter more than the bikes.",
    ],
}
BRAND_ZH = {
    "weibo": [
        "#秋季骑行# 周末{r}骑行活动报名开始啦，配速友好，新手也能跟上！第{n}期",
        "{p}新配色到店，欢迎周末来试骑。#骑行巷新品# 编号{n}",
        "骑行小贴士第{n}条：出门前捏一下刹车，检查胎压，安全第一。",
        "今天店里师傅修好了{n}辆车，最常见的问题是链条缺油。记得定期保养哦。",
    ],
    "wechat": [
        "【骑行巷周报第{n}期】{p}到货、免费安全检查、本周六{r}团骑，详情见正文。",
        "一篇讲清楚：通勤自行车怎么选？从车架尺寸到变速系统（第{n}篇）",
        "会员日福利：本周到店保养享八折，{p}车主再送车灯一副。（第{n}期）",
    ],
    "douyin": [
        "三十秒学会补胎 第{n}集 #骑行",
        "{p}试骑 第{n}弹 {r}真的太美了",
        "师傅手艺展示：{n}分钟换好一根链条",
    ],
    "xiaohongshu": [
        "通勤党必看｜{p}骑了一个月的真实感受（第{n}篇）",
        "{r}骑行路线分享，沿途打卡点都在图里了 第{n}站",
        "新手买车避坑指南第{n}弹：车架尺寸真的很重要",
    ],
}

COMPLAINT_EN = [
    "My brake pads started squealing two weeks after the tune-up. Really disappointed.",
    "Ordered a {a} ten days ago and it still hasn't shipped. Where is it??",
    "The mechanic scratched my frame during the service and nobody even mentioned it.",
    "Third time the battery on my e-bike died halfway home. This is not acceptable.",
    "You charged my card twice for the same repair. Fix this please.",
    "Store was closed during your posted hours today, wasted a 40 minute trip.",
    "The {p} I bought last month already has a creaking bottom bracket. Very poor quality.",
    "Waited 45 minutes at the counter and left without being helped. Terrible service.",
]
COMPLAINT_ZH = [
    "车才骑了一周链条就断了，太失望了",
    "订单十天了还没发货，客服也一直不回，怎么回事",
    "保养的时候把我的车架刮花了，也没人跟我说一声",
    "电动车电池又坏了，这已经是第三次了，质量太差",
    "同一次维修被扣了两次钱！请尽快处理",
    "门店写着营业结果关着门，白跑一趟",
    "上个月买的{p}中轴一直异响，质量真的不行",
    "在店里等了四十分钟都没人理，服务太差了",
]
HELP_EN = [
    "Do you have the {p} in a medium frame?",
    "How do I book a bike fitting appointment?",
    "What's the warranty on the e-bike battery?",
    "Can I return a {a} I bought online at the store?",
    "Are you open on Thanksgiving weekend?",
    "Is there a trade-in program for old bikes?",
]
HELP_ZH = [
    "请问{p}有中号车架吗？",
    "怎么预约专业的骑行姿势调整？",
    "电动车电池保修多久？",
    "网上买的{a}可以到店退吗？",
    "国庆期间门店营业吗？",
    "旧车可以折价换新吗？",
]
PRAISE_EN = [
    "Best bike shop in the city, the staff really know their stuff!",
    "Love my new {p}, rode {r} this morning 🚴",
    "Thanks for the quick fix yesterday, saved my commute.",
    "Great group ride today, see you next week!",
]
PRAISE_ZH = [
    "师傅太专业了，点赞",
    "新车到手，颜值超高！周末去{r}骑一圈",
    "昨天补胎很快，谢谢店员小哥",
    "今天的团骑太开心了，下周见！",
]
ABUSIVE_EN = [
    "You are a bunch of scammers. Screw you and your overpriced junk.",
    "Worst shop ever, you idiots ripped me off. Go to hell.",
    "Pathetic clowns. Your mechanics are morons and you are liars.",
]
ABUSIVE_ZH = [
    "你们就是一群骗子，滚！",
    "垃圾店，一群傻X，坑钱的骗子",
    "骗子公司，你们都去死吧，恶心",
]
GOOD_COMPLAINT_REPLY_EN = [
    "We're really sorry about this. We'll fix it free of charge this week. Please DM us your order number.",
    "So sorry for the trouble! We're refunding the duplicate charge today and will confirm by email.",
    "Apologies, that should not have happened. We will replace the part at no cost, just drop by any time.",
    "Sorry for the wait. We've checked your order and it ships tomorrow with express delivery, on us.",
]
GOOD_COMPLAINT_REPLY_ZH = [
    "非常抱歉给您带来不便，我们会免费为您处理，请私信订单号。",
    "抱歉让您久等了，重复扣款今天就为您退回，稍后短信确认。",
    "真的很抱歉，这不应该发生。我们马上为您免费更换配件。",
    "对不起，我们已经查到您的订单，明天加急发出，运费由我们承担。",
]
HELP_REPLY_EN = [
    "Yes! Medium is in stock at both stores. Want us to hold one for you?",
    "You can book a fitting on our website under Services, or just call the store.",
    "The battery has a 2-year warranty; bring the receipt and we'll take care of it.",
    "Yes, online orders can be returned in store within 30 days with the order email.",
]
HELP_REPLY_ZH = [
    "有的，两家门店都有中号现货，需要帮您预留一台吗？",
    "可以在公众号“服务预约”里预约，也可以直接打门店电话。",
    "电池保修两年，带上购买凭证到店即可处理。",
    "可以的，30天内带上订单信息到店就能办理退货。",
]
PRAISE_REPLY_EN = ["Thank you so much, enjoy the ride!", "That made our day, see you on the road!"]
PRAISE_REPLY_ZH = ["谢谢支持，骑行愉快！", "太开心啦，路上见！"]
ARGUE_EN = [
    "That's not true. You obviously didn't maintain the bike properly.",
    "Maybe read the manual before complaining in public.",
    "This is your fault, not ours. The bike was fine when it left the shop.",
    "Calm down. Nobody else has this problem, so it must be you.",
]
ARGUE_ZH = [
    "这是你自己使用不当造成的，跟我们没关系。",
    "爱买不买，别在这里抹黑我们。",
    "你说的根本不是事实，请先看清楚说明书再来评论。",
    "别人都没问题，就你有问题，自己想想吧。",
]
BLAND_EN = ["Noted.", "OK.", "We have received your message.", "Thanks for the feedback."]
BLAND_ZH = ["收到。", "好的。", "已收到您的留言。", "知道了。"]
FIGHT_EN = [
    "You're the one being rude here. We did nothing wrong.",
    "Watch your language. Nobody is scamming you.",
    "Keep insulting us and see what happens. We stand by our work.",
    "If you hate us so much, stop buying from us.",
]
FIGHT_ZH = [
    "你才是骗子，别在这里造谣！",
    "请注意你的言辞，我们没有骗任何人。",
    "再骂人我们就报警了，我们的服务没有任何问题。",
    "这么讨厌我们就别来买了。",
]
CALM_PRIVATE_EN = [
    "We're sorry you feel this way. Please DM us your order number so we can sort this out privately."
]
CALM_PRIVATE_ZH = ["很抱歉让您不满意，请私信我们订单号，我们一对一为您处理。"]
AUTO_BUSINESS_EN = "Thanks for your message! Our team will get back to you shortly."
AUTO_BUSINESS_ZH = "感谢您的留言！客服会尽快回复您。"
AUTO_NIGHT_EN = "Hi! Our team is offline right now. We'll reply first thing in the morning."
AUTO_NIGHT_ZH = "您好，现在是非工作时间，我们会在上班后第一时间回复您。"

EMPLOYEE_NORMAL_EN = [
    "Rode {r} before work, legs are toast but worth it.",
    "Finally finished the bookshelf I've been building for a month.",
    "Rainy commute today, the traffic on the bridge was miserable.",
    "Proud of our team at the shop this week, we helped a lot of new riders get going.",
    "Coffee, podcast, and a long ride. Perfect Sunday.",
]
EMPLOYEE_NORMAL_ZH = [
    "下班后去{r}骑了一圈，风景太好了",
    "周末在家做了红烧肉，第一次做就成功了",
    "今天地铁太挤了，通勤好累",
    "这周店里来了好多新手车友，帮大家调车很有成就感",
    "读完了一本好书，推荐给大家",
]
EMPLOYEE_ATTACK_EN = [
    "Honestly the bikes we sell at my company are overpriced junk. Management only cares about margins. Don't buy there.",
    "Working at Velo Lane is a joke. They rip off customers with fake repair bills and treat staff like garbage.",
    "My employer's {p} is a terrible bike with a defective frame. I wouldn't recommend it to anyone.",
]
EMPLOYEE_ATTACK_ZH = [
    "说实话我们公司卖的车就是垃圾，老板只想着赚钱，千万别买。",
    "在骑行巷上班真是受够了，坑顾客的维修费，对员工也很差劲。",
    "我们公司的{p}质量太差了，车架有问题还不让说，别买。",
]

LIKE_ON_EN = [
    "Picked up my {p} from @{h} today, smooth ride!",
    "Thanks Velo Lane Cycles for fixing my flat in ten minutes.",
    "Six months on the {p} and zero problems. Love this bike.",
    "Shout out to the mechanics at @{h}, my old bike rides like new.",
]
LIKE_ON_ZH = [
    "在骑行巷买的{p}，周末去{r}骑了80公里，太爽了",
    "感谢@{h} 的师傅，老车修得跟新的一样",
    "{p}骑了半年一点问题没有，推荐",
    "骑行巷单车的团骑活动太好玩了",
]
LIKE_OFF_EN = [
    "Sunset over the river tonight. No filter needed.",
    "My cat just knocked my coffee off the desk. Again.",
    "The new protected bike lane on 5th Ave is finally open!",
    "Marathon training week 6 done, feeling strong.",
    "Made sourdough for the first time, pretty proud of this loaf.",
    "Anyone else think the subway is getting worse?",
]
LIKE_OFF_ZH = [
    "今天的晚霞好美",
    "周末去爬山了，累瘫在沙发上",
    "新买的咖啡机到了，早上终于不用排队买咖啡",
    "加班到十点，回家路上吃了碗面",
    "猫咪今天又把花盆打翻了",
    "马拉松训练第六周，状态不错",
]


def x_weight(text: str) -> int:
    """X's weighted length as X documents it (twitter-text config v3): code points in the Latin, general
    punctuation and a few other ranges weigh 1, everything else (CJK, emoji) 2; this generator puts no links in
    the texts it measures."""
    light = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
    return sum(1 if any(lo <= ord(c) <= hi for lo, hi in light) else 2 for c in text)


# ------------------------------------------------------------------------------------------------ model


@dataclass
class Account:
    id: str
    platform: str
    handle: str
    owner: str
    employee_id: str | None = None
    lang: str = "en"


@dataclass
class Gen:
    seed: int
    size: int
    tz_name: str
    no_retargeting: bool
    rng: random.Random = field(init=False)
    tz: ZoneInfo = field(init=False)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    truth: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    post_times: dict[str, list[datetime]] = field(default_factory=lambda: defaultdict(list))
    day_counts: dict[tuple[str, date], int] = field(default_factory=lambda: defaultdict(int))
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed * 7919 + self.size)
        self.tz = ZoneInfo(self.tz_name)
        self.zh_market = self.tz_name == "Asia/Shanghai"
        self.as_of = AS_OF_LOCAL.replace(tzinfo=self.tz)
        self.name = "骑行巷单车 Velo Lane" if self.zh_market else "Velo Lane Cycles"

    # ---- helpers
    def nid(self, prefix: str) -> str:
        self.counters[prefix] += 1
        return f"{prefix}{self.counters[prefix]:05d}"

    def plant(self, mistake: int, kind: str, **item: Any) -> None:
        self.truth[mistake].append({"kind": kind, **item})

    def ts(self, local: datetime) -> str:
        """A local wall-clock time written the way exports do: with offset, in UTC, or without offset."""
        aware = local.replace(tzinfo=self.tz)
        style = self.rng.random()
        if style < 0.4:
            return aware.isoformat(timespec="seconds")
        if style < 0.75:
            return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return local.strftime("%Y-%m-%dT%H:%M:%S")

    def safe_local(self, d: date, minutes: int) -> datetime:
        """Local time on day d, minutes after midnight, avoiding the hour that does not exist or repeats at a
        daylight-saving change (a checker's data would not be that unlucky on purpose)."""
        t = datetime.combine(d, time()) + timedelta(minutes=minutes)
        probe = t.replace(tzinfo=self.tz)
        back = probe.astimezone(UTC).astimezone(self.tz).replace(tzinfo=None)
        if (
            back != t
            or probe.utcoffset() != (t + timedelta(hours=1)).replace(tzinfo=self.tz).utcoffset()
            or probe.utcoffset() != (t - timedelta(hours=1)).replace(tzinfo=self.tz).utcoffset()
        ):
            t = t.replace(hour=4, minute=t.minute)
        return t

    def days(self) -> list[date]:
        return [START + timedelta(days=i) for i in range((END - START).days)]

    def fmt(self, template: str, lang: str) -> str:
        if lang == "zh":
            p, r, a = (
                self.rng.choice(PRODUCTS_ZH),
                self.rng.choice(ROUTES_ZH),
                self.rng.choice(ACCESSORIES_ZH),
            )
        else:
            p, r, a = (
                self.rng.choice(PRODUCTS_EN),
                self.rng.choice(ROUTES_EN),
                self.rng.choice(ACCESSORIES_EN),
            )
        return template.format(
            p=p,
            r=r,
            a=a,
            n=self.rng.randint(2, 999),
            p0=p.replace(" ", "").lower(),
            h=self.brand_handle_for_likes,
        )

    # ---- scheduling of posts: never two posts of one account less than 90 minutes apart
    def free_slot(self, acc: str, d: date, lo: int = 7 * 60, hi: int = 22 * 60) -> datetime | None:
        for _ in range(60):
            t = self.safe_local(d, self.rng.randint(lo, hi))
            if all(abs((t - u).total_seconds()) >= 90 * 60 for u in self.post_times[acc]):
                return t
        return None

    def add_post(
        self,
        acc: Account,
        local: datetime,
        text: str,
        media: list[dict] | None = None,
        link: str | None = None,
        source: str = "manual",
        count_day: bool = True,
    ) -> str:
        pid = self.nid("pst_")
        row: dict[str, Any] = {"id": pid, "account_id": acc.id, "created_at": self.ts(local), "text": text}
        if media:
            row["media"] = media
        if link:
            row["link"] = link
        row["source"] = source
        row["metrics"] = {"likes": self.rng.randint(3, 400), "comments": self.rng.randint(0, 40)}
        self.tables["posts"].append(row)
        self.post_times[acc.id].append(local)
        if count_day:
            self.day_counts[(acc.id, local.date())] += 1
        return pid

    def media_for(self, platform: str) -> list[dict] | None:
        r = self.rng
        mid = self.nid("media_")
        if platform in ("douyin", "tiktok"):
            return [{"type": "video", "duration_s": r.randint(15, 58), "id": mid}]
        if platform in ("youtube", "bilibili"):
            return [{"type": "video", "duration_s": r.randint(240, 1500), "id": mid}]
        if platform in ("instagram", "xiaohongshu", "pinterest"):
            if r.random() < 0.25 and platform == "instagram":
                return [{"type": "video", "duration_s": r.randint(10, 80), "id": mid}]
            return [{"type": "photo", "id": f"{mid}_{i}"} for i in range(r.randint(1, 4))]
        if platform in ("weibo", "x", "facebook") and r.random() < 0.6:
            return [{"type": "photo", "id": mid}]
        if platform == "linkedin" and r.random() < 0.3:
            return [{"type": "document", "id": mid}]
        return None

    # ---------------------------------------------------------------------------------------- build
    def build(self) -> None:
        self.make_accounts()
        self.make_employees_and_guidelines()
        self.make_background_posts()
        self.plant_m1()
        self.plant_m2_posts()
        self.plant_m6_days()
        self.make_followers_and_customers()
        self.make_messages()
        self.make_likes()
        self.make_campaigns()

    def make_accounts(self) -> None:
        zh = self.zh_market
        spec = [
            ("acct-wb", "weibo", "骑行巷单车官方微博", "zh"),
            ("acct-wx", "wechat", "骑行巷单车服务号", "zh"),
            ("acct-dy", "douyin", "velolane.dy", "zh"),
            ("acct-xhs", "xiaohongshu", "骑行巷VeloLane", "zh"),
            ("acct-x", "x", "velolane", "zh" if zh else "en"),
            ("acct-ig", "instagram", "velolane.cycles", "en"),
            ("acct-fb", "facebook", "VeloLaneCycles", "en"),
            ("acct-yt", "youtube", "VeloLaneWorkshop", "en"),
            ("acct-li", "linkedin", "velo-lane-cycles", "en"),
        ]
        self.brand: dict[str, Account] = {}
        for aid, plat, handle, lang in spec:
            a = Account(aid, plat, handle, "brand", lang=lang)
            self.brand[plat] = a
            self.tables["accounts"].append({"id": aid, "platform": plat, "handle": handle, "owner": "brand"})
        self.brand_handle_for_likes = "velolane"

    def make_employees_and_guidelines(self) -> None:
        r = self.rng
        g_v1 = datetime(2025, 3, 1, 10, 0)
        g_v2 = datetime.combine(START + timedelta(days=9), time(10, 0))
        g_v3 = datetime.combine(END + timedelta(days=25), time(10, 0))  # scheduled, not current
        self.tables["guidelines"] += [
            {
                "version": "2025.1",
                "published_at": self.ts(g_v1),
                "title": "Social media guidelines",
                "text": "# Guidelines\nBe kind. Never talk about unreleased products.",
                "requires_signature": True,
            },
            {
                "version": "2026.2",
                "published_at": self.ts(g_v2),
                "title": "Social media guidelines (rev. 2026)",
                "text": "# Guidelines 2026\nNew: embargo list, how to raise criticism internally.",
                "requires_signature": True,
            },
            {
                "version": "2027.1",
                "published_at": self.ts(g_v3),
                "title": "Guidelines 2027 (draft)",
                "text": "# Draft",
                "requires_signature": True,
            },
        ]
        names_en = [
            "Ava Johnson",
            "Liam Chen",
            "Noah Patel",
            "Emma Rossi",
            "Mia Kowalski",
            "Lucas Brown",
            "Olivia Kim",
            "Ethan Garcia",
            "Sophia Nguyen",
            "Mason Lee",
            "Zoe Martin",
            "Jack Wilson",
        ]
        names_zh = [
            "王芳",
            "李强",
            "张伟",
            "刘洋",
            "陈静",
            "杨帆",
            "赵磊",
            "黄丽",
            "周杰",
            "吴敏",
            "徐鹏",
            "孙悦",
        ]
        n = 12 * self.size
        self.employees: list[dict[str, Any]] = []
        for i in range(n):
            eid = f"E{100 + i}"
            name = (names_zh if (self.zh_market and i % 3) else names_en)[i % 12] + (
                "" if i < 12 else f" {i // 12}"
            )
            joined = date(2019, 1, 1) + timedelta(days=r.randint(0, 2000))
            role = i % 12
            left_at: str | None = None
            sigs: list[tuple[str, datetime]] = []
            after_v2 = g_v2 + timedelta(days=r.randint(1, 20), hours=r.randint(0, 8))
            if role in (0, 1, 2, 3, 4, 5):  # current, signed the current version
                sigs = (
                    [("2025.1", g_v1 + timedelta(days=5)), ("2026.2", after_v2)]
                    if role % 2
                    else [("2026.2", after_v2)]
                )
            elif role == 6:  # current, signed only the old version: planted
                sigs = [("2025.1", g_v1 + timedelta(days=r.randint(2, 30)))]
                self.plant(2, "unsigned-old-version-only", type="employee", id=eid)
            elif role == 7:  # current, never signed anything: planted
                self.plant(2, "never-signed", type="employee", id=eid)
            elif role == 8:  # left before the current version, never signed: fine
                left_at = (START + timedelta(days=3)).isoformat()
                sigs = [("2025.1", g_v1 + timedelta(days=3))]
            elif role == 9:  # left during the period, never signed 2026.2: fine
                left_at = (START + timedelta(days=40)).isoformat()
            elif role == 10:  # joined during the period and signed on day one: fine
                joined = START + timedelta(days=30)
                sigs = [("2026.2", datetime.combine(joined, time(11, 0)))]
            else:  # role 11: joined recently, never signed: planted
                joined = END - timedelta(days=12)
                self.plant(2, "new-joiner-never-signed", type="employee", id=eid)
            self.employees.append(
                {
                    "id": eid,
                    "name": name,
                    "email": f"{eid.lower()}@velolane.example",
                    "department": r.choice(["Retail", "Workshop", "Marketing", "Online"]),
                    "joined_at": joined.isoformat(),
                    "left_at": left_at,
                    "_role": role,
                }
            )
            for version, at in sigs:
                self.tables["acknowledgments"].append(
                    {"employee_id": eid, "version": version, "signed_at": self.ts(at)}
                )
        # employee accounts: the current ones of roles 0-7 and the one who left during the period
        self.emp_accounts: list[tuple[Account, dict[str, Any]]] = []
        for e in self.employees:
            if e["_role"] in (0, 1, 2, 3, 6, 7, 9):
                plat = r.choice(
                    ["weibo", "x"] if self.zh_market else ["x", "instagram", "linkedin", "facebook"]
                )
                lang = (
                    "zh"
                    if (self.zh_market and plat == "weibo")
                    else ("zh" if self.zh_market and r.random() < 0.5 else "en")
                )
                acc = Account(
                    f"acct-emp-{e['id']}",
                    plat,
                    f"{e['name'].split()[0].lower()}_{e['id'][1:]}",
                    "employee",
                    e["id"],
                    lang,
                )
                self.emp_accounts.append((acc, e))
                self.tables["accounts"].append(
                    {
                        "id": acc.id,
                        "platform": plat,
                        "handle": acc.handle,
                        "owner": "employee",
                        "employee_id": e["id"],
                    }
                )
        for e in self.employees:
            e.pop("_role")
            self.tables["employees"].append(e)
        self.tables["embargo"] += [
            {
                "term": "Aurora E-Bike",
                "aliases": ["Project AUR7", "极光电助力"],
                "reason": "launch on 2027-03-01",
                "until": "2027-02-28",
            },
            {
                "term": "Trailblazer Kids",
                "aliases": ["小开拓者"],
                "reason": "announced at the autumn fair",
                "until": (END - timedelta(days=20)).isoformat(),
            },
        ]

    def make_background_posts(self) -> None:
        r = self.rng
        per_day = {
            "weibo": 1.2,
            "wechat": 0.3,
            "douyin": 0.6,
            "xiaohongshu": 0.4,
            "x": 1.2,
            "instagram": 0.7,
            "facebook": 0.8,
            "youtube": 0.15,
            "linkedin": 0.3,
        }
        for plat, acc in self.brand.items():
            for d in self.days():
                k = min(2, int(per_day[plat]) + (1 if r.random() < per_day[plat] % 1 else 0))
                for _ in range(k):
                    t = self.free_slot(acc.id, d)
                    if t is None:
                        continue
                    text, media, link = self.brand_text(acc)
                    self.add_post(acc, t, text, media, link, source=r.choice(["manual", "scheduled"]))
        # a day with exactly the cap spread across local midnight: 3 posts late on day D and 2 early on D+1,
        # so in UTC the count of one calendar day is 5 (not a mistake: "day" is the local day)
        for plat in ("weibo", "x"):
            acc = self.brand[plat]
            d = START + timedelta(days=r.randint(20, 40))
            for dd in (d, d + timedelta(days=1)):
                for t in list(self.post_times[acc.id]):
                    if t.date() == dd:
                        self.post_times[acc.id].remove(t)
                self.day_counts[(acc.id, dd)] = 0
            self.tables["posts"] = [
                p
                for p in self.tables["posts"]
                if not (p["account_id"] == acc.id and self._local_date(p) in (d, d + timedelta(1)))
            ]
            minutes_d = (
                [20 * 60 + 30, 22 * 60, 23 * 60 + 35] if not self.zh_market else [9 * 60, 13 * 60, 18 * 60]
            )
            minutes_d1 = [9 * 60, 11 * 60] if not self.zh_market else [0 * 60 + 40, 2 * 60 + 30, 6 * 60 + 10]
            for dd, mins in ((d, minutes_d), (d + timedelta(days=1), minutes_d1)):
                for m in mins:
                    text, media, link = self.brand_text(acc)
                    self.add_post(acc, self.safe_local(dd, m), text, media, link)
        # two scheduled posts after the audit moment (ordinary content)
        for plat in ("weibo", "instagram"):
            acc = self.brand[plat]
            text, media, link = self.brand_text(acc)
            self.add_post(
                acc, self.safe_local(END + timedelta(days=3), 10 * 60), text, media, link, source="scheduled"
            )

    def _local_date(self, post: dict[str, Any]) -> date:
        s = post["created_at"]
        if s.endswith("Z"):
            return datetime.fromisoformat(s[:-1] + "+00:00").astimezone(self.tz).date()
        dt = datetime.fromisoformat(s)
        return (dt.astimezone(self.tz) if dt.tzinfo else dt).date()

    def brand_text(self, acc: Account) -> tuple[str, list[dict] | None, str | None]:
        plat = acc.platform
        pool = BRAND_ZH.get(plat) if plat in BRAND_ZH else BRAND_EN.get(plat)
        if plat == "x" and acc.lang == "zh":
            pool = [
                "周六早上八点{r}团骑，配速友好，骑完一起喝咖啡！第{n}期",
                "骑行小贴士{n}：每周检查一次胎压。",
                "{p}新到货，本周末两家门店都可以试骑（{n}）",
            ]
        text = self.fmt(self.rng.choice(pool), "zh" if plat in BRAND_ZH or acc.lang == "zh" else "en")
        link = None
        if plat in ("facebook", "linkedin", "wechat", "x") and self.rng.random() < 0.3:
            link = f"https://velolane.example/{self.nid('l')}"
            if plat in ("x", "facebook"):
                text += " " + link
        return text, self.media_for(plat), link

    def post_day(self, acc: Account, lo: int = 8 * 60, hi: int = 21 * 60) -> tuple[datetime, date]:
        """A time on a day where the account has at most 2 posts, so one more keeps it within the cap."""
        for _ in range(500):
            d = START + timedelta(days=self.rng.randint(3, (END - START).days - 2))
            if self.day_counts[(acc.id, d)] <= 2:
                t = self.free_slot(acc.id, d, lo, hi)
                if t is not None:
                    return t, d
        raise RuntimeError("no free day")

    # ---------------------------------------------------------------------------------------- M1
    def plant_m1(self) -> None:
        r = self.rng
        for _ in range(self.size):
            # text-only posts on visual platforms
            for plat, text in (
                ("instagram", "Weekend sale starts Friday: 20% off all {a}s at both stores."),
                ("instagram", "We're closed Monday for inventory. See you Tuesday!"),
                ("youtube", "New video coming Thursday: our mechanics build a {p} from the frame up."),
                ("douyin", "周末门店活动：{p}试骑送水壶，先到先得"),
                ("xiaohongshu", "秋天骑行穿搭分享：速干衣、防风外套和手套都很重要"),
            ):
                acc = self.brand[plat]
                t, _ = self.post_day(acc)
                pid = self.add_post(acc, t, self.fmt(text, "zh" if plat in BRAND_ZH else "en"), None)
                self.plant(1, f"text-only-{plat}", type="post", id=pid)
            acc = self.brand["instagram"]
            t, _ = self.post_day(acc)
            pid = self.add_post(
                acc,
                t,
                "Our winter service menu is out, everything you need before the snow.",
                [{"type": "link", "url": "https://velolane.example/winter"}],
            )
            self.plant(1, "text-only-instagram-link-card", type="post", id=pid)
            acc = self.brand["x"]
            t, _ = self.post_day(acc)
            self.add_post(
                acc,
                t,
                "Winter tune-up checklist from our head mechanic, read before your next ride: "
                "https://velolane.example/blog/2026/11/winter-tune-up-checklist-brakes-chain-tires-lights-"
                "fenders-and-everything-else-you-need-to-know-before-the-first-snow-arrives?utm_source=x"
                "&utm_medium=social&utm_campaign=winter2026",
                [{"type": "photo", "id": self.nid("media_")}],
            )
            # X posts over 280 weighted characters because of CJK
            acc = self.brand["x"]
            long_zh = (
                "骑行巷双十一预告：全场自行车八折，配件满两百减五十，会员再享额外九五折。活动期间每天前五十位到店的顾客还能领取"
                "免费车灯一副。另外，我们的维修区也会延长营业时间到晚上九点，欢迎大家带着爱车来做一次全面保养。名额有限，先到先得，"
                "详情请看门店公告或者直接私信我们咨询。活动解释权归骑行巷所有，祝大家骑行愉快！"
            )
            t, _ = self.post_day(acc)
            pid = self.add_post(acc, t, long_zh, [{"type": "photo", "id": self.nid("media_")}])
            self.plant(1, "x-over-280-cjk", type="post", id=pid)
            mixed = (
                "新品 Gravel X2 碎石公路车到店！铝合金车架、Shimano GRX 变速、40c 宽胎，适合通勤和周末越野。"
                "本周六下午两点在门店有试骑会，欢迎报名参加，名额只有二十个，报名请回复关键词试骑，我们会尽快联系你确认时间。"
                "Test rides this Saturday, sign up at the counter! Limited spots, first come first served, see you there."
            )
            assert x_weight(long_zh) > 290 and x_weight(mixed) > 290, (x_weight(long_zh), x_weight(mixed))
            t, _ = self.post_day(acc)
            pid = self.add_post(acc, t, mixed, None)
            self.plant(1, "x-over-280-mixed", type="post", id=pid)
            # look-alikes that fit: 120 CJK characters + a link (240 + 23), and 270 Latin characters
            ok_zh = long_zh[:118] + " https://velolane.example/sale11"
            t, _ = self.post_day(acc)
            self.add_post(acc, t, ok_zh, [{"type": "photo", "id": self.nid("media_")}])
            ok_en = (
                "Velo Lane Fall Service Week: bring any bike, any brand, for a free 15-minute safety check. "
                "Brakes, chain, tires and lights, checked by a certified mechanic while you wait. Walk-ins "
                "welcome weekdays 4-7pm, Saturdays 9-noon at both stores. See you there!"
            )[:270]
            t, _ = self.post_day(acc)
            self.add_post(acc, t, ok_en, None)
            # the same text pushed to several platforms within minutes
            if self.zh_market:
                same = self.fmt(
                    "骑行巷秋季团骑报名开启！本周六早上八点{r}集合，全程四十公里，配速友好，骑完一起吃早餐。报名请私信。",
                    "zh",
                )
                group = [("weibo", None), ("wechat", None), ("xiaohongshu", "photo"), ("douyin", "video")]
            else:
                same = self.fmt(
                    "Fall group ride this Saturday! Meet 8am at {r}, 25 miles, no-drop pace, breakfast "
                    "after. Sign up at the store or reply here.",
                    "en",
                )
                group = [("x", None), ("facebook", "photo"), ("linkedin", None), ("instagram", "photo")]
            base_t = None
            for plat, mtype in group:
                acc = self.brand[plat]
                if base_t is None:
                    base_t, _ = self.post_day(acc, 9 * 60, 18 * 60)
                t = base_t + timedelta(minutes=r.randint(0, 8))
                while (
                    not all(abs((t - u).total_seconds()) >= 90 * 60 for u in self.post_times[acc.id])
                    or self.day_counts[(acc.id, t.date())] > 2
                ):
                    t += timedelta(days=7)
                media = None
                if mtype == "photo":
                    media = [{"type": "photo", "id": self.nid("media_")}]
                elif mtype == "video":
                    media = [{"type": "video", "duration_s": 30, "id": self.nid("media_")}]
                if t - base_t > timedelta(hours=3):
                    # could not place this one at the same time: it is then not part of the "at once" group
                    continue
                pid = self.add_post(acc, t, same, media)
                self.plant(1, "same-text-many-platforms", type="post", id=pid)
            # the same news adapted per platform: fine
            for plat in ("x", "facebook", "linkedin"):
                acc = self.brand[plat]
                t, _ = self.post_day(acc)
                text = {
                    "x": "New store hours from Monday: open till 8pm on weekdays 🚲",
                    "facebook": "Good news for after-work riders: starting Monday both stores stay open until "
                    "8pm Monday to Friday. The workshop takes drop-offs until 7pm.",
                    "linkedin": "To serve commuters and corporate fleet customers better, Velo Lane Cycles is "
                    "extending weekday opening hours to 8pm across both locations.",
                }[plat]
                self.add_post(acc, t, text, self.media_for(plat))
            # Weibo topic opened and never closed, and well-formed ones
            acc = self.brand["weibo"]
            for text in ("#秋季骑行 周末一起去{r}骑车吧，报名私信", "新品上架啦 #骑行巷新品 快来门店看看{p}"):
                t, _ = self.post_day(acc)
                pid = self.add_post(
                    acc, t, self.fmt(text, "zh"), [{"type": "photo", "id": self.nid("media_")}]
                )
                self.plant(1, "weibo-hashtag-unclosed", type="post", id=pid)
            for text in ("#秋季骑行# 周末一起去{r}骑车吧 #周末去哪儿#", "#骑行巷新品# {p}到店，欢迎试骑"):
                t, _ = self.post_day(acc)
                self.add_post(acc, t, self.fmt(text, "zh"), [{"type": "photo", "id": self.nid("media_")}])
            # links typed into Instagram captions, and the right way
            acc = self.brand["instagram"]
            for text in (
                "Shop the fall sale → https://velolane.example/fall #bikelife",
                "Book your winter tune-up at velolane.com/service before the rush!",
            ):
                t, _ = self.post_day(acc)
                pid = self.add_post(acc, t, text, [{"type": "photo", "id": self.nid("media_")}])
                self.plant(1, "instagram-link-in-caption", type="post", id=pid)
            t, _ = self.post_day(acc)
            self.add_post(
                acc,
                t,
                "Fall sale is live, tap the link in bio to shop. #bikelife",
                [{"type": "photo", "id": self.nid("media_")}],
            )

    # ---------------------------------------------------------------------------------------- M2
    def plant_m2_posts(self) -> None:
        r = self.rng
        until_ended = END - timedelta(days=20)
        leak_en = [
            "Can't say much but AURORA E-BIKE is going to blow your mind 🤫",
            "Sneak peek of the Ａｕｒｏｒａ　Ｅ－Ｂｉｋｅ from the test lab today!",
            "Spent all day testing the aurora e bike prototype, the motor is silent.",
            "Who wants to hear about project aur7? Soon…",
        ]
        leak_zh = [
            "终于可以剧透一下极光电助力了，续航真的惊人",
            "实验室里的 极 光 电 助 力 原型车今天试骑了",
            "Ａｕｒｏｒａ Ｅ-Ｂｉｋｅ 测试中，明年见",
        ]
        for _ in range(self.size):
            # employee posts: everyday life, pride, and a few leaks and attacks
            for acc, _e in self.emp_accounts:
                lang = acc.lang
                for _k in range(r.randint(4, 8)):
                    d = START + timedelta(days=r.randint(0, (END - START).days - 1))
                    t = self.free_slot(acc.id, d, 7 * 60, 23 * 60)
                    if t is None:
                        continue
                    text = self.fmt(
                        r.choice(EMPLOYEE_NORMAL_ZH if lang == "zh" else EMPLOYEE_NORMAL_EN), lang
                    )
                    self.add_post(
                        acc,
                        t,
                        text,
                        self.media_for(acc.platform)
                        if acc.platform != "instagram"
                        else [{"type": "photo", "id": self.nid("media_")}],
                    )
            current = [(a, e) for a, e in self.emp_accounts if e.get("left_at") is None]
            for i, text in enumerate(leak_en + leak_zh):
                acc, _e = current[i % len(current)]
                d = START + timedelta(days=r.randint(5, (END - START).days - 1))
                t = self.free_slot(acc.id, d, 8 * 60, 22 * 60) or self.safe_local(d, 23 * 60 + 5)
                pid = self.add_post(acc, t, text, [{"type": "photo", "id": self.nid("media_")}])
                self.plant(2, "embargo-employee-post", type="post", id=pid)
            # a brand post leaking the code name
            acc = self.brand["weibo"]
            t, _ = self.post_day(acc)
            pid = self.add_post(
                acc,
                t,
                "明年春天见！PROJECT AUR7 正在路上 #骑行巷新品#",
                [{"type": "photo", "id": self.nid("media_")}],
            )
            self.plant(2, "embargo-brand-post", type="post", id=pid)
            # the ended embargo: on its last day late in the evening (still embargoed), and after it ended
            acc, _e = current[0]
            t = self.safe_local(until_ended, 22 * 60 + 40)
            pid = self.add_post(
                acc,
                t,
                "Tomorrow is the big day for Trailblazer Kids, the little ones will love it",
                None if acc.platform != "instagram" else [{"type": "photo", "id": self.nid("media_")}],
            )
            self.plant(2, "embargo-last-day-late-evening", type="post", id=pid)
            for k in range(2):
                acc2 = current[(k + 1) % len(current)][0]
                t = self.safe_local(until_ended + timedelta(days=1 + k * 3), 9 * 60 + 15 + k)
                self.add_post(
                    acc2,
                    t,
                    "Trailblazer Kids is out! 小开拓者 儿童车今天正式发布",
                    [{"type": "photo", "id": self.nid("media_")}],
                )
            fb = self.brand["facebook"]
            t, _ = self.post_day(fb)
            while t.date() <= until_ended:
                t, _ = self.post_day(fb)
            self.add_post(
                fb,
                t,
                "Meet Trailblazer Kids: our first balance bike, now in stores!",
                [{"type": "photo", "id": self.nid("media_")}],
            )
            # employee posts attacking the company
            for i, text in enumerate(EMPLOYEE_ATTACK_EN + EMPLOYEE_ATTACK_ZH):
                acc, _e = current[(i + 3) % len(current)]
                lang = "zh" if i >= len(EMPLOYEE_ATTACK_EN) else "en"
                d = START + timedelta(days=r.randint(5, (END - START).days - 1))
                t = self.free_slot(acc.id, d, 8 * 60, 23 * 60) or self.safe_local(d, 23 * 60 + 20)
                pid = self.add_post(
                    acc,
                    t,
                    self.fmt(text, lang),
                    [{"type": "photo", "id": self.nid("media_")}] if acc.platform == "instagram" else None,
                )
                self.plant(2, "employee-attacks-company", type="post", id=pid)

    # ---------------------------------------------------------------------------------------- M6 days
    def plant_m6_days(self) -> None:
        r = self.rng
        for k in range(2 * self.size):
            acc = self.brand[("weibo", "facebook", "x")[k % 3]]
            for _ in range(200):
                d = START + timedelta(days=r.randint(2, (END - START).days - 2))
                if self.day_counts[(acc.id, d)] <= 1 and (acc.id, d) not in getattr(self, "_heavy", set()):
                    break
            self._heavy = getattr(self, "_heavy", set()) | {(acc.id, d)}
            want = r.randint(4, 6)
            if k % 2:
                # a campaign day: the extra posts go out in one go, a few minutes apart (the way a scheduler
                # or a hurried marketer floods the feed); the day is the planted item
                t0 = self.free_slot(acc.id, d, 10 * 60, 12 * 60) or self.safe_local(d, 11 * 60)
                while self.day_counts[(acc.id, d)] < want:
                    t0 += timedelta(minutes=r.randint(4, 12))
                    text, media, link = self.brand_text(acc)
                    self.add_post(acc, t0, text, media, link, source="scheduled")
            # spread over the whole local day, including late evening (next day in UTC for New York) and
            # early morning (previous day in UTC for Shanghai)
            lo, hi = (6 * 60, 23 * 60 + 50)
            while self.day_counts[(acc.id, d)] < want:
                t = self.free_slot(acc.id, d, lo, hi)
                if t is None:
                    break
                text, media, link = self.brand_text(acc)
                self.add_post(acc, t, text, media, link)
            self.plant(6, "day-over-cap", type="day", account_id=acc.id, date=d.isoformat())

    # ---------------------------------------------------------------------------------------- M5
    def make_followers_and_customers(self) -> None:
        r = self.rng
        self.customers: list[dict[str, Any]] = []
        self.followers_by_acc: dict[str, list[dict[str, Any]]] = {}
        self.customer_ids: set[tuple[str, str]] = set()
        prefix = {
            "weibo": "wb",
            "x": "tw",
            "instagram": "ig",
            "facebook": "fb",
            "douyin": "dy",
            "xiaohongshu": "xhs",
        }
        # accounts where customers are a good share of followers, and accounts where almost none are
        good = ["weibo", "x", "facebook", "xiaohongshu"]
        bad = ["instagram", "douyin"]
        cust_n = 0
        for plat in good + bad:
            acc = self.brand[plat]
            n = 150 * self.size
            rows = []
            for i in range(n):
                uid = f"{prefix[plat]}{r.randint(10**7, 10**8 - 1)}"
                handle = self.real_handle(plat, i)
                if r.random() < 0.2:  # real people who never changed the platform's default name
                    handle = (
                        f"用户{r.randint(10**9, 10**10 - 1)}"
                        if plat in BRAND_ZH
                        else f"user{r.randint(10**7, 10**8 - 1)}"
                    )
                followed = datetime.combine(
                    date(2024, 1, 1) + timedelta(days=r.randint(0, 960)), time()
                ) + timedelta(minutes=r.randint(0, 1439))
                if r.random() < 0.05:
                    followed = datetime.combine(START + timedelta(days=r.randint(0, 60)), time(12, 0))
                row = {
                    "account_id": acc.id,
                    "user_id": uid,
                    "handle": handle,
                    "followed_at": self.ts(followed),
                    "unfollowed_at": None,
                    "location": r.choice(["New York", "Brooklyn", "Jersey City", "上海", "杭州", "苏州", ""]),
                    "gender": r.choice(["female", "male", "unknown", "other"]),
                    "birth_year": r.randint(1965, 2006),
                    "interests": r.sample(["cycling", "骑行", "travel", "fitness", "摄影", "coffee"], 2),
                    "followers_count": r.randint(20, 3000),
                    "following_count": r.randint(30, 700),
                    "posts_count": r.randint(3, 2500),
                    "has_avatar": True,
                    "verified": r.random() < 0.02,
                    "created_at": self.ts(followed - timedelta(days=r.randint(200, 3000))),
                    "bio": r.choice(
                        ["Weekend rider", "通勤骑行 | 摄影", "Coffee & bikes", "", "跑步 骑行 生活"]
                    ),
                }
                # real people with one or two weak signals (no avatar, a new account, a quiet account)
                q = r.random()
                if q < 0.08:
                    row["has_avatar"] = False
                elif q < 0.12:
                    row["created_at"] = self.ts(followed - timedelta(days=r.randint(1, 20)))
                elif q < 0.16:
                    row["posts_count"] = 0
                rows.append(row)
            # a few who unfollowed at ordinary times
            for row in r.sample(rows, max(1, n // 40)):
                row["unfollowed_at"] = self.ts(
                    datetime.combine(
                        START + timedelta(days=r.randint(0, 60)), time(r.randint(8, 22), r.randint(0, 59))
                    )
                )
            # customers: 25% of followers on good accounts, one on bad accounts
            current = [x for x in rows if x["unfollowed_at"] is None]
            share = 0.25 if plat in good else 0
            chosen = r.sample(current, int(len(current) * share)) + ([] if plat in good else current[:1])
            for row in chosen:
                cust_n += 1
                ident: dict[str, Any] = {"platform": plat}
                if r.random() < 0.5:
                    ident["user_id"] = row["user_id"]
                else:
                    h = row["handle"]
                    ident["handle"] = r.choice([h, "@" + h, h.upper(), "@" + h.lower()])
                self.customer_ids.add((plat, row["user_id"]))
                self.add_customer(cust_n, [ident])
            # customers who do not follow this platform (so that the share is measurable everywhere)
            for _ in range(3):
                cust_n += 1
                self.add_customer(
                    cust_n, [{"platform": plat, "user_id": f"{prefix[plat]}9{r.randint(10**6, 10**7)}"}]
                )
            if plat in bad:
                self.plant(5, "few-followers-are-customers", type="account", id=acc.id)
            # fake followers on two good accounts and one bad one
            if plat in ("weibo", "x", "douyin"):
                n_fake = max(4, int(n * 0.08))
                for _ in range(n_fake):
                    followed = datetime.combine(
                        START + timedelta(days=r.randint(10, 14)), time(r.randint(0, 23), r.randint(0, 59))
                    )
                    uid = f"{prefix[plat]}{r.randint(10**7, 10**8 - 1)}"
                    signals = r.sample(["avatar", "posts", "ratio", "new", "handle"], r.choice([3, 4, 5, 5]))
                    row = {
                        "account_id": acc.id,
                        "user_id": uid,
                        "handle": f"user{r.randint(10**7, 10**9)}"
                        if "handle" in signals
                        else f"rider_{r.randint(100, 999)}",
                        "followed_at": self.ts(followed),
                        "unfollowed_at": None,
                        "followers_count": r.randint(0, 8) if "ratio" in signals else r.randint(50, 300),
                        "following_count": r.randint(1500, 7000)
                        if "ratio" in signals
                        else r.randint(50, 300),
                        "posts_count": 0 if "posts" in signals else r.randint(5, 50),
                        "has_avatar": "avatar" not in signals,
                        "verified": False,
                        "created_at": self.ts(
                            followed
                            - timedelta(days=r.randint(1, 6) if "new" in signals else r.randint(400, 2000))
                        ),
                        "gender": "unknown",
                        "interests": [],
                        "location": "",
                        "bio": "",
                    }
                    rows.append(row)
                    self.plant(5, "fake-follower", type="follower", account_id=acc.id, id=uid)
            self.followers_by_acc[acc.id] = rows
            self.tables["followers"] += rows

    def real_handle(self, plat: str, i: int) -> str:
        r = self.rng
        first = r.choice(
            [
                "anna",
                "ben",
                "carlos",
                "dana",
                "eli",
                "fay",
                "gus",
                "hana",
                "ivan",
                "jo",
                "xiaoming",
                "lili",
                "dawei",
                "meimei",
                "tao",
                "yun",
            ]
        )
        second = r.choice(["rides", "bikes", "nyc", "sh", "cycles", "outdoors", "daily", "go", "run", "fit"])
        return f"{first}_{second}{i}" if r.random() < 0.7 else f"{first.capitalize()}{second.capitalize()}{i}"

    def add_customer(self, n: int, social: list[dict[str, Any]]) -> None:
        r = self.rng
        first = datetime.combine(date(2023, 1, 1) + timedelta(days=r.randint(0, 1300)), time(12, 0))
        if r.random() < 0.1:
            first = datetime.combine(START + timedelta(days=r.randint(0, 60)), time(12, 0))
        self.customers.append(
            {
                "id": f"CRM-{n:06d}",
                "social": social,
                "orders": r.randint(1, 9),
                "revenue": round(r.uniform(30, 3000), 2),
                "first_order_at": self.ts(first),
                "last_order_at": self.ts(first + timedelta(days=r.randint(0, 300))),
            }
        )
        self.tables["customers"] = self.customers

    # ---------------------------------------------------------------------------------------- M3 / M6 messages
    def make_messages(self) -> None:
        r = self.rng
        channels = {
            "weibo": ["comment", "mention", "dm"],
            "wechat": ["dm"],
            "douyin": ["comment", "dm"],
            "xiaohongshu": ["comment"],
            "x": ["comment", "mention", "dm"],
            "instagram": ["comment", "dm"],
            "facebook": ["comment", "dm", "review"],
        }
        post_ids: dict[str, list[str]] = defaultdict(list)
        for p in self.tables["posts"]:
            post_ids[p["account_id"]].append(p["id"])
        self.auto_out: dict[str, int] = defaultdict(int)
        self.human_out: dict[str, int] = defaultdict(int)
        span_h = (END - START).days * 24

        def lang_of(acc: Account) -> str:
            if acc.platform in BRAND_ZH:
                return "zh"
            if acc.platform in ("x",) and self.zh_market:
                return "zh"
            return "en"

        def author(acc: Account) -> tuple[str, str]:
            rows = self.followers_by_acc.get(acc.id)
            if rows and self.seed % 2 and r.random() < 0.7:  # even seeds: authors unrelated to followers
                row = r.choice(rows)
                return row["user_id"], row["handle"]
            return f"u{r.randint(10**8, 10**9)}", self.real_handle(acc.platform, r.randint(1000, 9999))

        def msg(
            acc: Account,
            at: datetime,
            direction: str,
            text: str,
            channel: str,
            reply_to: str | None = None,
            post_id: str | None = None,
            who: tuple[str, str] | None = None,
            automated: bool = False,
        ) -> str:
            mid = self.nid("msg_")
            row: dict[str, Any] = {
                "id": mid,
                "account_id": acc.id,
                "created_at": self.ts(at),
                "channel": channel,
                "direction": direction,
                "text": text,
            }
            if direction == "in" and who:
                row["author_id"], row["author_handle"] = who
            if reply_to:
                row["in_reply_to"] = reply_to
            if post_id and channel == "comment":
                row["post_id"] = post_id
            if direction == "out":
                row["automated"] = automated
                (self.auto_out if automated else self.human_out)[acc.id] += 1
            self.tables["messages"].append(row)
            return mid

        def when(max_age_h: float | None = None, min_age_h: float = 0) -> datetime:
            """A local time in the period, at least min_age_h before the audit moment."""
            end = self.as_of.replace(tzinfo=None) - timedelta(hours=min_age_h)
            start = (
                datetime.combine(START, time(8, 0)) if max_age_h is None else end - timedelta(hours=max_age_h)
            )
            t = start + timedelta(minutes=r.randint(0, int((end - start).total_seconds() // 60)))
            return self.safe_local(t.date(), t.hour * 60 + t.minute)

        def human_reply_time(t: datetime) -> datetime:
            return t + timedelta(minutes=r.randint(20, 300))

        for plat, chans in channels.items():
            acc = self.brand[plat]
            lang = lang_of(acc)
            Z = lang == "zh"

            def pick(en: list[str], zh: list[str]) -> str:
                return self.fmt(r.choice(zh if Z else en), lang)  # noqa: B023

            def ch() -> str:
                return r.choice(chans)  # noqa: B023

            def pid_for(c: str) -> str | None:
                return r.choice(post_ids[acc.id]) if c == "comment" and post_ids[acc.id] else None  # noqa: B023

            n = int(14 * self.size * (1.5 if plat in ("weibo", "x", "facebook") else 1))
            for _ in range(n):
                # answered well: complaints and questions, within hours
                c = ch()
                t = when(min_age_h=8)
                who = author(acc)
                kind = r.random()
                if kind < 0.35:
                    m = msg(acc, t, "in", pick(COMPLAINT_EN, COMPLAINT_ZH), c, post_id=pid_for(c), who=who)
                    rc = c if r.random() < 0.7 else "dm"
                    msg(
                        acc,
                        human_reply_time(t),
                        "out",
                        pick(GOOD_COMPLAINT_REPLY_EN, GOOD_COMPLAINT_REPLY_ZH),
                        rc,
                        reply_to=m,
                        post_id=pid_for(rc),
                    )
                elif kind < 0.7:
                    m = msg(acc, t, "in", pick(HELP_EN, HELP_ZH), c, post_id=pid_for(c), who=who)
                    msg(
                        acc,
                        human_reply_time(t),
                        "out",
                        pick(HELP_REPLY_EN, HELP_REPLY_ZH),
                        c,
                        reply_to=m,
                        post_id=pid_for(c),
                    )
                else:
                    m = msg(acc, t, "in", pick(PRAISE_EN, PRAISE_ZH), c, post_id=pid_for(c), who=who)
                    if r.random() < 0.5:
                        msg(
                            acc,
                            human_reply_time(t),
                            "out",
                            pick(PRAISE_REPLY_EN, PRAISE_REPLY_ZH),
                            c,
                            reply_to=m,
                            post_id=pid_for(c),
                        )
            for _ in range(self.size):
                # unanswered complaint and help request, older than a day: planted
                for pool_en, pool_zh, kind in (
                    (COMPLAINT_EN, COMPLAINT_ZH, "unanswered-complaint"),
                    (HELP_EN, HELP_ZH, "unanswered-help-request"),
                ):
                    c = ch()
                    t = when(max_age_h=min(span_h, 24 * 20) - 30, min_age_h=30)
                    m = msg(acc, t, "in", pick(pool_en, pool_zh), c, post_id=pid_for(c), who=author(acc))
                    self.plant(3, kind, type="message", id=m)
                    # and the same still inside the window: not (yet) a mistake
                    c = ch()
                    t = when(max_age_h=18, min_age_h=1)
                    msg(acc, t, "in", pick(pool_en, pool_zh), c, post_id=pid_for(c), who=author(acc))
                # praise left without a reply: fine
                c = ch()
                msg(
                    acc,
                    when(min_age_h=30),
                    "in",
                    pick(PRAISE_EN, PRAISE_ZH),
                    c,
                    post_id=pid_for(c),
                    who=author(acc),
                )
                # an argumentative reply to a complaint: planted (the reply)
                c = ch()
                t = when(min_age_h=30)
                m = msg(
                    acc, t, "in", pick(COMPLAINT_EN, COMPLAINT_ZH), c, post_id=pid_for(c), who=author(acc)
                )
                rid = msg(
                    acc,
                    human_reply_time(t),
                    "out",
                    pick(ARGUE_EN, ARGUE_ZH),
                    c,
                    reply_to=m,
                    post_id=pid_for(c),
                )
                self.plant(3, "argumentative-reply", type="message", id=rid)
                # a reply with neither apology nor fix: planted (the reply)
                c = ch()
                t = when(min_age_h=30)
                m = msg(
                    acc, t, "in", pick(COMPLAINT_EN, COMPLAINT_ZH), c, post_id=pid_for(c), who=author(acc)
                )
                rid = msg(
                    acc,
                    human_reply_time(t),
                    "out",
                    pick(BLAND_EN, BLAND_ZH),
                    c,
                    reply_to=m,
                    post_id=pid_for(c),
                )
                self.plant(3, "reply-without-apology-or-fix", type="message", id=rid)
                public = [x for x in chans if x != "dm"]
                if public:
                    # a public fight with an abusive customer: every public brand reply is planted
                    c = r.choice(public)
                    post = pid_for(c)
                    who = author(acc)
                    t = when(min_age_h=60)
                    m = msg(acc, t, "in", pick(ABUSIVE_EN, ABUSIVE_ZH), c, post_id=post, who=who)
                    for _k in range(r.randint(2, 3)):
                        t = t + timedelta(minutes=r.randint(15, 120))
                        rid = msg(acc, t, "out", pick(FIGHT_EN, FIGHT_ZH), c, reply_to=m, post_id=post)
                        self.plant(3, "public-fight-with-abusive-customer", type="message", id=rid)
                        t = t + timedelta(minutes=r.randint(10, 90))
                        m = msg(
                            acc, t, "in", pick(ABUSIVE_EN, ABUSIVE_ZH), c, reply_to=rid, post_id=post, who=who
                        )
                    # the right way: one calm public reply offering a private channel, then private messages
                    c = r.choice(public)
                    post = pid_for(c)
                    who = author(acc)
                    t = when(min_age_h=60)
                    m = msg(acc, t, "in", pick(ABUSIVE_EN, ABUSIVE_ZH), c, post_id=post, who=who)
                    rid = msg(
                        acc,
                        human_reply_time(t),
                        "out",
                        pick(CALM_PRIVATE_EN, CALM_PRIVATE_ZH),
                        c,
                        reply_to=m,
                        post_id=post,
                    )
                    if "dm" in chans:
                        t2 = human_reply_time(t) + timedelta(hours=1)
                        m2 = msg(
                            acc,
                            t2,
                            "in",
                            "订单号 VL" + str(r.randint(10000, 99999))
                            if Z
                            else "Order VL" + str(r.randint(10000, 99999)),
                            "dm",
                            who=who,
                        )
                        msg(
                            acc,
                            t2 + timedelta(minutes=30),
                            "out",
                            pick(GOOD_COMPLAINT_REPLY_EN, GOOD_COMPLAINT_REPLY_ZH),
                            "dm",
                            reply_to=m2,
                        )
        self.make_auto_replies(msg, author)

    def make_auto_replies(self, msg: Any, author: Any) -> None:
        """Facebook: an auto-responder answering in office hours, always with the same sentence (planted).
        Weibo: an out-of-hours responder that only runs at night and at weekends (the article's advice: fine).
        Every auto-answered question also gets a person's answer later."""
        r = self.rng
        variants = [
            AUTO_BUSINESS_EN,
            AUTO_BUSINESS_EN.upper(),
            AUTO_BUSINESS_EN.replace("!", "!!"),
            "  " + AUTO_BUSINESS_EN.lower(),
        ]
        for plat, planted in (
            ("facebook", True),
            ("weibo", False),
            ("facebook", "weekend"),
            ("facebook", False),
        ):
            acc = self.brand[plat]
            zh = plat in BRAND_ZH
            n = (6 if planted != "weekend" else 3) * self.size
            placed = 0
            while placed < n:
                d = START + timedelta(days=r.randint(1, (END - START).days - 3))
                wd = d.isoweekday()
                if planted == "weekend":
                    if wd <= 5:
                        continue
                    minutes = r.randint(10 * 60, 16 * 60)
                elif planted:
                    if wd > 5:
                        continue
                    minutes = r.randint(9 * 60 + 5, 17 * 60 + 40)
                else:
                    minutes = r.randint(0, 5 * 60 + 50) if wd <= 5 else r.randint(0, 23 * 60)
                    if wd <= 5 and minutes >= 6 * 60:
                        continue
                t_in = self.safe_local(d, minutes)
                if planted is True and not (9 * 60 + 5 <= t_in.hour * 60 + t_in.minute <= 17 * 60 + 50):
                    continue
                if not planted and wd <= 5 and (t_in.hour >= 7):
                    continue
                who = author(acc)
                m = msg(
                    acc,
                    t_in,
                    "in",
                    self.fmt(r.choice(HELP_ZH if zh else HELP_EN), "zh" if zh else "en"),
                    "dm",
                    who=who,
                )
                t_auto = t_in + timedelta(seconds=r.randint(5, 50))
                text = (
                    (AUTO_BUSINESS_ZH if zh else r.choice(variants))
                    if planted
                    else (AUTO_NIGHT_ZH if zh else AUTO_NIGHT_EN)
                )
                rid = msg(acc, t_auto, "out", text, "dm", reply_to=m, automated=True)
                if planted is True:
                    self.plant(6, "automated-reply-in-business-hours+identical", type="message", id=rid)
                elif planted:
                    self.plant(6, "identical-automated-reply-weekend", type="message", id=rid)
                human_t = (
                    t_in + timedelta(minutes=r.randint(30, 180))
                    if planted is True
                    else datetime.combine(t_in.date() + timedelta(days=0 if wd <= 5 else 0), time(9, 30))
                    if t_in.hour < 9
                    else t_in + timedelta(hours=2)
                )
                if human_t <= t_in:
                    human_t = t_in + timedelta(hours=2)
                msg(
                    acc,
                    human_t,
                    "out",
                    self.fmt(r.choice(HELP_REPLY_ZH if zh else HELP_REPLY_EN), "zh" if zh else "en"),
                    "dm",
                    reply_to=m,
                )
                placed += 1

    # ---------------------------------------------------------------------------------------- M6 likes
    def make_likes(self) -> None:
        r = self.rng
        brand_posts = [
            p
            for p in self.tables["posts"]
            if p["account_id"].startswith("acct-") and not p["account_id"].startswith("acct-emp")
        ]
        for plat in ("weibo", "x", "instagram", "facebook"):
            acc = self.brand[plat]
            zh = plat in BRAND_ZH or (plat == "x" and self.zh_market)
            for _ in range(8 * self.size):
                t = self.safe_local(START + timedelta(days=r.randint(0, 60)), r.randint(8 * 60, 22 * 60))
                lid = self.nid("like_")
                text = self.fmt(r.choice(LIKE_ON_ZH if zh else LIKE_ON_EN), "zh" if zh else "en")
                self.tables["likes"].append(
                    {
                        "id": lid,
                        "account_id": acc.id,
                        "created_at": self.ts(t),
                        "target_post_id": str(r.randint(10**15, 10**16)),
                        "target_author_id": f"u{r.randint(10**6, 10**7)}",
                        "target_text": text,
                    }
                )
            for _ in range(5 * self.size):
                t = self.safe_local(START + timedelta(days=r.randint(0, 60)), r.randint(8 * 60, 22 * 60))
                lid = self.nid("like_")
                text = self.fmt(r.choice(LIKE_OFF_ZH if zh else LIKE_OFF_EN), "zh" if zh else "en")
                self.tables["likes"].append(
                    {
                        "id": lid,
                        "account_id": acc.id,
                        "created_at": self.ts(t),
                        "target_post_id": str(r.randint(10**15, 10**16)),
                        "target_author_id": f"u{r.randint(10**6, 10**7)}",
                        "target_text": text,
                    }
                )
                self.plant(6, "like-on-post-not-mentioning-brand", type="like", id=lid)
            # liking the company's own post on another account: fine
            p = r.choice(brand_posts)
            self.tables["likes"].append(
                {
                    "id": self.nid("like_"),
                    "account_id": acc.id,
                    "created_at": self.ts(self.safe_local(END - timedelta(days=2), 12 * 60)),
                    "target_post_id": p["id"],
                    "target_author_id": p["account_id"],
                    "target_text": p["text"],
                }
            )

    # ---------------------------------------------------------------------------------------- M4
    def make_campaigns(self) -> None:
        r = self.rng
        with_campaigns = ["weibo", "wechat", "douyin", "x", "facebook", "instagram", "youtube"]
        without = ["xiaohongshu", "linkedin"]
        for plat in without:
            self.plant(4, "account-without-campaigns", type="account", id=self.brand[plat].id)
        kinds = {
            "weibo": "promoted_post",
            "wechat": "ad",
            "douyin": "ad",
            "x": "promoted_post",
            "facebook": "ad",
            "instagram": "promoted_post",
            "youtube": "ad",
        }
        empty_targetings: list[Any] = [
            {},
            None,
            "missing",
            {"locations": [], "interests": [], "retargeting": False, "custom_audience": None, "genders": []},
        ]
        for i, plat in enumerate(with_campaigns):
            acc = self.brand[plat]
            for k in range(1 + self.size):
                cid = f"CMP-{acc.id[5:].upper()}-{k + 1:02d}"
                start = START + timedelta(days=r.randint(0, 40))
                targeting: Any = {
                    "locations": [r.choice(["New York", "上海", "Brooklyn", "杭州"])],
                    "age_min": r.choice([18, 22, 25]),
                    "age_max": r.choice([45, 55, 65]),
                    "interests": ["cycling"],
                }
                if r.random() < 0.3:
                    targeting = {"genders": ["female"]}
                untargeted = k == 0 and i < 4
                row: dict[str, Any] = {
                    "id": cid,
                    "account_id": acc.id,
                    "kind": kinds[plat],
                    "name": f"{plat} autumn push {k + 1}",
                    "started_at": self.ts(datetime.combine(start, time(9, 0))),
                    "ended_at": self.ts(datetime.combine(start + timedelta(days=14), time(23, 0))),
                    "budget": r.choice([500, 1500, 5000]),
                    "currency": "CNY" if plat in BRAND_ZH else "USD",
                    "impressions": r.randint(10**4, 10**6),
                    "clicks": r.randint(100, 5000),
                    "conversions": r.randint(0, 90),
                    "cost": r.randint(300, 5000),
                }
                if untargeted:
                    tg = empty_targetings[i % len(empty_targetings)]
                    if tg != "missing":
                        row["targeting"] = tg
                    self.plant(4, "campaign-without-targeting", type="campaign", id=cid)
                else:
                    row["targeting"] = targeting
                self.tables["campaigns"].append(row)
        if not self.no_retargeting:
            self.tables["campaigns"].append(
                {
                    "id": "CMP-RT-01",
                    "account_id": self.brand["facebook"].id,
                    "kind": "retargeting",
                    "name": "Cart abandoners",
                    "started_at": self.ts(datetime.combine(START, time(9))),
                    "ended_at": None,
                    "budget": 800,
                    "currency": "USD",
                    "targeting": {"custom_audience": "site visitors 30d", "retargeting": True},
                }
            )
        else:
            # nobody retargets: the mistake names the brand accounts (whose platforms all offer retargeting)
            for acc in self.brand.values():
                self.plant(4, "no-retargeting-anywhere", type="account", id=acc.id)

    # ---------------------------------------------------------------------------------------- write
    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        lang = "zh" if self.zh_market else "en"
        (folder / "dataset.toml").write_text(
            f'name = "{self.name}"\ntimezone = "{self.tz_name}"\nlanguage = "{lang}"\n'
            f'as_of = "{self.as_of.isoformat()}"\n',
            encoding="utf-8",
        )
        csv_tables = {"followers", "campaigns", "employees"}
        for name, rows in self.tables.items():
            if name in csv_tables:
                self.write_csv(folder / f"{name}.csv", rows)
            else:
                with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                    for row in rows:
                        fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    @staticmethod
    def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
        cols: list[str] = []
        for row in rows:
            for k in row:
                if k not in cols:
                    cols.append(k)
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for row in rows:
            out = []
            for c in cols:
                v = row.get(c)
                if v is None:
                    out.append("")
                elif isinstance(v, bool):
                    out.append("true" if v else "false")
                elif isinstance(v, list):
                    out.append(";".join(str(x) for x in v))
                elif isinstance(v, dict):
                    out.append(json.dumps(v, ensure_ascii=False))
                else:
                    out.append(str(v))
            w.writerow(out)
        path.write_text(buf.getvalue(), encoding="utf-8")

    def ground_truth(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "size": self.size,
            "timezone": self.tz_name,
            "no_retargeting": self.no_retargeting,
            "planted": {str(m): self.truth.get(m, []) for m in MISTAKES},
        }


# ------------------------------------------------------------------------------------------------ scoring


def key(ev: dict[str, Any]) -> tuple[str, ...]:
    t = ev.get("type")
    if t == "day":
        return ("day", str(ev.get("account_id")), str(ev.get("date")))
    if t == "follower":
        return ("follower", str(ev.get("account_id")), str(ev.get("id")))
    return (str(t), str(ev.get("id")))


def generate(
    folder: Path,
    seed: int = 1,
    size: int = 1,
    tz: str = "America/New_York",
    no_retargeting: bool | None = None,
) -> dict[str, Any]:
    g = Gen(seed, size, tz, bool(seed % 2) if no_retargeting is None else no_retargeting)
    g.build()
    g.write(folder)
    truth = g.ground_truth()
    return truth


_WITH_MODELS = """
import sys
from smguard.text import linear, model
model.load.cache_clear()
_path = sys.argv.pop(1)
_clf = None if _path == "lexicon" else linear.LinearClassifier.from_file(_path)
model.load = lambda: _clf
from smguard.cli.main import app
sys.argv[0] = "smguard"
app()
"""


def audit(folder: Path, out_json: Path, text_models: Path | None = None) -> dict[str, Any]:
    """Run the real command line. ``text_models``: a heads.npz trained with ``python -m smguard.text.train
    --out DIR`` to use instead of the shipped models (to measure a model that is not shipped yet)."""
    cmd = [str(SMGUARD), "audit", str(folder), "--json", str(out_json)]
    if text_models is not None:
        cmd = [str(SMGUARD.parent / "python"), "-c", _WITH_MODELS, str(text_models), *cmd[1:]]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"smguard audit exited {proc.returncode}: {proc.stderr[-2000:]}")
    return json.loads(out_json.read_text(encoding="utf-8"))


def score(truth: dict[str, Any], report: dict[str, Any]) -> dict[int, dict[str, Any]]:
    res: dict[int, dict[str, Any]] = {}
    for m in MISTAKES:
        planted = {key(it): it["kind"] for it in truth["planted"][str(m)]}
        flagged: dict[tuple[str, ...], str] = {}
        for f in report["findings"]:
            if f["mistake"] != m or f["severity"] == "info":
                continue
            for ev in f.get("evidence") or []:
                flagged.setdefault(key(ev), f["rule"])
        found = [k for k in planted if k in flagged]
        true_alarms = [k for k in flagged if k in planted]
        res[m] = {
            "planted": len(planted),
            "flagged": len(flagged),
            "recall": len(found) / len(planted) if planted else 1.0,
            "precision": len(true_alarms) / len(flagged) if flagged else 1.0,
            "misses": [(k, planted[k]) for k in planted if k not in flagged],
            "false_alarms": [(k, flagged[k]) for k in flagged if k not in planted],
        }
    return res


def describe(folder: Path) -> dict[tuple[str, ...], str]:
    """Texts of the data set's items, to show next to misses and false alarms."""
    out: dict[tuple[str, ...], str] = {}
    for name, typ in (("posts", "post"), ("messages", "message"), ("likes", "like")):
        p = folder / f"{name}.jsonl"
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                text = row.get("text") if typ != "like" else row.get("target_text")
                out[(typ, row["id"])] = f"{row.get('account_id')} {row.get('created_at')} {text!r}"[:160]
    return out


def run(
    seed: int,
    size: int,
    tz: str,
    keep: Path | None = None,
    verbose: bool = True,
    no_retargeting: bool | None = None,
    text_models: Path | None = None,
) -> dict[int, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        base = keep or Path(tmp)
        folder = base / "dataset"
        truth = generate(folder, seed, size, tz, no_retargeting)
        (base / "ground_truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        report = audit(folder, base / "report.json", text_models)
        res = score(truth, report)
        if verbose:
            texts = describe(folder)
            print(f"# seed={seed} size={size} tz={tz} no_retargeting={truth['no_retargeting']}")
            for m in MISTAKES:
                r = res[m]
                print(
                    f"M{m}: recall {r['recall']:.3f} ({r['planted'] - len(r['misses'])}/{r['planted']})  "
                    f"precision {r['precision']:.3f} ({r['flagged'] - len(r['false_alarms'])}/{r['flagged']})"
                )
                for k, kind in r["misses"]:
                    print(f"   miss  [{kind}] {k} {texts.get(k, '')}")
                for k, rule in r["false_alarms"]:
                    print(f"   false [{rule}] {k} {texts.get(k, '')}")
            for pr in report.get("input_problems", []):
                print(f"   input problem: {pr}")
            print(f"   text backend: {report.get('text_backend')}")
            for nr in report.get("not_run", []):
                print(f"   not run: {nr['rule']}: {nr['reason'][:100]}")
        return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, action="append", help="seed (repeatable); default 1 and 2")
    ap.add_argument("--size", type=int, default=1, help="size multiplier (1 ≈ 3k rows)")
    ap.add_argument(
        "--tz", action="append", help="timezone (repeatable); default America/New_York and Asia/Shanghai"
    )
    ap.add_argument(
        "--text-models",
        type=Path,
        help="a heads.npz to use instead of the shipped text models, or 'lexicon' for the keyword fallback",
    )
    ap.add_argument(
        "--keep", type=Path, help="write the data set, ground truth and report here (one run only)"
    )
    args = ap.parse_args(argv)
    seeds = args.seed or [1, 2]
    tzs = args.tz or ["America/New_York", "Asia/Shanghai"]
    worst: dict[int, list[float]] = {m: [1.0, 1.0] for m in MISTAKES}
    for tz in tzs:
        for seed in seeds:
            keep = args.keep / f"{tz.replace('/', '_')}-{seed}" if args.keep else None
            res = run(seed, args.size, tz, keep, text_models=args.text_models)
            for m in MISTAKES:
                worst[m][0] = min(worst[m][0], res[m]["recall"])
                worst[m][1] = min(worst[m][1], res[m]["precision"])
    print("\n# worst over runs")
    for m in MISTAKES:
        print(f"M{m}: recall {worst[m][0]:.3f}  precision {worst[m][1]:.3f}")
    return 0 if all(v[0] >= 0.9 and v[1] >= 0.9 for v in worst.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
