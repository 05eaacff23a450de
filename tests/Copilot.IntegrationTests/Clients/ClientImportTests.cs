using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Clients;

/// <summary>POST /v1/clients/import and the client pages, on SQLite and PostgreSQL, with the CRM's and advisors' keys.</summary>
public sealed class ClientImportTests(DemoClientApis apis) : IClassFixture<DemoClientApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Five_thousand_generated_rows_are_inserted_once_and_a_second_import_changes_nothing(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var portraits = ClientImports.Generated(5_000, seed: 11, "demo-advisor", "a-qian");
        var csv = await ClientImports.CsvAsync(portraits);

        var first = await crm.ImportedAsync(csv);
        Assert.Equal((5_000, 5_000, 0, 0, 0), (first.Int("rowsRead"), first.Int("inserted"), first.Int("updated"), first.Int("unchanged"), first.Int("rejected")));
        var again = await crm.ImportedAsync(csv);
        Assert.Equal((5_000, 0, 0, 5_000), (again.Int("rowsRead"), again.Int("inserted"), again.Int("updated"), again.Int("unchanged")));

        // One row changed in the CRM: only it is updated.
        var changed = portraits.Select((p, i) => i == 17 ? p with { TotalAssets = p.TotalAssets + 1000m } : p);
        var third = await crm.ImportedAsync(await ClientImports.CsvAsync(changed));
        Assert.Equal((0, 1, 4_999), (third.Int("inserted"), third.Int("updated"), third.Int("unchanged")));

        var stored = await crm.GetObjectAsync($"/v1/clients/{portraits[17].Id}?advisorId={portraits[17].AdvisorId}");
        Assert.Equal((double)(portraits[17].TotalAssets + 1000m)!, stored["portrait"]!["totalAssets"]!.GetValue<double>(), 2);
        Assert.Equal(portraits[17].Name, stored["portrait"]!.Str("name"));
        Assert.Equal(portraits[17].Holdings!.Count, stored["portrait"]!["holdings"]!.AsArray().Count);

        // One audit entry per import, with counts and no client's data.
        var contexts = (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var entry = await db.AuditRecords.Where(r => r.EntityType == "client_import" && r.EntityId == third.Str("id")).SingleAsync();
        Assert.Equal("crm-prod", entry.Actor);
        Assert.Contains("\"updated\":1", entry.DetailsJson);
        Assert.DoesNotContain(portraits[17].Name!, entry.DetailsJson);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_partly_bad_file_commits_its_good_rows_and_names_each_bad_row_and_field_without_its_value(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var body = ClientImports.JsonLines(
            new { clientId = "pb-1", advisorId = "a-qian", name = "钱一号", riskClass = "C2", totalAssets = 52000.5, holdings = new[] { new { code = "ES1002", weight = 0.4, riskLevel = "R2" } } },
            new { clientId = "pb-2", advisorId = "a-qian", name = "秘密客户甲", riskClass = "C9" },
            new { clientId = "pb-3", advisorId = "a-qian", name = "秘密客户乙", riskClass = "C3", lowestClass = true },
            new { clientId = "pb-4", advisorId = "a-qian", name = "钱四号", riskClass = "C3", lastLoginOn = "2026/11/01" },
            "{ not json",
            new { clientId = "pb-6", advisorId = "a-qian", name = "钱六号", riskClass = "C3", favouriteColour = "blue" },
            new { clientId = "pb-7", advisorId = "nobody", name = "钱七号", riskClass = "C3" },
            new { clientId = "pb-1", advisorId = "a-qian", name = "钱一号", riskClass = "C2" },
            new { clientId = "pb-9", advisorId = "a-qian", name = "钱九号", riskClass = "C4", cashRatio = 1.5 });
        var response = await crm.ImportAsync(body, "application/x-ndjson");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((9, 1, 8), (result.Int("rowsRead"), result.Int("inserted"), result.Int("rejected")));
        var rejected = result["rejectedRows"]!.AsArray().Select(r => (r!.Int("row"), r!.Str("field"))).ToList();
        Assert.Equal([(2, "riskClass"), (3, "lowestClass"), (4, "lastLoginOn"), (5, "row"), (6, "favouriteColour"), (7, "advisorId"), (8, "clientId"), (9, "cashRatio")], rejected);
        Assert.DoesNotContain("秘密客户", text);
        Assert.DoesNotContain("2026/11/01", text);
        Assert.Equal("钱一号", (await crm.GetObjectAsync("/v1/clients/pb-1?advisorId=a-qian"))["portrait"]!.Str("name"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_bad_header_is_400_naming_it_and_a_file_that_is_not_utf8_is_415_and_neither_writes_anything(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var unknown = await crm.ImportAsync("clientId,advisorId,name,riskClass,shoeSize\nbh-1,a-qian,钱,C2,42\n", "text/csv");
        await ApiJson.AssertProblemAsync(unknown, 400, "header");
        Assert.Contains("shoeSize", await unknown.Content.ReadAsStringAsync());
        var missing = await crm.ImportAsync("clientId,advisorId,name\nbh-2,a-qian,钱\n", "text/csv");
        await ApiJson.AssertProblemAsync(missing, 400, "header");
        Assert.Contains("riskClass", await missing.Content.ReadAsStringAsync());

        var gbk = Encoding.UTF8.GetBytes("clientId,advisorId,name,riskClass\nbh-3,a-qian,").Concat(new byte[] { 0xC7, 0xAE, 0xC0 }).Concat(Encoding.UTF8.GetBytes(",C2\n")).ToArray();
        await ApiJson.AssertProblemAsync(await crm.ImportAsync(gbk, "text/csv"), 415, "file");
        await ApiJson.AssertProblemAsync(await crm.ImportAsync("a,b", "application/pdf"), 415, "Content-Type");

        var list = await crm.GetObjectAsync("/v1/clients?advisorId=a-qian&pageSize=200");
        Assert.DoesNotContain(list["items"]!.AsArray(), c => c!.Str("id").StartsWith("bh-"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_advisor_imports_and_sees_only_its_own_clients(string provider)
    {
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var csv = "clientId,advisorId,name,riskClass\now-1,demo-advisor,王的客户,C3\now-2,a-qian,钱的客户,C3\n";
        var result = await wang.ImportedAsync(csv);
        Assert.Equal((1, 1), (result.Int("inserted"), result.Int("rejected")));
        Assert.Equal("advisorId", result["rejectedRows"]![0]!.Str("field"));

        var qian = await apis.AsAsync(provider, KeyedApi.Qian);
        Assert.Equal(HttpStatusCode.NotFound, (await qian.GetAsync("/v1/clients/ow-1?advisorId=demo-advisor")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qian.GetAsync("/v1/clients/ow-1")).StatusCode);
        await ApiJson.AssertProblemAsync(await qian.GetAsync("/v1/clients?advisorId=demo-advisor"), 403, "advisorId");
        var own = await wang.GetObjectAsync("/v1/clients/ow-1");
        Assert.Equal("王的客户", own["portrait"]!.Str("name"));
        Assert.Empty(own["drafts"]!.AsArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_multipart_file_imports_and_a_retried_import_with_its_idempotency_key_returns_the_first_result(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var csv = await ClientImports.CsvAsync(ClientImports.Generated(40, seed: 23, "a-qian"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "clients.csv");
        var multipart = await (await crm.PostAsync("/v1/clients/import", form)).ReadObjectAsync();
        Assert.Equal(40, multipart.Int("inserted"));

        var key = Guid.NewGuid().ToString("N");
        var first = await (await crm.ImportAsync(csv, "text/csv", key)).ReadObjectAsync();
        var retried = await (await crm.ImportAsync(csv, "text/csv", key)).ReadObjectAsync();
        Assert.Equal(first.Str("id"), retried.Str("id"));
        Assert.Equal(40, retried.Int("unchanged"));
        await ApiJson.AssertProblemAsync(await crm.ImportAsync(csv + "ik-1,a-qian,钱,C2\n", "text/csv", key), 422, "Idempotency-Key");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_advisor_has_synthetic_clients_from_first_start(string provider)
    {
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var page = await wang.GetObjectAsync("/v1/clients?pageSize=10");
        Assert.True(page.Int("total") >= 300, $"{page.Int("total")} clients");
        Assert.Equal(10, page["items"]!.AsArray().Count);
        Assert.All(page["items"]!.AsArray(), c => Assert.Equal("demo-advisor", c!.Str("advisorId")));
    }
}
