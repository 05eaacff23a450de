using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Copilot.Audit;
using Copilot.Compliance.Rules;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Review;

/// <summary>
/// Each draft's audit entries record the rules version that judged it, inside the hash; a chain written before the
/// field existed still verifies, entries old and new side by side. Each test has a database of its own: it breaks the chain.
/// </summary>
public sealed class RulesVersionChainTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_draft_entry_records_the_rules_that_judged_it_and_changing_it_breaks_the_chain(string provider)
    {
        using var factory = OwnDatabase(provider);
        var client = await factory.CreateReadyClientAsync();
        var version = factory.Services.GetRequiredService<ComplianceRuleSet>().Version;
        Assert.Matches("^rules:[0-9a-f]{16}$", version);
        var draft = await client.CreateDraftAsync(DraftRequests.MarketDrop());
        var id = draft.Str("id");
        Assert.Equal(version, draft.Str("rulesVersion"));
        (await client.ReviewAsync(id, "approve", "内容合规")).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/v1/drafts/{id}/sent", new { })).EnsureSuccessStatusCode();
        Assert.Equal(version, (await client.PostJsonAsync("/v1/compliance/check", new { text = "今日市场调整，投资有风险。" })).Str("rulesVersion"));

        var entries = await EntriesAsync(factory, id);
        Assert.Equal(["created", "approve", "sent"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(version, e.RulesVersion));
        Assert.True((await client.GetObjectAsync("/v1/audit/verify"))["intact"]!.GetValue<bool>());

        // Claiming other rules judged it, or none, is tampering like any other.
        foreach (var forged in new[] { "rules:0000000000000000", null })
        {
            await using (var db = await Records(factory).CreateDbContextAsync())
                await db.AuditRecords.Where(r => r.Id == entries[1].Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RulesVersion, forged));
            var verify = await client.GetObjectAsync("/v1/audit/verify");
            Assert.False(verify["intact"]!.GetValue<bool>());
            Assert.Equal(entries[1].Id, verify["brokenAtId"]!.GetValue<long>());
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_chain_written_before_rules_versions_still_verifies_with_new_entries_after_it(string provider)
    {
        using var factory = OwnDatabase(provider);
        var client = await factory.CreateReadyClientAsync();
        // Two entries as the service wrote them before this change: no rules version, hashed over the seven fields.
        long legacyId;
        await using (var db = await Records(factory).CreateDbContextAsync())
        {
            var previous = await db.AuditRecords.OrderByDescending(r => r.Id).Select(r => r.Hash).FirstOrDefaultAsync() ?? AuditHasher.Genesis;
            foreach (var action in new[] { "created", "approve" })
            {
                var record = new AuditRecord
                {
                    EntityType = "draft", EntityId = "dft_legacy", Action = action, Actor = action == "created" ? "demo-advisor" : "officer-1",
                    DetailsJson = "{\"verdict\":\"pass\"}", CreatedAtUtc = AuditHasher.Stamp(DateTime.UtcNow.AddDays(-30)), PreviousHash = previous, Hash = "",
                };
                record.Hash = LegacyHash(record);
                db.AuditRecords.Add(record);
                await db.SaveChangesAsync();
                previous = record.Hash;
            }
            legacyId = await db.AuditRecords.Where(r => r.EntityId == "dft_legacy").MinAsync(r => r.Id);
        }
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop())).Str("id");
        (await client.ReviewAsync(id, "approve", "内容合规")).EnsureSuccessStatusCode();

        var verify = await client.GetObjectAsync("/v1/audit/verify");
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.NotNull((await EntriesAsync(factory, id))[0].RulesVersion);

        await using (var db = await Records(factory).CreateDbContextAsync())
            await db.AuditRecords.Where(r => r.Id == legacyId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Actor, "someone-else"));
        var broken = await client.GetObjectAsync("/v1/audit/verify");
        Assert.False(broken["intact"]!.GetValue<bool>());
        Assert.Equal(legacyId, broken["brokenAtId"]!.GetValue<long>());
    }

    // The hash as deployed databases hold it, written out here so that a change to AuditHasher cannot quietly change it.
    private static string LegacyHash(AuditRecord r) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        r.PreviousHash, r.EntityType, r.EntityId, r.Action, r.Actor, r.DetailsJson, r.CreatedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture)))));

    private static CopilotApiFactory OwnDatabase(string provider) =>
        new(new Dictionary<string, string?>(TestDatabases.Settings(provider)) { ["Knowledge:SeedOnStart"] = "false" });

    private static async Task<List<AuditRecord>> EntriesAsync(CopilotApiFactory factory, string draftId)
    {
        await using var db = await Records(factory).CreateDbContextAsync();
        return await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == "draft" && r.EntityId == draftId).OrderBy(r => r.Id).ToListAsync();
    }

    private static IDbContextFactory<CopilotDbContext> Records(CopilotApiFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
}
