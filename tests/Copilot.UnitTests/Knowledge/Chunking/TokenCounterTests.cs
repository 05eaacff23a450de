using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

public sealed class TokenCounterTests
{
    [Fact]
    public void Chinese_text_costs_far_more_tokens_than_the_chars_over_four_rule_of_thumb()
    {
        const string chinese = "证券公司应当按照规定为客户开立账户，保护投资者的合法权益，不得挪用客户的交易结算资金。";

        var tokens = TokenCounter.Shared.Count(chinese);

        Assert.True(tokens >= 2 * (chinese.Length / 4), $"{tokens} tokens for {chinese.Length} characters");
        Assert.True(tokens >= chinese.Length / 2, $"{tokens} tokens for {chinese.Length} characters");
    }

    [Fact]
    public void English_text_is_close_to_the_chars_over_four_rule_of_thumb()
    {
        const string english = "Securities firms shall open accounts for clients and protect the lawful rights of investors.";

        var tokens = TokenCounter.Shared.Count(english);

        Assert.InRange(tokens, english.Length / 8, english.Length / 3);
    }

    [Fact]
    public void Empty_text_has_no_tokens_and_a_known_word_is_one()
    {
        Assert.Equal(0, TokenCounter.Shared.Count(""));
        Assert.Equal(1, TokenCounter.Shared.Count("hello"));
    }
}
