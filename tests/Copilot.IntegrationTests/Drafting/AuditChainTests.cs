using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Drafting;

/// <summary>The audit chain proves what was done to it, on SQLite and PostgreSQL: altered rows, and rows cut off its end.</summary>
public sealed class AuditChainTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Tampering_with_an_audit_row_is_detected_where_it_happened(string provider)
    {
        var (factory, client, id) = await DecidedDraftOnItsOwnDatabaseAsync(provider, "approve", "ok");
        using var _ = factory;
        Assert.True((await client.GetObjectAsync("/v1/audit/verify"))["intact"]!.GetValue<bool>());

        await using (var db = await Records(factory).CreateDbContextAsync())
        {
            // The draft's first entry (the chain starts with the seeded advisor's).
            var created = await db.AuditRecords.Where(r => r.EntityType == "draft").OrderBy(r => r.Id).FirstAsync();
            await db.AuditRecords.Where(r => r.Id == created.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DetailsJson, r => r.DetailsJson.Replace("张先生", "李先生")));
        }

        var verify = await client.GetObjectAsync("/v1/audit/verify");
        Assert.False(verify["intact"]!.GetValue<bool>());
        var firstId = (await client.GetFromJsonAsync<List<AuditEntry>>($"/v1/drafts/{id}/audit", ApiJson.Web))![0].Id;
        Assert.Equal(firstId, verify["brokenAtId"]!.GetValue<long>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cutting_the_newest_entries_off_is_detected_against_a_recorded_head(string provider)
    {
        var (factory, client, id) = await DecidedDraftOnItsOwnDatabaseAsync(provider, "reject", "承诺收益");
        using var _ = factory;
        var head = (await client.GetObjectAsync("/v1/audit/verify")).Str("headHash");
        var audit = (await client.GetFromJsonAsync<List<AuditEntry>>($"/v1/drafts/{id}/audit", ApiJson.Web))!;
        Assert.Equal(audit[^1].Hash, head);
        Assert.True((await client.GetObjectAsync($"/v1/audit/verify?recordedHash={head}"))["intact"]!.GetValue<bool>());

        // Someone removes the rejection: what is left is a perfectly linked, shorter chain.
        var newest = audit[^1].Id;
        await using (var db = await Records(factory).CreateDbContextAsync())
            await db.AuditRecords.Where(r => r.Id == newest).ExecuteDeleteAsync();

        Assert.True((await client.GetObjectAsync("/v1/audit/verify"))["intact"]!.GetValue<bool>());
        var against = await client.GetObjectAsync($"/v1/audit/verify?recordedHash={head}");
        Assert.False(against["intact"]!.GetValue<bool>());
        Assert.Contains("removed", against.Str("reason"));
        Assert.Equal(audit[^2].Hash, against.Str("headHash"));
    }

    // A database of its own, so breaking the chain does not break the one other tests verify.
    private static async Task<(CopilotApiFactory Factory, HttpClient Client, string DraftId)> DecidedDraftOnItsOwnDatabaseAsync(
        string provider, string decision, string comment)
    {
        var factory = new CopilotApiFactory(new Dictionary<string, string?>(TestDatabases.Settings(provider)) { ["Knowledge:SeedOnStart"] = "false" });
        var client = await factory.CreateReadyClientAsync();
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop())).Str("id");
        (await client.ReviewAsync(id, decision, comment)).EnsureSuccessStatusCode();
        return (factory, client, id);
    }

    private static IDbContextFactory<CopilotDbContext> Records(CopilotApiFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();

    private sealed record AuditEntry(long Id, string Hash);
}
