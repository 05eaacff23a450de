using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Copilot.IntegrationTests.Compliance;

/// <summary>With a model configured, the LLM judge adds findings marked "llm"; a judge that answers garbage breaks nothing.</summary>
public sealed class ComplianceJudgeApiTests(ComplianceModelApi api) : IClassFixture<ComplianceModelApi>
{
    private const string Url = "/v1/compliance/check";
    // A promise the rules do not know (they learnt 就当存款 from the second blind set), so only the judge can find it.
    private const string Paraphrase = "这只基金您放心放着，到期那天钱一个子儿都跑不了。示例证券 投资顾问 张伟（执业编号：S0820118020031）";

    [Fact]
    public async Task A_scripted_judge_finding_appears_with_source_llm()
    {
        api.OpenAi.Reply = messages => IsJudge(messages)
            ? """{"findings":[{"ruleId":"CN-IA-01","quote":"到期那天钱一个子儿都跑不了","reason":"变相承诺本金不受损失。"}]}"""
            : "unexpected";

        var result = await api.Client.PostJsonAsync(Url, new { text = Paraphrase, language = "zh-CN" });

        Assert.Equal("fail", result.Str("verdict"));
        var finding = Assert.Single(result["findings"]!.AsArray().Select(f => f!.AsObject()));
        Assert.Equal(("CN-IA-01", "block", "llm"), (finding.Str("ruleId"), finding.Str("severity"), finding.Str("source")));
        Assert.Equal("到期那天钱一个子儿都跑不了", Paraphrase[finding["start"]!.GetValue<int>()..finding["end"]!.GetValue<int>()]);
        var request = api.OpenAi.ChatRequests.Last();
        Assert.Contains(Paraphrase, request.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task A_garbage_judge_reply_leaves_the_rule_findings_and_verdict()
    {
        api.OpenAi.Reply = _ => "Sorry, I can't help with that {not json";

        var result = await api.Client.PostJsonAsync(Url, new { text = "这款产品保本保收益。" + Paraphrase });

        Assert.Equal("fail", result.Str("verdict"));
        Assert.All(result["findings"]!.AsArray(), f => Assert.Equal("rule", f!.Str("source")));
        Assert.Contains(result["findings"]!.AsArray(), f => f!.Str("ruleId") == "CN-IA-01");
    }

    [Fact]
    public async Task A_clean_message_the_judge_also_clears_passes()
    {
        api.OpenAi.Reply = _ => """{"findings":[]}""";

        var result = await api.Client.PostJsonAsync(Url, new { text = "李阿姨，祝您生日快乐！" });

        Assert.Equal("pass", result.Str("verdict"));
    }

    private static bool IsJudge(IReadOnlyList<(string Role, string Content)> messages) =>
        messages.Any(m => m.Content.Contains("compliance pre-check", StringComparison.Ordinal));
}

/// <summary>The judge can be switched off, and a broken rules folder stops the service at start naming the key.</summary>
public sealed class ComplianceConfigurationTests
{
    [Fact]
    public async Task With_the_judge_off_the_model_is_not_asked()
    {
        using var openAi = new FakeOpenAiServer();
        using var factory = CopilotApiFactory.ModelMode(openAi, seed: false).WithWebHostBuilder(b => b.UseSetting("Compliance:UseLlmJudge", "false"));
        var client = factory.CreateClient();

        var result = await client.PostJsonAsync("/v1/compliance/check", new { text = "这款产品保本保收益。" });

        Assert.Equal("fail", result.Str("verdict"));
        Assert.DoesNotContain(openAi.ChatRequests, r => r.ToJsonString().Contains("compliance pre-check"));
    }

    [Fact]
    public void A_missing_rules_folder_stops_the_service_naming_the_key()
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?> { ["Compliance:RulesFolder"] = "/no/such/rules" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
            ?? (error as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        Assert.Contains("Compliance:RulesFolder", validation.Message);
        Assert.Contains("/no/such/rules", validation.Message);
    }
}
