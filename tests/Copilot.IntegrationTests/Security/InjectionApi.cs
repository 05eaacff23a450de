using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Security;

/// <summary>
/// The service as deployed (API keys on, two advisors), over a fake model that can be scripted to obey anything. Another
/// advisor (钱多多) already has a client whose holdings and notes carry secret markers that must never reach 王晓明's prompts.
/// </summary>
public sealed class InjectionApi : ApiFixture
{
    public const string SecretHolding = "欧阳秘密持仓";
    public const string SecretNote = "绝密备注QX-7731";
    public const string OtherClient = "欧阳娜娜";

    public FakeOpenAiServer OpenAi { get; } = new();

    public HttpClient Wang { get; private set; } = null!;
    public HttpClient Crm { get; private set; } = null!;
    public HttpClient Officer { get; private set; } = null!;
    public HttpClient Content { get; private set; } = null!;

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi, seed: false, extra: KeyedApi.Settings());

    protected override async Task SetUpAsync()
    {
        HttpClient As(string key)
        {
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            return client;
        }
        (Wang, Crm, Officer, Content) = (As(KeyedApi.Wang), As(KeyedApi.Crm), As(KeyedApi.Officer), As(KeyedApi.Content));
        OpenAi.Reply = _ => "您好，今天市场调整较大，短期波动难以预测，建议结合自身风险承受能力审视配置。";
        await As(KeyedApi.Qian).CreateDraftAsync(new
        {
            advisorId = "a-qian",
            client = new
            {
                id = "c-ouyang", name = OtherClient, riskClass = "C4", horizonMonths = 24, language = "zh-CN", tags = new[] { "高净值" },
                holdings = new[] { new { code = "ES4001", name = SecretHolding, weight = 0.9, riskLevel = "R4" } },
            },
            scenario = new { kind = "investment", code = "market_drop", notes = SecretNote },
            channel = "wechat",
        });
        await Wang.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-zhang-inj"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}
