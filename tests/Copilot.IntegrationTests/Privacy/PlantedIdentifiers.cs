namespace Copilot.IntegrationTests.Privacy;

/// <summary>Personal data and secrets of the kinds a broker's callers send, planted in requests to see whether any reaches a log or the model.</summary>
public static class PlantedIdentifiers
{
    public const string Mobile = "13812345678";
    public const string MobileWithCountryCode = "+86 139-8765-4321";
    public const string MobileSpaced = "150 1234 5678";
    public const string Landline = "021-62345678";
    public const string IdCard = "110101199003074578";
    public const string IdCardWithX = "44030419851212361X";
    public const string OldIdCard = "110101900307457";
    public static readonly string BankCard = WithLuhnDigit("622202123456789012");
    public static readonly string BankCardSpaced = Spaced(WithLuhnDigit("621226020000123"));
    public const string ShanghaiAccount = "A123456789";
    public const string FundAccount = "880012345678";
    public const string Email = "ouyang.zh@example.com";
    public const string OpenAiStyleKey = "sk-live-9fJq2LmXvP0aZr7TqW";
    public const string WrongApiKey = "wrong-key-Zx81Qp55Lm0";
    public const string PasswordValue = "Tr0ub4dor-3x";
    public const string ClientName = "欧阳震华";
    public const string HonorificName = "钱先生";

    /// <summary>The identifiers the model must not see unless allowed.</summary>
    public static IReadOnlyList<string> Identifiers =>
        [Mobile, MobileWithCountryCode, MobileSpaced, IdCard, IdCardWithX, OldIdCard, BankCard, BankCardSpaced, ShanghaiAccount, FundAccount];

    /// <summary>Everything that must never reach a log line.</summary>
    public static IReadOnlyList<string> All =>
        [.. Identifiers, Landline, Email, OpenAiStyleKey, WrongApiKey, PasswordValue, ClientName, HonorificName];

    /// <summary>A chat message full of them, as an advisor might paste from a client's file.</summary>
    public static string Message =>
        $"{HonorificName}（客户{ClientName}）手机{Mobile}，另一个号码{MobileWithCountryCode}，座机{Landline}，身份证{IdCard}，"
        + $"老身份证{OldIdCard}，配偶身份证{IdCardWithX}，银行卡{BankCard}，另一张卡{BankCardSpaced}，股东账户{ShanghaiAccount}，"
        + $"资金账号：{FundAccount}，邮箱{Email}，备用号{MobileSpaced}。他能买R3的产品吗？";

    /// <summary>Where secrets turn up: a key pasted into a note, a password in a connection string.</summary>
    public static string Secrets => $"api_key={OpenAiStyleKey}; Host=pg;Password={PasswordValue}";

    private static string WithLuhnDigit(string body)
    {
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + check;
            var sum = 0;
            for (var i = 0; i < candidate.Length; i++)
            {
                var d = candidate[candidate.Length - 1 - i] - '0';
                if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
                sum += d;
            }
            if (sum % 10 == 0) return candidate;
        }
        throw new InvalidOperationException("unreachable");
    }

    private static string Spaced(string digits) => string.Join(' ', digits.Chunk(4).Select(c => new string(c)));
}
