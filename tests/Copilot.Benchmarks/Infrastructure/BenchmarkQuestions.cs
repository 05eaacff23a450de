namespace Copilot.Benchmarks.Infrastructure;

/// <summary>Questions an employee would ask of this corpus, Chinese and English, taken in turn by each search.</summary>
public static class BenchmarkQuestions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "证券公司能不能向客户承诺收益？",
        "内幕信息的知情人包括哪些人？",
        "上市公司收购要在几日内公告？",
        "证券公司开户时要核对客户哪些身份信息？",
        "公开募集基金的基金管理人应当具备哪些条件？",
        "基金托管人有哪些职责？",
        "基金份额持有人大会怎么召集？",
        "期货交易的保证金制度是怎么规定的？",
        "套期保值可以申请豁免持仓限额吗？",
        "操纵期货市场要承担什么法律责任？",
        "客户的交易记录要保存多少年？",
        "融资融券开通要满足什么条件？",
        "科创板开通门槛是多少资产？",
        "天天宝货币基金七日年化收益率是多少？",
        "雪球结构票据的敲入敲出是什么意思？",
        "C3级客户能买R4产品吗？",
        "基金申购下午三点以后提交按哪天净值？",
        "红利税是怎么计算的？",
        "客户投诉要在几天内处理完？",
        "年底营销活动能不能送礼品？",
        "What are the requirements to open Southbound Stock Connect trading?",
        "Can I share my own price target for a stock with a client by email?",
        "What is the outlook for Hong Kong equities next year?",
        "How can a Hong Kong resident open a mainland securities account?",
    ];
}
