#!/usr/bin/env bash
# Re-creates every page of the `repository pages` set, split test22, from repository snapshots
# brought onto the machine with the search tool's `fetch` verb (git directories under
# $MIR/<owner>+<repo>/repo). Every file is read at the commit pinned below, so the output is
# byte-identical on any machine that has the same snapshots.
set -euo pipefail
source "$(dirname "$0")/rebuild_common.sh"  # OUT, MIR, gd, show

GM=zxykuangfeng+guomeicms;                      GM_C=63ffcef6f8911a067d0be6b72e08a1960f1fd48e
TF=walkingice+toufen.net;                       TF_C=e8e4d3e425ae40e5b44e6a1ee8a40739714443a1
HC=Haoochan+springboot_demo;                    HC_C=40b403a4c0799af7ad4ea315065450a4a6b1e1d2  # the pages were removed later
YN=iwork-2021+iw03-youneta;                     YN_C=b19417a43253f945debc12bcc4bdfae6cc4200fa
LY=lyt2045817743+Subject_Competition_Frontend;  LY_C=1cbbb20af4fab76276e52f04a8d5ae2fd6a22d33  # the file was removed later
IP=ipangbo+web-course-project;                  IP_C=685022f6824b8624669bae0c6b5611f38d90e9f6
SK=stevekevin1005+hackthon;                     SK_C=aebe80513e98c2e7c08afe0463cc8b28aef3e81f

# --- CMS demo content (zxykuangfeng/guomeicms, install/data/<site>/fill_data/cms.php: MySQL dump
#     lines `REPLACE INTO `p8_cms_item` VALUES (...)`): the item whose id is N -> its title, 日期
#     line = its timestamp's day in China time (UTC+8), then the content column of its
#     `p8_cms_item_<model>_addon` rows (page order), HTML entities decoded (the dump escapes them
#     up to three times), <p>/<br>/<div> turned into lines, other tags left out. UTF-8.
gm(){ git --git-dir="$(gd $GM)" show $GM_C:"install/data/$1/fill_data/cms.php" | python3 -c '
import sys,re,html,datetime
text=sys.stdin.buffer.read().decode("utf-8")
def rows(table):
    pat="REPLACE INTO `%s` VALUES ("%table; out=[]; i=0
    while True:
        j=text.find(pat,i)
        if j<0: return out
        k=j+len(pat); vals=[]
        while True:
            c=text[k]
            if c=="\x27":
                k+=1; buf=[]
                while True:
                    c=text[k]
                    if c=="\\": buf.append(text[k:k+2]); k+=2; continue
                    if c=="\x27":
                        if text[k+1]=="\x27": buf.append("\x27"); k+=2; continue
                        k+=1; break
                    buf.append(c); k+=1
                s=re.sub(r"\\(.)",lambda m:{"n":"\n","r":"\r","t":"\t","0":"\0"}.get(m.group(1),m.group(1)),"".join(buf))
                vals.append(s)
            elif c in ", \n": k+=1
            elif c==")": k+=1; break
            else:
                m=re.match(r"[^,)]+",text[k:]); vals.append(m.group(0).strip()); k+=m.end()
        out.append(vals); i=k
iid=sys.argv[1]
it=[r for r in rows("p8_cms_item") if r[0]==iid][0]
adds=sorted([r for r in rows("p8_cms_item_%s_addon"%it[1]) if r[1]==iid],key=lambda r:int(r[2]))
body="\n".join(r[9] for r in adds)
for _ in range(3): body=html.unescape(body)
body=re.sub(r"<script.*?</script>|<style.*?</style>","",body,flags=re.S|re.I)
body=re.sub(r"</p>|<p[^>]*>|<br\s*/?>|</div>|<div[^>]*>","\n",body,flags=re.I)
body=re.sub(r"<[^>]+>","",body).replace("\xa0"," ").replace("\r","")
lines=[l.strip() for l in body.split("\n") if l.strip()]
day=datetime.datetime.fromtimestamp(int(it[22]),datetime.timezone(datetime.timedelta(hours=8))).strftime("%Y-%m-%d")
open(sys.argv[2],"w",encoding="utf-8").write(it[2].strip()+"\n日期："+day+"\n"+"\n".join(lines)+"\n")
' "$2" "$OUT/$3"; }
gm gov8 854 r22_000.txt
gm gov8 857 r22_001.txt
gm gov8 858 r22_002.txt
gm gov8 861 r22_003.txt
gm gov8 866 r22_004.txt
gm gov8 870 r22_005.txt
gm gov8 872 r22_006.txt
gm gov8 166 r22_007.txt
gm gov8 1236 r22_008.txt
gm govlzf 1104 r22_009.txt
gm govlzf 1118 r22_010.txt
gm govlzf 1119 r22_011.txt
gm govlzf 1129 r22_012.txt
gm govlzf 1131 r22_013.txt
gm govlzf 1132 r22_014.txt
gm group 1142 r22_015.txt
gm group 1143 r22_016.txt
gm jyjsites 240 r22_017.txt
gm jyjsites 311 r22_018.txt
gm jyjsites 1047 r22_019.txt
gm jyjsites 1049 r22_020.txt
gm jyjsites 1050 r22_021.txt
gm jyjsites 1059 r22_022.txt
gm schoolSites 1340 r22_023.txt

# --- 頭份市民代表會 (Miaoli, Taiwan) councillor's Hexo blog (walkingice/toufen.net): posts with
#     their front matter, Markdown kept as is (.md)
P=source/_posts
show $TF $TF_C $P/2015/01-13-post.md            r22_024.md
show $TF $TF_C $P/2015/05-04-post.md            r22_025.md
show $TF $TF_C $P/2015/11-02-post.md            r22_026.md
show $TF $TF_C $P/2015/11-03-sitting.md         r22_027.md
show $TF $TF_C $P/2015/11-07-pre.md             r22_028.md
show $TF $TF_C $P/2015/12-03-post.md            r22_029.md
show $TF $TF_C $P/2016/01-21-p.md               r22_030.md
show $TF $TF_C $P/2016/01-22-representatives.md r22_031.md
show $TF $TF_C $P/2016/04-14-post.md            r22_032.md
show $TF $TF_C $P/2016/05-23-post.md            r22_033.md
show $TF $TF_C $P/2016/07-11-post.md            r22_034.md
show $TF $TF_C $P/2016/11-01-post.md            r22_035.md
show $TF $TF_C $P/2016/12-05-post.md            r22_036.md
show $TF $TF_C $P/2017/05-09-post.md            r22_037.md
show $TF $TF_C $P/2018/04-30-post.md            r22_038.md
show $TF $TF_C $P/2019/05-07-post.md            r22_039.md
show $TF $TF_C $P/2016/10-23-japan.md           r22_040.md

# --- News pages kept as raw HTML, bytes as stored (.html): 华南农业大学 class-teacher system JSP
#     pages (Haoochan/springboot_demo), 南京大学 ITSC pages saved for an iOS exercise
#     (iwork-2021/iw03-youneta, .md files holding HTML), a university news page in a JS template
#     string (lyt2045817743/Subject_Competition_Frontend), a 东北林业大学 news JSP
#     (ipangbo/web-course-project) and a 新竹市政府 news page mock-up (stevekevin1005/hackthon)
W=src/main/webapp
show $HC $HC_C $W/info1.jsp r22_041.html
show $HC $HC_C $W/info2.jsp r22_042.html
show $HC $HC_C $W/info3.jsp r22_043.html
show $HC $HC_C $W/info4.jsp r22_044.html
show $HC $HC_C $W/info5.jsp r22_045.html
show $YN $YN_C ITSC/exampleHTML/newsPage.md  r22_046.html
show $YN $YN_C ITSC/exampleHTML/newsPage2.md r22_047.html
show $LY $LY_C pages/competition/tempData/strings.js r22_048.html
show $IP $IP_C $W/contents/example/article.jsp r22_049.html
show $SK $SK_C news_detail.php r22_050.html
