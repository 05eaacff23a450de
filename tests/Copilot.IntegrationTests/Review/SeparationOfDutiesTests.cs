using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Review;

/// <summary>With keys on, whoever wrote a draft cannot approve it, and the audit names the key that acted, on SQLite and PostgreSQL.</summary>
public sealed class SeparationOfDutiesTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task An_admin_key_cannot_approve_the_draft_it_created_but_an_officer_can(string provider)
    {
        var admin = await apis.AsAsync(provider, KeyedDatabaseApis.Admin);
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        var draft = await admin.CreateDraftAsync(DraftRequests.MarketDrop(clientId: $"c-{Guid.NewGuid():N}"));
        var id = draft.Str("id");
        Assert.Equal(KeyedDatabaseApis.AdminName, draft.Str("createdBy"));

        await ApiJson.AssertProblemAsync(await Approve(admin, id), 403, "reviewerId");
        await ApiJson.AssertProblemAsync(await Approve(admin, id, reviewerId: KeyedDatabaseApis.AdminName), 403, "reviewerId");
        Assert.Equal("PendingReview", (await admin.GetObjectAsync($"/v1/drafts/{id}")).Str("status"));
        Assert.Equal("Approved", (await (await Approve(officer, id)).ReadObjectAsync()).Str("status"));
        (await admin.PostAsJsonAsync($"/v1/drafts/{id}/sent", new { channelMessageId = "wx-9" })).EnsureSuccessStatusCode();

        var audit = await Audit(officer, id);
        Assert.Equal(["created", "approve", "sent"], audit.Select(a => a.Str("action")));
        Assert.Equal([KeyedDatabaseApis.AdminName, "officer.zhao", KeyedDatabaseApis.AdminName], audit.Select(a => a.Str("actor")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_key_that_revised_a_draft_cannot_approve_it(string provider)
    {
        var admin = await apis.AsAsync(provider, KeyedDatabaseApis.Admin);
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        var id = (await (await apis.AsAsync(provider, KeyedApi.Wang)).CreateDraftAsync(DraftRequests.MarketDrop(clientId: $"c-{Guid.NewGuid():N}"))).Str("id");
        (await officer.PostAsJsonAsync($"/v1/drafts/{id}/review", new { decision = "request_changes", comment = "语气再温和一些" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/v1/drafts/{id}/revise",
            new { advisorId = "demo-advisor", text = "张先生您好，市场短期波动难以预测，建议结合自身风险承受能力审视配置。" })).EnsureSuccessStatusCode();

        await ApiJson.AssertProblemAsync(await Approve(admin, id), 403, "reviewerId");
        Assert.Equal("Approved", (await (await Approve(officer, id)).ReadObjectAsync()).Str("status"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_the_crm_creates_and_revises_is_audited_as_the_crm_acting_for_the_advisor(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        var draft = await crm.CreateDraftAsync(DraftRequests.MarketDrop(clientId: $"c-{Guid.NewGuid():N}"));
        var id = draft.Str("id");
        Assert.Equal("crm-prod", draft.Str("createdBy"));
        (await officer.PostAsJsonAsync($"/v1/drafts/{id}/review", new { decision = "request_changes", comment = "补充风险提示" })).EnsureSuccessStatusCode();
        (await crm.PostAsJsonAsync($"/v1/drafts/{id}/revise",
            new { advisorId = "demo-advisor", text = "张先生您好，市场短期波动难以预测，建议结合自身风险承受能力审视配置。" })).EnsureSuccessStatusCode();

        var audit = await Audit(officer, id);
        Assert.Equal(["created", "request_changes", "revise"], audit.Select(a => a.Str("action")));
        Assert.Equal(["crm-prod", "officer.zhao", "crm-prod"], audit.Select(a => a.Str("actor")));
        Assert.Equal("demo-advisor", Details(audit[0])["onBehalfOf"]!.GetValue<string>());
        Assert.Equal("demo-advisor", Details(audit[2])["details"]!["onBehalfOf"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> Approve(HttpClient client, string id, string? reviewerId = null) =>
        client.PostAsJsonAsync($"/v1/drafts/{id}/review", new { reviewerId, decision = "approve", comment = "内容合规" });

    private static async Task<List<JsonObject>> Audit(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonArray>($"/v1/drafts/{id}/audit"))!.Select(a => a!.AsObject()).ToList();

    private static JsonObject Details(JsonObject entry) => JsonNode.Parse(entry.Str("detailsJson"))!.AsObject();
}
