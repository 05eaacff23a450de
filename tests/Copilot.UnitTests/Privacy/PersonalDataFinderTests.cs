using Copilot.Privacy;

namespace Copilot.UnitTests.Privacy;

/// <summary>What counts as an identifier: the shapes Chinese brokers' callers send, and the numbers that only look like them.</summary>
public sealed class PersonalDataFinderTests
{
    [Theory]
    [InlineData("手机13812345678请回电", "13812345678", PersonalDataKind.Phone)]
    [InlineData("call +86 139-8765-4321 today", "+86 139-8765-4321", PersonalDataKind.Phone)]
    [InlineData("号码 150 1234 5678。", "150 1234 5678", PersonalDataKind.Phone)]
    [InlineData("(+86)13912345678", "(+86)13912345678", PersonalDataKind.Phone)]
    [InlineData("座机021-62345678", "021-62345678", PersonalDataKind.Phone)]
    [InlineData("身份证110101199003074578。", "110101199003074578", PersonalDataKind.IdCard)]
    [InlineData("ID 44030419851212361x", "44030419851212361x", PersonalDataKind.IdCard)]
    [InlineData("旧证110101900307457", "110101900307457", PersonalDataKind.IdCard)]
    [InlineData("卡号6222021234567890128", "6222021234567890128", PersonalDataKind.BankCard)]
    [InlineData("card 4111 1111 1111 1111 ok", "4111 1111 1111 1111", PersonalDataKind.BankCard)]
    [InlineData("股东账户A123456789", "A123456789", PersonalDataKind.Account)]
    [InlineData("资金账号：880012345678", "880012345678", PersonalDataKind.Account)]
    [InlineData("fund account no. 12345678", "12345678", PersonalDataKind.Account)]
    [InlineData("mail ouyang.zh@example.com now", "ouyang.zh@example.com", PersonalDataKind.Email)]
    public void Finds_identifiers_for_the_model(string text, string expected, PersonalDataKind kind)
    {
        var match = Assert.Single(PersonalDataFinder.Find(text, strict: false));
        Assert.Equal(expected, text.Substring(match.Index, match.Length));
        Assert.Equal(kind, match.Kind);
    }

    [Theory]
    [InlineData("执业编号：S0820118020031")]
    [InlineData("2026-12-01 收盘下跌 3.25%，成交 1,234,567,890 元")]
    [InlineData("草稿 9f1c2a7be0d34c55a1b2c3d4e5f60718 待审核")]
    [InlineData("产品 ES3001 风险等级 R3，期限 36 个月")]
    [InlineData("卡号6222021234567890125")]
    public void Leaves_what_only_looks_like_one(string text) =>
        Assert.Empty(PersonalDataFinder.Find(text, strict: false));

    [Theory]
    [InlineData("Authorization: Bearer abc.def-123", "abc.def-123", PersonalDataKind.Secret)]
    [InlineData("key sk-live-9fJq2LmXvP0aZr7TqW leaked", "sk-live-9fJq2LmXvP0aZr7TqW", PersonalDataKind.Secret)]
    [InlineData("Host=pg;Password=Tr0ub4dor-3x;", "Tr0ub4dor-3x", PersonalDataKind.Secret)]
    [InlineData("客户钱先生来电", "钱先生", PersonalDataKind.Name)]
    [InlineData("order 62220212345678901 failed", "62220212345678901", PersonalDataKind.Account)]
    public void Logs_also_mask_secrets_names_and_any_long_number(string text, string expected, PersonalDataKind kind)
    {
        var match = Assert.Single(PersonalDataFinder.Find(text, strict: true));
        Assert.Equal(expected, text.Substring(match.Index, match.Length));
        Assert.Equal(kind, match.Kind);
        Assert.DoesNotContain(PersonalDataFinder.Find(text, strict: false), m => m.Kind == kind && kind != PersonalDataKind.Account);
    }

    [Fact]
    public void Replace_keeps_the_text_around_each_identifier()
    {
        var masked = PersonalDataFinder.Replace("身份证110101199003074578，手机13812345678。", strict: false, (kind, _) => $"<{kind}>");
        Assert.Equal("身份证<IdCard>，手机<Phone>。", masked);
    }
}
