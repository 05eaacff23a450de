using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Auth;

/// <summary>A single sign-on token acts exactly as a key of its mapped role would; a token that is wrong in any way is a problem.</summary>
public sealed class SingleSignOnTests(SsoApi api) : IClassFixture<SsoApi>
{
    [Fact]
    public async Task An_advisors_token_names_the_person_and_acts_for_its_advisor_only()
    {
        var zhang = api.WithToken(api.Token("zhang.wei", new[] { "copilot.advisor", "some.other.app" }, advisorId: "demo-advisor"));

        var me = await zhang.GetObjectAsync("/v1/me");
        Assert.Equal(("sso:zhang.wei", "Advisor", "demo-advisor", "jwt"), (me.Str("name"), me.Str("role"), me.Str("advisorId"), me.Str("authentication")));

        var mine = await zhang.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-sso"));
        Assert.Equal("demo-advisor", mine.Str("advisorId"));
        await ApiJson.AssertProblemAsync(await zhang.PostDraftAsync(DraftRequests.MarketDrop(advisorId: "a-qian"), Guid.NewGuid().ToString("N")), 403, "advisorId");
        var theirs = await api.As(KeyedApi.Qian).CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-qian-sso", advisorId: "a-qian"));
        Assert.Equal(HttpStatusCode.NotFound, (await zhang.GetAsync($"/v1/drafts/{theirs.Str("id")}")).StatusCode);
        await ApiJson.AssertProblemAsync(await zhang.GetAsync("/v1/drafts?advisorId=a-qian"), 403, "advisorId");
        Assert.Equal(HttpStatusCode.Forbidden, (await zhang.ReviewAsync(mine.Str("id"), "approve", "我自己批了")).StatusCode);
    }

    [Fact]
    public async Task A_compliance_officers_token_decides_and_the_audit_names_the_person()
    {
        var id = (await api.As(KeyedApi.Wang).CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-sso-review"))).Str("id");
        // The firm's own role name maps too.
        var officer = api.WithToken(api.Token("li.officer", "合规岗"));

        await ApiJson.AssertProblemAsync(await officer.ReviewAsync(id, "approve", "内容合规"), 403, "reviewerId");
        (await officer.PostAsJsonAsync($"/v1/drafts/{id}/review", new { decision = "approve", comment = "内容合规" })).EnsureSuccessStatusCode();

        var audit = await officer.GetFromJsonAsync<List<AuditEntry>>($"/v1/drafts/{id}/audit", ApiJson.Web);
        Assert.Contains(audit!, a => a.Action == "approve" && a.Actor == "sso:li.officer");
    }

    [Fact]
    public async Task Keys_keep_working_beside_tokens()
    {
        var me = await api.As(KeyedApi.Officer).GetObjectAsync("/v1/me");
        Assert.Equal(("officer.zhao", "api-key"), (me.Str("name"), me.Str("authentication")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.As("key-made-up").GetAsync("/v1/me")).StatusCode);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", "expired" },
        { "audience", "audience" },
        { "issuer", "issuer" },
        { "signature", "signature" },
        { "tampered", "signature" },
        { "unsigned", "" },
        { "no-name", "preferred_username" },
    };

    [Theory, MemberData(nameof(BadTokens))]
    public async Task A_token_wrong_in_any_way_is_a_401_problem_saying_why(string wrong, string reason)
    {
        using var stranger = RSA.Create(2048);
        var token = wrong switch
        {
            "expired" => api.Token("zhang.wei", "copilot.advisor", "demo-advisor", expires: DateTime.UtcNow.AddMinutes(-5)),
            "audience" => api.Token("zhang.wei", "copilot.advisor", "demo-advisor", audience: "another-app"),
            "issuer" => api.Token("zhang.wei", "copilot.advisor", "demo-advisor", issuer: "https://evil.example/"),
            "signature" => api.Token("zhang.wei", "copilot.admin", signWith: stranger),
            "tampered" => Tamper(api.Token("zhang.wei", "copilot.advisor", "demo-advisor")),
            "unsigned" => Unsigned(api.Token("zhang.wei", "copilot.admin")),
            "no-name" => api.Token("zhang.wei", "copilot.admin", nameClaim: "upn"),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        var response = await api.WithToken(token).GetAsync("/v1/me");

        await ApiJson.AssertProblemAsync(response, 401, "authorization");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains(reason, (await response.ReadObjectAsync()).Str("detail"));
    }

    [Theory]
    [InlineData("unknown role", "copilot.superuser", "demo-advisor")]
    [InlineData("no role", null, null)]
    [InlineData("two roles", "copilot.advisor,copilot.compliance", "demo-advisor")]
    [InlineData("advisor without advisor id", "copilot.advisor", null)]
    public async Task A_valid_token_without_exactly_one_known_role_is_403_everywhere(string why, string? roles, string? advisor)
    {
        var client = api.WithToken(api.Token("mallory", roles?.Split(','), advisor));

        foreach (var path in new[] { "/v1/me", "/v1/drafts", "/v1/knowledge/search?q=融资融券", "/v1/admin/keys", "/v1/models" })
            await ApiJson.AssertProblemAsync(await client.GetAsync(path), 403, "role");
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public async Task An_admins_token_manages_keys_and_is_the_actor()
    {
        var admin = api.WithToken(api.Token("it.chen", "copilot.admin"));
        var created = await admin.PostJsonAsync("/v1/admin/keys", new { name = "kiosk", role = "Content" }, HttpStatusCode.Created);
        Assert.Equal("sso:it.chen", created.Str("createdBy"));
        Assert.Equal(HttpStatusCode.OK, (await api.As(created.Str("key")).GetAsync("/v1/me")).StatusCode);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("copilot.advisor", "copilot.admin");
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return $"{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
    }

    private sealed record AuditEntry(string Action, string Actor);
}
