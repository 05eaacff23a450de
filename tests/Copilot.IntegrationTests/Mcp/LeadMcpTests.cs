using System.Text.Json;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.IntegrationTests.Leads;

namespace Copilot.IntegrationTests.Mcp;

/// <summary>The keyed service with one dormant client for each of two advisors, imported by the CRM.</summary>
public sealed class LeadMcpApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false, extra: KeyedApi.Settings());

    protected override async Task SetUpAsync()
    {
        var crm = Factory.CreateClient();
        crm.DefaultRequestHeaders.Authorization = new("Bearer", KeyedApi.Crm);
        await crm.ImportedAsync(string.Join('\n', new[]
        {
            LeadRows.Quiet("mcp-w-1", advisorId: "demo-advisor").With(("lastLoginOn", LeadRows.Day(-120))),
            LeadRows.Quiet("mcp-q-1").With(("lastLoginOn", LeadRows.Day(-120))),
        }.Select(r => JsonSerializer.Serialize(r))), "application/x-ndjson");
    }
}

/// <summary>list_leads through the official MCP client: an advisor's key gets its own leads, with reasons, and no one else's.</summary>
public sealed class LeadMcpTests(LeadMcpApi api) : IClassFixture<LeadMcpApi>
{
    [Fact]
    public async Task An_advisor_lists_its_own_leads_with_reasons_and_cannot_list_another_advisors()
    {
        await using var wang = await McpApi.ConnectAsync(api.Factory, KeyedApi.Wang);

        var tool = (await wang.ListToolsAsync()).Single(t => t.Name == "list_leads");
        var leads = await wang.CallJsonAsync("list_leads", new() { ["kind"] = "reactivate" });
        var refused = await wang.CallErrorAsync("list_leads", new() { ["advisorId"] = "a-qian" });

        Assert.Contains("kind", tool.JsonSchema.GetRawText());
        var lead = Assert.Single(leads["items"]!.AsArray())!;
        Assert.Equal(("mcp-w-1", "demo-advisor"), (lead.Str("clientId"), lead.Str("advisorId")));
        Assert.Contains(lead["reasons"]!.AsArray(), r => r!.Str("text") == "已120天未登录");
        Assert.Equal("dormant_reactivation", lead["scenario"]!.Str("code"));
        Assert.Contains("advisorId", refused);
        Assert.DoesNotContain("mcp-q-1", refused);
    }

    [Fact]
    public async Task The_crm_names_the_advisor_and_bad_arguments_are_refused_naming_them()
    {
        await using var crm = await McpApi.ConnectAsync(api.Factory, KeyedApi.Crm);

        var qian = await crm.CallJsonAsync("list_leads", new() { ["advisorId"] = "a-qian", ["language"] = "en" });
        var unnamed = await crm.CallErrorAsync("list_leads", new());
        var badKind = await crm.CallErrorAsync("list_leads", new() { ["advisorId"] = "a-qian", ["kind"] = "upsell" });

        var lead = Assert.Single(qian["items"]!.AsArray())!;
        Assert.Equal("mcp-q-1", lead.Str("clientId"));
        Assert.Contains(lead["reasons"]!.AsArray(), r => r!.Str("text") == "No login for 120 days");
        Assert.Contains("advisorId", unnamed);
        Assert.Contains("kind", badKind);
    }
}
