using Copilot.Common;
using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>What a rule looks at: the text in its language, and the client and products when the request has them.</summary>
internal sealed record CheckContext(CheckedText Text, ClientProfile? Client, IReadOnlyList<ProductRef> Products);

/// <summary>Where a rule matched, and the values its message names ({match}, {product}, ...).</summary>
internal sealed record RuleHit(TextSpan Span, IReadOnlyDictionary<string, string> Values);

/// <summary>A group of phrases that must occur somewhere in the text (a risk warning, the advisor's identity).</summary>
internal sealed record RequirementGroup(string Name, PhraseSet Phrases);

/// <summary>One way a rule can match.</summary>
internal interface IRuleMatcher
{
    IEnumerable<RuleHit> Match(CheckContext context);
}

/// <summary>A matcher with its own reviewer message, for a rule whose checks need different explanations.</summary>
internal sealed record MatcherWithMessage(IRuleMatcher Matcher, IReadOnlyDictionary<string, string>? Messages);

/// <summary>
/// Lexicon terms and patterns (kind "text"). With requirement groups, a trigger is only a violation when at least one group
/// is missing from the whole text (advice without a risk warning); such rules report their first trigger only. A trigger
/// that is, as a whole, one of the allowed phrases (the firm's own website or hotline) is not reported.
/// </summary>
internal sealed class TextRuleMatcher(
    PhraseSet triggers, bool negatable, bool firstOnly, IReadOnlyList<RequirementGroup> unless, PhraseSet postCues, PhraseSet? allow = null)
    : IRuleMatcher
{
    public IEnumerable<RuleHit> Match(CheckContext context)
    {
        var satisfied = (bool?)null;
        foreach (var span in context.Text.Uses(triggers, negatable, postCues))
        {
            if (allow is not null && allow.IsMatch(context.Text.Text, span.Start, span.End)) continue;
            satisfied ??= unless.Count > 0 && unless.All(group => context.Text.Contains(group.Phrases));
            if (satisfied == true) yield break;
            yield return new RuleHit(span, Values.Match(context.Text, span));
            if (firstOnly) yield break;
        }
    }
}

/// <summary>A high-risk product (R4/R5 in the request, or named in the text) pitched without any specific risk.</summary>
internal sealed class HighRiskWithoutSpecificRisksMatcher(int minLevel, PhraseSet levelMentions, PhraseSet pitch, IReadOnlyList<RequirementGroup> unless)
    : IRuleMatcher
{
    public IEnumerable<RuleHit> Match(CheckContext context)
    {
        var product = context.Products.FirstOrDefault(p => (RiskLevels.Level(p.RiskLevel) ?? 0) >= minLevel);
        if (product is null && !context.Text.Uses(levelMentions, negatable: false).Any()) yield break;
        if (unless.Count > 0 && unless.All(group => context.Text.Contains(group.Phrases))) yield break;
        foreach (var span in context.Text.Uses(pitch))
        {
            var values = new Dictionary<string, string>(Values.Match(context.Text, span));
            if (product is not null) Values.AddProduct(values, product);
            yield return new RuleHit(span, values);
            yield break;
        }
    }
}

/// <summary>The values a rule message can name.</summary>
internal static class Values
{
    public static IReadOnlyDictionary<string, string> Match(CheckedText text, TextSpan span) =>
        new Dictionary<string, string> { ["match"] = text.Quote(span) };

    public static void AddProduct(Dictionary<string, string> values, ProductRef product)
    {
        values["product"] = product.Code;
        values["riskLevel"] = product.RiskLevel.ToUpperInvariant();
        if (product.LockupMonths is { } lockup) values["lockupMonths"] = lockup.ToString();
    }

    public static void AddClient(Dictionary<string, string> values, ClientProfile client)
    {
        values["riskClass"] = client.RiskClass.ToUpperInvariant();
        if (client.HorizonMonths is { } horizon) values["horizonMonths"] = horizon.ToString();
    }
}
