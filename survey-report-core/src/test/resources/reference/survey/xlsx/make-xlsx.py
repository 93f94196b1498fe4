#!/usr/bin/python3
"""Writes wjx.xlsx, wjx.xls and wjx.csv: the same 40 responses, as 问卷星 (Wenjuanxing) exports them to
Excel and as CSV. Run from this folder: /usr/bin/python3 make-xlsx.py (needs openpyxl and xlwt; Debian:
python3-openpyxl, python3-xlwt). Deterministic: the same files every run, except the zip's timestamps.

The workbook has what real exports have: sheet 答卷数据 first, metadata columns (序号,
提交答卷时间 as a real date cell, 所用时间 as text "120秒"), a text 性别 column, Likert items
Q1–Q8 as numeric cells, some stored as floats (5.0), a few empty cells, formatted but empty
rows after the data, and a second sheet 说明.
"""
import csv
import datetime
import random
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import PatternFill

rng = random.Random(15)
header = ["序号", "提交答卷时间", "所用时间", "性别"] + ["Q%d" % k for k in range(1, 9)]
rows = []
start = datetime.datetime(2024, 3, 1, 9, 30, 15)
for i in range(1, 41):
    trait_a = rng.gauss(0, 1)
    trait_b = rng.gauss(0, 1)
    items = []
    for k in range(8):
        trait = trait_a if k < 4 else trait_b
        value = max(1, min(5, round(3 + trait + rng.gauss(0, 0.8))))
        # some writers store every number as a float: 5.0
        items.append(float(value) if (i + k) % 3 == 0 else value)
    when = start + datetime.timedelta(hours=7 * i, seconds=13 * i)
    if i == 5:
        when = datetime.datetime(2024, 3, 2)  # midnight: shown as a date without time
    row = [i, when, "%d秒" % (60 + 3 * i), "男" if rng.random() < 0.5 else "女"] + items
    if i in (7, 19):
        row[4 + (i % 8)] = None  # a skipped question: an empty cell
    if i == 23:
        row[3] = None
    rows.append(row)

wb = Workbook()
ws = wb.active
ws.title = "答卷数据"
ws.append(header)
for row in rows:
    ws.append(row)
for r in range(2, len(rows) + 2):
    ws.cell(row=r, column=2).number_format = "yyyy-mm-dd hh:mm:ss" if r != 6 else "yyyy-mm-dd"
# trailing rows that are formatted but empty, as Excel leaves them
fill = PatternFill("solid", fgColor="FFFF00")
for r in range(len(rows) + 2, len(rows) + 5):
    ws.cell(row=r, column=5).fill = fill
notes = wb.create_sheet("说明")
notes.append(["项目", "内容"])
notes.append(["量表", "1 = 非常不同意 … 5 = 非常同意"])
wb.save("wjx.xlsx")

# openpyxl writes the float 5.0 as <v>5</v>; exporters that keep doubles write <v>5.0</v>, as
# the float cells are rewritten here (the cells whose Python value is a float)
floats = {"%s%d" % ("EFGHIJKL"[k], i + 2) for i, row in enumerate(rows) for k in range(8)
          if isinstance(row[4 + k], float)}
with zipfile.ZipFile("wjx.xlsx") as source:
    parts = [(info, source.read(info)) for info in source.infolist()]
with zipfile.ZipFile("wjx.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
    for info, data in parts:
        if info.filename == "xl/worksheets/sheet1.xml":
            data = re.sub(rb'(<c r="([A-Z]+[0-9]+)" t="n"><v>)([0-9]+)(</v>)',
                          lambda m: m.group(1) + m.group(3) + (b".0" if m.group(2).decode() in floats else b"")
                          + m.group(4), data)
        target.writestr(info, data)


def text(value, column):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d" if value.time() == datetime.time() and column == 1 and value.hour == 0
                              and value.minute == 0 and value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


with open("wjx.csv", "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([text(v, c) for c, v in enumerate(row)])


# the same sheets as an Excel 97-2003 workbook (BIFF8), written by xlwt: strings in the shared
# string table (LABELSST), numbers as RK or NUMBER records, dates as numbers with a date format
import xlwt  # noqa: E402

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("答卷数据")
date_time = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
date_only = xlwt.easyxf(num_format_str="yyyy-mm-dd")
filled = xlwt.easyxf("pattern: pattern solid, fore_colour yellow")
for c, name in enumerate(header):
    sheet.write(0, c, name)
for r, row in enumerate(rows, start=1):
    for c, value in enumerate(row):
        if value is None:
            continue
        if isinstance(value, datetime.datetime):
            sheet.write(r, c, value, date_only if r == 5 else date_time)
        else:
            sheet.write(r, c, value)
for r in range(len(rows) + 1, len(rows) + 4):
    sheet.write(r, 4, None, filled)  # formatted empty cells (BLANK records) after the data
notes_xls = book.add_sheet("说明")
notes_xls.write(0, 0, "项目")
notes_xls.write(0, 1, "内容")
notes_xls.write(1, 0, "量表")
notes_xls.write(1, 1, "1 = 非常不同意 … 5 = 非常同意")
book.save("wjx.xls")
