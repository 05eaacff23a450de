using System.Text.RegularExpressions;
using Copilot.Advisors;
using Copilot.Clients;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;
using Copilot.Prompts;
using Copilot.UnitTests.Chat;
using Microsoft.ML.Tokenizers;

namespace Copilot.UnitTests.Drafting;

/// <summary>
/// The writing prompt a campaign sends for each client, as the model receives it (system and user message, through the
/// real prompts/ and DraftWriter): small enough (issue 8's target, 1,500 o200k tokens per call, counted with OpenAI's chat
/// framing as tests/Copilot.Benchmarks prompt-tokens counts the fake model's log) and still holding what the writer needs.
/// The portraits are the synthetic generator's (seed 1, as the campaign benchmark uses); the passages are the real sample
/// corpus's chunks that DraftResearch picked for a dormant client holding ES1001 in the benchmark's run.
/// </summary>
public sealed partial class DraftPromptSizeTests
{
    private const int TargetTokens = 1500;
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly Tokenizer O200k = TiktokenTokenizer.CreateForModel("gpt-4o");
    private static readonly Advisor Advisor = new() { Id = "adv-001", Name = "示例投顾001", RegistrationNumber = "S9000000000001", Firm = "示例证券" };

    private static readonly IReadOnlyList<SearchHit> Research =
    [
        Passage("product-es1001-money-market-fund.md", "一、产品概况"),
        Passage("product-es1001-money-market-fund.md", "七、风险揭示"),
        Passage("product-es1003-usd-money-market-fund-en.md", "1. Key facts"),
    ];

    [GeneratedRegex(@"<(data-[0-9a-f]+) kind=""client"">\n(.*)\n</\1>")]
    private static partial Regex ClientBlock();

    [Fact]
    public async Task Every_generated_clients_writing_prompt_is_within_1500_o200k_tokens()
    {
        var clients = SyntheticClients.Generate(["adv-001"], 200, seed: 1, Today).ToList();

        var sizes = new List<int>();
        foreach (var client in clients) sizes.Add(Tokens(await WritingPromptAsync(client)));

        // Every one, not only the mean: the largest portraits (most holdings) are the ones a cut must still fit.
        Assert.All(sizes, size => Assert.InRange(size, 1, TargetTokens));
    }

    [Fact]
    public async Task The_writing_prompt_holds_the_class_the_holdings_the_scenario_the_channel_and_each_passages_citation()
    {
        var client = new ClientPortrait
        {
            Id = "c-1", AdvisorId = "adv-001", Branch = "上海浦东分公司", Name = "林芳明", RiskClass = "C2", LowestClass = true, HorizonMonths = 36,
            LastLoginOn = new DateOnly(2026, 6, 1), Trades30d = 0, EquityWeight = 0, MoneyMarketWeight = 0.669, MarginAccount = false,
            Holdings = [new("ES1001", "示例货币市场基金", 0.669, "R1"), new("600519", "贵州茅台", 0.12, "R4")],
            TotalAssets = 39458.79m, PnlYtd = -1648.5m, BirthdayMonth = 5,
            PreferredChannel = "wechat", Language = "zh-CN", ContactConsent = true, Complaints12m = 0, Tags = [],
        };

        var (system, user) = await WritingPromptAsync(client);

        Assert.Contains("above the client's risk class (C2)", system);
        var portrait = ClientBlock().Match(user);
        Assert.True(portrait.Success, "the portrait is one fenced client block");
        var json = portrait.Groups[2].Value;
        Assert.Contains("\"riskClass\":\"C2\"", json);
        Assert.Contains("\"lowestClass\":true", json);
        Assert.Contains("\"horizonMonths\":36", json);
        Assert.Contains("\"totalAssets\":39459,", json);
        Assert.Contains("\"pnlYtd\":-1649,", json);
        Assert.Contains("{\"code\":\"ES1001\",\"name\":\"示例货币市场基金\",\"weight\":0.669,\"riskLevel\":\"R1\"}", json);
        Assert.Contains("{\"code\":\"600519\",\"name\":\"贵州茅台\",\"weight\":0.12,\"riskLevel\":\"R4\"}", json);
        // Zeros, falses, empty lists, the bookkeeping fields and (outside a birthday message) the birthday say nothing to the writer.
        foreach (var absent in new[] { "trades30d", "equityWeight", "marginAccount", "complaints12m", "tags", "contactConsent", "advisorId", "branch", "\"id\"", "preferredChannel", "language", "birthdayMonth" })
            Assert.DoesNotContain(absent, json);
        Assert.Contains("Scenario (dormant_reactivation)", user);
        Assert.Contains("for the wechat channel in Simplified Chinese", user);
        Assert.Contains("[1] 《示例天天宝货币市场基金（ES1001）产品说明》 一、产品概况 (示例证券财富管理部, 2026-07-01)", user);
        Assert.Contains("[2] 《示例天天宝货币市场基金（ES1001）产品说明》 七、风险揭示 (示例证券财富管理部, 2026-07-01)", user);
        Assert.Contains("[3] 《Example USD Money Market Fund (ES1003) Product Sheet》 1. Key facts", user);
        // The passages are quoted, not dropped: the products' risk levels, the rows about the holding and the principal not
        // being guaranteed reach the writer; the fund's dealing rules and dividend policy do not.
        Assert.Equal(3, Regex.Matches(user, @"\(risk level R1\)\n").Count);
        Assert.Contains("| 产品名称 | 示例天天宝货币市场基金 |", user);
        Assert.Contains("不保本", user);
        Assert.DoesNotContain("Dividend policy", user);
        Assert.Equal(3, Regex.Matches(user, @"kind=""passage""").Count);
        // Nothing to fence when the request names no product and has no notes.
        Assert.DoesNotContain("kind=\"products\"", user);
        Assert.DoesNotContain("kind=\"notes\"", user);
    }

    [Fact]
    public async Task Products_and_notes_when_given_are_fenced_data()
    {
        var client = new ClientPortrait { Id = "c-2", Name = "王伟", RiskClass = "C3" };

        var (_, user) = await WritingPromptAsync(client, [new PitchedProduct("ES3001", "R3", 12)], "客户上周问过是否要减仓");

        Assert.Matches(@"<data-[0-9a-f]+ kind=""products"">\n- ES3001 \(R3, lock-up 12 months\)\n</data-", user);
        Assert.Matches(@"<data-[0-9a-f]+ kind=""notes"">\n客户上周问过是否要减仓\n</data-", user);
    }

    private static async Task<(string System, string User)> WritingPromptAsync(
        ClientPortrait client, IReadOnlyList<PitchedProduct>? products = null, string? notes = null)
    {
        var model = new RecordingChatClient("您好。");
        var writer = new DraftWriter(new PromptLibrary(TestPaths.PromptsFolder), TimeProvider.System, model);
        var request = new ValidDraftRequest("adv-001", client, RiskLevels.Level(client.RiskClass) ?? 1,
            ScenarioCatalog.Find("lifecycle", "dormant_reactivation")!, notes, ChannelFormat.Find("wechat")!, products ?? [], Chinese: true);

        await writer.WriteAsync(new DraftContext(request, Advisor, Research), CancellationToken.None);

        var messages = Assert.Single(model.Requests);
        return (messages[0].Text, messages[1].Text);
    }

    // As tests/Copilot.Benchmarks prompt-tokens counts a request: each message's content, 3 per message, 3 for the reply.
    private static int Tokens((string System, string User) prompt) =>
        3 + 3 + O200k.CountTokens(prompt.System) + 3 + O200k.CountTokens(prompt.User);

    // A chunk of a sample-corpus file, chunked as ingestion chunks it (512 tokens, 48 overlap), with its front matter's source.
    private static SearchHit Passage(string file, string section)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "knowledge", file)).ReplaceLineEndings("\n");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var front = text[4..end].Split('\n').Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "");
        var id = front["id"];
        var chunk = new StructuredChunker(TokenCounter.Shared, 512, 48).Chunk(id, text[(end + 5)..]).First(c => c.Section.Contains(section));
        var document = new DocumentMetadata
        {
            Id = id, Title = front["title"], Type = Enum.Parse<DocumentType>(front["type"], ignoreCase: true), Publisher = front["publisher"],
            Published = DateOnly.Parse(front["published"]), ProductCodes = [front["productCodes"]], RiskLevel = front["riskLevel"], Audience = Audience.Client,
        };
        return new SearchHit(chunk, document, 1.0);
    }
}
