using Microsoft.ML.Tokenizers;

namespace Copilot.Knowledge.Chunking;

/// <summary>Counts tokens the way OpenAI-family models do (cl100k), so chunk sizes are real for Chinese too.</summary>
/// <remarks>
/// cl100k's byte-pair merge is quadratic in the length of one pre-token, and a run of letters with no space or
/// punctuation is one pre-token: 10,000 copies of one Chinese character took about 45 s to chunk. Runs longer than
/// <see cref="MaxRun"/> characters of one kind (letters, other symbols, spaces) are therefore counted in pieces of
/// that length. Text without such a run — all ordinary prose, whose punctuation breaks runs far sooner — is counted
/// exactly as before; a cut inside a long run can only miss a merge across the cut, one token per cut at most.
/// </remarks>
public sealed class TokenCounter
{
    /// <summary>The longest run of one kind of character counted in one piece.</summary>
    public const int MaxRun = 256;

    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForModel("gpt-4");

    public static TokenCounter Shared { get; } = new();

    public int Count(string text)
    {
        if (text.Length == 0) return 0;
        var count = 0;
        foreach (var (start, length) in Pieces(text))
            count += _tokenizer.CountTokens(text.AsSpan(start, length));
        return count;
    }

    /// <summary>The length of the longest prefix of <paramref name="text"/> that is at most <paramref name="maxTokens"/> tokens.</summary>
    public int PrefixLength(string text, int maxTokens)
    {
        var used = 0;
        foreach (var (start, length) in Pieces(text))
        {
            var piece = text.AsSpan(start, length);
            var tokens = _tokenizer.CountTokens(piece);
            if (used + tokens > maxTokens)
                return used == maxTokens ? start : start + _tokenizer.GetIndexByTokenCount(piece, maxTokens - used, out _, out _, considerPreTokenization: true, considerNormalization: false);
            used += tokens;
        }
        return text.Length;
    }

    // The text whole when it has no long run; otherwise cut inside each long run every MaxRun characters (never between a surrogate pair).
    private static IEnumerable<(int Start, int Length)> Pieces(string text)
    {
        var start = 0;
        var run = 0;
        var kind = Kind.Space;
        for (var i = 0; i < text.Length; i++)
        {
            var current = KindOf(text[i]);
            run = current == kind ? run + 1 : 1;
            kind = current;
            if (run > MaxRun && !char.IsLowSurrogate(text[i]))
            {
                yield return (start, i - start);
                start = i;
                run = 1;
            }
        }
        yield return (start, text.Length - start);
    }

    private enum Kind { Letter, Digit, Space, Other }

    private static Kind KindOf(char c) =>
        char.IsLetter(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark ? Kind.Letter
        : char.IsDigit(c) ? Kind.Digit
        : char.IsWhiteSpace(c) ? Kind.Space
        : Kind.Other;
}
