"""Writes the judgement corpus: survey exports with wrong or ambiguous structure.

Run from this folder: python3 make.py. Deterministic (seeded); the files are committed, so the
tests never run this. Each file imitates the shape of a real export (named in README.md); the
values are synthetic: a latent satisfaction per respondent drives every rating.
"""
import gzip
import io
import json
import math
import random
import zipfile

rng = random.Random(20261201)


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def respondents(n, k, lo, hi, noise=0.8):
    """n rows of k touchpoint ratings on lo..hi plus an overall rating, all driven by one latent z."""
    mid, spread = (lo + hi) / 2, (hi - lo) / 4
    rows = []
    for _ in range(n):
        z = rng.gauss(0.3, 1)
        tps = [clamp(round(mid + spread * (0.8 * z + noise * rng.gauss(0, 1))), lo, hi) for _ in range(k)]
        overall = clamp(round(mid + spread * (0.6 * z + 0.4 * (sum(tps) / k - mid) / spread + 0.5 * rng.gauss(0, 1))), lo, hi)
        rows.append((tps, overall))
    return rows


def write(name, header, rows, sep=',', encoding='utf-8', newline='\n'):
    def cell(v):
        s = str(v)
        return '"' + s.replace('"', '""') + '"' if (sep in s or '"' in s or '\n' in s) else s
    text = newline.join([sep.join(cell(h) for h in header)] + [sep.join(cell(v) for v in r) for r in rows]) + newline
    with open(name, 'wb') as f:
        f.write(text.encode(encoding))


# 1. An ECSI-style mobile-phone survey on 1-10, the overall named.
rows = respondents(250, 5, 1, 10)
write('mobile-1-10.csv', ['image', 'expectations', 'perceived_quality', 'perceived_value', 'overall_satisfaction', 'complaints'],
      [tps[:4] + [o, tps[4]] for tps, o in rows])

# 2. ECSI indicator codes (CUEX1, CUSA1, ...): no name says which is overall.
rows = respondents(250, 9, 1, 10)
write('ecsi-codes-1-10.csv', ['IMAG1', 'IMAG2', 'CUEX1', 'CUEX2', 'PERQ1', 'PERQ2', 'PERV1', 'CUSA1', 'CUSA2', 'CUSL1'],
      [tps + [o] for tps, o in rows])

# 3. Restaurant ratings on 0-2 (UCI "Restaurant & consumer data", rating_final.csv layout).
out = []
for i in range(600):
    z = rng.gauss(0.2, 1)
    r = [clamp(round(1 + 0.7 * z + 0.6 * rng.gauss(0, 1)), 0, 2) for _ in range(3)]
    out.append([f'U{1001 + rng.randrange(138)}', 132500 + rng.randrange(500), r[0], r[1], r[2]])
write('restaurant-0-2.csv', ['userID', 'placeID', 'rating', 'food_rating', 'service_rating'], out)

# 4. A bank survey on 0-10: four satisfaction items and three loyalty items, no overall.
rows = respondents(400, 7, 0, 10)
write('bank-sat-loyalty-0-10.csv', ['id', 'sat1', 'sat2', 'sat3', 'sat4', 'loyalty1', 'loyalty2', 'loyalty3'],
      [[i + 1] + tps for i, (tps, o) in enumerate(rows)])

# 5. An airline survey (Kaggle "Airline Passenger Satisfaction" layout): 0 = not applicable in some
#    service items, a text outcome "satisfaction" with two values.
services = ['Inflight wifi service', 'Departure/Arrival time convenient', 'Ease of Online booking', 'Gate location',
            'Food and drink', 'Online boarding', 'Seat comfort', 'Inflight entertainment', 'On-board service',
            'Leg room service', 'Baggage handling', 'Checkin service', 'Inflight service', 'Cleanliness']
na_items = {0, 1, 2, 4, 5, 7}
out = []
for i in range(1500):
    z = rng.gauss(0, 1)
    r = [clamp(round(3.2 + 1.1 * (0.7 * z + 0.7 * rng.gauss(0, 1))), 1, 5) for _ in services]
    for j in na_items:
        if rng.random() < 0.04:
            r[j] = 0
    delay = max(0, round(rng.expovariate(1 / 15)) - 5)
    sat = 'satisfied' if 0.8 * z + 0.6 * rng.gauss(0, 1) > 0.3 else 'neutral or dissatisfied'
    out.append([70000 + i, rng.choice(['Male', 'Female']), rng.choice(['Loyal Customer', 'disloyal Customer']), rng.randint(7, 85),
                rng.choice(['Business travel', 'Personal Travel']), rng.choice(['Eco', 'Eco Plus', 'Business']), rng.randint(31, 4983)]
               + r + [delay, max(0, delay + rng.randint(-5, 10)), sat])
write('airline-na-text-outcome.csv', ['id', 'Gender', 'Customer Type', 'Age', 'Type of Travel', 'Class', 'Flight Distance'] + services
      + ['Departure Delay in Minutes', 'Arrival Delay in Minutes', 'satisfaction'], out)

# 6. 4,202 zeros ("not applicable") in 6 of 10 columns of a 1-5 survey.
rows = respondents(1400, 9, 1, 5)
zero_cols = [0, 2, 3, 5, 6, 8]
cells = [(i, j) for i in range(1400) for j in zero_cols]
rng.shuffle(cells)
grid = [tps + [o] for tps, o in rows]
for i, j in cells[:4202]:
    grid[i][j] = 0
write('zeros-not-applicable-1-5.csv', ['Website', 'Ordering', 'Payment', 'Delivery', 'Packaging', 'Returns', 'Support chat', 'Phone support',
                                       'Invoice', 'Overall satisfaction'], grid)

# 7. Chinese headers (UTF-8) and the same file as GB18030 (what Excel writes on Chinese Windows).
rows = respondents(120, 5, 1, 5)
zh_header = ['品牌形象', '产品质量', '价格', '交货速度', '服务人员', '总体满意度']
write('chinese-headers-utf8.csv', zh_header, [tps + [o] for tps, o in rows])
write('chinese-headers-gb18030.csv', zh_header, [tps + [o] for tps, o in rows], encoding='gb18030', newline='\r\n')

# 8. Text outcomes with standard labels.
EN5 = ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied']
ZH5 = ['非常不满意', '不满意', '一般', '满意', '非常满意']
AG7 = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree']
rows = respondents(200, 4, 1, 5)
write('text-outcome-en-5.csv', ['Respondent', 'Store', 'Checkout', 'Staff', 'Returns', 'Overall satisfaction'],
      [[f'R{i:04d}'] + tps + [EN5[o - 1]] for i, (tps, o) in enumerate(rows)])
rows = respondents(200, 4, 1, 5)
write('text-outcome-zh-5.csv', ['编号', '预约', '接待', '维修质量', '交车', '总体满意度'],
      [[i + 1] + tps + [ZH5[o - 1]] for i, (tps, o) in enumerate(rows)])
rows = respondents(200, 5, 1, 7)
write('text-outcome-agree-7.csv', ['onboarding', 'app', 'billing', 'support', 'renewal', 'I would recommend us'],
      [tps + [AG7[o - 1]] for tps, o in rows])
rows = respondents(150, 4, 1, 5)
write('all-text-likert-en-5.csv', ['Booking', 'Check-in', 'Room', 'Check-out', 'Overall satisfaction'],
      [[EN5[t - 1] for t in tps] + [EN5[o - 1]] for tps, o in rows])

# 9. A text outcome that is not a standard scale.
WORDS = ['Terrible', 'Bad', 'OK', 'Good', 'Great']
rows = respondents(180, 4, 1, 5)
write('text-outcome-unknown.csv', ['Menu', 'Wait', 'Food', 'Bill', 'Overall'], [tps + [WORDS[o - 1]] for tps, o in rows])
json.dump({'labels': {w: i + 1 for i, w in enumerate(WORDS)}}, open('text-outcome-unknown.labels.json', 'w'), indent=2)
open('text-outcome-unknown.labels.json', 'a').write('\n')

# 10. Empty, header only, BOM only.
open('empty.csv', 'wb').close()
write('header-only.csv', ['Website', 'Delivery', 'Overall satisfaction'], [], newline='\r\n')
open('bom-only.csv', 'wb').write(b'\xef\xbb\xbf')

# 11. An Excel workbook saved with a .csv name, a real .xlsx, a gzip-compressed CSV and an .xls stub.
def xlsx_bytes(header, rows):
    def c(v, r, col):
        ref = f'{chr(65 + col)}{r}'
        if isinstance(v, str):
            return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
        return f'<c r="{ref}"><v>{v}</v></c>'
    sheet_rows = ''.join(f'<row r="{r + 1}">' + ''.join(c(v, r + 1, j) for j, v in enumerate(row)) + '</row>' for r, row in enumerate([header] + rows))
    files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        'xl/worksheets/sheet1.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            z.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


rows = respondents(40, 3, 1, 5)
book = xlsx_bytes(['Price', 'Delivery', 'Support', 'Overall satisfaction'], [tps + [o] for tps, o in rows])
open('workbook.xlsx', 'wb').write(book)
open('workbook-renamed.csv', 'wb').write(book)
csv_text = open('chinese-headers-utf8.csv', 'rb').read()
open('compressed.csv.gz', 'wb').write(gzip.compress(csv_text, mtime=0))
# An OLE2 compound-file header (Excel 97-2003 .xls): signature, minor/major version, byte order,
# sector shifts; the rest of the 512-byte header and one empty sector are zero.
ole = bytearray(1024)
ole[0:8] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
ole[0x18:0x1A] = (0x3E).to_bytes(2, 'little')
ole[0x1A:0x1C] = (3).to_bytes(2, 'little')
ole[0x1C:0x1E] = (0xFFFE).to_bytes(2, 'little')
ole[0x1E:0x20] = (9).to_bytes(2, 'little')
ole[0x20:0x22] = (6).to_bytes(2, 'little')
open('legacy-workbook.xls', 'wb').write(bytes(ole))

# 12. A trailing total row, and a trailing average row.
rows = respondents(30, 4, 1, 5)
grid = [[f'R{i + 1}'] + tps + [o] for i, (tps, o) in enumerate(rows)]
sums = ['Total'] + [sum(r[j] for r in grid) for j in range(1, 6)]
write('total-row.csv', ['Respondent', 'Price', 'Quality', 'Delivery', 'Service', 'Overall'], grid + [sums])
means = ['Average'] + [round(sum(r[j] for r in grid) / len(grid), 2) for j in range(1, 6)]
write('average-row.csv', ['Respondent', 'Price', 'Quality', 'Delivery', 'Service', 'Overall'], grid + [means])
write('total-row-unlabelled.csv', ['Respondent', 'Price', 'Quality', 'Delivery', 'Service', 'Overall'], grid + [[''] + sums[1:]])

# 13. A "don't know" code 99 on a 1-5 survey, and a stray 7.
rows = respondents(300, 5, 1, 5)
grid = [tps + [o] for tps, o in rows]
for i in rng.sample(range(300), 25):
    grid[i][rng.randrange(5)] = 99
write('dont-know-99.csv', ['Ease', 'Speed', 'Accuracy', 'Friendliness', 'Price', 'Overall satisfaction'], grid)
rows = respondents(300, 5, 1, 5)
grid = [tps + [o] for tps, o in rows]
grid[123][2] = 7
write('stray-7.csv', ['Ease', 'Speed', 'Accuracy', 'Friendliness', 'Price', 'Overall satisfaction'], grid)

# 14. NPS on 0-10, a 0-100 satisfaction survey, and a survey with ids, demographics and a weight.
rows = respondents(300, 4, 0, 10)
write('nps-0-10.csv', ['Response ID', 'Product', 'Onboarding', 'Support', 'Pricing', 'Likelihood to recommend'],
      [[f'{rng.getrandbits(40):010x}'] + tps + [o] for tps, o in rows])
rows = respondents(200, 4, 0, 100, noise=0.6)
write('scale-0-100.csv', ['Search', 'Product page', 'Checkout', 'Delivery', 'Satisfaction'], [tps + [o] for tps, o in rows])
rows = respondents(500, 5, 1, 7)
write('ids-demographics-weight-1-7.csv', ['RespondentID', 'Age', 'Gender', 'Region', 'weight', 'Arrival', 'Room', 'Breakfast', 'Pool', 'Checkout', 'Overall'],
      [[i + 1, rng.randint(18, 80), rng.randint(1, 2), rng.randint(1, 4), round(rng.uniform(0.4, 2.5), 3)] + tps + [o] for i, (tps, o) in enumerate(rows)])

# 15. No name says overall (Q1..Q8), and two columns that both claim it.
rows = respondents(200, 7, 1, 5)
write('unnamed-q-columns.csv', [f'Q{i}' for i in range(1, 9)], [tps + [o] for tps, o in rows])
rows = respondents(200, 4, 1, 5)
write('two-overall-columns.csv', ['Staff', 'Speed', 'Price', 'Overall satisfaction', 'Overall value', 'Cleanliness'],
      [tps[:3] + [o, clamp(o + rng.choice([-1, 0, 0, 1]), 1, 5), tps[3]] for tps, o in rows])

rows = respondents(200, 4, 1, 5)
write('overall-tie.csv', ['Staff', 'Speed', 'Price', 'Cleanliness', 'Overall (store)', 'Overall (online)'],
      [tps + [o, clamp(o + rng.choice([-1, 0, 0, 1]), 1, 5)] for tps, o in rows])

# 16. A semicolon export with decimal-comma weights (European Excel), UTF-16 "Unicode text" from Excel.
rows = respondents(150, 4, 1, 5)
write('semicolon-decimal-comma.csv', ['Filiale', 'Beratung', 'Wartezeit', 'Online', 'Gewicht', 'Gesamtzufriedenheit'],
      [tps[:1] + tps[1:4] + [f'{rng.uniform(0.5, 2):.2f}'.replace('.', ',')] + [o] for tps, o in rows], sep=';')
rows = respondents(120, 4, 1, 5)
write('excel-unicode-text.txt', ['Arrival', 'Room', 'Breakfast', 'Checkout', 'Overall'], [tps + [o] for tps, o in rows], sep='\t', encoding='utf-16', newline='\r\n')

# 17. Too few respondents for key drivers, and an overall with no variation.
rows = respondents(4, 5, 1, 5)
write('too-few-rows.csv', ['Price', 'Quality', 'Delivery', 'Service', 'Support', 'Overall'], [tps + [o] for tps, o in rows])
rows = respondents(60, 4, 1, 5)
write('constant-overall.csv', ['Price', 'Quality', 'Delivery', 'Service', 'Overall'], [tps + [5] for tps, o in rows])

# 18. A rating column named "rating" beside "food_rating" and "service_rating" on 1-5, and CSAT.
rows = respondents(300, 3, 1, 5)
write('csat-with-comments.csv', ['ticket', 'Agent knowledge', 'Resolution time', 'Tone', 'CSAT', 'Comment'],
      [[f'T-{10000 + i}'] + tps + [o, rng.choice(['', 'great', 'too slow', 'ok, thanks', '"fine"'])] for i, (tps, o) in enumerate(rows)])
