#!/bin/sh
# Makes the SPSS fixtures of SavRowSourceTest from the same 40 responses, with real writers:
# GNU PSPP (pspp 1.6.2) and R's haven (ReadStat). Run it in this directory; needs pspp, Rscript
# with haven. The responses are generated with a fixed seed, so rerunning gives the same CSV.
set -eu
cd "$(dirname "$0")"

# 1. The responses as CSV (UTF-8): 4 Likert items, 性别, 年龄 with -99 = no answer, a decimal
#    score, a long variable name and a very long string (> 255 bytes) comment.
Rscript --vanilla - <<'R'
set.seed(15)
n <- 40
trait <- sample(1:5, n, replace = TRUE)
item <- function() pmin(5, pmax(1, trait + sample(c(-1, 0, 0, 1), n, replace = TRUE)))
d <- data.frame(id = 1:n, Q1 = item(), Q2 = item(), Q3 = item(), Q4 = item())
d$Q2[c(5, 17)] <- NA
d$Q4[c(9)] <- NA
d[["性别"]] <- sample(c("男", "女"), n, replace = TRUE)
d[["年龄"]] <- sample(18:60, n, replace = TRUE)
d[["年龄"]][c(3, 11, 30)] <- -99
d$score <- round(rowMeans(d[, c("Q1", "Q3")]) / 4 + c(0.1, 0.03125, -0.7, 1e-7)[(1:n) %% 4 + 1], 7)
d$satisfaction_overall <- item()
long <- strrep("这是一段很长的开放式回答，用来检验超长字符串。", 8)
d$comment <- ""
d$comment[c(2, 7)] <- c(long, paste0("产品很好 ", long))
d$comment[c(4)] <- "还行"
write.csv(d, "responses.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")
R

# 2. PSPP reads the CSV and saves it uncompressed, bytecode-compressed and zlib-compressed (UTF-8),
#    and once more in GBK (code page 936).
cat > make-sav.sps <<'SPS'
GET DATA /TYPE=TXT /FILE='responses.csv' /ENCODING='UTF-8' /ARRANGEMENT=DELIMITED
  /DELIMITERS=',' /QUALIFIER='"' /FIRSTCASE=2
  /VARIABLES=id F4.0 Q1 F1.0 Q2 F1.0 Q3 F1.0 Q4 F1.0 性别 A3 年龄 F3.0 score F12.7
    satisfaction_overall F1.0 comment A600.
VARIABLE LABELS Q1 '我喜欢这个产品' Q2 '我会向朋友推荐这个产品' Q3 '这个产品物有所值'
  Q4 '我会再次购买' 年龄 '年龄（周岁）' satisfaction_overall '总体满意度' comment '其他意见'.
VALUE LABELS Q1 Q2 Q3 Q4 satisfaction_overall 1 '非常不同意' 2 '不同意' 3 '一般' 4 '同意' 5 '非常同意'
  /性别 '男' '男性' '女' '女性'.
MISSING VALUES 年龄 (-99).
SAVE OUTFILE='pspp-uncompressed.sav' /UNCOMPRESSED.
SAVE OUTFILE='pspp-bytecode.sav' /COMPRESSED.
SAVE OUTFILE='pspp-zlib.zsav' /ZCOMPRESSED.
SPS
pspp -b make-sav.sps
# GBK: the same syntax, itself converted to GBK and included with that encoding, with the
# dictionary encoding set to GBK; PSPP writes the character code 936 in the integer info record
# and "GBK" in the encoding record. Known quirk of pspp 1.6.2: the string VALUES of the 性别 value
# labels are written in UTF-8 bytes (e7 94 b7 for 男), not recoded to GBK; labels and cells are GBK.
sed -e "s/^SAVE OUTFILE=.*//" make-sav.sps | iconv -f UTF-8 -t GBK > make-sav-gbk.sps
echo "SAVE OUTFILE='pspp-gbk.sav' /COMPRESSED." >> make-sav-gbk.sps
printf "SET LOCALE='GBK'.\nINCLUDE FILE='make-sav-gbk.sps' ENCODING='GBK'.\n" > make-sav-gbk-main.sps
pspp -b make-sav-gbk-main.sps

# 3. haven (ReadStat) writes the same responses, UTF-8, in its three compressions.
Rscript --vanilla - <<'R'
library(haven)
d <- read.csv("responses.csv", fileEncoding = "UTF-8", check.names = FALSE, stringsAsFactors = FALSE)
likert <- c("非常不同意" = 1, "不同意" = 2, "一般" = 3, "同意" = 4, "非常同意" = 5)
wording <- c(Q1 = "我喜欢这个产品", Q2 = "我会向朋友推荐这个产品", Q3 = "这个产品物有所值",
             Q4 = "我会再次购买", satisfaction_overall = "总体满意度")
for (v in names(wording)) d[[v]] <- labelled(d[[v]], likert, label = wording[[v]])
d[["性别"]] <- labelled(d[["性别"]], c("男性" = "男", "女性" = "女"))
d[["年龄"]] <- labelled_spss(d[["年龄"]], label = "年龄（周岁）", na_values = -99)
attr(d$comment, "label") <- "其他意见"
write_sav(d, "haven-uncompressed.sav", compress = "none")
write_sav(d, "haven-bytecode.sav", compress = "byte")
write_sav(d, "haven-zlib.zsav", compress = "zsav")
R
