namespace Copilot.Knowledge.Dictionary;

/// <summary>Which script a question is written in, to treat the Chinese expansions of an English question as its translation.</summary>
internal static class QuestionScript
{
    /// <summary>True when Latin letters outnumber Chinese characters three to one ("what is 两融?" is English; "低佣 ETF" is not).</summary>
    public static bool IsLatin(string text)
    {
        int latin = 0, cjk = 0;
        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z') latin++;
            else if (IsCjk(c)) cjk++;
        }
        return latin > 3 * cjk;
    }

    public static bool HasCjk(string text) => text.Any(IsCjk);

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
