"""Where a meeting was held, on sentences of our own in both scripts."""

from __future__ import annotations

import pytest

from digests.place import find_place
from digests.script import to_simplified


def place(text: str) -> str | None:
    return find_place(text, to_simplified(text))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("3月2日上午,東湖區政協座談會在區行政中心第二會議室召開。", "區行政中心第二會議室"),
        ("某同鄉會昨午假某酒店舉行春茗。", "某酒店"),
        ("特區政府今日下午於政府總部舉辦研討會。", "政府總部"),
        ("全国政协某会议提案交办会18日在京举行。", "北京"),
        ("某商会系列活动在某某市成功举办。", "某某市"),
        ("某某商會假座某酒樓舉行新春團拜會,逾三百人出席。", "某酒樓"),
        ("某某同鄉會春茗聯歡晚會於二月十日晚假某酒樓舉行。", "某酒樓"),
        ("工作小組昨日在某某市與有關單位舉行會議。", "某某市"),
        ("區長帶領主管騎腳踏車來到某某區三角里召開區務會議。", "某某區三角里"),
        ("某省政協主席某某5日在某市主持召開第十次主席會議。", "某市"),
        ("大會在雄壮的国歌声中开幕,会议在某会堂举行。", "某会堂"),
        ("主席某某在會期結束前舉行記者會。", None),
        ("某部部長某某在北京出席全國某某工作會議。", "北京"),
        ("某某主席在京出席某某座談會並講話。", "北京"),
        ("議員某某仍在羈押中未出席,其餘議員宣誓就職。", None),
        # a sentence saying where it was held goes first
        ("某某在北京出席某會議。會議在某會堂舉行。", "某會堂"),
    ],
)
def test_places_as_written(text: str, where: str | None) -> None:
    assert place(text) == where


@pytest.mark.parametrize(
    "text",
    [
        "某會員大會於近日召開。",
        "会议于3月5日上午召开。",
        "会上,王明讲话。",
        "将三个会议合在一起召开,减少会议次数。",
        "全会是在向奋斗目标进军的新征程上举行的一次重要会议。",
        "会议表决通过了关于延期召开某区第六次妇女代表大会的决定。",
        "会议审议了县妇联《关于某某的请示》和县总工会《关于召开某某会议的报告》。",
        "在宪法及法律法规的框架下举行选举。",
        "集团党代会是在党的二十大胜利召开后举行的。",
        "活动原本在春节过后就要举办,后来在过了元宵才举行。",
        "各里长并没有在意举办的时间。",
    ],
)
def test_times_are_no_places(text: str) -> None:
    assert place(text) is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a meeting before which something is done is a time, not a place
        ("在人代会召开前,依法组织代表视察。", None),
        # an atmosphere: `在…的…中`
        ("大会在庄严的国歌中拉开序幕。首先,总经理致辞。", None),
        # the opening idioms hold a place too
        ("某某大会昨日于北京人民大会堂掀开序幕,五百人参加。", "北京人民大会堂"),
        # a session decided on is not where the meeting reported was held
        ("議會召開程委會，通過十至十九日於永華議事廳召開臨時會。", None),
        # a notice's or a record's field
        ("二、现场会议地点:公司第一会议室\n三、会议方式:现场投票", "公司第一会议室"),
        ("某院會議紀錄\n時 間 中華民國112年2月17日\n地 點 本院議場\n主 席 某院長", "本院議場"),
        # a city's short form, then the place spelled in full from that city
        (
            "2017年在京臺胞中秋茶話會在京召開\n9月26日,某盟在北京臺灣會館召開茶話會。",
            "北京臺灣會館",
        ),
    ],
)
def test_places_by_shape(text: str, where: str | None) -> None:
    assert place(text) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a city's one-character form the text writes in full elsewhere, as it writes it
        ("九三学社某州市第九届委员会第八次全体会议在某召开。", "某州"),
        ("九三學社溫州市第九屆委員會全體會議在溫召開。", "溫州"),
        ("某某县第五届政协常委会议在某召开。", "某某"),
        # a character the text never writes as the start of a city stays as it is
        ("全体会议在温召开。", "温"),
    ],
)
def test_a_citys_short_form_from_the_text(text: str, where: str) -> None:
    assert place(text) == where
