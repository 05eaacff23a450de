using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Copilot.Audit;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Review;

/// <summary>Knowledge uploads, replacements and deletions and advisor upserts are on the audit trail, named by the key that made them.</summary>
public sealed class ChangeAuditTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Uploading_replacing_and_deleting_a_document_is_audited_with_its_content_hash(string provider)
    {
        var content = await apis.AsAsync(provider, KeyedApi.Content);
        const string first = "融资融券利率按年化计算，以合同约定为准。", second = "融资融券利率按年化计算，2027年起下调至6.5%。";
        var id = $"note-{Guid.NewGuid():N}"[..20];
        (await content.PostAsJsonAsync("/v1/knowledge/documents", Document(id, first))).EnsureSuccessStatusCode();
        (await content.PostAsJsonAsync("/v1/knowledge/documents", Document(id, second))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await content.DeleteAsync($"/v1/knowledge/documents/{id}")).StatusCode);

        var entries = await EntriesAsync(provider, "knowledge_document", id);
        Assert.Equal(["uploaded", "replaced", "deleted"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("content-ops", e.Actor));
        var details = entries.Select(e => JsonNode.Parse(e.DetailsJson)!).ToList();
        Assert.Equal(Sha256(first), details[0].Str("contentSha256"));
        Assert.Equal(Sha256(second), details[1].Str("contentSha256"));
        Assert.Equal(Sha256(first), details[1]["previous"]!.Str("contentSha256"));
        Assert.Equal(2, details[2]["version"]!.GetValue<int>());
        // The trail proves which version it was; the text itself is not copied into it.
        Assert.DoesNotContain(entries, e => e.DetailsJson.Contains("融资融券利率"));
        Assert.True((await (await apis.AsAsync(provider, KeyedApi.Officer)).GetObjectAsync("/v1/audit/verify"))["intact"]!.GetValue<bool>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_advisor_upsert_is_audited_with_the_old_and_new_registration_number(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var id = $"a-{Guid.NewGuid():N}"[..12];
        (await crm.PutAsJsonAsync($"/v1/advisors/{id}", new { name = "孙一鸣", registrationNumber = "S0000000000101", firm = "示例证券" })).EnsureSuccessStatusCode();
        (await crm.PutAsJsonAsync($"/v1/advisors/{id}", new { name = "孙一鸣", registrationNumber = "S0000000000102", firm = "示例证券" })).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(provider, "advisor", id);
        Assert.Equal(["created", "updated"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("crm-prod", e.Actor));
        var update = JsonNode.Parse(entries[1].DetailsJson)!;
        Assert.Equal("S0000000000101", update["before"]!.Str("registrationNumber"));
        Assert.Equal("S0000000000102", update["after"]!.Str("registrationNumber"));
    }

    private static object Document(string id, string text) => new { id, title = "两融利率说明", text, type = "faq", audience = "internal" };

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<List<AuditRecord>> EntriesAsync(string provider, string type, string id)
    {
        await using var db = await (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        return await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == type && r.EntityId == id).OrderBy(r => r.Id).ToListAsync();
    }
}
