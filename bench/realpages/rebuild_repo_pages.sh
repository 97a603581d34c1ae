#!/usr/bin/env bash
# Re-extracts every page of this set from the repository snapshots brought in with the
# search tool's `fetch` verb (git directories under /work/.mirror/<owner>+<repo>/repo).
# Each snapshot is read at the commit recorded below, so the output is byte-identical.
set -euo pipefail
source "$(dirname "$0")/rebuild_common.sh"  # OUT, MIR, gd, show

GNE=GeneralNewsExtractor+GeneralNewsExtractor;  GNE_C=3d5a67c65f4d6c8e13c3047754a4c18fc0b0754a
GER=Gerapy+GerapyAutoExtractor;                 GER_C=d65ddd09d4714db4615ea0d522829b20ca7805e5
MH=opendatalab+magic-html;                      MH_C=47d4a7fed12030e906a093b074637f178cb46ef2
TRA=adbar+trafilatura;                          TRA_C=e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5
RDB=mozilla+readability;                        RDB_C=ab4027a8b37669745016869a37a504727992b2ba
GOO=goose3+goose3;                              GOO_C=c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7
N4K=AndyTheFactory+newspaper4k;                 N4K_C=540bff3e8344cb8291c4829fafd98860f30d9692
TR4=letiantian+TextRank4ZH;                     TR4_C=3c475a442ca187e90a1d1afaa89d312cb9017c70
SOG=YeKc1M+InformationRetrieval;                SOG_C=32dbe9775cd5d5798c05b31b7c5b500274d78010
XW=DuckBurnIncense+xin-wen-lian-bo;             XW_C=ae8d591d33dd3701a34045e0acb24cd5b70b2ede
TN=kiang+www.tncc.gov.tw;                       TN_C=68be6b2d75bee0fa252101bf591ca139bdb74000
HKC=hkarchivist+hkcnews-article-archive;        HKC_C=635cc02f3c0fcd3d8c829c68cd2fe07f50adfc25

# --- HTML test fixtures, copied as they are -------------------------------------------
show $GNE $GNE_C tests/guancha/2.html      r17_000.html
show $GNE $GNE_C tests/sina/5.html         r17_001.html
show $GNE $GNE_C tests/163/9.html          r17_002.html
show $GNE $GNE_C tests/ednchina/1.html     r17_003.html
show $GNE $GNE_C tests/huanqiu/1.html      r17_004.html
show $GER $GER_C samples/detail/china_news1.html r17_005.html
show $GER $GER_C samples/detail/ifeng_news1.html r17_006.html
H=benchmark/data/article/htmls
show $MH $MH_C $H/4e55eac42f97a6d97d14795891d2e24b715bec8c057c592a81c3d7ca08aafa10.html r17_007.html
show $MH $MH_C $H/14b709df543c9c22a524bd7e4989c463a5613d7c7b402b19ffc2826156a73b72.html r17_008.html
show $MH $MH_C $H/1e20e0271231de85fba26cef6db2bedebf916402368a4602c5adb5b2acf722e1.html r17_009.html
show $MH $MH_C $H/7e99760d0920deb099946fd607f580080345cf332fae8ac7eb15fd78f38d701a.html r17_010.html
show $MH $MH_C $H/3ef3b4e65fab1f387fb5ec483a13a88da9b0bc1533c2d9bf894532322b8e3860.html r17_011.html
show $MH $MH_C $H/2681eeacec6ab049817f3908bab3ae67a01396cedc3ede29df29ecc94ecd1265.html r17_012.html
show $MH $MH_C $H/8f8e788c3abb73656291f8a3a43956862f5d16bc3bb737476c920378f4630a61.html r17_013.html
show $MH $MH_C $H/1b929fec5b591f3870c961d4f7e01609c48bf9b67605fab26216c21a0f1de10e.html r17_014.html
show $TRA $TRA_C tests/eval/banyuetan.org.1000200033136171577956287380194268_1.html r17_015.html
show $TRA $TRA_C tests/eval/xinhuanet.com.c_1125597921.html r17_016.html
show $RDB $RDB_C test/test-pages/gmw/source.html    r17_017.html
show $RDB $RDB_C test/test-pages/youth/source.html  r17_018.html
show $RDB $RDB_C test/test-pages/qq/source.html     r17_019.html
show $RDB $RDB_C test/test-pages/pixnet/source.html r17_020.html
show $GOO $GOO_C tests/data/schema/test_schema_list.html  r17_021.html
show $GOO $GOO_C tests/data/content/test_bbc_chinese.html r17_022.html
show $N4K $N4K_C tests/data/html/chinese_article_001.html r17_023.html
show $N4K $N4K_C tests/data/html/chinese_article_002.html r17_024.html
# --- plain-text fixture, copied as it is ----------------------------------------------
show $TR4 $TR4_C test/doc/01.txt r17_025.txt

# --- dataset records: title + newline + body, UTF-8 -----------------------------------
# SogouCA sample (GBK XML-ish .dat): records by 0-based <doc> index
git --git-dir="$(gd $SOG)" show $SOG_C:news_tensite_xml.smarty.dat | python3 -c '
import sys,re
t=sys.stdin.buffer.read().decode("gb18030","replace")
docs=re.findall(r"<doc>(.*?)</doc>",t,re.S)
for idx,name in [(8,"r17_026.txt"),(42,"r17_027.txt"),(53,"r17_028.txt"),(151,"r17_029.txt")]:
    d=docs[idx]
    ti=re.search(r"<contenttitle>(.*?)</contenttitle>",d,re.S).group(1)
    c=re.search(r"<content>(.*?)</content>",d,re.S).group(1)
    open(sys.argv[1]+"/"+name,"w",encoding="utf-8").write(ti+"\n"+c+"\n")
' "$OUT"

# 新闻联播 transcripts (one Markdown file per day): the "### <title>" item, body <p> tags
# turned into lines, the trailing "[查看原文](…)" link left out
xw(){ git --git-dir="$(gd $XW)" show $XW_C:"$1" | python3 -c '
import sys,re,html
md=sys.stdin.read(); want=sys.argv[1]
for part in re.split(r"\n(?=### )",md):
    head,_,body=part.partition("\n")
    if head.startswith("### ") and head[4:].strip()==want:
        body=re.split(r"\n\[查看原文\]",body)[0]
        body=re.sub(r"</p>\s*<p>|<p>|</p>","\n",body)
        body=html.unescape(re.sub(r"<[^>]+>","",body))
        lines=[l.strip() for l in body.split("\n") if l.strip()]
        open(sys.argv[2],"w",encoding="utf-8").write(want+"\n"+"\n".join(lines)+"\n"); break
else: sys.exit("item not found: "+want)
' "$2" "$OUT/$3"; }
xw news/20221031.md "全国政协十三届常委会第二十四次会议开幕" r17_030.txt
xw news/20221026.md "十三届全国人大常委会第三十七次会议在京举行 学习贯彻党的二十大精神 栗战书主持会议并讲话" r17_031.txt
xw news/20221207.md "民革十三届六中全会在京召开" r17_032.txt
xw news/20221125.md "全国政协召开双周协商座谈会 围绕“推动‘一带一路’民心相通”协商议政" r17_033.txt
xw news/20221213.md "第十一次全国台湾同胞代表会议在京召开 王沪宁出席并讲话" r17_034.txt
xw news/20260820.md "各地重大工程稳步推进" r17_035.txt

# Tainan City Council news backup (one JSON record per file): title + newline + content
tn(){ git --git-dir="$(gd $TN)" show $TN_C:"$1" | python3 -c '
import sys,json
r=json.load(sys.stdin)
open(sys.argv[1],"w",encoding="utf-8").write(r["title"]+"\n"+r["content"].rstrip("\n")+"\n")
' "$OUT/$2"; }
tn data/2023/03/2023-03-30_D2138A2C-D815-4C3B-A947-57EB8701CDE0.json r17_036.txt
tn data/2023/08/2023-08-08_0D5B1CD8-7696-4FEB-8352-C6E004ABCC95.json r17_037.txt
tn data/2021/10/2021-10-19_61DCFF5D-EC1D-44FE-9B81-3E4E3236F377.json r17_038.txt
tn data/2023/02/2023-02-09_79885AE4-FE06-4213-BE4D-081FF021ED0B.json r17_039.txt
tn data/2021/01/2021-01-04_DD0E0507-6B29-4721-9A38-9E97515E91F7.json r17_040.txt
tn data/2025/11/2025-11-21_7B2CA1A1-CA0E-4DE2-908F-AAD7FF0F3BA0.json r17_041.txt
tn data/2021/05/2021-05-10_3A88B5B4-A74C-47C0-BD4C-290A6CBFCD1B.json r17_042.txt

# Citizen News (眾新聞) backup: one Markdown article per file, copied as it is (.txt)
show $HKC $HKC_C articles/13001-14000/article_13026.md r17_043.txt
show $HKC $HKC_C articles/13001-14000/article_13104.md r17_044.txt
show $HKC $HKC_C articles/13001-14000/article_13363.md r17_045.txt
show $HKC $HKC_C articles/10001-11000/article_10323.md r17_046.txt
show $HKC $HKC_C articles/14001-15000/article_14346.md r17_047.txt
echo "extracted $(ls "$OUT"/r17_* | wc -l) files into $OUT"
