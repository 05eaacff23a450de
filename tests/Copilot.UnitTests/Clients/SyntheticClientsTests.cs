using Copilot.Clients;

namespace Copilot.UnitTests.Clients;

public sealed class SyntheticClientsTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);
    private static readonly string[] Advisors = ["adv-001", "adv-002", "adv-003"];

    [Fact]
    public void The_same_seed_gives_the_same_clients_and_another_seed_others()
    {
        var first = SyntheticClients.Generate(Advisors, 500, 1, AsOf).Select(ClientFiles.ToJson).Select(j => j.ToJsonString()).ToList();
        var again = SyntheticClients.Generate(Advisors, 500, 1, AsOf).Select(ClientFiles.ToJson).Select(j => j.ToJsonString()).ToList();
        var other = SyntheticClients.Generate(Advisors, 500, 2, AsOf).Select(ClientFiles.ToJson).Select(j => j.ToJsonString()).ToList();
        Assert.Equal(first, again);
        Assert.NotEqual(first.Skip(1).First(), other.Skip(1).First());
    }

    [Fact]
    public void Portraits_are_consistent_and_their_distributions_believable()
    {
        var clients = SyntheticClients.Generate(Advisors, 20_000, 1, AsOf).ToList();
        foreach (var c in clients)
        {
            Assert.True(c.CashRatio + c.EquityWeight + c.BondWeight + c.MoneyMarketWeight + c.FundWeight <= 1.0000001, c.Id);
            Assert.True(c.Trades30d <= c.Trades90d, c.Id);
            Assert.True(c.LastTradeOn is null || c.LastTradeOn <= c.LastLoginOn, c.Id);
            Assert.True(c.AccountOpenedOn <= c.LastLoginOn, c.Id);
            Assert.True(c.LowestClass != true || c.RiskClass == "C1", c.Id);
            Assert.True(c.TotalAssets >= 0);
            // Every generated row is a valid import row.
            var fields = ClientFiles.ToJson(c).ToDictionary(p => p.Key, p => p.Value is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString());
            Assert.Null(ClientRowParser.Parse(1, fields, 100).Rejection);
        }
        var assets = clients.Select(c => (double)c.TotalAssets!.Value).Order().ToList();
        var median = assets[assets.Count / 2];
        Assert.InRange(median, 30_000, 120_000);
        // A long tail: the top 1% hold far more than the median account.
        Assert.True(assets[(int)(assets.Count * 0.99)] > 20 * median);
        var dormant = clients.Count(c => c.LastLoginOn < AsOf.AddDays(-90)) / (double)clients.Count;
        Assert.InRange(dormant, 0.25, 0.45);
        var midClasses = clients.Count(c => c.RiskClass is "C2" or "C3") / (double)clients.Count;
        Assert.InRange(midClasses, 0.55, 0.8);
        Assert.Equal(clients.Count, clients.Select(c => c.Id).Distinct().Count());
    }
}
