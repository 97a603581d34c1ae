"""Meeting names, tenth round: the body that holds a meeting opens its name (`某学院召开党政联席
会议` → `某学院党政联席会议`), elections, founding meetings, preparatory sittings, launch
ceremonies, group talks and readings held are meetings; a body elected or founded is none.
Texts written here in the style of the real pages."""

from __future__ import annotations

import pytest

from tests.digests.test_meeting import facts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the body that holds the meeting opens its name, in either script
        ("3月17日下午,某学院召开党政联席扩大会议,传达学校精神。", "某学院党政联席扩大会议"),
        ("10月12日下午,集團召開黨委理論中心組專題學習研討會。", "集團黨委理論中心組專題學習研討會"),
        ("1月5日下午,市委宣传部召开专题会议,安排部署两会宣传。", "市委宣传部专题会议"),
        # an election held is the meeting, with the body that held it
        ("某律師公會舉行換屆選舉,選出現任副主席王大明出任主席。", "某律師公會換屆選舉"),
        (
            "某廠商聯合會今日(24日)舉行第四十三屆會長選舉,結果由常務副會長李明當選。",
            "某廠商聯合會第四十三屆會長選舉",
        ),
        # a founding meeting, a congress's preparatory sitting, a launch ceremony
        ("近日,某乡乡贤联合会成立会召开,100余名乡贤代表欢聚一堂。", "某乡乡贤联合会成立会"),
        (
            "某省妇女第十次代表大会今天下午在省人民会堂举行预备会。预备会通过了大会议程。",
            "某省妇女第十次代表大会预备会",
        ),
        (  # the day in brackets as `(27日)`, then the place: the congress holds its sitting
            "某省妇女第十次代表大会今天(27日)下午在省人民会堂举行预备会。",
            "某省妇女第十次代表大会预备会",
        ),
        (
            "4月2日,县政协“书香政协”委员读书活动启动仪式在县文化中心举行。",
            "县政协“书香政协”委员读书活动启动仪式",
        ),
        # a group talk before taking office, a reading held, an anniversary's events
        (
            "近日,某县纪委监委对新任干部进行任前集中谈话。本次集中谈话以问答形式进行。",
            "任前集中谈话",
        ),
        (
            "4月28日,某区政协在区政府大会议室举行“书香政协”线下读书分享交流活动。",
            "某区政协“书香政协”线下读书分享交流活动",
        ),
        (
            "某華僑總會於3月10日在某酒店舉辦80周年紀念活動,僑胞約200人出席。",
            "某華僑總會80周年紀念活動",
        ),
        # a committee that met `昨`, a reception, a spring reception, the executive questioned
        ("■某工會第三十六屆常務理事會昨舉行第一次會議。", "某工會第三十六屆常務理事會第一次會議"),
        ("某會昨舉行慶祝“三·八”國際婦女節酒會。", "某會慶祝“三·八”國際婦女節酒會"),
        ("【本報訊】澳門某總會昨假某宴會廳舉行傳媒春茗,三十家傳媒出席。", "澳門某總會傳媒春茗"),
        ("某縣議會今日進行縣長施政總質詢,議員提問。", "縣長施政總質詢"),
        # closed: the session that just ended, the plenum that came to a close
        ("某縣議會甫落幕第19屆第1次定期大會,議長表示。", "某縣議會第19屆第1次定期大會"),
        ("前不久落下帷幕的某市纪委十二届四次全会提出要求。", "某市纪委十二届四次全会"),
        # a members' general meeting held, Japan's style (`定例會員總會`)
        ("某某台灣同鄉會於3月5日舉行定例會員總會,會長王大明致詞。", "某某台灣同鄉會定例會員總會"),
    ],
)
def test_held_and_named_with_its_body(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    "text",
    [
        # a body elected, founded or joined is no meeting
        "某公司董事长王明当选某省工商联第十三届执委会执委。",
        "我区首个基层乡贤理事会在某镇某村成立,选举产生了首届理事会会长。",
        "当天,某镇成立某镇乡贤联谊会,选举产生了某镇乡贤联谊会第一届理事会。",
        # an election taken part in is none held
        "某聯盟牽頭參加立法會選舉,夯實愛國者治澳。",
        # `今天晚会` is that evening's party, not its name
        "今天晚会嘉宾云集,驻外代表等人都到场与乡亲同乐。",
    ],
)
def test_no_meeting_is_named(text: str) -> None:
    assert facts(text).name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the body is not joined where the name says whose it is, or is the event's title
        (
            "某市纪委监委召开全市招标投标领域专项整治工作调度会议。",
            "全市招标投标领域专项整治工作调度会议",
        ),
        ("某团委召开学习某省团代会精神座谈会。", "学习某省团代会精神座谈会"),
        ("4月2日,民盟某市委会召开民盟市委六届二十次扩大会议。", "民盟市委六届二十次扩大会议"),
        ("某处组织离退休老干部召开“祝福祖国”座谈交流会。", "“祝福祖国”座谈交流会"),
        ("某某總會昨晚舉行「2025新春聯歡晚宴」,會長致辭。", "2025新春聯歡晚宴"),
        ("(本报讯)某同乡会于5月7日晚在某餐厅举行成立大会。", "某同乡会成立大会"),
        # a body's short form in brackets is no byline's names; 隨著 as the converter leaves it
        (
            "某某電(記者 王明)伴隨著鑼鼓聲,歐洲某某社團聯合會(歐某聯會)成立15週年慶典11日舉行。",
            "歐洲某某社團聯合會成立15週年慶典",
        ),
        (
            "隨著2017年兩會首場新聞發布會的召開,某某十二屆五次會議新聞發布會舉行。",
            "某某十二屆五次會議新聞發布會",
        ),
        # an anniversary and a founding held together are still meetings
        ("某协会成立十周年纪念大会在京举行。", "某协会成立十周年纪念大会"),
        (
            "某联谊总会某分会成立暨第一次会员代表大会召开。",
            "某联谊总会某分会成立暨第一次会员代表大会",
        ),
    ],
)
def test_the_body_is_joined_only_where_it_is_the_holder(text: str, name: str) -> None:
    assert facts(text).name == name
