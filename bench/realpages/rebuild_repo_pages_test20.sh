#!/usr/bin/env bash
# Re-creates every page of the `repository pages` set, split test20, from repository snapshots
# brought onto the machine with the search tool's `fetch` verb (git directories under
# $MIR/<owner>+<repo>/repo). Every file is read at the commit pinned below, so the output is
# byte-identical on any machine that has the same snapshots.
set -euo pipefail
source "$(dirname "$0")/rebuild_common.sh"  # OUT, MIR, gd, show

HW=greeedyboy+hugowebs;   HW_C=6a204cf76aa7c384a9807e8457a1b33725017e49
RT=raileo98+test2;        RT_C=82f49e050ba22758c42d69880fa6571d8ad1fdeb   # HEAD; RTHK items use the commits below
JY=MrYourk+jsyang.net;    JY_C=9c7db108b61ce64aad3bc76b07ad4ebaa919075c
WB=licncx+workBoc;        WB_C=d3454e566a677f1fe37151619ceeb1f30ec7b698
LX=LucyXia123+First;      LX_C=b4140b914867a754745711fac43f13ee3ea399d0

# --- University news mirrors (greeedyboy/hugowebs, source_<school>/post/<hash>.md): Markdown
#     with YAML front matter, copied raw (.txt). UTF-8.
P=source_cumt/post
show $HW $HW_C $P/7578f1da57ebaae58141c1a554190e04.md r20_000.txt
show $HW $HW_C $P/4e78c80c59f16feec474153c20de8eb2.md r20_001.txt
show $HW $HW_C $P/da8756ceb73398dd5367ba9b0ddf51d1.md r20_002.txt
show $HW $HW_C $P/3b2dd0e839157956a12804e520ca3ed5.md r20_003.txt
show $HW $HW_C $P/028cca883822edb634fa14966db5680f.md r20_004.txt
P=source_nankai/post
show $HW $HW_C $P/bcb01b64935710cc7c46f863e33622f7.md r20_005.txt
show $HW $HW_C $P/9cb666c556450e3eb367660a2f3c83d6.md r20_006.txt
show $HW $HW_C $P/fcc6b56bb958364a365a9fe71ec96caa.md r20_007.txt
show $HW $HW_C $P/420def8078425cc5e6c3ed3f8829035f.md r20_008.txt
show $HW $HW_C $P/da7172eb36fb402603a829a3daf68da8.md r20_009.txt
show $HW $HW_C $P/785312db71c835cb3d4dbe54e4c76f53.md r20_010.txt
show $HW $HW_C source_hrbeu/post/1cc1bb2a7129ba713a1e113da18bd51d.md r20_011.txt
show $HW $HW_C source_sicau/post/1117dc7cdfe93941b74d1c2370f04a1b.md r20_012.txt

# --- RTHK feeds (raileo98/test2, hk_rthk_<section>_ch.xml, RSS 2.0 rewritten every few
#     minutes, so each item is read at the commit that holds it): item N (1-based) of
#     channel/item -> title, 日期 line = pubDate's day, the itemFullText div with <br> turned
#     into lines (the photo caption and the 原始網址/© footer left out). UTF-8.
rthk(){ git --git-dir="$(gd $RT)" show "$1":"$2" | python3 -c '
import sys,re,html,email.utils
import xml.etree.ElementTree as ET
e=ET.parse(sys.stdin).getroot().findall("channel/item")[int(sys.argv[1])-1]
day=email.utils.parsedate_to_datetime(e.findtext("pubDate").strip()).strftime("%Y-%m-%d")
d=e.findtext("description")
body=re.search(r"<div class=\"itemFullText\">(.*?)</div>",d,re.S).group(1)
body=html.unescape(re.sub(r"<[^>]+>","",re.sub(r"<br\s*/?>","\n",body)))
lines=[l.strip() for l in body.split("\n") if l.strip()]
open(sys.argv[2],"w",encoding="utf-8").write(e.findtext("title").strip()+"\n日期："+day+"\n"+"\n".join(lines)+"\n")
' "$3" "$OUT/$4"; }
L=hk_rthk_local_ch.xml; C=hk_rthk_greaterChina_ch.xml
rthk 9002814e8cc6c3b45d4843e0fa5124d87bc8295e $L 54 r20_013.txt
rthk 66dc3f577085f080f8b5233674471b9d50ebd468 $L 54 r20_014.txt
rthk cbdc5357e98caa2ff149950136395c10d0c16356 $L 33 r20_015.txt
rthk cbdc5357e98caa2ff149950136395c10d0c16356 $L 52 r20_016.txt
rthk a5bc0929b530d1cf7beec5f5ef2610e84528fcc8 $L 32 r20_017.txt
rthk 61e5403a2d7645d94d724d735af10d68aeda5a98 $L 14 r20_018.txt
rthk 8d8469ae61ef615c7cfd2a75e7bc723f5dc0e15a $L 39 r20_019.txt
rthk $RT_C                                   $L 1  r20_020.txt
rthk 849e90c8487ea56f4ad4a1b94f858949a55ce37e $L 7  r20_021.txt
rthk a894f4705497586b4cf865d1d372ee6a1dd1a960 $C 2  r20_022.txt
rthk e53b8fff5e9b2f92fe56cf49a2b395658835a46e $C 28 r20_023.txt
rthk a01c733003f1ba24a385cf72f25d3185d9c97a0f $C 31 r20_024.txt
rthk 3eb4e6eabbed9f82f51f72cc742b93bd4a27f0e1 $C 55 r20_025.txt
rthk accd2e605e6cc56e4b2ad8947e9f624fc69ce4d9 $C 40 r20_026.txt
rthk accd2e605e6cc56e4b2ad8947e9f624fc69ce4d9 $C 4  r20_049.txt

# --- TDM (澳門電台) Atom feed (raileo98/test2, mo_tdm.xml at $RT_C): the entry with id N ->
#     title, 日期 line = published's day, content with its <p>/<br> turned into lines. UTF-8.
tdm(){ git --git-dir="$(gd $RT)" show $RT_C:mo_tdm.xml | python3 -c '
import sys,re,html
import xml.etree.ElementTree as ET
a="{http://www.w3.org/2005/Atom}"
e=[x for x in ET.parse(sys.stdin).getroot().findall(a+"entry") if x.findtext(a+"id")==sys.argv[1]][0]
body=e.findtext(a+"content")
body=re.sub(r"</p>\s*<p>|<p>|</p>|<br\s*/?>","\n",body)
body=html.unescape(re.sub(r"<[^>]+>","",body)).replace("\xa0"," ")
lines=[l.strip() for l in body.split("\n") if l.strip()]
open(sys.argv[2],"w",encoding="utf-8").write(e.findtext(a+"title").strip()+"\n日期："+e.findtext(a+"published")[:10]+"\n"+"\n".join(lines)+"\n")
' "$1" "$OUT/$2"; }
tdm 1022598 r20_027.txt
tdm 1023213 r20_028.txt
tdm 1023189 r20_029.txt
tdm 1023501 r20_030.txt
tdm 1021398 r20_031.txt
tdm 1022247 r20_032.txt
tdm 1021266 r20_033.txt
tdm 1023006 r20_034.txt
tdm 1021662 r20_035.txt
tdm 1021779 r20_036.txt
tdm 1023057 r20_050.txt

# --- Enterprise and school news pages kept as raw HTML (PHP/JSP views with the article
#     written into the markup; bytes as stored, .html)
show $JY $JY_C frontend/views/news/news_1.php r20_037.html
show $JY $JY_C frontend/views/news/news_2.php r20_038.html
show $JY $JY_C frontend/views/news/news_3.php r20_039.html
show $JY $JY_C frontend/views/news/news_4.php r20_040.html
show $JY $JY_C frontend/views/news/news_5.php r20_041.html
show $WB $WB_C tieke/m-tieke/mobile/newsinfo.php r20_042.html
show $WB $WB_C tieke/tieke/views/newsinfo.php r20_043.html
show $WB $WB_C yuxiang/m-yuxiang/mobile/newsinfo.php r20_044.html
show $LX $LX_C enso/webapp/yxcf/sq/06.jsp r20_045.html
show $LX $LX_C enso/webapp/yxcf/sq/07.jsp r20_046.html
show $LX $LX_C enso/webapp/yxcf/py/08.jsp r20_047.html
show $LX $LX_C enso/webapp/yxcf/py/02.jsp r20_048.html
echo "extracted $(ls "$OUT"/r20_* | wc -l) files into $OUT"
