using System.Net.Http.Json;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Chat;

/// <summary>GET /v1/chat/conversations: the caller's own conversations, newest first, on SQLite and PostgreSQL.</summary>
public sealed class ConversationListTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_key_lists_only_the_conversations_it_started_named_by_their_first_question(string provider)
    {
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var first = (await wang.PostJsonAsync("/v1/chat", new { message = "融资融券的利率是多少？" })).Str("conversationId");
        var second = (await wang.PostJsonAsync("/v1/chat", new { message = "科创板开户要求" })).Str("conversationId");
        // A follow-up makes the first conversation the most recently active; its name stays its first question.
        await wang.PostJsonAsync("/v1/chat", new { message = "那创业板呢？", conversationId = first });
        var qian = (await (await apis.AsAsync(provider, KeyedApi.Qian)).PostJsonAsync("/v1/chat", new { message = "基金分红怎么操作" })).Str("conversationId");
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var crmOwn = (await crm.PostJsonAsync("/v1/chat", new { message = "两融担保比例", advisorId = "demo-advisor" })).Str("conversationId");

        var listed = (await wang.GetObjectAsync("/v1/chat/conversations"))["conversations"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal([first, second], listed.Select(c => c.Str("id")).Where(id => id == first || id == second));
        Assert.DoesNotContain(listed, c => c.Str("id") == qian || c.Str("id") == crmOwn);
        Assert.Equal("融资融券的利率是多少？", listed.Single(c => c.Str("id") == first).Str("title"));
        Assert.Equal("demo-advisor", listed[0].Str("advisorId"));

        var qianList = (await (await apis.AsAsync(provider, KeyedApi.Qian)).GetObjectAsync("/v1/chat/conversations"))["conversations"]!.AsArray();
        Assert.Equal([qian], qianList.Select(c => c!.Str("id")));
        var crmList = (await crm.GetObjectAsync("/v1/chat/conversations"))["conversations"]!.AsArray();
        Assert.Equal([crmOwn], crmList.Select(c => c!.Str("id")));
        Assert.Empty((await (await apis.AsAsync(provider, KeyedApi.Officer)).GetObjectAsync("/v1/chat/conversations"))["conversations"]!.AsArray());
    }
}
