using System.Text.RegularExpressions;

namespace Copilot.Privacy;

/// <summary>
/// Finds PRC ID card numbers, bank card numbers (Luhn), CN phone numbers, securities and fund account numbers, emails,
/// API keys and bearer tokens, and honorific names (张先生) in free text. Patterns, not a dictionary: a log or a prompt
/// holds text from anyone, so over-masking a number is the safe mistake.
/// </summary>
public static partial class PersonalDataFinder
{
    /// <summary>
    /// All matches, in order, without overlaps. <paramref name="strict"/> (for logs) also masks any standalone run of 11+
    /// digits, names and secrets; without it (text for the model) only identifiers are found.
    /// </summary>
    public static IReadOnlyList<PersonalDataMatch> Find(string text, bool strict)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<PersonalDataMatch>();
        foreach (Match m in Identifiers().Matches(text))
        {
            var kind = KindOf(m, strict);
            if (kind is { } k) found.Add(new PersonalDataMatch(m.Index, m.Length, k));
        }
        if (strict)
        {
            Add(found, Names(), text, PersonalDataKind.Name);
            Add(found, Secrets(), text, PersonalDataKind.Secret);
        }
        return Merge(found);
    }

    /// <summary>Replaces each match with <paramref name="replacement"/>'s text for its kind.</summary>
    public static string Replace(string text, bool strict, Func<PersonalDataKind, string, string> replacement)
    {
        var matches = Find(text, strict);
        if (matches.Count == 0) return text;
        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches)
        {
            result.Append(text, at, m.Index - at).Append(replacement(m.Kind, text.Substring(m.Index, m.Length)));
            at = m.Index + m.Length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    private static PersonalDataKind? KindOf(Match m, bool strict)
    {
        if (m.Groups["email"].Success) return PersonalDataKind.Email;
        if (m.Groups["id"].Success) return PersonalDataKind.IdCard;
        if (m.Groups["phone"].Success) return PersonalDataKind.Phone;
        if (m.Groups["account"].Success) return PersonalDataKind.Account;
        if (m.Groups["digits"].Success)
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is >= 16 and <= 19 && Luhn(digits)) return PersonalDataKind.BankCard;
            if (digits.Length == 15 && OldIdCard().IsMatch(digits)) return PersonalDataKind.IdCard;
            // A long number in a log is masked whatever it is; for the model only what is recognisably an identifier.
            if (strict && digits.Length >= 11) return PersonalDataKind.Account;
        }
        return null;
    }

    /// <summary>The Luhn check every bank card number passes.</summary>
    public static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static void Add(List<PersonalDataMatch> found, Regex pattern, string text, PersonalDataKind kind)
    {
        foreach (Match m in pattern.Matches(text))
        {
            var group = m.Groups["value"].Success ? m.Groups["value"] : m.Groups[0];
            found.Add(new PersonalDataMatch(group.Index, group.Length, kind));
        }
    }

    private static List<PersonalDataMatch> Merge(List<PersonalDataMatch> found)
    {
        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var merged = new List<PersonalDataMatch>(found.Count);
        foreach (var m in found)
            if (merged.Count == 0 || m.Index >= merged[^1].Index + merged[^1].Length) merged.Add(m);
        return merged;
    }

    // One pass over the text for every numeric identifier; the alternatives are tried in order at each position.
    [GeneratedRegex("""
        (?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})
        |(?<![0-9A-Za-z])(?<id>[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx])(?![0-9A-Za-z])
        |(?<![0-9A-Za-z+])(?<phone>(?:(?:\+|00)86[\s-]?|\(\+?86\)\s?)?1[3-9]\d(?:[\s-]?\d{4}){2}|0\d{2,3}-\d{7,8})(?![0-9A-Za-z])
        |(?<account>(?<![0-9A-Za-z])[A-Z]\d{9}(?![0-9A-Za-z])|(?<=(?:账号|账户|帐号|帐户|户号|account(?:\s+(?:no\.?|number))?|acct\.?)\s*[:：#]?\s*)\d{6,20})
        |(?<![0-9A-Za-z])(?<digits>\d(?:[\s-]?\d){14,18})(?![0-9A-Za-z])
        |(?<![0-9A-Za-z])(?<digits>\d{11,})(?![0-9A-Za-z])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"^[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$")]
    private static partial Regex OldIdCard();

    // A surname, at most two more characters, then how a client is addressed: 张先生, 欧阳女士, 李建国先生.
    [GeneratedRegex("(?:欧阳|司马|上官|诸葛|东方|皇甫|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤])[\u4e00-\u9fff]{0,2}?(?:先生|女士|小姐|阿姨|老师|总|经理)")]
    private static partial Regex Names();

    // Bearer tokens, OpenAI-style keys, JWTs, key=value secrets (connection strings, query strings). Not long hex: ids are hex.
    [GeneratedRegex("""
        (?<=\bBearer\s+)(?<value>[^\s,;"']+)
        |\b(?:sk|pk|rk)-[A-Za-z0-9_-]{12,}
        |\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*
        |(?<=\b(?:api[_-]?key|x-api-key|apikey|secret|password|passwd|pwd|token|access[_-]?token)["']?\s*[=:]\s*["']?)(?<value>[^\s,;&"']+)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();
}
