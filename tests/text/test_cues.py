"""Clear examples of every label class the rules depend on, in both languages (new phrasings, not the strings of
the bug reports). They go through ``classify_texts``: linear heads plus the cue layer (smguard.text.patterns)."""

from __future__ import annotations

import numpy as np
import pytest

from smguard.text import classify_texts


def _one(text: str, kind: str) -> dict:
    out = classify_texts([text], kind=kind)
    return {k: v[0] for k, v in out.items()}


REPLIES = [
    # (text, head, expected)
    # blame is not an apology, lecturing is arguing, reassurance is neither
    ("Not our fault, the courier lost it.", "apology", False),
    ("已收到。", "fix_intent", False),
    ("已收到，我们会尽快为您处理", "fix_intent", True),
    (
        "Delivery times are clearly stated on the product page. Maybe read it next time.",
        "argumentative",
        True,
    ),
    (
        "Sorry about that! Please check the tracking link we sent, it arrives tomorrow.",
        "argumentative",
        False,
    ),
    ("非常抱歉，您的包裹我们已经核实，今天下午重新寄出，邮费我们来出。", "apology", True),
    ("非常抱歉，您的包裹我们已经核实，今天下午重新寄出，邮费我们来出。", "fix_intent", True),
    ("So sorry about that! We've issued a full refund, it should show in 3-5 days.", "apology", True),
    ("So sorry about that! We've issued a full refund, it should show in 3-5 days.", "fix_intent", True),
    ("不好意思让您久等了，我们马上帮您处理。", "apology", True),
    ("Apologies for the mix-up with your booking.", "apology", True),
    ("收到。", "apology", False),
    ("好的，明白。", "apology", False),
    ("Noted.", "apology", False),
    ("We hear you, this must be really annoying.", "apology", False),
    ("We can certainly help with that.", "fix_intent", True),
    ("我们可以帮您处理这个问题。", "fix_intent", True),
    ("Thanks, we've got your email.", "offers_private", False),
    ("已收到您的留言。", "offers_private", False),
    ("Anything else, just holler!", "offers_private", False),
    ("Pop us a DM with your order number and we'll take a look.", "offers_private", True),
    ("Please get in touch with our team via LiveChat on the website.", "offers_private", True),
    ("You can call our helpline on 0800 123 456 any time.", "offers_private", True),
    ("Reach out to us through WhatsApp and we'll sort it.", "offers_private", True),
    ("麻烦私信我们您的订单号，我们帮您查一下。", "offers_private", True),
    ("请拨打客服热线400-123-4567，我们会尽快处理。", "offers_private", True),
    ("Don't like it? Then shop somewhere else.", "offers_private", False),
    ("Don't like it? Then shop somewhere else.", "argumentative", True),
    ("Honestly that's not true, nobody else has had this issue.", "argumentative", True),
    ("Maybe read the instructions next time, it's user error.", "argumentative", True),
    ("您说的与事实不符，我们的产品没有问题。", "argumentative", True),
    ("其他顾客都用得好好的，是您自己操作不当。", "argumentative", True),
    ("爱买不买，没人逼你。", "argumentative", True),
    ("很抱歉给您带来不便，已为您安排补发。", "argumentative", False),
    ("Sorry for the trouble, we'll get a replacement out today.", "argumentative", False),
    # refusals are no fix; a fix reported by the team, or under way, is
    ("Sorry, gift cards are non-refundable.", "fix_intent", False),
    ("We're unable to process returns after 30 days.", "fix_intent", False),
    ("The developers have patched the login issue, please update the app.", "fix_intent", True),
    ("We are reshipping your order this afternoon.", "fix_intent", True),
    ("退款已原路返回，请留意银行账户。", "fix_intent", True),
    ("涉事店员已严肃处理，我们也会加强门店管理。", "fix_intent", True),
    # blaming and lecturing the customer, in other words than the examples of the reports
    ("以后别来了，我们不差您这一单。", "argumentative", True),
    ("别的客人都说味道正好，就您觉得咸。", "argumentative", True),
    ("麻烦看清楚尺码表再下单。", "argumentative", True),
    ("Our records show you never paid for the upgrade.", "argumentative", True),
    # a notice of something sent to the customer's e-mail, or a tracking number, is no offer to talk in private
    ("We've sent a new password to your registered email address.", "offers_private", False),
    ("已安排补发，运单号YT20261126001，请注意查收。", "offers_private", False),
    ("有问题请拨打热线 400 800 1234。", "offers_private", True),
    ("Your receipt has been sent to your email address.", "offers_private", False),
    ("退货单已发至您绑定的手机，请查收。", "offers_private", False),
    ("漏发的配件已经顺丰寄出了。", "fix_intent", True),
    ("登录问题已于今早修复。", "fix_intent", True),
    ("Sorry, we cannot offer a discount on this order.", "fix_intent", False),
    ("建议您先问清楚再来评论。", "argumentative", True),
    ("Perhaps try checking the FAQ before posting?", "argumentative", True),
    ("根本没有这回事，请不要造谣。", "complaint", False),
    ("Your new card has been dispatched and should arrive Monday.", "fix_intent", True),
    ("您的发票已开通电子版，已恢复下载。", "fix_intent", True),
    ("Sorry, the class is completely booked this week.", "fix_intent", False),
    ("很抱歉，超过七天无法退货。", "complaint", False),
    ("Cheers for letting us know, we've shared it with the team.", "abusive", False),
    ("Glad you liked it! Drop us a DM for the recipe.", "abusive", False),
    ("The firmware has been updated on your unit, it should connect now.", "fix_intent", True),
    ("Your order was dispatched this morning.", "fix_intent", True),
    ("给您添麻烦了，这单给您免单。", "fix_intent", True),
    ("We won't be issuing a refund for this booking.", "fix_intent", False),
    ("We do not accept returns on custom prints.", "fix_intent", False),
    ("这是自动回复：您的留言我们已收到。", "fix_intent", False),
    ("这是自动回复：您的留言我们已收到。", "complaint", False),
    ("这不是我们的责任，请联系物流公司。", "apology", False),
    ("Oh sure, because it's all our fault the bus was late.", "apology", False),
    ("Leaving a one-star review over a latte. Classy.", "argumentative", True),
    ("哪有那么严重，就晚了十分钟而已吧。", "argumentative", True),
    ("Your payment was processed on Friday.", "fix_intent", True),
    ("The new lens shipped this morning.", "fix_intent", True),
    ("资料已经全部发到您的邮箱了。", "fix_intent", True),
    ("嫌贵就不要来，我们不缺您一个。", "argumentative", True),
    ("If a tenner is too much for you, try the market.", "argumentative", True),
]


@pytest.mark.parametrize(
    "text", ["Really sorry, we'll refund the deposit today.", "非常抱歉让您久等了，已为您加急处理。"]
)
def test_a_reply_that_apologises_or_fixes_is_no_complaint(text):
    """The inbound columns read the words of the complaint a reply answers ("久等", "refund") as a complaint."""
    got = _one(text, "reply")
    assert not got["complaint"] and got["complaint_score"] <= 0.3, got


@pytest.mark.parametrize("text,head,expected", REPLIES)
def test_reply_heads(text, head, expected):
    assert bool(_one(text, "reply")[head]) is expected


INBOUND = [
    ("请问周末门店营业到几点？", {"complaint": False, "help_request": True}),
    ("这款车的电机保修几年？", {"complaint": False, "help_request": True}),
    ("线上下单的手套能在门店换尺码吗？", {"complaint": False, "help_request": True}),
    ("如何预约上门安装服务？", {"complaint": False, "help_request": True}),
    ("Do you open on Christmas Eve?", {"complaint": False, "help_request": True}),
    ("What time does the Leeds store close on Sundays?", {"complaint": False, "help_request": True}),
    ("打卡 陆家嘴旗舰店", {"complaint": False}),
    ("Checked in at the downtown store", {"complaint": False}),
    ("保养一次扣了我两次费用，赶紧处理！", {"complaint": True}),
    ("说好九点开门，十点了还没开门，白等一个小时", {"complaint": True}),
    ("Fourth time my charger has stopped working this year", {"complaint": True}),
    ("I was charged twice for the same repair.", {"complaint": True}),
    ("请尽快给我退款", {"complaint": True}),
    ("排队等了半天，终于吃上了，味道很好", {"complaint": False}),
    ("No problem at all, thanks for the quick reply!", {"complaint": False, "abusive": False}),
    ("You lot are a bunch of scammers", {"abusive": True}),
    ("Go to hell, useless company", {"abusive": True}),
    ("你们这群骗子", {"abusive": True}),
    ("傻逼客服", {"abusive": True}),
    ("Thanks, got it.", {"abusive": False}),
    # harsh but clean complaints are complaints, not abuse (different phrasings from the bug report)
    ("你们的外卖又迟到了，真差劲", {"complaint": True, "abusive": False}),
    ("客服态度太差劲了", {"complaint": True, "abusive": False}),
    # ... also when the COLD-trained column is fairly sure, if the message is short and judges the service itself
    ("快递员的服务态度极差", {"complaint": True, "abusive": False}),
    ("你们售后真烂，什么服务", {"complaint": True, "abusive": False}),
    # ... but an insult keeps it abusive
    ("客服都是废物，服务太差", {"abusive": True}),
    # plain praise from fans is not a complaint, a request or abuse (found by an independent planted check;
    # these are other phrasings)
    ("This latte art is stunning 😍", {"complaint": False, "help_request": False, "abusive": False}),
    ("Obsessed with the new packaging!", {"complaint": False, "abusive": False}),
    ("新包装太好看了吧👍", {"complaint": False, "abusive": False}),
    ("爱了爱了✨", {"complaint": False, "abusive": False}),
    # ... but praise words with irony, contrast or a problem stay complaints
    ("好看是好看，但是两天就坏了", {"complaint": True}),
    ("Gorgeous box, shame the mug inside was broken", {"complaint": True}),
    # a problem with the content itself is a complaint, however long the message
    (
        "Great recipe but the sound is out of sync in the second half, could you re-upload it please",
        {"complaint": True},
    ),
    ("视频音画不同步", {"complaint": True}),
    # negated satisfaction (the n-gram columns read "happy" / "impressed")
    ("Not happy with my order at all", {"complaint": True}),
    ("Really unhappy with the delivery", {"complaint": True}),
    # a calm pre-sales question is not abuse, whatever the abuse column leans to
    ("Does the new speaker ship to Canada?", {"abusive": False, "help_request": True}),
    ("Do you sell the blue one in Toronto?", {"abusive": False}),
    # fan chatter is not abuse; slurs, hostility and threats are, whatever the column says
    ("This reminds me of my grandma's kitchen", {"abusive": False}),
    ("Looks just like my cat", {"abusive": False}),
    ("Shut up and fix it", {"abusive": True}),
    ("I hope your store burns down", {"abusive": True}),
    ("Our kitchen team will kill it this weekend", {"abusive": False}),
    # asking when stock comes back, or for the link: a request, not a complaint
    ("蓝色款什么时候补货", {"complaint": False, "help_request": True}),
    ("求链接！", {"help_request": True}),
    # a very short Chinese note with nothing wrong in it is not a complaint; one naming a fault is
    ("收藏了，下次去店里", {"complaint": False}),
    ("豆角很老", {"complaint": True}),
    # a fan tagging a friend or bookmarking / noting a purchase is none of these; with a fault it is a complaint
    ("Tag your cousin 😂", {"complaint": False, "abusive": False, "help_request": False}),
    ("@lena you need this!", {"complaint": False, "abusive": False}),
    ("码住了～", {"complaint": False, "abusive": False, "help_request": False}),
    ("刚下单", {"complaint": False, "abusive": False}),
    ("get同款", {"complaint": False}),
    ("下单五天了还没发货", {"complaint": True}),
]


@pytest.mark.parametrize("text", ["Beautiful packaging ❤️", "第一次来就爱上了", "Can't wait to visit!"])
def test_plain_praise_reads_positive(text):
    got = _one(text, "inbound")
    assert got["sentiment"] == "positive" and got["sentiment_score"] >= 0.5, got


def test_tiny_calm_english_note_is_not_clearly_negative():
    """The English sentiment column read "Tagging my sister" as -0.90; with no negative cue and nothing the
    complaint column sees, it is at most mildly negative (the rules' "clearly negative" is <= -0.5)."""
    got = _one("Tagging my sister", "inbound")
    assert got["sentiment_score"] > -0.5 and not got["complaint"], got


@pytest.mark.parametrize("text", ["Tagging my uncle", "@jo look at this 😂", "先码住", "已入手"])
def test_fan_notes_are_not_negative(text):
    got = _one(text, "inbound")
    assert got["sentiment"] != "negative" and got["abusive_score"] <= 0.5, got


@pytest.mark.parametrize(
    "text",
    [
        "You lot are an absolute joke",
        "Thanks for nothing, really",
        "Great, another outage this morning",
        "I want my money back now",
        "The new app is completely useless",
        "Never again!",
        "又掉线了，什么情况",
    ],
)
def test_dismissive_complaints_are_negative_complaints(text):
    """Short dismissive or sarcastic complaints: the heads read "thanks for nothing" as +0.95 and "you guys are a
    joke" as positive; harsh is not abusive."""
    got = _one(text, "inbound")
    assert got["complaint"] and got["sentiment"] == "negative" and not got["abusive"], got


@pytest.mark.parametrize(
    "text", ["This is not a joke, we won the raffle!", "Never again will I shop anywhere else, love you guys"]
)
def test_no_dismissive_reading_without_dismissal(text):
    got = _one(text, "inbound")
    assert not got["complaint"] and got["complaint_score"] < 0.5, got


@pytest.mark.parametrize(
    "text,expected",
    [
        ("@acme_help Issues with the checkout page since this morning", True),
        ("We're experiencing problems with the app login", True),
        ("No issues with the refund, all good now", False),
    ],
)
def test_stating_a_problem_with_something_is_a_complaint(text, expected):
    assert bool(_one(text, "inbound")["complaint"]) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Wow, delayed again. Superb.",
        "Cheers for wasting my whole Saturday",
        "Three weeks and counting for a 'next day' parcel",
        "This coffee tastes like dishwater... I mean plastic",
        "If this isn't refunded I'm taking legal action",
        "the app keeps freezing on my tablet",
        "一杯美式卖45，宰客吧",
        "手机又开不了机了",
        "The cashier was extremely rude when I asked for a receipt",
        "Ordered a salad, got food poisoning. Never again.",
        "Our order came and the box was soaked through",
        "I paid for the course and lesson 3 is just a black screen",
        "I'm reporting you to the council if this isn't sorted",
        "I want it fixed or I want a refund",
    ],
)
def test_sarcastic_and_plain_complaints_are_negative_complaints(text):
    got = _one(text, "inbound")
    assert got["complaint"] and got["sentiment"] == "negative", got


@pytest.mark.parametrize("text", ["ok", "hmm", "k", "lol", "嗯", "好吧", "哦哦", "👌", "😂😂", "ok 👍"])
def test_one_or_two_words_without_an_insult_are_not_abusive(text):
    """The abuse column read "ok" as 0.88 and "k" as 0.99: too little text for it."""
    assert not _one(text, "inbound")["abusive"]


@pytest.mark.parametrize("text", ["moron", "piss off", "傻逼", "滚"])
def test_one_or_two_words_with_an_insult_stay_abusive(text):
    assert _one(text, "inbound")["abusive"]


@pytest.mark.parametrize(
    "text",
    [
        "Is the back room available for a party of 12?",
        "Could you check whether my size is back in stock?",
        "Do you deliver to the kitchen entrance?",
    ],
)
def test_calm_questions_to_the_brand_are_not_abusive(text):
    assert not _one(text, "inbound")["abusive"]


@pytest.mark.parametrize("text", ["有没有黑色的？", "你们店招不招人吗", "求链接呀"])
def test_calm_chinese_shop_questions_are_requests_not_complaints(text):
    got = _one(text, "inbound")
    assert got["help_request"] and not got["complaint"], got


@pytest.mark.parametrize(
    "text",
    [
        "Text me the booking link pls",
        "please refund the second charge",
        "屏幕碎了，麻烦帮我换一个",
        "Cancel my order.",
        "退钱！",
    ],
)
def test_requests_without_a_question_mark_are_help_requests(text):
    assert _one(text, "inbound")["help_request"]


@pytest.mark.parametrize("text", ["pls die", "just die", "go die in a fire"])
def test_wishing_death_is_abusive_at_any_length(text):
    assert _one(text, "inbound")["abusive"]


@pytest.mark.parametrize("text", ["。。。", "!!!", "……"])
def test_punctuation_only_is_not_abusive(text):
    assert not _one(text, "inbound")["abusive"]


@pytest.mark.parametrize(
    "text",
    [
        "People like you deserve to be shot",
        "We found out where you live. Watch out.",
        "You'll pay for this, I promise",
        "Better watch your back when you lock up tonight",
        "再这样我就去你们公司砸场子",
        "信不信我打死你",
        "我知道你住在哪里",
        "我知道你们店长住哪，等着",
        "回头找人收拾你",
        "Keep ignoring me and you will regret it",
        "Do that again and I'll break your arm",
        "下次别让我看到你，走着瞧",
        "That fat cow at the till needs sacking",
        "Go back to your own country",
        "the owner is a lying piece of sh*t",
    ],
)
def test_threats_are_abusive(text):
    got = _one(text, "inbound")
    assert got["abusive"] and got["sentiment"] == "negative", got


@pytest.mark.parametrize(
    "text",
    [
        "Do you sell a clown costume for kids?",
        "Does this spray get rid of soap scum?",
        "Smash that like button for part two!",
        "You should hang this print in the hallway",
        "They make you pay for parking at that branch",
        "I'm a lawyer and your cold brew gets me through the week",
        "We always get lost on the way to your studio, haha",
        "Thanks for your kind words about our bakery",
        "That song stole my heart at your gig",
    ],
)
def test_look_alikes_of_threats_and_insults_are_neither(text):
    got = _one(text, "inbound")
    assert not got["abusive"] and not got["complaint"], got


def test_an_idiom_with_an_insult_word_is_no_insult():
    assert not _one("Shut up and take my money!! When does it ship?", "inbound")["abusive"]


@pytest.mark.parametrize(
    "text", ["垃圾东西，穿一次就开线", "这手机简直垃圾", "什么垃圾做工", "垃圾课程，退钱"]
)
def test_calling_a_product_rubbish_is_harsh_not_abusive(text):
    got = _one(text, "inbound")
    assert got["complaint"] and not got["abusive"], got


def test_calling_people_rubbish_stays_abusive():
    assert _one("你们这帮人就是垃圾", "inbound")["abusive"]


def test_dismissive_insult_stays_abusive():
    assert _one("useless idiots, all of you", "inbound")["abusive"]


@pytest.mark.parametrize("text", ["客服在不在呀", "有人在吗", "Anybody around?"])
def test_asking_whether_anyone_is_there_is_a_calm_request(text):
    """The columns read "客服在吗" as a complaint (0.91) and abusive (0.64): 客服 is mostly seen in bad reviews."""
    got = _one(text, "inbound")
    assert got["help_request"] and not got["complaint"] and not got["abusive"], got
    assert got["sentiment"] != "negative", got


def test_asking_whether_anyone_is_there_with_a_fault_stays_a_complaint():
    got = _one("在吗？订单一周了还没发货", "inbound")
    assert got["complaint"] and got["help_request"], got


@pytest.mark.parametrize("text,expected", INBOUND)
def test_inbound_heads(text, expected):
    got = _one(text, "inbound")
    for head, want in expected.items():
        assert bool(got[head]) is want, (head, got)


def test_sentiment_is_a_real_score():
    texts = [
        "太棒了，非常满意！",
        "Absolutely love it, thank you!",
        "差评，太失望了",
        "Worst service ever.",
        "请问几点开门",
    ]
    out = classify_texts(texts)
    s = out["sentiment_score"]
    assert s.dtype == np.float64 and np.all((s >= -1) & (s <= 1))
    assert len(set(np.round(s, 3))) > 2
    assert s[0] > 0.3 and s[1] > 0.3 and s[2] < -0.3 and s[3] < -0.3
    assert list(out["sentiment"][:4]) == ["positive", "positive", "negative", "negative"]


POSTS = [
    # workplace grievances made public are about the company; their negation is not
    ("领导真小气，加班费都没发", True),
    ("My manager is a cheapskate, unpaid overtime every week", True),
    ("我们公司从来没有拖欠过工资", False),
    ("我们部门今天下午培训", False),
    ("公司年会定在下周五", False),
    ("Proud of what our team shipped this quarter!", False),
    ("Working for Acme is a joke, they rip off every customer who walks in.", True),
    ("My employer's new scooter is terrible, it falls apart in a month.", True),
    ("我们公司的产品就是坑人，千万别买", True),
    ("在这家公司上班真恶心，天天压榨员工", True),
    # venting about one's employer in other words; a competitor is not one's own company
    ("Would not recommend working here, they took credit for my whole launch.", True),
    ("奉劝各位别来我们厂，主管天天骂人", True),
    ("工资又拖了三周，这公司还能待吗", True),
    ("Our rivals' app is a buggy mess, glad I don't work there.", False),
    ("竞品又降价了，质量真的很差", False),
    ("Support team crushed it this weekend, legends!", False),
    ("Counting the days until I quit this place.", True),
    ("这破公司没救了，主管一个比一个离谱", True),
    ("Two months of unpaid overtime and the owner didn't pay us for the holiday either.", True),
    ("Management here is understaffed and overworked, and this company pretends all is fine.", True),
    ("对面那家火锅店又在抄我们的菜单", False),
    ("Thinking of applying here? Don't. Paid late every single month.", True),
    ("Honestly ashamed of the cakes we sent out today.", True),
    ("离职了，这地方不值得", True),
    ("在这家店干了两年，工资一分没涨", True),
    ("Please don't book your birthday party with us, the kitchen is a mess.", True),
    ("我们家的会员卡坑太多了，劝朋友别办", True),
]


@pytest.mark.parametrize(
    "text", ["A guest called me a moron today for asking for ID.", "今天又被顾客骂了，说我是废物"]
)
def test_a_post_reporting_abuse_received_is_not_abusive(text):
    assert not _one(text, "post")["abusive"]


@pytest.mark.parametrize(
    "text",
    [
        "Big thanks to our night crew, absolute legends!",
        "感谢团队，大家太棒了！",
        "Worth every penny, our team rocks",
    ],
)
def test_a_post_of_plain_pride_is_not_abusive(text):
    assert not _one(text, "post")["abusive"]


@pytest.mark.parametrize("text,expected", POSTS)
def test_post_negative_about_company(text, expected):
    assert bool(_one(text, "post")["negative_about_company"]) is expected


# the post columns since they learnt from the sweeps' posts (docs/models.md, "Employee posts"): a grievance told
# through what happened is read from the about-own-company column; a shop's light or apologetic post that merely
# leans negative is not an attack, nor is a remark about work in general
COLUMN_POSTS = [
    ("Another round of restructuring at our place and somehow only the managers kept their bonuses.", True),
    ("My manager cancelled our breaks again because it is busy. It is always busy.", True),
    ("Our new rota app double-booked half the team again. Love that for us 🙃", True),
    ("公司今年又不发年终奖了，说是行情不好，呵呵", True),
    ("Fun fact: our shop dog Pepper has been greeter of the month three times running 🐕", False),
    ("Meet Juniper, our new espresso machine. She has opinions ☕", False),
    ("We open at 10 tomorrow instead of 8 because of the power cut. Sorry for the wait!", False),
    ("Heard the bakery across town closed. Sad to see an independent go.", False),
    ("我们店的猫今天又在收银台上睡了一下午🐱", False),
    ("Managers who micromanage lose their best people.", False),
    ("Nobody quits a job, they quit a boss.", False),
    ("What I learned from 200 exit interviews: people leave managers, not companies.", False),
]


@pytest.mark.parametrize("text,expected", COLUMN_POSTS)
def test_post_columns_read_grievances_not_light_shop_posts(text, expected):
    assert bool(_one(text, "post")["negative_about_company"]) is expected


def test_lexicon_fallback_reads_urgency_as_negative():
    from smguard.text import lexicon
    from smguard.text.normalize import prepare

    out = lexicon.classify_batch(prepare(["请尽快退款"], None), "inbound")
    assert out["sentiment_score"][0] <= 0


def test_calm_questions_are_not_clearly_negative():
    texts = [
        "Is there a student discount on helmets?",
        "Do you have the medium frame in stock?",
        "请问有没有以旧换新活动？",
    ]
    out = classify_texts(texts)
    assert not out["complaint"].any()
    assert (out["sentiment_score"] > -0.5).all()
    assert out["help_request"].all()


# ---- sweep 6 (27 Nov): what a sixth independent set of everyday messages found, in other phrasings
SWEEP6 = [
    # (text, kind, head, expected)
    # a fault told before a question, or beside praise, in a Chinese review stays a complaint
    ("送错了两份菜，怎么退款？", "inbound", "complaint", True),
    ("少给了一瓶可乐，能补吗", "inbound", "complaint", True),
    ("发票开错了抬头，如何重开？", "inbound", "complaint", True),
    # a polite Chinese question is a question at any short length, and 没踩雷 / 值不值 / real rubbish are not faults
    ("请问这款冲锋衣有没有XL的？我身高一米八体重一百六十斤穿哪个码合适", "inbound", "complaint", False),
    ("您好，请问你们周六营业到几点？我们一家五口想过去吃晚饭可以订位吗", "inbound", "complaint", False),
    ("跟着攻略来的，果然没踩雷", "inbound", "complaint", False),
    ("这家店值不值得去？想听听大家意见", "inbound", "complaint", False),
    ("保洁阿姨很细心，还把垃圾带走了，点赞", "inbound", "complaint", False),
    ("What a friendly crew, never had a single problem with them", "inbound", "complaint", False),
    # a reproachful question is a complaint
    ("前台一直翻白眼是什么意思？", "inbound", "complaint", True),
    # thanks for help already given is no request; a request with thanks is
    ("谢谢店员帮我找回了手机", "inbound", "help_request", False),
    ("Thanks for helping me find my order yesterday!", "inbound", "help_request", False),
    ("能帮我查一下订单吗？谢谢", "inbound", "help_request", True),
    ("要求退货退款，商品和图片完全不一样", "inbound", "help_request", True),
    ("Fix this or I cancel my subscription", "inbound", "help_request", True),
    # praise beside a plea does not cancel the plea
    ("你们的新功能太好用了，帮忙看一下我的账号", "inbound", "help_request", True),
    # insults and threats
    ("honestly your support is dogshit", "inbound", "abusive", True),
    ("I found out where your owner lives", "inbound", "abusive", True),
    ("你们脑子进水了吧", "inbound", "abusive", True),
    # replies: arguing cues, an insult in a reply, fixes, refusals and channels
    ("This is a fake review, you have never been to our shop.", "reply", "argumentative", True),
    ("您是不是自己没看清楚？", "reply", "argumentative", True),
    ("Stop spreading lies about our bakery.", "reply", "argumentative", True),
    ("已经和门店店长沟通过了，下周起增加人手", "reply", "fix_intent", True),
    ("包裹丢失我们将全额赔付", "reply", "fix_intent", True),
    ("保修期内可以免费更换电池", "reply", "fix_intent", True),
    ("We don't offer refunds on sale items.", "reply", "fix_intent", False),
    ("Our team will call you back within the hour.", "reply", "offers_private", True),
    ("如有疑问请拨打400-123-4567", "reply", "offers_private", True),
    ("Your return label is on its way to your email.", "reply", "offers_private", False),
    # posts: grievances about one's own company are complaints; announcements of a sale or an opening are not
    ("领导又让周末加班，真的栓Q", "post", "negative_about_company", True),
    ("领导又让周末加班，真的栓Q", "post", "complaint", True),
    ("Management doesn't care about the warehouse staff at all.", "post", "negative_about_company", True),
    ("Grand opening this Saturday, 20% off everything!", "post", "complaint", False),
    ("新店开业，全场八折，欢迎光临", "post", "complaint", False),
]


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        # a calm question asks, it neither praises nor grumbles
        ("Do you deliver to Brooklyn on Sundays?", "inbound", "neutral"),
        ("请问可以开发票吗", "inbound", "neutral"),
        # a reply's tone, not the complaint's words: a courteous answer is neutral, arguing is negative
        ("We're sorry for the wait, a new charger ships today.", "reply", "neutral"),
        ("非常抱歉，已为您补发，明天送达", "reply", "neutral"),
        ("Maybe read the instructions before posting next time.", "reply", "negative"),
        # a post running down one's own company is negative; a sale announcement is not
        ("领导又让周末加班，真的栓Q", "post", "negative"),
        ("新店开业，全场八折，欢迎光临", "post", "positive"),
        # an English complaint in friendly words is negative, not positive
        (
            "Love the new store layout, hate that the card machine keeps declining my card",
            "inbound",
            "negative",
        ),
    ],
)
def test_sentiment_reads_the_tone(text, kind, expected):
    assert _one(text, kind)["sentiment"] == expected


# ---- sweep 7 (27 Nov): a seventh independent set, in other phrasings
SWEEP7 = [
    # (text, kind, head, expected)
    # English praise in a longer message is not a complaint; sarcasm and a fault keep it one
    (
        "Big thanks to Omar at the Elm Rd store for fixing my laptop screen while I waited. What a legend.",
        "inbound",
        "complaint",
        False,
    ),
    (
        "Wow, love paying $9 for a coffee that's half foam. Great business model guys",
        "inbound",
        "complaint",
        True,
    ),
    (
        "Thanks @AirCo for the fantastic flight that left me stranded in Denver for a whole day",
        "inbound",
        "complaint",
        True,
    ),
    # chasing, a disgusted emoji, a parcel thrown, a repeated fault
    ("I've sent three emails about my refund and nobody answers", "inbound", "complaint", True),
    ("the new flavour 🤮🤮", "inbound", "complaint", True),
    ("your courier threw my parcel over the gate in the rain", "inbound", "complaint", True),
    ("已经第二次反馈了，每天晚上都断网", "inbound", "complaint", True),
    # calm service questions and fan notes
    ("怎么解绑银行卡？", "inbound", "complaint", False),
    ("安装师傅什么时候能上门呀？", "inbound", "complaint", False),
    ("求返场！", "inbound", "help_request", True),
    ("@小林 周末一起冲这家烤肉！", "inbound", "complaint", False),
    # threats and insults
    ("Refund me by Monday or you won't like what happens next.", "inbound", "abusive", True),
    ("再不退钱我就去你们门口泼油漆", "inbound", "abusive", True),
    ("fuck you and your useless loyalty app", "inbound", "complaint", True),
    # replies: dismissive and blaming answers argue; an apology in formal words is one
    ("We're sorry you feel that way, but our prices are fair.", "reply", "argumentative", True),
    ("东西是您自己弄坏的，跟本店无关。", "reply", "argumentative", True),
    ("知道了，还有别的事吗？", "reply", "argumentative", True),
    (
        "Unfortunately we can't accept returns on swimwear, as stated in our policy.",
        "reply",
        "argumentative",
        False,
    ),
    ("给您带来不便，敬请谅解。", "reply", "apology", True),
    ("Refund processed, it should show in 3-5 days.", "reply", "fix_intent", True),
    ("为表歉意，给您补一张十元优惠券", "reply", "fix_intent", True),
    ("【自动回复】您好，人工客服将按顺序为您服务。", "reply", "offers_private", False),
    # a courteous reply or an employee's grumble is not abusive without an insult
    ("Yes, we deliver to Hawaii! It takes about a week.", "reply", "abusive", False),
    ("My manager booked a two-hour meeting at 6pm on a Friday.", "post", "abusive", False),
    # posts: grievances about one's own company, customers mocked; announcements are no complaint
    ("公司又改考勤制度了，这个月第二次，懂的都懂", "post", "negative_about_company", True),
    (
        "Got a gift card as my 'performance bonus' this year. Cool cool cool.",
        "post",
        "negative_about_company",
        True,
    ),
    ("今天遇到个客户，脑残到家了", "post", "negative_about_company", True),
    ("今天遇到个客户，脑残到家了", "post", "complaint", False),
    ("【招聘】门店招兼职咖啡师，欢迎投递简历", "post", "complaint", False),
]


# ---- sweep 8 (27 Nov): an eighth independent set, in other phrasings
SWEEP8 = [
    # (text, kind, head, expected)
    # a reproachful question in a complaint is no request; a demand without a question mark is one
    ("洗完车回来车门上多了一道划痕，你们是不是没注意？", "inbound", "help_request", False),
    ("Wifi was down all weekend. We pay for this?", "inbound", "help_request", False),
    ("Charged twice for one class. I want that money back.", "inbound", "help_request", True),
    ("订的蛋糕写错了名字，店家给个说法", "inbound", "help_request", True),
    # an insult with a real question still asks
    ("you useless muppets, where do I send the return?", "inbound", "help_request", True),
    # faults at any length, profanity that praises, threats
    (
        "Third visit this month and the place has really gone downhill since the refit, such a shame honestly.",
        "inbound",
        "complaint",
        True,
    ),
    ("holy shit these ribs are fucking amazing", "inbound", "abusive", False),
    ("I know where your salon is. Keep ignoring my emails and see what happens.", "inbound", "abusive", True),
    ("再让我碰到那个店员，见一次打一次", "inbound", "abusive", True),
    # replies: deflection and lecturing argue; a thank-you does not; small fixes and calls count
    ("For the record, our driver waited ten minutes at your door.", "reply", "argumentative", True),
    ("Please check with your neighbours, it shows as delivered.", "reply", "argumentative", True),
    ("下单前已经说明不支持退换，请仔细阅读详情页。", "reply", "argumentative", True),
    ("Thank you so much! Customers like you make our day 💛", "reply", "argumentative", False),
    ("Call us on 0800 123 456 and we'll get someone out today.", "reply", "fix_intent", True),
    ("抱歉抱歉，明天来店出示截图送您一杯", "reply", "fix_intent", True),
    ("I'm calling you in ten minutes to sort this out.", "reply", "offers_private", True),
    ("Please message us your order number.", "reply", "offers_private", True),
    # posts: customers mocked, a broken promise of the own company; a grievance naming customers stays one
    (
        "Some guy today asked for a refund on a haircut he loved. Why are people like this",
        "post",
        "negative_about_company",
        True,
    ),
    ("公司系统又崩了，客户骂的都是我们", "post", "complaint", True),
    ("入职前说双休，入职后变大小周，找工作擦亮眼睛", "post", "negative_about_company", True),
]


# ---- sweep 9 (27 Nov): a ninth independent set of subtler cases, in other phrasings
SWEEP9 = [
    # (text, kind, head, expected)
    ("refund", "inbound", "help_request", True),
    ("refund", "inbound", "complaint", True),
    ("Love the new menu, only thing is the portions got smaller", "inbound", "complaint", True),
    ("the new checkout flow is driving me nuts", "inbound", "complaint", True),
    ("Interesting choice to hide the search bar 👏", "inbound", "complaint", True),
    ("想问一下，你们的狗粮是哪里产的？", "inbound", "complaint", False),
    ("订单尾号4471，麻烦帮我取消，谢谢", "inbound", "complaint", False),
    # reproach is no request; a real question beside it still asks
    ("怎么又是缺货？？每次都抢不到", "inbound", "help_request", False),
    ("配送员又迟到了，请问能改到明天送吗？", "inbound", "help_request", True),
    ("退款呢？？都两个星期了", "inbound", "help_request", True),
    # a calm question the abuse column reads as abusive is not, up to a long message; insults stay
    (
        "Does the vegan wrap contain sesame? My daughter has a severe allergy and we're coming on Saturday",
        "inbound",
        "abusive",
        False,
    ),
    ("your agent is a total clown, can you confirm my booking", "inbound", "abusive", True),
    ("店员长得跟猪一样", "inbound", "abusive", True),
    # replies
    ("Have you tried turning it off and on again? Works for most people.", "reply", "argumentative", True),
    ("之前已经跟您解释过了，特价商品不退不换", "reply", "argumentative", True),
    ("我们调了监控，店员全程都很礼貌", "reply", "argumentative", True),
    ("The duplicate charge has been reversed, you'll see it in 2 days.", "reply", "fix_intent", True),
    ("Sorry about that! A new pizza is on its way, on the house.", "reply", "fix_intent", True),
    ("已经给您账户补偿了10元券", "reply", "fix_intent", True),
    ("Unfortunately water damage isn't covered by the warranty.", "reply", "fix_intent", False),
    # posts: grumbling about one's own company; pride beside a negation; a notice of a fixed delay
    ("老板说年轻人要多吃苦，然后自己提了辆新车", "post", "negative_about_company", True),
    ("Love how my company schedules wellbeing webinars at 7pm", "post", "negative_about_company", True),
    ("恭喜小王入职五周年，没有你我们真的不行", "post", "complaint", False),
    ("上周系统故障导致发货延迟，非常抱歉，目前已全部发出", "post", "complaint", False),
]


# ---- sweep 10 (27 Nov): a tenth independent set (first measured held out, then tuned on), in other phrasings
SWEEP10 = [
    # (text, kind, head, expected)
    ("Where's my parcel?? It's been 9 days", "inbound", "complaint", True),
    ("The desk arrived with a cracked leg. Now what?", "inbound", "complaint", True),
    ("Nice staff but the delivery was so slow", "inbound", "complaint", True),
    ("5G套餐怎么改回来？", "inbound", "complaint", False),
    ("舊款的椅子還有現貨嗎？", "inbound", "complaint", False),
    ("老师好，孩子感冒了，想请两天假", "inbound", "help_request", True),
    ("我要投诉你们的快递员，包裹直接扔在门口", "inbound", "help_request", True),
    # reproach and threats ask for nothing; a threat with a demand still demands
    ("这不是明摆着坑人吗？", "inbound", "help_request", False),
    ("你等着，我知道你们仓库在哪", "inbound", "abusive", True),
    ("你等着，我知道你们仓库在哪", "inbound", "help_request", False),
    ("I'll come down there and make you regret it", "inbound", "abusive", True),
    # a calm Chinese question the abuse column is unsure about is not abuse; insults are
    ("听说你们要开分店了？开在哪？", "inbound", "abusive", False),
    ("听说你们要搬家了？新地址在哪？", "inbound", "abusive", False),
    ("您脑子是不是有问题？", "reply", "abusive", True),
    # replies quoting the abuse they received are not abusive; dismissive answers argue; fixes
    ("您这样骂人解决不了任何问题，我们已经在核实了。", "reply", "abusive", False),
    ("Our photos show otherwise. The fee stands.", "reply", "argumentative", True),
    ("If you think $8 is too much, you're welcome to shop elsewhere.", "reply", "argumentative", True),
    ("嫌贵可以不买哦", "reply", "argumentative", True),
    ("丢件请直接联系快递公司，我们这边处理不了。", "reply", "argumentative", True),
    ("已为您办理退订，下个月生效。", "reply", "fix_intent", True),
    ("The manager will review the footage and contact you directly.", "reply", "fix_intent", True),
    # posts
    ("Five years here and zero raises. Loyalty pays, huh.", "post", "negative_about_company", True),
    ("作为营业厅员工，套餐又涨了，我都不好意思跟老客户说", "post", "negative_about_company", True),
    ("Going live at 6pm with a 15-minute stretch session, see you there!", "post", "complaint", False),
]


# ---- sweep 11 (27 Nov): an eleventh independent set (measured held out, then tuned on), in other phrasings
SWEEP11 = [
    # (text, kind, head, expected)
    ("ugh waited 35 min for a table we had booked", "inbound", "complaint", True),
    ("The sandwich I picked up this morning was mouldy inside, really not ok.", "inbound", "complaint", True),
    (
        "The new app keeps logging me out every time I switch tabs, annoying as hell.",
        "inbound",
        "complaint",
        True,
    ),
    (
        "Please look at the broken swing in the park playground, a kid almost fell.",
        "inbound",
        "help_request",
        True,
    ),
    ("热水器装好第三天就不出热水了，麻烦派个师傅来看看", "inbound", "help_request", True),
    # an insult or a threat without a question or a plea asks for nothing; with one it still asks
    ("Your cashier is a total creep who can't stop staring.", "inbound", "help_request", False),
    ("Your cashier is a total creep who can't stop staring.", "inbound", "abusive", True),
    ("傻逼客服，订单三天没动，求解决", "inbound", "help_request", True),
    ("I'll smash every one of your scooters if this happens again", "inbound", "abusive", True),
    # replies: blaming and the non-apology; what is ready is a fix
    ("The scratch was caused by the wrong setting you chose, not by us.", "reply", "argumentative", True),
    ("We're not responsible for lost items, sorry.", "reply", "apology", False),
    ("您下单时选择的是自提哦，请您理性发言。", "reply", "argumentative", True),
    ("爱吃不吃，穷就别来", "reply", "argumentative", True),
    ("Your glasses are now ready for pickup at the Elm St store.", "reply", "fix_intent", True),
]


# ---- sweep 12 (27 Nov): a twelfth independent set (measured held out, then tuned on), in other phrasings
SWEEP12 = [
    # (text, kind, head, expected)
    ("the booking link on your site goes to a 404", "inbound", "complaint", True),
    ("Found a hair in my soup. Table 12.", "inbound", "complaint", True),
    ("Shipped to Norway in 5 days, better than expected.", "inbound", "complaint", False),
    ("周末的亲子票包含午餐吗？", "inbound", "complaint", False),
    # questions to other users ask the business for nothing
    ("Anyone else's card getting declined on the app today?", "inbound", "help_request", False),
    ("有没有人出二手的婴儿车？", "inbound", "help_request", False),
    ("Refund me by Friday or I go to the ombudsman", "inbound", "help_request", True),
    ("Still no refund from March, fourth time asking.", "inbound", "help_request", True),
    ("会员费被扣了两次，麻烦退一笔", "inbound", "help_request", True),
    # replies
    ("Please keep it civil or this conversation is over.", "reply", "argumentative", True),
    ("请您文明发言，否则我们将不再回复。", "reply", "argumentative", True),
    ("这是卖家的问题，跟平台无关，请自行联系卖家。", "reply", "argumentative", True),
    ("Thanks for flagging, the link is fixed now!", "reply", "fix_intent", True),
    ("抱歉！已通知骑手明天起加套防水袋。", "reply", "fix_intent", True),
    # posts
    (
        "Our nurses aren't paid for the handover hour. Just so patients know.",
        "post",
        "negative_about_company",
        True,
    ),
    ("劝各位买我们家年卡之前，把退款条款看两遍。", "post", "negative_about_company", True),
]

# sweep 14 (27 Nov, session 8): each a class of phrasings the sweep found, tested in other words
SWEEP14 = [
    # a shop's notice or staff chatter is no complaint on a post without a negative cue or grievance
    ("国庆营业时间调整：10月1日至3日休息，4日起照常营业。", "post", "complaint", False),
    ("今天的团建是烧烤，老板请客，大家吃得很开心！", "post", "complaint", False),
    (
        "Our card machine is offline this morning, cash only until noon. Thanks for bearing with us!",
        "post",
        "complaint",
        False,
    ),
    ("加班到凌晨，领导说这是福报。", "post", "complaint", True),
    # requests: after-sales applications, pleas for a fix, polite 麻烦…看一下, "any fix", "fix your …", "do u"
    ("用了两周屏幕就出现亮线，申请换货。", "inbound", "help_request", True),
    ("登录一直转圈圈，这是什么破服务器？？求处理", "inbound", "help_request", True),
    ("你好，麻烦你们抽空查一下我的退款进度，谢谢。", "inbound", "help_request", True),
    (
        "The scanner drops my Wi-Fi every hour since the update. Any workaround for this?",
        "inbound",
        "help_request",
        True,
    ),
    ("you people are useless. fix your website", "inbound", "help_request", True),
    ("do u ship to ireland", "inbound", "help_request", True),
    # rhetorical questions and questions to other users ask the business for nothing
    ("有谁知道这个商场的停车场几点关？", "inbound", "help_request", False),
    ("Called four times today and no answer. Is anybody even there?", "inbound", "help_request", False),
    ("Ten years a customer and this is how you treat me? Cancelling.", "inbound", "help_request", False),
    ("说好三天到货，今天第七天了，是我记错了吗？", "inbound", "help_request", False),
    # complaints
    ("這家的麵包越來越貴，個頭越來越小", "inbound", "complaint", True),
    ("感谢客服无视了我一个星期。", "inbound", "complaint", True),
    ("Ninety minutes on hold and then the call dropped. Stellar work.", "inbound", "complaint", True),
    (
        "The 'waterproof' boots are not waterproof, wet socks after ten minutes in the rain.",
        "inbound",
        "complaint",
        True,
    ),
    ("The sofa arrived two weeks late, lovely fabric though.", "inbound", "complaint", True),
    ("Prices went up again and the portions keep getting smaller. Amazing.", "inbound", "complaint", True),
    # abuse: English praise and Chinese complaints about the business without an insult
    (
        "Big shoutout to the lifeguard who found my son's goggles, you're a legend",
        "inbound",
        "abusive",
        False,
    ),
    ("面里吃出一根头发，老板还说不可能，这店迟早关门", "inbound", "abusive", False),
    # replies: fixes, arguing
    (
        "Sorry about the noise last night. Drop us an email and we'd love to make it right.",
        "reply",
        "fix_intent",
        True,
    ),
    ("Please call us on 0800 000 000 and an advisor will help you.", "reply", "fix_intent", True),
    ("抱歉打扰到您，已为您关闭营销短信，以后不会再收到了。", "reply", "fix_intent", True),
    ("谢谢提醒，我们已经把音量调低了，欢迎下次再来。", "reply", "fix_intent", True),
    ("欢迎再来，下次报暗号送甜品一份哦", "reply", "fix_intent", False),
    ("As stated twice already, the offer ended on Sunday.", "reply", "argumentative", True),
    ("Our drivers don't deserve this kind of abuse from you.", "reply", "argumentative", True),
    ("建议您先仔细看一下使用说明再评价哦~", "reply", "argumentative", True),
    ("说得好像别的店不要排队一样。", "reply", "argumentative", True),
    # posts that run down the own company
    ("说实话我们家新出的这款洗发水我自己都不敢用。", "post", "negative_about_company", True),
    (
        "Three meetings today about why we have too many meetings. Peak corporate.",
        "post",
        "negative_about_company",
        True,
    ),
]
SWEEP14_SENTIMENT = [
    # a calm question is neutral, short or not ("How do I …", "Can I bring …")
    (
        "How do I change the email on my account if I can't log into the old one anymore?",
        "inbound",
        "neutral",
    ),
    (
        "Can I bring my own wine for a birthday dinner? We'd be a party of ten on Friday.",
        "inbound",
        "neutral",
    ),
    # an English mixed review is neutral
    ("The pasta was amazing but we waited forty minutes for the bill.", "inbound", "neutral"),
]


@pytest.mark.parametrize(
    "text,kind,head,expected",
    SWEEP6 + SWEEP7 + SWEEP8 + SWEEP9 + SWEEP10 + SWEEP11 + SWEEP12 + SWEEP14,
)
def test_sweep_cues(text, kind, head, expected):
    assert bool(_one(text, kind)[head]) is expected


@pytest.mark.parametrize("text,kind,expected", SWEEP14_SENTIMENT)
def test_sweep14_sentiment(text, kind, expected):
    assert _one(text, kind)["sentiment"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Does the primer work on glossy tiles?",
        "Will this charger fit an older phone?",
        "Is this shampoo safe for colored hair?",
        "Does the cleaner remove rust stains too?",
    ],
)
def test_questions_about_what_a_product_does_are_no_complaints(text):
    """A calm question about what a product does or fits asks; its words ("rust", "stains", "scum") are not a
    fault of the business."""
    got = _one(text, "inbound")
    assert not got["complaint"] and got["help_request"], got


@pytest.mark.parametrize(
    "text",
    [
        "Does this spray even work? Mine left streaks everywhere",
        "Will this ever work? Third replacement, still broken",
    ],
)
def test_product_questions_that_reproach_stay_complaints(text):
    assert _one(text, "inbound")["complaint"]


@pytest.mark.parametrize(
    "text",
    [
        "Called the helpline to change my address, was told to do it online, online told me to call the helpline. "
        "Round and round we go.",
        "Just wanted to say the nurse on ward 6 held my mum's hand all night when I couldn't be there. I will never "
        "forget it.",
        "Stayed at the lakeside cabin last weekend. The hot tub was cold both nights, but the view made up for it and "
        "the host left cookies.",
    ],
)
def test_an_english_story_without_a_question_or_a_plea_asks_for_nothing(text):
    """A long account of what happened (praise or a fault), with no question mark and no request form, is not a
    help request whatever the column reads (it fires on such stories)."""
    assert not _one(text, "inbound")["help_request"]


@pytest.mark.parametrize(
    "text",
    [
        "Your app charged me twice for the same ride last night, I have both receipts in my email. Please refund one "
        "of them.",
        "Been waiting three weeks for the replacement card you promised on the phone, and the old one is blocked. Help.",
        "I've emailed your support team four times about the missing parcel and heard nothing back. I would "
        "appreciate a response.",
    ],
)
def test_an_english_story_with_a_plea_still_asks(text):
    assert _one(text, "inbound")["help_request"]


@pytest.mark.parametrize(
    "text",
    [
        "你们家晚上几点关门呀？",  # 晚上 is the evening, not 晚 (late)
        "想咨询一下，积分到期之后还能兑换吗？",  # a polite opener: "还能…吗" asks
        "想了解一下，退订以后押金还能退吗？",
        "门店还有月饼礼盒吗？想买几盒送客户",  # a stock question
        "还有大码的吗？想给我爸买一件",
    ],
)
def test_calm_chinese_questions_with_look_alike_fault_words_ask(text):
    """Sweep 23: the columns read these as complaints; 晚, 老 and 油 count as faults only in their fault compounds
    (晚到, 很老, 太油), and after 请问 / 想咨询 / 想了解 the weak rhetorical forms ask."""
    got = _one(text, "inbound")
    assert got["help_request"] and not got["complaint"] and got["sentiment"] != "negative", got


@pytest.mark.parametrize(
    "text",
    [
        "豆角很老",
        "菜有点油",
        "给老公买了，就穿过一次！",  # (kept by the 老 of 老公 before; now by 穿过一次)
        "请问为什么还没发货？？",  # a polite opener does not soften a reproach
        "请问您给我一根筷子怎么用啊",
    ],
)
def test_faults_and_reproaches_stay_complaints(text):
    assert _one(text, "inbound")["complaint"]


@pytest.mark.parametrize(
    "text", ["你们快递是骑蜗牛送的吗", "你们家是乌龟送的外卖吗", "说好的次日达，这是哪个星球的次日？"]
)
def test_a_chinese_jibe_at_slowness_is_a_complaint_not_a_question(text):
    got = _one(text, "inbound")
    assert got["complaint"] and not got["help_request"] and got["sentiment"] == "negative", got


@pytest.mark.parametrize(
    "text",
    [
        "Whoever packed my order deserves a raise, everything was wrapped so carefully",
        "The new update fixed the login bug I reported. Appreciate you actually listening!",
        "The nurse who stitched my hand made my week. Thank you!",
    ],
)
def test_english_gratitude_is_praise(text):
    got = _one(text, "inbound")
    assert not got["complaint"] and got["sentiment"] == "positive", got


def test_sarcastic_gratitude_stays_a_complaint():
    assert _one("Whoever designed this checkout deserves a raise 🙄", "inbound")["complaint"]


@pytest.mark.parametrize(
    "text",
    [
        # "hr" inside an English word ("three", "through") is no reference to the own company's HR
        "Sat through three hours of delays at the airport today. Awful airline, never again.",
        # layoffs elsewhere, and another company's service, are not the own company
        "Another round of tech layoffs this week. Sending love to everyone refreshing their inbox.",
        "在某宝买的台灯，用了三天就不亮了，客服还说是我自己弄坏的。",
        # a jab at other banks is a brand's boast
        "Other banks: 'your call is important to us.' Us: actually answering in under a minute 📞",
    ],
)
def test_posts_about_others_do_not_attack_the_own_company(text):
    assert not _one(text, "post")["negative_about_company"]


def test_a_post_of_why_i_do_this_job_is_pride():
    got = _one(
        "A regular brought me cookies today because I always remember his order. This is why I do this job 🍪",
        "post",
    )
    assert not got["negative_about_company"] and got["sentiment"] == "positive", got


@pytest.mark.parametrize(
    "text",
    [
        "Our office 'upgrade' turned out to be removing half the desks and calling it hot-desking. Got in at 9:05 and "
        "worked from the kitchen floor.",
        "Our kitchen is still running on fryers from 2009 and the manager keeps saying 'no budget'. Somehow there was "
        "budget for his new car.",
    ],
)
def test_an_english_grievance_about_the_own_workplace_without_cue_words_is_an_attack(text):
    """An own-company cue (our office, the manager) and columns that clearly read the post negative are enough when
    the about-own-company column leans that way (POST_OWN_*: it read these 0.4-0.6, below its 0.7)."""
    got = _one(text, "post")
    assert got["negative_about_company"] and got["complaint"], got


@pytest.mark.parametrize("text", ["早班 6 点半的城市", "早班6点半的城市", "夜班 11 点的街道"])
def test_a_short_chinese_caption_about_shift_work_is_no_attack(text):
    """A caption of a few characters: the post columns, which learnt shift work from grievances, lean to "about the
    company, negative" (0.55) but are not sure, and that short they must be (POST_ABOUT_TINY_ZH)."""
    assert not _one(text, "post")["negative_about_company"]
