using System.Globalization;
using System.Text;

namespace Copilot.Compliance.Text;

/// <summary>
/// A message as the rules read it, with a map back to the original: NFKC (full-width letters and digits, ideographic
/// spaces), invisible format characters dropped (zero-width spaces and joiners, word joiner, BOM, soft hyphen, bidi
/// controls), spaces and joiner punctuation between Chinese characters removed (保　本, 保-本, 保.本, 稳 赚 不 赔), and
/// spaced-out Latin letters joined (g u a r a n t e e d). Punctuation keeps its full-width form, which the rules are written for.
/// </summary>
internal sealed class NormalisedText
{
    // At most this many separators between two Chinese characters are a trick rather than layout.
    private const int MaxGap = 3;
    private const int MinSpelledLetters = 4;

    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int _originalLength;

    private NormalisedText(string text, int[] starts, int[] ends, int originalLength)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _originalLength = originalLength;
    }

    public string Text { get; }

    public static NormalisedText Create(string original)
    {
        var chars = new List<(char C, int Start, int End)>(original.Length);
        var elements = StringInfo.GetTextElementEnumerator(original);
        while (elements.MoveNext())
        {
            var (start, element) = (elements.ElementIndex, (string)elements.Current);
            foreach (var c in Fold(element)) chars.Add((c, start, start + element.Length));
        }
        chars = JoinSpelledLetters(CloseGapsBetweenHan(chars));
        return new NormalisedText(new string(chars.Select(c => c.C).ToArray()),
            chars.Select(c => c.Start).ToArray(), chars.Select(c => c.End).ToArray(), original.Length);
    }

    /// <summary>The original range a range of the normalised text came from.</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        if (span.End <= span.Start) return new TextSpan(Point(span.Start), Point(span.Start));
        return new TextSpan(_starts[span.Start], _ends[span.End - 1]);
    }

    private int Point(int index) => index <= 0 ? 0 : index >= _starts.Length ? _originalLength : _starts[index];

    private static string Fold(string element)
    {
        var visible = new StringBuilder(element.Length);
        foreach (var rune in element.EnumerateRunes())
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format) visible.Append(rune.ToString());
        var text = visible.ToString();
        if (text.Length == 0 || IsPunctuation(text[0])) return text;
        return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
    }

    private static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    // Characters that split words visually without meaning anything between two Chinese characters. Sentence and
    // clause punctuation (，。、：) is not among them: negation reads clauses.
    private static bool IsSeparator(char c) => c is not ('\n' or '\r') && char.IsWhiteSpace(c)
        || c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' or '﹣' or '－' or '.' or '．' or '·' or '•' or '‧' or '・'
            or '_' or '＿' or '*' or '＊' or '~' or '～' or '^' or '`' or '|' or '/' or '\\' or '+' or '#';

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    private static List<(char C, int Start, int End)> CloseGapsBetweenHan(List<(char C, int Start, int End)> chars)
    {
        var kept = new List<(char, int, int)>(chars.Count);
        for (var i = 0; i < chars.Count; i++)
        {
            if (IsSeparator(chars[i].C) && kept.Count > 0 && IsHan(kept[^1].Item1))
            {
                var next = i;
                while (next < chars.Count && IsSeparator(chars[next].C)) next++;
                if (next - i <= MaxGap && next < chars.Count && IsHan(chars[next].C))
                {
                    i = next - 1;
                    continue;
                }
            }
            kept.Add(chars[i]);
        }
        return kept;
    }

    // "g u a r a n t e e d": four or more single letters, each followed by one separator, become one word.
    private static List<(char C, int Start, int End)> JoinSpelledLetters(List<(char C, int Start, int End)> chars)
    {
        var kept = new List<(char, int, int)>(chars.Count);
        var i = 0;
        while (i < chars.Count)
        {
            var (letters, j, end) = (0, i, i);
            if (i == 0 || !char.IsAsciiLetter(chars[i - 1].C))
                while (j < chars.Count && char.IsAsciiLetter(chars[j].C) && (j + 1 >= chars.Count || !char.IsAsciiLetter(chars[j + 1].C)))
                {
                    letters++;
                    end = j + 1;
                    if (j + 2 < chars.Count && IsSeparator(chars[j + 1].C) && char.IsAsciiLetter(chars[j + 2].C)) j += 2;
                    else break;
                }
            // "a g u a r a n t e e d return": the article before a spelled-out word stays a word of its own.
            if (letters > MinSpelledLetters && chars[i].C is 'a' or 'A' or 'I')
            {
                kept.Add(chars[i]);
                kept.Add(chars[i + 1]);
                i += 2;
                letters--;
            }
            if (letters >= MinSpelledLetters)
            {
                for (var k = i; k < end; k++) if (char.IsAsciiLetter(chars[k].C)) kept.Add(chars[k]);
                i = end;
                continue;
            }
            kept.Add(chars[i]);
            i++;
        }
        return kept;
    }
}
