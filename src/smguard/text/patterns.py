"""Curated high-precision bilingual cue patterns, combined with the linear heads (docs/models.md, "Cue layer").

The linear n-gram heads are good on average but make confident mistakes on short, rule-like cases (a bare
"知道了。" read as an apology, "We have received your message." as an offer to talk in private, a plain
opening-hours question as a complaint). Each head here is corrected by a few hand-curated pattern groups that
are precise on clear cases, in Chinese and English. Patterns run on the *normalised* texts (lower case,
simplified Chinese, digits folded to ``0``, URLs / e-mail domains / @mentions as placeholder tokens), one
vectorised ``str.contains`` per pattern group over the whole batch (Polars, Rust regex), no loop per text.

Patterns match classes of phrasing, never particular messages; every group is exercised by tests/text/.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import polars as pl

try:  # Python >= 3.11
    from re import _constants as _sc
    from re._parser import parse as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sc  # type: ignore[no-redef]
    from sre_parse import parse as _sre_parse  # type: ignore[no-redef]

from smguard.text.normalize import EMAIL_TOKEN

_Q = "['’]"  # apostrophe, straight or curly
# a count in words or digits (digits are folded to 0 before the cues run)
_NUM_EN = r"(0+|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|fifty|ninety)"


def _alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


# ----------------------------------------------------------------------------------------------- inbound
# (zh, en) pairs: each text is scanned with the part of its language (both for "other")
# a business's service named in Chinese, and a Chinese message about a business or its service (the
# harsh-complaint exceptions of the abuse column)
SERVICE_NOUN_ZH = r"客服|外卖|快递|商家|店家|骑手|送餐|配送|发货|退款|售后|订单|物流|包裹|服务|态度"
SERVICE_ZH = r"你们|您们|这家|老板|下单|" + SERVICE_NOUN_ZH
# harsh words about the quality of a service, for a short Chinese complaint that names the service (not just 你们)
# and is harsh, not abusive ("你们客服太差了", "送餐员态度恶劣", "什么破服务")
HARSH_ZH = r"太差|真差|好差|很差|极差|差劲|太烂|真烂|好烂|恶劣|破服务|什么服务|态度(差|不好)"
# a product (not a person) called rubbish: "垃圾产品", "什么垃圾质量", "东西真垃圾" are harsh reviews, not abuse, however sure
# the COLD-trained column is (0.97-0.99; 垃圾 there mostly insults people). "垃圾客服" names people: left to the model
# (written with .{0,n}, not as optional words: a regex of a few alternatives compiles faster, for the few rows it
# scans, than the ~200 literals the optional words expand to)
_THING_ZH = r"(产品|东西|质量|商品|软件|app|系统|玩意|手机|电脑|耳机|衣服|鞋|做工|包装|货|味道|设计|课程|课|饭|菜|外卖|酒店)"
GARBAGE_PRODUCT_ZH = r"垃圾.{0,1}" + _THING_ZH + "|" + _THING_ZH + r".{0,3}垃圾"
HARSH_MAX = 30  # characters; COLD's texts with these words are long comments about regions and groups (46+)
NEG_CUE = (
    _alt(
        # zh: things that went wrong
        r"坏了|又坏|坏掉|故障|失灵|死机|黑屏|没电了|不能用|用不了|打不开|开不了|无法(使用|登录|打开|充电|开机|退款)",
        r"扣了(两|二|俩|0|几)次|重复扣|多扣|乱扣|扣错|被扣|扣款.{0,4}(两|二|0)次|收了(两|二|0)次",
        r"白跑|白等|关着门|关门了.{0,4}(结果|却)|没开门|不开门|大门紧闭",
        r"第[二三四五六七八九十0]次(坏|出|发生|找|联系|投诉|反馈|打电话|来修|修|返修|维修|遇到|出现|扣|没|不)|又一次|三番五次|一次又一次",
        r"还没(有)?(到|收到|发货|发|退|回复|处理|解决|送到|修好|联系)|怎么还(没|不)|到现在(还|都)?(没|不)",
        r"一直(没|不|在等|联系不上)|(都|也|一直)不回|迟迟|催了(好几|几|两|0)次|催(单|了).{0,4}(没|还|不)|石沉大海|没人(理|回|管|接)|不理人|无人(回复|处理|接听)",
        r"投诉|差评|举报|维权|12315|消协|曝光",
        r"太差|很差|真差|极差|差劲|垃圾|坑人|坑爹|骗(人|钱|子)|欺骗|忽悠|(很|太|非常|好|真|特别|大|极其)失望|失望(透顶|至极)|气死|无语|恶心|离谱|过分|糟糕|难吃|难用|敷衍",
        r"漏(水|油|电)|破损|破了|碎了|丢件|丢了|少发|漏发|发错|错发|缺件|过期|变质|有虫|异物|拉肚子",
        r"态度(差|恶劣|不好)|不给(退|换|处理|解决)|拒绝(退|换|处理)|不退|退不了|乱收费|多收|收费不合理|被坑",
        r"(等|排队)了.{0,6}(天|小时|个月|周|分钟).{0,8}(还没|都没|也没|还不|没人|才到|才送|还在)",
        r"充不进电|充不上电|充不了电|开不了机|连不上|登不上|登录不了|闪退|太卡了|卡死|没反应|"
        r"物流.{0,6}(没|不)(有)?(更新|动)|没(有)?更新物流|"
        r"不好吃|不怎么样|不怎么好|太慢|好慢|很慢|慢死|份量少|量太少|不新鲜|不值|不满意|没以前好|索赔|凑合|"
        r"请尽快(处理|退|解决|给)|赶紧(处理|退|解决)|给个说法|给我一个解释|必须(赔|退|给)",
    ),
    _alt(
        r"\b(broken|broke down|stopped working|not working|doesn"
        + _Q
        + r"?t work|does not work|won"
        + _Q
        + r"?t (turn on|start|charge|work|load|open)|died|dead on arrival|faulty|defective|malfunction\w*)\b",
        r"\b(never (arrived|came|showed|received|got)|still (no|not|waiting|haven"
        + _Q
        + r"?t|hasn"
        + _Q
        + r"?t|missing|broken)|hasn"
        + _Q
        + r"?t (arrived|come|shipped)|haven"
        + _Q
        + r"?t (received|heard|got))\b",
        r"\b(charged (me )?(twice|two times|double)|double[- ]charged|overcharged|billed twice|charged for nothing)\b",
        r"\b(third|fourth|fifth|0+(rd|th)) time\b|\b(again and again|yet again|once again)\b",
        r"\b(worst|terrible|horrible|awful|appalling|disgusting|unacceptable|ridiculous|pathetic|useless|"
        r"disappointed|disappointing|disgrace\w*|rip[- ]?off|ripped off|scam\w*|fed up|sick of|waste of|"
        r"shambles|joke of a|nightmare|outage|so slow|too slow|bugs|buggy|glitch\w*|crash(es|ed|ing)|furious|livid|annoyed|frustrat\w+|angry)\b",
        r"\b(missing|damaged|wrong (item|order|size)|cold food|late again|cancel+ed my|lost my|no refund|"
        r"refund (me|my)|want (a|my) refund|on hold for|no one (answers|replied|responds|is answering)|"
        r"nobody (answers|replied|responds|helps)|been waiting|still waiting|locked out|closed (when|even though)|"
        r"was closed|drove (all the way|there)|wasted (my|a|an))\b",
        # what goes wrong with a video or a post itself
        r"\b(out of sync|hard to (follow|hear|read|understand|see|watch)|can"
        + _Q
        + r"?t hear|cannot hear|no sound|"
        r"too (quiet|loud|blurry|dark|fast to follow)|blurry|audio (is|was) (off|bad|awful|terrible|broken))\b",
        # chasing ("I've left 2 voicemails"), a damning word, a parcel thrown, a disgusted emoji
        r"\b((left|sent) (0|two|three|four|several|multiple|so many) (voicemails|messages|emails)|(is|are|was) criminal)\b",
    ),
)
NEG_CUE += (
    (
        "broke",
        "stopped",
        "working",
        "work",
        "won",
        "died",
        "dead",
        "faulty",
        "defective",
        "malfunction",
        "never",
        "still",
        "hasn",
        "haven",
        "charged",
        "billed",
        " time",
        "again",
        "worst",
        "terrible",
        "horrible",
        "awful",
        "appalling",
        "disgust",
        "unacceptable",
        "ridiculous",
        "pathetic",
        "useless",
        "disappoint",
        "disgrace",
        "rip",
        "scam",
        "fed up",
        "sick of",
        "waste",
        "shambles",
        "joke",
        "nightmare",
        "outage",
        "slow",
        "bug",
        "glitch",
        "crash",
        "furious",
        "livid",
        "annoyed",
        "frustrat",
        "angry",
        "missing",
        "damaged",
        "wrong",
        "cold food",
        "late again",
        "cancel",
        "lost my",
        "refund",
        "on hold",
        "no one",
        "nobody",
        "waiting",
        "locked out",
        "closed",
        "drove",
        "wasted",
        "sync",
        "hard to",
        "hear",
        "no sound",
        "too ",
        "blurry",
        "audio",
        "left ",
        "sent ",
        "criminal",
    ),
)
# dismissive or sarcastic complaints the heads read as fine or even positive ("thanks for nothing" +0.95, "you
# guys are a joke" +0.51, "great, another delay"): negative cues whatever the model says
DISMISSIVE = (
    r"又(延迟|延误|迟到|晚了|出错|出问题|掉线|断了|没货|涨价|卡了|崩了|发错|少了|漏了)|真是个笑话|就是个笑话",
    r"\b((is|are|so|totally|completely|absolutely|utterly|just|was|were) useless|useless (app|service|support|"
    r"company|product|staff|team|customer service|website|site|people)|"
    r"(is|are|what|such) an? (\w+ )?joke|thanks for nothing|(want|need|give me) (my|our) money back|unimpressed|"
    r"another (delay|outage|cancellation|cancelation|problem|issue|error|failure|glitch)|not good enough|"
    r"never (buying|ordering|using|shopping|flying|coming back)|do better|"
    r"(thanks|thank you|cheers) (a lot |so much |very much )?for (ruining|wasting|breaking|losing|nothing)|yeah,? right|"
    r"(days|weeks|hours|months) and counting|(late|delayed|down|broken|crashed|offline|out of stock|logged me out) again|"
    r"(tastes?|smells?|tasted|smelled|smelt) like (cardboard|soap|plastic|chemicals|dirt|garbage|trash|sawdust|"
    r"water|dishwater|medicine|rubber|mud|ash|burnt \w+|sewage|feet|bleach)|"
    r"(going to|gonna|will|'ll|’ll) sue|(contact|contacting|call|calling|get|getting|talk to|speak to|hear from) (my|a)"
    r" lawyer|my lawyer (will|is)|legal action|small claims|see you in court|laggy|so lag+y?|"
    r"(leaving|leave|left|giving|give|gave) (you )?(a|an) 0[- ]?stars?|hidden (charges|fees)|should be fired|"
    r"keeps? (crashing|freezing|logging me out|dropping|disconnecting)|"
    r"(staff|service|employees?|people|team|waiter|waitress|driver|manager|cashier|agent|receptionist|you guys)"
    r"( here)? (is|are|was|were) (so |very |extremely |really |incredibly )?rude|"
    r"rude (staff|service|waiter|waitress|driver|employee|manager|cashier|receptionist|agent)|"
    r"(lied|lying) to (me|my face|us)|no apology|(got|get|getting) attitude|threw up|food poisoning|"
    r"(got|was|were) (sick|ill) after|made (me|us|my \w+) (sick|ill)|(is|was|are|were|got) (soaked|drenched|ruined)|"
    r"want (this|it) (fixed|refunded|replaced)|(fixed|replaced) or (a|my) refund|report(ing)? you to|"
    r"(keeps?|kept) buffering|black screen|rolled (her|his|their) eyes|"
    r"stole my (money|deposit|card|bike|package|parcel|identity|data|details|order|payment))\b|"
    r"\b(never again|not (impressed|happy|satisfied|pleased)( at all)?)[^a-z0-9]*$",
)
# problems so plain that they count in a long message too, whatever the sentiment column says (with the dismissive
# complaints: one scan)
PLAIN_PROBLEM = (
    _alt(
        r"这合理吗|就这[?？]|是机器人吗|听不懂人话|也不管|"
        r"越来越(难喝|难吃|差|贵|少|慢|敷衍|水|坑|不行|离谱|咸|淡|难用|卡)|无视(了)?我|已读不回|"
        r"音画不同步|声音(太小|听不清|没了)|没有声音|听不清|抢钱|宰客|坑钱|(经常|老是|总是|一直|天天|又|频繁|动不动|都|就)断网|断网了|🤮|🤢|👎|😡|🤬|💩",
        DISMISSIVE[0],
    ),
    _alt(
        r"\b(not (happy|impressed|satisfied|pleased) (with|about)|(very|really|so) (unhappy|dissatisfied)|out of sync|"
        r"no sound|can" + _Q + r"?t hear (anything|it|you|the)|cannot hear (anything|it|you|the)|"
        r"(threw|thrown|tossed) (my|the|our|a) (package|parcel|box|order|delivery)|(left me|got) stranded|"
        r"love (paying|waiting|being (charged|ignored|kept)|getting (charged|ignored))|great business model|"
        r"gone downhill|went downhill|way too (sweet|salty|sour|spicy|oily|greasy|loud|hot|cold|small|expensive|dry)|"
        r"rock hard|(gives|giving|throws|shows|showing|goes to) (a |an )?(0{3}|error)|no explanation|love that for me|"
        r"great,? another|rude af|would("
        + _Q
        + r"?ve| have) been nice|"
        + _NUM_EN
        + r" (min|mins|minutes|hours?) on hold|"
        r"(an?|one|two|three|0+) (days?|weeks?) late|(is|are|was|were)(n"
        + _Q
        + r"?t| not) (waterproof|as described|"
        r"as advertised|compatible)|"
        r"(price|prices) (went|gone|goes|go|has gone|have gone) up again|portions? (got|are getting|is getting|keeps? "
        r"getting|are|is) (smaller|tinier)|shrinkflation|"
        r"(having|have|had|got|facing|experiencing) (a |an |some |the same |major |big )?(problems?|issues?|trouble) "
        r"with|paraly[sz]ed my)\b|^(\ue001 ?)*(problems?|issues?|trouble) with\b",
        DISMISSIVE[1],
        r"🤮|🤢|👎|😡|🤬|💩|\b(we|i) pay for this\?|\bhow hard is it\b|\bare you (serious|kidding)\b|\bseriously\?|"
        r"^(refund|money back)[.!]*$|\b(only (thing|issue|problem|complaint) is|driving me (nuts|crazy|mad|insane)|"
        r"hate (that|how|when)|interesting choice|daylight robbery|going to get hurt|where"
        + _Q
        + r"?s my (order|parcel|"
        r"package|refund|money|delivery)|it"
        + _Q
        + r"?s been (0+|two|three|four|five|six|several) (days|weeks|months)|"
        r"(service|delivery|it|staff) (was|is|were|are) (so |really |very |super )?slow|"
        r"arrived (broken|damaged|torn|cracked|with an? (torn|broken|cracked|damaged|missing))|"
        r"didn" + _Q + r"?t work at all|waited " + _NUM_EN + r" (min|mins|minutes|hours?)|hate the new|"
        r"lids? leak|leaks? (every|all)|mou?ldy|very misleading|crack(ed)? in it|scratched my|keeps (crashing|putting|"
        r"logging|freezing|kicking)|want (a|my) refund|(found|there was|there"
        + _Q
        + r"?s) an? (hair|bug|fly|cockroach|"
        r"piece of (plastic|glass|metal))|shoved my)\b",
    ),
)
# a negative word that is not negative here: "值不值得专门跑一趟" asks (不值得), "还帮忙把垃圾带走了" is real rubbish
NOT_NEG = r"值不值|(带走|扔|倒|清理|收拾|打扫)(了)?(的)?垃圾|垃圾(带走|分类|桶|袋|清理|清运|扔)"
# "no problem at all": the word "problem" is not a complaint
NO_PROBLEM = (
    r"没问题|没有问题|问题没有|没(有)?(任何|一点|啥|什么)问题|没毛病|毛病没有|一点毛病|(没|不|没有|零)踩雷|没翻车",
    r"\b(no problems?|no issues?|not a problem|no worries|zero (issues|problems)|not (a|one) single (problem|issue)|"
    r"without (a|any) (problem|issue|hitch)s?|never (had|once had) (a|any|one)( single)? (problem|issue)s?|"
    r"no (real )?complaints?)\b",
)
# a jibe at slowness or distance ("你们物流是骑蜗牛送的吗🐌", "这个次日是哪个星球的次日？"): a reproach, not a question
JIBE_ZH = r"骑蜗牛|蜗牛(速度|送|爬)|龟速|乌龟(爬|送)|哪个星球|去火星"
# reproachful / rhetorical questions: a question that is a complaint
# (Chinese: these reproach even after a polite opener, "请问您给我一根筷子怎么用啊"; the forms of RHETORICAL below them
# also ask, and after 请问 / 想咨询 they do: "想咨询一下，会员到期之后，卡里充的余额还能用吗？")
RHETORICAL_STRONG_ZH = (
    r"不怎么|怎么说|算是|是为了|为什么|为啥|凭什么|到底|究竟|难道|有没有搞错|搞什么|怎么(会|又|还|老是|总是|回事|搞的|吃|用)|"
    r"什么时候才|能不能(快|好好|别|有人)|还要(等|多久)|有人管|[!！]{2}|[?？]{2}|几个意思|什么意思|啥意思|翻白眼|"
    + JIBE_ZH
)
RHETORICAL = (
    _alt(RHETORICAL_STRONG_ZH, r"不知道|还能.{0,10}(吗|呢|么)|不.{0,6}(吗|么)[?？]"),
    r"\b(why+ (is|are|do|does|did|can"
    + _Q
    + r"?t|won"
    + _Q
    + r"?t|would|has|have|am|isn"
    + _Q
    + r"?t|doesn"
    + _Q
    + r"?t)|what gives|seriously|how (come|many times|hard is it|is it (possible|acceptable))|"
    r"is (this|it) (a joke|normal|acceptable)|ever (coming|going to)|what are you (playing at|doing)|what is this|any (update|news) on|absolute|nonsense)\b|[!?]{2}",
)
# a plain service question (opening hours, warranty, returns, bookings, prices, stock)
SERVICE_Q = (
    r"几点|营业|开门|关门|保修|质保|多久|多长时间|预约|可以.{0,12}(吗|么)|能.{0,12}(吗|么)|支持|有没有|在哪|地址|电话|价格|"
    r"多少钱|怎么(预约|申请|办理|购买|买|退|换|联系|去|操作|设置|使用|用|注销|取消|修改|改|绑定|解绑|开通|关闭|充值|续费|开票|开发票)|如何|是否|请问|"
    r"打卡|签到|送.{0,6}吗|有货|哪款|补货|返场|上新|想问|帮我(取消|修改|改|查|退)|请假|想请|现货|复刻|包含|名额|半价|开吗|营业吗|带车位|什么时候(有|出|上|到|发|开|能|可以)|何时|能不能(出|上|做|开|加|推出)|"
    r"有.{0,10}(吗|么)[?？]?$|还有.{0,8}(吗|么)|招.{0,8}(吗|么)|求链接|值不值|值得(去|买|吃|来)(吗|么)",
    r"\b(open|close|closing|hours|warranty|guarantee|book|booking|appointment|do you (have|sell|offer|do|stock|ship|deliver)|"
    r"can i|could i|how (do|can) i|where|price|cost|available|in stock|deliver|return policy|what time|is there|"
    r"are there|do you|can you|could you|how much|how long|program|scheme|option|offer|ships? to|shipping to|"
    # what a product does or fits ("Does this spray get rid of soap scum?", "Will this charger fit an older phone?")
    r"does (this|it|that|the \w+) (\w+ )?(get rid of|work on|work with|fit|come in|remove|contain|include)|"
    r"will (this|it|that) (work|fit)|is (this|it) (safe|suitable|compatible|ok|okay) (for|with))\b",
)
# asking whether anyone is there ("客服在吗", "有人吗", "anyone there?"): in a message of a few words, a request for
# help whatever the columns read (客服在吗: complaint 0.91, abusive 0.64; 客服 is mostly seen in bad reviews)
PRESENCE = (
    r"在吗|在不在|有人吗|有人在吗|有人在不|在线吗",
    r"\b((is )?(any ?one|any ?body|some ?one) (there|here|around|online|available)|are you (there|online|around))\b",
)
PRESENCE_MAX = 20  # characters
# thanks for help already given ("谢谢你们帮我找回了钱包", "小姐姐帮我换了靠窗座位", "thanks for helping me"): not a request
PAST_HELP = _alt(
    r"帮(我|忙|我们)[^，。！？?!,.]{0,12}了|(谢谢|感谢|多亏|幸亏|幸好)[^，。！？?!,.]{0,12}帮",
    r"helped (me|us|my)|(thanks|thank you) for (helping|the help|your help|all the help)",
)
# a question that reproaches rather than asks ("你们是不是没吹干？", "三千多块钱就这？", "We pay for this?"): in a
# complaint, no request for help unless it also pleads or demands
RHETORICAL_Q = (
    r"是不是|就这|合理吗|有病|靠谱点|是机器人吗|凭什么|难道|什么玩意|什么鬼|是猪吗|智障吗|听不懂人话|能不能(好好|用点心|专业|上点心)|"
    r"不是吧|还是我的错觉|要等到|也太|换了吗|\?\?|这不是|还好意思|这么离谱|打发叫花子|怎么现在|又崩了|给谁看|怎么这么|还要(扣|收)|是真人吗|"
    r"是我(数学|记性|眼睛|视力)?不好吗|是我的错吗|是我有问题吗|是我(记错|看错|理解错|眼花|想多|太天真)了?吗|"
    + JIBE_ZH,
    r"for (that|this)\?|(we|i) pay for this|what is wrong with|what"
    + _Q
    + r"s wrong with|like i"
    + _Q
    + r"m not|"
    r"how hard is it|are you (all )?(serious|kidding|joking|brain dead|braindead|stupid)|seriously\?|"
    r"who (designed|approved|thought) this|does this look like|is (anyone|anybody) (actually|even)|"
    r"is (anyone|anybody) (working|there|listening|home)|this is how you treat",
)
# a real question to the business beside a reproach ("换的新机又是坏的，请问能改收货地址吗？")
ASKS_FOR_ZH = (
    r"请问|怎么(退|换|办|联系|申请|转|重置|取消)|如何|能(不能)?(帮|改|取消|退|换|修)|可以(帮|改|取消|退|换)|在哪(里)?(申请|办理)|"
    r"找谁|多久能|有电话"
)
# a question or a request in words (the question mark aside): what keeps an insult or a threat a request
ASKING = (
    r"[?？]|吗|怎么|什么时候|请|麻烦|帮|能不能|可不可以|求助|求解决|求帮|联系谁",
    r"[?？]|\b(how (long|do|can)|when (will|can|do)|where (is|are|do|can)|what (is|are|do)|please|pls|plz|can (you|someone)|"
    r"could (you|someone)|look into|sort (it|this) out|who do i|what"
    + _Q
    + r"?s the best way|best way to|(would )?appreciate (a|an|your) (response|reply|call|update))\b|\bhelp[.!]*$",
)
# a question to other users, not to the business ("Anyone else's app logging them out?", "有没有人出二手自行车？")
TO_OTHERS = (
    r"^(\ue001 ?)*(有没有人|有人.{0,10}(也|一起)|有没有.{0,8}的同学|有(人|谁)知道)",
    r"^(\ue001 ?)*(anyone|anybody|who else|is it just me)\b|\banyone else\b",
)
# a plea for help that praise beside it does not cancel ("新版本太好用了，帮忙确认一下我的预订", "great service today I
# need help with my account")
PLEA = _alt(
    r"帮忙|帮我|请尽快|麻烦|求(修复|处理|解决|恢复)|申请(售后|退货|退款|换货|维修)",
    r"need help|help me|please help|asap|any idea|any (fix|solution|workaround|eta|update)",
)
# an explicit demand of an action
DEMAND = _alt(
    r"(给我|尽快|马上|要求|申请)(退款|退钱|退费|处理|解决|赔)|给(我)?(个|一个)?说法|换(一|个)|还钱|怎么办|如何|退款呢|钱呢",
    r"refund|money back|i want|fix (it|this|my|your)|replace|cancel (my|the|it)|sort (it|this)|call me|contact me|get back to me|"
    r"email me|dm me|stop (deleting|ignoring|blocking|hiding|removing)",
)
# a question or a request for help (the two are only ever used together)
HELPISH = (
    _alt(
        r"[?？]",
        r"^(请问|问一下|问下|想问|咨询|请教|麻烦问|你好.{0,3}请问)",
        r"(吗|呢|么)[\s\p{P}\p{S}\d]*$",
        r"(怎么|如何|怎样|能不能|可不可以|可以不可以|是否|有没有|多久|多长时间|几点|什么时候|哪里|哪儿|在哪|多少钱|支持不支持|"
        r"能否|可否)",
        r"求助|帮(我|忙)|帮帮|想(预约|咨询|了解|问)|能(帮|不能帮)|可以.{0,8}(吗|么)|求(链接|同款|购买方式|地址|推荐)|"
        r"赶紧(给我|帮我)|尽快(给我|帮我)|麻烦(给我|帮我)|^(退款|退钱|换货|赔钱)[!！。]*$|求(返场|补货)|蹲.{0,3}(返场|补货)|给(我)?(个|一个)说法|要求退|麻烦查|请?管管|我要投诉|想请.{0,2}假|派(个|人|师傅)|麻烦(核实|处理|看看|派|退)|直接换|求常驻|联系我|"
        r"要求(退货|退款|赔偿|换货|处理|解决)|尽快(处理|解决|核实|回复|退款)|转人工|希望.{0,6}(优化|改进|修复|改善)|"
        r"申请(售后|退货|退款|换货|维修|理赔|赔偿)|求(修复|处理|恢复)|麻烦.{0,10}(看一下|看下|查一下|处理一下)",
    ),
    _alt(
        r"[?？]",
        r"^(refund|money back)[.!]*$|"
        r"^(hi|hello|hey)?[ ,!]*(are|is|do|does|can|could|will|would|should|may|have|has) "
        r"(you|u|i|we|it|there|the|your|this|my)\b",
        r"\b(what|when|where|which|who|how)( \w+)? (is|are|do|does|did|can|should|will|time|day|days|hours)\b",
        r"\b(how (do|can|long|much|to)|what time|when (do|does|will|is|are)|where (do|can|is)|is there|are there|"
        r"do you|can i|could i|can you|could you|may i|wondering|any idea|help me|please help|need help|"
        r"need some help|is it possible|i" + _Q + r"?d like to|i would like to|please advise|any advice|"
        r"let me know|can someone|(dm|message|call|email|e-mail|text|send) me( back| your| the| a)?|"
        r"(pls|plz|please) (fix|send|refund|cancel|replace|change|check|sort|update|reply|respond|help|add|stop|remove|"
        r"pull|look|come|make|bring|keep)|need (one|it|this|them) refunded|(refunded|fixed|cancell?ed) (pls|plz|please)|"
        r"refund me|(0|two|three|four|fourth|third|second) times? asking|i want (an? )?(explanation|compensation|answer|"
        r"apology)|"
        r"(^|[.!] )(refund|fix|cancel|replace|reply|respond|answer) (it|me|my|your|this|the)|fix this|"
        r"any (fix|solution|workaround|eta|update) (for|on)|sort (this|it) out|"
        r"want (this|it) (reported|fixed|resolved|sorted)|bring (back|it back|them back)|"
        r"stop (spamming|sending|emailing|calling|texting)|i want (that|my|the|our|a) .{0,24}(back|refund)|"
        r"i"
        + _Q
        + r"?d like (a|an|my|the) (partial |full )?(refund|breakdown|explanation|itemi[sz]ed)|chargeback)\b",
    ),
)
HELPISH += (
    (
        "?",
        "？",
        "are ",
        "is ",
        "do ",
        "does ",
        "can ",
        "could ",
        "will ",
        "would ",
        "should ",
        "may ",
        "have ",
        "has ",
        "what",
        "when",
        "where",
        "which",
        "who",
        "how",
        "wondering",
        "any idea",
        "help",
        "possible",
        "like to",
        "advise",
        "advice",
        "let me know",
        "someone",
        " me",
        "pls ",
        "plz ",
        "please ",
        "refund",
        "fix",
        "cancel",
        "replace",
        "reply",
        "respond",
        "answer",
        "money back",
        "sort ",
        "want ",
        "bring ",
        "stop ",
        "chargeback",
        "like a",
        "like an",
        "like my",
        "like the",
    ),
)
POLITE = (
    "谢谢|感谢|辛苦|收到|推荐|喜欢|好评|开心|骄傲|自豪|恭喜",
    r"\b(thanks?|thank you|thx|appreciate\w*|received|cheers|welcome|lovely|great|love|recommend|awesome|amazing|proud|congrat[a-z]*|excited|thrilled|happy)\b",
)
# praise and delight in words, and the emoji that carry it. In a short fan message ("The packaging is gorgeous❤️",
# "已种草 ✨", "冲鸭!") the n-gram heads read some as complaints ("packaging" is a complaint word in the review
# sets) or as negative
_POS_EMOJI = "❤|♥|💕|💖|💗|💓|💚|💙|💛|💜|🧡|😍|🥰|😘|🤩|✨|🎉|🎊|👍|👏|🙌|💯|😋|😊|☺|🌟|⭐|🥳|🤗"
POSITIVE_WORDS = (
    "爱上|喜欢|爱了|好喝|好吃|好看|好美|太美|真美|漂亮|绝了|绝绝子|太赞|超赞|点赞|种草|冲鸭|冲冲冲|满意|好评|回购|必买|"
    "yyds|惊艳|可爱|治愈|完美|超棒|真棒|好棒|很棒|太棒|美哭|心动|幸福|开心|期待|骄傲|自豪|恭喜|出片|丰富|贴心|周到|感动|靠谱|"
    "加油|好用|不错|特别好|很好|用心|抢到|暖心|给力",
    r"\b(love[sd]?|loving|gorgeous|beautiful|amazing|awesome|perfect|delicious|yummy|tasty|cute|adorable|lovely|"
    r"stunning|excellent|fantastic|wonderful|obsessed|can" + _Q + r"?t wait|cannot wait|favou?rite|so good|"
    r"cozy|cosy|wow|well done|congrat\w*|brilliant|beautifully|the best|in my life|must[- ]have|proud|legends?|"
    r"legendary|rock ?stars|crushed it|nailed it|killing it|worth every penny|shout ?outs? to|above and beyond|"
    r"best compliment|keep it up|super fast|great (customer )?service|makes my life easier|best \w+ i"
    + _Q
    + r"?ve|lifesavers?|big thanks|huge thanks|worth every (cent|dollar)|impressed|bang on time|bless you|"
    r"better than expected|deserves? a raise|made my (day|week|month|year|morning|night)|"
    r"appreciate (you|y'all|your team|the team|everyone)( guys| all)? (so much|for|actually|listening|taking)|"
    r"(these|you) (people|guys|folks) are angels)\b",
)
# a mild fault in a very short Chinese review ("豆角很老", "少了南瓜粥", "比预计晚到", "就穿过一次！"): keeps a note a
# complaint
# (晚, 老 and 油 only in their fault compounds: 晚上 / 今晚, 老板 / 老顾客 and 加油 name no fault, and "你们家晚上几点关门呀？"
# stayed a complaint for its 晚)
MILD_FAULT_ZH = (
    "忘|少|晚了|晚到|晚送|送晚|来晚|太晚|很晚|好晚|这么晚|晚点|慢|很老|太老|好老|有点老|偏老|老了|柴|咸|淡|辣|凉|冷|硬|腻|"
    "太油|很油|好油|偏油|有点油|油了|油大|错|漏|缺|坏|脏|臭|酸|苦|久|等|贵|差|一般|还行|还好|凑合|"
    "穿过一次|穿了一次|用过一次|用了一次|洗过一次|洗了一次"
)
# a fault told before a question or beside praise in a Chinese review ("要的两个三鲜，来了个茴香和西葫芦，能说什么呢",
# "发票打错字了，如何报销？", "好评都是刷的吧，送了2小时"): the question or the praise word does not make it a calm note
FAULT_TOLD_ZH = (
    "错了|送错|弄错|打错|拿错|搞错|漏了|漏送|少了|少送|少给|只给了|没给|没有给|洒了|撒了|不够|凉了|坏了|多小时|个小时|"
    "变成|黏了|糊了|焦了|刷的|饿死|饿着|太(冷|热|咸|淡|辣|甜|油|腻|贵|吵|慢|少|小|硬|干|难)了"
)
# what makes praise doubtful: negation, contrast, a question, irony markers ("thanks for nothing")
NOT_PLAIN_PRAISE = (
    r"不|没|别|但|可是|却|就是|除了|怎么|为什么|吗|呢|[?？]|呵呵|还好意思|真是服了|谢谢你们的|感谢你们的|"
    r"要是|如果|就好了|有点|一般|可惜|遗憾|希望|建议|冲动|贵|郁闷|麻烦|难|无奈|老是|烦|差",
    r"\b(not|no|never|nothing|nobody|none|but|however|though|although|except|wish|used to|would|should|"
    r"could|thanks for|thank you for|yeah right|as if|sure|great job|love how|love that|love it when|"
    r"gotta love|just love|another|again|still|can" + _Q + r"?t (believe|say|stand|get)|"
    r"(don|doesn|didn|isn|wasn|aren|weren|won|wouldn|shouldn|couldn|haven|hasn|hadn|ain)" + _Q + r"?t)\b|"
    r"[?？]|\.{3}|…|🙄|😒|🙃|🤡|\blove (paying|waiting|being|getting|how)\b|\b(late|broken|down) this time\b|"
    r"\bgreat business model\b|\b(thanks?|thank you|ty)( \ue001)+ for\b|\bty\b|\bwow\.|\b(are|is) (you|they|it) ever\b",
)
# a fan tagging a friend, bookmarking a post or noting a purchase, and nothing else ("Tagging my brother 😂",
# "@amy look at this", "马住", "同款get", "已下单"): the heads read some as abusive (Davidson's "brother"), negative or
# a complaint (the review sets' 下单); the whole message must be the note
_NOTE_END = r"(?:\s|[~～!！。.,，√✔]|" + _POS_EMOJI + r"|😂|🤣|😆|👀|\ufe0f)*$"
FAN_NOTE = (
    r"^(先|已|刚|刚刚|已经)?(马住|码住|mark|插眼|蹲|收藏|下单|入手|入|买|关注|同款get|get同款)"
    r"(了|一下|一个|啦|咯|同款)?" + _NOTE_END + r"|^(\ue001 ?)+.{0,6}(冲|约|一起|走起|快来|安排|看看|看这)|"
    r"^(\ue001 ?)+.{0,8}(是不是这家|就是这家|你说的那家)",
    r"^(\ue001 ?)*(tagging|tag|tagged) (my|your|our|a|the)( \w+){1,3}" + _NOTE_END + "|"
    r"^(\ue001 ?)+(look|look at this|check this out|this is (you|us)|(you|we) need (this|these)|omg)"
    + _NOTE_END,
)
CHECKIN = (
    "打卡|签到|到此一游",
    r"^check(ed|ing)? in\b|\bchecked in at\b|\bcheck-in at\b|\bi" + _Q + r"?m at\b",
)
INSULT = (
    _alt(
        r"傻逼|煞笔|沙比|\bsb\b|傻x|傻叉|傻b|脑残|智障|弱智|白痴|蠢货|狗东西|狗日|畜生|人渣|废物|混蛋|王八蛋|去死|滚蛋|"
        r"^滚|滚吧|滚出|脑子进水|脑子有(病|坑)|穷逼|泼妇|贱人|你大爷|狗屎|脑子是个好东西|[，,。]\s*滚[。!！]*$|(跟|像)猪一样|丢人现眼|脑子(是不是)?有问题|猪脑子|(你|你们)?是猪吗|不(吃|买|用|要|爱|服)?滚([，,。.!！~～]|$)|神经病(吧|啊)|(你|你们)(是|这)?(个)?神经病|你妈的|你妈逼|他妈的|妈的|tmd|nmsl|cnm|草泥马|操你|骗子|强盗|吸血鬼|黑心商家|奸商|贱",
    ),
    _alt(
        r"\b(f+u+c+k\w*|f\*+k\w*|f\*{2,}|shit\w*|sh\*+t\w*|r\*+tard\w*|b\*+tch\w*|c\*+nt\w*|a\*+hole\w*|bullshit|screw you|go to hell|damn you|bastards?|idiots?|morons?|"
        r"imbeciles?|muppets|(a|total|such a) (creep|pervert)|piece of (trash|garbage|crap)|spineless|racist pigs?|greedy pigs?|you pigs|brain ?dead|moronic|(is|are|you"
        + _Q
        + r"?re|ur) (a|an|such a) (\w+ )?clown|(you|you're|you are|this|so) dense|stupid|dumb ?ass|asshole\w*|jerks?|clowns|losers?|scumbags?|scammers?|crooks|thieves|"
        r"liars?|frauds|pathetic excuse|, clown\b|dogsh(it|\*+t)|horsesh(it|\*+t)|suck(s|ed)?|dickheads?|bitch\w*|wankers?|pricks?|piss off|"
        # slurs and sexual insults (the Davidson set's "offensive" core): abusive whatever the column says
        r"n[i1]gg(a|ah|er|az|uh)s?|f[a@]gg?(ot)?s?|hoes?|pussy|pussies|coons?|kikes?|spics?|chinks?|wetbacks?|"
        r"retard(s|ed)?|dykes?|trann(y|ies)|cunts?|whores?|sluts?|twats?|porch monkeys?|towel ?heads?|beaners?|"
        r"thots?|skanks?|niccas?|nigs?|niglets?|honk(y|ies)|w(h)?iggers?|wiggas?|white trash|teabaggers?|hookers?)\b|"
        r"\bf\*{2,} ?(you|off|u|this|that)\b",
    ),
)
INSULT += (
    (
        "fu",
        "f*",
        "*",
        "shit",
        "screw you",
        "go to hell",
        "damn you",
        "bastard",
        "idiot",
        "moron",
        "imbecile",
        "muppets",
        "creep",
        "piece of",
        "spineless",
        "pervert",
        "pig",
        "brain",
        "moronic",
        "clown",
        "dense",
        "stupid",
        "dumb",
        "asshole",
        "jerk",
        "clowns",
        "loser",
        "scumbag",
        "scammer",
        "crooks",
        "thieves",
        "liar",
        "frauds",
        "pathetic excuse",
        "suck",
        "dickhead",
        "bitch",
        "wanker",
        "prick",
        "piss off",
        "nigg",
        "n1gg",
        "fag",
        "f@g",
        "hoe",
        "puss",
        "coon",
        "kike",
        "spic",
        "chink",
        "wetback",
        "retard",
        "dyke",
        "trann",
        "cunt",
        "whore",
        "slut",
        "twat",
        "porch monkey",
        "towel",
        "beaner",
        "thot",
        "skank",
        "nicca",
        "nig",
        "honk",
        "wigg",
        "whigg",
        "white trash",
        "teabag",
        "hooker",
    ),
)
# set phrases with an insult word that are no insult ("shut up and take my money"), and profanity that praises
# ("holy shit this lemon drizzle is fucking amazing")
# (literal strings, no word boundaries: one Aho-Corasick pass, no regex of its own; see FEW_LITERALS)
NOT_INSULT = r"shut up and take my money|holy shit|(fucking|freaking) (amazing|awesome|good|great|delicious|brilliant|perfect|love)"
# threats and hostility, scanned only where no insult word was found (most abusive texts have one)
THREAT = (
    _alt(
        # threats: to burn or smash the shop, to hurt someone, "I know where you live"
        # (as a few regex alternatives, not optional words: expanded to ~500 literals they slowed the scan by half)
        r"(烧|砸|拆).{0,1}你.{0,3}(店|铺|公司|车|摊)|你.{0,3}(店|公司).{0,2}砸|一把火烧|"
        r"(弄|整|杀|宰|砍|打|捅)死你|杀了你|宰了你|让你.{0,4}(开不下去|关门|倒闭|好看)|等着瞧|走着瞧|"
        r"知道(你|你们).{0,4}住(哪|在)|住哪我知道|找人(弄|收拾|教训|打|整)你|"
        r"别怪我没提醒|别让我.{0,8}(碰到|碰见|看到|遇到|撞见)|泼(油漆|粪|硫酸)|别以为我不敢|见一次打一次|揍你|你等着|"
        r"我知道你们.{0,6}在哪",
    ),
    _alt(
        # hostility and threats
        r"\b("
        r"shut up|shut the \w+ up|burns? down|hope you (die|rot|burn|go bankrupt)|(go|please|pls|just) die|"
        r"die in a fire|kys|kill (you|yourself)|"
        r"(should|deserve to|ought to) (all )?(be shot|be killed|be hanged|burn in hell|rot in hell)|"
        r"(you|you all|you people|u) (should|deserve to|ought to) (all )?die|"
        r"(know|find|find out|found out) where (you|your \w+|he|she|they) (lives?|works?|sleeps?)|watch your back|"
        r"make (you|them|him|her|the owner) pay for (this|that|it)|you ?(will|'ll|’ll) regret (this|it)|make you regret|"
        r"you ?(will|'ll|’ll|are going to|re going to|re gonna) pay for (this|it)|"
        r"(hunt|track) you down|(blow|shoot) up (your|the|that) \w+|burn (your|the|this|that) \w+ down|"
        r"smash (every|all|your|the) (\w+ )?(windows?|shop|store|car|face|head|place)|smash every one of your|"
        r"hope (your|you and your) (\w+ )?(family|kids|children|mom|mother|wife|husband) (gets?|dies?|catch(es)?)|"
        r"(you|thieving|lying|greedy|absolute|utter) scum|you (\w+ )?clown|"
        r"break (your|his|her|their|the \w+" + _Q + r"?s) (legs?|arms?|neck|face|jaw)|"
        r"(fat|ugly|stupid|dumb|lazy|old) (ugly |fat |old )?(cow|pig|slob|hag)|"
        r"go back (to )?(where you came from|your (own )?country)|(people of|nobody wants) your kind)\b|"
        r"make you pay[.!? ]*$|(^|[.!?,] )get lost\b|\b(won" + _Q + r"?t|will not) like what happens\b|"
        r"\b(and see what happens|i know where your \w+ (is|are)|(be )?waiting (for you )?outside when)\b",
    ),
)
THREAT += (
    (
        "shut",
        "burn",
        "hope you",
        "die",
        "kys",
        "kill",
        "be shot",
        "be killed",
        "be hanged",
        "in hell",
        "where ",
        "your back",
        "pay for",
        "you down",
        "burn ",
        "smash",
        "hope your",
        "hope you and",
        " scum",
        "clown",
        "should die",
        "deserve to die",
        "ought to die",
        "make you pay",
        "break ",
        " cow",
        " pig",
        " slob",
        " hag",
        "get lost",
        "go back",
        "your kind",
        "make them pay",
        "make him pay",
        "make her pay",
        "make the owner pay",
        "regret",
        "blow up",
        "shoot up",
        "like what happens",
        "see what happens",
        "where your",
        "waiting",
    ),
)

# ----------------------------------------------------------------------------------------------- replies
APOLOGY = _alt(
    r"抱歉|对不起|不好意思|歉意|致歉|道歉|见谅|海涵|敬请谅解|请(您)?谅解|给您添(了)?麻烦|让您久等|深感遗憾|非常遗憾|我们的(失误|错|疏忽|问题)|是我们(做得不好|的错|没做好)",
    r"\b(sorry|apolog\w*|regret (the|any|this|that)|we regret|my bad|our bad|our mistake|our fault|"
    r"that" + _Q + r"?s on us|pardon the|forgive us|we messed up|we dropped the ball|we fell short|"
    r"not the experience we)\b",
)
APOLOGY_NEG = _alt(
    r"不(会|需要|必)(道歉|致歉)|没(什么|有什么|啥)(好)?(道歉|抱歉)|(道歉|抱歉)(是)?不可能|凭什么(道歉|抱歉)|"
    r"不是我们的(失误|错|疏忽|问题|责任)",
    r"\bbecause it"
    + _Q
    + r"?s (totally |all |clearly )?our fault\b|\b(not sorry|no apolog\w*|won"
    + _Q
    + r"?t apologi[sz]e|nothing to apologi[sz]e|sorry,? (not sorry|but (you|that|this is your|it"
    + _Q
    + r"?s your))|never apologi[sz]e|not going to apologi[sz]e|(not|no|never|isn"
    + _Q
    + r"?t|wasn"
    + _Q
    + r"?t) (our|my) (fault|mistake|bad|problem)|no fault of (ours|mine)|sorry (that )?you feel|sorry if you feel|"
    r"not responsible for)\b",
)
FIX = _alt(
    r"已(经)?(为您|帮您|给您)?(安排|处理|补发|退款|退回|重新|加急|催促|反馈|提交|登记|查到|核实|升级|修复|更换|换货|发出|寄出|申请|联系|报修|解决)",
    r"(马上|立即|立刻|尽快|第一时间|今天|明天|稍后|随后).{0,6}(为您|帮您|给您)?(处理|安排|发出|发货|补发|寄出|退款|解决|核实|跟进|联系|修复|送达|回电|上门)",
    r"(会|将|正在|帮您|为您)(为您|帮您|给您)?(处理|跟进|安排|补发|退款|退还|解决|核实|查询|查一下|查看|修复|更换|赔偿|补偿|升级|加急)",
    r"已.{0,10}(修复|修好|发出|寄出|取消|到账|更换|补发|解决|处理好|退还|发货|改好|关闭|停职|开通|恢复|发到|发送至|预约|上传)",
    r"加急|补发|重新(发|寄|送|安排)|全额退|退款(已|会|将)|费用由我们|运费由我们|由我们承担|我们承担|给您(补|退|换|赔)|帮您(查|看|处理|解决|安排|跟进)|"
    r"我们(来|会|能)(处理|解决|帮)|可以帮您|能帮您|帮到您|原路(退回|返回)|免单|已(经)?新招|已(被)?(批评教育|严肃处理|处罚)|加强(培训|管理|监督)|"
    r"已(经)?(和|与|跟).{0,8}沟通|增加了人手|批评教育|扣除.{0,6}绩效|赔付|免费(更换|换|维修|修|补)|为表歉意|发放补偿|"
    r"(给|为)您多加|已(经)?(帮|为)您(把|将)?.{0,12}(修改|改为|改成|调整|更新)|已(经)?(跟|和|与|向).{0,6}强调|已介入|冻结|"
    r"(已经)?在(天天)?催|送您(一|个)|(并|进行|给予)赔偿|赔偿您|已(经)?换了|增加.{0,3}(店员|人手|员工|师傅)|换新|补偿了|已(经)?(为您|帮您|给您)办理|整改|可申请.{0,8}补偿|当面沟通|(^|[^得])已(经)?(为您|帮您|给您)?.{0,8}(调高|调低|设置|屏蔽|加装|下架|优化)|安排(免费|专人|师傅|退|补|重)|退还(费用|差价|您)|(在|正在)(努力|加紧|抓紧|全力)?(补货|排查|抢修|评估)|(第一时间|会|将).{0,4}通知(您|你)|(去|来)?核查一下|补做|重做|按规定赔偿|反馈给.{0,8}处理|已经更新|免除|已通知|已到场|已更正|会给您打电话",
    r"\b(we("
    + _Q
    + r"?ll| will| are going to| can| could| would be happy to|"
    + _Q
    + r"?d be happy to|"
    + _Q
    + r"?re happy to| are happy to)( definitely| certainly| gladly| now| right away)? (help|fix|sort|resolve|look into|"
    r"check|refund|replace|reship|resend|send|ship|escalate|investigate|arrange|get (this|that|it|you)|make (this|it) right|"
    r"drop|top up|throw in|"
    r"credit|cover|waive|expedite|follow up|take care|reimburse|compensate))\w*",
    r"\b(i("
    + _Q
    + r"?ll| will| can| could)( definitely| gladly| now)? (help|fix|sort|look into|check|refund|replace|"
    r"send|escalate|arrange|get (this|that|it|you)|take care|follow up|reimburse|expedite))\w*",
    r"\b((we|i)("
    + _Q
    + r"?ve| have) (now |just |already )?(escalated|processed|issued|refunded|arranged|credited|fixed|"
    r"resolved|reshipped|resent|replaced|raised|passed|logged|booked|scheduled|reset|cancelled|canceled|sent|"
    r"reversed|upgraded|applied|located|found|emailed you|approved)|happy to help|glad to help|let us help|let me help|"
    r"(will|"
    + _Q
    + r"ll) (review (the|your|this)|contact you|get back to you)|^refund (processed|issued|approved)|(refund|exchange|return|claim) (has been |is |was )?(processed|approved)|"
    r"(has|have) (now |just |already )?been (shipped|dispatched|refunded|replaced|reshipped|resent|credited|upgraded|"
    r"restored|reactivated|officially replaced|"
    r"re-?uploaded|uploaded|updated|repaired|processed|reversed|fixed)|on the house|(is|are) on (its|their|the) way|was (dispatched|shipped|sent out|refunded|repaired|processed)|"
    r"(shipped|dispatched|went out) (today|this morning|yesterday)|(get|send) someone (out|over|round)|"
    r"(is|are) (now )?ready for (pickup|pick-up|collection)|(is|are) fixed now|review a|"
    r"(we|we" + _Q + r"?ve|we have) (now )?(switched|changed|moved) to|"
    r"you" + _Q + r"?(ve| have) been (refunded|credited)|"
    r"help (you )?(with|get|sort)|(refund|replacement|credit|engineer|technician|new one|courier)( has| is| will| was)"
    r" (been )?(issued|on (its|the) way|processed|arranged|booked|sent|dispatched|scheduled)|looking into (this|it)|"
    r"on it\b|will be (fixed|resolved|refunded|replaced|reshipped|credited|dispatched|sent)|at no (extra )?cost|"
    r"free of charge|we" + _Q + r"?re on it|working on (a fix|it|this)|see what we can do|"
    r"(we" + _Q + r"?d|we would) (love|like) to (make (it|this|things) right|help|fix|sort|look into)|"
    r"(will|"
    + _Q
    + r"ll) (assist|help) you|(expect|expects|expecting|expected) (service|power|it|access|the \w+) back|"
    r"so (that )?(we|our team) can (reproduce|investigate|look into|fix|check|sort|help)|"
    r"would like to (speak|talk) (with|to) you|"
    r"(team|engineers?|developers?|support|we) (has|have) (now |just |already )?(fixed|resolved|refunded|replaced|"
    r"reshipped|resent|processed|credited|reversed|patched)|(we|we"
    + _Q
    + r"?re|we are|i"
    + _Q
    + r"?m|i am) (now )?"
    r"(resending|reshipping|refunding|replacing|fixing|processing your refund|issuing a|sending (you )?a (new|replacement)))",
)
FIX_NEG = _alt(
    r"(无法|不能|没法|不会|不予|不可以|不可能|没有办法)(为您)?(处理|退|换|补|赔|解决|帮)|不退不换|爱莫能助|帮不了|自动回复|"
    # a bare acknowledgement promises nothing ("已记录。", "收到～")
    r"^(已记录|已收到|收到|记录了|好的|知道了|了解|明白)[。.!！~～\s]*$",
    r"\b(can"
    + _Q
    + r"?t help|cannot help|unable to (help|refund|replace)|nothing (we|i) can do|won"
    + _Q
    + r"?t (refund|replace|fix|be refunded)|no refunds?|not (able|eligible)|can"
    + _Q
    + r"?t (refund|replace|fix|do))\b",
    r"\b((unable to|can"
    + _Q
    + r"?t|cannot|not able to) (offer|provide|process|accept|issue|give|return|exchange)|automated response|"
    r"this is an automated|outside (the |our )?warranty|not covered|(doesn|does not|won)"
    + _Q
    + r"?t cover|(can"
    + _Q
    + r"?t|cannot|can not) be "
    r"(returned|refunded|exchanged|cancell?ed)|final sale|non-?refundable|not refundable|no returns|"
    r"(fully|completely) booked|won"
    + _Q
    + r"?t be (offering|giving|issuing|providing)|everything (we|i) could|"
    r"(we|i) (don"
    + _Q
    + r"?t|do not) (offer|provide|have|do)|no compensation|reported to the (authorities|police)|"
    r"^reported\.?$|\. reported\.?$|(not going to|won" + _Q + r"?t) respond|"
    r"(don"
    + _Q
    + r"?t|do not) (accept|offer|take) (returns|refunds|exchanges)|automated message|auto-?reply)\b",
)
CHANNEL = _alt(
    r"私信|私聊|私讯|后台|客服电话|热线|电话|来电|致电|邮箱|邮件|微信|站内信|在线客服|人工客服|客服.{0,4}(联系|沟通)|留言给我们|拨打|"
    r"qq|whatsapp|wechat",
    r"\b(dms?|direct messages?|private messages?|pm|inbox|e-?mail|phone|call us|call our|give us a (call|ring)|ring us|"
    r"hotline|helpline|live ?chat|chat (with us|team)|whatsapp|messenger|telegram|text us|support team at|"
    r"customer (care|service) (team|line|number)|contact (form|number|page)|support (form|page|line|number)|"
    r"call you|calling you|message us|text you|contact (our |the )?customer (service|support|care)|online form)\b",
    "(?:^|[^a-z0-9])0{3,}[ -]?0{3,}|" + EMAIL_TOKEN,
)
INVITE = _alt(
    r"请|麻烦|欢迎|可以|联系|发送|发给|提供|告知|拨打|添加|加一下|沟通|详谈|详细说明|留下|留一下|方便",
    r"\b(please|pls|plz|kindly|send|message|drop|reach|contact|call|calling|text|give|ring|email|e-mail|dm|pm|follow|"
    r"shoot|pop|"
    r"slide|get in touch|chat|talk|speak|via|through|on|at|feel free|let"
    + _Q
    + r"?s|can you|could you|would you)\b",
)
CHANNEL_NEG = _alt(
    r"(不用|无需|不必|别|不要)(再)?(私信|打电话|发邮件|联系)|自动回复",
    r"\b(no need to|don"
    + _Q
    + r"?t|do not|stop) (dm|email|e-mail|call|message|contact|pm)\b|we don"
    + _Q
    + r"?t (offer|have) (phone|email|live ?chat)\b",
)
# "we received your message": an acknowledgement, an offer only with an explicit invitation besides it
RECEIVED = _alt(
    r"收到(了)?(您|你)?的?(私信|邮件|留言|消息|来电)",
    r"\b(received|got|seen|read|have) your (message|email|e-mail|dm|note|mail|call|pm)\b|"
    r"\b(label|tracking|receipt|confirmation|invoice|code|link)\b.{0,30}\b(to|by|via|in) (your )?(e-?mail|inbox)\b|"
    r"\b(sent|emailed|texted) (you )?(a|the|your) (link|code|confirmation|receipt|invoice|tracking \w+|new password)"
    r"( \w+)? to your( registered| account| \w+)? (email|e-mail|phone|inbox|number)\b|"
    r"\b((has been|have been|was|were|been) (sent|emailed) to (you|your)|(emailed|texted) you (a|the|your)|"
    r"tracking( number| no\.?| #| code| id)?:? ?[a-z]*0{4,})|"
    r"(已)?(发送|发)(至|到)(您|你)的?(预留|注册|绑定)?的?(邮箱|手机)|(运|快递|物流)单号|单号 ?[a-z]*0{4,}|留意(电话|短信)|"
    r"注意接听",
)
STRONG_INVITE = _alt(
    r"请|麻烦|欢迎|拨打|联系我们|私信我们|私信给我们|发给我们|告诉我们",
    r"\b(please|kindly|feel free|(dm|message|email|e-mail|call|contact|ring|text|pm|write to|reach out to|"
    r"get in touch with|chat with|talk to|speak to|send|drop|pop|shoot|slide into) (us|our))\b",
)
ARGUE = _alt(
    r"根本不是事实|不是事实|不符合事实|与事实不符|胡说|造谣|污蔑|诽谤|恶意(差评|中伤|投诉)|无理取闹|胡搅蛮缠|碰瓷|讹",
    r"就你(有|一个人|事多|问题)|就你.{0,4}(有问题|事多|毛病)|别人都(没|不|用得好|好好)|其他(人|客户|顾客)都(没|不)|"
    r"是你(自己)?(的问题|的错|的责任|不会|没|操作)|你自己(的问题|的错|不会|没|操作)|怪你|你(的)?操作不当|"
    r"你(没|不)(看|会|懂)|请你(看清楚|搞清楚|自己)|自己看|爱买不买|不买(就)?拉倒|不爱买别买|嫌贵(就)?别|"
    r"(我们|本店)(没有|没)(错|问题)|不是我们的(问题|错|责任)|与我们无关|跟我们(没|无)关|关我们什么事|你(爱|要)信不信|"
    r"你懂什么|你行你上|别在这|少在这|有本事|你(怎么|咋)不|呵呵|笑死|(下次|以后)(就)?别(买|来|再来)|"
    r"别的(顾客|客户|客人|人)都(说|觉得|没|不)|这(个)?价(格|钱)?还想|一分钱一分货|挑刺|鸡蛋里挑骨头|矫情|"
    r"看清楚.{0,12}(再|后)(下单|购买|买)|先看清楚|请您?看清楚|先(看看|问问|问清楚|搞清楚|弄清楚|了解(一下)?).{0,12}(再|呗)|再来(发帖|评论|投诉)|"
    r"专家真多|不要造谣|请勿造谣|特意.{0,4}(给我们)?差评|哪有那么(夸张|严重)|就.{0,8}而已吧|嫌贵(就|可以)?(别|不)来|"
    r"找茬|你这种人|恶意差评|(个人)?体质(问题|原因)|属于个人|个人原因|是不是(家人|您自己|你自己|别人|您家人)|您是不是|你是不是|"
    r"说了多少遍|(怎么|自己)不看清楚|不看清楚|自己不看|明明是(您|你)|解释过(很多|好多|无数|多少)(遍|次)|(您|你)自己承担|"
    r"不归我们管|(您|你)找快递|随便给|我们无所谓|闹也没用|早就(跟|和)(您|你)说过|(您|你)不听|就不会这样了|还想要什么|"
    r"跟我们有什么关系|不懂就不要乱说|没有承诺过|不兼容|开心就好|来怪我们|写得很清楚|就(您|你)有问题|(您|你)自己没看清|仔细找找|还好意思|清清楚楚|是(您|你)家.{0,8}(导致|造成|的问题)|(您|你)?自行(更换|解决|处理|承担)|"
    r"(跟|与|和)本店(无关|没关系)|请?找平台|(您|你)确定.{0,6}(是|在|选|有)|还有(别的|其他)?事吗|解释过了|解释得更清楚|建议您下次|(检查|看看)(一下)?(您)?自己的|(查看|调)了监控|嫌贵(就|可以)?(别|不)(来|买)|(我们|这边)处理不了|请?(直接)?联系快递公司|爱来不来|穷就别|回家找找|再找找|理性发言|(您|你)想要五星|(您|你)(下单时)?选择的是|按备注操作|运气不太好|建议避开|看清楚好吗|是(您|你)(的)?(孩子)?先|文明发言|不再回复|自身操作|别急着|跟平台无关|请?自行联系|已经回复(您|你)|答案也不会变|监控显示|(您|你)迟到了|请仔细阅读|"
    r"(下单前|事先|之前)(已经|都)?(说明|写明|告知)|问问家人|问问邻居|看看快递柜|你这种客户|不伺候|爱去哪(就)?去哪|个人口味|不太可能|"
    r"不信(您|你)?(可以)?(去|自己)?(比|看|问|查)|说得好像|建议(您|你)先.{0,4}(阅读|看看|看一下|查看)",
    r"\b(your (own )?fault|you should have|you (clearly |obviously )?(didn"
    + _Q
    + r"?t|did not|failed to|can"
    + _Q
    + r"?t) (read|follow|check|understand|use)|user error|if you (hate|don"
    + _Q
    + r"?t like|dislike|can"
    + _Q
    + r"?t afford) (us|it|our)|stop (buying|using|shopping)|(go|shop|buy)( \w+)? (elsewhere|somewhere else)|take your business|"
    r"nobody else (has|had|is|seems|complain)|no one else (has|had|is|seems|complain)|everyone else (is|seems|manages)|"
    r"that"
    + _Q
    + r"?s (not true|false|a lie|simply untrue|nonsense|(simply|just|absolutely|totally) not true)|you"
    + _Q
    + r"?re (wrong|lying|mistaken|the only one|being ridiculous|overreacting)|(it|that)"
    + _Q
    + r"?s on you|not our (fault|problem|responsibility)|read the (terms|manual|fine print|instructions)|"
    r"learn (how )?to|good luck with that|cool story|deal with it|get over it|whatever you say|nice try|"
    r"stop (complaining|whining)|quit (complaining|whining)|calm down|not our job|blame (yourself|your)|"
    r"(clearly|plainly|explicitly) (stated|written|shown|explained|marked|listed)|(maybe|perhaps|next time,?) "
    r"(check|read|look)( \w+)?( (more )?(carefully|properly|first|next time|before))?|(as|it is|it"
    + _Q
    + r"?s) (clearly|already) "
    r"(stated|written|explained) (on|in)|if you had (read|checked|looked)|before (accusing|blaming) us|accusing us|"
    r"you never (came|visited|ordered|contacted|called|emailed|bought|paid|showed|ate|stayed)|review is fake|"
    r"(check|ask|checking) with your neighbou?rs|for the record|stop tagging|customers like you are|people like you|"
    r"(responded|replied|answered)( to your \w+)? (0|two|three|four|several|multiple|many) times|"
    r"(maybe|perhaps) try (reading|checking|looking)|before (posting|complaining)|enjoy \w+ then|"
    r"oh sure,? because|nobody cares|if you" + _Q + r"?d (shown up|arrived|come|read|checked)|"
    r"enjoy (your|the) .{0,24} then|is too much for you|fake review|you("
    + _Q
    + r"?ve| have)? never (been|set foot) "
    r"(to|in|at)|are you sure|(posting|spreading|telling) lies|liars?|oh great,? another|another expert|"
    r"(you" + _Q + r"?re|you are) the expert|funny how you|and you know it|just a thought|"
    r"(told|said|explained)( this to)? you (\w+ )?(times|already)|as we (already|have already) (said|explained)|"
    r"always our fault|thanks for the lecture|your review is (wrong|false)|"
    r"what (did )?you expect(ed)? for (that|the|this) price|blaming us|you did agree|"
    r"(must|has to) be (your|on your) (device|phone|end|side)|on your end|your (own )?problem|read the policy|"
    r"sorry (that )?you feel|sorry if you feel|stop spamming|already answered|did you (even )?read|"
    r"as (we|i) (already |have already )?(explained|said|mentioned|told you)|(stated|written|shown|marked) clearly|"
    r"with respect,|didn" + _Q + r"?t read (it|the)|so entitled|maybe try not|acted professionally|"
    r"have you tried turning it|thanks for the (0|one)-star|shows? otherwise|stop posting|what a creative|"
    r"if you think .{0,30}too (much|expensive)|welcome to (bring|go|shop) (your own|elsewhere)|^lol,? ok[.!]*$|"
    r"\. relax[.!]*$|(somewhere|elsewhere) else then|interesting how|funny,? you were|caused by (the wrong|your)|"
    r"not responsible for|^lol,? no[.!]*$|this conversation is over|driver error|"
    r"ok,? karen|as (mentioned|stated|explained|said) (twice|before|already|previously|multiple times|several times)|"
    r"(don"
    + _Q
    + r"?t|do not|doesn"
    + _Q
    + r"?t|does not) deserve (this|that|your)|want a (medal|cookie|prize|trophy))\b|"
    r"[.!?] classy[.!]*$",
)
# "it's not your fault": reassurance, not blame
NOT_ARGUE = (r"不是您的(问题|错|责任)|不怪您", r"\b(not your fault|no fault of yours|nothing you did)\b")

# ----------------------------------------------------------------------------------------------- posts
# the own company, its people and its work (one pattern over every post: an ASCII word in the Chinese part needs its
# own boundaries, or "hr" matches "three" and "through"; layoffs alone, 裁员 or "layoffs", are often elsewhere)
OWN_COMPANY = _alt(
    r"我们公司|我司|本公司|我们老板|老板|领导|公司(新规|规定|制度)|离职|在这家.{0,6}(干|做|上班|工作)|我们.{0,2}(店|厂|馆)|我们(店|门店|单位|部门|厂|工厂|产品|家的)|上班|单位|公司(的|里)|在.{1,12}(上班|工作|打工)|"
    r"我(所在|待)的公司|我的(公司|工作|老板|东家|雇主)|主管|上司|试用期|(我的|我们的)?(工资|薪水)|这(破)?公司|店长|辞职|"
    r"产品经理|技术部|财务|同事们|内部消息|加班|开会|顾客|客人|客户|我们店|公司|年会|绩效|涨薪|团建|店里|全店|(^|[^a-z])hr($|[^a-z])|大小周|市场部|我们组|年终奖|单休|加班|开会|ppt|营业厅|员工|我们家|评论区|销售|我们老师|游客|我们(餐厅|饭店|酒店|门店|品牌|后厨)",
    r"\b(work(ing)? (at|for)|i work|my (employer|company|boss|manager|job|workplace|firm)"
    + _Q
    + r"?s?|our (company|boss|management|managers|product|products|store|shop|bosses|ceo|hq)|at work|"
    r"the company i|where i work|we (sell|make|ship|build)|my employer" + _Q + r"?s|work(ing)? here|"
    r"what we (ship|sell|make|build)|our (\w+ )?(plans?|app|service|software|range|brand|warehouse|office|culture)|"
    r"this place|until i quit|my (store|shop|restaurant|branch|location|shift)|management here|this company|"
    r"(our|the) (owner|management|manager)|paycheck|overtime|(at|from) my work|we sent out|applying|with us|"
    r"^management|our hours|our kitchen|eat here|leadership|execs?|hr portal|serverlife|retaillife|"
    r"ordering from us|performance bonus|our own|this branch|customers (who|at)|the school|"
    r"whoever decided our|0+-hour shifts?|double shift|my company|customers?|clients?|pay ?day|applying here|"
    r"to the (woman|man|guy|lady|customer) who|(some|this) (guy|woman|lady) (just|today)|my life here|our (\w+ )?team|"
    r"our ceo|facilities|works there|ours|i love retail|whoever decided|head office|corporate|years here|for a living|"
    r"our pricing|the whole team|our break|the depot|they (just )?hired|the boss|sales (promised|team)|"
    r"our (tutors|teachers|staff|drivers|nurses|workers))\b",
)
POST_NEG = _alt(
    r"垃圾|坑(人|爹|客户)|骗(人|钱|子|客户)|烂|恶心|黑心|压榨|剥削|别买|千万(不要|别)|太差|很差|失望|无良|割韭菜|辣鸡|后悔|"
    r"笑话|奇葩|傻逼|去死|滚|无耻|不靠谱|智商税|质量差|偷工减料|克扣|拖欠|加班不给|画大饼|倒闭|"
    r"抠门|小气|(不|没)(发|给)(工资|奖金|年终奖|加班费)|欠薪|拖工资|不把员工当人|别来(我们|这|这家|我司|本公司)|劝(大家|你们|各位)?别|随便裁人|"
    r"天天骂|骂人|工资.{0,8}(没发|不发|拖)|拖了.{0,6}工资|所谓的大厂|没救了|倒计时辞职|想辞职|讨厌这里|离谱|"
    r"不加(工资|薪)|加班.{0,4}(没|不给)|不值得|工资.{0,6}(没涨|不涨)|暴利|别被.{0,8}骗|坑太多|劝.{0,8}别(办|买|来|用|订)|"
    r"不许请假|服了|栓q|原地去世|麻了|裁员|自求多福|预制菜|背锅|崩了|又改需求|脑残|爱吃不吃|双叒叕|念ppt|破防|改需求|不涨薪|"
    r"共克时艰|懂的都懂|拉黑|看不懂|自己都不(用|买|吃)|(你们)?自己看吧|真的会谢|我真的会谢|你个头|擦亮眼睛|大小周|自己都不想(吃|用|买)|一天比一天(咸|差|贵|少)|看不下去|疯狂卖卡|"
    r"一言难尽|蚌埠住了|良心不安|泼妇|所谓的|爆料|谁定的|越干越穷|大环境不好|多吃苦|提了(辆)?新车|听不懂人话|开会.{0,8}开会|"
    r"第0+版|单休|不如一年|越来越(薄|贵|差|少)|都不好意思|这叫自愿|扣绩效|还是那么点|奋斗精神|键盘侠|弄死你|又涨了|白干|不算工资|说取消就取消|爱了爱了|蠢得|脑子呢|劝各位|看两遍|不是我的活|"
    r"忘记.{0,3}算|加班费|福报|算了不说了|自己都不敢(用|吃|买|喝)|做得(一般|不行|很差|太差)",
    r"\b(is a joke|a joke|rip(s|ped|ping)? off|ripoff|scam\w*|terrible|awful|worst|garbage|trash|junk|crap\w*|"
    r"toxic|overpriced|don" + _Q + r"?t buy|do not buy|avoid|lies|lying|liars|cheat\w*|hate|hates|useless|"
    r"pathetic|disgrace\w*|shameful|embarrassing|rubbish|clowns|incompetent|greedy|exploit\w*|underpaid|"
    r"falls apart|fell apart|breaks|broke|unsafe|dangerous|shoddy|cheap junk|sucks?|stingy|cheapskates?|"
    r"unpaid overtime|(no|withheld|withholding|cut|cuts|cutting) (our |my )?(bonus|bonuses|pay|wages|overtime)|"
    r"wouldn" + _Q + r"?t recommend|would not recommend|don" + _Q + r"?t (bother|work here)|nobody listens|"
    r"no one listens|took credit|takes credit|embarrassed by|nonexistent|non-existent|with a new (logo|name|label)|"
    r"wouldn"
    + _Q
    + r"?t buy|would not buy|don"
    + _Q
    + r"?t (eat|order|drink)|counting (down )?the days|until i quit|"
    r"hate this place|hate (my|this) job|forgot.? to pay|(didn"
    + _Q
    + r"?t|did not|never|won"
    + _Q
    + r"?t) pay (us|me)|"
    r"waiting on (last month" + _Q + r"?s|my) (pay|paycheck|wages|salary)|zero clue|no clue what|cut staff|"
    r"understaffed|overworked|(never|not once) (been )?paid on time|paid late|ashamed of|cut (our|my) hours|"
    r"don" + _Q + r"?t (book|shop|come)|wouldn" + _Q + r"?t (eat|book|shop|come)|frankly scary|"
    r"(thinking of|thinking about) applying,? don"
    + _Q
    + r"?t|don"
    + _Q
    + r"?t apply|doesn"
    + _Q
    + r"?t care|"
    r"knows it|buzzword|glorified|a disaster|so bad|who approved|laying off|layoffs|(zero|no) extra pay|"
    r"disgusting|going to scream|gross|going out wrong|company culture 🙃|cool cool|love this for me|make it make sense|"
    r"no such thing as|a mess|won" + _Q + r"?t hire|yelling at me|(never|wouldn" + _Q + r"?t) pay for our|"
    r"dumbest|can" + _Q + r"?t afford|no break|love it here|read between the lines|nobody takes|"
    r"why are people like this|miserable|hag|guess who|cheapest|applying here|that"
    + _Q
    + r"?s the point|love how my company|love that for us|i love retail|very nice joke|laughed all the way|"
    r"for unrelated reasons|could" + _Q + r"?ve been an email|updating my cv|ruined|not going back to ours|"
    r"covers nothing|spelled .{1,20} wrong|closing the ticket|families usually|need to learn to read|zero raises|"
    r"loyalty pays|don"
    + _Q
    + r"?t tell corporate|don"
    + _Q
    + r"?t understand our|who decided|is that even legal|"
    r"cut our break|don"
    + _Q
    + r"?t need sleep|sick of|slobs|never once read|yell(ed|s)? at me|reported it|paid till|working till|unpaid|"
    r"aren"
    + _Q
    + r"?t paid|warning to anyone|apparently i"
    + _Q
    + r"?m the one|sure dave|the things i deal with|peak corporate|don"
    + _Q
    + r"?t tell (marketing|management|my boss|hr))\b|🤡",
)
# a shop's notice of opening hours, closures or maintenance (posts)
NOTICE = _alt(
    r"温馨提示|放假时间|营业时间|正常营业|恢复营业|暂停(营业|下单|服务)|系统升级|停业|敬请谅解|闭店|休息一天",
    r"\b(we("
    + _Q
    + r"?re| are| will be) closed|closed (on|for|this|next|today|tomorrow)|(regular|normal|usual|opening) hours|"
    r"hours resume|resume (normal|regular)|psa|heads up|scheduled maintenance|back to normal)\b",
)
# an announcement of a sale, a launch or an opening (posts)
PROMO = _alt(
    r"开业|预售|不见不散|全场.{0,3}折|下单(就)?送|限量|新品(上市|发布|首发)|上新|秒杀|直播间|抽奖|福利|优惠券|满减|开抢|敬请期待|"
    r"招聘|诚聘|招人|报名中|火热报名|招生|出炉|花絮|上线|回归|开售|限时|预购|免运|包邮|营业时间|恢复(正常)?营业|公告|维护|直播|"
    r"接单|上门服务|欢迎(预约|咨询|到店)|小课堂|小贴士|科普",
    r"\b(grand opening|now open|(we" + _Q + r"?re|now) hiring|launch(es|ing)? (today|tomorrow|this week|now)|"
    r"giveaway|pre-?orders?|(summer|winter|spring|fall|autumn|holiday|new) menu|drops? (today|tomorrow|friday|"
    r"this week)|\d+% off|use code|limited edition|new arrivals?|join us|psa|rolling out|now available|out now|"
    r"from all of us|going live|see you there|try it (this|today|now)|0+% of (this|all|our|today)|happy (pride|holidays|new year|mother"
    + _Q
    + r"?s day|father"
    + _Q
    + r"?s day|halloween|diwali|eid|lunar new year|thanksgiving))\b",
)
# pride and congratulation in a post, and the irony that cancels them (words only: 🎉 after a grievance is sarcasm)
PRIDE = (
    r"恭喜|骄傲|自豪|超额完成|里程碑|加鸡腿|周年",
    r"\b(proud|congrat\w*|milestone|record (month|year|quarter|day)|anniversary|shout ?out|respect to|"
    r"why i do (this|what i do)|best job in the world)\b",
)
IRONY = r"🙄|🙃|😒|🤡|呵呵|笑死|\b(lol|truly|sure|yeah right)\b"
# customers as the subject of an employee's post ("some customers really…", 今天遇到一个客户…)
CUSTOMERS = r"顾客|客人|客户|\b(customers?|clients?|guests?|people who)\b"
# a reference to the company itself, its management or its pay (a grievance even when customers are named)
OWN_STRONG = r"公司|老板|领导|我司|管理层|主管|经理|\b(management|manager|boss|leadership|my company|our company|ceo|hr)\b"
ABUSE_SURE = 0.95  # the abuse column alone counts on a reply or a post only from here on
# negative_about_company from the post columns: the about-own-company column counts from POST_ABOUT_EN / _ZH, and
# on an English post it needs post_negative above POST_EN_NEG_P or a sentiment score below POST_EN_NEG_SCORE (or a
# cue or a sure insult). Read off recall and false alarms on the posts of sweeps 16-20 and on the held-apart remarks
# about work in general (docs/models.md, "Employee posts").
POST_EN_NEG_P = 0.35
POST_ABOUT_EN = 0.7
POST_ABOUT_ZH = 0.5
POST_ABOUT_TINY_ZH = 0.7  # a Chinese post of at most TINY characters
POST_EN_NEG_SCORE = -0.3
# an English post with an own-company cue ("our office", "management", "customers") counts with the about column
# from POST_OWN_ABOUT_EN when post_negative and the sentiment both clearly read it negative (above POST_OWN_NEG_P,
# below POST_OWN_NEG_SCORE): grievances told without a cue word ("Our office 'upgrade' turned out to be removing half
# the desks…" read 0.60). Read off the posts of sweeps 6-23 (docs/models.md, "Employee posts", 27 Nov); in Chinese
# the same rule found as many false alarms as attacks
POST_OWN_ABOUT_EN = 0.35
POST_OWN_NEG_P = 0.55
POST_OWN_NEG_SCORE = -0.5
# a post that reports abuse the poster received (quoting it)
REPORTED_ABUSE = _alt(
    r"(骂|说)(我|我们)(是|为)|(骂|怼)(了)?(我|我们)|被.{0,6}(骂|怼)",
    r"\b(called (me|us|my \w+)|yelled at (me|us)|swore at (me|us)|screamed at (me|us)|described as|calling (us|our))\b|"
    r"骂的是(我|我们)|这样骂人|骂人解决不了",
)
# a post about a competitor, not one's own company ("CompetitorX's support is a joke, glad I don't work there")
OTHER_COMPANY = _alt(
    r"友商|竞品|竞争对手|同行|别家|隔壁(那)?家|对面(那)?家|某些(品牌|商家|快递|平台|公司|店)|某(东|宝|猫|团|多多)",
    r"\b(competitors?\w*|rivals?|glad i don" + _Q + r"?t work there|other brands?|"
    r"other (banks|airlines|companies|shops|stores|gyms|apps|providers|networks|carriers|restaurants|salons|cafes)|"
    r"some (banks|airlines|companies|brands|shops|stores|gyms|apps|providers|networks|carriers))\b",
)
POST_NOT_NEG = _alt(
    r"不(坑|骗|垃圾|差)|(从不|从没|从来不|从来没|没有|不会)(拖欠|克扣|欠薪|拖工资|压榨)|"
    r"\bnot (terrible|awful|bad|a scam|a joke)\b|\bno (scam|joke)\b"
)


def _fast(pattern: str) -> str:
    """ASCII word boundaries and word characters (the cue words are ASCII): Rust's lazy DFA cannot run Unicode
    word boundaries on non-ASCII text and falls back to a much slower engine."""
    return pattern.replace(r"\b", r"(?-u:\b)").replace(r"\w", "[a-z0-9_]")


def _top_alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (a single outer ``(?:…)`` is unwrapped first)."""
    if pattern.startswith("(?:") and pattern.endswith(")") and len(_top_alternatives(pattern[3:-1])) > 1:
        inner = pattern[3:-1]
        depth = 0
        ok = True
        for i, ch in enumerate(inner):  # the outer group must close only at the end
            if ch == "(" and (i == 0 or inner[i - 1] != "\\"):
                depth += 1
            elif ch == ")" and (i == 0 or inner[i - 1] != "\\"):
                depth -= 1
                if depth < 0:
                    ok = False
                    break
        if ok:
            pattern = inner
    out, depth, cls, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _expand(nodes, limit: int = 2000) -> list[str] | None:
    """The finite set of strings a parsed pattern matches (literals, groups, alternations, [abc], x?), or None."""
    outs = [""]
    for op, av in nodes:
        if op is _sc.LITERAL:
            opts = [chr(av)]
        elif op is _sc.SUBPATTERN:
            opts = _expand(av[-1], limit)
        elif op is _sc.BRANCH:
            opts = []
            for br in av[1]:
                e = _expand(br, limit)
                if e is None:
                    return None
                opts += e
        elif op is _sc.IN and all(o is _sc.LITERAL for o, _ in av):
            opts = [chr(a) for _, a in av]
        elif op is _sc.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            e = _expand(av[2], limit)
            opts = None if e is None else [""] + e
        else:
            return None
        if opts is None:
            return None
        outs = [a + b for a in outs for b in opts]
        if len(outs) > limit:
            return None
    return outs


@cache
def _compiled(pattern: str) -> tuple[tuple[str, ...], str | None]:
    """(literal strings for one Aho-Corasick pass, regex for the rest): Rust's regex engine slows down on big
    alternations of Chinese literals; ``str.contains_any`` does not."""
    lits: list[str] = []
    rest: list[str] = []
    for alt in _top_alternatives(pattern):
        try:
            e = _expand(list(_sre_parse(alt)))
        except Exception:  # noqa: BLE001 - anything unusual stays a regex
            e = None
        if e is None or "" in e:
            rest.append(alt)
        else:
            lits += e
    return tuple(dict.fromkeys(lits)), (_fast("(?:" + "|".join(rest) + ")") if rest else None)


@cache
def _lit_regex(pattern: str) -> str | None:
    """The group's literal alternatives as one escaped regex alternation. With the Polars in use a regex pass
    over a literal alternation (the engine's literal prefilter) is faster than ``str.contains_any`` (Aho-Corasick)
    on these batches, for 3 as for ~350 Chinese literals (0.6 vs 2.0 ms, 3.1 vs 5.1 ms per 5,000 texts), and
    matches exactly the same texts. The literals stay a pass of their own: folded into the regex for the rest,
    the ``.{0,n}`` parts make the whole alternation several times slower."""
    lits, _ = _compiled(pattern)
    return "|".join(re.escape(x) for x in lits) if lits else None


# Polars keeps compiled regexes in a cache of 32 patterns (Polars 2.1; a cycle through 34 distinct patterns
# misses every time). An inbound batch used 41 distinct regexes, so each batch of 10,000 texts compiled every one
# of them again (the largest, NEG_CUE's ~360 Chinese literals, ~1.3 ms; their lazy DFAs were rebuilt too). Groups
# of at most this many literals scan with ``str.contains_any`` (Aho-Corasick, built per call, cheap for a short
# list, same matches) instead, which leaves 21 distinct regexes for an inbound batch (24 after the sweep cues): all stay compiled.
# Mixed inbound batches of 10,000 texts: +11-18% messages per second, outputs byte-identical (docs/performance.md).
# (64 until the cues of sweeps 6-10 pushed the Chinese request and insult lists past it; at 96 an inbound batch
# needs 25 regexes, no slower in alternating runs of the cue layer, 48.0 / 51.1 vs 45.1 / 51.6 ms per 10,000)
FEW_LITERALS = 96


@cache
def _expr(pattern: str) -> pl.Expr:
    """One expression for the whole group (literal pass OR regex pass): each ``Series.str`` call costs a query of
    its own in Polars (~0.2 ms of Python and planning, more than many of the scans themselves)."""
    few = _compiled(pattern)[0]
    c = pl.col("t")
    hits = [c.str.contains_any(list(few))] if few and len(few) <= FEW_LITERALS else []
    hits += [c.str.contains(r) for r in regexes(pattern)]
    hit = hits[0]
    for h in hits[1:]:
        hit = hit | h
    return hit


def regexes(pattern: str) -> list[str]:
    """The regular expressions Polars compiles for one group part: the literal alternatives as one regex when there
    are more than FEW_LITERALS of them, and the rest (also read by the cache check in tests)."""
    few, rest = _compiled(pattern)
    out = [_lit_regex(pattern)] if len(few) > FEW_LITERALS else []
    return out + ([rest] if rest is not None else [])


def _contains(s: pl.Series, pattern: str) -> np.ndarray:
    return s.to_frame("t").select(_expr(pattern)).to_series().to_numpy().astype(bool, copy=False)


class _Scanner:
    """Pattern groups over one batch: a plain pattern scans every text; a (zh, en) pair scans each text with the
    part of its language (texts of other languages with both), which halves the work on mixed batches;
    ``rows`` limits a scan to the texts where its answer can change something."""

    def __init__(self, texts: list[str], lang: np.ndarray):
        self.s = pl.Series("t", texts, dtype=pl.String)
        self.n = len(texts)
        lang = np.asarray(lang, dtype=object)
        self.sel = (lang != "en", lang != "zh")  # rows for the zh part, rows for the en part
        self.zh_only = self.sel[0] & ~self.sel[1]  # texts detected as Chinese
        self.en_only = self.sel[1] & ~self.sel[0]  # texts detected as English

    def __call__(self, group, rows: np.ndarray | None = None) -> np.ndarray:
        if isinstance(group, str):
            parts = ((group, None),)
        else:
            parts = ((group[0], self.sel[0]), (group[1], self.sel[1]))
            if len(group) > 2:  # anchor words of the English part: one cheap literal pass picks the rows
                en = self.sel[1] if rows is None else self.sel[1] & rows
                k = int(np.count_nonzero(en))
                pre = np.zeros(self.n, dtype=bool)
                if k:
                    sub = self.s if k == self.n else self.s.filter(en)
                    pre[en] = sub.str.contains_any(list(group[2])).to_numpy().astype(bool, copy=False)
                parts = ((group[0], self.sel[0]), (group[1], pre))
        out = np.zeros(self.n, dtype=bool)
        for pattern, sel in parts:
            m = sel if rows is None else (rows if sel is None else sel & rows)
            if m is None:
                out |= _contains(self.s, pattern)
                continue
            k = int(np.count_nonzero(m))
            if k == self.n:
                out |= _contains(self.s, pattern)
            elif k:  # filter, not gather: a filtered String column shares the string data (~20x cheaper)
                out[m] |= _contains(self.s.filter(m), pattern)
        return out


BUSINESS_REF_EN = (
    r"\b(your|ur|this|the) (staff|app|service|store|shop|ceo|company|product|products|support|team|front desk|"
    r"manager|management|devs|developers|customer service|employees|website|site|agents?|driver|restaurant|hotel|"
    r"airline|bank|cashier|waiter|waitress|receptionist|owner|business|brand)\b|\b(you guys|you lot|you people|"
    r"you and your|you hired|whoever (approved|decided|designed|thought))\b"
)
SHORT = 60  # characters: the overrides below are for short social messages, not long reviews
# characters: an English message this long without a question or request form is not a help request
STORY_MIN = 100
# characters: a note this short with no negative cue gives the n-gram heads little to go on (Chinese; English,
# for the sentiment column)
TINY = 12
TINY_EN = 20
ZH_NOTE_MAX = 30  # characters: a Chinese question, note or praise to a shop; longer texts are reviews
CALM_Q_EN_MAX = 140  # characters: a calm English question the abuse column alone does not make abusive
# characters: English praise with no negation, contrast or irony marker counts up to a long message
PRAISE_EN_MAX = 200
ASKS_ZH = r"^(\ue001 ?)*(您好|你好|亲)?[，,!！\s]*(请问|问一下|问下|想问|咨询|请教|想咨询|想了解|想请问|麻烦问|打扰一下)"
FEW_WORDS = 2  # words (English and other Latin text)
FEW_CHARS_ZH = 3  # characters (Chinese)


_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _not_abusive(out: dict[str, np.ndarray], rows: np.ndarray) -> None:
    """Clear ``abusive`` on ``rows`` and cap their ``abusive_score`` at 0.4 (the level every "not abuse after all"
    rule of the cue layer uses)."""
    out["abusive"] = out["abusive"] & ~rows
    out["abusive_score"][rows] = np.minimum(out["abusive_score"][rows], 0.4)


def _few_words(texts: list[str], rows: np.ndarray, scan: _Scanner) -> np.ndarray:
    """Rows (of ``rows``) whose whole message is one or two words ("ok", "hmm", "bruh") or, in Chinese, at most
    three characters (哦, 收到, 呵呵): too little for the abuse column, which read "ok" as 0.88 and "k" as 0.99.
    The short abusive texts of Davidson and COLD name an insult, a slur or a group (COLD has no text this short),
    so at this length only an insult makes abuse. Only a few rows of a batch get here: a plain loop."""
    out = np.zeros(len(texts), dtype=bool)
    zh_only, en_only = scan.zh_only, scan.en_only
    for i in np.flatnonzero(rows):
        t = texts[i].strip()
        if zh_only[i]:
            out[i] = len(t) <= FEW_CHARS_ZH
        else:  # other languages: words only where spaces separate them (not "小姐姐收上门女婿嘛(｡･ω･｡)"); emoji count
            out[i] = len(t.split()) <= FEW_WORDS and (en_only[i] or not _CJK.search(t))
    return out


def apply(
    texts: list[str], raw: dict[str, np.ndarray], kind: str, lang=None, n_chars=None
) -> dict[str, np.ndarray]:
    """Combine the model's (or the lexicon's) outputs ``raw`` with the cue groups; returns the new outputs.

    ``raw`` may carry ``_p_<head>`` probabilities (the model backend); they are consumed here. ``lang``: the
    batch's languages (zh / en / other), which choose the part of each (zh, en) pattern pair.
    """
    out = dict(raw)
    probs = {k[3:]: out.pop(k) for k in list(out) if k.startswith("_p_")}
    n_len = np.fromiter(map(len, texts), np.int64, len(texts)) if n_chars is None else n_chars
    short = n_len <= SHORT
    scan = _Scanner(texts, np.full(len(texts), "other", dtype=object) if lang is None else lang)

    # ---- inbound heads (every kind carries them)
    complaint = np.asarray(out["complaint"], dtype=bool)
    score = np.asarray(out["complaint_score"], dtype=np.float64).copy()
    sent = np.asarray(out["sentiment"], dtype=object).copy()
    sscore = np.asarray(out["sentiment_score"], dtype=np.float64).copy()
    # a negative cue counts unless the model reads the text as clearly fine (mixed reviews: "没有破损，不错")
    neg = scan(NEG_CUE, rows=short & ((sscore < 0) | (score >= 0.5)))
    # English, longer: a negative cue in a message the complaint column is unsure about (0.2-0.5) and the sentiment
    # column reads as negative ("Worst tattoo studio in town. Linework is shaky, healed patchy… 1 star." read 0.42)
    en_long = ~short & scan.en_only & ~complaint & (score >= 0.2) & (sscore < -0.3)
    neg |= scan(NEG_CUE, rows=en_long)
    neg |= scan(PLAIN_PROBLEM, rows=~neg & (~complaint | (sscore > -0.5)))
    neg &= ~scan(NOT_NEG, rows=neg & scan.sel[0])
    insult = scan(INSULT)
    threat = scan(THREAT, rows=~insult)
    insult |= threat
    set_phrase = scan(NOT_INSULT, rows=insult & short & scan.sel[1])
    insult &= ~set_phrase
    negative = neg | insult
    calm = ~negative
    helpish = scan(HELPISH)
    help_req = np.asarray(out["help_request"], dtype=bool)
    checkin = scan(CHECKIN, rows=calm & (complaint | help_req | helpish | (sent == "negative")))
    fine = scan(NO_PROBLEM, rows=calm & (complaint | (sent == "negative")))
    # question-form, a request or a check-in without any negative cue: a request or a neutral note, not a
    # complaint
    # (only short texts the model is not sure about, without a reproachful question)
    # (a very short Chinese question even when the column is nearly sure, < 0.995: it reads 有没有38码的？ as 0.92 and
    # 你们招兼职吗 as 0.99; questions to a shop are rare in the review sets it learnt from. Longer review questions
    # such as 汤直接装塑料袋里了，我想问问我该如何倒进盆里？ are complaints: with this cap at 12+ characters, waimai
    # validation lost 8 texts net)
    sure_q = scan.zh_only & (n_len <= TINY) & (score >= 0.9) & (score < 0.995) & calm & helpish
    # (a fault word keeps it a complaint: 差,还有别的字可以形容吗)
    sure_q &= ~scan(MILD_FAULT_ZH, rows=sure_q)
    cap = np.where(sure_q, 0.995, 0.9)
    # (Chinese: at most ZH_NOTE_MAX characters; longer ones are reviews, where 没问题, 满意! or a question is one part
    # of a mixed verdict: "鼠标个头有点小，女孩用没问题，男士用不方便！" is negative)
    note = short & ~(scan.zh_only & (n_len > ZH_NOTE_MAX))
    # (a message that opens as a polite question is one at any short length: "请问这款羽绒服有没有160的尺码？身高158…")
    # (looked for only where being a note changes something)
    asks = short & ~note & calm & helpish & (complaint | (sent != "neutral"))
    note |= scan(ASKS_ZH, rows=asks)
    maybe = calm & note & (complaint | (sent == "negative")) & (score < cap) & (helpish | checkin | fine)
    maybe &= fine | scan(SERVICE_Q, rows=maybe & ~fine)
    maybe &= ~scan(FAULT_TOLD_ZH, rows=maybe & scan.zh_only)
    rhetorical = scan(RHETORICAL, rows=maybe)
    # (a Chinese question that opens politely asks, unless it also reproaches: "想咨询一下，会员到期之后，卡里充的余额还能
    # 用吗？" read 0.89)
    polite = scan(ASKS_ZH, rows=rhetorical & scan.zh_only)
    polite &= ~scan(RHETORICAL_STRONG_ZH, rows=polite) & ~scan(RHETORICAL_Q, rows=polite)
    neutral = maybe & ~(rhetorical & ~polite)
    presence = calm & (n_len <= PRESENCE_MAX)
    presence &= scan(PRESENCE, rows=presence)
    neutral |= presence
    ab = np.asarray(out["abusive"], dtype=bool)
    fan = scan(FAN_NOTE, rows=calm & short & (complaint | ab | (sent == "negative")))
    neutral |= fan
    # English: an insult aimed at the business ("your staff are brain-dead", "your app is trash and so are the devs")
    # is an abusive complaint; the complaint column, trained on tweets where insults are mostly about people,
    # dropped it (Preotiuc: 1 tweet with an insult and such a reference, a complaint)
    at_biz = insult & ~complaint & scan.sel[1]
    at_biz &= scan(BUSINESS_REF_EN, rows=at_biz)
    neg |= at_biz
    complaint = (complaint & ~neutral) | neg
    score[neutral] = np.minimum(score[neutral], 0.3)
    score[neg] = np.maximum(score[neg], 0.7)
    # a very short Chinese note with no negative cue, no fault word, no negation, that the complaint column is
    # unsure about ("收藏了，回头试试", "秋天的第一杯茶"): too little text for the n-grams; a complaint names a fault
    tiny = calm & (n_len <= TINY) & scan.zh_only & complaint & (score < 0.65) & (sscore > -0.3)
    tiny &= ~scan(MILD_FAULT_ZH, rows=tiny) & ~scan(NOT_PLAIN_PRAISE[0], rows=tiny)
    complaint &= ~tiny
    score[tiny] = np.minimum(score[tiny], 0.4)
    # plain praise in a short message (a praise cue; no negative cue, insult, negation, contrast, question or
    # irony marker): not a complaint, not a request, and not negative
    # (an emoji alone counts only when the sentiment column is not strongly negative: "把客户当傻子🎉")
    # (English praise also in a longer message, up to PRAISE_EN_MAX characters, when the complaint column is not
    # sure: "Huge thanks to Dana at the Maple St branch for sorting out my mortgage paperwork in 20 minutes. Absolute
    # legend." read 0.58)
    long_en = ~short & (n_len <= PRAISE_EN_MAX) & scan.en_only & (score < 0.9)
    praise = scan(POSITIVE_WORDS, rows=calm & (note | long_en))
    # (a longer message was only checked for negative cues by the en_long rule: check it now)
    praise &= ~scan(NEG_CUE, rows=praise & long_en) & ~scan(PLAIN_PROBLEM, rows=praise & long_en)
    praise |= scan(_POS_EMOJI, rows=calm & note & ~praise & (sscore > -0.5))
    praise &= ~scan(NOT_PLAIN_PRAISE, rows=praise)
    praise &= ~scan(FAULT_TOLD_ZH, rows=praise & scan.zh_only)
    complaint &= ~praise
    score[praise] = np.minimum(score[praise], 0.3)
    out["complaint"] = complaint
    out["complaint_score"] = score
    thanked = ~negative & (help_req | helpish)
    thanked &= ~scan(r"[?？]|吗|呢|么", rows=thanked)
    thanked &= scan(PAST_HELP, rows=thanked)
    # (an English story of STORY_MIN characters or more with no question and no request form asks for nothing, whatever
    # the column reads: it fires on long accounts of what happened, "Got my car back from the service. They fixed
    # the AC, … makes a clicking noise when I turn left")
    # (a plea or a demand in it still asks: "… Please escalate.", "I want his name", "Help.")
    story = help_req & ~helpish & scan.en_only & (n_len >= STORY_MIN)
    story &= ~scan(ASKING, rows=story)
    story &= ~scan(DEMAND, rows=story)
    asked = (help_req & ~story) | helpish
    # (a reproachful question in a complaint or an insult asks for nothing, unless a real Chinese question stands
    # beside it: 请问能改地址吗)
    reproach = (complaint | insult) & asked
    reproach &= scan(RHETORICAL_Q, rows=reproach)
    reproach &= ~scan(ASKS_FOR_ZH, rows=reproach & scan.zh_only)
    # (nor does a threat or an insult without a question: "Your receptionist is a stupid b*tch who can't read a
    # calendar", "我知道你们仓库在哪，晚上别让我碰见")
    reproach |= insult & ~scan(ASKING, rows=insult)
    # (either way a plea or a demand beside it still asks; a plea also outweighs praise: "新版本太好用了，帮忙确认一下")
    plea = scan(PLEA, rows=reproach | (praise & asked))
    reproach &= ~plea
    reproach &= ~scan(DEMAND, rows=reproach)
    others = asked & ~presence
    others &= scan(TO_OTHERS, rows=others)
    out["help_request"] = (
        asked & ~checkin & ~(praise & ~plea) & ~fan & ~thanked & ~reproach & ~others
    ) | presence
    ab_score = np.asarray(out["abusive_score"], dtype=np.float64).copy()
    ab_score[insult] = np.maximum(ab_score[insult], 0.9)
    # the model's abuse column alone, when it is not sure, on a polite message without any negative cue or on a
    # plain complaint without any insult, is a false alarm (the Davidson-trained column leans on tone words)
    unsure = ab & (ab_score < 0.7) & scan.sel[1]  # not for Chinese: the COLD-trained part is topic-oriented
    polite = scan(POLITE, rows=unsure & calm)
    long_neg = scan(NEG_CUE, rows=unsure & ~short)  # (negative cues were only looked for in short texts)
    plain = unsure & (neg | long_neg | complaint) & ~insult
    # English: a short complaint with a negative cue and no insult is harsh, not abusive, unless the column is
    # quite sure (>= 0.85): "your support is useless" read 0.81, "Unacceptable." 0.68
    plain |= ab & scan.en_only & short & neg & ~insult & (ab_score < 0.85)
    # Chinese: a short plain complaint (a negative cue such as 又迟到了 / 太差劲了, no insult) that names the
    # business or its service, when the COLD-trained column is unsure (< 0.6): "你们的外卖又迟到了，太差劲了" is
    # harsh, not abusive (longer texts, or ones without such a reference, with these cues are often COLD's
    # offensive comments about groups: left to the model)
    zh_plain = ab & (ab_score < 0.6) & scan.sel[0] & neg & ~insult
    plain |= zh_plain & scan(SERVICE_ZH, rows=zh_plain)
    # ... and a short complaint (without a negative cue of our lists) that names the business's service or owner,
    # not only 你们, when the column is unsure (< 0.7): "菜里吃出头发，老板还不承认，这样做生意迟早倒闭" 0.57,
    # "你们家客服是不是都是机器人啊" 0.69 (COLD's comments address groups as 你们, at length)
    zh_complaint = ab & (ab_score < 0.7) & scan.zh_only & short & complaint & ~insult & ~zh_plain
    plain |= zh_complaint & scan(SERVICE_NOUN_ZH + "|老板|这家店", rows=zh_complaint)
    # ... and a short one (<= HARSH_MAX characters) that judges the service itself in harsh words and names it,
    # even when the column is fairly sure (< 0.95): "你们客服太差了" read 0.89, "送餐员态度恶劣" 0.93
    zh_harsh = ab & (ab_score < 0.95) & scan.sel[0] & (n_len <= HARSH_MAX) & ~insult
    zh_harsh &= scan(HARSH_ZH, rows=zh_harsh)
    plain |= zh_harsh & scan(SERVICE_NOUN_ZH, rows=zh_harsh)
    zh_junk = ab & scan.sel[0] & (n_len <= HARSH_MAX) & ~insult & neg  # (垃圾 is a negative cue)
    plain |= zh_junk & scan(GARBAGE_PRODUCT_ZH, rows=zh_junk) & ~scan(r"你|您|他|她|人", rows=zh_junk)
    plain |= ab & praise & (ab_score < 0.7)
    # (English praise the column is fairly sure about, without an insult: "shoutout to the night nurse … you're an
    # angel" read 0.78)
    plain |= ab & praise & scan.en_only & (ab_score < 0.85)
    plain |= ab & fan  # (calm: no insult, no negative cue)
    plain |= ab & set_phrase  # (profanity that praises: the column reads the swear words, 1.0)
    plain |= ab & presence
    # English: a calm short question or request to the brand ("Does the blue hoodie come in XL?" 0.92, "Please
    # check your kitchen." 0.95) that the abuse column reads as abusive without any insult, slur or threat: on the
    # Davidson validation tweets this changes one text, a false alarm ("el negro?")
    plain |= ab & scan.sel[1] & calm & (n_len <= CALM_Q_EN_MAX) & helpish & (ab_score < 0.99)
    # Chinese: a calm question the COLD-trained column reads as abusive without any insult or threat, unsure
    # ("听说你们要出新款了？什么时候上？" 0.62)
    # (only a question to the business: COLD's offensive questions about groups look calm too)
    zh_q = ab & scan.zh_only & calm & note & helpish & (ab_score < 0.7)
    plain |= zh_q & scan(r"你们|您|贵店|你家|客服|店家", rows=zh_q)
    # English: the column alone, not sure, on a short calm message that is no complaint and has no insult or
    # slur ("This reminds me of my grandma's kitchen" 0.82): fan chatter, not abuse
    plain |= ab & scan.en_only & calm & short & ~complaint & (ab_score < 0.85)
    plain |= _few_words(texts, ab & ~insult & (n_len <= TINY_EN), scan)
    ab_score[polite | plain] = np.minimum(ab_score[polite | plain], 0.4)
    out["abusive"] = (ab & ~polite & ~plain) | insult
    out["abusive_score"] = ab_score
    # clear negative cues: negative sentiment; calm questions / check-ins: not negative
    flip = negative & (sscore > -0.5)
    sent[flip] = "negative"
    sscore[flip] = np.minimum(sscore[flip], -0.5)
    # the sentiment head's negative reading of a tiny calm English message the complaint column sees nothing in
    # ("Tagging my sister" -0.90) is not a sign of anger
    flat = calm & (n_len <= TINY_EN) & scan.en_only & ~complaint & (score < 0.3) & (sscore < -0.3)
    sent[flat] = "neutral"
    sscore[flat] = -0.3
    glad = praise & (sscore < 0.6)
    sent[glad] = "positive"
    sscore[glad] = np.maximum(sscore[glad], 0.6)
    calm_neg = neutral & (sent == "negative")
    sent[calm_neg] = "neutral"
    sscore[calm_neg] = np.clip(sscore[calm_neg], -0.3, 0.3)
    # a calm short question or request that is no complaint and has no praise word or emoji asks, it neither
    # praises nor grumbles ("Do you have vegan options?" read +0.62, "Is this serum safe while pregnant?" -0.16)
    ask = (
        calm
        & (note | (scan.en_only & (n_len <= CALM_Q_EN_MAX)))
        & helpish
        & ~out["complaint"]
        & ~praise
        & ~thanked
        & (sent != "neutral")
        & (np.abs(sscore) < 0.9)
    )
    ask &= ~scan(POSITIVE_WORDS, rows=ask) & ~scan(_POS_EMOJI, rows=ask)
    sent[ask] = "neutral"
    sscore[ask] = np.clip(sscore[ask], -0.3, 0.3)
    # English: a mixed review, praise and a fault on either side of a "but", is neutral ("Food was amazing but we
    # waited 50 minutes for a table even with a reservation"; Chinese reviews keep their columns: waimai and the
    # shopping reviews label such mixed reviews both ways)
    mixed = (sent != "neutral") & ~insult & scan.en_only
    mixed &= scan(r" but |, but|but,| though | though,| though\.|although|however", rows=mixed)
    mixed &= scan(POSITIVE_WORDS, rows=mixed)
    mixed &= negative | out["complaint"]
    sent[mixed] = "neutral"
    sscore[mixed] = np.clip(sscore[mixed], -0.3, 0.3)
    # English: a complaint the sentiment column reads as positive is sarcasm or a grievance in friendly words
    # ("Love the coffee, hate the new cups — the lids leak every single time."): negative (in the sweeps 6-11,
    # +12 of 450 English inbound messages right, 1 wrong; Chinese reviews keep their column, waimai's mixed
    # reviews are labelled positive)
    grumble = out["complaint"] & (sent == "positive") & scan.en_only
    sent[grumble] = "negative"
    sscore[grumble] = np.minimum(sscore[grumble], -0.3)
    out["sentiment"] = sent
    out["sentiment_score"] = sscore

    if kind == "reply":
        _reply_heads(out, probs, scan, n_len, insult, score, sent, sscore)
    if kind == "post":
        _post_heads(out, probs, scan, calm, negative, insult, score, sent, sscore, n_len)
    return out


def _reply_heads(out, probs, scan: _Scanner, n_len, insult, score, sent, sscore) -> None:
    """The reply heads (apology, fix_intent, offers_private, argumentative) from their cues and columns, and what a
    reply changes in the inbound heads (a brand answering is not complaining; its sentiment is its tone). Updates
    ``out`` and the complaint score and sentiment arrays of :func:`apply` in place."""
    apo_cue = scan(APOLOGY)
    apo_neg = scan(APOLOGY_NEG)
    fix_cue = scan(FIX)
    fix_neg = scan(FIX_NEG)
    argue_cue = scan(ARGUE)
    argue_cue &= ~scan(NOT_ARGUE, rows=argue_cue)
    channel = scan(CHANNEL)
    invite = scan(INVITE)
    ch_neg = scan(CHANNEL_NEG)
    p = {h: probs.get(h, np.asarray(out[h], dtype=np.float64)) for h in REPLY_HEADS}
    # apology: an explicit apology phrase, not negated; the model alone only when it is very sure
    out["apology"] = (apo_cue & ~apo_neg) | ((p["apology"] > 0.9) & ~apo_neg & ~argue_cue)
    out["fix_intent"] = (fix_cue | (p["fix_intent"] > 0.6)) & ~fix_neg
    ack = scan(RECEIVED)
    received = ack & ~scan(STRONG_INVITE)
    out["offers_private"] = channel & ~ch_neg & ~received & (invite | (p["offers_private"] > 0.5))
    # argumentative: blaming / contradicting / sarcastic cue, or the model when the reply is not plainly an
    # apology, a fix or an invitation
    bare = n_len <= 12
    # (an insult in a reply is arguing too: "神经病吧你…滚"; the model alone does not make a reply that
    # apologises, fixes or offers a channel argumentative: "We're truly sorry … we've escalated it to the store
    # manager", "Your return label is on its way to your email" read 0.5-0.8 — the arguing cues above cover the
    # blame, sarcasm and contradiction that such replies mix in)
    thanks = scan(POLITE)
    kind_reply = out["apology"] | fix_cue | out["offers_private"] | received | fix_neg | thanks
    out["argumentative"] = (
        argue_cue | apo_neg | (insult & ~out["apology"]) | ((p["argumentative"] > 0.5) & ~bare & ~kind_reply)
    )
    # a reply that apologises, promises a fix, offers a private channel, argues, declines or acknowledges is the
    # brand answering a complaint, not complaining: the inbound columns read the words of the complaint it
    # answers ("对不起，让您久等了" 0.94, "系统显示已签收，我们这边无法退款" 0.97, "【自动回复】…已收到" 0.79). (The
    # inbound heads stay on other replies: a text sent with --kind reply may still be a customer's.)
    answer = out["apology"] | out["fix_intent"] | out["offers_private"] | out["argumentative"] | fix_neg
    answer |= ack | scan(r"已(被)?(系统)?屏蔽|已收到|我们会考虑|没有查到", rows=~answer)
    out["complaint"] = out["complaint"] & ~answer
    score[answer] = np.minimum(score[answer], 0.3)
    # the tone of the reply, not the words of the complaint it answers: arguing is negative; an apology, a fix,
    # an offer of a channel, a refusal or an acknowledgement is neutral unless it praises ("We're so sorry about
    # this! Please DM us…" read -0.17, "Thank you for reaching out. A member of our team will respond…" +0.76)
    hostile = out["argumentative"] | insult
    courteous = answer & ~hostile & ~scan(POSITIVE_WORDS, rows=answer & ~hostile)
    sent[hostile] = "negative"
    sscore[hostile] = np.minimum(sscore[hostile], -0.5)
    sent[courteous] = "neutral"
    sscore[courteous] = np.clip(sscore[courteous], -0.3, 0.3)
    # a reply that quotes the abuse it received ("We don't accept our team being described as 'lazy idiots'",
    # "您这样骂人解决不了任何问题") is not abusive
    _not_abusive(out, out["abusive"] & scan(REPORTED_ABUSE, rows=out["abusive"]))
    # a courteous reply (an apology, a fix, an offer of a channel, thanks) without an insult is not abusive: the
    # Davidson-trained column read "Thanks for flagging! Passed this on to the kitchen team." as 0.93
    # (nor is a reply the column alone reads as abusive, without an insult, slur or threat, unless it is nearly
    # sure: "Hi! Yes, we ship to Puerto Rico." read 0.80)
    _not_abusive(
        out,
        (
            out["apology"]
            | out["fix_intent"]
            | out["offers_private"]
            | thanks
            | (out["abusive_score"] < ABUSE_SURE)
        )
        & ~insult,
    )


def _post_heads(out, probs, scan: _Scanner, calm, negative, insult, score, sent, sscore, n_len) -> None:
    """``negative_about_company`` for an employee's or brand's post from its cues and columns, and what it changes
    in the inbound heads (a grievance is a complaint and negative; pride, announcements and notices are not).
    Updates ``out`` and the complaint score and sentiment arrays of :func:`apply` in place."""
    own = scan(OWN_COMPANY)
    denied = scan(POST_NOT_NEG)  # "从不拖欠工资", "not a scam": a grievance denied
    post_neg = scan(POST_NEG) & ~denied
    model = np.asarray(out["negative_about_company"], dtype=bool)  # about own company AND negative
    pn = probs.get("post_negative")
    sure_neg = ((pn > 0.5) & (sscore < -0.3)) if pn is not None else model
    # a cue of negativity about the own company; or the model — for Chinese only when the negativity is more
    # than a leaning of the sentiment head (neutral work posts such as "我们公司今天开会" lean negative there);
    # in English when post_negative leans negative or the sentiment is more than slightly negative: since the
    # about-own-company column also learns from the sweeps' posts it reads brand and shop posts as about the
    # company, and a slight lean ("Fun fact: our warehouse cat Biscuit has been employee of the month" −0.18,
    # "Our new rental app … No queue, no paperwork" −0.30) is not an attack. The abuse column counts only when
    # nearly sure, as for the post's own abusive flag below ("Biscuit" read 0.59).
    zh = ~scan.sel[1]
    sure_abuse = out["abusive"] & (out["abusive_score"] >= ABUSE_SURE)
    about = probs.get("negative_about_company")
    if about is not None:  # the "about own company" column, with the cue-corrected abuse and sentiment
        # (a Chinese caption of a few characters gives the columns little to go on: "早班 6 点半的城市" read 0.55
        # about the company and 0.76 negative once the columns learnt shift work from the grievances of sweeps 25-26;
        # so that short, the about column must be fairly sure)
        limit = np.where(zh, POST_ABOUT_ZH, POST_ABOUT_EN)
        limit[scan.zh_only & (n_len <= TINY)] = POST_ABOUT_TINY_ZH
        model = (about > limit) & ((pn > 0.5) | sure_abuse | (sent == "negative"))
    en_neg = (pn > POST_EN_NEG_P) | sure_abuse | (sscore < POST_EN_NEG_SCORE) if pn is not None else model
    # a post of plain pride or delight in words ("Proud of the team — we just shipped our millionth order!") is
    # not an attack, whatever the columns lean to, unless it also has a negative cue (an emoji alone is not
    # enough: "把客户当傻子🎉" is sarcasm)
    proud = calm & ~post_neg & scan(POSITIVE_WORDS, rows=calm & ~post_neg)
    proud &= ~scan(NOT_PLAIN_PRAISE, rows=proud)
    # (words of pride or congratulation carry a post even beside a negation: "没有你公司真的转不动", "Proud
    # doesn't cover it", "平均响应时间不到2小时"; irony markers still cancel them)
    pride = calm & ~post_neg & ~proud
    pride &= scan(PRIDE, rows=pride)
    pride &= ~scan(IRONY, rows=pride)
    proud |= pride
    # (an inbound negative cue counts too when the post is about the own company: "the heating in screen 4 has been
    # broken since November", "sick of the idiots who…")
    attack = (own & (post_neg | negative)) | (model & ((~zh & en_neg) | sure_neg | post_neg | insult))
    if about is not None and pn is not None:
        clearly_neg = (pn > POST_OWN_NEG_P) & (sscore < POST_OWN_NEG_SCORE)
        attack |= ~zh & own & (about > POST_OWN_ABOUT_EN) & clearly_neg
    # a denied grievance with no other negative cue or insult is not an attack, even when the columns read the
    # grievance word ("我们公司从来没有拖欠过工资": 拖欠 reads negative to the n-grams)
    # a post about a competitor is no attack on one's own company unless it also runs down its own
    other = scan(OTHER_COMPANY, rows=attack)
    nac = attack & ~proud & ~(denied & ~negative) & ~(other & ~(own & post_neg))
    out["negative_about_company"] = nac
    # the complaint column learnt from customers' reviews and tweets to brands reads a shop's notices and staff
    # chatter as complaints ("本店春节放假时间：…正常营业" 0.96, "今日份的员工餐：…老板大气！" 0.89); on a post, without a
    # negative cue, an insult or a grievance, it counts only when it is sure and the sentiment column agrees
    # (sweeps 6-14: posts' complaint 82.5% -> 89.2% in Chinese, 83.8% -> 87.6% in English)
    weak = out["complaint"] & ~negative & ~insult & ~post_neg & ~nac
    weak &= ~((score >= 0.9) & (sscore < -0.5))
    out["complaint"] &= ~weak
    score[weak] = np.minimum(score[weak], 0.4)
    # a post that runs down one's own company is a grievance, so a complaint, and negative; a post of pride or
    # an announcement of a sale or an opening ("新店开业！…全场八折", "Summer menu drops tomorrow") is neither
    promo = calm & ~nac & scan(PROMO, rows=calm & ~nac)
    # (a brand's post that owns up to a delay and says what was done is a notice, not a complaint: "上周因系统故障
    # 导致部分订单延迟发货，给大家添麻烦了，目前已全部发出")
    notice = ~nac & ~promo & scan(APOLOGY, rows=~nac & ~promo)
    notice &= scan(FIX, rows=notice)
    # (... and so is a notice of opening hours, closures or maintenance: "本店春节放假时间：…", "温馨提示：明天上午系统升级，
    # 期间暂停下单", "We're closed Monday for the holiday"); both are told in a neutral voice, not a negative one
    hours = ~nac & ~promo & ~notice & ~insult
    notice |= hours & scan(NOTICE, rows=hours)
    out["complaint"] &= ~notice
    score[notice] = np.minimum(score[notice], 0.3)
    flat = notice & (sent == "negative")
    sent[flat] = "neutral"
    sscore[flat] = np.clip(sscore[flat], -0.3, 0.3)
    glad_post = (proud | promo) & ~nac
    # (a post mocking customers reflects on the company but is no complaint about it)
    customers = scan(CUSTOMERS, rows=nac | out["complaint"])
    grievance = nac & ~(customers & ~scan(OWN_STRONG, rows=nac & customers))
    # (an employee's story about a customer is no complaint either: "今天来了个顾客砍价砍到我怀疑人生…")
    out["complaint"] = (out["complaint"] & ~glad_post & ~(customers & ~grievance)) | grievance
    score[glad_post] = np.minimum(score[glad_post], 0.3)
    score[grievance] = np.maximum(score[grievance], 0.7)
    sent[nac] = "negative"
    sscore[nac] = np.minimum(sscore[nac], -0.5)
    up = glad_post & (sscore < 0.3)
    sent[up] = "positive"
    sscore[up] = 0.3
    # an employee reporting abuse they received quotes it ("A customer called me an idiot today", "主管又骂我们是
    # 废物"): not abusive
    _not_abusive(out, out["abusive"] & scan(REPORTED_ABUSE, rows=out["abusive"]))
    # nor is a post of plain pride abusive ("Shoutout to Maria who stayed late … Legend." read 0.56); and the
    # column alone, without an insult, slur or threat, is not enough on an employee's post unless it is nearly
    # sure: it reads work grumbling as abuse ("老板在群里发了条60秒语音骂人" 0.86, "My boss scheduled a 'quick
    # sync' for 5:55pm on a Friday" 0.72)
    _not_abusive(out, (proud | (out["abusive_score"] < ABUSE_SURE)) & ~insult & out["abusive"])


REPLY_HEADS = ("apology", "fix_intent", "argumentative", "offers_private")
