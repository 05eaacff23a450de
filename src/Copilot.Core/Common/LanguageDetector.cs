namespace Copilot.Common;

/// <summary>Tells Chinese from English text by the share of CJK characters among letters.</summary>
public static class LanguageDetector
{
    public static string Detect(string text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4000)))
        {
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf') cjk++;
            else if (char.IsAsciiLetter(c)) latin++;
        }
        // A Chinese character carries about as much as a short English word, so weigh it against ~4 letters.
        return cjk * 4 >= latin && cjk > 0 ? "zh-CN" : "en";
    }

    public static bool IsChinese(string text) => Detect(text) == "zh-CN";
}
