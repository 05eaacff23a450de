using System.Text.Json.Nodes;
using Copilot.Clients;

namespace Copilot.UnitTests.Clients;

/// <summary>The portrait a prompt holds: what says something about the client, nothing that does not.</summary>
public sealed class ClientPromptValueTests
{
    private static readonly ClientPortrait Client = new()
    {
        Id = "c-9", Name = "Ann Lee", RiskClass = "C1", LowestClass = true, BirthdayMonth = 12, Trades90d = 0, CashRatio = 0.0,
        Pnl30d = 0.4m, Holdings = [new("ES1001", null, 0, "R1")], Tags = ["", "vip"], LifecycleStage = " ",
    };

    [Fact]
    public void Nothing_empty_reaches_the_prompt_and_what_is_set_does()
    {
        var value = JsonNode.Parse(ClientPromptValue.Render(Client, "dormant_reactivation"))!.AsObject();

        Assert.Equal(["name", "riskClass", "lowestClass", "holdings", "tags"], value.Select(p => p.Key));
        Assert.True(value["lowestClass"]!.GetValue<bool>());
        // A holding keeps its code and risk level when its name and weight are unknown or zero; an empty tag goes, a real one stays.
        Assert.Equal("""[{"code":"ES1001","riskLevel":"R1"}]""", value["holdings"]!.ToJsonString());
        Assert.Equal("""["vip"]""", value["tags"]!.ToJsonString());
    }

    [Fact]
    public void The_birthday_month_goes_only_into_a_birthday_message()
    {
        Assert.Equal(12, JsonNode.Parse(ClientPromptValue.Render(Client, "birthday"))!["birthdayMonth"]!.GetValue<int>());
        Assert.Null(JsonNode.Parse(ClientPromptValue.Render(Client, "market_drop"))!["birthdayMonth"]);
    }
}
