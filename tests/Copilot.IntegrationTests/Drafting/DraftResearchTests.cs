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
        });
    }

    private Task<IReadOnlyList<SearchHit>> FindAsync(string riskClass)
    {
        var research = api.Factory.Services.GetRequiredService<DraftResearch>();
        var client = new ClientPortrait("c-research", "周先生", riskClass, 36, "active", [SemiconductorEtf], ["关注半导体"], "zh-CN");
        return research.FindAsync(ScenarioCatalog.Find("investment", "sector_rally")!, client, RiskLevels.Level(riskClass)!.Value, CancellationToken.None);
    }
}
