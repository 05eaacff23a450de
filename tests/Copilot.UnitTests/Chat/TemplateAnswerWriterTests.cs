using Copilot.Chat;

namespace Copilot.UnitTests.Chat;

public sealed class TemplateAnswerWriterTests
{
    [Fact]
    public void A_chinese_question_gets_the_chinese_no_model_notice_and_numbered_quotes()
    {
        var hits = new[]
        {
            ChatSamples.Hit("law", "第八十八条 证券公司应当了解客户的身份。", "第七章 > 第八十八条", "证券法"),
            ChatSamples.Hit("faq", "风险等级分为R1至R5。", title: "常见问题"),
        };

        var answer = TemplateAnswerWriter.Write("证券公司要了解客户什么？", hits);

        Assert.StartsWith("（未配置语言模型", answer);
        Assert.Contains("[1] 证券法 · 第七章 > 第八十八条\n> 第八十八条 证券公司应当了解客户的身份。", answer);
        Assert.Contains("[2] 常见问题\n> 风险等级分为R1至R5。", answer);
        Assert.EndsWith("风险等级分为R1至R5。", answer);
    }

    [Fact]
    public void An_english_question_gets_the_english_notice()
    {
        var answer = TemplateAnswerWriter.Write("What is the redemption fee?", [ChatSamples.Hit("fees", "The redemption fee is 0.5%.")]);

        Assert.StartsWith("(No language model is configured", answer);
        Assert.DoesNotContain("未配置语言模型", answer);
        Assert.Contains("> The redemption fee is 0.5%.", answer);
    }

    [Fact]
    public void No_hits_say_that_nothing_was_found_in_the_language_of_the_question()
    {
        var chinese = TemplateAnswerWriter.Write("有没有关于期权的资料？", []);
        var english = TemplateAnswerWriter.Write("Anything about options?", []);

        Assert.EndsWith("知识库中没有找到与该问题相关的内容。", chinese);
        Assert.EndsWith("Nothing in the knowledge base matches this question.", english);
        Assert.DoesNotContain("[1]", chinese);
    }
}
