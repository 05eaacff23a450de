using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Limits;

/// <summary>
/// The keyed service (KeyedApi's keys plus an Admin) with one document, one draft and one conversation, so
/// fuzzed requests for real ids reach past the lookups into validation.
/// </summary>
public sealed class FuzzApi : ApiFixture
{
    public const string Admin = "key-admin-ad31";

    private string _draftId = "x", _conversationId = "x";

    /// <summary>Real values for a route's parameters: the resource its path names exists.</summary>
    public IReadOnlyDictionary<string, string> IdsFor(string pattern) => new Dictionary<string, string>
    {
        ["documentName"] = "v1",
        ["id"] = pattern.StartsWith("/v1/knowledge") ? "fuzz-faq"
            : pattern.StartsWith("/v1/advisors") ? "demo-advisor"
            : pattern.StartsWith("/v1/chat/conversations") ? _conversationId
            : _draftId,
    };

    public HttpClient As(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory()
    {
        var settings = KeyedApi.Settings();
        settings["Auth:ApiKeys:9:Name"] = "admin";
        settings["Auth:ApiKeys:9:Role"] = "Admin";
        settings["Auth:ApiKeys:9:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Admin)));
        settings["Knowledge:SeedOnStart"] = "false";
        // Hostile bodies to /mcp spend the model-backed budget too; what is fuzzed here is validation, not the limiter
        // (RateLimitTests and McpRateLimitTests cover that), so every endpoint's bodies reach their validators.
        settings["RateLimits:ModelPermitsPerWindow"] = "100000";
        settings["RateLimits:PermitsPerWindow"] = "100000";
        // Thousands of small writes: on tmpfs where there is one, so fsync does not dominate the run.
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        return new CopilotApiFactory(settings, Path.Combine(root, "copilot-fuzz", Guid.NewGuid().ToString("N")));
    }

    protected override async Task SetUpAsync()
    {
        var content = As(KeyedApi.Content);
        (await content.PostAsJsonAsync("/v1/knowledge/documents",
            new { id = "fuzz-faq", title = "融资融券须知", text = "# 融资融券须知\n\n开通融资融券需资产达到50万元。", type = "faq" })).EnsureSuccessStatusCode();
        var advisor = As(KeyedApi.Wang);
        using var draft = new HttpRequestMessage(HttpMethod.Post, "/v1/drafts") { Content = JsonContent.Create(DraftRequests.MarketDrop()) };
        draft.Headers.Add("Idempotency-Key", "fuzz-setup");
        var created = await (await advisor.SendAsync(draft)).ReadObjectAsync();
        var chat = await advisor.PostJsonAsync("/v1/chat", new { message = "融资融券" });
        _draftId = created.Str("id");
        _conversationId = chat.Str("conversationId");
    }
}
