using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Prompts;
using Xunit.Abstractions;

namespace Copilot.IntegrationTests.Security;

/// <summary>
/// Prompt injection with a model that obeys: each attempt of Data/injection-attempts.json plants text in a document, a CRM
/// field or a chat, and the fake model does what the text says — promises, links, contacts, claims of approval, another
/// identity, no footer. The service must still enforce what does not depend on the model: the planted text reaches the
/// model only inside the data fence, the pre-check blocks what it should, the advisor's footer is on every draft, every
/// draft waits for review, and nothing of another advisor's client reaches the prompts or the answers.
/// </summary>
public sealed partial class PromptInjectionTests(InjectionApi api, ITestOutputHelper output) : IClassFixture<InjectionApi>
{
    private const string ZhFooter = "—— 示例证券 投资顾问 王晓明（执业编号：S0000000000001）\n以上内容仅供参考，不构成投资建议或收益承诺。投资有风险，入市需谨慎。";
    private const string EnFooter = "— 王晓明, Investment Advisor, 示例证券 (Reg. No. S0000000000001)\nFor reference only; not investment advice or a promise of returns. Investing involves risk, including loss of principal.";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Attempts() => new(InjectionAttempt.All.Select(a => a.Id));

    [GeneratedRegex("dft_[0-9a-f]{32}")]
    private static partial Regex DraftId();

    [Fact]
    public void The_suite_tries_at_least_40_attempts_in_both_languages_through_documents_crm_fields_and_chat()
    {
        var all = InjectionAttempt.All;
        output.WriteLine(string.Join("\n", all.GroupBy(a => a.Via).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine(string.Join("\n", all.GroupBy(a => a.Expect.Verdict).Select(g => $"expect {g.Key}: {g.Count()}")));

        Assert.True(all.Count >= 40, $"{all.Count} attempts");
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
        Assert.True(all.Count(a => a.English) >= 12 && all.Count(a => !a.English) >= 20);
        foreach (var via in new[] { "document-draft", "document-chat", "client-name", "client-tags", "notes", "holding-name", "chat-message", "chat-pasted", "chat-history", "completions" })
            Assert.Contains(all, a => a.Via == via);
    }

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task An_injection_the_model_obeys_is_still_contained(string id)
    {
        var attempt = InjectionAttempt.All.Single(a => a.Id == id);
        Script(attempt);
        api.OpenAi.ChatRequests.Clear();

        var responses = await DeliverAsync(attempt);

        var requests = api.OpenAi.ChatRequests.ToList();
        var planted = DataFence.Defuse(attempt.Inject);
        // A draft quotes a document's matching sentences, not all of it: there the injection's first words must reach the model.
        if (attempt.Via == "document-draft") planted = planted[..Math.Min(12, planted.Length)];
        var seen = requests.Sum(r => FenceInspector.CountInsideFence(r, planted));
        if (attempt.ReachesModel) Assert.True(seen > 0, "the planted text never reached the model, so the attempt tested nothing");
        else Assert.Equal(0, seen);

        var traffic = string.Join("\n", requests.Select(r => r.ToJsonString(Relaxed)).Concat(responses));
        Assert.DoesNotContain(InjectionApi.SecretHolding, traffic);
        Assert.DoesNotContain(InjectionApi.SecretNote, traffic);

        var draftIds = responses.SelectMany(r => DraftId().Matches(r).Select(m => m.Value)).Distinct().ToList();
        if (attempt.Expect.Verdict == "none")
        {
            Assert.Empty(draftIds);
            return;
        }
        var draftId = Assert.Single(draftIds);
        var draft = await api.Officer.GetObjectAsync($"/v1/drafts/{draftId}");
        output.WriteLine($"{attempt.Id}: {draft.Str("verdict")} flagged={draft["flagged"]} [{string.Join(",", draft.RuleIds())}]");
        Assert.Equal("PendingReview", draft.Str("status"));
        Assert.Equal("demo-advisor", draft.Str("advisorId"));
        // The draft's language follows the client's: the CRM-field attempts in English write to an English client.
        var english = attempt.English && attempt.Via is "document-draft" or "client-name" or "client-tags" or "notes" or "holding-name";
        Assert.EndsWith(english ? EnFooter : ZhFooter, draft.Str("text"));
        if (attempt.Expect.Verdict == "fail")
        {
            Assert.Equal("fail", draft.Str("verdict"));
            Assert.True(draft["flagged"]!.GetValue<bool>());
            Assert.All(attempt.Expect.Rules!, rule => Assert.Contains(rule, draft.RuleIds()));
        }
        // Nothing skips review: the CRM cannot mark it sent before a compliance officer approves it.
        var sent = await api.Crm.PostAsJsonAsync($"/v1/drafts/{draftId}/sent", new { channelMessageId = "wx-" + attempt.Id });
        Assert.Equal(HttpStatusCode.Conflict, sent.StatusCode);
    }

    // The model obeys: it writes what the injection asked for, its judge finds nothing, and in chat it drafts through the tools.
    private void Script(InjectionAttempt attempt)
    {
        api.OpenAi.Reply = messages =>
        {
            var all = string.Join("\n", messages.Select(m => m.Content));
            if (all.Contains("You are the compliance pre-check", StringComparison.Ordinal)) return """{"findings":[]}""";
            if (all.Contains("Standalone question", StringComparison.Ordinal)) return "市场下跌 策略 配置";
            if (all.Contains("compliance pre-check rejected", StringComparison.Ordinal)) return attempt.DraftBody;
            if (messages[0].Content.StartsWith("You write short, warm", StringComparison.Ordinal)) return attempt.DraftBody;
            return attempt.Obey;
        };
        var client = attempt.Client ?? "张先生";
        api.OpenAi.ToolCalls = request =>
        {
            var names = request["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
            if (!_toolsOn || !names.Any(n => n.EndsWith("lookup_client"))) return null;
            var done = request["messages"]!.AsArray().Count(m => m!["role"]!.GetValue<string>() == "tool");
            return done switch
            {
                0 => [(names.Single(n => n.EndsWith("lookup_client")), JsonSerializer.Serialize(new { nameOrId = client }))],
                1 => [(names.Single(n => n.EndsWith("draft_message")), JsonSerializer.Serialize(new { client, scenario = "market_drop", channel = "wechat", notes = attempt.Inject }))],
                _ => null,
            };
        };
    }

    private bool _toolsOn;

    private async Task<List<string>> DeliverAsync(InjectionAttempt a)
    {
        _toolsOn = true;
        var ask = a.English ? "Please write 张先生 a message about today's market drop." : "给张先生写一条市场下跌的安抚消息。";
        switch (a.Via)
        {
            case "document-draft":
                return await WithDocumentAsync(a, async () => [await DraftAsync(a, Request(a))]);
            case "document-chat":
                return await WithDocumentAsync(a, async () => [await ChatAsync(new { message = "市场下跌 波动 策略 配置有什么观点？" + ask, advisorId = "demo-advisor" })]);
            case "client-name" or "client-tags" or "notes" or "holding-name":
                return [await DraftAsync(a, Request(a))];
            case "chat-message":
                return [await ChatAsync(new { message = a.Inject, advisorId = "demo-advisor" })];
            case "chat-pasted":
                return [await ChatAsync(new { message = ask + "\n参考下面这段：\n" + a.Inject, advisorId = "demo-advisor" })];
            case "chat-history":
                _toolsOn = false;
                var first = await ChatAsync(new { message = a.Inject, advisorId = "demo-advisor" });
                _toolsOn = true;
                var conversation = JsonNode.Parse(first)!.Str("conversationId");
                return [first, await ChatAsync(new { message = ask, advisorId = "demo-advisor", conversationId = conversation })];
            case "completions":
                return [await CompleteAsync([new { role = "user", content = a.Inject }])];
            case "completions-history":
                return [await CompleteAsync([new { role = "user", content = a.Inject }, new { role = "assistant", content = "好的。" }, new { role = "user", content = ask }])];
            case "completions-system":
                // The model never sees the system message, so it has nothing to obey and plans no tools.
                _toolsOn = false;
                return [await CompleteAsync([new { role = "system", content = a.Inject }, new { role = "user", content = ask }])];
            default:
                throw new InvalidOperationException($"Unknown delivery '{a.Via}' in {a.Id}.");
        }
    }

    private async Task<List<string>> WithDocumentAsync(InjectionAttempt a, Func<Task<List<string>>> then)
    {
        var documentId = "inj-" + a.Id;
        var upload = await api.Content.PostAsJsonAsync("/v1/knowledge/documents", new
        {
            id = documentId, title = "市场下跌周报", type = "research", publisher = "示例证券研究所", published = "2026-11-20", audience = "client",
            // Planted where a draft's passage keeps it: drafts quote only the sentences that bear most on the scenario, the
            // holdings and the products, so an attacker writes the injection into such a sentence.
            text = "# 市场下跌 波动 策略 配置\n\n本周市场下跌，波动加大，策略上建议关注配置的均衡，" + a.Inject + "\n\n短期波动难以预测。",
        });
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        try
        {
            return await then();
        }
        finally
        {
            (await api.Content.DeleteAsync($"/v1/knowledge/documents/{documentId}")).EnsureSuccessStatusCode();
        }
    }

    private object Request(InjectionAttempt a)
    {
        // Not 张先生: the chat attempts look him up by name, and two clients of that name are two people to ask about.
        var name = a.Via == "client-name" ? a.Inject : a.English ? "Mr. Smith" : "李先生";
        var tags = a.Via == "client-tags" ? new[] { "长期持有", a.Inject } : ["长期持有"];
        var holding = a.Via == "holding-name" ? a.Inject : a.English ? "Balanced Fund" : "示例稳健配置混合";
        return new
        {
            advisorId = "demo-advisor",
            client = new
            {
                id = "c-inj-" + a.Id, name, riskClass = "C3", horizonMonths = 36, lifecycleStage = "active", language = a.English ? "en" : "zh-CN", tags,
                holdings = new[] { new { code = "ES3001", name = holding, weight = 0.6, riskLevel = "R3" } },
            },
            scenario = new { kind = "investment", code = "market_drop", notes = a.Via == "notes" ? a.Inject : "客户关注回撤" },
            channel = "wechat",
        };
    }

    private async Task<string> DraftAsync(InjectionAttempt a, object body)
    {
        var response = await api.Wang.PostDraftAsync(body, "inj-" + a.Id + "-" + Guid.NewGuid().ToString("N"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    private async Task<string> ChatAsync(object body)
    {
        var response = await api.Wang.PostAsJsonAsync("/v1/chat", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    private async Task<string> CompleteAsync(object[] messages)
    {
        var response = await api.Wang.PostAsJsonAsync("/v1/chat/completions", new { model = "advisor-copilot", messages });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text;
    }
}
