using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Auth;

/// <summary>
/// The service with API keys configured, as a broker deploys it: two advisors, the CRM, a compliance officer and
/// content operations, each with a key of its own. Only the keys' SHA-256 hashes are in the configuration.
/// </summary>
public sealed class KeyedApi : ApiFixture
{
    public const string Wang = "key-wang-7f3a";
    public const string Qian = "key-qian-19bd";
    public const string Crm = "key-crm-c0de";
    public const string Officer = "key-officer-51e2";
    public const string Content = "key-content-8a8a";

    private static readonly (string Key, string Name, string Role, string? Advisor)[] Keys =
    [
        (Wang, "wang.xiaoming", "Advisor", "demo-advisor"),
        (Qian, "qian.duoduo", "Advisor", "a-qian"),
        (Crm, "crm-prod", "Crm", null),
        (Officer, "officer.zhao", "Compliance", null),
        (Content, "content-ops", "Content", null),
    ];

    public static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Advisors:Seed:1:Id"] = "a-qian", ["Advisors:Seed:1:Name"] = "钱多多",
            ["Advisors:Seed:1:RegistrationNumber"] = "S0000000000099", ["Advisors:Seed:1:Firm"] = "示例证券",
        };
        for (var i = 0; i < Keys.Length; i++)
        {
            settings[$"Auth:ApiKeys:{i}:Name"] = Keys[i].Name;
            settings[$"Auth:ApiKeys:{i}:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Keys[i].Key)));
            settings[$"Auth:ApiKeys:{i}:Role"] = Keys[i].Role;
            settings[$"Auth:ApiKeys:{i}:AdvisorId"] = Keys[i].Advisor;
        }
        return settings;
    }

    /// <summary>A client that sends <paramref name="key"/> as a bearer token, as OpenAI clients and most CRMs do.</summary>
    public HttpClient As(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false, extra: Settings());
}
