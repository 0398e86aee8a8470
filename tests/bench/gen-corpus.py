#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic, schema-valid policy corpus for the benchmarks.

    gen-corpus.py [--benefits N] [--documents K] [--per-article B]
                  [--seed S] [--taxonomy data/taxonomy.xml] OUTDIR

N benefits (default 100000) spread over K policy documents (default 100),
B benefits per article (default 10), written as OUTDIR/bench-0001.xml ….
Every file validates against data/schema/policy.xsd and loads with the
real taxonomy: jurisdictions, responsible units and overlap groups are
taken from data/taxonomy.xml, condition values from its vocabularies, and
top-ups and annual caps only point inside the same document.  The output is
deterministic for a given seed.  Python 3 standard library only.
"""

import argparse
import datetime
import os
import random
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TAXONOMY = os.path.join(HERE, "..", "..", "data", "taxonomy.xml")

# Document-number prefixes per jurisdiction (the 发文字号 style of each place).
DOC_PREFIX = {
    "fujian": "闽政", "fuzhou": "榕政", "xiamen": "厦府", "quanzhou": "泉政",
    "jinjiang": "晋政", "zhangzhou": "漳政", "putian": "莆政", "sanming": "明政",
    "nanping": "南政", "longyan": "龙政", "ningde": "宁政",
}

# Jurisdiction weights: the province and the big cities issue the most.
LOCATION_WEIGHTS = {
    "fujian": 14, "xiamen": 16, "fuzhou": 14, "quanzhou": 10, "jinjiang": 10,
    "zhangzhou": 8, "putian": 6, "sanming": 5, "nanping": 5, "longyan": 6, "ningde": 6,
}

CHAPTERS = [
    "一、提升研发创新能力", "二、推动产业化发展", "三、支持国际化发展",
    "四、强化平台支撑", "五、优化产业生态", "六、加强人才引育", "七、强化要素保障",
]

HEADINGS = [
    ("支持创新药物研发", "Supporting R&D of innovative drugs"),
    ("支持改良型新药研发", "Supporting R&D of improved new drugs"),
    ("鼓励仿制药质量和疗效一致性评价", "Encouraging generic consistency evaluation"),
    ("推动药品产业化", "Bringing drugs to production"),
    ("支持高端医疗器械研发", "Supporting R&D of high-end medical devices"),
    ("推动医疗器械产业化", "Bringing medical devices to production"),
    ("支持国家创新医疗器械", "Supporting national innovative medical devices"),
    ("鼓励境外注册和国际认证", "Encouraging approval and certification abroad"),
    ("支持合同研发生产服务平台", "Supporting contract research and manufacturing platforms"),
    ("支持临床试验机构建设", "Supporting clinical trial institutions"),
    ("推动科技成果转化", "Moving research results into production"),
    ("支持国家重大项目配套", "Matching national major projects"),
    ("支持创新平台建设", "Building innovation platforms"),
    ("支持生物制品发展", "Supporting biologics"),
    ("支持中药传承创新", "Supporting traditional Chinese medicine innovation"),
    ("支持医用同位素与核药发展", "Supporting medical isotopes and radiopharmaceuticals"),
    ("支持医疗机器人和智能装备", "Supporting medical robots and smart equipment"),
    ("支持保健食品和特殊医学用途配方食品", "Supporting health food and special medical food"),
    ("鼓励技术改造和设备更新", "Encouraging technical upgrading and new equipment"),
    ("加强产业人才引育", "Attracting and training industry talent"),
]

# Words that make the article texts differ, so search has something to find.
TOPICS = [
    "抗肿瘤", "心血管", "糖尿病", "阿尔茨海默病", "罕见病", "抗体偶联药物", "细胞治疗",
    "基因治疗", "mRNA疫苗", "核素偶联药物", "质子治疗", "手术机器人", "人工心脏",
    "智能可穿戴", "体外诊断试剂", "超声影像", "磁共振", "内窥镜", "骨科植入物",
    "血管支架", "中药配方颗粒", "海洋生物医药", "合成生物", "疫苗", "血液制品",
    "眼科", "口腔", "康复器械", "透析", "呼吸机", "脑机接口", "医学人工智能",
]
PLACES = ["海沧", "翔安", "同安", "集美", "湖里", "思明", "闽侯", "长乐", "马尾",
          "鼓楼", "丰泽", "石狮", "南安", "龙海", "仙游", "永安", "武夷山", "上杭", "福安"]
FILLERS = [
    "鼓励本地产业投资基金、科技创新创业引导基金等政府引导基金参与投资。",
    "对获得奖励的项目实行清单化管理，定期跟踪评估实施成效。",
    "支持企业与高校、科研院所、医疗机构组建创新联合体，开展关键核心技术攻关。",
    "对符合条件的项目，优先推荐申报国家和省级相关专项。",
    "同一项目同一年度按“就高从优不重复”原则给予支持。",
    "奖励资金纳入年度财政预算，按规定程序申报、审核和拨付。",
    "支持在{place}建设{topic}产业园区，推动产业集聚发展。",
    "鼓励{topic}领域企业在{place}设立研发中心和生产基地。",
]

PHASE_ZH = {
    "preclinical": "完成临床前研究", "phase-1": "完成Ⅰ期临床试验", "phase-2": "完成Ⅱ期临床试验",
    "phase-3": "完成Ⅲ期临床试验", "overseas-clinical": "完成境外临床研究",
    "registered": "取得注册证书", "marketed": "取得注册证书并首次实现产业化",
    "consistency-evaluation": "通过仿制药质量和疗效一致性评价",
    "overseas-approval": "取得境外注册或国际认证",
}
PHASE_EN = {
    "preclinical": "preclinical research completed", "phase-1": "Phase I completed",
    "phase-2": "Phase II completed", "phase-3": "Phase III completed",
    "overseas-clinical": "clinical research abroad completed", "registered": "registered",
    "marketed": "registered and first sold", "consistency-evaluation": "consistency evaluation passed",
    "overseas-approval": "approved abroad",
}

# Overlap groups (all exist in data/taxonomy.xml) by category.
GROUPS = {
    ("drug", "innovative-clinical"): "drug-clinical-innovative",
    ("drug", "improved-clinical"): "drug-clinical-improved",
    ("drug", "industrialisation"): "drug-industrialisation",
    ("device", "industrialisation"): "device-industrialisation",
    ("device", "innovative"): "device-innovative-industrialisation",
    ("drug", "consistency"): "consistency-evaluation",
    ("org", "tech-transfer"): "tech-transfer",
    ("org", "cro"): "cro-platform-construction",
    ("org", "matching"): "national-project-matching",
    ("org", "lab"): "national-key-lab",
}


def wan(yuan):
    w = yuan / 10000
    return ("%d" % w) if w == int(w) else ("%g" % w)


class Taxonomy:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.parent = {}
        for loc in root.iter("location"):
            for child in loc.findall("location"):
                self.parent[child.get("id")] = loc.get("id")
            self.parent.setdefault(loc.get("id"), None)
        self.vocab = {}
        self.term_zh = {}
        for voc in root.findall("vocabulary"):
            ids = [t.get("id") for t in voc.findall("term")]
            self.vocab[voc.get("id")] = ids
            for t in voc.findall("term"):
                self.term_zh[(voc.get("id"), t.get("id"))] = t.findtext("zh")
        self.groups = {g.get("id") for g in root.find("overlap-groups").findall("group")}
        self.units = [(u.get("id"), u.get("location"), u.findtext("zh"))
                      for u in root.find("units").findall("unit")]
        self.location_zh = {loc.get("id"): loc.findtext("zh") for loc in root.iter("location")}

    def ancestors(self, loc):
        while loc is not None:
            yield loc
            loc = self.parent.get(loc)

    def units_for(self, loc):
        places = set(self.ancestors(loc))
        local = [u for u in self.units if u[1] == loc]
        return local or [u for u in self.units if u[1] in places]

    def zh(self, vocabulary, term):
        return self.term_zh.get((vocabulary, term), term)


class Generator:
    def __init__(self, tax, rng):
        self.tax = tax
        self.rng = rng
        for group in GROUPS.values():
            if group not in tax.groups:
                sys.exit("gen-corpus: overlap group %s is not in the taxonomy" % group)

    def pick(self, seq):
        return self.rng.choice(seq)

    def subset(self, seq, lo=1, hi=None):
        hi = min(hi or len(seq), len(seq))
        k = self.rng.randint(lo, hi)
        chosen = set(self.rng.sample(seq, k))
        return [x for x in seq if x in chosen]  # vocabulary order

    def money(self, lo_wan, hi_wan, step_wan=10):
        return self.rng.randrange(lo_wan, hi_wan + 1, step_wan) * 10000

    # ---- one benefit: returns (xml lines, zh sentence, en fragment) ----
    def benefit(self, doc_id, article, slug, caps, earlier_rate_ids, topic, place):
        r = self.rng.random()
        if r < 0.40:
            return self.drug_benefit(doc_id, article, slug, caps, earlier_rate_ids, topic, place)
        if r < 0.70:
            return self.device_benefit(doc_id, article, slug, caps, topic, place)
        if r < 0.92:
            return self.org_benefit(doc_id, article, slug, caps, topic, place)
        return self.health_benefit(doc_id, article, slug, caps, topic)

    def drug_benefit(self, doc_id, article, slug, caps, earlier_rate_ids, topic, place):
        rng = self.rng
        voc = self.tax.vocab
        sort = rng.random()
        cond = [("product", "drug", None)]
        overlap = None
        thresholds = []
        if sort < 0.55:  # clinical-stage award on R&D investment
            classes = self.pick([["innovative"], ["improved", "classical-tcm"], ["innovative", "improved"]])
            phase = self.pick(["preclinical", "phase-1", "phase-2", "phase-3", "overseas-clinical"])
            cond.append(("drug-class", " ".join(classes), None))
            if rng.random() < 0.5:
                cond.append(("modality", " ".join(self.subset(voc["modality"], 1)), None))
            if rng.random() < 0.3:
                areas = self.subset(["oncology", "radiopharmaceutical"], 1)
                cond.append(("therapeutic-area", " ".join(areas), "other" if rng.random() < 0.5 else None))
            cond.append(("phase", phase, None))
            rate = self.pick(["0.2", "0.3", "0.4", "0.5"])
            cap = self.money(100, 3000, 50)
            kind = "top-up" if earlier_rate_ids and rng.random() < 0.05 else "rate"
            if phase in ("phase-1", "phase-2", "phase-3") and rng.random() < 0.35:
                overlap = GROUPS[("drug", "innovative-clinical" if classes[0] == "innovative" else "improved-clinical")]
            subject = "、".join(self.tax.zh("drug-class", c) for c in classes)
            zh = ("对在本市转化的%s（%s领域）%s的，按照研发投入最高不超过%d%%的标准，给予最高不超过%s万元的奖励。"
                  % (subject, topic, PHASE_ZH[phase], round(float(rate) * 100), wan(cap)))
            if kind == "top-up":
                zh = ("对%s%s的，研发投入在上级奖励的基础上配套补足到%d%%，最高不超过%s万元。"
                      % (subject, PHASE_ZH[phase], round(float(rate) * 100), wan(cap)))
            title = ("%s%s奖励" % (subject, PHASE_ZH[phase]), "%s drug: %s" % (classes[0], PHASE_EN[phase]))
            body = dict(kind=kind, per="product", rate=rate, base="rd-investment", cap=cap)
            if kind == "top-up":
                body["tops_up"] = self.pick(earlier_rate_ids)
        elif sort < 0.75:  # consistency evaluation
            ranks = self.subset(voc["rank"], 1)
            cond += [("drug-class", "generic", None), ("phase", "consistency-evaluation", None),
                     ("rank", " ".join(ranks), None)]
            rate = self.pick(["0.2", "0.3", "0.4"])
            cap = self.money(100, 500, 50)
            if rng.random() < 0.35:
                overlap = GROUPS[("drug", "consistency")]
            zh = ("对%s通过仿制药质量和疗效一致性评价的品种，按最高不超过评价成本的%d%%给予最高不超过%s万元的一次性奖励。"
                  % ("、".join(self.tax.zh("rank", x) for x in ranks), round(float(rate) * 100), wan(cap)))
            title = ("仿制药一致性评价奖励", "Generic drug: consistency evaluation passed")
            body = dict(kind="rate", per="product", rate=rate, base="evaluation-cost", cap=cap, one_time=True)
        else:  # registration / industrialisation, fixed or with a sales threshold
            classes = self.subset(voc["drug-class"], 1, 3)
            phase = self.pick(["registered", "marketed", "overseas-approval"])
            cond += [("drug-class", " ".join(classes), None), ("phase", phase, None)]
            amount = self.money(100, 2000, 50)
            if rng.random() < 0.4:
                thresholds.append(("sales", self.money(1000, 20000, 500), rng.random() < 0.7))
            if phase != "overseas-approval" and rng.random() < 0.35:
                overlap = GROUPS[("drug", "industrialisation")]
            subject = "、".join(self.tax.zh("drug-class", c) for c in classes)
            zh = "对%s%s" % (subject, PHASE_ZH[phase])
            if thresholds:
                zh += "且累计销售收入达到%s万元以上" % wan(thresholds[0][1])
            zh += "的，给予%s万元奖励。" % wan(amount)
            title = ("%s%s奖励" % (subject, PHASE_ZH[phase]), "Drug: %s" % PHASE_EN[phase])
            body = dict(kind="fixed", per="product", amount=amount)
        body.update(conditions=cond, thresholds=thresholds, overlap=overlap)
        return self.finish(doc_id, article, slug, caps, title, body, zh)

    def device_benefit(self, doc_id, article, slug, caps, topic, place):
        rng = self.rng
        voc = self.tax.vocab
        cond = [("product", "device", None)]
        overlap = None
        thresholds = []
        classes = self.subset(voc["device-class"], 1)
        cond.append(("device-class", " ".join(classes), None))
        innovative = rng.random() < 0.2
        if innovative:
            cond.append(("innovative-device", "true", None))
        if rng.random() < 0.4:
            types = self.subset(voc["device-type"][:-1], 1, 4)
            cond.append(("device-type", " ".join(types), "other" if rng.random() < 0.3 else None))
        phase = self.pick(["registered", "marketed", "overseas-approval", "phase-3"])
        cond.append(("phase", phase, None))
        subject = "、".join(self.tax.zh("device-class", c) for c in classes)
        if rng.random() < 0.6:
            amount = self.money(50, 1000, 10)
            if rng.random() < 0.3:
                thresholds.append(("sales", self.money(500, 10000, 100), rng.random() < 0.7))
            if phase in ("registered", "marketed") and rng.random() < 0.35:
                overlap = GROUPS[("device", "innovative" if innovative else "industrialisation")]
            zh = "对首次%s的%s（%s）" % (PHASE_ZH[phase], subject, topic)
            if thresholds:
                zh += "，且销售收入超过%s万元" % wan(thresholds[0][1])
            zh += "，给予%s万元奖励。" % wan(amount)
            body = dict(kind="fixed", per="registration-unit", amount=amount)
        else:
            rate = self.pick(["0.1", "0.2", "0.3"])
            cap = self.money(100, 2000, 50)
            zh = ("对%s%s的，按研发投入的%d%%给予资助，最高%s万元。"
                  % (subject, PHASE_ZH[phase], round(float(rate) * 100), wan(cap)))
            body = dict(kind="rate", per="product", rate=rate, base="rd-investment", cap=cap)
        title = ("%s%s奖励" % (subject, PHASE_ZH[phase]), "Medical device: %s" % PHASE_EN[phase])
        body.update(conditions=cond, thresholds=thresholds, overlap=overlap)
        return self.finish(doc_id, article, slug, caps, title, body, zh)

    def org_benefit(self, doc_id, article, slug, caps, topic, place):
        rng = self.rng
        voc = self.tax.vocab
        entities = self.subset(voc["entity"], 1, 4)
        cond = [("product", "organisation", None), ("entity", " ".join(entities), None)]
        who = "、".join(self.tax.zh("entity", e) for e in entities)
        sort = rng.random()
        overlap = None
        requirements = []
        if sort < 0.3:
            rate = self.pick(["0.5", "1"])
            cap = self.money(200, 5000, 100)
            if rng.random() < 0.35:
                overlap = GROUPS[("org", "matching")]
            zh = ("对%s承担国家重大科技项目的，按国家实际资助金额%s给予配套，最高%s万元，国家、省、市资助总金额不超过项目总投入。"
                  % (who, "1:1" if rate == "1" else "50%", wan(cap)))
            title = ("国家重大项目配套资助", "Matching of national project funding")
            body = dict(kind="matching", per="project", rate=rate, base="national-funding", cap=cap,
                        combined_limit="total-investment")
        elif sort < 0.55:
            base = self.pick(["equipment", "tech-transaction", "service-revenue", "contract-amount"])
            rate = self.pick(["0.05", "0.1", "0.15", "0.2", "0.3"])
            cap = self.money(50, 1000, 10)
            if base == "tech-transaction" and rng.random() < 0.5:
                overlap = GROUPS[("org", "tech-transfer")]
            elif base == "service-revenue" and rng.random() < 0.5:
                overlap = GROUPS[("org", "cro")]
            label = self.tax.zh("figure", base)
            zh = ("对%s在%s开展%s业务的，按%s的%d%%给予补助，每年最高%s万元。"
                  % (who, place, topic, label, round(float(rate) * 100), wan(cap)))
            title = ("按%s给予补助" % label, "Subsidy on %s" % base.replace("-", " "))
            body = dict(kind="rate", per="enterprise", rate=rate, base=base, cap=cap)
        elif sort < 0.85:
            amount = self.money(50, 2000, 50)
            requirements.append(("newly-recognised", "新认定的%s创新平台" % topic,
                                 "Newly recognised %s innovation platform" % "national"))
            if rng.random() < 0.3:
                overlap = GROUPS[("org", "lab")]
            zh = "对%s新获批建设国家级%s创新平台的，给予一次性补助%s万元。" % (who, topic, wan(amount))
            title = ("新认定创新平台补助", "Newly recognised innovation platform")
            body = dict(kind="fixed", per="platform", amount=amount, one_time=True)
        elif sort < 0.93:
            cap = self.money(50, 500, 10) if rng.random() < 0.6 else None
            zh = "对在%s落地的%s重大项目，按有关规定给予奖励%s。" % (
                place, topic, ("，最高%s万元" % wan(cap)) if cap else "")
            title = ("重大项目奖励", "Major project award")
            body = dict(kind="unspecified", per="project", cap=cap)
        else:
            zh = "对%s开展%s临床研究的，开辟审批绿色通道，相关床位不纳入医疗机构床位总数管理。" % (who, topic)
            title = ("临床研究绿色通道", "Green channel for clinical research")
            body = dict(kind="non-monetary", per="institution")
            cond = [("product", "organisation", None), ("entity", "medical-institution", None)]
        body.update(conditions=cond, thresholds=[], overlap=overlap, requirements=requirements)
        return self.finish(doc_id, article, slug, caps, title, body, zh)

    def health_benefit(self, doc_id, article, slug, caps, topic):
        amount = self.money(20, 300, 10)
        cond = [("product", "health-product", None), ("phase", "registered", None)]
        zh = "对首次取得保健食品、特殊医学用途配方食品注册证书的企业，每个品种给予%s万元奖励。" % wan(amount)
        title = ("保健食品及特医食品注册奖励", "Health food or special medical food registered")
        body = dict(kind="fixed", per="product", amount=amount, conditions=cond, thresholds=[], overlap=None)
        return self.finish(doc_id, article, slug, caps, title, body, zh)

    def finish(self, doc_id, article, slug, caps, title, body, zh):
        rng = self.rng
        bid = "%s/%s/%s" % (doc_id, article, slug)
        one_time = body.get("one_time", False)
        x = ['    <benefit id=%s kind="%s" per="%s"%s>' % (
            quoteattr(bid), body["kind"], body["per"], ' one-time="true"' if one_time else "")]
        x.append("      <title><zh>%s</zh><en>%s</en></title>" % (escape(title[0]), escape(title[1])))
        if body.get("rate") is not None:
            x.append("      <rate>%s</rate>" % body["rate"])
        if body.get("base"):
            x.append("      <base>%s</base>" % body["base"])
        if body.get("amount") is not None:
            x.append("      <amount>%d</amount>" % body["amount"])
        if body.get("cap") is not None:
            x.append("      <cap>%d</cap>" % body["cap"])
        for figure, minimum, inclusive in body.get("thresholds", []):
            x.append('      <threshold figure="%s" min="%d" inclusive="%s"/>'
                     % (figure, minimum, "true" if inclusive else "false"))
        if body.get("combined_limit"):
            x.append('      <combined-limit figure="%s"/>' % body["combined_limit"])
        if body.get("conditions"):
            x.append("      <conditions>")
            for name, values, review in body["conditions"]:
                attr = ' review="%s"' % review if review else ""
                x.append("        <%s%s>%s</%s>" % (name, attr, values, name))
            x.append("      </conditions>")
        for rid, rzh, ren in body.get("requirements", []):
            x.append('      <requirement id="%s"><zh>%s</zh><en>%s</en></requirement>'
                     % (rid, escape(rzh), escape(ren)))
        if body.get("tops_up"):
            x.append('      <tops-up ref=%s/>' % quoteattr(body["tops_up"]))
        if body.get("overlap"):
            x.append('      <overlap ref="%s"/>' % body["overlap"])
        if caps and body["kind"] in ("rate", "fixed", "top-up") and rng.random() < 0.15:
            x.append('      <annual-cap ref=%s/>' % quoteattr(self.pick(caps)))
        if body["kind"] == "fixed" and rng.random() < 0.05:
            x.append('      <staged-payment over="三年"><stage share="0.4"/><stage share="0.3"/>'
                     '<stage share="0.3"/></staged-payment>')
        if rng.random() < 0.2:
            x.append("      <note><zh>原文为“最高不超过”，此处按上限编码，估算值为可获得的最高额。</zh>"
                     "<en>The text gives a ceiling; the estimate is the most the award can give.</en></note>")
        x.append("    </benefit>")
        return x, zh, bid, body["kind"]


def write_document(gen, tax, out_dir, index, n_benefits, per_article):
    rng = gen.rng
    doc_id = "bench-%04d" % index
    locations = list(LOCATION_WEIGHTS)
    jurisdiction = rng.choices(locations, weights=[LOCATION_WEIGHTS[l] for l in locations])[0]
    loc_zh = tax.location_zh[jurisdiction]
    year = rng.randint(2021, 2026)
    draft = rng.random() < 0.08
    issued = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
    start = issued + datetime.timedelta(days=30)
    until = datetime.date(start.year + rng.randint(2, 5), 12, 31)
    units = tax.units_for(jurisdiction)
    heading_pool = HEADINGS[:]
    n_articles = (n_benefits + per_article - 1) // per_article

    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w("<!-- SPDX-License-Identifier: GPL-3.0-or-later\n"
      "     Synthetic benchmark document written by tests/bench/gen-corpus.py. Not a real policy. -->")
    w('<policy-document schema-version="1" id="%s" status="%s">' % (doc_id, "draft" if draft else "final"))
    w("  <doc-number>%s规〔%d〕%d号</doc-number>" % (DOC_PREFIX[jurisdiction], year, index))
    w("  <title><zh>%s关于加快生物医药产业高质量发展的若干措施（基准测试%04d）</zh>"
      "<en>%s measures to accelerate the biomedical industry (benchmark %04d)</en></title>"
      % (loc_zh, index, jurisdiction.capitalize(), index))
    w("  <issuer><zh>%s人民政府</zh><en>%s People's Government</en></issuer>" % (loc_zh, jurisdiction.capitalize()))
    w("  <jurisdiction>%s</jurisdiction>" % jurisdiction)
    if draft:
        w('  <validity issued="%s"/>' % issued.isoformat())
    else:
        w('  <validity issued="%s" in-force-from="%s" in-force-until="%s"/>'
          % (issued.isoformat(), start.isoformat(), until.isoformat()))
    w('  <source file="%s.txt" last-verified="2026-01-15"/>' % doc_id)
    w('  <overlap-rule principle="highest-no-stacking" where="附则">'
      "<quote>与其他同类政策重复的，按照“就高从优不重复”原则执行。</quote>"
      "<en>Where these measures duplicate other policies of the same kind, the higher one applies, without duplication.</en>"
      "</overlap-rule>")
    w("  <note><zh>本文件为基准测试生成的合成数据。</zh><en>Synthetic data generated for the benchmarks.</en></note>")
    caps = []
    for slug, article, amount in (("clinical-stage", 1, 100000000), ("industrialisation", 2, 30000000),
                                  ("platforms", 3, 10000000)):
        cap_id = "%s/caps/%s" % (doc_id, slug)
        caps.append(cap_id)
        w('  <annual-cap id="%s" amount="%d" per="enterprise" article="%d"><zh>单个企业每年最高不超过%s万元</zh>'
          "<en>At most %d yuan per enterprise a year</en></annual-cap>" % (cap_id, amount, article, wan(amount), amount))

    written = 0
    earlier_rate_ids = []
    for a in range(1, n_articles + 1):
        count = min(per_article, n_benefits - written)
        heading = heading_pool[(a - 1) % len(heading_pool)]
        topic = gen.pick(TOPICS)
        place = gen.pick(PLACES)
        benefit_xml = []
        sentences = []
        kinds = {}
        for b in range(1, count + 1):
            lines, zh, bid, kind = gen.benefit(doc_id, a, "measure-%d" % b, caps, earlier_rate_ids, topic, place)
            benefit_xml += lines
            sentences.append(zh)
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind == "rate" and "<product>drug</product>" in "".join(lines) \
                    and "<base>rd-investment</base>" in "".join(lines):
                earlier_rate_ids.append(bid)
        written += count
        filler = gen.pick(FILLERS).format(place=place, topic=topic)
        lead = rng.sample(units, min(len(units), rng.randint(1, 3)))
        original = "".join(sentences) + filler + "（责任单位：%s）" % "、".join(u[2] for u in lead)
        summary = ("Benchmark article %d of %s (%s, %s): %d awards on %s, e.g. %s."
                   % (a, doc_id, jurisdiction, heading[1].lower(), count,
                      ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items())),
                      gen.pick(["clinical trial phase awards", "device registration subsidy",
                                "platform construction grant", "R&D investment rate",
                                "oncology and radiopharmaceutical support", "overseas approval award"])))
        w('  <article number="%d" chapter=%s>' % (a, quoteattr(CHAPTERS[(a - 1) * len(CHAPTERS) // n_articles])))
        w("    <heading><zh>%s（%s）</zh><en>%s (article %d)</en></heading>"
          % (escape(heading[0]), escape(topic), escape(heading[1]), a))
        w("    <original>%s</original>" % escape(original))
        w("    <summary>%s</summary>" % escape(summary))
        w("    <units>")
        for u in lead:
            w('      <unit ref="%s" role="lead"/>' % u[0])
        w("    </units>")
        out.extend(benefit_xml)
        w("  </article>")
    w("</policy-document>")

    path = os.path.join(out_dir, doc_id + ".xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--benefits", type=int, default=100000)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--taxonomy", default=DEFAULT_TAXONOMY)
    args = parser.parse_args()
    if args.documents < 1 or args.benefits < args.documents or args.per_article < 1:
        parser.error("need 1 ≤ documents ≤ benefits and per-article ≥ 1")
    if args.documents > 9999:
        parser.error("at most 9999 documents")

    tax = Taxonomy(args.taxonomy)
    gen = Generator(tax, random.Random(args.seed))
    os.makedirs(args.outdir, exist_ok=True)
    for stale in os.listdir(args.outdir):
        if stale.startswith("bench-") and stale.endswith(".xml"):
            os.unlink(os.path.join(args.outdir, stale))

    base, extra = divmod(args.benefits, args.documents)
    total = 0
    for i in range(1, args.documents + 1):
        n = base + (1 if i <= extra else 0)
        write_document(gen, tax, args.outdir, i, n, args.per_article)
        total += n
    print("gen-corpus: %d benefits in %d documents written to %s" % (total, args.documents, args.outdir))


if __name__ == "__main__":
    main()
