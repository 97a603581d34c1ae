"""Tests for digests.furniture."""

from __future__ import annotations

import pytest

from digests.furniture import is_furniture, is_menu_heading, is_spam

FURNITURE = [
    "密碼:",
    "字號:",
    "字号:大 中 小",
    "【字号：大 中 小】【打印】【关闭】",
    "分享",
    "分享到:",
    "分享：",
    "打印",
    "打印该页 关闭窗口 返回到页面顶部",
    "浏览量:226 | 发布时间:2023-12-26",
    "点赞:",
    "收藏:",
    "编辑:张某",
    "责任编辑:李某",
    "关键词:民主生活会 座谈会",
    "宣傳部 2019-08-11 打印 分享",
    "2023-04-19 16:15:00 來源: 武漢統戰",
    "首頁>政協·協商>會議",
    "当前位置:首页 > 新闻",
    "1029_100229_685.jpg",
    "IMG_2041.JPEG",
    "图为会议现场",
    "张某 摄",
    "為你推薦",
    "• 熱點推薦",
    "即時新聞",
    "公益播報",
    "相关阅读:",
    "版权所有 © 某某区人民政府",
    "Copyright © 2024 All Rights Reserved",
    "沪ICP备12345678号-1",
    "澳门赌场 在线开户 送彩金",
    "博彩娱乐城 www.bet365-vip.com",
    "代开发票 加微信 138000",
    "点击进入彩票网 www.cp88.com 注册送",
    "|",
]

CONTENT = [
    "大家分享了工作经验。",
    "会上，委员们交流分享了调研体会。",
    "要做好文物收藏和保护工作。",
    "北京:把主題教育活動落實、落細",
    "北京：把主題教育活動落實、落細",
    "會議強調",
    "同志们:",
    "谢谢大家!",
    "九三學社上海市委召開2022年度領導班子民主生活會",
    "進一步凝聚合力，貢獻智慧力量！青浦區政協召開黨派團體負責人座談會 2024-10-29 來源：青浦區政府",
    "会议要求严厉打击网络赌博和博彩违法犯罪活动。",
    "体育彩票公益金支持社区养老服务建设。",
    "● 部署2023年機關黨建重點工作。",
    "2月21日下午，会议在上海召开。",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", CONTENT)
def test_content_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_menu_headings_in_both_scripts() -> None:
    assert is_menu_heading("為你推薦")
    assert is_menu_heading("  • 为你推荐")
    assert is_menu_heading("相關新聞：")
    assert not is_menu_heading("会议推荐了三名候选人。")


def test_spam_needs_spam_vocabulary_not_a_single_weak_word() -> None:
    assert is_spam("澳門賭場 真人百家樂")
    assert not is_spam("今年将加大贷款贴息支持力度。")
    assert not is_spam("开展打击赌场和博彩违法犯罪专项行动。")


PROSE_WITH_FURNITURE_WORDS = [
    "区政协召开提案办理协商会，10余家提案承办单位负责人汇报了办理情况，并与提案委员面对面交流。",
    "会议邀请报社责任编辑和新闻工作者座谈，就做好两会宣传报道工作交换了意见。",
    "会议通报了信访件的来源和办理情况，要求各单位按时限办结，切实维护群众合法权益。",
    "为方便群众办事，服务中心新增自助打印设备，群众可现场打印不动产登记证明等材料。",
    "座谈会上，企业家代表分享了转型发展的经验，大家一致认为要抓住政策机遇加快发展。",
    "会议指出，群众点击率高的问题要优先回应，切实把网上民意转化为改进工作的具体举措。",
    "会议强调，要加强知识产权和版权保护，为文化企业创新发展营造良好的法治环境。",
    "培训结束后，学员们在关闭窗口期前完成了线上考试，全部取得合格证书。",
    "会议要求，各单位要加快推广使用国产浏览器和办公软件，切实筑牢网络安全防线。",
]


@pytest.mark.parametrize("line", PROSE_WITH_FURNITURE_WORDS)
def test_running_prose_with_a_furniture_word_stays(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "记者：为什么想到网上买正品退假货？周某：先垫钱买个真的，然后再买个假的退回去，钱就退出来了。",
        "5月9日，某财富管理集团宣布，旗下基于官方微信(微信号：abcd)开发的微官网平台(wap.abc.com.cn)已上线。",
    ],
)
def test_a_post_with_a_label_or_a_platform_is_still_news(line: str) -> None:
    assert not is_furniture(line)
