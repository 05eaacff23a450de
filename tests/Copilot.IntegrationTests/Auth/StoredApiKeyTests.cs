using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Api.Auth;
using Copilot.Audit;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Auth;

/// <summary>Keys created by Admin through /v1/admin/keys: shown once, stored as a hash, ended at once, audited; on both databases.</summary>
public sealed class StoredApiKeyTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_created_advisor_key_is_shown_once_stored_as_its_hash_and_acts_for_its_advisor_only(string provider)
    {
        var admin = await apis.AsAsync(provider, KeyedDatabaseApis.Admin);
        var response = await admin.PostAsJsonAsync("/v1/admin/keys", new { name = "wang.tablet", role = "Advisor", advisorId = "demo-advisor" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var created = await response.ReadObjectAsync();
        var key = created.Str("key");
        Assert.StartsWith("acp_", key);
        Assert.True(key.Length >= 40);

        var listed = (await admin.GetStringAsync("/v1/admin/keys"));
        Assert.DoesNotContain(key, listed);
        Assert.DoesNotContain(StoredApiKeys.Hash(key), listed);
        Assert.Contains(StoredApiKeys.Hash(key)[..8], listed);
        var fetched = await admin.GetObjectAsync($"/v1/admin/keys/{created.Str("id")}");
        Assert.Null(fetched["key"]);
        Assert.Equal("active", fetched.Str("status"));

        await using (var db = await Db(provider))
        {
            var row = await db.StoredApiKeys.SingleAsync(k => k.Name == "wang.tablet");
            Assert.Equal(StoredApiKeys.Hash(key), row.KeySha256);
            Assert.DoesNotContain(key, string.Join("|", row.Id, row.Name, row.KeySha256, row.Prefix, row.Role, row.AdvisorId, row.CreatedBy));
        }

        var wang = await apis.AsAsync(provider, key);
        var me = await wang.GetObjectAsync("/v1/me");
        Assert.Equal(("wang.tablet", "Advisor", "demo-advisor", "api-key"), (me.Str("name"), me.Str("role"), me.Str("advisorId"), me.Str("authentication")));
        var draft = await wang.CreateDraftAsync(DraftRequests.MarketDrop(clientId: $"c-stored-{provider}"));
        Assert.Equal("demo-advisor", draft.Str("advisorId"));
        await ApiJson.AssertProblemAsync(await wang.PostDraftAsync(DraftRequests.MarketDrop(advisorId: "a-qian"), Guid.NewGuid().ToString("N")), 403, "advisorId");
        var theirs = await (await apis.AsAsync(provider, KeyedApi.Qian)).CreateDraftAsync(DraftRequests.MarketDrop(clientId: $"c-q-{provider}", advisorId: "a-qian"));
        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync($"/v1/drafts/{theirs.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wang.GetAsync("/v1/admin/keys")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_revoked_key_is_refused_on_its_very_next_request_and_both_steps_are_audited_as_the_admin(string provider)
    {
        var admin = await apis.AsAsync(provider, KeyedDatabaseApis.Admin);
        var created = await admin.PostJsonAsync("/v1/admin/keys", new { name = "crm-staging", role = "Crm" }, HttpStatusCode.Created);
        var crm = await apis.AsAsync(provider, created.Str("key"));
        // The first use puts the key in the lookup cache; revocation must not wait for it to lapse.
        Assert.Equal("crm-staging", (await crm.GetObjectAsync("/v1/me")).Str("name"));

        var revoked = await admin.PostJsonAsync($"/v1/admin/keys/{created.Str("id")}/revoke", new { });
        Assert.Equal("revoked", revoked.Str("status"));
        Assert.Equal(KeyedDatabaseApis.AdminName, revoked.Str("revokedBy"));

        var refused = await crm.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await crm.PostAsJsonAsync("/v1/drafts", DraftRequests.MarketDrop(clientId: "c-revoked"))).StatusCode);
        await ApiJson.AssertProblemAsync(await admin.PostAsJsonAsync($"/v1/admin/keys/{created.Str("id")}/revoke", new { }), 409, "state");

        var audit = await (await apis.FactoryAsync(provider)).Services.GetRequiredService<AuditTrail>().ForEntityAsync(StoredApiKeys.EntityType, created.Str("id"), default);
        Assert.Equal([("created", KeyedDatabaseApis.AdminName), ("revoked", KeyedDatabaseApis.AdminName)], audit.Select(a => (a.Action, a.Actor)));
        Assert.DoesNotContain(created.Str("key"), audit[0].DetailsJson);
        Assert.True((await admin.GetObjectAsync("/v1/audit/verify"))["intact"]!.GetValue<bool>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Expiry_ends_a_key_now_or_later_and_an_expired_key_is_refused(string provider)
    {
        var admin = await apis.AsAsync(provider, KeyedDatabaseApis.Admin);
        var later = await admin.PostJsonAsync("/v1/admin/keys",
            new { name = "content-temp", role = "Content", expiresAt = DateTimeOffset.UtcNow.AddDays(7) }, HttpStatusCode.Created);
        var content = await apis.AsAsync(provider, later.Str("key"));
        Assert.Equal(HttpStatusCode.OK, (await content.GetAsync("/v1/me")).StatusCode);

        var moved = await admin.PostJsonAsync($"/v1/admin/keys/{later.Str("id")}/expire", new { expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal("active", moved.Str("status"));
        Assert.Equal(HttpStatusCode.OK, (await content.GetAsync("/v1/me")).StatusCode);
        await ApiJson.AssertProblemAsync(
            await admin.PostAsJsonAsync($"/v1/admin/keys/{later.Str("id")}/expire", new { expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }), 400, "expiresAt");

        var ended = await admin.PostJsonAsync($"/v1/admin/keys/{later.Str("id")}/expire", new { });
        Assert.Equal("expired", ended.Str("status"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await content.GetAsync("/v1/me")).StatusCode);

        var audit = await (await apis.FactoryAsync(provider)).Services.GetRequiredService<AuditTrail>().ForEntityAsync(StoredApiKeys.EntityType, later.Str("id"), default);
        Assert.Equal(["created", "expiry_set", "expired"], audit.Select(a => a.Action));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_requests_are_problems_naming_the_field(string provider)
    {
        var admin = await apis.AsAsync(provider, KeyedDatabaseApis.Admin);
        await admin.PostJsonAsync("/v1/admin/keys", new { name = "dup.name", role = "Compliance" }, HttpStatusCode.Created);

        (object Body, int Status, string Field)[] cases =
        [
            (new { name = "crm-prod", role = "Crm" }, 422, "name"),            // a configured key's name
            (new { name = "CRM-PROD", role = "Crm" }, 422, "name"),            // names differ by more than case
            (new { name = "Dup.Name", role = "Crm" }, 422, "name"),            // a stored key's name
            (new { name = "sso:zhang", role = "Crm" }, 400, "name"),           // single sign-on callers' prefix
            (new { name = "local", role = "Crm" }, 400, "name"),
            (new { name = "", role = "Crm" }, 400, "name"),
            (new { name = new string('a', 65), role = "Crm" }, 400, "name"),
            (new { name = "x.advisor", role = "Advisor" }, 400, "advisorId"),
            (new { name = "x.ghost", role = "Advisor", advisorId = "no-such-advisor" }, 400, "advisorId"),
            (new { name = "x.crm", role = "Crm", advisorId = "demo-advisor" }, 400, "advisorId"),
            (new { name = "x.root", role = "Root" }, 400, "role"),
            (new { name = "x.num", role = "4" }, 400, "role"),
            (new { name = "x.past", role = "Crm", expiresAt = "2020-01-01T00:00:00Z" }, 400, "expiresAt"),
            (new { name = "x.date", role = "Crm", expiresAt = "tomorrow" }, 400, "expiresAt"),
        ];
        foreach (var (body, status, field) in cases)
            await ApiJson.AssertProblemAsync(await admin.PostAsJsonAsync("/v1/admin/keys", body), status, field);
        await ApiJson.AssertProblemAsync(await admin.PostAsJsonAsync("/v1/admin/keys/no-such-id/revoke", new { }), 404, "id");

        await using var db = await Db(provider);
        Assert.False(await db.StoredApiKeys.AnyAsync(k => k.Name.StartsWith("x.")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_admin_manages_keys(string provider)
    {
        foreach (var key in new[] { KeyedApi.Wang, KeyedApi.Crm, KeyedApi.Officer, KeyedApi.Content })
        {
            var client = await apis.AsAsync(provider, key);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/v1/admin/keys", new { name = "sneaky", role = "Admin" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/v1/admin/keys")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await apis.FactoryAsync(provider)).CreateClient().GetAsync("/v1/admin/keys")).StatusCode);
        await using var db = await Db(provider);
        Assert.False(await db.StoredApiKeys.AnyAsync(k => k.Name == "sneaky"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_list_shows_configured_and_stored_keys_with_fingerprints_only(string provider)
    {
        var admin = await apis.AsAsync(provider, KeyedDatabaseApis.Admin);
        var created = await admin.PostJsonAsync("/v1/admin/keys", new { name = "listed.one", role = "Content" }, HttpStatusCode.Created);
        var keys = (await admin.GetObjectAsync("/v1/admin/keys"))["keys"]!.AsArray().Select(k => k!.AsObject()).ToList();

        var configured = keys.Single(k => k.Str("name") == "crm-prod");
        Assert.Equal("configuration", configured.Str("source"));
        Assert.Equal(8, configured.Str("fingerprint").Length);
        var stored = keys.Single(k => k.Str("name") == "listed.one");
        Assert.Equal(("store", created.Str("id"), created.Str("key")[..12]), (stored.Str("source"), stored.Str("id"), stored.Str("prefix")));
        Assert.All(keys, k => Assert.False(k.ContainsKey("key") || k.ContainsKey("keySha256")));
    }

    private async Task<CopilotDbContext> Db(string provider) =>
        await (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
}
