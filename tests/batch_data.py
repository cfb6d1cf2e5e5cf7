"""Synthetic news fixtures for the batch tests, written for these tests (no shared data).

Articles are drawn from a pool of distinct sentences so that two different
articles share little text, while a near-duplicate changes one sentence.
"""

from __future__ import annotations

import json
import random
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

SENTENCES = [
    "市气象台今天上午发布寒潮蓝色预警，提醒市民注意添衣保暖",
    "新建的城际铁路全线铺轨完成，预计明年春季开通运营",
    "区教育局组织两百多名乡村教师参加暑期信息化培训",
    "本地一家农业合作社通过直播带货把滞销的苹果卖到了全国",
    "博物馆推出夜间开放活动，吸引大批年轻观众前来参观",
    "研究团队在新型电池材料上取得突破，能量密度明显提高",
    "社区卫生服务中心开设家庭医生签约服务，方便老年人就医",
    "港口集装箱吞吐量连续三个月保持增长，外贸形势稳中向好",
    "全市中小学食堂完成明厨亮灶改造，家长可以在线查看后厨",
    "山区小学与城市名校结成对口帮扶关系，共享优质课程资源",
    "职业院校开设工业机器人专业，首批毕业生供不应求",
    "环保部门对河道开展专项整治，水质由四类提升到三类",
    "图书馆新增二十四小时自助借还设备，读者借书更加便捷",
    "足球联赛第十轮比赛中，主队在补时阶段攻入制胜一球",
    "公交公司新开通三条夜间线路，覆盖主要商圈和居民区",
    "科技企业孵化器今年新入驻创业团队四十余家",
    "乡村振兴示范村修通了柏油路，村民出行不再难",
    "消防救援支队开展高层建筑灭火演练，检验应急处置能力",
    "文化馆举办非遗剪纸展览，展出作品一百五十余件",
    "医保部门宣布新增三十种药品纳入报销目录",
    "开发区引进一个新能源汽车零部件项目，总投资超过十亿元",
    "高校毕业生招聘会提供岗位八千多个，涉及多个行业",
    "农业专家深入田间地头，指导农民做好秋粮收获工作",
    "老旧小区改造工程加装电梯六十部，居民上下楼更方便",
    "市场监管部门抽检节日食品，合格率达到百分之九十八",
    "国际马拉松比赛吸引来自二十多个国家的选手参赛",
    "数字政务平台上线后，企业开办时间缩短到一个工作日",
    "天文爱好者在郊外观测到流星雨，最高时每小时数十颗",
    "养老服务中心为独居老人安装了紧急呼叫设备",
    "植物园引种的珍稀花卉首次开花，引来众多游客拍照",
]


def article(seed: int, n_sentences: int = 9) -> str:
    rng = random.Random(seed)
    picked = rng.sample(SENTENCES, n_sentences)
    return f"编号{seed}。" + "。".join(picked) + "。"


def near_duplicate(text: str) -> str:
    """The same story with a reworded last sentence, as another outlet would run it."""
    return text.rstrip("。") + "，记者将继续关注。"


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def rss(entries: list[dict], title: str = "测试频道") -> str:
    """RSS 2.0 text; each entry has guid, title, body and optionally link."""
    items = []
    for i, e in enumerate(entries):
        link = f"<link>{escape(e['link'])}</link>" if e.get("link") else ""
        guid = f"<guid>{escape(e['guid'])}</guid>" if e.get("guid") else ""
        items.append(
            f"<item><title>{escape(e['title'])}</title>{link}{guid}"
            f"<pubDate>{formatdate(1_700_000_000 + i * 60, usegmt=True)}</pubDate>"
            f"<description>{escape(e['body'])}</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link><description>t</description>"
            + "".join(items) + "</channel></rss>")


def atom(entries: list[dict], title: str = "测试Atom") -> str:
    items = []
    for i, e in enumerate(entries):
        link = f'<link href="{escape(e["link"])}"/>' if e.get("link") else ""
        items.append(
            f"<entry><id>{escape(e['guid'])}</id><title>{escape(e['title'])}</title>{link}"
            f"<updated>2024-01-0{1 + i % 9}T08:00:00Z</updated>"
            f'<content type="html">{escape("<p>" + e["body"] + "</p>")}</content></entry>')
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:test</id><updated>2024-01-01T00:00:00Z</updated>"
            + "".join(items) + "</feed>")


def html_page(title: str, body: str) -> str:
    paras = "".join(f"<p>{escape(s)}。</p>" for s in body.split("。") if s)
    return (f"<html><head><title>{escape(title)}</title></head><body>"
            "<nav><a href='/'>首页</a> | <a href='/news'>新闻</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paras}</article>"
            "<footer>版权所有 联系我们</footer></body></html>")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
