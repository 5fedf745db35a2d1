/**
 * Deterministic synthetic Chinese financial news for size budgets: a seeded
 * generator, a few hundred words drawn with a skewed (Zipf-like) frequency,
 * sentences of 8–20 words, stock codes, numbers and English names mixed in,
 * as in the real feed. Not meant to read well, only to have realistic term
 * statistics (many rare bigrams, a few very common ones).
 */
import type { SearchRecord } from "@/lib/search/types";

const WORDS = (
  "央行 降准 降息 货币政策 流动性 公开市场 逆回购 中期借贷便利 利率 贷款市场报价利率 存款准备金率 人民币 汇率 美元 外汇储备 " +
  "融资余额 融券 两融 北向资金 南向资金 主力资金 净流入 净流出 成交额 换手率 涨停 跌停 收盘 开盘 盘中 午后 尾盘 指数 沪指 深成指 创业板指 科创50 " +
  "新能源汽车 动力电池 锂电池 光伏 储能 风电 半导体 芯片 人工智能 算力 大模型 机器人 消费电子 医药 生物医药 创新药 医疗器械 白酒 食品饮料 " +
  "房地产 保险 券商 银行 基金 公募基金 私募 理财 债券 国债 地方债 可转债 信用债 收益率 期货 原油 黄金 铜 铁矿石 大宗商品 " +
  "上市公司 年报 季报 业绩 营业收入 净利润 同比增长 环比 毛利率 分红 回购 增持 减持 股东 董事会 监管 证监会 交易所 问询函 退市 注册制 IPO " +
  "投资者 机构 分析师 研报 评级 目标价 估值 市盈率 板块 概念股 龙头 题材 行情 震荡 反弹 回调 调整 风险 预期 经济 GDP CPI PPI PMI 出口 进口 " +
  "消费 就业 制造业 服务业 产业链 供应链 订单 产能 产量 销量 价格 成本 需求 供给 政策 改革 开放 发展 稳增长 高质量 数字经济 绿色 碳中和 " +
  "公司 表示 认为 指出 数据显示 截至 今年 去年 目前 未来 进一步 有望 持续 明显 显著 相关 方面 记者 了解到 据悉 报道 发布 宣布 完成 推出 " +
  "港股 美股 A股 恒生指数 纳斯达克 道琼斯 特斯拉 比亚迪 宁德时代 蔚来 小鹏 理想 华为 腾讯 阿里巴巴 美团 茅台 招商银行 中国平安 香港交易所"
).split(/\s+/);
const LATIN = ["Tesla", "Apple", "Nvidia", "ETF", "REITs", "ESG", "QFII", "MSCI", "LPR", "MLF", "ET7", "HFO-1234yf", "00388.HK", "600519", "300750", "Q3", "AI", "5G", "SUV", "OLED"];
const SOURCES: Array<[string, string]> = [
  ["emnews", "东方财富网"], ["cnstock", "中国证券网"], ["stcn", "证券时报网"], ["chinadevelopment", "中国发展网新闻"],
  ["yicai", "第一财经"], ["cls", "财联社"], ["21jingji", "21世纪经济报道"], ["jrj", "金融界"],
];
const PUNCT = ["，", "，", "，", "。", "、", "；", "：", "“", "”"];

export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Han characters for made-up names (companies, places): these make the many rare bigrams of real text. */
const NAME_CHARS = Array.from("华中国海天东方金融信达安宏泰富盛兴创新源科技电子能环保生物医药农业发展建设投资控股集团实业股份城江山川河北南西新光明德华润远航星辰云智数");

export function syntheticRecords(count: number, seed = 1): SearchRecord[] {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  // Skewed: low indexes far more often, like real word frequencies.
  const word = () => WORDS[Math.floor(WORDS.length * Math.pow(random(), 2.2))];
  const name = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(NAME_CHARS)).join("");
  const sentence = () => {
    const parts: string[] = [];
    const n = 8 + Math.floor(random() * 13);
    for (let i = 0; i < n; i++) {
      const r = random();
      if (r < 0.06) parts.push(pick(LATIN));
      else if (r < 0.12) parts.push(`${(random() * 1000).toFixed(random() < 0.5 ? 0 : 2)}${pick(["亿元", "%", "万股", "点", "元"])}`);
      else if (r < 0.2) parts.push(name());
      else parts.push(word());
      if (random() < 0.2) parts.push(pick(PUNCT));
    }
    return parts.join("") + "。";
  };
  const start = Date.UTC(2024, 0, 1);
  const out: SearchRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [sourceKey, sourceName] = SOURCES[Math.floor(SOURCES.length * Math.pow(random(), 1.5))];
    const body = Array.from({ length: 6 + Math.floor(random() * 20) }, sentence).join("");
    const id = `2024-${String(1 + (i % 12)).padStart(2, "0")}-01-${String(202400000000000000 + i * 7919)}`;
    out.push({
      id,
      url: `/articles/${id}`,
      title: `${name()}${word()}${word()}：${word()}${word()}${word()}`,
      sourceKey,
      sourceName,
      publishedAt: start + i * 137_000 + Math.floor(random() * 60_000),
      summary: body.slice(0, 100),
      body,
    });
  }
  return out;
}
