using System.Net;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Hosting;

/// <summary>Conversations and the document catalog survive a restart, on SQLite and on PostgreSQL.</summary>
public sealed class RecordsPersistenceTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Conversations_and_the_catalog_survive_a_restart(string provider)
    {
        var settings = TestDatabases.Settings(provider);
        settings["Knowledge:SeedOnStart"] = "false";
        string conversationId, dataPath;
        using (var first = new CopilotApiFactory(settings) { KeepData = true })
        {
            dataPath = first.DataPath;
            var client = await first.CreateReadyClientAsync();
            await client.PostJsonAsync("/v1/knowledge/documents", new
            {
                id = "faq-hours", title = "交易时间", type = "faq", audience = "client", text = "## 交易时间\nA股连续竞价时间为9:30至11:30、13:00至15:00。",
            }, HttpStatusCode.Created);
            conversationId = (await client.PostJsonAsync("/v1/chat", new { message = "A股几点开盘？" })).Str("conversationId");
        }

        using var second = new CopilotApiFactory(settings, dataPath);
        var restarted = await second.CreateReadyClientAsync();
        var conversation = await restarted.GetObjectAsync($"/v1/chat/conversations/{conversationId}");
        Assert.Equal(2, conversation["messages"]!.AsArray().Count);
        Assert.Equal("faq-hours", conversation["messages"]![1]!["citations"]![0]!.Str("documentId"));
        Assert.Equal("交易时间", (await restarted.GetObjectAsync("/v1/knowledge/documents/faq-hours")).Str("title"));

        var followUp = await restarted.PostJsonAsync("/v1/chat", new { message = "收盘呢？", conversationId });
        Assert.Equal(conversationId, followUp.Str("conversationId"));
    }
}
