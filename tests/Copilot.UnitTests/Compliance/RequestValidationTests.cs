using Copilot.Common;
using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>Bad requests are rejected naming the field, before any rule runs.</summary>
public sealed class RequestValidationTests
{
    [Theory]
    [InlineData("", null, null, null, null, null, "text")]
    [InlineData("   ", null, null, null, null, null, "text")]
    [InlineData("ok", "fr", null, null, null, null, "language")]
    [InlineData("ok", null, "fax", null, null, null, "channel")]
    [InlineData("ok", null, null, "C6", null, null, "client.riskClass")]
    [InlineData("ok", null, null, "R3", null, null, "client.riskClass")]
    [InlineData("ok", null, null, "C3", -1, null, "client.horizonMonths")]
    [InlineData("ok", null, null, null, null, "R0", "products[0].riskLevel")]
    [InlineData("ok", null, null, null, null, "C2", "products[0].riskLevel")]
    public void A_bad_field_is_named(string text, string? language, string? channel, string? riskClass, int? horizon, string? riskLevel, string field)
    {
        var request = new ComplianceCheckRequest(text, language, channel,
            riskClass is null ? null : new ClientProfile(riskClass, horizon),
            riskLevel is null ? null : [new ProductRef("ES1001", riskLevel)]);

        var error = Assert.Throws<InputValidationException>(() => ComplianceRequestValidator.Validate(request, 10_000));

        Assert.Contains(field, error.Errors.Keys);
    }

    [Fact]
    public void Over_long_text_negative_lock_ups_and_empty_codes_are_named_too()
    {
        var request = new ComplianceCheckRequest(new string('字', 10_001), null, null, null,
            [new ProductRef("ES1001", "R1"), new ProductRef(" ", "R2", -3)]);

        var error = Assert.Throws<InputValidationException>(() => ComplianceRequestValidator.Validate(request, 10_000));

        Assert.Equal(["products[1].code", "products[1].lockupMonths", "text"], error.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("zh", "zh")]
    [InlineData("zh-CN", "zh")]
    [InlineData("EN-us", "en")]
    [InlineData("ja", null)]
    public void Languages_map_to_the_rule_languages(string given, string? key)
    {
        Assert.Equal(key, ComplianceRequestValidator.LanguageKey(given));
    }

    [Fact]
    public void A_valid_request_with_lower_case_classes_passes()
    {
        ComplianceRequestValidator.Validate(new ComplianceCheckRequest("您好", "zh-CN", "WeChat", new ClientProfile("c3", 12, true), [new ProductRef("ES3001", "r3", 0)]), 10_000);
    }
}
