using System.Globalization;
using System.Text.RegularExpressions;
using Copilot.Common;

namespace Copilot.Knowledge;

/// <summary>Builds validated metadata from loose fields (form fields, JSON, front matter), naming every bad field.</summary>
public static partial class DocumentMetadataParser
{
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._-]{0,127}$")]
    private static partial Regex DocumentId();

    [GeneratedRegex("^R[1-5]$")]
    private static partial Regex RiskLevel();

    public static bool IsValidId(string id) => DocumentId().IsMatch(id);

    /// <param name="fields">Case-insensitive field values; empty values count as absent.</param>
    /// <param name="fallbackTitle">Used when no title field is given (e.g. the document's first heading).</param>
    /// <param name="limits">Field lengths and the number of product codes; the defaults when omitted.</param>
    public static DocumentMetadata Parse(IReadOnlyDictionary<string, string?> fields, string? fallbackTitle, string text, InputLimitsOptions? limits = null)
    {
        limits ??= new InputLimitsOptions();
        var errors = new Dictionary<string, string[]>();
        string? Get(string key) => fields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        void Fail(string key, string reason) => errors[key] = [reason];

        var id = Get("id") ?? $"doc-{Guid.NewGuid():N}"[..16];
        if (!IsValidId(id)) Fail("id", "Use 1–128 letters (any script), digits, '.', '_' or '-', starting with a letter or digit.");

        var title = Get("title") ?? fallbackTitle;
        if (title is null) Fail("title", "A title is required.");
        foreach (var key in new[] { "title", "publisher", "language" })
            if ((key == "title" ? title : Get(key)) is { } value && value.Length > limits.MetadataChars)
                Fail(key, $"Up to {limits.MetadataChars} characters.");

        DocumentType type = default;
        if (Get("type") is not { } typeText) Fail("type", "A type is required: research, compliance, product or faq.");
        else if (!EnumText.TryParse(typeText, out type))
            Fail("type", "Unknown type; use research, compliance, product or faq.");

        var audience = Audience.Internal;
        if (Get("audience") is { } audienceText && !EnumText.TryParse(audienceText, out audience))
            Fail("audience", "Unknown audience; use internal or client.");

        var riskLevel = Get("riskLevel")?.ToUpperInvariant();
        if (riskLevel is not null && !RiskLevel().IsMatch(riskLevel)) Fail("riskLevel", "Use R1, R2, R3, R4 or R5.");

        int? lockup = null;
        if (Get("lockupMonths") is { } lockupText)
        {
            if (int.TryParse(lockupText, out var months) && months is >= 0 and <= 600) lockup = months;
            else Fail("lockupMonths", "Use a whole number of months between 0 and 600.");
        }

        var published = ParseDate(Get("published"), "published", Fail);
        var validUntil = ParseDate(Get("validUntil"), "validUntil", Fail);
        if (published is { } from && validUntil is { } until && until < from)
            Fail("validUntil", "validUntil is before published.");

        var productCodes = (Get("productCodes") ?? "").Split([',', ';', '，', '；', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (productCodes.Count > limits.ProductCodes) Fail("productCodes", $"Up to {limits.ProductCodes} product codes.");
        else if (productCodes.Any(c => c.Length > limits.MetadataChars)) Fail("productCodes", $"Each code up to {limits.MetadataChars} characters.");

        if (errors.Count > 0) throw new InputValidationException(errors);
        return new DocumentMetadata
        {
            Id = id,
            Title = title!,
            Type = type,
            Publisher = Get("publisher"),
            Published = published,
            ValidUntil = validUntil,
            ProductCodes = productCodes,
            RiskLevel = riskLevel,
            LockupMonths = lockup,
            Audience = audience,
            Language = Get("language") ?? LanguageDetector.Detect(text),
        };
    }

    private static DateOnly? ParseDate(string? text, string field, Action<string, string> fail)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        fail(field, "Not a date; use yyyy-MM-dd.");
        return null;
    }
}
