"""The words meeting names are read by: the meeting words themselves, the verbs that hold,
attend or cite a meeting, and the shapes of sessions, bodies, times and datelines around a
name. Patterns match simplified text; `digests.meeting` reads names with them."""

from __future__ import annotations

import re

from digests.script import CJK
from digests.sentences import BULLETS

CAP = 80  # no fact may grow into a paragraph
CLAUSE = "，,。；;：:！!？?\n"
NAME_END = CLAUSE + "、 \t\u3000】/／|｜" + BULLETS.replace("○", "")  # (○: a zero)
CLAUSE_CHAR = re.compile(
    f"[{re.escape(CLAUSE)}]"
)  # a list comma or a space also ends a meeting name

AGENDA = r"[程员]|事日程|事规则"  # after 会议: a session's agenda, rules, councillors
# A meeting word; the lookaheads keep 会场/会堂/会员/会长 and references such as 会议精神 out.
# What says an event was held, right after its name: `日前在某中心顺利举行`, `昨日举行`.
HELD_NEXT = r"(?:日前|近日|昨天|今天|昨日|今日)?(?:[在于][^，,。；;]{1,20}?)?(?:顺利|隆重)?举行"
HELD_AFTER = re.compile(HELD_NEXT)
KIND = (
    r"(?:座谈|生活|研讨|推进|部署|动员|报告|交流|协商|恳谈|茶话|评议|述职|学习|汇报|通报|现场"
    r"|见面|联席|推介|培训|发布|调度|务虚|总结|表彰|纪念|启动|分析|讨论|对接|观摩|议政|协调|碰头"
    r"|欢送|欢迎|餐舞|舞"  # `欢送会`, `慈善餐舞会`: receptions held
    r"|招待|联谊|团拜|督办|交办|定期|临时|执委|全委|办公|务虚|讲评|点评|通气|说明|听证|推进"
    r"|开幕|闭幕|(?<![今明去本每当近\d])年|工作|(?<=[党职团妇侨作文学青工少教])代|谈话|联欢|例|扩大|评审|论证"
    r"|分享|宣讲|审查|研习|洽谈|峰|(?<=[次届])常委|党委"
    r"|预备|成立|聚"  # a congress's `预备会`, a body's `成立会`, a `工作聚会`
    # a council's finance committee (`財委會`), `會員總會`, `定例會`, a reception (`…酒會`)
    r"|财委|会员总|定例|(?<!喝)酒"  # (`在太空中喝酒会怎样`: drinking will, no reception)
    r"|议事|会商|咨询|誓师|质询|答辩|评估"  # `村民议事会`, `防汛会商会`, `专家咨询会`
    r"|记者"  # a press conference (`年结记者会`, `记者招待会` is 招待)
    r"|吹风|研判|约谈|答谢|签约"  # a briefing, a review of the situation, a signing
    r"|备课|解读|答疑|宣贯"  # teachers' `集体备课会`, `政策解读会`, `答疑会`, `宣贯会`
    # boards and councils meeting, a bureau's or a school's own meeting, a hearing
    r"|理事|监事|董事|会董|校董|常务|专题|公听|发表|[局院校所区乡镇厂处科室馆]务"
    r"|程序委员|程委|行政)"  # a council's procedure committee (程委會), an executive council
    # a session's 议程 or 议事日程 is its agenda, its 议事规则 its rules of procedure, its
    # 议员 its councillors (`定期大會議員報到`);
    # 会务 is an association's affairs (`總結會務`), not a meeting; `报告会计差错`, accounts
    rf"会(?![场堂员长所址见计]|务(?!必)|议(?!{AGENDA}))|会报(?!告)|大会(?![堂场]|议(?!{AGENDA}))"
    # Taiwan's 立法院 sits as the 院會 (`主持院會`), not a hospital's or college's 院会诊
    r"|(?<![医学])院会(?![议场堂员长所址见同务计商谈晤诊])"
    rf"|全会|会议(?![室厅]|中心|材料|资料|文件|{AGENDA})|论坛|(?<![今昨当傍每前天])晚会(?![见同])"
    r"|集体学习会?|专题研讨会?"
    # a party committee's standing committee meeting held (`召开党委常委会，研究…`), not the
    # body acting (`经县委常委会研究`) or its officers (`常委会主任`)
    r"|(?<=[党县市区省州镇乡校]委)常委会(?=[，,。；;(（\s]|$)"
    r"|茶[会聚]|(?<![今昨当每])晚宴|(?<![今昨当每])宴会(?![厅大]|礼堂)"  # `新春茶会`, `团拜茶聚`,
    # `春茗联欢晚宴`, `迎春宴会`: receptions held; a named feast (`大闸蟹宴`, `春茗宴`), not
    # one given or attended (`设宴`, `赴宴`) nor its tables (`宴席`)
    rf"|(?<=[{CJK}])(?<![设赴晚盛国家喜寿婚午])宴(?![请客席会厅])"
    # a body's ceremonies: `就职典礼`, `就職儀式`, `颁奖典礼`, `成立大典`
    r"|(?:就职|颁奖|授勋|宣誓|成立|揭牌|授旗|移交|交接|揭幕|授牌|授印|启动|升旗|春祭|秋祭|公祭|签约|签字)"
    r"(?:典礼|仪式|大典)"  # (`某市各界公祭革命先烈暨陣亡將士春祭典禮`)
    # talks held with a group (`任前集中谈话`), a reading held (`主题读书活动`), an anniversary
    r"|(?:集中|集体|廉政|任前)谈话(?!会)|读书(?:分享)?(?:交流)?活动|(?<=[年周])纪念活动"
    # `街坊节开幕礼`, `46周年庆典`, `某分会成立庆典`
    r"|(?:开幕|闭幕|揭幕)(?:式|礼|典礼)|(?<=[年周”」』])(?:庆典|庆会)|成立庆典"
    # an election held as the event (`某会执行主席选举日前在某中心顺利举行`), not one planned
    rf"|(?<=[{CJK}])选举(?={HELD_NEXT})"
    # or held, the clause ending on it: `某公会举行换届选举，选出…`
    rf"|(?<=[{CJK}])选举(?=[，,。；;]|$)"
    # `新春团拜`, `交流聚餐会`, `传媒春茗`: receptions
    r"|培训班|团拜(?!会)|(?:聚餐|餐叙)会?|春茗(?![联宴晚])"
    r"|(?<=朝野|党团)协商(?![会议后])"  # Taiwan's legislature: `召集朝野黨團協商`
    r"|施政总质询"  # a council's sitting that questions the executive (`縣長施政總質詢`)
    # `常委(扩大)会`, `党组（扩大）会议`: the qualifier written inside the meeting word
    r"|(?<=[委组席任])[(（]扩大[)）]会(?:议)?(?![场堂员长所址室厅])"
)
# `…大会会议精神座谈会` cites the 大会; `…论坛筹备委员会`, `…大会新闻中心` are its bodies
# the same (and `…代表大会常务委员会`); `…会议制度` is a rule of meeting, not a meeting;
# `…董事会通知`, `…会议决议`, `…会议纪要` are its papers, which a text sends or prints
# Every match opens on a character the pattern writes out (a word's first, or the `(` of
# `（扩大）会`; no class consumes the first character), so a lookahead for those characters
# lets re skip the positions no alternative can open at: it tries each alternative at every
# position otherwise, and the search ran 2.7× slower on the benchmark's corpus.
OPENERS = "".join(sorted({ch for ch in KIND if not ch.isascii()} | {"("}))
MEETING = re.compile(
    f"(?=[{re.escape(OPENERS)}])(?:{KIND})"
    "(?!(?:会议)?精神|筹备|筹委|组委|秘书处|新闻中心|制度|常务委员会|常委会|通知|决议|公告|纪要)"
)  # `全国人民代表大会常务委员会` is the congress's standing body, not the congress
# Words that end a phrase when walking left, longest first; verbs mark a named meeting.
VERBS = (
    "召开了",
    "举行了",
    "参加了",
    "出席了",
    "举办了",
    "开展了",  # `某社区开展党建联席会`: a meeting held, as 举办 says
    "进行了",  # `对新任干部进行任前集中谈话`, `进行换届选举`: held
    "进行",
    "参与了",
    "是次为",  # `是次為某區議會第五次大會`: this sitting is the one named
    "此次为",
    "本次为",
    "召集了",  # Taiwan's 院長 convenes a round of talks: `召集朝野協商`
    "召开",
    "举行",
    "举办",
    "召集",
    "开展",
    "开幕的",  # `今天在北京开幕的某会议决定…`: the meeting that opened
    "落下帷幕的",  # `前不久落下帷幕的某市纪委全会`, `某议会甫落幕第19届…定期大会`: closed
    "甫落幕",
    "落幕的",
    "闭幕的",
    "参加",
    "出席",
    "列席",
    "参与",
)
# Verbs of a visit: the `…联谊会` met is an organisation, not a meeting (`会见某联谊会一行`).
MET = ("会见", "接见", "会晤", "看望", "慰问", "拜会", "拜访")
# Verbs of a task about a meeting: `做好省第十二次党代会宣传`, `发挥教职工代表大会作用`,
# `迎接…大会召开`, `预祝大会圆满成功`: the meeting is referred to, not held (unless held:
# `召开迎接…晚会`).
REFERS = (
    "做好",
    "开好",
    "办好",
    "服务好",
    "保障好",
    "筹备好",
    "组织好",
    "发挥",
    "迎接",
    "确保",
    "预祝",
)
# Verbs of an election: `选举产生了某会第一届理事会`, `当选某会执委会`: the body elected to.
ELECTED = ("选举产生了", "选举产生", "当选为", "当选", "选出了", "选出")
# A body founded (`某理事会在某村成立`): the body, not a meeting (`成立大会` is one word).
FOUNDED = re.compile(r"(?:[在于][^，,。；;]{1,20}?)?(?:正式|宣告)?成立(?![大典仪庆会])")
# A body founded before the name (`某村成立某联谊会`), not an anniversary (`成立十周年大会`)
# nor a founding held with a meeting (`某分会成立暨第一次会员代表大会`); said of the words
# that name a body as well as its meeting.
FOUNDING = re.compile(r"成立了?(?!暨)(?![^，,。；;]*周年)")
FOUNDED_BODIES = frozenset({"联谊会", "理事会", "监事会", "董事会", "执委会", "议事会"})
OF_THE_NAME = (*REFERS, "列席", "出席", "参加", "参与")
# Who organised what is attended: `出席该会主办的新春团拜`; the body is no part of the name.
ORGANISED = ("主办的", "承办的", "组织的")
NAME_STOPS = (
    *MET,
    *REFERS,
    *ELECTED,
    "召开过",  # `没有举行过…会议`: held once, or never; not the meeting reported
    "举行过",
    *VERBS,
    "主持",
    "在",
    "是",
    "了",
    "讯",
    *ORGANISED,
    "为主题的",
    "为题的",
    "主办",
    "合办",  # `某局和某學院合辦世界某日研討會`: who organised it, not its name
    "协办",
    "推出",  # `某商会推出系列座谈会`: the body launching it is no part of its name
    "随着",  # `随着某会议的召开`: what came with it, not the name
    "随著",  # (as the converter leaves a traditional page's 隨著)
    "开议",  # `…臨時會8日起於新營開議臺南市議會…`: a headline glued to the lede ends at its verb
    "闭幕",  # (`…圓滿閉幕臺南市議會…`; a `闭幕式` or `闭幕会` is a name's own word)
    "讨论",  # `召开程序委员会，讨论第4届第4次定期会议事日程`: the agenda's session
    "让",  # `不能讓會議繼續辯論`: what a meeting is let do, not who holds it
)
# A weekday in brackets, `(星期五)`, `（周一）`: a date's, never part of a name.
WEEKDAY = re.compile(r"[(（](?:星期|礼拜|周)[一二三四五六日天][)）]")
WEEKDAY_END = re.compile(f"{WEEKDAY.pattern}$")
DAY_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})"  # 26日, 二十七日 (Taiwan's wire style)
FOLLOWS_NAME = re.compile(
    rf"[」』”\"]?[，,]?\s*(?:\d{{1,2}}/\d{{1,2}}\s*)?"  # Taiwan's `定期會 10/3開議`
    r"(?:原[定订]于?|原本)?"  # `某委員會會議原定下午二時召開，但…流會`: called, and reported
    rf"(?:(?:(?:19|20)\d\d年)?(?:\d{{1,2}}月)?{DAY_NUMBER}(?:日?[至到\-~]{DAY_NUMBER})?日)?"
    r"(?:[于於]\s*(?:本月|今年)?(?:\d{1,2}月)?\d{1,2}日)?"  # `某联谊会于本月18日举行…`
    r"(?:昨天|今天|今日|昨日|当日|当天|昨|今)?(?:[(（][\d一二三四五六七八九十]{1,3}(?:[)）]日|日[)）]))?"
    r"(?:[上下]?午|晚上?)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点](?:\d{1,2}分|半)?)?"
    r"(?:即?将|已经?)?\s*"
    r"(?:以[^，,。；;]{1,12}?(?:形式|方式))?"  # `…会议以电视电话会形式召开`
    r"(?:完成[^，,。；;]{0,8}?议程后?)?"  # `…常委会议完成各项议程后闭幕`
    r"(?:在|于|假|召开|举行|隆重|顺利|胜利|近日|日前|开幕|闭幕|开议|圆满|登场|分别"
    r"|选举产生)"  # `某省党代表会议选举产生…代表`: it sat and elected
)
HOLDS = re.compile(r"召开|举行|举办")
# `举行定期会议`, `举行了12次会议`: how often they meet, or what sort, not which meeting.
GENERIC = re.compile(
    r"^(?:此次|本次|这次|该次|上一?次|下一?次|今次|每次|[上下]一?届|这|那|其|各类|此类|该类|各种|有关|相关|一次|一场|一系列)|的一次|十分重要|非常重要"
    r"|[上下]一?次(?:会议|大会|例会|会)$"  # `主席宣布下次會議`: the next one, whoever announces it
    r"|^[他她它您者]"  # a clause's subject, not a name: `他期望新届会董会`, `者均获大会`
    r"|^全[县市区省州镇乡村校]的"  # `参加全县的大会`: which county's, not which meeting
    r"|^(?:定期|例行|日常|多次|[\d一二三四五六七八九十百]+次)会议$"
    r"|^[\d一二两三四五六七八九十]+场"  # `召开3场座谈会`: how many, not which
    r"|^(?:重要|重大|盛大|隆重)的?(?:会议|大会|盛会)$"  # `…召开的重要会议`: what it was
    r"|^[\d一二两三四五六七八九十]+(?:天|小时|个小时)的?(?:会议|大会)$"  # `三天会议`: how long
    r"|^(?:我们|咱们|你们|他们|大家)的"  # `我们的年会`: whose, not which
)
# How many meetings a work took, not which: `仅以4次会议完成`, `经过三次会议`, `历经两次会议`.
COUNTED = re.compile(r"(?:以|经过?|历经|通过|用了?|共)\s*(?:\d+|[两一二三四五六七八九十]+)次$")
NUMBER = r"(?:[\d一二三四五六七八九十百零〇]+|首)"  # 首次, 首届: the first
# `新一届理事会`, `上一届`, `每一次` are no session's number
SESSION = re.compile(
    rf"(?<![新上下本每历换])(?:(?:19|20)\d\d年(?:度)?)?(?:第?{NUMBER}届)?第?{NUMBER}[次届]"
)
# The time between a subject and its verb: `于3月5日`, `12月25日上午`, `日前`, `今(5)日`.
TIME = re.compile(
    r"(?:[定订]?[于於]\s*)?(?:本月)?(?:(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?"  # 十二月五日
    r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日"
    r"|[今昨]\s*[(（]\d{1,2}[)）]\s*日|(?:今日|今天)\s*[(（]\d{1,2}日?[)）]"
    r"|今日|昨日|今天|昨天|日前|近日|[今昨])?"  # `昨晚`, `今上午`, `某会昨举行…`
    r"(?:[本上下这]?(?:周|星期|礼拜)[一二三四五六日天])?"  # `某委員會本周五召開特別會議`
    r"(?:[上下]午|晚上?|早上?|早晨|晨|中午|凌晨|傍晚|晚间)?"
    r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点](?:\d{1,2}分|半)?)?"  # `下午3時在…舉行`
    rf"(?:{WEEKDAY.pattern})?$"  # `定于2月17日(星期五)举行…`
)
STUDY_GROUP = re.compile(r"中心组$")  # a theory study group meets only as itself
MEETING_BODY = re.compile(
    r"(?:常委会|党组|党委|党工委|委员会|主席团|执委会|理事会|董事会|立法会|议会"
    r"|全委会|支委会|监事会|管委会|小组)$"  # `某纪委全委会召开会议`: the 全委会会议
)
ORG_END = re.compile(r"[会委联协组部局办府院团社盟所厂司议学校馆）)]$")  # 馆: a 会馆
NUMBERED_AT = 12  # a meeting's number comes early: after a short body (主席团第三次), a year
# The body a sentence opens with, past its time: `高雄县议会应县府要求，…召开第十六届…`.
SUBJECT = re.compile(
    rf"(?:[^，,。]{{0,12}}?[日午][，,]?)?\s*([{CJK}()（）]{{1,16}}?"
    r"(?:议会|代表会|人大常委会|常委会|人大|政协|委员会|妇联|工商联|总工会|团委|党委|党组|纪委"
    rf"|侨联|科协|残联|协会|商会|联合会|公司|集团|法院|检察院|政府|公所))(?=[^{CJK}]|[应于在将召举])"
)
CONVENED = re.compile(r"(?:召开|举行)了?([^，,。；;、\s]{2,14}?委员会)(?![委员主副])")
# What a body convenes, ending in 会 at its clause's end, is a meeting even of a kind the
# list above lacks; an association (协会, 学会, 基金会) is no meeting.
CONVENED_MEETING = re.compile(
    r"召开了?([^，,。；;、\s《》]{2,30}?(?<![协学商工总合金])会)(?=[。，,；;]|\s|$)"
)
# A council, or its committee, that sits as itself, opening a sentence (after a station's
# credit) with what it did that day: `立法會內務委員會今日討論…`, `(某電台消息) 立法會第二常設
# 委員會繼續討論…`, `行政會完成討論…`, `立法會恢復二讀辯論…` (the body is the meeting).
SITTING_COMMITTEE = re.compile(
    r"(?:^|(?<=[。！？!?\n)）]))\s*"
    r"((?:立法会|区议会|议会|人大常委会)(?:[^，,。；;、\s《》]{0,16}?(?:委员会|内会))?|行政会)"
    r"(?:今日|昨日|今天|昨天|今早|昨晚|[今昨])?(?:[上下]午|晚上?)?(?:继续|恢复|完成)?"
    r"(?:讨论|审议|通过|否决|表决|开会|辩论|补选|选出|[二三]读)"
)
# A body that took its decision at its meeting: `某諮詢委員會今日在會議上審議並決定…`.
BODY_AT_MEETING = re.compile(
    r"(?:^|(?<=[。！？!?\n，,]))([^，,。；;、\s《》]{2,20}?(?:委员会|理事会|董事会|常委会|小组))"
    r"(?:今日|昨日|今天|昨天|日前|[今昨])?在(会议)上"
)
QUOTES = {"”": "“", "」": "「", "』": "『"}
# A dateline or credit opening a sentence: `(中央社记者某某某县十日电)`, `本报讯（记者 某某）`.
DATELINE = re.compile(
    r"\s*[(（]?[^，,。()（）]{0,30}?(?:电|讯|报道|报导)\s*(?:[(（][^)）]{0,30}[)）])?[)）]?"
)
# What may follow a numbered meeting that a clause is about: `…定期会议程排定`, `…定期会从昨日起`,
# `在县纪委十四届七次全会上` (at which something was done; taken only when none is held).
ABOUT = re.compile(
    r"[」』”]?(?:\d{1,2}日|[，,。；;]|今|昨|于|将|已|正式|议程|议事日程|议员|从|自|上"
    r"|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十廿卅]{1,3}日)"  # `…定期大會四月二日起開議`
)
CREDIT = re.compile(r"记者|通讯员|摄|电|报道")


# Words that say whose the meeting is: this office's, this school's (`本所`, `我校`).
DEICTIC = re.compile(
    r"(?:本公所|本[所会會院局校处處]|我[校院所局会會])(?![务務长長])"
    r"|^(?:学校|學校|大学|大學|集团公司|集團公司|公司)$"  # `学校召开…`: the page's own, unnamed
)  # both scripts

# How often it is held: `一年一度的新春团拜`, `一年一度大闸蟹宴`.
RECURRING = re.compile(
    r"(?:[一每两三]年一[度次]|每年一[度次])的?"
    r"|(?:一连|一連)?(?:为期|為期|历时|歷時|会期|會期)[^，,。；;的]{1,6}的"
    r"|(?:盛大|隆重|热烈|熱烈|温馨|溫馨|精彩|简朴|簡樸|别开生面|別開生面)的"
)  # and how long it lasts (`为期三天的`), how it went (`盛大的`); in either script, since
# `name_text` reads the page's own
