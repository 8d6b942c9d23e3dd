"""Generate the bundled demo data set: Acme Coffee / 晨光咖啡, a fictitious bilingual coffee chain.

Deterministic (fixed seed): ``python -m smguard.demo.generate`` rewrites ``smguard/demo/data/`` byte for byte
the same. The data set is built to show every one of the six mistakes somewhere *and* good practice elsewhere,
so the demo report has something to say about each rule without every account looking hopeless:

* Weibo and WeChat are run well: fast, apologetic replies, native formats, targeted campaigns (WeChat); but
  Weibo has some over-posting days, bulk-liking sprees and a wrong hashtag style.
* Douyin gets text-only posts (a video platform), a bought-follower burst in August and an argument with an
  abusive commenter that the brand keeps feeding in public.
* X has unanswered complaints, argumentative replies and posts over the 280 weighted-character limit.
* Facebook has an auto-responder that answers everything, in business hours, with the same sentence, and
  a week of 4–6 posts a day followed by unfollow spikes.
* Instagram gets cross-posted text, links in captions and a campaign with empty targeting.
* LinkedIn is the model account: adapted posts, targeted campaigns, courteous replies.
* Employees: guidelines v2 not signed by everybody, embargoed "Maple Oat Latte" leaked under its aliases, an
  employee post negative about the company; people who left are in the data too (and must not be flagged).

Everything here is invented. Texts are written for this demo.
"""

from __future__ import annotations

import json
import math
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

SEED = 20260301
TZ = timezone(timedelta(hours=8))  # Asia/Shanghai has no DST
START = date(2026, 5, 1)
END = date(2026, 10, 31)
AS_OF = "2026-10-31T23:59:59+08:00"
OUT = Path(__file__).parent / "data"

# ---------------------------------------------------------------------------------------------- vocabulary

PRODUCTS_ZH = [
    "拿铁",
    "美式",
    "燕麦拿铁",
    "冷萃",
    "桂花拿铁",
    "生椰拿铁",
    "澳白",
    "焦糖玛奇朵",
    "抹茶拿铁",
    "手冲耶加雪菲",
]
PRODUCTS_EN = [
    "latte",
    "Americano",
    "oat latte",
    "cold brew",
    "osmanthus latte",
    "coconut latte",
    "flat white",
    "caramel macchiato",
    "matcha latte",
    "pour-over Yirgacheffe",
]
FOODS_ZH = ["可颂", "提拉米苏", "肉桂卷", "芝士蛋糕", "牛角包三明治", "巴斯克"]
FOODS_EN = ["croissant", "tiramisu", "cinnamon roll", "cheesecake", "breakfast sandwich", "Basque cheesecake"]
STORES_ZH = [
    "静安寺店",
    "徐汇滨江店",
    "南山科技园店",
    "三里屯店",
    "西湖湖滨店",
    "春熙路店",
    "陆家嘴店",
    "五道口店",
]
STORES_EN = [
    "Jing'an Temple",
    "Xuhui Riverside",
    "Nanshan Science Park",
    "Sanlitun",
    "West Lake",
    "Chunxi Road",
    "Lujiazui",
    "Wudaokou",
]
CITIES_ZH = ["上海", "北京", "深圳", "杭州", "成都", "广州", "南京", "苏州", "武汉", "西安"]
CITIES_EN = [
    "Shanghai",
    "Beijing",
    "Shenzhen",
    "Hangzhou",
    "Singapore",
    "Hong Kong",
    "London",
    "Sydney",
    "Vancouver",
    "New York",
]
INTERESTS = [
    "咖啡",
    "烘焙",
    "旅行",
    "摄影",
    "健身",
    "读书",
    "美食",
    "设计",
    "音乐",
    "宠物",
    "coffee",
    "travel",
    "design",
    "startups",
    "running",
    "photography",
    "baking",
]

# Brand posts, Chinese: {p} product, {f} food, {s} store.
POSTS_ZH = [
    "秋天的第一杯{p}，今天在{s}等你。配一块刚出炉的{f}，刚刚好。",
    "咖啡师小课堂：为什么{p}要用 92℃ 的水？三张图看懂萃取温度。",
    "本周豆单：埃塞俄比亚日晒，花香明显，适合做{p}。门店限量供应。",
    "早八人的续命套餐来了：{p} + {f}，工作日 7:30–10:00 套餐价 28 元。",
    "下雨天，{s}的靠窗位置留给你。带上一本书，我们负责{p}。",
    "新店预告：{s}本周六开业，前 100 位到店的朋友送{f}一份。",
    "会员日到啦！每月 18 号，所有{p}第二杯半价，小程序下单同样有效。",
    "今天和大家聊聊我们的烘焙厂：每一批豆子出炉后都要静置 48 小时再上架。",
    "感谢大家上周在{s}的排队耐心，我们新增了两台咖啡机，出杯更快了。",
    "你更爱{p}还是{p2}？评论区告诉我们，抽三位送月卡。",
    "城市咖啡地图 | {s}：老洋房里的一杯{p}，推荐下午三点的阳光。",
    "环保小行动：自带杯购买任意饮品立减 3 元，{s}等 40 家门店参与。",
    "咖啡师大赛幕后：我们的冠军咖啡师分享了{p}拉花的三个小窍门。",
    "周末限定：{f}配{p}，只在{s}和线上小程序。",
    "一杯{p}的旅程：从云南保山的咖啡园到你手里，一共经过 11 道工序。",
    "天气转凉，热饮回归：{p}、{p2}全面恢复供应。",
]
POSTS_EN = [
    "First {p} of autumn? Come find us at {s}. A warm {f} on the side is strongly recommended.",
    "Barista tip: why we brew our {p} at 92°C. A quick guide to extraction temperature.",
    "Bean of the week: a natural-process Ethiopian with jasmine notes. Lovely as a {p}. Limited supply.",
    "Morning combo: {p} + {f} for 28 RMB, weekdays 7:30–10:00 at every store.",
    "Rainy day plan: a window seat at {s}, a good book, and a {p}. We'll handle the coffee.",
    "New store alert: {s} opens this Saturday. The first 100 guests get a free {f}.",
    "Members' day is the 18th of every month: second {p} half price, in store and in the app.",
    "Inside our roastery: every batch rests for 48 hours before it reaches your cup.",
    "Thank you for your patience at {s} last week. Two new espresso machines are in, so the queue moves faster.",
    "Team {p} or team {p2}? Tell us below. Three winners get a month of free coffee.",
    "Bring your own cup and save 3 RMB on any drink at 40 stores, including {s}.",
    "Behind the scenes at the barista championship: three latte-art tips from our champion.",
    "From a farm in Baoshan, Yunnan to your {p}: 11 steps, one cup.",
    "Weekend special: {f} and {p}, only at {s} and in our app.",
]
LINKEDIN_POSTS = [
    "We are hiring baristas and shift leads for our new {s} store. Training, health cover and a career path "
    "to store manager within two years. Apply through our careers page.",
    "How we cut packaging waste by 31% this year: reusable cup deposits, paper lids and a supplier scorecard. "
    "Full write-up from our sustainability team.",
    "Congratulations to our Chengdu team on opening three stores in one quarter with zero lost-time incidents.",
    "Our head roaster on sourcing direct-trade coffee from Yunnan: what it costs, what it changes for farmers.",
    "Acme Coffee is partnering with local universities on a barista apprenticeship. 40 places this autumn.",
    "Quarterly update: same-store sales up 8%, customer satisfaction 4.7/5, and a new roastery in Suzhou.",
]
WECHAT_POSTS = [
    "【深度】一杯{p}背后的供应链：我们如何把云南咖啡豆的采购价提高 20%，又保持售价不变",
    "【会员专享】本月积分商城上新：{f}兑换券、定制杯套、烘焙厂参观名额",
    "【门店故事】{s}的店长阿杰：从学徒到店长的第三年",
    "【手冲指南】在家也能做出好喝的{p}：器具、研磨度、水温一次讲清楚",
    "【公告】关于{s}装修期间暂停营业的说明（附附近门店地址）",
]
VIDEO_POSTS_ZH = [
    "60 秒看咖啡师做一杯{p} ☕ #晨光咖啡#",
    "凌晨四点的烘焙厂是什么样的？跟拍我们的烘焙师",
    "{s}开业当天，排队的人比咖啡豆还多",
    "挑战：盲测 5 杯{p}，你能分出哪杯是我们家的吗？",
    "拉花失败合集，笑着看完 🤣",
    "一杯{p}的成本到底是多少？店长来算账",
]
VIDEO_POSTS_EN = [
    "60 seconds of a barista pulling a {p}.",
    "What does a roastery look like at 4 a.m.?",
    "Blind tasting 5 {p}s: can our head barista find ours?",
    "Latte-art fails compilation. Watch to the end.",
    "How much does a {p} really cost? Our store manager does the maths.",
]
XHS_POSTS = [
    "{s}探店｜老洋房里的咖啡馆，{p}真的绝了 📸 #晨光咖啡# #上海探店#",
    "打工人早餐公式：{p} + {f}，一周不重样 ✨",
    "秋冬限定饮品测评｜{p}和{p2}哪个更值得？",
    "在家复刻{s}的{p}，手残党也能成功的 3 个步骤",
    "周末去哪儿｜{s}二楼露台，拍照超出片",
]
# The same message pushed unchanged to several platforms at once (mistake 1).
CROSSPOST_ZH = [
    "【国庆特惠】10 月 1 日–7 日，全场拿铁第二杯半价！到店或小程序下单均可参加，活动门店以小程序为准。",
    "【新品上市】桂花拿铁回来了！今年用的是杭州满觉陇的新鲜桂花，限量供应，卖完即止。",
    "【公告】9 月 15 日起，会员积分规则升级，详情请查看小程序“我的-积分说明”。",
]
CROSSPOST_EN = [
    "Golden Week deal: October 1–7, second latte half price at every Acme Coffee. Order in store or in the app. "
    "Details: https://acme.coffee/golden-week",
    "The osmanthus latte is back! Fresh osmanthus from Manjuelong, Hangzhou. Limited run, while it lasts.",
    "From September 15 our membership points are changing. Everything you need to know: "
    "https://acme.coffee/points",
]

# Inbound messages. {p} product, {s} store, {f} food, {n} order number.
PRAISE_ZH = [
    "{s}的{p}今天特别好喝，咖啡师小姐姐还记得我的口味，感谢！",
    "你们家的{f}是我吃过最好吃的，没有之一 [赞]",
    "小程序点单很方便，到店直接取，好评",
    "周末在{s}坐了一下午，环境很舒服，推荐给朋友了",
    "会员日买了两杯{p}，物美价廉，开心",
    "{p}又上架啦，好喝到想每天来一杯 [心]",
    "店员服务超好，下雨天还撑伞送我到门口，感谢晨光咖啡",
    "自带杯减 3 块这个活动很赞，支持环保",
]
PRAISE_EN = [
    "The {p} at {s} was perfect today. Big thanks to the barista!",
    "Best {f} in the city, honestly. Great job @AcmeCoffee",
    "Love the new app, pickup was so quick. Thanks!",
    "Spent the afternoon working at {s}. Great coffee, great music, nice staff.",
    "So glad the osmanthus latte is back. Delicious as always!",
    "Thanks for the reusable cup discount, that's a great idea.",
]
COMPLAINT_ZH = [
    "在{s}点的{p}等了四十分钟还没做好，店员也不解释，太差了",
    "小程序下单扣了两次钱，订单号{n}，请尽快退款",
    "今天的{f}明显不新鲜，有点变质的味道，很失望",
    "外卖送到的时候{p}全洒了，杯盖都没盖好，差评",
    "{s}的店员态度差，问个问题爱答不理的",
    "会员积分莫名其妙少了 200 分，客服不理，怎么回事？",
    "点的是燕麦奶，做成了牛奶，我乳糖不耐受，喝完很难受，投诉！",
    "订单{n}显示已送达，但我根本没收到",
    "{p}越来越难喝了，价格还涨了，再也不来了",
    "排队半小时，拿到的{p}是凉的，无语",
]
COMPLAINT_EN = [
    "Waited 40 minutes at {s} for a {p} and nobody told us why. Unacceptable.",
    "I was charged twice for order {n}. I need a refund please.",
    "The {f} I bought today was stale. Really disappointed.",
    "My delivery arrived with the {p} spilled everywhere. The lid wasn't even on. Terrible.",
    "Staff at {s} were rude when I asked about oat milk. Poor service.",
    "My member points disappeared and no response from support for a week. Ridiculous.",
    "Asked for oat milk, got dairy. I'm lactose intolerant and feel awful. This is a complaint.",
    "Order {n} says delivered but it never arrived.",
    "Your app crashes every time I try to pay. Fix this please.",
]
HELP_ZH = [
    "请问{s}几点开门？",
    "请问会员卡在哪里绑定手机号？",
    "请问燕麦拿铁可以换成少糖吗？",
    "发票怎么开？小程序里找不到",
    "请问{s}有没有插座可以办公？",
    "积分什么时候过期？",
    "请问可以预订{s}的二楼包场吗？",
    "礼品卡怎么查余额？",
]
HELP_EN = [
    "Where can I find the Sunday opening hours of {s}?",
    "How do I link my member card to the app?",
    "Can I get the {p} with less sugar?",
    "How can I get an invoice for order {n}?",
    "Is there a way to book the upstairs room at {s} for a team meeting?",
    "When do my points expire? Can someone check?",
    "Can someone help me check my gift card balance?",
]
NEUTRAL_ZH = ["和朋友在{s}聊天，{p}不错", "晨光咖啡的新杯子设计挺好看的", "{s}的店员小哥好帅"]
NEUTRAL_EN = [
    "Meeting a friend at {s} later",
    "Reading at {s} all afternoon",
    "Latte art today was a little bear",
    "The new cup design looks nice",
]
ABUSE_ZH = [
    "你们就是一群骗子，滚！",
    "垃圾店，脑残才来喝",
    "客服都是废物，他妈的退不退钱",
    "什么破店，狗东西",
]
ABUSE_EN = [
    "You people are idiots. Shut up and give me my money.",
    "Pathetic losers, this is a scam.",
    "What a crap company, you're all stupid.",
]

REPLY_GOOD_ZH = [
    "非常抱歉给您带来不好的体验！我们已经请{s}店长核实情况，马上为您处理，麻烦私信我们订单号和联系方式。",
    "抱歉让您久等了！您反映的问题我们已经转给客服专员跟进，今天之内会私信联系您并给出解决方案。",
    "对不起，这是我们做得不好。我们会马上处理，并在门店复盘改进，具体情况请私信我们，我们一对一跟进。",
]
REPLY_GOOD_EN = [
    "We're so sorry about this. We've flagged it with the {s} store manager and will make it right. Could you "
    "DM us your order number?",
    "Apologies for the trouble. We've passed this to our customer care team and they will DM you today with a fix.",
    "We're really sorry about this. We're looking into what went wrong and will follow up with you by DM.",
]
# The answer to each help request, in the same order as HELP_ZH / HELP_EN.
REPLY_HELP_ZH = [
    "您好，{s}工作日 7:30 开门，周末 8:00，欢迎光临！",
    "您好，打开小程序“我的-会员卡”，点“绑定手机号”即可。",
    "可以的，下单时在备注里选择“少糖”就好。",
    "发票可以在小程序订单详情页申请，电子发票会发到您的邮箱。",
    "有的，{s}靠窗一排座位都有插座，欢迎来办公～",
    "积分有效期为获得之日起 12 个月，可在小程序“我的-积分”查看明细。",
    "可以的，请私信我们日期和人数，我们帮您联系{s}安排。",
    "在小程序“我的-礼品卡”里就能看到余额哦。",
]
REPLY_HELP_EN = [
    "Hi! {s} opens at 8:00 on Sundays (7:30 on weekdays). See you there!",
    "Open the app, go to Me > Member card and tap 'Link card'. That's it!",
    "Yes, of course! Choose 'less sugar' when you order your {p}.",
    "You can request an invoice from the order page in the app; it will be emailed to you.",
    "Yes! Send us a DM with the date and the number of people and we'll set it up with {s}.",
    "Points last 12 months from the day you earn them; the app shows the dates under Me > Points.",
    "Your balance is in the app under Me > Gift cards.",
]
REPLY_THANKS_ZH = [
    "谢谢喜欢！我们会继续努力的 ☕",
    "感谢支持，下次来{s}记得找我们的咖啡师聊聊豆子～",
    "开心！欢迎常来～",
]
REPLY_THANKS_EN = [
    "Thank you so much! See you soon ☕",
    "That made our day, thank you!",
    "Thanks for the kind words!",
]
# Replies that answer a complaint without an apology or any intent to fix it (low severity).
REPLY_FLAT_ZH = ["请查看小程序里的公告。", "门店营业时间以小程序为准。", "已收到。"]
REPLY_FLAT_EN = ["Please check our FAQ page.", "Store hours are listed in the app.", "Noted."]
# Replies that argue with or blame the customer (mistake 3).
REPLY_ARGUE_ZH = [
    "你自己下单的时候没看清楚吧？不是我们的问题。",
    "早就说了燕麦奶要另外选，你没看说明。",
    "请你搞清楚，我们的出品都是按标准来的。",
]
REPLY_ARGUE_EN = [
    "You should have read the menu before ordering. Not our fault.",
    "That's not true, our app works fine. Maybe learn to update your phone.",
    "As we said, nothing we can do about delivery. Calm down.",
]
AUTO_FB = "Thanks for your message! We have received it and will get back to you as soon as possible."
AUTO_X = "Thanks for reaching out to Acme Coffee! Our team will reply within 24 hours."
AUTO_WECHAT = "您好，欢迎关注晨光咖啡！回复“1”查看门店，回复“2”查看会员权益，人工客服在线时间 9:00–21:00。"

LIKE_RELEVANT_ZH = [
    "今天的晨光咖啡{p}太好喝了",
    "在{s}遇到了超可爱的咖啡师",
    "晨光咖啡的{f}谁吃谁知道",
    "同事请喝晨光咖啡，开心",
]
LIKE_RELEVANT_EN = [
    "Acme Coffee {p} and a good book. Perfect Sunday.",
    "Best {f} in town is at Acme Coffee {s}",
    "Working from Acme Coffee today",
]
LIKE_UNRELATED = [
    "今天股市大涨，加仓了",
    "我家猫咪今天学会了开门",
    "新买的跑鞋试穿十公里",
    "周末去爬了黄山，累并快乐着",
    "求推荐好看的悬疑剧",
    "减脂餐第 30 天打卡",
    "考研倒计时 60 天",
    "新手机开箱",
    "Just hit a new PR on deadlift!",
    "Sunset at the beach 🌅",
    "My new gaming setup is finally done",
    "Anyone watching the football tonight?",
    "Monday motivation: keep going",
    "Check out my travel vlog from Bali",
    "Follow for follow? #f4f #like4like",
]

EMPLOYEES = [
    # id, name, email, department, joined, left
    ("E001", "周晨", "zhou.chen@acme.coffee", "Executive", "2019-03-01", None),
    ("E002", "Grace Lin", "grace.lin@acme.coffee", "Marketing", "2020-06-15", None),
    ("E003", "李娜", "li.na@acme.coffee", "Marketing", "2021-02-01", None),
    ("E004", "王磊", "wang.lei@acme.coffee", "Store Operations", "2020-09-01", None),
    ("E005", "陈思雨", "chen.siyu@acme.coffee", "Customer Service", "2022-04-11", None),
    ("E006", "赵敏", "zhao.min@acme.coffee", "Customer Service", "2023-01-09", None),
    ("E007", "Tom Becker", "tom.becker@acme.coffee", "R&D", "2021-11-01", None),
    ("E008", "刘洋", "liu.yang@acme.coffee", "Roastery", "2019-08-20", None),
    ("E009", "Anna Liu", "anna.liu@acme.coffee", "HR", "2022-07-01", None),
    ("E010", "孙浩", "sun.hao@acme.coffee", "Store Operations", "2023-05-15", None),
    ("E011", "Priya Nair", "priya.nair@acme.coffee", "Marketing", "2024-02-01", None),
    ("E012", "黄蕾", "huang.lei@acme.coffee", "Finance", "2021-03-22", None),
    ("E013", "吴凯", "wu.kai@acme.coffee", "IT", "2022-10-10", None),
    ("E014", "马丽", "ma.li@acme.coffee", "R&D", "2024-06-03", None),
    ("E015", "David Okafor", "david.okafor@acme.coffee", "Store Operations", "2020-01-06", "2026-06-30"),
    ("E016", "郑洁", "zheng.jie@acme.coffee", "Marketing", "2021-05-17", "2026-09-12"),
    ("E017", "林峰", "lin.feng@acme.coffee", "Customer Service", "2023-08-01", "2026-05-20"),
    ("E018", "Sophie Wang", "sophie.wang@acme.coffee", "Marketing", "2026-10-08", None),
]
# Who signed which guidelines version. v2.0 is current; E004, E010 and E013 never signed it; E018 joined three
# weeks ago and has not yet; the three who left signed only v1.0 (and must not be flagged).
SIGNED_V2 = ["E001", "E002", "E003", "E005", "E006", "E007", "E008", "E009", "E011", "E012", "E014"]
SIGNED_V1 = [
    "E001",
    "E002",
    "E003",
    "E004",
    "E005",
    "E007",
    "E008",
    "E009",
    "E010",
    "E012",
    "E015",
    "E016",
    "E017",
]

BRAND = {
    # id: platform, handle, language, posts per day, followers in followers.jsonl, base follower count
    "acme-weibo": ("weibo", "晨光咖啡", "zh", 1.6, 420, 48_000),
    "acme-wechat": ("wechat", "晨光咖啡服务号", "zh", 0.45, 300, 125_000),
    "acme-douyin": ("douyin", "晨光咖啡官方", "zh", 1.0, 300, 21_000),
    "acme-xhs": ("xiaohongshu", "晨光咖啡AcmeCoffee", "zh", 0.7, 240, 9_800),
    "acme-instagram": ("instagram", "acmecoffee", "en", 0.9, 260, 15_400),
    "acme-x": ("x", "AcmeCoffee", "en", 1.3, 200, 7_300),
    "acme-facebook": ("facebook", "Acme Coffee", "en", 1.2, 200, 11_200),
    "acme-linkedin": ("linkedin", "acme-coffee", "en", 0.35, 140, 4_100),
    "acme-youtube": ("youtube", "AcmeCoffeeTV", "en", 0.15, 100, 2_600),
}
EMPLOYEE_ACCOUNTS = [
    ("emp-lina-weibo", "weibo", "娜娜爱咖啡", "E003"),
    ("emp-tom-x", "x", "tombrews", "E007"),
    ("emp-sunhao-xhs", "xiaohongshu", "店长孙浩的日常", "E010"),
    ("emp-anna-linkedin", "linkedin", "anna-liu-hr", "E009"),
    ("emp-zhengjie-weibo", "weibo", "郑洁Jessie", "E016"),
    ("emp-priya-instagram", "instagram", "priya.sips", "E011"),
    ("emp-mali-douyin", "douyin", "研发马丽", "E014"),
]


class Gen:
    def __init__(self) -> None:
        self.r = random.Random(SEED)
        self.n = {"post": 0, "msg": 0, "like": 0}
        self.posts: list[dict[str, Any]] = []
        self.messages: list[dict[str, Any]] = []
        self.likes: list[dict[str, Any]] = []
        self.followers: list[dict[str, Any]] = []
        self.customers: list[dict[str, Any]] = []
        self.follower_counts: list[dict[str, Any]] = []
        self.heavy_days: dict[str, list[date]] = {}
        self.followers_by_acct: dict[str, list[dict[str, Any]]] = {}
        self.slots: dict[str, str] = {}

    # ----------------------------------------------------------------------------------------- helpers
    def days(self) -> list[date]:
        return [START + timedelta(days=i) for i in range((END - START).days + 1)]

    @staticmethod
    def ts(d: date, hour: float) -> datetime:
        h = int(hour)
        m = int((hour - h) * 60)
        return datetime(d.year, d.month, d.day, h, m, 0, tzinfo=TZ)

    @staticmethod
    def iso(dt: datetime) -> str:
        return dt.isoformat(timespec="seconds")

    def fill(self, template: str, lang: str, same: bool = False) -> str:
        """Fill a template's slots; ``same`` reuses the previous call's values (an answer names the same store)."""
        r = self.r
        if not same:
            products, foods, stores = (
                (PRODUCTS_ZH, FOODS_ZH, STORES_ZH) if lang == "zh" else (PRODUCTS_EN, FOODS_EN, STORES_EN)
            )
            p, p2 = r.sample(products, 2)
            self.slots = {
                "p": p,
                "p2": p2,
                "f": r.choice(foods),
                "s": r.choice(stores),
                "n": f"AC{r.randint(10_000_000, 99_999_999)}",
            }
        return template.format(**self.slots)

    def new_id(self, kind: str, prefix: str) -> str:
        self.n[kind] += 1
        return f"{prefix}{self.n[kind]:05d}"

    def poisson(self, lam: float) -> int:
        # Knuth; lam is small here
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p <= limit:
                return k
            k += 1

    # ----------------------------------------------------------------------------------------- posts
    def post(
        self,
        account: str,
        when: datetime,
        text: str,
        media: list[dict[str, Any]] | None = None,
        link: str | None = None,
        source: str = "manual",
        reach: int = 1000,
    ) -> dict[str, Any]:
        r = self.r
        views = int(reach * r.uniform(0.6, 1.8))
        row: dict[str, Any] = {
            "id": self.new_id("post", "p"),
            "account_id": account,
            "created_at": self.iso(when),
            "text": text,
            "media": media or [],
            "source": source,
            "metrics": {
                "likes": int(views * r.uniform(0.01, 0.06)),
                "comments": int(views * r.uniform(0.001, 0.01)),
                "shares": int(views * r.uniform(0.0005, 0.005)),
                "views": views,
            },
        }
        if link:
            row["link"] = link
        self.posts.append(row)
        return row

    def media_for(self, platform: str) -> list[dict[str, Any]]:
        r = self.r
        mid = f"media-{r.randint(100000, 999999)}"
        if platform in ("douyin", "youtube"):
            return [{"type": "video", "duration_s": r.choice([15, 28, 45, 60, 95, 180, 420]), "id": mid}]
        if platform in ("xiaohongshu", "instagram"):
            k = r.choice([1, 1, 3, 4, 6, 9]) if platform == "xiaohongshu" else r.choice([1, 1, 2, 5])
            return [{"type": "photo", "id": f"{mid}-{i}"} for i in range(k)]
        if platform == "wechat":
            return [{"type": "photo", "id": mid}]
        if platform == "linkedin":
            return [r.choice([{"type": "photo", "id": mid}, {"type": "document", "id": mid}])]
        kind = r.choices(["photo", "video", "none"], [6, 2, 2])[0]
        if kind == "none":
            return []
        if kind == "video":
            return [{"type": "video", "duration_s": r.choice([15, 30, 58]), "id": mid}]
        most = [1, 1, 2, 3, 9] if platform == "weibo" else [1, 1, 2, 3, 4]  # Weibo's nine-photo grid
        return [{"type": "photo", "id": f"{mid}-{i}"} for i in range(r.choice(most))]

    def brand_posts(self) -> None:
        r = self.r
        for acct, (platform, _handle, lang, rate, _nf, base) in BRAND.items():
            heavy: list[date] = []
            for d in self.days():
                # Within the article's cap (with room for one cross-post), except on the planted days below.
                n = min(2, self.poisson(rate))
                # Mistake 6: some Weibo days and a Facebook "September push" far over the daily cap of 3.
                if acct == "acme-weibo" and d.day in (8, 22) and d.month in (6, 7, 9):
                    n = r.randint(5, 7)
                if acct == "acme-facebook" and date(2026, 9, 1) <= d <= date(2026, 9, 7):
                    n = r.randint(4, 6)
                if acct == "acme-x" and d in (date(2026, 8, 12), date(2026, 10, 20)):
                    n = 5
                if n > 3:
                    heavy.append(d)
                hours = sorted(r.uniform(8, 21.5) for _ in range(n))
                for i, h in enumerate(hours):
                    # Two posts minutes apart on heavy days (posts too close together).
                    if n > 3 and i == 1:
                        h = hours[0] + 0.05
                    self._brand_post(acct, platform, lang, self.ts(d, h), base)
            self.heavy_days[acct] = heavy

    def _brand_post(self, acct: str, platform: str, lang: str, when: datetime, base: int) -> None:
        r = self.r
        reach = int(base * r.uniform(0.05, 0.2))
        if platform == "wechat":
            self.post(
                acct,
                when,
                self.fill(r.choice(WECHAT_POSTS), "zh"),
                [{"type": "photo"}],
                link=f"https://mp.weixin.qq.com/s/acme{r.randint(1000, 9999)}",
                reach=reach,
            )
            return
        if platform == "linkedin":
            self.post(
                acct, when, self.fill(r.choice(LINKEDIN_POSTS), "en"), self.media_for(platform), reach=reach
            )
            return
        if platform in ("douyin", "youtube"):
            text = self.fill(r.choice(VIDEO_POSTS_ZH if lang == "zh" else VIDEO_POSTS_EN), lang)
            media = self.media_for(platform)
            if platform == "douyin" and r.random() < 0.04:  # mistake 1: text or photo on a video platform
                media = (
                    []
                    if r.random() < 0.6
                    else [{"type": "photo", "id": f"media-{r.randint(100000, 999999)}"}]
                )
                text = self.fill(r.choice(POSTS_ZH), "zh")
            self.post(acct, when, text, media, reach=reach)
            return
        if platform == "xiaohongshu":
            self.post(acct, when, self.fill(r.choice(XHS_POSTS), "zh"), self.media_for(platform), reach=reach)
            return
        text = self.fill(r.choice(POSTS_ZH if lang == "zh" else POSTS_EN), lang)
        media = self.media_for(platform)
        link = None
        if platform == "weibo" and r.random() < 0.5:
            text += (
                " #晨光咖啡#" if r.random() < 0.96 else " #晨光咖啡 #秋季新品"
            )  # last: not Weibo's #话题# syntax
        if platform == "instagram":
            if r.random() < 0.03:  # mistake 1: text-only on a photo platform, with a dead link in the caption
                media = []
                text += " Full menu: https://acme.coffee/menu"
            else:
                text += " #acmecoffee #coffeetime"
        if platform == "x" and r.random() < 0.2:
            link = "https://acme.coffee/app"
            text += " https://acme.coffee/app"
        self.post(acct, when, text, media, link=link, reach=reach)

    def special_posts(self) -> None:
        r = self.r
        # Mistake 1: the same text pushed unchanged to many platforms within minutes.
        crosspost_days = [date(2026, 9, 28), date(2026, 8, 20), date(2026, 9, 10)]
        for i, d in enumerate(crosspost_days):
            t0 = self.ts(d, 10.0)
            media = [{"type": "photo", "id": f"media-cross-{i}"}]
            for k, acct in enumerate(["acme-weibo", "acme-wechat", "acme-douyin", "acme-xhs"]):
                self.post(acct, t0 + timedelta(minutes=k), CROSSPOST_ZH[i], media, source="scheduled")
            for k, acct in enumerate(["acme-instagram", "acme-x", "acme-facebook", "acme-linkedin"]):
                self.post(acct, t0 + timedelta(minutes=10 + k), CROSSPOST_EN[i], media, source="scheduled")
        # Mistake 1: posts over X's 280 weighted characters (CJK characters count 2).
        long_zh = (
            "晨光咖啡秋季新品发布会回顾：今年我们带来了三款全新饮品，分别是桂花拿铁、栗子燕麦拿铁和黑糖冷萃。"
            "感谢所有到场的媒体朋友和会员，也感谢我们的烘焙团队连续三个月的研发。所有新品将于下周一在全国门店"
            "同步上市，会员可以提前一天在小程序预订，前一千名预订的朋友还会收到限量版杯套一个。欢迎大家来尝鲜！"
        )
        self.post(
            "acme-x", self.ts(date(2026, 9, 3), 11.2), long_zh, [{"type": "photo", "id": "media-launch"}]
        )
        long_en = (
            "Our autumn menu is here and we could not be more excited to share it with you: an osmanthus latte "
            "made with fresh flowers from Hangzhou, a chestnut oat latte that tastes like a winter market, and a "
            "brown-sugar cold brew for the warm afternoons that are still left. Members can pre-order a day "
            "early in the app, and the first thousand pre-orders get a limited-edition cup sleeve. See you soon!"
        )
        self.post("acme-x", self.ts(date(2026, 10, 9), 9.5), long_en)
        # A photo on YouTube, a video platform; six photos on X, which shows four.
        self.post(
            "acme-youtube",
            self.ts(date(2026, 8, 28), 18.0),
            "New cups, new colours. Which one is yours?",
            [{"type": "photo", "id": "media-cups-1"}, {"type": "photo", "id": "media-cups-2"}],
        )
        self.post(
            "acme-x",
            self.ts(date(2026, 7, 2), 15.5),
            "Six new stores this summer. Here they are!",
            [{"type": "photo", "id": f"media-stores-{i}"} for i in range(6)],
        )
        # A very long Xiaohongshu note (limit 1000 characters).
        para = (
            "这是一篇超长的门店巡礼笔记。我们走访了晨光咖啡在上海的十二家门店，从静安寺店的老洋房到陆家嘴店的落地窗，"
            "从徐汇滨江店的江景露台到五道口店的学生自习区，每一家店都有自己的故事。"
        )
        self.post("acme-xhs", self.ts(date(2026, 7, 19), 20.0), para * 9, self.media_for("xiaohongshu"))
        # A Weibo post using Instagram-style hashtags, and an Instagram post using Weibo-style ones.
        self.post(
            "acme-weibo",
            self.ts(date(2026, 10, 12), 12.0),
            "秋天就该喝桂花拿铁 #桂花拿铁 #秋天的第一杯咖啡 #晨光咖啡",
            self.media_for("weibo"),
        )
        self.post(
            "acme-instagram",
            self.ts(date(2026, 10, 13), 12.0),
            "Autumn in a cup: our osmanthus latte. #桂花拿铁# #晨光咖啡#",
            self.media_for("instagram"),
        )
        # After the Shenzhen embargo ended (2026-08-31) the brand may talk about it: good practice.
        self.post(
            "acme-weibo",
            self.ts(date(2026, 9, 20), 10.0),
            "深圳湾旗舰店 10 月开业，三层楼、烘焙工坊和咖啡学院都在这里。",
            self.media_for("weibo"),
        )
        _ = r

    def employee_posts(self) -> None:
        r = self.r
        normal = {
            "emp-lina-weibo": [
                "今天的拉花终于成功了一次 ☕",
                "周末去杭州满觉陇看桂花，香到走不动",
                "推荐一本书：《咖啡风味图谱》",
                "下班路上的晚霞",
                "团队聚餐，开心",
            ],
            "emp-tom-x": [
                "Cupping session this morning: 14 samples, 2 winners.",
                "Roast curves are a form of art.",
                "Sunday hike, no coffee for once.",
                "Great talk at the specialty coffee expo today.",
            ],
            "emp-sunhao-xhs": ["店里新来的小伙伴第一天上岗", "早班 6 点半的城市", "门店绿植换新了"],
            "emp-anna-linkedin": [
                "Proud of our team: 40 apprentices started this month.",
                "Hiring tip: a short, specific cover letter beats a long one.",
                "What I learned from 200 exit interviews: people leave managers, not companies.",
            ],
            "emp-zhengjie-weibo": ["新的一周，加油", "今天拍了一组新品海报", "猫猫晒太阳"],
            "emp-priya-instagram": [
                "Weekend latte art practice",
                "Hangzhou tea fields",
                "Visited the Hangzhou roastery today",
            ],
            "emp-mali-douyin": ["实验室的一天", "杯测日常", "周末去云南咖啡庄园"],
        }
        for acct, texts in normal.items():
            for d in self.days():
                if r.random() < 0.12:
                    media = (
                        self.media_for("douyin")
                        if acct.endswith("douyin")
                        else (
                            [{"type": "photo", "id": f"media-{r.randint(100000, 999999)}"}]
                            if r.random() < 0.7
                            else []
                        )
                    )
                    self.post(acct, self.ts(d, r.uniform(7, 23)), r.choice(texts), media, reach=150)
        # Mistake 2: embargoed product leaked under its aliases, written with spaces and full-width letters.
        self.post(
            "emp-lina-weibo",
            self.ts(date(2026, 10, 18), 22.1),
            "偷偷剧透：我们正在试的『枫 叶 计 划』真的太好喝了，下个月见！",
            [{"type": "photo", "id": "media-leak1"}],
            reach=300,
        )
        self.post(
            "emp-tom-x",
            self.ts(date(2026, 10, 22), 19.4),
            "Tasting batch #12 of ＰＲＯＪＥＣＴ　ＭＡＰＬＥ today. Our best drink yet. Can't say more!",
            reach=300,
        )
        self.post(
            "emp-mali-douyin",
            self.ts(date(2026, 9, 30), 21.0),
            "研发日常：枫糖燕麦拿铁第 8 版配方测试中 ✌️",
            self.media_for("douyin"),
            reach=300,
        )
        self.post(
            "emp-zhengjie-weibo",
            self.ts(date(2026, 7, 10), 20.3),
            "听说深圳湾旗舰店要开了？三层楼！期待～",
            [],
            reach=200,
        )
        # Mistake 2: employee posts negative about the company.
        self.post(
            "emp-sunhao-xhs",
            self.ts(date(2026, 8, 26), 23.4),
            "我们公司又让门店连续加班两周，工资一分没涨，老板眼里只有业绩，真的很失望。劝大家别买他们的月卡。",
            [],
            reach=800,
        )
        self.post(
            "emp-tom-x",
            self.ts(date(2026, 9, 14), 23.0),
            "My company cut the R&D budget again and management treats staff like machines. Terrible place to "
            "work right now.",
            reach=600,
        )
        # The employee who left (E015) posted before leaving; E017's account is not in the data at all.

    # ----------------------------------------------------------------------------------------- customers
    def make_customers(self) -> None:
        r = self.r
        for i in range(1, 381):
            first = (
                START - timedelta(days=r.randint(0, 700))
                if i <= 355
                else START + timedelta(days=r.randint(0, (END - START).days - 5))
            )
            last = first + timedelta(days=r.randint(0, max(0, (END - first).days)))
            orders = r.randint(1, 60)
            self.customers.append(
                {
                    "id": f"C{i:04d}",
                    "social": [],
                    "orders": orders,
                    "revenue": round(orders * r.uniform(22, 45), 2),
                    "first_order_at": self.iso(self.ts(first, r.uniform(8, 21))),
                    "last_order_at": self.iso(self.ts(last, r.uniform(8, 21))),
                }
            )

    # ----------------------------------------------------------------------------------------- followers
    def make_followers(self) -> None:
        r = self.r
        # Share of each account's known followers who are customers: WeChat is the loyalty channel.
        customer_share = {
            "acme-wechat": 0.45,
            "acme-weibo": 0.18,
            "acme-xhs": 0.15,
            "acme-instagram": 0.08,
            "acme-facebook": 0.10,
            "acme-x": 0.06,
            "acme-linkedin": 0.04,
            "acme-douyin": 0.03,
            "acme-youtube": 0.02,
        }
        fake_share = {"acme-instagram": 0.25, "acme-douyin": 0.12, "acme-x": 0.10}
        pool = list(self.customers)
        for acct, (platform, _h, lang, _rate, nf, _base) in BRAND.items():
            rows: list[dict[str, Any]] = []
            r.shuffle(pool)
            ncust = int(nf * customer_share[acct])
            nfake = int(nf * fake_share.get(acct, 0.03))
            ninactive = int(nf * (0.35 if acct == "acme-youtube" else 0.08))  # YouTube: many silent viewers
            kinds = ["customer"] * ncust + ["fake"] * nfake + ["inactive"] * ninactive
            kinds += ["real"] * (nf - len(kinds))
            prefix = {
                "weibo": "wb",
                "wechat": "wx",
                "douyin": "dy",
                "xiaohongshu": "xhs",
                "instagram": "ig",
                "x": "tw",
                "facebook": "fb",
                "linkedin": "li",
                "youtube": "yt",
            }[platform]
            cust_iter = iter(pool)
            for j, kind in enumerate(kinds):
                uid = f"{prefix}_{r.randint(10**8, 10**9 - 1)}"
                followed = (
                    START - timedelta(days=r.randint(0, 900))
                    if r.random() < 0.6
                    else START + timedelta(days=r.randint(0, (END - START).days))
                )
                row = self._profile(kind, uid, lang, followed)
                row["account_id"] = acct
                if kind == "customer":
                    c = next(cust_iter)
                    entry: dict[str, Any] = {"platform": platform}
                    if j % 4 == 0:  # matched by handle only, written differently in the CRM
                        entry["handle"] = "@" + row["handle"].upper() if lang == "en" else "@" + row["handle"]
                    else:
                        entry["user_id"] = uid
                        entry["handle"] = row["handle"]
                    c["social"].append(entry)
                rows.append(row)
            # Bought followers: a burst of fake accounts on Douyin in mid-August.
            if acct == "acme-douyin":
                for _ in range(160):
                    uid = f"dy_{r.randint(10**8, 10**9 - 1)}"
                    d = date(2026, 8, 14) + timedelta(days=r.randint(0, 2))
                    row = self._profile("fake", uid, lang, d)
                    row["account_id"] = acct
                    rows.append(row)
            # Unfollows: a trickle everywhere, a spike the day after each heavy posting day.
            active = [x for x in rows]
            for x in active:
                if r.random() < 0.03:
                    fa = datetime.fromisoformat(x["followed_at"]).date()
                    if fa < END:
                        x["unfollowed_at"] = self.iso(
                            self.ts(
                                fa + timedelta(days=r.randint(1, max(1, (END - fa).days))), r.uniform(0, 23.9)
                            )
                        )
            for hd in self.heavy_days.get(acct, []):
                cands = [
                    x
                    for x in rows
                    if x["unfollowed_at"] is None and datetime.fromisoformat(x["followed_at"]).date() < hd
                ]
                for x in r.sample(cands, min(len(cands), max(3, len(cands) * r.randint(3, 5) // 100))):
                    x["unfollowed_at"] = self.iso(self.ts(hd + timedelta(days=1), r.uniform(7, 23)))
            self.followers_by_acct[acct] = rows
            self.followers.extend(rows)

    def _profile(self, kind: str, uid: str, lang: str, followed: date) -> dict[str, Any]:
        r = self.r
        zh = lang == "zh"
        if kind == "fake":
            created = followed - timedelta(days=r.randint(0, 40))
            return {
                "user_id": uid,
                "handle": f"user{r.randint(10**7, 10**8 - 1)}",
                "followed_at": self.iso(self.ts(followed, r.uniform(0, 23.9))),
                "unfollowed_at": None,
                "location": None,
                "gender": "unknown",
                "birth_year": None,
                "interests": [],
                "followers_count": r.randint(0, 6),
                "following_count": r.randint(1500, 7500),
                "posts_count": r.randint(0, 2),
                "has_avatar": False,
                "verified": False,
                "created_at": self.iso(self.ts(created, r.uniform(0, 23.9))),
                "bio": "",
            }
        first = (
            r.choice(
                [
                    "小鹿",
                    "阿May",
                    "橘子",
                    "木木",
                    "Coco",
                    "大王",
                    "阿哲",
                    "晴天",
                    "糖糖",
                    "Leo",
                    "小满",
                    "一一",
                ]
            )
            if zh
            else r.choice(
                ["jenny", "mark", "li.wei", "sara", "tom", "ana", "kenji", "olga", "sam", "mia", "raj", "zoe"]
            )
        )
        second = (
            r.choice(["爱喝拿铁", "的咖啡日记", "在上海", "不加糖", "今天也要早起", "同学"])
            if zh
            else r.choice(["_sips", "coffee", "_in_sh", ".daily", "brews", "_travels"])
        )
        handle = f"{first}{second}{r.randint(1, 999)}"
        created = date(r.randint(2011, 2024), r.randint(1, 12), r.randint(1, 28))
        inactive = kind == "inactive"
        return {
            "user_id": uid,
            "handle": handle,
            "followed_at": self.iso(self.ts(followed, r.uniform(7, 23.9))),
            "unfollowed_at": None,
            "location": r.choice(CITIES_ZH if zh else CITIES_EN) if r.random() < 0.8 else None,
            "gender": r.choice(["female", "female", "male", "male", "other", "unknown"]),
            "birth_year": r.randint(1972, 2006) if r.random() < 0.6 else None,
            "interests": r.sample(INTERESTS, r.randint(0, 3)),
            "followers_count": r.randint(0, 15) if inactive else int(r.lognormvariate(5, 1.2)),
            "following_count": r.randint(20, 300) if inactive else r.randint(40, 900),
            "posts_count": r.choice([0, 0, 0, 1, 3]) if inactive else r.randint(15, 3000),
            "has_avatar": r.random() < (0.4 if inactive else 0.97),
            "verified": (not inactive) and r.random() < 0.02,
            "created_at": self.iso(self.ts(created, 12)),
            "bio": ""
            if inactive
            else r.choice(
                [
                    "咖啡续命中",
                    "摄影/旅行/猫",
                    "设计师",
                    "coffee & books",
                    "runner",
                    "product manager",
                    "学生党",
                    "",
                ]
            ),
        }

    def make_follower_counts(self) -> None:
        r = self.r
        for acct, (_p, _h, _l, _rate, _nf, base) in BRAND.items():
            rows = self.followers_by_acct[acct]
            n = base
            for d in self.days():
                gained = sum(1 for x in rows if x["followed_at"][:10] == d.isoformat())
                lost = sum(1 for x in rows if (x["unfollowed_at"] or "")[:10] == d.isoformat())
                scale = max(1, base // 4000)
                n += int((gained - lost) * scale + r.gauss(base * 0.0004, base * 0.0006))
                if acct == "acme-douyin" and date(2026, 8, 14) <= d <= date(2026, 8, 16):
                    n += 6000  # bought followers: +18 000 in three days, no new customers
                self.follower_counts.append({"account_id": acct, "date": d.isoformat(), "followers": n})

    # ----------------------------------------------------------------------------------------- messages
    def msg(
        self,
        account: str,
        when: datetime,
        channel: str,
        direction: str,
        text: str,
        *,
        author: dict[str, Any] | None = None,
        in_reply_to: str | None = None,
        post_id: str | None = None,
        automated: bool = False,
    ) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": self.new_id("msg", "m"),
            "account_id": account,
            "created_at": self.iso(when),
            "channel": channel,
            "direction": direction,
            "text": text,
        }
        if author:
            row["author_id"] = author["user_id"]
            row["author_handle"] = author["handle"]
        if in_reply_to:
            row["in_reply_to"] = in_reply_to
        if post_id:
            row["post_id"] = post_id
        if direction == "out":
            row["automated"] = automated
        self.messages.append(row)
        return row

    def make_messages(self) -> None:
        r = self.r
        posts_by_acct: dict[str, list[dict[str, Any]]] = {}
        for p in self.posts:
            posts_by_acct.setdefault(p["account_id"], []).append(p)
        # How each account handles its inbox: P(answer complaint), delay range in hours, style of reply.
        service = {
            "acme-weibo": (1.0, (0.2, 3), "good"),
            "acme-wechat": (1.0, (0.1, 2), "good"),
            "acme-douyin": (0.97, (1, 12), "mixed"),
            "acme-xhs": (1.0, (0.5, 6), "good"),
            "acme-instagram": (0.98, (1, 10), "flat"),
            "acme-x": (0.95, (2, 30), "argue"),
            "acme-facebook": (0.98, (2, 20), "auto"),
            "acme-linkedin": (1.0, (0.5, 4), "good"),
            "acme-youtube": (1.0, (2, 16), "good"),
        }
        rate = {
            "acme-weibo": 2.2,
            "acme-wechat": 1.2,
            "acme-douyin": 1.5,
            "acme-xhs": 0.9,
            "acme-instagram": 1.1,
            "acme-x": 1.4,
            "acme-facebook": 1.1,
            "acme-linkedin": 0.25,
            "acme-youtube": 0.35,
        }
        for acct, (platform, _h, lang, *_rest) in BRAND.items():
            followers = self.followers_by_acct[acct]
            real = [f for f in followers if not f["handle"].startswith("user")]
            p_answer, (dmin, dmax), style = service[acct]
            acct_posts = sorted(posts_by_acct.get(acct, []), key=lambda p: p["created_at"])
            for d in self.days():
                for _ in range(self.poisson(rate[acct])):
                    when = self.ts(d, r.uniform(0, 23.9))
                    kind = r.choices(["praise", "complaint", "help", "neutral"], [38, 22, 22, 18])[0]
                    mlang = lang if r.random() < 0.85 else ("en" if lang == "zh" else "zh")
                    bank = {
                        "praise": (PRAISE_ZH, PRAISE_EN),
                        "complaint": (COMPLAINT_ZH, COMPLAINT_EN),
                        "help": (HELP_ZH, HELP_EN),
                        "neutral": (NEUTRAL_ZH, NEUTRAL_EN),
                    }[kind]
                    options = bank[0] if mlang == "zh" else bank[1]
                    pick = r.randrange(len(options))
                    text = self.fill(options[pick], mlang)
                    answer = None
                    if kind == "help":
                        answer = self.fill(
                            (REPLY_HELP_ZH if mlang == "zh" else REPLY_HELP_EN)[pick], mlang, same=True
                        )
                    author = r.choice(real) if r.random() < 0.75 else self._stranger(platform, lang)
                    channel = r.choices(
                        ["comment", "mention", "dm", "review"],
                        [5, 2, 3, 1 if platform in ("facebook", "xiaohongshu") else 0],
                    )[0]
                    if platform == "wechat":
                        channel = "dm"
                    post_id = None
                    if channel == "comment":
                        before = [p for p in acct_posts if p["created_at"] <= self.iso(when)]
                        if not before:
                            channel = "mention"
                        else:
                            post_id = before[-1 - min(len(before) - 1, r.randint(0, 3))]["id"]
                    m = self.msg(acct, when, channel, "in", text, author=author, post_id=post_id)
                    self._reply(acct, platform, m, kind, mlang, p_answer, dmin, dmax, style, answer)
        self._abusive_threads()
        self._late_help()

    def _stranger(self, platform: str, lang: str) -> dict[str, Any]:
        r = self.r
        return {
            "user_id": f"{platform[:2]}_x{r.randint(10**7, 10**8 - 1)}",
            "handle": (
                r.choice(["路人甲", "咖啡星人", "晚睡的猫", "吃货小王"])
                if lang == "zh"
                else r.choice(["coffeeguy", "bean_counter", "anon_sh", "latteluv"])
            )
            + str(r.randint(1, 9999)),
        }

    def _reply(
        self,
        acct: str,
        platform: str,
        m: dict[str, Any],
        kind: str,
        lang: str,
        p_answer: float,
        dmin: float,
        dmax: float,
        style: str,
        answer: str | None = None,
    ) -> None:
        r = self.r
        when = datetime.fromisoformat(m["created_at"])
        zh = lang == "zh"
        # The auto-responders: Facebook answers every DM and comment instantly with the same sentence,
        # X answers DMs the same way, WeChat greets every message with its menu.
        if style == "auto" and m["channel"] in ("dm", "comment"):
            self.msg(
                acct,
                when + timedelta(seconds=r.randint(3, 20)),
                m["channel"],
                "out",
                AUTO_FB,
                in_reply_to=m["id"],
                automated=True,
            )
        if acct == "acme-x" and m["channel"] == "dm":
            self.msg(
                acct,
                when + timedelta(seconds=r.randint(3, 20)),
                "dm",
                "out",
                AUTO_X,
                in_reply_to=m["id"],
                automated=True,
            )
        if acct == "acme-wechat" and r.random() < 0.3:
            self.msg(
                acct,
                when + timedelta(seconds=2),
                "dm",
                "out",
                AUTO_WECHAT,
                in_reply_to=m["id"],
                automated=True,
            )
        engaged = (
            style == "good"
        )  # the well-run accounts talk back to almost everybody, not only to complaints
        p = (
            p_answer
            if kind in ("complaint", "help")
            else ((0.85 if engaged else 0.5) if kind == "praise" else (0.7 if engaged else 0.1))
        )
        if r.random() > p:
            return
        delay = timedelta(hours=r.uniform(dmin, dmax))
        reply_at = when + delay
        if reply_at > datetime.fromisoformat(AS_OF):
            return
        channel = m["channel"]
        if kind == "complaint":
            if style == "argue" and r.random() < 0.06:
                text = r.choice(REPLY_ARGUE_ZH if zh else REPLY_ARGUE_EN)
            elif style in ("flat", "mixed") and r.random() < 0.06:
                text = r.choice(REPLY_FLAT_ZH if zh else REPLY_FLAT_EN)
            else:
                text = self.fill(r.choice(REPLY_GOOD_ZH if zh else REPLY_GOOD_EN), lang, same=True)
                if channel != "dm" and r.random() < 0.25:
                    channel = "dm"  # a public complaint answered privately is answered
        elif kind == "help":
            text = answer or self.fill(r.choice(REPLY_THANKS_ZH if zh else REPLY_THANKS_EN), lang, same=True)
        else:
            text = self.fill(r.choice(REPLY_THANKS_ZH if zh else REPLY_THANKS_EN), lang, same=True)
        self.msg(acct, reply_at, channel, "out", text, in_reply_to=m["id"])

    def _abusive_threads(self) -> None:
        r = self.r
        # Bad: Douyin keeps arguing in public with an abusive commenter (three public replies).
        post = next(
            p for p in self.posts if p["account_id"] == "acme-douyin" and p["created_at"] >= "2026-09-05"
        )
        troll = {"user_id": "dy_troll_0815", "handle": "暴躁老哥0815"}
        t = datetime.fromisoformat(post["created_at"]) + timedelta(hours=1)
        a = self.msg(
            "acme-douyin",
            t,
            "comment",
            "in",
            "什么破店，咖啡跟刷锅水一样，你们就是一群骗子，滚！",
            author=troll,
            post_id=post["id"],
        )
        b = self.msg(
            "acme-douyin",
            t + timedelta(minutes=20),
            "comment",
            "out",
            "请你搞清楚，我们的豆子都是精品级的，你喝不惯是你的问题。",
            in_reply_to=a["id"],
            post_id=post["id"],
        )
        c = self.msg(
            "acme-douyin",
            t + timedelta(minutes=35),
            "comment",
            "in",
            "脑残品牌，客服都是废物，他妈的还敢顶嘴",
            author=troll,
            in_reply_to=b["id"],
            post_id=post["id"],
        )
        d = self.msg(
            "acme-douyin",
            t + timedelta(minutes=50),
            "comment",
            "out",
            "你自己不懂咖啡就别乱评论，早就说了我们不是速溶。",
            in_reply_to=c["id"],
            post_id=post["id"],
        )
        e = self.msg(
            "acme-douyin",
            t + timedelta(minutes=70),
            "comment",
            "in",
            "滚吧垃圾店，狗东西",
            author=troll,
            in_reply_to=d["id"],
            post_id=post["id"],
        )
        self.msg(
            "acme-douyin",
            t + timedelta(minutes=80),
            "comment",
            "out",
            "随便你，爱买不买。",
            in_reply_to=e["id"],
            post_id=post["id"],
        )
        # Bad, in English on X.
        xpost = next(p for p in self.posts if p["account_id"] == "acme-x" and p["created_at"] >= "2026-10-02")
        xt = datetime.fromisoformat(xpost["created_at"]) + timedelta(hours=2)
        angry = {"user_id": "tw_angry_77", "handle": "angrybean77"}
        a = self.msg(
            "acme-x",
            xt,
            "comment",
            "in",
            "You people are idiots. My order is wrong AGAIN. Pathetic losers.",
            author=angry,
            post_id=xpost["id"],
        )
        b = self.msg(
            "acme-x",
            xt + timedelta(minutes=30),
            "comment",
            "out",
            "That's not true, your order was made exactly as you entered it. Maybe read the app next time.",
            in_reply_to=a["id"],
            post_id=xpost["id"],
        )
        c = self.msg(
            "acme-x",
            xt + timedelta(minutes=45),
            "comment",
            "in",
            "Shut up. Stupid company, damn you.",
            author=angry,
            in_reply_to=b["id"],
            post_id=xpost["id"],
        )
        self.msg(
            "acme-x",
            xt + timedelta(minutes=60),
            "comment",
            "out",
            "Calm down. As we said, nothing we can do if you don't check your order.",
            in_reply_to=c["id"],
            post_id=xpost["id"],
        )
        # Good: Weibo answers an abusive customer once, apologises and moves to private messages, then stops.
        wpost = next(
            p for p in self.posts if p["account_id"] == "acme-weibo" and p["created_at"] >= "2026-08-10"
        )
        wt = datetime.fromisoformat(wpost["created_at"]) + timedelta(hours=3)
        rude = {"user_id": "wb_rude_1024", "handle": "今天不想上班1024"}
        a = self.msg(
            "acme-weibo",
            wt,
            "comment",
            "in",
            "垃圾店，送来的咖啡全洒了，客服都是废物！",
            author=rude,
            post_id=wpost["id"],
        )
        self.msg(
            "acme-weibo",
            wt + timedelta(minutes=15),
            "comment",
            "out",
            "非常抱歉给您带来这么糟糕的体验！我们已私信您，麻烦提供订单号，我们马上为您退款并补发。",
            in_reply_to=a["id"],
            post_id=wpost["id"],
        )
        self.msg(
            "acme-weibo",
            wt + timedelta(minutes=40),
            "comment",
            "in",
            "别装了，滚吧",
            author=rude,
            post_id=wpost["id"],
        )
        _ = r

    def _late_help(self) -> None:
        # Recent complaints and help requests with no answer at all, on the accounts that are weak on service.
        items = [
            (
                "acme-x",
                date(2026, 10, 24),
                9.5,
                "I was charged twice for order AC55120873. Can you help me get a refund?",
                {"user_id": "tw_mlee_2031", "handle": "mlee_sh"},
            ),
            (
                "acme-x",
                date(2026, 10, 26),
                14.0,
                "Still waiting for my refund after 10 days. This is ridiculous.",
                {"user_id": "tw_jp_8812", "handle": "jp_drinks_coffee"},
            ),
            (
                "acme-douyin",
                date(2026, 10, 25),
                20.2,
                "外卖订单AC88120033 显示已送达但是没收到，请问怎么办？",
                {"user_id": "dy_xiaoyu_77", "handle": "小鱼不吃鱼77"},
            ),
            (
                "acme-instagram",
                date(2026, 10, 23),
                11.0,
                "Your app crashes every time I try to pay. How do I use my gift card?",
                {"user_id": "ig_kate_bb", "handle": "kate.bb"},
            ),
            (
                "acme-facebook",
                date(2026, 10, 27),
                16.0,
                "Review: the Lujiazui store was dirty and the staff were rude. Really disappointed.",
                {"user_id": "fb_rhall_41", "handle": "Rebecca Hall"},
            ),
        ]
        for acct, d, h, text, author in items:
            ch = (
                "review"
                if "Review:" in text
                else ("dm" if acct == "acme-x" and "refund?" in text else "mention")
            )
            self.msg(acct, self.ts(d, h), ch, "in", text, author=author)

    # ----------------------------------------------------------------------------------------- likes
    def make_likes(self) -> None:
        r = self.r
        plan = {
            "acme-weibo": ("zh", 0.8),
            "acme-instagram": ("en", 0.6),
            "acme-x": ("en", 0.3),
            "acme-xhs": ("zh", 0.4),
        }
        for acct, (lang, lam) in plan.items():
            for d in self.days():
                for _ in range(self.poisson(lam)):
                    text = self.fill(r.choice(LIKE_RELEVANT_ZH if lang == "zh" else LIKE_RELEVANT_EN), lang)
                    self._like(acct, self.ts(d, r.uniform(8, 22)), text)
        # Mistake 6: liking sprees on posts that have nothing to do with the brand.
        for acct, d, n in [
            ("acme-weibo", date(2026, 7, 3), 140),
            ("acme-weibo", date(2026, 9, 18), 95),
            ("acme-instagram", date(2026, 8, 8), 120),
        ]:
            t0 = self.ts(d, 14.0)
            for i in range(n):
                self._like(acct, t0 + timedelta(seconds=i * r.randint(8, 25)), r.choice(LIKE_UNRELATED))

    def _like(self, acct: str, when: datetime, text: str) -> None:
        r = self.r
        self.likes.append(
            {
                "id": self.new_id("like", "l"),
                "account_id": acct,
                "created_at": self.iso(when),
                "target_post_id": str(r.randint(10**15, 10**16 - 1)),
                "target_author_id": str(r.randint(10**8, 10**9 - 1)),
                "target_text": text,
            }
        )

    # ----------------------------------------------------------------------------------------- the rest
    def static_tables(self) -> dict[str, list[dict[str, Any]]]:
        accounts = [
            {"id": a, "platform": p, "handle": h, "owner": "brand"} for a, (p, h, *_x) in BRAND.items()
        ]
        accounts += [
            {"id": a, "platform": p, "handle": h, "owner": "employee", "employee_id": e}
            for a, p, h, e in EMPLOYEE_ACCOUNTS
        ]
        employees = [
            {"id": i, "name": n, "email": e, "department": dep, "joined_at": j, "left_at": left}
            for i, n, e, dep, j, left in EMPLOYEES
        ]
        guidelines = [
            {
                "version": "1.0",
                "published_at": "2025-03-01T09:00:00+08:00",
                "title": "晨光咖啡社交媒体准则 / Social media guidelines",
                "text": GUIDE_V1,
                "requires_signature": True,
            },
            {
                "version": "2.0",
                "published_at": "2026-07-01T09:00:00+08:00",
                "title": "晨光咖啡社交媒体准则 2.0 / Social media guidelines 2.0",
                "text": GUIDE_V2,
                "requires_signature": True,
            },
            {
                "version": "2.1-draft",
                "published_at": "2026-12-01T09:00:00+08:00",
                "title": "2.1 draft (not yet published)",
                "text": GUIDE_V2 + "\n\n(draft)",
                "requires_signature": True,
            },
        ]
        acks = [
            {"employee_id": e, "version": "1.0", "signed_at": f"2025-03-0{1 + k % 8}T10:00:00+08:00"}
            for k, e in enumerate(SIGNED_V1)
        ]
        acks += [
            {"employee_id": e, "version": "2.0", "signed_at": f"2026-07-{2 + k % 20:02d}T10:00:00+08:00"}
            for k, e in enumerate(SIGNED_V2)
        ]
        embargo = [
            {
                "term": "Maple Oat Latte",
                "aliases": ["枫糖燕麦拿铁", "Project Maple", "枫叶计划", "MOL-26"],
                "reason": "秋冬新品，11 月 16 日发布前保密 / launches on November 16",
                "until": "2026-11-15",
            },
            {
                "term": "Shenzhen Bay flagship",
                "aliases": ["深圳湾旗舰店", "SZB flagship"],
                "reason": "租约签署前保密 / lease not signed yet",
                "until": "2026-08-31",
            },
        ]
        campaigns = [
            {
                "id": "cmp-weibo-goldenweek",
                "account_id": "acme-weibo",
                "kind": "ad",
                "name": "粉丝通：国庆拿铁第二杯半价",
                "started_at": "2026-09-25T00:00:00+08:00",
                "ended_at": "2026-10-07T23:59:59+08:00",
                "budget": 30000,
                "currency": "CNY",
                "targeting": {
                    "locations": ["上海", "杭州", "南京"],
                    "age_min": 20,
                    "age_max": 40,
                    "interests": ["咖啡", "美食"],
                },
                "impressions": 820000,
                "clicks": 15400,
                "conversions": 2100,
                "cost": 29650,
            },
            {
                "id": "cmp-weibo-coldbrew",
                "account_id": "acme-weibo",
                "kind": "promoted_post",
                "name": "夏日冷萃上新（加热）",
                "started_at": "2026-06-10T00:00:00+08:00",
                "ended_at": "2026-06-20T23:59:59+08:00",
                "budget": 12000,
                "currency": "CNY",
                "targeting": {},
                "impressions": 410000,
                "clicks": 2300,
                "conversions": 95,
                "cost": 12000,
            },
            {
                "id": "cmp-wechat-members",
                "account_id": "acme-wechat",
                "kind": "ad",
                "name": "广点通：会员日朋友圈广告",
                "started_at": "2026-08-15T00:00:00+08:00",
                "ended_at": "2026-08-18T23:59:59+08:00",
                "budget": 20000,
                "currency": "CNY",
                "targeting": {
                    "locations": ["上海", "北京", "深圳"],
                    "age_min": 22,
                    "age_max": 45,
                    "genders": ["female", "male"],
                    "interests": ["咖啡", "烘焙"],
                },
                "impressions": 560000,
                "clicks": 12800,
                "conversions": 1900,
                "cost": 19200,
            },
            {
                "id": "cmp-fb-autumn",
                "account_id": "acme-facebook",
                "kind": "ad",
                "name": "Autumn menu boost",
                "started_at": "2026-09-01T00:00:00+08:00",
                "ended_at": "2026-09-14T23:59:59+08:00",
                "budget": 3000,
                "currency": "USD",
                "targeting": None,
                "impressions": 210000,
                "clicks": 1100,
                "conversions": 40,
                "cost": 3000,
            },
            {
                "id": "cmp-fb-newsletter",
                "account_id": "acme-facebook",
                "kind": "lead_form",
                "name": "Newsletter sign-up",
                "started_at": "2026-07-01T00:00:00+08:00",
                "ended_at": "2026-07-31T23:59:59+08:00",
                "budget": 800,
                "currency": "USD",
                "targeting": {"locations": ["Shanghai"], "interests": ["coffee", "food"], "age_min": 21},
                "impressions": 48000,
                "clicks": 2600,
                "conversions": 610,
                "cost": 790,
            },
            {
                "id": "cmp-ig-osmanthus",
                "account_id": "acme-instagram",
                "kind": "promoted_post",
                "name": "Osmanthus latte boost",
                "started_at": "2026-09-12T00:00:00+08:00",
                "ended_at": "2026-09-19T23:59:59+08:00",
                "budget": 1500,
                "currency": "USD",
                "targeting": {
                    "locations": [],
                    "interests": [],
                    "genders": [],
                    "custom_audience": None,
                    "retargeting": False,
                },
                "impressions": 95000,
                "clicks": 700,
                "conversions": 12,
                "cost": 1500,
            },
            {
                "id": "cmp-li-championship",
                "account_id": "acme-linkedin",
                "kind": "event",
                "name": "Acme Barista Championship 2026",
                "started_at": "2026-08-01T00:00:00+08:00",
                "ended_at": "2026-08-30T23:59:59+08:00",
                "budget": 2000,
                "currency": "USD",
                "targeting": {
                    "locations": ["Shanghai", "Hangzhou", "Singapore"],
                    "interests": ["hospitality", "coffee"],
                },
                "impressions": 64000,
                "clicks": 3100,
                "conversions": 260,
                "cost": 1880,
            },
            {
                "id": "cmp-li-hiring",
                "account_id": "acme-linkedin",
                "kind": "lead_form",
                "name": "Store manager hiring",
                "started_at": "2026-06-01T00:00:00+08:00",
                "ended_at": "2026-06-30T23:59:59+08:00",
                "budget": 1200,
                "currency": "USD",
                "targeting": {
                    "locations": ["Shanghai", "Chengdu"],
                    "interests": ["retail management"],
                    "age_min": 24,
                },
                "impressions": 38000,
                "clicks": 1500,
                "conversions": 140,
                "cost": 1150,
            },
        ]
        return {
            "accounts": accounts,
            "employees": employees,
            "guidelines": guidelines,
            "acknowledgments": acks,
            "embargo": embargo,
            "campaigns": campaigns,
        }


GUIDE_V1 = """# 晨光咖啡社交媒体准则 1.0

1. 代表公司发言前，先确认你有授权。
2. 不透露未公开的产品、门店和财务信息。
3. 尊重顾客，不在公开场合争论。

# Acme Coffee social media guidelines 1.0

1. Only speak for the company if you are authorised to.
2. Never share unannounced products, stores or financial information.
3. Treat customers with respect; never argue in public.
"""

GUIDE_V2 = """# 晨光咖啡社交媒体准则 2.0

- **谁可以代表公司发言**：只有市场部和客服部的授权同事。
- **保密**：保密清单（embargo）上的新品、门店、合作在公布前不得以任何形式提及，包括代号和谐音。
- **投诉**：看到顾客投诉，转给客服（24 小时内答复）；不要在评论区争论。
- **个人账号**：可以说自己在晨光咖啡工作；对公司有意见，请走内部渠道。
- **签署**：每位员工需在发布后 30 天内阅读并签署本准则。

# Acme Coffee social media guidelines 2.0

- **Who speaks for the company**: authorised people in Marketing and Customer Service only.
- **Confidentiality**: nothing on the embargo list, under any code name, before it is announced.
- **Complaints**: pass them to Customer Service (answer within 24 hours); never argue in comments.
- **Personal accounts**: you may say you work at Acme Coffee; raise concerns about the company internally.
- **Sign-off**: every employee reads and signs these guidelines within 30 days of publication.
"""

DATASET_TOML = f"""# Demo data set of smguard: a fictitious company. Generated by `python -m smguard.demo.generate`.
name = "Acme Coffee / 晨光咖啡"
timezone = "Asia/Shanghai"
language = "zh"
as_of = "{AS_OF}"
"""


def build() -> dict[str, list[dict[str, Any]]]:
    g = Gen()
    g.brand_posts()
    g.special_posts()
    g.employee_posts()
    g.make_customers()
    g.make_followers()
    g.make_follower_counts()
    g.make_messages()
    g.make_likes()
    tables = g.static_tables()
    g.posts.sort(key=lambda p: (p["created_at"], p["id"]))
    g.messages.sort(key=lambda m: (m["created_at"], m["id"]))
    tables.update(
        {
            "posts": g.posts,
            "messages": g.messages,
            "followers": g.followers,
            "customers": g.customers,
            "follower_counts": g.follower_counts,
            "likes": g.likes,
        }
    )
    return tables


def write(out: Path = OUT) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.jsonl"):
        old.unlink()
    tables = build()
    sizes: dict[str, int] = {}
    for name, rows in sorted(tables.items()):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                if name == "followers":  # unknown profile fields are simply absent, as in real exports
                    row = {k: v for k, v in row.items() if v is not None and v != [] and v != ""}
                fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        sizes[name] = len(rows)
    (out / "dataset.toml").write_text(DATASET_TOML, encoding="utf-8")
    return sizes


def main() -> None:
    sizes = write()
    total = sum(p.stat().st_size for p in OUT.iterdir())
    for name, n in sizes.items():
        print(f"{name:16} {n:6} rows")
    print(f"written to {OUT} ({total / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
