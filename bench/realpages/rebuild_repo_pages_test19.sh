#!/usr/bin/env bash
# Re-creates every page of the `repository pages` set, split test19, from repository snapshots
# brought onto the machine with the search tool's `fetch` verb (git directories under
# $MIR/<owner>+<repo>/repo). Every file is read at the commit pinned below, so the output is
# byte-identical on any machine that has the same snapshots.
set -euo pipefail
source "$(dirname "$0")/rebuild_common.sh"  # OUT, MIR, gd, show

CD=china-data+xwlb;                      CD_C=710ba229765c537beb474d9eb272fbc097981bc0
PR=kiang+www.president.gov.tw;           PR_C=7e5cb2fd3eedc86c6678c2996e0e23c808c3915c
CK=ccprocessor+llm-webkit-mirror;        CK_C=dac1a9e46bd5fa9b159362e946e481ca26d7fc7a
TN=kiang+www.tncc.gov.tw;                TN_C=68be6b2d75bee0fa252101bf591ca139bdb74000
HKC=hkarchivist+hkcnews-article-archive; HKC_C=635cc02f3c0fcd3d8c829c68cd2fe07f50adfc25
XW=DuckBurnIncense+xin-wen-lian-bo;      XW_C=ae8d591d33dd3701a34045e0acb24cd5b70b2ede

# --- 新闻联播 day files (china-data/xwlb, assets/YYYY/YYYYMMDD.json): item N (1-based) of
#     videoList -> video_title as stored, 日期 line = pub_date's day, video_detail.content with
#     its <p> tags turned into lines. UTF-8.
cd_item(){ git --git-dir="$(gd $CD)" show $CD_C:"$1" | python3 -c '
import sys,json,re,html
r=json.load(sys.stdin); v=r["videoList"][int(sys.argv[1])-1]
body=v["video_detail"]["content"]
body=re.sub(r"</p>\s*<p>|<p>|</p>|<br\s*/?>","\n",body)
body=html.unescape(re.sub(r"<[^>]+>","",body))
lines=[l.strip() for l in body.split("\n") if l.strip()]
open(sys.argv[2],"w",encoding="utf-8").write(v["video_title"].strip()+"\n日期："+v["pub_date"][:10]+"\n"+"\n".join(lines)+"\n")
' "$2" "$OUT/$3"; }
cd_item assets/2019/20190226.json 8  r19_000.txt
cd_item assets/2020/20200825.json 2  r19_001.txt
cd_item assets/2021/20211122.json 6  r19_002.txt
cd_item assets/2021/20211223.json 3  r19_003.txt
cd_item assets/2022/20221207.json 7  r19_004.txt
cd_item assets/2020/20201211.json 5  r19_005.txt
cd_item assets/2021/20210129.json 3  r19_006.txt
cd_item assets/2020/20201030.json 4  r19_007.txt
cd_item assets/2019/20190828.json 4  r19_008.txt
cd_item assets/2023/20231226.json 3  r19_009.txt

# --- Presidential Office news (kiang/www.president.gov.tw, news_json/YYYY/<id>.json):
#     title, 日期 line = the record's date field, the subtitle (when it has one) as the first
#     body line, then content as stored (stripped at both ends). UTF-8.
pr(){ git --git-dir="$(gd $PR)" show $PR_C:"$1" | python3 -c '
import sys,json
r=json.load(sys.stdin); sub=(r.get("subtitle") or "").strip()
out=r["title"].strip()+"\n日期："+r["date"]+"\n"+(sub+"\n" if sub else "")+r["content"].strip()+"\n"
open(sys.argv[1],"w",encoding="utf-8").write(out)
' "$OUT/$2"; }
pr news_json/2024/28637.json r19_010.txt
pr news_json/2024/28745.json r19_011.txt
pr news_json/2024/28902.json r19_012.txt
pr news_json/2024/28391.json r19_013.txt
pr news_json/2024/28233.json r19_014.txt
pr news_json/2025/39011.json r19_015.txt
pr news_json/2025/39150.json r19_016.txt
pr news_json/2024/28382.json r19_017.txt
pr news_json/2024/28898.json r19_018.txt
pr news_json/2023/27764.json r19_019.txt

# --- HTML page copied raw (llm-webkit test asset)
show $CK $CK_C tests/llm_web_kit/extractor/assets/extractor_chain_input/good_data/html/zh.html r19_020.html

# --- Tainan City Council news (kiang/www.tncc.gov.tw): {published, title, content}
rec(){ git --git-dir="$(gd "$1")" show "$2:$3" | python3 -c '
import sys,json
r=json.load(sys.stdin); t,d,b,out=sys.argv[1:5]
open(out,"w",encoding="utf-8").write(r[t].strip()+"\n日期："+r[d]+"\n"+r[b].strip()+"\n")
' "$4" "$5" "$6" "$OUT/$7"; }
T=data
rec $TN $TN_C $T/2022/01/2022-01-05_00FBD286-3589-4618-B868-998E5E29BC79.json title published content r19_021.txt
rec $TN $TN_C $T/2022/03/2022-03-18_006DA59A-F767-4259-B896-5831DB6E123D.json title published content r19_022.txt
rec $TN $TN_C $T/2022/07/2022-07-28_AD046554-72EF-40D1-A77C-3554FE9E6458.json title published content r19_023.txt
rec $TN $TN_C $T/2022/12/2022-12-22_C9D6BDC7-9E7B-4A4B-9C20-63A8231A8D96.json title published content r19_024.txt
rec $TN $TN_C $T/2024/03/2024-03-06_C22DF983-DE15-4DCC-AE69-049B6D81C284.json title published content r19_025.txt
rec $TN $TN_C $T/2024/04/2024-04-19_CEBBC5D2-CAE9-46F7-9C7C-4B98B87C5BB2.json title published content r19_026.txt
rec $TN $TN_C $T/2024/03/2024-03-22_30202EF6-2C77-4CA1-B659-C2222D6C5C1B.json title published content r19_027.txt

# --- Citizen News (眾新聞) backup: Markdown article with YAML front matter, copied raw (.txt)
show $HKC $HKC_C articles/13001-14000/article_13301.md r19_028.txt
show $HKC $HKC_C articles/30001-31000/article_30054.md r19_029.txt
show $HKC $HKC_C articles/19001-20000/article_19917.md r19_030.txt
show $HKC $HKC_C articles/11001-12000/article_11187.md r19_031.txt
show $HKC $HKC_C articles/24001-25000/article_24834.md r19_032.txt
show $HKC $HKC_C articles/1001-2000/article_1729.md    r19_033.txt

# --- 新闻联播 day files (DuckBurnIncense): the N-th "### " item -> title, 日期 line (from the
#     file's "# 《新闻联播》 (YYYYMMDD)" heading), body <p> turned into lines, the trailing
#     "[查看原文](…)" link left out. UTF-8.
xw(){ git --git-dir="$(gd $XW)" show $XW_C:"$1" | python3 -c '
import sys,re,html
md=sys.stdin.read(); n=int(sys.argv[1])
m=re.search(r"^# .*\((\d{4})(\d{2})(\d{2})\)",md,re.M)
day="%s-%s-%s"%m.groups()
items=[p for p in re.split(r"\n(?=### )",md) if p.startswith("### ")]
head,_,body=items[n-1].partition("\n")
body=re.split(r"\n\[查看原文\]",body)[0]
body=re.sub(r"</p>\s*<p>|<p>|</p>","\n",body)
body=html.unescape(re.sub(r"<[^>]+>","",body))
lines=[l.strip() for l in body.split("\n") if l.strip()]
open(sys.argv[2],"w",encoding="utf-8").write(head[4:].strip()+"\n日期："+day+"\n"+"\n".join(lines)+"\n")
' "$2" "$OUT/$3"; }
xw news/20231224.md 4 r19_034.txt
xw news/20230308.md 4 r19_035.txt
xw news/20250627.md 7 r19_036.txt
xw news/20230612.md 7 r19_037.txt
xw news/20230928.md 8 r19_038.txt
xw news/20230928.md 5 r19_039.txt
echo "extracted $(ls "$OUT"/r19_* | wc -l) files into $OUT"
