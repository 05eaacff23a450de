using Copilot.Advisors;
using Copilot.Common;
using Copilot.Knowledge.Chunking;

namespace Copilot.Drafting;

/// <summary>
/// What each channel allows and the footer it carries. The footer (advisor identity and risk text) is added
/// here, deterministically, never left to the model. A whole message stays under <see cref="Limit"/> characters.
/// </summary>
public sealed record ChannelFormat(string Channel, int Limit)
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

    /// <summary>How many characters the body may have: under the limit with the line break and the footer.</summary>
    public int BodyRoom(Advisor advisor, bool chinese) => Limit - 1 - 1 - Footer(advisor, chinese).Length;

    /// <summary>A model's body cut at a sentence end so that body and footer fit the channel, then the footer.</summary>
    public string Compose(string body, Advisor advisor, bool chinese)
    {
        var room = BodyRoom(advisor, chinese);
        var text = body.Trim();
        if (text.Length > room)
        {
            var kept = new List<string>();
            foreach (var sentence in SentenceSplitter.Split(text))
            {
                if (string.Join(chinese ? "" : " ", [.. kept, sentence]).Length > room) break;
                kept.Add(sentence);
            }
            text = kept.Count > 0 ? string.Join(chinese ? "" : " ", kept) : text[..room];
        }
        return $"{text}\n{Footer(advisor, chinese)}";
    }

    /// <summary>
    /// A person's text (a reviewer's edit, an advisor's revision) with the footer put back exactly once. Their words
    /// are never cut: text that does not fit the channel is refused naming <paramref name="field"/>.
    /// </summary>
    public string ComposeWritten(string text, Advisor advisor, bool chinese, string field)
    {
        var footer = Footer(advisor, chinese);
        var body = text.Replace(footer, "").Trim();
        if (body.Length == 0) throw new InputValidationException(field, "The message has no text besides the advisor's footer.", unprocessable: true);
        var room = BodyRoom(advisor, chinese);
        if (body.Length > room)
            throw new InputValidationException(field,
                $"The text has {body.Length} characters; a {Channel} message has room for {room} before the advisor's footer.", unprocessable: true);
        return $"{body}\n{footer}";
    }
}
