/** Texts of the 统计方法说明 page (/dashboard/methods): how the dashboard's figures are computed. */
export interface MethodsTexts {
  title: string;
  intro: string;
  back: string;
  sections: { heading: string; paragraphs: string[] }[];
  example: {
    heading: string;
    setup: (respondents: number, questions: number, answers: number, positive: number, rate: string, allPositive: number) => string;
    naive: (answers: number, interval: string) => string;
    nEff: (variance: string, nEff: string, designEffect: string, answers: number) => string;
    interval: (nEff: string, interval: string, threshold: string) => string;
    reliability: (label: string) => string;
    neededAtThreshold: string;
    below: (rate: string, interval: string, needed: number, threshold: string) => string;
    funnel: (nEff: string, lo: string, hi: string) => string;
    rank: (z: string) => string;
    tableCaption: string;
    rows: {
      respondents: string;
      answers: string;
      rate: string;
      naive: string;
      nEff: string;
      designEffect: string;
      interval: string;
      reliability: string;
      needed: string;
    };
    columns: [string, string, string];
  };
}

export const methodsZh: MethodsTexts = {
  title: "统计方法说明",
  intro: "本页说明看板和月度通报中每个数字的含义和算法，便于解读结果、回应质询。下方示例的数字由页面按同一公式实时计算。",
  back: "返回看板",
  sections: [
    {
      heading: "置信区间",
      paragraphs: [
        "调查只问了一部分人，比率会因“碰巧问到谁”而上下波动。95%置信区间给出真实比率很可能所在的范围：按同样方法反复抽样，约95%的区间会包含真实值。",
        "区间整体高于达标线，才能说“确定达标”；整体低于达标线，才能说“确定未达标”；区间跨越达标线时，结论尚不确定（显示“无法判断”）。本系统用 Wilson 区间，样本少、比率接近100%时也不会超出0–100%。",
      ],
    },
    {
      heading: "有效样本",
      paragraphs: [
        "一份问卷里同一指标常有几道题（如知晓率有4道）。同一个人的几个回答彼此相关：了解创文的人往往每道题都答“知道”。所以80个回答并不等于80份独立的信息。",
        "有效样本是把这种相关性考虑进去之后，这些答卷相当于多少份“互不相关”的样本。它按受访者分组计算比率的方差（线性化方差），再换算成样本量：有效样本 = 比率×(1−比率) ÷ 方差。通常介于受访人数和回答数之间；同一人的回答越一致，越接近受访人数。",
        "置信区间、可信度、名次区间和漏斗图都按有效样本计算。",
      ],
    },
    {
      heading: "设计效应",
      paragraphs: [
        "设计效应 = 回答数 ÷ 有效样本，表示把每个回答都当作独立样本时，会把精度高估多少倍。设计效应为4，说明区间实际上应当约宽一倍（√4 = 2）。",
        "调查对象限定为一类人群且单位登记了总人数（人口、商户数或学生数）时，还会按抽样比例做有限总体校正：问到的人占总体比例越大，区间越窄。",
      ],
    },
    {
      heading: "可信度",
      paragraphs: [
        "每个比率都标注可信度（参照美国国家卫生统计中心的比例发布标准）：",
        "样本不足（有效样本 N）：有效样本少于30，或95%区间宽度达到30个百分点，或区间宽度超过比率本身的1.3倍。这类数字以灰色显示，仅供参考，不能据此排名或点名。",
        "需复核：区间宽度超过“100%减比率”的1.3倍，即对未达标部分的估计很不精确，引用前应复核。",
        "其余为可靠，不另加标注。",
      ],
    },
    {
      heading: "还需 N 份样本",
      paragraphs: [
        "“还需 N 份样本”指：假设比率和每份答卷的答题情况保持现状，再收集约 N 份答卷（受访者），95%置信区间就不再跨越达标线，届时可以判断是否达标。N 已按现有的“受访人数 ÷ 有效样本”比例换算成实际答卷数。",
        "显示“已可判断是否达标”表示区间已不跨越达标线；比率恰好等于达标线时，增加样本也无法判断。这是估算，比率变了 N 也会变。",
      ],
    },
    {
      heading: "名次与名次区间",
      paragraphs: [
        "排名只在同一类单位之间进行：街道和街道比，学校和学校比，不混排。",
        "名次按比率从高到低排列，比率相同的并列。由于抽样误差，第3名和第5名可能并无实际差别，所以同时给出名次区间，如“第3名（可能第1–7名）”：若在所有单位同时比较的更严格区间（Bonferroni 校正）下，确定比它好的有 a 个、确定比它差的有 b 个，名次区间就是第 a+1 名到第 K−b 名（K 为参与排名的单位数）。",
        "通报点名有严格条件：只有95%区间整体低于达标线、且可信度不是“样本不足”的单位，才可以标为“末位”；只有95%区间整体高于达标线的单位，才可以标为“先进”。排在最后但样本很少、或与达标线差距在误差范围内的单位，不能被点名。",
      ],
    },
    {
      heading: "漏斗图",
      paragraphs: [
        "漏斗图的横轴是有效样本，纵轴是比率，红线是达标线。两侧的虚线（95%控制限）和点线（99.8%控制限）是：达标线 ± z × √(达标线×(1−达标线) ÷ 有效样本)，z 分别为1.96和3.09。样本越多，控制限越收窄，形如漏斗。",
        "落在控制限之内的单位，与达标线的差距可以用抽样误差解释；落在控制限之外的单位（图中以菱形和名称标出），差距很难用偶然解释，值得关注。",
      ],
    },
    {
      heading: "扫码与入户的差距",
      paragraphs: [
        "看板对每个指标比较入户访问与扫码填写的比率：差距 = 入户比率 − 扫码比率，并给出差距的95%区间（两个渠道的方差相加）。只有两个渠道都有数据时才显示。",
        "扫码是自愿填写，愿意扫码的人往往本来就更了解、更支持创文，也可能有人被动员集中填写；入户访问按随机抽样进行，与正式测评的方法一致。入户明显低于扫码时，说明扫码结果偏高，应以入户数据为准。",
      ],
    },
  ],
  example: {
    heading: "计算示例",
    setup: (respondents, questions, answers, positive, rate, allPositive) =>
      `某社区有 ${respondents} 名居民作答，知晓率共 ${questions} 道题，合计 ${answers} 个有效回答，其中 ${positive} 个为“知道”，知晓率 = ${positive} ÷ ${answers} = ${rate}。其中 ${allPositive} 人每题都答“知道”，${respondents - allPositive} 人每题都答“不知道”——同一人的回答完全一致。`,
    naive: (answers, interval) => `如果把 ${answers} 个回答当作 ${answers} 份独立样本，95%区间是 ${interval}——这会让人误以为结论相当精确。`,
    nEff: (variance, nEff, designEffect, answers) =>
      `按受访者分组计算，比率的方差为 ${variance}，有效样本 = 比率×(1−比率) ÷ 方差 = ${nEff}。也就是说 ${answers} 个回答只相当于约 ${nEff} 份独立样本，设计效应为 ${designEffect}。`,
    interval: (nEff, interval, threshold) =>
      `按有效样本 ${nEff} 计算，95%置信区间为 ${interval}，跨越了 ${threshold} 的达标线，无法判断是否达标。`,
    reliability: (label) => `有效样本不足30，看板上这个数字显示为灰色，标注“${label}”，不参与点名。`,
    neededAtThreshold: "由于比率正好等于达标线，无论再收集多少样本，区间都会跨越达标线，因此不显示“还需 N 份样本”。",
    below: (rate, interval, needed, threshold) =>
      `如果该社区知晓率是 ${rate}（同样的答题情况），95%区间为 ${interval}，仍跨越达标线；看板显示“还需 ${needed} 份样本”：再收集约 ${needed} 份答卷，若比率不变，区间上限将低于 ${threshold}，可以判断为未达标。`,
    funnel: (nEff, lo, hi) => `在漏斗图上，有效样本为 ${nEff} 时，95%控制限为 ${lo} 到 ${hi}。`,
    rank: (z) => `名次区间：10 个单位一起排名时，每个单位的区间按 z = ${z}（而不是1.96）计算，以保证所有单位同时比较时仍有95%的把握。`,
    tableCaption: "示例社区的各项数字",
    rows: {
      respondents: "受访人数",
      answers: "有效回答数",
      rate: "比率",
      naive: "把回答当独立样本的区间（偏窄）",
      nEff: "有效样本",
      designEffect: "设计效应（回答数 ÷ 有效样本）",
      interval: "95%置信区间（按有效样本）",
      reliability: "可信度",
      needed: "还需样本",
    },
    columns: ["项目", "知晓率 90%", "知晓率 85%"],
  },
};
