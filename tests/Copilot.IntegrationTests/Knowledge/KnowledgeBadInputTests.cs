using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Knowledge;

/// <summary>Bad uploads and searches get RFC 7807 problems naming the field, and leave nothing behind.</summary>
public sealed class KnowledgeBadInputTests(SmallUploadApi api) : IClassFixture<SmallUploadApi>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Unknown_type_is_a_400_naming_type() =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsJsonAsync("/v1/knowledge/documents", new { title = "x", text = "正文", type = "rumour" }), 400, "type");

    [Fact]
    public async Task Bad_dates_and_risk_levels_are_named() =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsJsonAsync("/v1/knowledge/documents", new { title = "x", text = "正文", type = "product", riskLevel = "R9" }), 400, "riskLevel");

    [Fact]
    public async Task Empty_text_is_a_400_naming_text() =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsJsonAsync("/v1/knowledge/documents", new { title = "x", text = "  ", type = "faq" }), 400, "text");

    [Fact]
    public async Task Truncated_json_is_a_400_naming_where_it_broke() =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsync("/v1/knowledge/documents", new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json")), 400, "title");

    [Fact]
    public async Task Wrongly_typed_json_field_is_named() =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsync("/v1/knowledge/documents", new StringContent("{\"title\":\"x\",\"text\":\"正文\",\"type\":\"faq\",\"lockupMonths\":\"soon\"}",
                System.Text.Encoding.UTF8, "application/json")), 400, "lockupMonths");

    [Fact]
    public async Task Unsupported_file_is_a_415_naming_file() =>
        await ApiJson.AssertProblemAsync(
            await CopilotApiFactory.UploadAsync(_client, "tool.exe", [0x4d, 0x5a, 0x90], new Dictionary<string, string> { ["type"] = "faq" }), 415, "file");

    [Fact]
    public async Task Corrupt_docx_is_a_422_naming_file() =>
        await ApiJson.AssertProblemAsync(
            await CopilotApiFactory.UploadAsync(_client, "manual.docx", "PK not a zip"u8.ToArray(), new Dictionary<string, string> { ["type"] = "compliance" }), 422, "file");

    [Fact]
    public async Task File_over_the_limit_is_a_413_and_nothing_is_stored()
    {
        var big = System.Text.Encoding.UTF8.GetBytes(new string('证', 3000));
        await ApiJson.AssertProblemAsync(
            await CopilotApiFactory.UploadAsync(_client, "big.txt", big, new Dictionary<string, string> { ["id"] = "too-big", ["type"] = "faq" }), 413, "file");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _client.GetAsync("/v1/knowledge/documents/too-big")).StatusCode);
    }

    [Fact]
    public async Task Missing_file_field_is_named() =>
        await ApiJson.AssertProblemAsync(await _client.PostAsync("/v1/knowledge/documents",
            new MultipartFormDataContent { { new StringContent("faq"), "type" } }), 400, "file");

    [Fact]
    public async Task Empty_search_is_a_400_naming_q() =>
        await ApiJson.AssertProblemAsync(await _client.GetAsync("/v1/knowledge/search?q="), 400, "q");

    [Fact]
    public async Task Search_with_unknown_type_is_a_400_naming_type() =>
        await ApiJson.AssertProblemAsync(await _client.GetAsync("/v1/knowledge/search?q=x&type=gossip"), 400, "type");

    [Fact]
    public async Task Search_top_out_of_range_is_named() =>
        await ApiJson.AssertProblemAsync(await _client.GetAsync("/v1/knowledge/search?q=x&top=500"), 400, "top");
}
