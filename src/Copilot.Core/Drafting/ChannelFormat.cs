using Copilot.Advisors;
using Copilot.Knowledge.Chunking;

namespace Copilot.Drafting;

/// <summary>
/// What each channel allows and the footer it carries. The footer (advisor identity and risk text) is added
/// here, deterministically, never left to the model.
/// </summary>
public sealed record ChannelFormat(string Channel, int MaxCharacters)
{
    public static IReadOnlyList<ChannelFormat> All { get; } = [new("wechat", 500), new("sms", 300), new("email", 3000)];

    public static ChannelFormat? Find(string? channel) => All.FirstOrDefault(c => string.Equals(c.Channel, channel, StringComparison.OrdinalIgnoreCase));

    public string Footer(Advisor advisor, bool chinese) => (Channel, chinese) switch
    {
        ("sms", true) => $"【{advisor.Firm}】投顾{advisor.Name}（执业编号{advisor.RegistrationNumber}）。投资有风险，入市需谨慎。",
        (_, true) => $"—— {advisor.Firm} 投资顾问 {advisor.Name}（执业编号：{advisor.RegistrationNumber}）\n以上内容仅供参考，不构成投资建议或收益承诺。投资有风险，入市需谨慎。",
        ("sms", false) => $"{advisor.Name}, {advisor.Firm} (Reg. No. {advisor.RegistrationNumber}). Investing involves risk.",
        _ => $"— {advisor.Name}, Investment Advisor, {advisor.Firm} (Reg. No. {advisor.RegistrationNumber})\nFor reference only; not investment advice or a promise of returns. Investing involves risk, including loss of principal.",
    };

    /// <summary>The body cut at a sentence end so that body and footer fit the channel, then the footer.</summary>
    public string Compose(string body, Advisor advisor, bool chinese)
    {
        var footer = Footer(advisor, chinese);
        var room = MaxCharacters - footer.Length - 1;
        var text = body.Trim();
        if (text.Length > room)
        {
            var kept = new List<string>();
            foreach (var sentence in SentenceSplitter.Split(text))
            {
                if (string.Join(chinese ? "" : " ", [.. kept, sentence]).Length > room) break;
                kept.Add(sentence);
            }
            text = kept.Count > 0 ? string.Join(chinese ? "" : " ", kept) : text[..Math.Max(0, room)];
        }
        return $"{text}\n{footer}";
    }
}
