using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Review;

/// <summary>A conversation belongs to the key that started it: no other key reads or continues it, whatever its role.</summary>
public sealed class ConversationOwnershipTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_key_that_started_a_conversation_reads_and_continues_it(string provider)
    {
        var tried = 0;
        foreach (var (owner, advisorId) in new (string Key, string? AdvisorId)[]
                 { (KeyedApi.Officer, null), (KeyedApi.Content, null), (KeyedApi.Crm, null), (KeyedApi.Wang, null), (KeyedDatabaseApis.Admin, "demo-advisor") })
        {
            var started = await (await apis.AsAsync(provider, owner)).PostJsonAsync("/v1/chat", new { message = "融资融券的利率是多少？", advisorId });
            var id = started.Str("conversationId");
            Assert.Equal(HttpStatusCode.OK, (await (await apis.AsAsync(provider, owner)).GetAsync($"/v1/chat/conversations/{id}")).StatusCode);
            (await (await apis.AsAsync(provider, owner)).PostAsJsonAsync("/v1/chat", new { message = "继续", conversationId = id, advisorId })).EnsureSuccessStatusCode();

            foreach (var other in new[] { KeyedApi.Officer, KeyedApi.Content, KeyedApi.Crm, KeyedApi.Wang, KeyedApi.Qian, KeyedDatabaseApis.Admin }.Where(k => k != owner))
            {
                var client = await apis.AsAsync(provider, other);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/chat/conversations/{id}")).StatusCode);
                // Continuing someone else's conversation is answered as for one that does not exist, naming the field.
                await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync("/v1/chat", new { message = "继续", conversationId = id }), 422, "conversationId");
                tried += 2;
                if (other is KeyedApi.Crm or KeyedDatabaseApis.Admin)
                {
                    // Naming the advisor the conversation is for does not make it theirs.
                    await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync("/v1/chat",
                        new { message = "继续", conversationId = id, advisorId = "demo-advisor" }), 422, "conversationId");
                    tried++;
                }
            }
        }
        Assert.Equal(5 * 5 * 2 + 8, tried);
    }
}
