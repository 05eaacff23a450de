namespace Copilot.Compliance.Text;

/// <summary>
/// A message being checked, in its language: finds the uses of phrases, leaving out those that are negated, only quoted
/// to be disowned ("所谓“保本”", so-called 'guaranteed'), or part of a standard disclaimer. Rules read the normalised
/// text (<see cref="NormalisedText"/>), so 保\u200b本 and 稳 赚 不 赔 are seen for what they say; findings point into the original.
/// </summary>
internal sealed class CheckedText(string text, LanguageProfile profile)
{
    private readonly NormalisedText _normalised = NormalisedText.Create(text);
    private List<TextSpan>? _quotes;
    private List<TextSpan>? _disclaimers;
    private Dictionary<Rules.Concept, IReadOnlyList<TextSpan>>? _concepts;

    /// <summary>The normalised text the rules match on.</summary>
    public string Text => _normalised.Text;

    /// <summary>The text as it was sent.</summary>
    public string Original { get; } = text;

    /// <summary>Where a span of <see cref="Text"/> lies in <see cref="Original"/>.</summary>
    public TextSpan ToOriginal(TextSpan span) => _normalised.ToOriginal(span);

    /// <summary>The original words a span of the normalised text came from, as a reviewer will see them highlighted.</summary>
    public string Quote(TextSpan span)
    {
        var original = ToOriginal(span);
        return Original[original.Start..original.End];
    }

    public LanguageProfile Profile { get; } = profile;

    public string Language => Profile.Key;

    private List<TextSpan> Quotes => _quotes ??= QuoteFinder.Find(Text);

    private List<TextSpan> DisclaimerSpans => _disclaimers ??= Profile.Disclaimers.FindAll(Text);

    /// <summary>Occurrences of the phrases that are asserted; with negatable false, every occurrence counts.</summary>
    public IEnumerable<TextSpan> Uses(PhraseSet phrases, bool negatable = true, PhraseSet? postCues = null)
    {
        foreach (var hit in phrases.FindAll(Text))
        {
            if (negatable && (IsInDisclaimer(hit) || IsQuotedMention(hit) || Profile.IsNegated(Text, hit, postCues) || Profile.IsDebunked(Text, hit))) continue;
            yield return hit;
        }
    }

    /// <summary>Every occurrence of a concept, asserted or not, found once per text however many rules read it.</summary>
    public IReadOnlyList<TextSpan> Hits(Rules.Concept concept)
    {
        _concepts ??= [];
        if (!_concepts.TryGetValue(concept, out var hits)) _concepts[concept] = hits = concept.Phrases.FindAll(Text);
        return hits;
    }

    /// <summary>Whether the phrases occur anywhere, negated or not ("不保本" is itself a risk warning).</summary>
    public bool Contains(PhraseSet phrases) => phrases.IsMatch(Text, 0, Text.Length);

    public bool IsInDisclaimer(TextSpan hit) => DisclaimerSpans.Any(d => d.Overlaps(hit));

    /// <summary>A quoted term in a sentence that also negates or reports it is a mention, not a claim.</summary>
    public bool IsQuotedMention(TextSpan hit)
    {
        foreach (var quote in Quotes)
        {
            if (!quote.Contains(hit)) continue;
            var sentence = Profile.Sentence(Text, quote);
            if (HasCueOutside(sentence.Start, quote.Start) || HasCueOutside(quote.End, sentence.End)) return true;
        }
        return false;
    }

    private bool HasCueOutside(int start, int end) =>
        start < end && (Profile.HasCue(Text, start, end) || Profile.Mention.IsMatch(Text, start, end));
}
