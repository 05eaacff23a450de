using System.ComponentModel.DataAnnotations;
using Copilot.Api.Auth;

namespace Copilot.UnitTests.Auth;

/// <summary>The key list is checked at start: a mistake there would lock people out or let them in as someone else.</summary>
public sealed class AuthOptionsTests
{
    private const string HashA = "3fc9b689459d738f8c88a3a48aa9e33542016b7a4052e001aaa536fca74813cb";
    private const string HashB = "a3f1c1856774209816fa9cf8e4d26b77c7d4b3c1f7c3677fbac7f162792cdc4c";

    [Fact]
    public void No_keys_means_authentication_is_off()
    {
        Assert.False(new AuthOptions().Enabled);
        Assert.Empty(Errors(new AuthOptions()));
    }

    [Fact]
    public void Two_keys_with_one_hash_or_one_name_are_refused()
    {
        var sameHash = new AuthOptions { ApiKeys = [Key("crm-a", HashA), Key("crm-b", HashA.ToUpperInvariant())] };
        Assert.Contains(Errors(sameHash), e => e.Contains("share one hash"));

        var sameName = new AuthOptions { ApiKeys = [Key("crm", HashA), Key("crm", HashB)] };
        Assert.Contains(Errors(sameName), e => e.Contains("named 'crm'"));
    }

    [Fact]
    public void A_key_given_in_clear_instead_of_its_hash_is_refused()
    {
        Assert.Contains(Errors(new AuthOptions { ApiKeys = [Key("crm", "sk-live-1234")] }), e => e.Contains("KeySha256"));
    }

    [Fact]
    public void A_well_formed_list_passes()
    {
        var options = new AuthOptions
        {
            ApiKeys = [Key("crm", HashA), new ApiKeyOptions { Name = "wang", KeySha256 = HashB, Role = CallerRole.Advisor, AdvisorId = "demo-advisor" }],
        };
        Assert.True(options.Enabled);
        Assert.Empty(Errors(options));
    }

    private static ApiKeyOptions Key(string name, string hash) => new() { Name = name, KeySha256 = hash, Role = CallerRole.Crm };

    private static List<string> Errors(AuthOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
