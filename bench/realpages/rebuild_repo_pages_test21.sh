#!/usr/bin/env bash
# Re-creates every page of the `repository pages` set, split test21, from repository snapshots
# brought onto the machine with the search tool's `fetch` verb (git directories under
# $MIR/<owner>+<repo>/repo). Every file is read at the commit pinned below, so the output is
# byte-identical on any machine that has the same snapshots.
set -euo pipefail
source "$(dirname "$0")/rebuild_common.sh"  # OUT, MIR, gd, show

HT=raileo98+testing;      HT_C=0e167a328778118dbfb83ae951374a5cdd42058d
ZJ=itxiaojian+myfirstgit; ZJ_C=050b1ae8be8b6289ad6d49b62ebea09b54ee45f9
SC=wangziyu1231+SCU;      SC_C=fc04dda1b5df0c1a24274042ef60d4a0400f2e68   # the page was removed later
SH=shenlinln+software;    SH_C=b740a506a6a761eae2db96ede5ee83d82b6b7a9f
SE=Pengxin-Guo+SE_project; SE_C=456315c71cf466892f2cad85a08b7dacce90683d

# --- 香港政府新聞網 feeds (raileo98/testing, hk_newsGovHK_<section>.rss, RSS 2.0): the item whose
#     objectId is N -> title, 日期 line = pubDate's day, the description with its <img> left out
#     and its <p>/<br> turned into lines. UTF-8.
govhk(){ git --git-dir="$(gd $HT)" show $HT_C:"$1" | python3 -c '
import sys,re,html,email.utils
import xml.etree.ElementTree as ET
e=[x for x in ET.parse(sys.stdin).getroot().findall("channel/item") if x.findtext("objectId").strip()==sys.argv[1]][0]
day=email.utils.parsedate_to_datetime(e.findtext("pubDate").strip()).strftime("%Y-%m-%d")
body=re.sub(r"<img[^>]*>","",e.findtext("description"))
body=re.sub(r"</?p>|<br\s*/?>","\n",body)
body=html.unescape(re.sub(r"<[^>]+>","",body)).replace("\xa0"," ")
lines=[l.strip() for l in body.split("\n") if l.strip()]
open(sys.argv[2],"w",encoding="utf-8").write(e.findtext("title").strip()+"\n日期："+day+"\n"+"\n".join(lines)+"\n")
' "$2" "$OUT/$3"; }
F=hk_newsGovHK_finance.rss; H=hk_newsGovHK_health.rss; N=hk_newsGovHK_nationalSecurity.rss
govhk $F 20240524_163830_396 r21_000.txt
govhk $F 20240522_121236_326 r21_001.txt
govhk $F 20240522_170333_549 r21_002.txt
govhk hk_newsGovHK_environment.rss 20240422_214224_011 r21_003.txt
govhk $H 20240518_173918_865 r21_004.txt
govhk $H 20240517_185253_834 r21_005.txt
govhk hk_newsGovHK_schoolWork.rss 20240508_184515_637 r21_006.txt
govhk $N 20240408_190259_023 r21_007.txt
govhk hk_newsGovHK_2425budget.rss 20240508_145212_678 r21_008.txt
govhk $F 20240524_193803_904 r21_009.txt
govhk hk_newsGovHK_admin.rss 20240522_222455_869 r21_010.txt
govhk hk_newsGovHK_schoolWork.rss 20240507_174157_415 r21_011.txt
govhk hk_newsGovHK_admin.rss 20240523_223502_886 r21_012.txt
govhk hk_newsGovHK_cityLife.rss 20240516_104647_395 r21_013.txt
govhk hk_newsGovHK_infrastructure.rss 20240514_171830_179 r21_014.txt
govhk hk_newsGovHK_lawOrder.rss 20240523_184725_755 r21_015.txt
govhk $N 20240415_214029_873 r21_016.txt
govhk hk_newsGovHK_cityLife.rss 20240506_140849_816 r21_017.txt

# --- Institute news pages kept as raw HTML (JSP views of 安徽省产品质量监督检验研究院's WeChat
#     site, itxiaojian/myfirstgit; a Smarty-compiled university news page, wangziyu1231/SCU; a
#     Sohu article view, shenlinln/software). Bytes as stored, .html
P=src/main/webapp/WEB-INF/views/wxpt
show $ZJ $ZJ_C $P/zyNews3.jsp r21_018.html
show $ZJ $ZJ_C $P/zyNews5.jsp r21_019.html
show $ZJ $ZJ_C $P/zyNews9.jsp r21_020.html
show $ZJ $ZJ_C $P/zyNews1.jsp r21_021.html
show $ZJ $ZJ_C $P/zyNews6.jsp r21_022.html
show $SC $SC_C data/templates_c/63fd6bd2876bc00693c498b8ceed90f31167cce0_0.file.new.html.php r21_023.html
show $SH $SH_C resources/views/web/news/detail.blade.php r21_024.html

# --- NHK 华语 feed (raileo98/testing, jp_nhk_zh.rss at $HT_C, RSS 2.0): item N (1-based) of
#     channel/item -> title, 日期 line = pubDate's day (GMT; the same day in Japan time for every
#     item used), the description with its tags turned into
#     lines. UTF-8, simplified script.
nhk(){ git --git-dir="$(gd $HT)" show $HT_C:jp_nhk_zh.rss | python3 -c '
import sys,re,html,email.utils
import xml.etree.ElementTree as ET
e=ET.parse(sys.stdin).getroot().findall("channel/item")[int(sys.argv[1])-1]
day=email.utils.parsedate_to_datetime(e.findtext("pubDate").strip()).strftime("%Y-%m-%d")
body=re.sub(r"<img[^>]*>","",e.findtext("description") or "")
body=re.sub(r"</?p>|<br\s*/?>","\n",body)
body=html.unescape(re.sub(r"<[^>]+>","",body)).replace("\xa0"," ")
lines=[l.strip() for l in body.split("\n") if l.strip()]
open(sys.argv[2],"w",encoding="utf-8").write(e.findtext("title").strip()+"\n日期："+day+"\n"+"\n".join(lines)+"\n")
' "$1" "$OUT/$2"; }
n=25
for i in 2 40 52 54 59 63 70 78 81 87 176 186 334 335 384 428 387 22 397; do
  nhk $i r21_0$n.txt; n=$((n+1))
done

# --- Taiwan feeds (raileo98/testing: tw_pts.rss 公視新聞, tw_cts.rss 華視新聞, tw_rti.rss 央廣,
#     RSS 2.0 rewritten every few minutes, so each item is read at the commit that holds it):
#     item N (1-based) of channel/item -> title, 日期 line = pubDate's day in Taiwan time (UTC+8),
#     the description with its <img> left out and its <div>/<p>/<br> turned into lines. UTF-8.
tw(){ git --git-dir="$(gd $HT)" show "$1":"$2" | python3 -c '
import sys,re,html,email.utils,datetime
import xml.etree.ElementTree as ET
e=ET.parse(sys.stdin).getroot().findall("channel/item")[int(sys.argv[1])-1]
day=email.utils.parsedate_to_datetime(e.findtext("pubDate").strip()).astimezone(datetime.timezone(datetime.timedelta(hours=8))).strftime("%Y-%m-%d")
body=re.sub(r"<img[^>]*>","",e.findtext("description") or "")
body=re.sub(r"</?(p|div)[^>]*>|<br\s*/?>","\n",body)
body=html.unescape(re.sub(r"<[^>]+>","",body)).replace("\xa0"," ")
lines=[l.strip() for l in body.split("\n") if l.strip()]
open(sys.argv[2],"w",encoding="utf-8").write(e.findtext("title").strip()+"\n日期："+day+"\n"+"\n".join(lines)+"\n")
' "$3" "$OUT/$4"; }
P=tw_pts.rss; C=tw_cts.rss; R=tw_rti.rss
tw 7ac5f5af146606394bbdaedc8f907b0fb04b8e79 $P 15 r21_044.txt
tw 861db66d63b62815eb3cd725b1d26b3a559a27aa $P 9  r21_045.txt
tw 252a0ff1bd923f01ffdd52466698e4e2bb02662e $P 3  r21_046.txt
tw f02ff9c87fe01bafdf71d9d0cdb7594bef7dee15 $P 15 r21_047.txt
tw f303abf686b9ec55f38a3ab5cccafa7102b8c0ca $P 10 r21_048.txt
tw 597f71e80785d98cd3eb6cf136032690d801511c $P 14 r21_049.txt
tw 64f54f36e4d9407e58975fd7ae58e6b2ce2d7969 $P 7  r21_050.txt
tw 790050a80a48cb2a700b674a8c0b7c532da7162f $C 18 r21_051.txt
tw 20e1657c9324d70af8ba4830be9d485da2af831f $C 20 r21_052.txt
tw fdd959bfe5a952d744a1c381ff83f37c806c36cb $C 4  r21_053.txt
tw 2f23f57ab3438b970b52b0742a98720e28d81edc $C 10 r21_054.txt
tw 903c353d72e20031219fea87c2f4fb0bb930e8aa $R 29 r21_055.txt
tw 056756b31df26bcf36a508044a745dde8742962a $R 16 r21_056.txt

# --- More raw HTML (bytes as stored, .html): two picture-news JSP views of a university
#     department site (Pengxin-Guo/SE_project) and a college-news JSP mock-up (itxiaojian/myfirstgit)
show $SE $SE_C WebContent/WEB-INF/jsp/picture_news1.jsp r21_057.html
show $SE $SE_C WebContent/WEB-INF/jsp/picture_news4.jsp r21_058.html
show $ZJ $ZJ_C bin/src/main/webapp/jsp/xyxw.jsp r21_059.html
echo "extracted $(ls "$OUT"/r21_* | wc -l) files into $OUT"
