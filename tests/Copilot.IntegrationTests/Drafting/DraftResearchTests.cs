using Copilot.Clients;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Drafting;

/// <summary>
/// What a draft may quote, over the sample corpus: client-audience documents only, and never a product riskier
/// than the client's class — even when the client holds it.
/// </summary>
public sealed class DraftResearchTests(SeededTemplateApi api) : IClassFixture<SeededTemplateApi>
{
    private static readonly Holding SemiconductorEtf = new("ES4002", "示例中证半导体产业ETF", 0.4, "R4");

    [Fact]
    public async Task A_bold_client_gets_the_R4_product_it_asks_about()
    {
        var hits = await FindAsync("C5");
        Assert.Contains(hits, h => h.Document.Id == "product-es4002-semiconductor-etf");
        Assert.All(hits, h => Assert.Equal(Audience.Client, h.Document.Audience));
    }

    // The sample corpus's products above R3, by code; research passages name them without a risk level of their own.
    private static readonly string[] AboveR3 = ["ES4001", "ES4002", "ES5001", "ES5003"];

    [Theory]
    [InlineData("C1", 1)]
    [InlineData("C2", 2)]
    [InlineData("C3", 3)]
    public async Task A_cautious_client_never_gets_content_above_its_class(string riskClass, int level)
    {
        var hits = await FindAsync(riskClass);
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.Equal(Audience.Client, h.Document.Audience);
            Assert.True(RiskLevels.Level(h.Document.RiskLevel) is not int risk || risk <= level, $"{h.Document.Id} is {h.Document.RiskLevel}");
            Assert.DoesNotContain(AboveR3, code => h.Chunk.Text.Contains(code));
        });
    }

    [Fact]
    public async Task A_fund_list_naming_R4_funds_reaches_a_bold_client_but_not_a_balanced_one()
    {
        var bold = await FindAsync("C5", "基金优选报告 四季度优选池");
        var balanced = await FindAsync("C3", "基金优选报告 四季度优选池");

        Assert.Contains(bold, h => h.Document.Id == "research-fund-selection-2026-q4" && AboveR3.Any(h.Chunk.Text.Contains));
        Assert.DoesNotContain(balanced, h => AboveR3.Any(h.Chunk.Text.Contains));
    }

    private Task<IReadOnlyList<SearchHit>> FindAsync(string riskClass, string? interest = null)
    {
        var research = api.Factory.Services.GetRequiredService<DraftResearch>();
        Holding[] holdings = interest is null ? [SemiconductorEtf] : [SemiconductorEtf, new Holding(null, interest, null, null)];
        var client = new ClientPortrait { Id = "c-research", Name = "周先生", RiskClass = riskClass, HorizonMonths = 36, LifecycleStage = "active", Holdings = holdings, Tags = ["关注半导体"], Language = "zh-CN" };
        return research.FindAsync(ScenarioCatalog.Find("investment", "sector_rally")!, client, RiskLevels.Level(riskClass)!.Value, CancellationToken.None);
    }
}
