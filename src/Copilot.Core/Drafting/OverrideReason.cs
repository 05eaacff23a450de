using System.Text.RegularExpressions;

namespace Copilot.Drafting;

/// <summary>
/// What counts as a reason for approving a draft whose latest pre-check fails: a sentence, not "ok". At least
/// <see cref="MinCharacters"/> characters and at least <see cref="MinHanzi"/> Chinese characters or
/// <see cref="MinWords"/> words, with at least <see cref="MinDistinct"/> different letters or characters so that
/// "好好好好…" or "ok ok ok ok ok" is not one.
/// </summary>
public static partial class OverrideReason
{
    public const int MinCharacters = 20;
    public const int MinHanzi = 10;
    public const int MinWords = 5;
    public const int MinDistinct = 8;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Hanzi();

    [GeneratedRegex(@"[\p{L}\p{N}-[\p{IsCJKUnifiedIdeographs}]]+")]
    private static partial Regex Word();

    /// <summary>Whether <paramref name="reason"/> says, in a sentence, why the failed pre-check is overridden.</summary>
    public static bool IsSentence(string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < MinCharacters) return false;
        var hanzi = Hanzi().Count(text);
        var words = Word().Count(text);
        var distinct = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).Distinct().Count();
        return (hanzi >= MinHanzi || words >= MinWords) && distinct >= MinDistinct;
    }

    public static string Requirement =>
        $"Give the reason for overriding the failed pre-check in a sentence: at least {MinCharacters} characters and {MinHanzi} 汉字 or {MinWords} words.";
}
