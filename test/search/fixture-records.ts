/**
 * Search fixtures: short Chinese financial news items, each here for a case
 * (named in its id). Dates are spread over January 2024, newest last in this list.
 */
import type { SearchRecord } from "@/lib/search/types";

const DAY = 86_400_000;
const JAN_1 = Date.UTC(2024, 0, 1, 2, 0, 0); // 10:00 in Shanghai

function record(day: number, id: string, sourceKey: string, title: string, body: string, summary = body.slice(0, 60)): SearchRecord {
  const sourceName = { cnstock: "中国证券网", stcn: "证券时报网", emnews: "东方财富网" }[sourceKey] ?? sourceKey;
  return { id, url: `/articles/${id}`, title, sourceKey, sourceName, publishedAt: JAN_1 + day * DAY, summary, body };
}

export const FIXTURE_RECORDS: SearchRecord[] = [
  // 央行 only once, deep in the body: ranks below the title match, but is the oldest.
  record(1, "2024-01-02-pboc-in-body", "emnews", "债市早报：国债收益率小幅下行",
    "周一银行间主要利率债收益率小幅下行。市场人士认为，资金面整体平稳，央行公开市场操作维持净投放，短端利率波动有限。"),
  // 央行 in the title and body: the best relevance hit.
  record(3, "2024-01-04-pboc-rrr-cut", "cnstock", "央行宣布降准0.5个百分点",
    "中国人民银行决定下调金融机构存款准备金率0.5个百分点。央行有关负责人表示，此次降准将释放长期资金约1万亿元，保持流动性合理充裕。",
    "央行宣布降准，释放长期资金约1万亿元。"),
  // The exact phrase 融资余额.
  record(5, "2024-01-06-margin-balance", "cnstock", "两融余额回升 融资余额达1.52万亿元",
    "截至1月5日，沪深两市融资余额为15234亿元，较前一交易日增加32亿元。融资余额连续三日回升，北向资金同日净流入。"),
  // 融资, 资余 and 余额 all occur, but never as 融资余额: the postings let it through, the check must not.
  record(6, "2024-01-07-margin-words-apart", "stcn", "企业融资需求回暖",
    "一季度企业融资需求明显回暖。业内认为投资余温仍在，居民存款余额继续增长，信贷结构持续优化。"),
  // 融资 … 余额 without 资余: the postings alone rule it out.
  record(7, "2024-01-08-financing-then-balance", "stcn", "小微企业融资成本下降",
    "小微企业融资成本继续下降，普惠小微贷款余额同比增长23%。"),
  // 新能源汽车 with an English name inside the Chinese text.
  record(9, "2024-01-10-tesla-shanghai", "emnews", "特斯拉上海超级工厂交付创新高",
    "特斯拉（Tesla）上海超级工厂去年交付新能源汽车94.7万辆。Tesla表示，Model Y仍是最畅销车型；新能源汽车渗透率已超过35%。"),
  // ET7 glued to Han text, and written full-width in the body.
  record(11, "2024-01-12-nio-et7", "cnstock", "蔚来ET7新款上市",
    "蔚来发布新款ＥＴ７，售价42.8万元起。新款ET7搭载150kWh电池包，续航超过1000公里。"),
  // A refrigerant name with a hyphen: two Latin pieces that must be adjacent.
  record(13, "2024-01-14-hfo-refrigerant", "stcn", "HFO-1234yf制冷剂扩产",
    "巨化股份公告称，公司拟投资建设年产2万吨HFO-1234yf项目，新一代制冷剂需求随新能源汽车热管理增长。"),
  // HFO and 1234yf both present but not adjacent: found by the postings, removed by the check.
  record(14, "2024-01-15-hfo-apart", "stcn", "制冷剂行业周报",
    "本周HFO价格持稳，另有1234yf专利到期的讨论；R32价格上涨。"),
  // A Hong Kong stock code with a dot.
  record(15, "2024-01-16-hkex-results", "emnews", "香港交易所(00388.HK)公布季度业绩",
    "香港交易所（00388.HK）第三季度收入及其他收益为50.8亿港元，同比增长5%。"),
  // Full-width digits and percent sign.
  record(17, "2024-01-18-gdp-fullwidth", "cnstock", "四季度GDP同比增长５.２％",
    "国家统计局数据显示，２０２３年GDP同比增长５.２％，全年经济运行回升向好。"),
  // Markup-looking text is plain text: it must come back verbatim, never interpreted.
  record(19, "2024-01-20-markup-text", "emnews", "<b>央行</b>召开工作会议",
    "会议纪要写道：<script>alert(1)</script> 央行将继续实施稳健的货币政策，<img src=x onerror=alert(2)>保持流动性合理充裕。"),
  // A long body with the match far from the start: the snippet is a window, not the whole text.
  record(21, "2024-01-22-long-body", "stcn", "市场综述",
    "今日两市震荡整理，".repeat(30) + "午后北向资金大幅净流入，" + "成交额维持高位。".repeat(20)),
];
