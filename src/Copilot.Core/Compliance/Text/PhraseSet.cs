using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Compliance.Text;

/// <summary>Literal terms and regular expressions compiled into one case-insensitive regex; finds every occurrence.</summary>
internal sealed class PhraseSet
{
    // The timeout guards against runaway backtracking, not slow machines: it is wall-clock time, and the first match
    // of a compiled regex includes its JIT, which took over a second on a loaded two-core host (load average 18).
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Regex? _regex;

    private PhraseSet(Regex? regex) => _regex = regex;

    public static PhraseSet Empty { get; } = new(null);

    public bool IsEmpty => _regex is null;

    /// <summary>Compiles terms (matched literally, whole words when they start or end with a Latin letter) and patterns.</summary>
    /// <exception cref="ArgumentException">A pattern is not a valid regular expression.</exception>
    public static PhraseSet Create(IEnumerable<string>? terms, IEnumerable<string>? patterns)
    {
        var parts = new List<string>();
        // Longer terms first, so "稳赚不赔" is reported whole rather than as "稳赚".
        foreach (var term in (terms ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).OrderByDescending(t => t.Length))
            parts.Add(LiteralPattern(term));
        foreach (var pattern in (patterns ?? []).Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            _ = new Regex(pattern, RegexOptions.None, Timeout); // throws ArgumentException naming the problem
            parts.Add(pattern);
        }
        if (parts.Count == 0) return Empty;
        var alternation = string.Join('|', parts.Select(p => $"(?:{p})"));
        var regex = new Regex(alternation, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
        // The first match JIT-compiles the regex: do it while the rules load, not inside a client's check and its timeout.
        regex.IsMatch("预热 warm-up");
        return new PhraseSet(regex);
    }

    /// <summary>Every occurrence in the text, found without a Match object per hit (the checker runs on every draft).</summary>
    public List<TextSpan> FindAll(string text) => FindAll(text, 0, text.Length);

    /// <summary>Occurrences inside [start, end) of the text.</summary>
    public List<TextSpan> FindAll(string text, int start, int end)
    {
        var spans = new List<TextSpan>();
        if (_regex is null || start >= end) return spans;
        foreach (var m in _regex.EnumerateMatches(text.AsSpan(start, end - start)))
            if (m.Length > 0) spans.Add(new TextSpan(start + m.Index, start + m.Index + m.Length));
        return spans;
    }

    public bool IsMatch(string text, int start, int end) =>
        _regex is not null && start < end && _regex.IsMatch(text.AsSpan(start, end - start));

    private static string LiteralPattern(string term)
    {
        var pattern = new StringBuilder();
        // Whole Latin words, bounded by Latin letters and digits only, so "guaranteed的" in mixed Chinese and English is
        // still the word. "n't" is a suffix: it must not need a boundary before it.
        if (char.IsAsciiLetterOrDigit(term[0]) && !(term.Length > 1 && term[1] is '\'' or '’')) pattern.Append("(?<![A-Za-z0-9])");
        pattern.Append(Regex.Escape(term));
        if (char.IsAsciiLetterOrDigit(term[^1])) pattern.Append("(?![A-Za-z0-9])");
        return pattern.ToString();
    }
}

/// <summary>A half-open range [Start, End) of a text.</summary>
internal readonly record struct TextSpan(int Start, int End)
{
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;
}
