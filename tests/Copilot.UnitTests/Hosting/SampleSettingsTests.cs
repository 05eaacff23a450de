using System.ComponentModel.DataAnnotations;
using Copilot.Advisors;
using Copilot.Api.Auth;
using Copilot.Api.Hosting;
using Copilot.Chat;
using Copilot.Common;
using Copilot.Compliance;
using Copilot.Knowledge;
using Copilot.Knowledge.Extraction;
using Copilot.Knowledge.Index.Qdrant;
using Copilot.Llm;
using Copilot.Privacy;
using Copilot.Storage;
using Microsoft.Extensions.Configuration;

namespace Copilot.UnitTests.Hosting;

/// <summary>
/// appsettings.sample.json is what operators copy: every key in it must be one the service reads (a typo would be
/// silently ignored in production), and every section must pass the same validation the service runs at start.
/// </summary>
public sealed class SampleSettingsTests
{
    private static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "appsettings.sample.json"), optional: false)
        .Build();

    public static TheoryData<string, Type> Sections => new()
    {
        { StorageOptions.Section, typeof(StorageOptions) },
        { LlmOptions.Section, typeof(LlmOptions) },
        { KnowledgeOptions.Section, typeof(KnowledgeOptions) },
        { QdrantOptions.Section, typeof(QdrantOptions) },
        { ChatAnswerOptions.Section, typeof(ChatAnswerOptions) },
        { ComplianceOptions.Section, typeof(ComplianceOptions) },
        { AdvisorOptions.Section, typeof(AdvisorOptions) },
        { AuthOptions.Section, typeof(AuthOptions) },
        { InputLimitsOptions.Section, typeof(InputLimitsOptions) },
        { ExtractionOptions.Section, typeof(ExtractionOptions) },
        { PrivacyOptions.Section, typeof(PrivacyOptions) },
        { RateLimitOptions.Section, typeof(RateLimitOptions) },
        { HttpSecurityOptions.Section, typeof(HttpSecurityOptions) },
        { Copilot.Clients.ClientOptions.Section, typeof(Copilot.Clients.ClientOptions) },
        { Copilot.Outcomes.OutcomeOptions.Section, typeof(Copilot.Outcomes.OutcomeOptions) },
        { Copilot.Campaigns.CampaignOptions.Section, typeof(Copilot.Campaigns.CampaignOptions) },
    };

    [Theory, MemberData(nameof(Sections))]
    public void Every_key_is_read_and_the_section_is_valid(string section, Type options)
    {
        Assert.True(Sample.GetSection(section).Exists(), $"The sample has no {section} section.");
        var value = Sample.GetSection(section).Get(options, binder => binder.ErrorOnUnknownConfiguration = true)!;
        var errors = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(value, new ValidationContext(value), errors, validateAllProperties: true),
            string.Join("; ", errors.Select(e => e.ErrorMessage)));
    }

    [Fact]
    public void Only_known_sections_and_no_secrets()
    {
        var known = Sections.Select(row => (string)row[0]).Concat(["Urls", "AllowedHosts", "Serilog"]);
        Assert.Empty(Sample.GetChildren().Select(c => c.Key).Except(known));
        Assert.Null(Sample["Llm:ApiKey"]);
        Assert.Null(Sample["Qdrant:ApiKey"]);
    }
}
