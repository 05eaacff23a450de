using System.Globalization;
using Copilot.Common;
using Copilot.Knowledge;

namespace Copilot.Api.Knowledge;

/// <summary>Filter fields as clients send them; every field is optional.</summary>
public sealed record KnowledgeFilterFields(string? Type = null, string? Audience = null, string? ProductCode = null, string? ValidOn = null, bool IncludeExpired = false);

/// <summary>Turns filter fields into a <see cref="KnowledgeFilter"/>, naming any field it cannot read.</summary>
public static class KnowledgeFilterParser
{
    /// <param name="prefix">Prepended to field names in errors, e.g. "filters." for a nested object.</param>
    /// <param name="today">Expired documents are left out unless the caller includes them or picks another day.</param>
    public static KnowledgeFilter Parse(KnowledgeFilterFields? fields, DateOnly today, string prefix = "")
    {
        fields ??= new KnowledgeFilterFields();
        var errors = new Dictionary<string, string[]>();

        DocumentType? type = null;
        if (!string.IsNullOrWhiteSpace(fields.Type))
        {
            if (EnumText.TryParse<DocumentType>(fields.Type, out var t)) type = t;
            else errors[prefix + "type"] = ["Unknown type; use research, compliance, product or faq."];
        }
        Audience? audience = null;
        if (!string.IsNullOrWhiteSpace(fields.Audience))
        {
            if (EnumText.TryParse<Audience>(fields.Audience, out var a)) audience = a;
            else errors[prefix + "audience"] = ["Unknown audience; use internal or client."];
        }
        DateOnly? validOn = fields.IncludeExpired ? null : today;
        if (!string.IsNullOrWhiteSpace(fields.ValidOn))
        {
            if (DateOnly.TryParseExact(fields.ValidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) validOn = day;
            else errors[prefix + "validOn"] = ["Not a date; use yyyy-MM-dd."];
        }
        if (errors.Count > 0) throw new InputValidationException(errors);
        return new KnowledgeFilter(type, audience, string.IsNullOrWhiteSpace(fields.ProductCode) ? null : fields.ProductCode.Trim(), validOn);
    }

}
