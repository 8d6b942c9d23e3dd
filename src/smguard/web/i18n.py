"""Every UI string of the pages, in English and Chinese, in one catalogue.

``gettext(lang, key, **values)`` returns the string with ``{values}`` filled in (a missing key returns the key
itself, which the page tests catch). The language of a request is, in order: the toggle's cookie
(``smguard_lang``), the browser's Accept-Language, the user's profile language, the workspace default.

Texts are written for marketers and shop owners, not programmers: say what happened and what to do next.
"""

from __future__ import annotations

from typing import Any

LANGS = ("zh", "en")
LANG_COOKIE = "smguard_lang"

# key: (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
    # navigation, roles, language
    "nav.label": ("Main menu", "主菜单"),
    "nav.dashboard": ("Dashboard", "总览"),
    "nav.inbox": ("Inbox", "消息"),
    "nav.compose": ("Compose", "发布"),
    "nav.guidelines": ("Guidelines", "员工准则"),
    "nav.audiences": ("Audiences & tools", "受众与工具"),
    "nav.followers": ("Followers", "粉丝质量"),
    "nav.likes": ("Likes & automation", "点赞与自动回复"),
    "nav.users": ("Users", "用户"),
    "nav.logout": ("Log out", "退出"),
    "lang.switch_title": ("Switch language", "切换语言"),
    "role.admin": ("admin", "管理员"),
    "role.manager": ("manager", "经理"),
    "role.agent": ("agent", "客服"),
    "role.employee": ("employee", "员工"),
    "footer.tz": ("times in {tz}", "时间按 {tz} 显示"),
    "common.filter": ("Filter", "筛选"),
    "common.first_page": ("First page", "第一页"),
    "common.next_page": ("Next page", "下一页"),
    "common.remove": ("Remove", "删除"),
    "common.save": ("Save", "保存"),
    # flashes after an action (?done=...)
    "done.sent": ("Reply sent.", "回复已发送。"),
    "done.offered": (
        "Offer to continue in private sent. This thread now takes direct messages only.",
        "已公开邀请对方私信沟通。此对话之后只能通过私信回复。",
    ),
    "done.assigned": ("Assignment saved.", "已分配。"),
    "done.resolved": ("Marked as resolved.", "已标记为已解决。"),
    "done.reopened": ("Opened again.", "已重新打开。"),
    "done.scheduled": ("Scheduled. It passed every check.", "已排期，所有检查均通过。"),
    "done.cancelled": ("Scheduled post cancelled.", "已取消该排期内容。"),
    "done.not_cancelled": (
        "This post cannot be cancelled (already published, or scheduled by someone else).",
        "该内容无法取消（已发布，或由其他同事排期）。",
    ),
    "done.signed": ("Thank you, your signature is recorded.", "谢谢，您的签署已记录。"),
    "done.not_signed": (
        "The signature could not be recorded: your login is not linked to an employee, or no "
        "guidelines are published.",
        "未能记录签署：您的账号未关联员工，或尚未发布准则。",
    ),
    "done.published": (
        "New version published. Employees will be asked to sign it.",
        "新版本已发布，员工需要重新签署。",
    ),
    "done.embargo_added": ("Added to the embargo list.", "已加入保密清单。"),
    "done.embargo_saved": ("Embargo saved.", "保密项已保存。"),
    "done.embargo_removed": ("Removed from the embargo list.", "已从保密清单删除。"),
    "done.liked": ("Liked.", "已点赞。"),
    "done.rule_added": ("Auto-reply rule added.", "自动回复规则已添加。"),
    "done.rule_saved": ("Rule updated.", "规则已更新。"),
    # errors
    "error.403_title": ("Not available for your role", "您的角色无权访问此页面"),
    "error.403_text": (
        "Your role ({role}) cannot open this page. Ask an admin if you need it.",
        "您的角色（{role}）不能打开此页面。如有需要，请联系管理员。",
    ),
    "error.404_title": ("Not found", "未找到"),
    "error.404_text": ("This item does not exist (any more).", "该内容不存在或已被删除。"),
    "error.home": ("Back to my start page", "返回首页"),
    # login
    "login.title": ("Log in to smguard", "登录 smguard"),
    "login.intro": ("Your team's social media workspace.", "团队的社交媒体工作台。"),
    "login.email": ("Email", "邮箱"),
    "login.password": ("Password", "密码"),
    "login.submit": ("Log in", "登录"),
    "login.wrong": ("Wrong email or password.", "邮箱或密码错误。"),
    "login.demo_hint": (
        "Demo workspace: the demo users (admin, manager, agent, employee) and their passwords were "
        "printed when the server started and saved in {file}.",
        "演示工作台：演示账号（管理员、经理、客服、员工）及密码已在启动服务时显示，并保存在 {file}。",
    ),
    "login.help": ("No account yet? Ask your admin to create one.", "还没有账号？请联系管理员创建。"),
    # dashboard
    "dash.title": ("How you are doing", "整体表现"),
    "dash.as_of": ("Audit of the data up to {date}", "数据截至 {date} 的审计结果"),
    "dash.no_audit": (
        "No audit yet. Load your data with “smguard load” to see the six scores.",
        "还没有审计结果。请先用 “smguard load” 导入数据。",
    ),
    "dash.overall": ("Overall score", "总分"),
    "dash.score_help": (
        "100 = no sign of the mistake. Click a card to work on it.",
        "100 分表示没有发现该问题。点击卡片去处理。",
    ),
    "dash.trend_weeks": ("Last {n} weeks ({first} – {last})", "最近 {n} 周（{first} 至 {last}）"),
    "dash.mistake": ("Mistake {n}", "错误 {n}"),
    "dash.unchanged": ("same as last week", "与上周持平"),
    "dash.vs_last_week": ("vs last week", "较上周"),
    "dash.findings_n": ("{n} findings", "{n} 个问题"),
    "dash.not_run": ("Not enough data to score this", "数据不足，无法评分"),
    "dash.top_findings": ("Fix these first", "优先处理"),
    "dash.no_findings": ("Nothing to fix. Well done!", "没有需要处理的问题，做得好！"),
    "dash.more_evidence": ("and {n} more", "另有 {n} 项"),
    "sev.high": ("High", "高"),
    "sev.medium": ("Medium", "中"),
    "sev.low": ("Low", "低"),
    "sev.info": ("Info", "提示"),
    "ev.message": ("message", "消息"),
    "ev.post": ("post", "内容"),
    "ev.employee": ("employee", "员工"),
    "ev.campaign": ("campaign", "推广"),
    "ev.follower": ("follower", "粉丝"),
    "ev.day": ("day", "日期"),
    "ev.account": ("account", "账号"),
    "ev.like": ("like", "点赞"),
    # inbox
    "inbox.title": ("Inbox", "消息收件箱"),
    "inbox.intro": (
        "Every account in one place. Most urgent first: complaints and abuse, then questions. The clock "
        "shows how long the person has been waiting.",
        "所有账号的消息集中在这里。最紧急的排在前面：投诉和辱骂，其次是求助。时钟显示对方已等待多久。",
    ),
    "inbox.views": ("Views", "视图"),
    "inbox.needs_reply": ("Needs reply", "待回复"),
    "inbox.all": ("All messages", "全部消息"),
    "inbox.account": ("Account", "账号"),
    "inbox.all_accounts": ("All accounts", "全部账号"),
    "inbox.assigned": ("Assigned to", "负责人"),
    "inbox.anyone": ("Anyone", "不限"),
    "inbox.me": ("Me", "我"),
    "inbox.nobody": ("Nobody", "未分配"),
    "inbox.empty": ("No messages match.", "没有符合条件的消息。"),
    "inbox.empty_needs_reply": ("Nobody is waiting for an answer. 🎉", "没有待回复的消息。🎉"),
    "inbox.someone": ("someone", "某用户"),
    "inbox.private_only": ("private only", "仅限私信"),
    "inbox.resolved": ("resolved", "已解决"),
    "inbox.waiting": ("waiting", "已等待"),
    "inbox.answered_in": ("answered in", "回复用时"),
    "inbox.thread": ("Conversation", "对话"),
    "inbox.thread_with": ("Conversation with {who}", "与 {who} 的对话"),
    "inbox.back": ("Back to the inbox", "返回收件箱"),
    "inbox.we": ("us", "我们"),
    "inbox.automated": ("automatic reply", "自动回复"),
    "inbox.on_post": ("On your post of {date}:", "评论的是 {date} 发布的内容："),
    "inbox.reply": ("Reply", "回复"),
    "inbox.private_note": (
        "You offered to continue in private: answer by direct message only.",
        "已邀请对方私信沟通：只能通过私信回复。",
    ),
    "inbox.suggested": (
        "Suggested replies (click to use, then make it personal)",
        "推荐回复（点击使用，再根据情况修改）",
    ),
    "inbox.your_reply": ("Your reply", "您的回复"),
    "inbox.send_private": ("Send as a direct message", "通过私信发送"),
    "inbox.confirm_anyway": ("I have read the warnings: send anyway", "我已阅读提醒，仍然发送"),
    "inbox.send": ("Send reply", "发送回复"),
    "inbox.take_private": ("Take it private", "转为私信处理"),
    "inbox.take_private_help": (
        "Posts one public, polite offer to continue by direct message, then closes the "
        "thread to public replies. Best for abusive or heated threads: do not argue in "
        "public.",
        "公开发布一条礼貌的私信邀请，之后此对话不再公开回复。适用于辱骂或情绪激烈的对话：不要在公开场合争论。",
    ),
    "inbox.offer_private": ("Offer to continue in private", "邀请私信沟通"),
    "inbox.assign": ("Assign", "分配"),
    "inbox.assign_btn": ("Assign", "分配"),
    "inbox.mark_resolved": ("Mark as resolved", "标记为已解决"),
    "inbox.reopen": ("Open again", "重新打开"),
    "inbox.err_private_only": (
        "This thread is private-only: tick “Send as a direct message”.",
        "此对话仅限私信：请勾选“通过私信发送”。",
    ),
    "inbox.err_empty": ("Write a reply first.", "请先填写回复内容。"),
    "inbox.err_offer_twice": (
        "The offer to continue in private was already sent for this thread.",
        "此对话已发送过私信邀请。",
    ),
    "inbox.err_assign": (
        "Assign to an active admin, manager or agent.",
        "只能分配给在职的管理员、经理或客服。",
    ),
    "label.abusive": ("Abusive", "辱骂"),
    "label.complaint": ("Complaint", "投诉"),
    "label.help_request": ("Help request", "求助"),
    "label.praise": ("Praise", "表扬"),
    "label.other": ("Other", "其他"),
    "channel.comment": ("comment", "评论"),
    "channel.mention": ("mention", "提及"),
    "channel.dm": ("direct message", "私信"),
    "channel.review": ("review", "评价"),
    "tone.idle": ("The tone check runs while you type.", "输入时会自动检查语气。"),
    "tone.ok": ("Tone looks good: polite, no arguing or blaming.", "语气良好：礼貌、没有争辩或指责。"),
    "tone.warn_title": ("Check your tone before sending:", "发送前请注意语气："),
    # composer
    "compose.title": ("Write a post", "撰写内容"),
    "compose.intro": (
        "Write once, adapt for each platform. Every version is checked while you type: platform fit, "
        "embargoed topics, the daily cap and spacing.",
        "写一次，按平台调整。每个版本都会实时检查：平台适配、保密内容、每日上限和发布间隔。",
    ),
    "compose.see_queue": ("Queue and calendar", "排期日历"),
    "compose.text": ("Your post", "内容"),
    "compose.placeholder": ("What do you want to say?", "想说些什么？"),
    "compose.when": ("Publish at", "发布时间"),
    "compose.media": ("Media", "媒体"),
    "compose.photos": ("Number of photos", "图片数量"),
    "compose.video_s": ("Video length (seconds)", "视频时长（秒）"),
    "compose.link": ("Link", "链接"),
    "compose.where": ("Where to post", "发布到哪些账号"),
    "compose.where_help": (
        "Tick the accounts; each gets its own version below.",
        "勾选账号，下方会为每个账号生成单独的版本。",
    ),
    "compose.adapt": (
        "Text for {platform} (edit to adapt; it follows your post until you change it)",
        "{platform} 版本（可单独修改；修改前会跟随上面的内容）",
    ),
    "compose.all_clear": ("Ready to publish at {when}.", "可以在 {when} 发布。"),
    "compose.slots": ("Allowed times:", "可选时间："),
    "compose.type_to_check": ("Checks appear here as you type.", "输入后这里会显示检查结果。"),
    "compose.refused": (
        "{n} version(s) did not pass the checks: see the red and yellow notes below.",
        "{n} 个版本未通过检查：请查看下方的红色和黄色提示。",
    ),
    "compose.partly_scheduled": ("Scheduled on: {accounts}.", "已排期：{accounts}。"),
    "compose.scheduled_badge": ("scheduled", "已排期"),
    "compose.confirm_warnings": (
        "Schedule despite the warnings (blocking problems still stop it)",
        "忽略提醒继续排期（严重问题仍会阻止）",
    ),
    "compose.schedule": ("Schedule", "排期发布"),
    "compose.schedule_help": ("Nothing is published while a check says no.", "有检查未通过时不会发布。"),
    "compose.err_account": ("This account does not exist (any more).", "该账号不存在。"),
    "compose.err_input": ("Check the time and the text.", "请检查发布时间和内容。"),
    "compose.err_no_account": ("Tick at least one account.", "请至少勾选一个账号。"),
    "compose.err_no_time": ("Choose when to publish.", "请选择发布时间。"),
    "compose.queue_title": ("Queue and calendar", "排期日历"),
    "compose.queue_intro": (
        "Posts per account and day against the daily cap, and the next times that keep you within it.",
        "每个账号每天的发布数量与上限对比，以及不超限的下一个可选时间。",
    ),
    "compose.new_post": ("Write a post", "撰写内容"),
    "compose.account": ("Account", "账号"),
    "compose.earlier": ("Two weeks earlier", "前两周"),
    "compose.later": ("Two weeks later", "后两周"),
    "compose.this_week": ("From today", "回到今天"),
    "compose.next_slots": ("Next allowed times", "下一个可选时间"),
    "compose.day_title": ("{n} of {cap} posts", "{n} / {cap} 条"),
    "compose.legend_room": ("room left", "还可发布"),
    "compose.legend_full": ("daily cap reached", "已达每日上限"),
    "compose.upcoming": ("Coming up", "即将发布"),
    "compose.no_upcoming": ("Nothing is scheduled from now on.", "目前没有待发布的排期。"),
    "compose.post": ("Post", "内容"),
    "compose.cancel_post": ("Cancel this post", "取消此排期"),
    "check.fit": ("Platform fit", "平台适配"),
    "check.embargo": ("Embargo", "保密"),
    "check.cadence": ("Daily cap / spacing", "发布频率"),
    "isev.error": ("blocks", "阻止发布"),
    "isev.warning": ("warning", "提醒"),
    "isev.tip": ("tip", "建议"),
    "media.none": ("Text only", "纯文字"),
    "media.photo": ("Photo(s)", "图片"),
    "media.video": ("Video", "视频"),
    "status.scheduled": ("scheduled", "已排期"),
    "status.published": ("published", "已发布"),
    "wd.0": ("Mon", "周一"),
    "wd.1": ("Tue", "周二"),
    "wd.2": ("Wed", "周三"),
    "wd.3": ("Thu", "周四"),
    "wd.4": ("Fri", "周五"),
    "wd.5": ("Sat", "周六"),
    "wd.6": ("Sun", "周日"),
    # guidelines
    "guidelines.title": ("Social media guidelines", "社交媒体使用准则"),
    "guidelines.intro": (
        "What everyone at the company may and may not post. Read it, then sign it.",
        "公司每位员工在社交媒体上可以发什么、不可以发什么。请阅读并签署。",
    ),
    "guidelines.tab_read": ("Read and sign", "阅读与签署"),
    "guidelines.tab_manage": ("Publish · who has not signed", "发布 · 未签署名单"),
    "guidelines.tab_embargo": ("Embargo list · alerts", "保密清单 · 提醒"),
    "guidelines.none": ("No guidelines published yet.", "尚未发布准则。"),
    "guidelines.version": ("Version {v}", "版本 {v}"),
    "guidelines.published": ("published {date}", "发布于 {date}"),
    "guidelines.old_version": ("older version", "旧版本"),
    "guidelines.signed_at": ("You signed this version on {date}.", "您已于 {date} 签署此版本。"),
    "guidelines.sign_title": ("Sign the guidelines", "签署准则"),
    "guidelines.sign_help": (
        "By signing you confirm you have read the guidelines and will follow them.",
        "签署即表示您已阅读并将遵守本准则。",
    ),
    "guidelines.i_read": ("I have read the guidelines", "我已阅读本准则"),
    "guidelines.sign_btn": ("Sign version {v}", "签署版本 {v}"),
    "guidelines.no_employee": (
        "Your login is not linked to an employee, so there is nothing to sign.",
        "您的账号未关联员工，无需签署。",
    ),
    "guidelines.no_signature_needed": ("This version does not need a signature.", "此版本无需签署。"),
    "guidelines.versions": ("All versions", "全部版本"),
    "guidelines.manage_title": ("Publish and follow up", "发布与跟进"),
    "guidelines.unsigned_title": ("Who has not signed version {v}", "尚未签署版本 {v} 的员工"),
    "guidelines.signed_of": (
        "{signed} of {total} employees signed.",
        "{total} 名员工中已有 {signed} 名签署。",
    ),
    "guidelines.employee": ("Employee", "员工"),
    "guidelines.department": ("Department", "部门"),
    "guidelines.email": ("Email", "邮箱"),
    "guidelines.remind_help": (
        "Send them the link to this site: they log in and sign under “Guidelines”.",
        "请把本站链接发给他们：登录后在“员工准则”中签署。",
    ),
    "guidelines.all_signed": ("Everyone has signed.", "所有员工都已签署。"),
    "guidelines.publish_title": ("Publish a new version", "发布新版本"),
    "guidelines.f_title": ("Title", "标题"),
    "guidelines.f_version": ("Version", "版本号"),
    "guidelines.f_version_ph": ("next number", "默认自动编号"),
    "guidelines.f_text": ("Guidelines", "准则内容"),
    "guidelines.f_requires_signature": ("Employees must sign this version", "员工需要签署此版本"),
    "guidelines.preview": ("Preview", "预览"),
    "guidelines.publish_btn": ("Publish", "发布"),
    "guidelines.err_version_exists": (
        "This version number exists already: choose a new one or leave it empty.",
        "该版本号已存在：请换一个，或留空自动编号。",
    ),
    "guidelines.err_empty": ("The guidelines text is empty.", "准则内容不能为空。"),
    "embargo.title": ("Embargo list and alerts", "保密清单与提醒"),
    "embargo.intro": (
        "Topics nobody may post about until the date shown (new products, openings, deals). The "
        "composer blocks them, and employee posts that mention them are flagged here.",
        "在指定日期之前任何人都不能发布的话题（新品、开业、合作等）。发布时会被拦截，员工发布的相关内容会在这里提醒。",
    ),
    "embargo.alerts_title": ("Alerts on employee posts", "员工发布内容提醒"),
    "embargo.no_alerts": ("No employee post breaks the guidelines.", "没有员工发布违反准则的内容。"),
    "embargo.mentions": ("mentions {terms}", "提到了 {terms}"),
    "embargo.alert_action": (
        "Ask the employee to remove or edit the post, and check they signed the guidelines.",
        "请联系该员工删除或修改内容，并确认其已签署准则。",
    ),
    "embargo.list_title": ("Embargo list", "保密清单"),
    "embargo.term": ("Topic", "保密内容"),
    "embargo.aliases": ("Other names (comma separated)", "其他叫法（用逗号分隔）"),
    "embargo.aliases_ph": ("e.g. nickname, English name", "如：简称、英文名"),
    "embargo.until": ("Secret until (inclusive)", "保密截止日期（含）"),
    "embargo.reason": ("Why", "原因"),
    "embargo.ended": ("ended", "已结束"),
    "embargo.no_end": ("until further notice", "直至另行通知"),
    "embargo.add_title": ("Add a topic", "添加保密内容"),
    "embargo.add_btn": ("Add", "添加"),
    "embargo.err_exists": ("This topic is on the list already.", "该内容已在清单中。"),
    "embargo.err_empty": ("Write the topic first.", "请填写保密内容。"),
    # audiences
    "aud.title": ("Audiences and marketing tools", "受众与营销工具"),
    "aud.intro": (
        "Who follows you, so ads reach the right people, and which of each platform's marketing tools "
        "you already use.",
        "了解关注您的人，让广告投放给合适的人群；并查看各平台营销工具的使用情况。",
    ),
    "aud.segment": ("Build a segment", "筛选人群"),
    "aud.all_brand": ("All brand accounts", "全部品牌账号"),
    "aud.location": ("Location", "地区"),
    "aud.age": ("Age", "年龄"),
    "aud.age_min": ("Age from", "最小年龄"),
    "aud.age_max": ("Age to", "最大年龄"),
    "aud.gender": ("Gender", "性别"),
    "aud.interest": ("Interest", "兴趣"),
    "aud.customer": ("Customer status", "是否顾客"),
    "aud.customer_yes": ("Customers", "顾客"),
    "aud.customer_no": ("Not customers yet", "尚未成为顾客"),
    "aud.any": ("Any", "不限"),
    "aud.unknown": ("unknown", "未知"),
    "aud.apply": ("Show segment", "查看人群"),
    "aud.reset": ("Reset", "重置"),
    "aud.size": ("People in this segment", "该人群人数"),
    "aud.size_help": ("Fake-looking followers are left out.", "已排除疑似虚假粉丝。"),
    "aud.export": ("Download CSV for the ads manager", "下载 CSV（用于广告后台）"),
    "aud.campaigns": ("Campaigns and their targeting", "推广活动及定向设置"),
    "aud.no_campaigns": ("No campaigns in the data.", "数据中没有推广活动。"),
    "aud.campaign": ("Campaign", "推广活动"),
    "aud.kind": ("Type", "类型"),
    "aud.targeting": ("Targeting", "定向"),
    "aud.no_targeting": ("no targeting: shown to everyone", "未设置定向：对所有人展示"),
    "aud.budget": ("Budget", "预算"),
    "aud.clicks": ("Clicks", "点击"),
    "aud.conversions": ("Conversions", "转化"),
    "aud.t_locations": ("locations", "地区"),
    "aud.t_location": ("location", "地区"),
    "aud.t_age_min": ("age from", "最小年龄"),
    "aud.t_age_max": ("age to", "最大年龄"),
    "aud.t_genders": ("genders", "性别"),
    "aud.t_gender": ("gender", "性别"),
    "aud.t_interests": ("interests", "兴趣"),
    "aud.t_customer_list": ("customer list", "顾客名单"),
    "aud.tools": ("Marketing tools checklist", "营销工具清单"),
    "aud.tools_help": (
        "Each platform's own tools (ads, promoted posts, shops, lead forms…) and whether your "
        "campaigns use them. ○ = not used yet: worth a try.",
        "各平台自带的营销工具（广告、推广、店铺、表单等）及是否已使用。○ 表示尚未使用，值得尝试。",
    ),
    "aud.used_of": ("{used} of {total} used", "已用 {used} / {total}"),
    "aud.used": ("used", "已使用"),
    "aud.unused": ("not used", "未使用"),
    "gender.female": ("female", "女"),
    "gender.male": ("male", "男"),
    "gender.other": ("other", "其他"),
    "gender.unknown": ("unknown", "未知"),
    # followers
    "fol.title": ("Follower quality", "粉丝质量"),
    "fol.intro": (
        "Not how many follow you, but who: customers, real and active people, and who talks to you.",
        "重要的不是粉丝数量，而是质量：有多少是顾客、是真实活跃的人、会与您互动。",
    ),
    "fol.followers": ("Followers", "粉丝数"),
    "fol.customer_share": ("Customers among followers", "粉丝中的顾客占比"),
    "fol.n_customers": ("{n} customers", "{n} 名顾客"),
    "fol.fake_share": ("Fake-looking", "疑似虚假粉丝"),
    "fol.n_fake": ("{n} accounts", "{n} 个账号"),
    "fol.inactive_share": ("Inactive", "不活跃"),
    "fol.engaged": ("Engaged customers", "有互动的顾客"),
    "fol.engaged_help": ("customers who wrote to you", "给您留言过的顾客"),
    "fol.trend": ("Followers over time", "粉丝趋势"),
    "fol.no_trend": ("no daily totals", "无每日数据"),
    "fol.explain": (
        "Fake-looking: no avatar, no posts, follows thousands, or created in bulk. Inactive: never "
        "posted. Buying followers raises the count, not sales.",
        "疑似虚假：无头像、无内容、关注数极多或批量注册。不活跃：从未发布内容。买粉只会增加数字，不会带来销量。",
    ),
    # likes and automation
    "likes.title": ("Likes and automatic replies", "点赞与自动回复"),
    "likes.intro": (
        "Like what your fans say about you, not random posts; and keep automatic replies for the hours "
        "nobody is at work.",
        "为粉丝提到您的内容点赞，而不是随意点赞；自动回复只在下班时间使用。",
    ),
    "likes.queue": ("Fans' posts worth a like", "值得点赞的粉丝内容"),
    "likes.queue_help": (
        "Only posts by your followers that mention the brand or its products ({terms}).",
        "只列出您的粉丝提到品牌或产品（{terms}）的内容。",
    ),
    "likes.queue_empty": ("No fan post to like right now.", "目前没有需要点赞的粉丝内容。"),
    "likes.matched": ("mentions “{term}”", "提到“{term}”"),
    "likes.like": ("Like", "点赞"),
    "likes.liked": ("Liked", "已点赞"),
    "likes.err_not_fan": (
        "Only fans' posts that mention the brand can be liked from here.",
        "这里只能为提到品牌的粉丝内容点赞。",
    ),
    "likes.share_title": ("Automatic replies in the last 30 days", "最近 30 天自动回复占比"),
    "likes.replies": ("Replies", "回复数"),
    "likes.automated": ("Automatic", "自动回复"),
    "likes.cap": ("Cap", "上限"),
    "likes.above_recommended": ("above the recommended {pct}", "高于建议的 {pct}"),
    "likes.over_cap": ("over the cap", "超过上限"),
    "likes.rules": ("Auto-reply rules", "自动回复规则"),
    "likes.no_rules": ("No rules yet.", "暂无规则。"),
    "likes.off": ("off", "已停用"),
    "likes.rule_when": ("When a message contains “{trigger}”", "当消息包含“{trigger}”时"),
    "likes.any_message": ("anything", "任意内容"),
    "likes.off_hours": ("only {start}:00–{end}:00 (off-hours)", "仅在 {start}:00–{end}:00（下班时间）"),
    "likes.all_hours": (
        "all day: customers get a machine during working hours",
        "全天：上班时间也由机器回复",
    ),
    "likes.max_share": ("at most {pct} of replies", "最多占回复的 {pct}"),
    "likes.all_accounts": ("all accounts", "全部账号"),
    "likes.make_off_hours": ("Limit to off-hours", "限定为下班时间"),
    "likes.disable": ("Turn off", "停用"),
    "likes.enable": ("Turn on", "启用"),
    "likes.new_rule": ("New rule", "新建规则"),
    "likes.f_name": ("Name", "名称"),
    "likes.f_trigger": ("When the message contains", "消息包含"),
    "likes.f_trigger_ph": ("empty: any message", "留空表示任意消息"),
    "likes.f_reply": ("Reply with", "回复内容"),
    "likes.f_from": ("Off-hours from (hour)", "下班时间从（时）"),
    "likes.f_to": ("until (hour)", "到（时）"),
    "likes.f_share": ("Max share of replies (%)", "最多占回复比例（%）"),
    "likes.f_off_hours_only": ("Only outside working hours (recommended)", "仅在下班时间（推荐）"),
    "likes.add_rule": ("Add rule", "添加规则"),
    "likes.err_rule": (
        "The rule was not saved: check the reply text, the hours (0–23) and the share (at most 50 %).",
        "规则未保存：请检查回复内容、时间（0–23）和比例（最多 50%）。",
    ),
    # users (admin)
    "users.title": ("Team members", "团队成员"),
    "users.intro": ("Who can log in, and what each role may do.", "谁可以登录，以及每个角色能做什么。"),
    "users.name": ("Name", "姓名"),
    "users.role": ("Role", "角色"),
    "users.employee": ("Employee (for signing)", "关联员工（用于签署）"),
    "users.no_employee": ("not an employee", "不关联"),
    "users.active": ("can log in", "可登录"),
    "users.you": ("you", "您"),
    "users.add": ("Add a team member", "添加成员"),
    "users.roles_help": (
        "Admin: everything, including users. Manager: dashboard, guidelines, audiences, followers, "
        "automation. Agent: inbox and composer. Employee: reads and signs the guidelines (link the "
        "employee).",
        "管理员：全部功能，包括用户管理。经理：总览、准则、受众、粉丝、自动化。客服：消息与发布。员工：阅读并签署准则（需关联员工）。",
    ),
    "users.password": ("Password (at least 8 characters)", "密码（至少 8 位）"),
    "users.create": ("Create", "创建"),
    "done.user_created": (
        "Team member created. Give them their email and password.",
        "已创建成员，请把邮箱和密码告诉对方。",
    ),
    "done.user_saved": ("Saved.", "已保存。"),
    # platforms
    "platform.weibo": ("Weibo", "微博"),
    "platform.wechat": ("WeChat", "微信"),
    "platform.douyin": ("Douyin", "抖音"),
    "platform.xiaohongshu": ("Xiaohongshu", "小红书"),
    "platform.bilibili": ("Bilibili", "哔哩哔哩"),
    "platform.facebook": ("Facebook", "Facebook"),
    "platform.instagram": ("Instagram", "Instagram"),
    "platform.x": ("X", "X"),
    "platform.linkedin": ("LinkedIn", "LinkedIn"),
    "platform.youtube": ("YouTube", "YouTube"),
    "platform.pinterest": ("Pinterest", "Pinterest"),
    "platform.tiktok": ("TikTok", "TikTok"),
    "platform.other": ("Other", "其他"),
}


def gettext(lang: str, key: str, **values: Any) -> str:
    """The text of ``key`` in ``lang`` with ``{values}`` filled in; the key itself when it is unknown."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "zh" else pair[0]
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def parse_accept_language(header: str | None) -> str | None:
    """The first of zh/en in an Accept-Language header, by quality (``zh-CN,zh;q=0.9,en;q=0.8`` → zh)."""
    if not header:
        return None
    best: tuple[float, int, str] | None = None
    for i, part in enumerate(header.split(",")):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        lang = "zh" if tag.startswith("zh") else ("en" if tag.startswith("en") else None)
        if lang and q > 0 and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, lang)
    return best[2] if best else None


def pick_lang(
    cookie: str | None, accept_language: str | None, user_lang: str | None, default: str = "zh"
) -> str:
    """The toggle's cookie, else the browser's language, else the user's profile, else the default."""
    for choice in (cookie, parse_accept_language(accept_language), user_lang, default):
        if choice in LANGS:
            return choice
    return "zh"
