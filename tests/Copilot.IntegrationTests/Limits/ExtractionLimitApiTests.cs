using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Limits;

/// <summary>A file over an extraction limit is a 413 naming file, and the version it was to replace stays searchable.</summary>
public sealed class ExtractionLimitApiTests(LimitsApi api) : IClassFixture<LimitsApi>
{
    private readonly HttpClient _client = api.Client;

    // 50 MB of one repeated byte in word/document.xml: some 50 KB on the wire.
    private static byte[] ZipBomb()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)'a');
            for (var i = 0; i < 50; i++) part.Write(block);
        }
        return file.ToArray();
    }

    [Fact]
    public async Task A_zip_bomb_replacing_a_document_is_a_413_and_the_old_version_stays_searchable()
    {
        await _client.PostJsonAsync("/v1/knowledge/documents",
            new { id = "bomb-target", title = "融资融券业务须知", text = "# 融资融券业务须知\n\n维持担保比例低于130%时将追加担保物。", type = "faq" },
            HttpStatusCode.Created);

        var bomb = ZipBomb();
        Assert.InRange(bomb.Length, 1, 1024 * 1024);
        await ApiJson.AssertProblemAsync(await CopilotApiFactory.UploadAsync(_client, "bomb.docx", bomb,
            new Dictionary<string, string> { ["id"] = "bomb-target", ["type"] = "faq" }), 413, "file");

        var document = await _client.GetObjectAsync("/v1/knowledge/documents/bomb-target");
        Assert.Equal(1, document["version"]!.GetValue<int>());
        var hits = (await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("维持担保比例"))).Results();
        Assert.Equal("bomb-target", hits[0].Str("documentId"));
    }

    [Fact]
    public async Task Text_sent_as_json_over_the_character_limit_is_a_413_naming_text() =>
        await ApiJson.AssertProblemAsync(await _client.PostAsJsonAsync("/v1/knowledge/documents",
            new { title = "长文", text = new string('字', 1_000_001), type = "faq" }), 413, "text");
}
