using Copilot.Common;
using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>
/// A structured suitability check over the request's client and products. A finding points at the product's code in the
/// text (0/0 when the text does not name it) and is waived when the text itself declines the product.
/// </summary>
internal abstract class SuitabilityMatcher(PhraseSet declinedBy) : IRuleMatcher
{
    public IEnumerable<RuleHit> Match(CheckContext context)
    {
        if (context.Client is not { } client) return [];
        var hits = new List<RuleHit>();
        foreach (var product in context.Products.Where(p => Violates(client, p)))
        {
            var values = new Dictionary<string, string>();
            Values.AddClient(values, client);
            Values.AddProduct(values, product);
            hits.Add(new RuleHit(SpanOf(context.Text.Text, product.Code), values));
        }
        return hits.Count > 0 && IsDeclined(context.Text) ? [] : hits;
    }

    protected abstract bool Violates(ClientProfile client, ProductRef product);

    private static TextSpan SpanOf(string text, string code)
    {
        var at = string.IsNullOrEmpty(code) ? -1 : text.IndexOf(code, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? new TextSpan(0, 0) : new TextSpan(at, at + code.Length);
    }

    // "这款不适合您" declines; "不适合您，但您坚持的话也可以买" does not: a contrast after the refusal reopens it.
    private bool IsDeclined(CheckedText text)
    {
        foreach (var refusal in declinedBy.FindAll(text.Text))
        {
            var sentence = text.Profile.Sentence(text.Text, refusal);
            if (!text.Profile.Contrast.IsMatch(text.Text, refusal.End, sentence.End)) return true;
        }
        return false;
    }
}

/// <summary>Cn may hold up to Rn; C1 only R1.</summary>
internal sealed class ProductAboveClientClassMatcher(PhraseSet declinedBy) : SuitabilityMatcher(declinedBy)
{
    protected override bool Violates(ClientProfile client, ProductRef product) =>
        (RiskLevels.Level(product.RiskLevel) ?? 0) > (RiskLevels.Level(client.RiskClass) ?? 0);
}

/// <summary>The lowest risk-tolerance category may hold R1 only, whatever they ask for.</summary>
internal sealed class LowestClassAboveR1Matcher(PhraseSet declinedBy) : SuitabilityMatcher(declinedBy)
{
    protected override bool Violates(ClientProfile client, ProductRef product) =>
        client.LowestClass == true && (RiskLevels.Level(product.RiskLevel) ?? 0) > 1;
}

/// <summary>Money locked up longer than the client can leave it.</summary>
internal sealed class LockupBeyondHorizonMatcher(PhraseSet declinedBy) : SuitabilityMatcher(declinedBy)
{
    protected override bool Violates(ClientProfile client, ProductRef product) =>
        client.HorizonMonths is { } horizon && product.LockupMonths is { } lockup && lockup > horizon;
}
