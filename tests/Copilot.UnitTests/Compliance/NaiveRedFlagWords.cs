namespace Copilot.UnitTests.Compliance;

/// <summary>
/// The naive baseline beside the rules' figures: a message is flagged when it contains any word from one short list of
/// red flags a compliance trainee would write down in ten minutes, in Chinese and English. No negation, no context,
/// no client or product: it measures how much of a set plain keyword spotting already gets.
/// </summary>
internal static class NaiveRedFlagWords
{
    private static readonly string[] Words =
    [
        "保证", "保本", "稳赚", "肯定", "一定", "必涨", "翻倍", "零风险", "无风险", "内幕", "密码", "推荐", "买入", "加仓", "满仓",
        "第一", "最好", "返现", "免佣", "私人", "微信号", "转账", "分成", "补偿",
        "guarantee", "risk-free", "can't lose", "cannot lose", "will rise", "double", "inside", "password", "best",
        "number one", "#1", "buy", "refund", "personal account", "whatsapp", "telegram",
    ];

    public static bool Flags(string text) => Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
