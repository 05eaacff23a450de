using Copilot.Advisors;
using Copilot.Common;
using Copilot.Drafting;

namespace Copilot.UnitTests.Drafting;

/// <summary>Every message ends with the advisor's footer exactly once and stays under its channel's limit.</summary>
public sealed class ChannelFormatTests
{
    // The longest identity an advisor record allows: 32-character name, 40-character firm.
    private static readonly Advisor Longest = new()
    {
        Id = "a-long", Name = new string('王', 32), RegistrationNumber = "S0000000000001", Firm = new string('证', 40),
    };

    private static readonly Advisor Wang = new() { Id = "demo-advisor", Name = "王晓明", RegistrationNumber = "S0000000000001", Firm = "示例证券" };

    private static readonly ChannelFormat Sms = ChannelFormat.Find("sms")!;

    [Theory]
    [InlineData("sms", true)]
    [InlineData("sms", false)]
    [InlineData("wechat", true)]
    [InlineData("wechat", false)]
    public void A_long_model_body_is_cut_at_a_sentence_end_and_the_message_stays_under_the_limit(string channel, bool chinese)
    {
        var format = ChannelFormat.Find(channel)!;
        var sentence = chinese ? "市场短期波动难以预测，建议您结合自身情况审视配置。" : "Markets can swing in the short term, so review your allocation calmly. ";
        var body = string.Concat(Enumerable.Repeat(sentence, 40));

        var text = format.Compose(body, Longest, chinese);

        Assert.True(text.Length < format.Limit, $"{text.Length} characters");
        Assert.EndsWith("\n" + format.Footer(Longest, chinese), text);
        var kept = text[..^(format.Footer(Longest, chinese).Length + 1)];
        Assert.True(kept.Length > 0 && kept.TrimEnd().EndsWith(chinese ? "。" : "."), kept);
    }

    [Fact]
    public void One_sentence_longer_than_the_room_is_cut_to_the_room()
    {
        var text = Sms.Compose(new string('涨', 1000), Wang, chinese: true);
        Assert.Equal(Sms.Limit - 1, text.Length);
    }

    [Fact]
    public void The_model_is_told_the_room_left_after_the_footer()
    {
        Assert.Equal(300 - 2 - Sms.Footer(Wang, true).Length, Sms.BodyRoom(Wang, true));
        Assert.True(Sms.BodyRoom(Longest, true) > 150, "the longest allowed identity still leaves an SMS room to say something");
    }

    [Fact]
    public void A_persons_text_gets_the_footer_back_once_even_if_they_pasted_it()
    {
        var footer = Sms.Footer(Wang, true);
        var text = Sms.ComposeWritten($"张先生您好，周末愉快。\n{footer}", Wang, chinese: true, "text");
        Assert.Equal($"张先生您好，周末愉快。\n{footer}", text);
    }

    [Fact]
    public void A_persons_text_that_does_not_fit_is_refused_naming_the_field()
    {
        var error = Assert.Throws<InputValidationException>(() => Sms.ComposeWritten(new string('好', 290), Wang, chinese: true, "editedText"));
        Assert.Contains("editedText", error.Errors.Keys);
        Assert.Throws<InputValidationException>(() => Sms.ComposeWritten(Sms.Footer(Wang, true), Wang, chinese: true, "text"));
    }
}
