using System.Net.Http.Json;
using System.Text;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Compliance;

/// <summary>Bad check requests get an RFC 7807 problem naming the field.</summary>
public sealed class ComplianceBadInputTests(ComplianceTemplateApi api) : IClassFixture<ComplianceTemplateApi>
{
    private const string Url = "/v1/compliance/check";
    private readonly HttpClient _client = api.Client;

    public static TheoryData<object, string> BadBodies() => new()
    {
        { new { text = "" }, "text" },
        { new { text = "   " }, "text" },
        { new { language = "zh" }, "text" },
        { new { text = new string('字', 10_001) }, "text" },
        { new { text = "您好", language = "fr" }, "language" },
        { new { text = "您好", channel = "fax" }, "channel" },
        { new { text = "您好", client = new { riskClass = "C9" } }, "client.riskClass" },
        { new { text = "您好", client = new { riskClass = "C3", horizonMonths = -1 } }, "client.horizonMonths" },
        { new { text = "您好", products = new[] { new { code = "ES1001", riskLevel = "R7" } } }, "products[0].riskLevel" },
        { new { text = "您好", products = new[] { new { code = "ES1001", riskLevel = "R1", lockupMonths = -2 } } }, "products[0].lockupMonths" },
        { new { text = "您好", products = new[] { new { code = "", riskLevel = "R1" } } }, "products[0].code" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_field_is_a_400_naming_it(object body, string field) =>
        await ApiJson.AssertProblemAsync(await _client.PostAsJsonAsync(Url, body), 400, field);

    [Fact]
    public async Task A_wrongly_typed_field_is_named_by_its_path() =>
        await ApiJson.AssertProblemAsync(await _client.PostAsync(Url,
            new StringContent("{\"text\":\"您好\",\"client\":{\"riskClass\":\"C3\",\"horizonMonths\":\"soon\"}}", Encoding.UTF8, "application/json")),
            400, "client.horizonMonths");

    [Fact]
    public async Task Several_bad_fields_are_all_named()
    {
        var response = await _client.PostAsJsonAsync(Url, new { text = "", client = new { riskClass = "X" } });

        await ApiJson.AssertProblemAsync(response, 400, "text");
        var problem = await response.ReadObjectAsync();
        Assert.True(problem["errors"]!.AsObject().ContainsKey("client.riskClass"));
    }
}
