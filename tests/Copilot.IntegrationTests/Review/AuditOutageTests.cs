using System.Net.Http.Json;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Review;

/// <summary>
/// When the audit entry cannot be written (a trigger refuses every insert into audit_records), the change it would record
/// does not happen either: no document in the catalog or the index, no changed registration number.
/// </summary>
public sealed class AuditOutageTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_change_whose_audit_entry_fails_is_not_made(string provider)
    {
        var factory = await apis.FactoryAsync(provider);
        var records = factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        var content = await apis.AsAsync(provider, KeyedApi.Content);
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        (await content.PostAsJsonAsync("/v1/knowledge/documents", new { id = "note-kept", title = "两融利率说明", text = "融资融券利率按年化计算，以合同约定为准。", type = "faq", audience = "internal" }))
            .EnsureSuccessStatusCode();

        await using (var db = await records.CreateDbContextAsync())
            foreach (var sql in BlockAudit(provider)) await db.Database.ExecuteSqlRawAsync(sql);

        var upload = await content.PostAsJsonAsync("/v1/knowledge/documents",
            new { id = "note-unaudited", title = "科创板开户要求", text = "科创板开户需满足资产与交易经验要求，细则以交易所为准。", type = "faq", audience = "internal" });
        var replace = await content.PostAsJsonAsync("/v1/knowledge/documents",
            new { id = "note-kept", title = "两融利率说明", text = "替换后的版本：利率下调。", type = "faq", audience = "internal" });
        var delete = await content.DeleteAsync("/v1/knowledge/documents/note-kept");
        var upsert = await crm.PutAsJsonAsync("/v1/advisors/demo-advisor", new { name = "王晓明", registrationNumber = "S9999999999999", firm = "示例证券" });
        Assert.All(new[] { upload, replace, delete, upsert }, r => Assert.False(r.IsSuccessStatusCode, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: {(int)r.StatusCode}"));

        var reader = await apis.AsAsync(provider, KeyedApi.Wang);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync("/v1/knowledge/documents/note-unaudited")).StatusCode);
        Assert.Equal(1, (await reader.GetObjectAsync("/v1/knowledge/documents/note-kept"))["version"]!.GetValue<int>());
        var hits = (await reader.GetObjectAsync("/v1/knowledge/search?q=科创板开户&top=10")).Results();
        Assert.DoesNotContain(hits, h => h.Str("documentId") == "note-unaudited");
        Assert.Contains((await reader.GetObjectAsync("/v1/knowledge/search?q=融资融券利率&top=10")).Results(), h => h.Str("documentId") == "note-kept");
        Assert.Equal("S0000000000001", (await reader.GetObjectAsync("/v1/advisors/demo-advisor")).Str("registrationNumber"));
    }

    private static string[] BlockAudit(string provider) => provider == TestDatabases.PostgreSql
        ?
        [
            "CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
        ]
        : ["CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END"];
}
