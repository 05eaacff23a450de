using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Leads;

/// <summary>POST/GET/DELETE /v1/segments: definitions validated by JSON path, counted live, listed as clients, advisors kept apart.</summary>
public sealed class SegmentApiTests(LeadApis apis) : IClassFixture<LeadApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_segment_of_tags_and_fields_counts_its_clients_live_and_lists_them(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var branch = "分段测试营业部-" + provider;
        await crm.ImportRowsAsync(
            LeadRows.Quiet("sg-1").With(("branch", branch), ("lastLoginOn", LeadRows.Day(-200)), ("totalAssets", 300_000)),
            LeadRows.Quiet("sg-2").With(("branch", branch), ("lastLoginOn", LeadRows.Day(-200)), ("totalAssets", 30_000)),
            LeadRows.Quiet("sg-3").With(("branch", branch), ("cashRatio", 0.8), ("totalAssets", 60_000)),
            LeadRows.Quiet("sg-4").With(("branch", branch)));
        var definition = new
        {
            all = new object[]
            {
                new { field = "branch", op = "==", value = branch },
                new { any = new object[] { new { all = new object[] { new { tag = "dormant" }, new { field = "totalAssets", op = ">=", value = 100_000 } } }, new { tag = "high_cash" } } },
            },
        };

        var segment = await crm.PostJsonAsync("/v1/segments", new { advisorId = "a-qian", name = "沉睡大户或高现金", definition }, HttpStatusCode.Created);

        Assert.Equal(2, segment["clients"]!.GetValue<int>());
        var members = (await crm.GetObjectAsync($"/v1/clients?segment={segment.Str("id")}"))["items"]!.AsArray().Select(c => c!.Str("id")).ToList();
        Assert.Equal(["sg-1", "sg-3"], members);
        // sg-4 logs off for good: the count follows the portrait without touching the segment.
        await crm.ImportRowsAsync(LeadRows.Quiet("sg-4").With(("branch", branch), ("lastLoginOn", LeadRows.Day(-95)), ("totalAssets", 150_000)));
        Assert.Equal(3, (await crm.GetObjectAsync($"/v1/segments/{segment.Str("id")}"))["clients"]!.GetValue<int>());
        Assert.Contains((await crm.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/v1/segments?advisorId=a-qian"))!, s => s.Str("id") == segment.Str("id"));

        Assert.Equal(HttpStatusCode.NoContent, (await crm.DeleteAsync($"/v1/segments/{segment.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await crm.GetAsync($"/v1/segments/{segment.Str("id")}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_definition_with_an_unknown_tag_field_operator_or_value_is_a_problem_naming_its_path(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        async Task RefusedAsync(object definition, string field, string? name = "x") =>
            await ApiJson.AssertProblemAsync(await crm.PostAsJsonAsync("/v1/segments", new { advisorId = "a-qian", name, definition }), 400, field);

        await RefusedAsync(new { all = new object[] { new { tag = "dormant" }, new { tag = "sleepy" } } }, "definition.all[1].tag");
        await RefusedAsync(new { any = new object[] { new { field = "shoeSize", op = ">", value = 40 } } }, "definition.any[0].field");
        await RefusedAsync(new { field = "cashRatio", op = "~", value = 0.5 }, "definition.op");
        await RefusedAsync(new { field = "cashRatio", op = ">", value = "high" }, "definition.value");
        await RefusedAsync(new { field = "riskClass", op = ">", value = "C2" }, "definition.op");
        await RefusedAsync(new { tag = "dormant", field = "cashRatio" }, "definition");
        await RefusedAsync(new { tag = "dormant" }, "name", name: " ");
        await ApiJson.AssertProblemAsync(await crm.PostAsJsonAsync("/v1/segments", new { name = "x", definition = new { tag = "dormant" } }), 400, "advisorId");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_retried_post_with_the_same_idempotency_key_returns_the_first_segment(string provider)
    {
        var qian = await apis.AsAsync(provider, KeyedApi.Qian);
        var key = Guid.NewGuid().ToString("N");
        async Task<System.Text.Json.Nodes.JsonObject> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/segments") { Content = JsonContent.Create(new { name = "重试", definition = new { tag = "high_cash" } }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await qian.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.ReadObjectAsync();
        }

        var first = await PostAsync();
        var again = await PostAsync();

        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Single((await qian.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/v1/segments"))!, s => s.Str("name") == "重试");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_advisor_sees_only_its_own_segments_and_cannot_make_one_for_another(string provider)
    {
        var qian = await apis.AsAsync(provider, KeyedApi.Qian);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var theirs = await qian.PostJsonAsync("/v1/segments", new { name = "钱的沉睡客户", definition = new { tag = "dormant" } }, HttpStatusCode.Created);
        Assert.Equal("a-qian", theirs.Str("advisorId"));

        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync($"/v1/segments/{theirs.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wang.DeleteAsync($"/v1/segments/{theirs.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync($"/v1/clients?segment={theirs.Str("id")}")).StatusCode);
        Assert.All((await wang.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/v1/segments"))!, s => Assert.Equal("demo-advisor", s.Str("advisorId")));
        await ApiJson.AssertProblemAsync(await wang.PostAsJsonAsync("/v1/segments", new { advisorId = "a-qian", name = "x", definition = new { tag = "dormant" } }), 403, "advisorId");
        Assert.Equal(HttpStatusCode.OK, (await qian.GetAsync($"/v1/segments/{theirs.Str("id")}")).StatusCode);
    }
}
