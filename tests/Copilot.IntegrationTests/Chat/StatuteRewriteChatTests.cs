using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Chat;

/// <summary>In model mode the question is also searched in the statutes' words, as the model rewrites it, the rankings fused.</summary>
[Collection(nameof(SeededModelApi))]
public sealed class StatuteRewriteChatTests(SeededModelApi api)
{
    private const string RewritePromptMarker = "Query in statutory terms";

    [Fact]
    public async Task Passages_found_only_by_the_rewrite_reach_the_answer_and_the_question_is_fenced_in_the_rewrite_prompt()
    {
        string? rewritePrompt = null, answerPrompt = null;
        api.OpenAi.Reply = messages =>
        {
            if (messages.Count == 1 && messages[0].Content.Contains(RewritePromptMarker))
            {
                rewritePrompt = messages[0].Content;
                return "风险承受能力测评 有效期";
            }
            answerPrompt = messages[0].Content;
            return "风险测评结果的有效期见[1]。";
        };

        // Words no document holds: only the rewrite can find anything.
        var answer = await api.Client.PostJsonAsync("/v1/chat", new { message = "qzxv wplk 咋整" });

        Assert.NotNull(rewritePrompt);
        Assert.Matches("kind=\"employee-message\">\nqzxv wplk 咋整\n</data-", rewritePrompt);
        Assert.NotNull(answerPrompt);
        // The risk-assessment FAQ shares no word with the question: only the rewrite's ranking can have brought it.
        Assert.Contains("《风险承受能力测评（适当性评估）常见问题》", answerPrompt);
        Assert.Single(answer["citations"]!.AsArray());
    }

    [Fact]
    public async Task A_failed_rewrite_leaves_the_question_searched_alone_and_answered()
    {
        api.OpenAi.Reply = messages => messages.Count == 1 && messages[0].Content.Contains(RewritePromptMarker)
            ? new string('长', 5000)
            : "融资年利率见[1]。";

        var answer = await api.Client.PostJsonAsync("/v1/chat", new { message = "融资融券的融资利率是多少？" });

        // An over-long rewrite is cut, not sent whole to the index, and the question's own passages still come first.
        Assert.Equal("faq-margin-trading", answer["citations"]!.AsArray()[0]!.Str("documentId"));
    }
}
