using Copilot.Compliance.Rules;

namespace Copilot.Compliance.Text;

/// <summary>
/// How one language marks negation and clause ends. A term is negated when a cue (不, 无法, not, never) stands before it
/// in the same clause and within the window, unless that cue belongs to a pseudo-negation (不用担心, don't miss); or when
/// a post-negation cue (不可能, is not guaranteed) follows it in the same clause.
/// </summary>
internal sealed class LanguageProfile
{
    // How far around the window to look for a pseudo-negation that swallows a cue ("毫不" where "毫" is outside it).
    private const int PseudoMargin = 8;

    private readonly bool _words;
    private readonly int _window;
    private readonly string[] _clauseBreaks;
    private readonly string[] _sentenceBreaks;

    private LanguageProfile(string key, bool words, int window, string[] clauseBreaks, string[] sentenceBreaks,
        PhraseSet cues, PhraseSet pseudo, PhraseSet post, PhraseSet mention, PhraseSet contrast, PhraseSet disclaimers,
        PhraseSet debunk, PhraseSet answerNo)
    {
        Debunk = debunk;
        AnswerNo = answerNo;
        Key = key;
        _words = words;
        _window = window;
        _clauseBreaks = clauseBreaks;
        _sentenceBreaks = sentenceBreaks;
        Cues = cues;
        Pseudo = pseudo;
        Post = post;
        Mention = mention;
        Contrast = contrast;
        Disclaimers = disclaimers;
    }

    public string Key { get; }
    public PhraseSet Cues { get; }
    public PhraseSet Pseudo { get; }
    public PhraseSet Post { get; }
    public PhraseSet Mention { get; }
    public PhraseSet Contrast { get; }
    public PhraseSet Disclaimers { get; }

    /// <summary>Words that call a claim false or a scam (那是假的, 别信, that's not true, is a red flag).</summary>
    public PhraseSet Debunk { get; }

    /// <summary>The start of a "no" answer to a question (不是, 没有, Honestly, no).</summary>
    public PhraseSet AnswerNo { get; }

    public static LanguageProfile Create(string key, LanguageDefinition definition, string where)
    {
        var words = definition.WindowUnit switch
        {
            "chars" => false,
            "words" => true,
            _ => throw new ComplianceRulesException($"{where}: windowUnit must be \"chars\" or \"words\", not \"{definition.WindowUnit}\"."),
        };
        if (definition.NegationWindow is < 1 or > 50)
            throw new ComplianceRulesException($"{where}: negationWindow must be between 1 and 50.");
        if (definition.NegationCues is not { Count: > 0 })
            throw new ComplianceRulesException($"{where}: negationCues must list at least one cue.");
        if (definition.ClauseBreaks is not { Count: > 0 } || definition.SentenceBreaks is not { Count: > 0 })
            throw new ComplianceRulesException($"{where}: clauseBreaks and sentenceBreaks must not be empty.");
        try
        {
            return new LanguageProfile(key, words, definition.NegationWindow,
                [.. definition.ClauseBreaks.Where(b => b.Length > 0)], [.. definition.SentenceBreaks.Where(b => b.Length > 0)],
                PhraseSet.Create(definition.NegationCues, null), PhraseSet.Create(definition.PseudoNegations, null),
                PhraseSet.Create(definition.PostNegationCues, null), PhraseSet.Create(definition.MentionCues, null),
                PhraseSet.Create(definition.ContrastCues, null), PhraseSet.Create(null, definition.Disclaimers),
                PhraseSet.Create(null, definition.DebunkCues), PhraseSet.Create(null, (definition.AnswerNo ?? []).Select(a => $"^\\s*(?:{a})")));
        }
        catch (ArgumentException e)
        {
            throw new ComplianceRulesException($"{where}: a disclaimer pattern does not compile: {e.Message}", e);
        }
    }

    /// <summary>True when a negation cue governs the hit, before or after it, in its clause.</summary>
    public bool IsNegated(string text, TextSpan hit, PhraseSet? extraPostCues = null)
    {
        var before = ClauseStart(text, hit.Start, WindowStart(text, hit.Start));
        if (HasCue(text, before, hit.Start)) return true;
        var after = ClauseEnd(text, hit.End, WindowEnd(text, hit.End));
        return Post.IsMatch(text, hit.End, after) || (extraPostCues?.IsMatch(text, hit.End, after) ?? false);
    }

    /// <summary>A negation cue in [start, end) that is not part of a pseudo-negation.</summary>
    public bool HasCue(string text, int start, int end)
    {
        if (start >= end || !Cues.IsMatch(text, start, end)) return false;
        List<TextSpan>? pseudo = null;
        foreach (var cue in Cues.FindAll(text, start, end))
        {
            pseudo ??= Pseudo.FindAll(text, Math.Max(0, start - PseudoMargin), Math.Min(text.Length, end + PseudoMargin));
            if (!pseudo.Any(p => p.Contains(cue))) return true;
        }
        return false;
    }

    /// <summary>
    /// How far apart two non-overlapping spans are: characters between them for zh, words between them for en;
    /// <see cref="int.MaxValue"/> when they overlap.
    /// </summary>
    public int Gap(string text, TextSpan a, TextSpan b)
    {
        if (a.Overlaps(b)) return int.MaxValue;
        var (from, to) = a.End <= b.Start ? (a.End, b.Start) : (b.End, a.Start);
        if (!_words) return to - from;
        var words = 0;
        for (var i = from; i < to; i++)
            if (!char.IsWhiteSpace(text[i]) && (i == from || char.IsWhiteSpace(text[i - 1]))) words++;
        return words;
    }

    /// <summary>Whether a sentence ends inside [start, end); the point of a title (Mr. Li, Mrs. Zhou, Dr. Wu) does not end one.</summary>
    public bool HasSentenceBreak(string text, int start, int end)
    {
        foreach (var mark in _sentenceBreaks)
            for (var i = start >= end ? -1 : text.IndexOf(mark, start, end - start, StringComparison.Ordinal);
                 i >= 0 && i + mark.Length <= end;
                 i = i + 1 >= end ? -1 : text.IndexOf(mark, i + 1, end - i - 1, StringComparison.Ordinal))
                if (!(mark[0] == '.' && IsTitle(text, i))) return true;
        return false;
    }

    // A capitalised word of at most three letters before the point: Mr, Mrs, Ms, Dr, St.
    private static bool IsTitle(string text, int point)
    {
        var i = point;
        while (i > 0 && char.IsAsciiLetter(text[i - 1])) i--;
        var length = point - i;
        return length is >= 2 and <= 3 && char.IsAsciiLetterUpper(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));
    }

    /// <summary>Whether a clause ends inside [start, end); a point or comma between digits (5.8%, 3,000) does not end one.</summary>
    public bool HasClauseBreak(string text, int start, int end)
    {
        if (start >= end) return false;
        List<TextSpan>? pseudo = null;
        foreach (var mark in _clauseBreaks)
        {
            for (var i = text.IndexOf(mark, start, end - start, StringComparison.OrdinalIgnoreCase);
                 i >= 0 && i + mark.Length <= end;
                 i = i + 1 >= end ? -1 : text.IndexOf(mark, i + 1, end - i - 1, StringComparison.OrdinalIgnoreCase))
            {
                if (mark is "." or "," && i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])) continue;
                pseudo ??= Pseudo.FindAll(text, Math.Max(0, start - PseudoMargin), Math.Min(text.Length, end + PseudoMargin));
                if (IsInside(pseudo, i, mark.Length)) continue;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A claim reported only to be knocked down: its sentence or the next one calls it false (有人说保本，那是假的;
    /// 'guaranteed'? That's not true), or it is asked in a question the text answers no (Is it risk-free? No.).
    /// </summary>
    public bool IsDebunked(string text, TextSpan hit)
    {
        if (Debunk.IsEmpty && AnswerNo.IsEmpty) return false;
        var sentence = Sentence(text, hit);
        var next = sentence.End < text.Length ? Sentence(text, new TextSpan(sentence.End, sentence.End)) : sentence;
        if (Debunk.IsMatch(text, sentence.Start, Math.Max(sentence.End, next.End))) return true;
        var last = sentence.End - 1;
        while (last > sentence.Start && char.IsWhiteSpace(text[last])) last--;
        return text[last] is '?' or '？' && AnswerNo.IsMatch(text, sentence.End, Math.Min(text.Length, sentence.End + 24));
    }

    /// <summary>The sentence around a span.</summary>
    public TextSpan Sentence(string text, TextSpan span)
    {
        var start = 0;
        foreach (var mark in _sentenceBreaks)
        {
            var i = span.Start == 0 ? -1 : text.LastIndexOf(mark, span.Start - 1, span.Start, StringComparison.Ordinal);
            if (i >= 0) start = Math.Max(start, i + mark.Length);
        }
        var end = text.Length;
        foreach (var mark in _sentenceBreaks)
        {
            var i = text.IndexOf(mark, span.End, StringComparison.Ordinal);
            if (i >= 0) end = Math.Min(end, i + 1);
        }
        return new TextSpan(Math.Min(start, span.Start), Math.Max(end, span.End));
    }

    private int WindowStart(string text, int position)
    {
        if (!_words) return Math.Max(0, position - _window);
        var i = position;
        for (var word = 0; word < _window && i > 0; word++)
        {
            while (i > 0 && char.IsWhiteSpace(text[i - 1])) i--;
            while (i > 0 && !char.IsWhiteSpace(text[i - 1])) i--;
        }
        return i;
    }

    private int WindowEnd(string text, int position)
    {
        if (!_words) return Math.Min(text.Length, position + _window);
        var i = position;
        for (var word = 0; word < _window && i < text.Length; word++)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        }
        return i;
    }

    // A break inside a pseudo-negation is not a break: the 但 of 不但 ("not only") does not end a clause.
    private int ClauseStart(string text, int position, int floor)
    {
        if (position <= floor) return floor;
        var start = floor;
        List<TextSpan>? pseudo = null;
        foreach (var mark in _clauseBreaks)
        {
            for (var i = text.LastIndexOf(mark, position - 1, position - floor, StringComparison.OrdinalIgnoreCase);
                 i >= floor && i + mark.Length <= position;
                 i = i == 0 ? -1 : text.LastIndexOf(mark, i - 1, i - floor, StringComparison.OrdinalIgnoreCase))
            {
                pseudo ??= Pseudo.FindAll(text, Math.Max(0, floor - PseudoMargin), Math.Min(text.Length, position + PseudoMargin));
                if (IsInside(pseudo, i, mark.Length)) { if (i == floor) break; continue; }
                start = Math.Max(start, i + mark.Length);
                break;
            }
        }
        return start;
    }

    private int ClauseEnd(string text, int position, int ceiling)
    {
        if (position >= ceiling) return ceiling;
        var end = ceiling;
        List<TextSpan>? pseudo = null;
        foreach (var mark in _clauseBreaks)
        {
            for (var i = text.IndexOf(mark, position, ceiling - position, StringComparison.OrdinalIgnoreCase);
                 i >= 0;
                 i = i + 1 >= ceiling ? -1 : text.IndexOf(mark, i + 1, ceiling - i - 1, StringComparison.OrdinalIgnoreCase))
            {
                pseudo ??= Pseudo.FindAll(text, Math.Max(0, position - PseudoMargin), Math.Min(text.Length, ceiling + PseudoMargin));
                if (IsInside(pseudo, i, mark.Length)) continue;
                end = Math.Min(end, i);
                break;
            }
        }
        return end;
    }

    private static bool IsInside(List<TextSpan> pseudo, int start, int length) =>
        pseudo.Count > 0 && pseudo.Any(p => p.Contains(new TextSpan(start, start + length)));
}
