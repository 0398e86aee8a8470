#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes two test sources for `pnav draft`, Word documents
(WordprocessingML in a zip container):

  quanzhou-tasks.docx   a task table whose group cells are merged down
                        (w:vMerge), cells of several paragraphs, and a
                        paragraph with a manual line break;
  nanping-measures.docx measures numbered by Word itself (w:numPr and
                        word/numbering.xml: 一、 and （一） are not in the text).

Run it from this folder; the .docx files are committed, this script says how
they were made."""

import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

TITLE = "泉州市生物医药产业高质量发展重点任务清单"
ROWS = [
    ("1", "强化创新平台", ["支持企业建设省级以上企业技术中心、重点实验室等研发平台，对新认定的国家级、省级研发平台分别给予一次性奖励300万元、100万元。"], "市工信局", "市科技局、市财政局", "2025—2027年"),
    ("2", None, ["推动泉州医药产业研究院建设，搭建中试熟化和检验检测公共服务平台。"], "市科技局", "晋江市人民政府", "2026年12月"),
    ("3", "加快产品上市", ["对取得创新药注册证书并在本市产业化的企业，每个品种给予500万元奖励；对取得第三类医疗器械注册证的，每个品种给予50万元奖励，单个企业每年最高不超过1000万元。"], "市市场监管局", "市财政局", "长期坚持"),
    ("4", None, ["对完成Ⅰ期、Ⅱ期、Ⅲ期临床试验的创新药，按照研发投入的20%分别给予最高不超过200万元、400万元、600万元补助。"], "市科技局", "市财政局", "2025—2027年"),
    ("5", "扩大有效投资", ["对新建生物医药项目，设备投资额超过2000万元的，按照设备投资额的8%给予补助，最高不超过800万元。"], "市发改委", "市工信局", "2027年6月底前"),
    ("6", None, ["鼓励各县（市、区）建设生物医药专业园区，", "推动产业集聚发展。"], "各县（市、区）人民政府", "", "持续推进"),
    ("7", "优化服务环境", ["建立重点企业服务专员制度，协调解决企业发展中的困难和问题。"], "市工信局", "市直有关部门", "持续推进"),
    ("8", None, ["对企业引进的高层次人才，经认定给予最高100万元安家补助，分三年按40%、30%、30%发放。"], "市委人才办", "市人社局、市财政局", "2025—2027年"),
]


def run(text):
    return '<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def para(*texts, center=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return "<w:p>%s%s</w:p>" % (ppr, "".join(texts))


def cell(paragraphs, merge=None):
    tcpr = "<w:tcPr>%s</w:tcPr>" % ('<w:vMerge w:val="restart"/>' if merge == "restart" else
                                     "<w:vMerge/>" if merge == "continue" else "")
    body = "".join(para(run(p)) for p in paragraphs) or "<w:p/>"
    return "<w:tc>%s%s</w:tc>" % (tcpr, body)


def table():
    rows = ["<w:tr>%s</w:tr>" % "".join(cell([h]) for h in
                                        ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"))]
    for number, group, measures, lead, coop, deadline in ROWS:
        merge = "restart" if group else "continue"
        rows.append("<w:tr>%s%s%s%s%s%s</w:tr>" % (
            cell([number]), cell([group] if group else [], merge), cell(measures),
            cell([lead]), cell([coop] if coop else []), cell([deadline])))
    return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>%s</w:tbl>" % "".join(rows)


def document():
    body = [
        para(run("泉政办〔2025〕20号"), center=True),
        para(run("泉州市人民政府办公室关于印发"), '<w:r><w:br/></w:r>', run(TITLE + "的通知"), center=True),
        para(run("各县（市、区）人民政府，泉州开发区、泉州台商投资区管委会，市直有关单位：")),
        para(run("　　经市政府同意，现将《" + TITLE + "》印发给你们，请认真组织实施。")),
        para(run("泉州市人民政府办公室")),
        para(run("2025年9月1日")),
        para(run(TITLE), center=True),
        table(),
        para(run("本清单各项奖补资金与省、市其他同类政策不重复享受，按照就高从优原则执行。")),
    ]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (W, "".join(body)))


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="%s">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>""" % W

MEASURES = [
    (0, "支持研发创新"),
    (1, "支持创新药研发。对在本市完成Ⅱ期、Ⅲ期临床试验的创新药，分别给予最高300万元、500万元补助。（责任单位：市科技局、市财政局）"),
    (1, "支持医疗器械注册。对首次取得第二类、第三类医疗器械注册证的企业，分别给予30万元、80万元一次性奖励。（责任单位：市市场监管局）"),
    (0, "支持产业化"),
    (1, "支持技术改造。对设备投资额达到1000万元的技术改造项目，按照设备投资额的8%给予补助，单个项目最高不超过300万元。（责任单位：市工信局）"),
    (1, "支持平台建设。对新认定的省级企业技术中心给予50万元奖励。（责任单位：市工信局）"),
]


def numbered(level, text):
    return ('<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>%s</w:p>'
            % (level, run(text)))


def measures_document():
    body = [
        para(run("南平市人民政府办公室关于印发南平市促进生物医药产业发展若干措施的通知"), center=True),
        para(run("南政办〔2025〕9号"), center=True),
        para(run("各县（市、区）人民政府，市直各单位：")),
        para(run("　　经市政府同意，现将《南平市促进生物医药产业发展若干措施》印发给你们，请认真贯彻执行。")),
        para(run("南平市人民政府办公室")),
        para(run("2025年7月15日")),
        para(run("南平市促进生物医药产业发展若干措施"), center=True),
    ] + [numbered(level, text) for level, text in MEASURES] + [
        para(run("本措施自印发之日起施行，有效期至2027年12月31日。")),
    ]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (W, "".join(body)))


def write(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2025, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


write("quanzhou-tasks.docx", (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                              ("word/document.xml", document())))
write("nanping-measures.docx", (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                ("word/document.xml", measures_document()),
                                ("word/numbering.xml", NUMBERING)))
