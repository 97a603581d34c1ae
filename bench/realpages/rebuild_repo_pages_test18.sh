#!/usr/bin/env bash
# Re-creates every page of the `repository pages` set, split test18, from repository snapshots
# brought onto the machine with the search tool's `fetch` verb (git directories under
# $MIR/<owner>+<repo>/repo). Every file is read at the commit pinned below, so the output is
# byte-identical on any machine that has the same snapshots.
set -euo pipefail
source "$(dirname "$0")/rebuild_common.sh"  # OUT, MIR, gd, show

XW=DuckBurnIncense+xin-wen-lian-bo;      XW_C=ae8d591d33dd3701a34045e0acb24cd5b70b2ede
CJ=caijing666666+xinwenlianbo;           CJ_C=f5c4be47893b2a5d099dae7c5c041c3b3523e198
TN=kiang+www.tncc.gov.tw;                TN_C=68be6b2d75bee0fa252101bf591ca139bdb74000
TNG=kiang+www.tainan.gov.tw;             TNG_C=b98fae157d895512abdea52368c1e002e22fa75b
HKC=hkarchivist+hkcnews-article-archive; HKC_C=635cc02f3c0fcd3d8c829c68cd2fe07f50adfc25
CX=chrislinan+cx-extractor-python;       CX_C=56f19b1b7a340f730a9cfd28d2e11e65709f8852
MH=opendatalab+magic-html;               MH_C=47d4a7fed12030e906a093b074637f178cb46ef2

# --- 新闻联播 day files (DuckBurnIncense): one "### " item -> title, 日期 line (from the
#     file's "# 《新闻联播》 (YYYYMMDD)" heading), body <p> turned into lines, the trailing
#     "[查看原文](…)" link left out. UTF-8.
xw(){ git --git-dir="$(gd $XW)" show $XW_C:"$1" | python3 -c '
import sys,re,html
md=sys.stdin.read(); want=sys.argv[1]
m=re.search(r"^# .*\((\d{4})(\d{2})(\d{2})\)",md,re.M)
day="%s-%s-%s"%m.groups()
for part in re.split(r"\n(?=### )",md):
    head,_,body=part.partition("\n")
    if head.startswith("### ") and head[4:].strip()==want:
        body=re.split(r"\n\[查看原文\]",body)[0]
        body=re.sub(r"</p>\s*<p>|<p>|</p>","\n",body)
        body=html.unescape(re.sub(r"<[^>]+>","",body))
        lines=[l.strip() for l in body.split("\n") if l.strip()]
        open(sys.argv[2],"w",encoding="utf-8").write(want+"\n日期："+day+"\n"+"\n".join(lines)+"\n"); break
else: sys.exit("item not found: "+want)
' "$2" "$OUT/$3"; }
xw news/20240725.md "全国政协十四届常委会第八次会议闭幕 王沪宁主持并讲话" r18_000.txt
xw news/20240424.md "十四届全国人大常委会举行第二十四次委员长会议 听取有关草案和议案审议情况汇报 赵乐际主持" r18_001.txt
xw news/20221219.md "中国民主促进会第十三次全国代表大会在京闭幕" r18_002.txt
xw news/20231124.md "二十届首都规划建设委员会第二次全体会议在京召开 蔡奇出席并讲话" r18_003.txt
xw news/20240123.md "全国统战部长会议在京召开 王沪宁出席并讲话" r18_004.txt
xw news/20251030.md "第四次全国文物普查工作推进会暨普查领导小组第三次会议在京召开" r18_005.txt
xw news/20240125.md "李强主持召开各民主党派中央、全国工商联负责人和无党派人士代表座谈会" r18_006.txt
xw news/20231026.md "中国妇女第十三次全国代表大会闭幕" r18_007.txt
xw news/20240719.md "李希主持召开中央纪委常委会会议 传达学习贯彻党的二十届三中全会精神" r18_008.txt
xw news/20221214.md "民建十一届六中全会在京召开" r18_009.txt

# --- JSON records: title, 日期 line from the record's date field, body as stored. UTF-8.
# rec <owner+repo> <commit> <path> <title-key> <date-key> <body-key> <outfile>
rec(){ git --git-dir="$(gd "$1")" show "$2:$3" | python3 -c '
import sys,json
r=json.load(sys.stdin); t,d,b,out=sys.argv[1:5]
open(out,"w",encoding="utf-8").write(r[t].strip()+"\n日期："+r[d]+"\n"+r[b].strip()+"\n")
' "$4" "$5" "$6" "$OUT/$7"; }
# 新闻联播 / NDRC local news (caijing666666): {title, date, content}
for p in "2025-10-31-6 r18_010" "2025-11-17-001 r18_011" "2025-11-19-003 r18_012" \
         "2025-11-26-5 r18_013" "2025-12-08-005 r18_014" "2025-12-03-003 r18_015" \
         "2025-12-10-002 r18_016" "2025-11-20-4 r18_017" "2025-12-08-003 r18_018"; do
  set -- $p; rec $CJ $CJ_C data/news/$1.json title date content $2.txt
done
# Tainan City Council news (kiang/www.tncc.gov.tw): {published, title, content}
T=data
rec $TN $TN_C $T/2022/03/2022-03-09_B91C30F6-4AC5-4B15-9DC2-18379E322D9F.json title published content r18_019.txt
rec $TN $TN_C $T/2019/07/2019-07-17_B8A26B5A-8C6D-4808-9AD7-9644E6A8AA61.json title published content r18_020.txt
rec $TN $TN_C $T/2024/03/2024-03-15_8B701D5F-16FA-4AE7-98B3-A1BFC9F68A63.json title published content r18_021.txt
rec $TN $TN_C $T/2023/08/2023-08-23_9020E622-E4ED-42AD-9C58-CFAF37E308DE.json title published content r18_022.txt
rec $TN $TN_C $T/2021/04/2021-04-08_1349D329-DA7B-48DB-9862-CA3175E6F074.json title published content r18_023.txt
rec $TN $TN_C $T/2023/07/2023-07-19_B139B565-C210-407F-88EC-CF216227B168.json title published content r18_024.txt
rec $TN $TN_C $T/2020/12/2020-12-02_B19DEC0E-839A-46DE-B403-87238E6FC70B.json title published content r18_025.txt
rec $TN $TN_C $T/2025/08/2025-08-06_9A02DB57-2360-4960-9CB7-71764A776589.json title published content r18_026.txt
rec $TN $TN_C $T/2023/04/2023-04-27_BA864A97-6CAF-438F-BD0A-190A7813DA70.json title published content r18_027.txt
rec $TN $TN_C $T/2022/03/2022-03-25_A38D462A-4D6E-4B90-997B-04CC3CEAA131.json title published content r18_028.txt
# Tainan City Government news (kiang/www.tainan.gov.tw): {published, title, department, url, content}
G=docs/data
rec $TNG $TNG_C $G/2024/09/2024-09-13_8692891.json title published content r18_029.txt
rec $TNG $TNG_C $G/2020/03/2020-03-06_7647211.json title published content r18_030.txt
rec $TNG $TNG_C $G/2022/01/2022-01-19_7868127.json title published content r18_031.txt
rec $TNG $TNG_C $G/2026/04/2026-04-10_8807664.json title published content r18_032.txt
rec $TNG $TNG_C $G/2025/08/2025-08-29_8765071.json title published content r18_033.txt
rec $TNG $TNG_C $G/2020/02/2020-02-20_7638630.json title published content r18_034.txt
rec $TNG $TNG_C $G/2024/09/2024-09-18_8693482.json title published content r18_035.txt
rec $TNG $TNG_C $G/2025/03/2025-03-28_8732791.json title published content r18_036.txt
rec $TNG $TNG_C $G/2019/07/2019-07-22_4111200.json title published content r18_037.txt
rec $TNG $TNG_C $G/2024/09/2024-09-25_8694634.json title published content r18_038.txt

# --- Citizen News (眾新聞) backup: Markdown article with YAML front matter, copied raw (.txt)
show $HKC $HKC_C articles/44001-45000/article_44825.md r18_039.txt
show $HKC $HKC_C articles/20001-21000/article_20305.md r18_040.txt
show $HKC $HKC_C articles/8001-9000/article_8658.md   r18_041.txt
show $HKC $HKC_C articles/25001-26000/article_25924.md r18_042.txt
show $HKC $HKC_C articles/26001-27000/article_26170.md r18_043.txt
show $HKC $HKC_C articles/30001-31000/article_30050.md r18_044.txt
show $HKC $HKC_C articles/4001-5000/article_4322.md   r18_045.txt
show $HKC $HKC_C articles/21001-22000/article_21605.md r18_046.txt

# --- HTML pages copied raw (the NetEase pages are GBK)
show $CX $CX_C RawHtml/74.html r18_047.html
show $CX $CX_C RawHtml/12.html r18_048.html
H=benchmark/data/article/htmls
show $MH $MH_C $H/45fcfa7d6741f4361646905a7fdbd1928f6c00e8d4ff29c44c9a51e40b6b2607.html r18_049.html
show $MH $MH_C $H/39dd62c5ba88ab41c15c92ceab61ed4606fc6e996d2ab0d2e10af0e315be94de.html r18_050.html
echo "extracted $(ls "$OUT"/r18_* | wc -l) files into $OUT"
