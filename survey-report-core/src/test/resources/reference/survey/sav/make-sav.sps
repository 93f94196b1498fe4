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
