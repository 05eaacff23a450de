namespace Copilot.Compliance.Text;

/// <summary>Finds quoted passages (“…”, 「…」, "…", '…') so a term that is only mentioned can be told from one that is used.</summary>
internal static class QuoteFinder
{
    private static readonly (char Open, char Close)[] Pairs = [('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』'), ('"', '"')];

    /// <summary>The quoted passages, each including its quotation marks.</summary>
    public static List<TextSpan> Find(string text)
    {
        var quotes = new List<TextSpan>();
        foreach (var (open, close) in Pairs)
        {
            for (var start = text.IndexOf(open); start >= 0 && start < text.Length - 1; start = text.IndexOf(open, start + 1))
            {
                var end = text.IndexOf(close, start + 1);
                if (end < 0) break;
                quotes.Add(new TextSpan(start, end + 1));
                start = end;
            }
        }
        quotes.AddRange(SingleQuoted(text));
        return quotes;
    }

    // ASCII single quotes double as apostrophes ("can't"): an opening quote follows a space or bracket, a closing one
    // is not followed by a letter, and apostrophes between letters are skipped.
    private static IEnumerable<TextSpan> SingleQuoted(string text)
    {
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\'') continue;
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            if (char.IsLetter(before) && char.IsLetter(after)) continue;
            if (open < 0 && (char.IsWhiteSpace(before) || before is '(' or '[') && !char.IsWhiteSpace(after)) open = i;
            else if (open >= 0 && !char.IsLetterOrDigit(after))
            {
                yield return new TextSpan(open, i + 1);
                open = -1;
            }
        }
    }
}
