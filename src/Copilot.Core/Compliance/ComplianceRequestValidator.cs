using Copilot.Common;

namespace Copilot.Compliance;

/// <summary>Rejects a check request that cannot be judged, naming the field (client.riskClass, products[1].riskLevel, ...).</summary>
public static class ComplianceRequestValidator
{
    public static readonly IReadOnlyList<string> Channels = ["wechat", "sms", "email"];

    /// <exception cref="InputValidationException">One or more fields are invalid.</exception>
    public static void Validate(ComplianceCheckRequest request, int maxTextLength)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string reason) => errors[field] = [reason];

        if (string.IsNullOrWhiteSpace(request.Text)) Fail("text", "The text to check must not be empty.");
        else if (request.Text.Length > maxTextLength) Fail("text", $"The text is longer than {maxTextLength:N0} characters.");
        if (request.Language is { } language && LanguageKey(language) is null)
            Fail("language", "Use zh, zh-CN or en, or leave it out to detect the language.");
        if (request.Channel is { } channel && !Channels.Contains(channel.ToLowerInvariant()))
            Fail("channel", $"Use one of: {string.Join(", ", Channels)}.");
        if (request.Client is { } client)
        {
            if (!IsScale(client.RiskClass, 'C')) Fail("client.riskClass", "Use C1 to C5.");
            if (client.HorizonMonths is < 0) Fail("client.horizonMonths", "Months must not be negative.");
        }
        for (var i = 0; i < (request.Products?.Count ?? 0); i++)
        {
            var product = request.Products![i];
            if (product is null) { Fail($"products[{i}]", "A product must not be null."); continue; }
            if (string.IsNullOrWhiteSpace(product.Code)) Fail($"products[{i}].code", "The product code must not be empty.");
            if (!IsScale(product.RiskLevel, 'R')) Fail($"products[{i}].riskLevel", "Use R1 to R5.");
            if (product.LockupMonths is < 0) Fail($"products[{i}].lockupMonths", "Months must not be negative.");
        }
        if (errors.Count > 0) throw new InputValidationException(errors);
    }

    /// <summary>"zh" for zh / zh-CN / zh-Hans..., "en" for en / en-US...; null for anything else.</summary>
    public static string? LanguageKey(string language)
    {
        var trimmed = language.Trim();
        if (trimmed.Equals("zh", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)) return "zh";
        if (trimmed.Equals("en", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("en-", StringComparison.OrdinalIgnoreCase)) return "en";
        return null;
    }

    private static bool IsScale(string? value, char letter) =>
        value is { Length: 2 } && char.ToUpperInvariant(value[0]) == letter && value[1] is >= '1' and <= '5';
}
